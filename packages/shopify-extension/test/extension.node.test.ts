/**
 * The extension as Shopify's CLI and theme check see it: zero theme-check
 * offences, and the limits Shopify enforces on deploy or documents (block
 * count, Liquid and locale sizes, names, schema JSON, enabled_on xor
 * disabled_on, asset types, the embed's script size).
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { themeCheckRun } from '@shopify/theme-check-node';
import { EXTENSION, blockSchema } from './liquid.js';

const ASSET_TYPES = ['.js', '.css', '.svg', '.png', '.jpg', '.jpeg'];
const files = (dir: string) => (existsSync(join(EXTENSION, dir)) ? readdirSync(join(EXTENSION, dir)) : []);
const read = (dir: string, file: string) => readFileSync(join(EXTENSION, dir, file), 'utf8');
const size = (dir: string, file: string) => statSync(join(EXTENSION, dir, file)).size;

before(() => {
  assert.ok(
    files('assets').includes('shopfront.js'),
    'packages/shopify-extension/assets/ is built by the CDN build: run `npx rollup -c` (npm test does) first',
  );
});

describe('theme check', () => {
  it('finds zero offences (theme-check:theme-app-extension)', async () => {
    const { offenses } = await themeCheckRun(EXTENSION, join(EXTENSION, '.theme-check.yml'), () => {});
    const described = offenses.map((o) => `${o.check} ${o.uri.replace(/^.*shopify-extension\//, '')}:${o.start.line + 1} ${o.message}`);
    assert.deepEqual(described, []);
  });
});

describe("Shopify's limits", () => {
  it('has only the folders Shopify deploys, each flat, with the file types each allows', () => {
    const folders = readdirSync(EXTENSION, { withFileTypes: true }).filter((entry) => entry.isDirectory() && entry.name !== 'node_modules');
    // test/ stays out of the deploy through .shopifyignore.
    assert.deepEqual(folders.map((f) => f.name).sort(), ['assets', 'blocks', 'locales', 'snippets', 'test']);
    assert.match(readFileSync(join(EXTENSION, '.shopifyignore'), 'utf8'), /^test\/\*$/m);
    for (const [dir, allowed] of [
      ['blocks', ['.liquid']],
      ['snippets', ['.liquid']],
      ['locales', ['.json']],
      ['assets', ASSET_TYPES],
    ] as const) {
      for (const file of files(dir)) {
        assert.ok(statSync(join(EXTENSION, dir, file)).isFile(), `${dir}/${file} is a file (folders are flat)`);
        assert.ok(allowed.some((type) => file.endsWith(type)) && !file.endsWith('.js.map'), `${dir}/${file} is an allowed type`);
      }
    }
    assert.equal(files('assets').filter((file) => file.endsWith('.map')).length, 0, 'no source maps');
    assert.match(readFileSync(join(EXTENSION, 'shopify.extension.toml'), 'utf8'), /^type = "theme"$/m);
  });

  it('has at most 30 blocks, one of them an app embed', () => {
    const blocks = files('blocks');
    assert.ok(blocks.length > 0 && blocks.length <= 30, `${blocks.length} blocks`);
    const targets = blocks.map((file) => blockSchema(file).target);
    assert.deepEqual(targets.filter((target) => target === 'body').length, 1);
    assert.ok(targets.every((target) => target === 'body' || target === 'section'));
  });

  it('keeps all Liquid under 100 KB', () => {
    const total = [...files('blocks').map((f) => size('blocks', f)), ...files('snippets').map((f) => size('snippets', f))].reduce(
      (a, b) => a + b,
      0,
    );
    assert.ok(total <= 100 * 1024, `${total} bytes of Liquid`);
  });

  it('keeps each locale file under 15 KB, with en and fr for the storefront and the editor', () => {
    const locales = files('locales');
    for (const file of ['en.default.json', 'en.default.schema.json', 'fr.json', 'fr.schema.json']) assert.ok(locales.includes(file), file);
    for (const file of locales) {
      assert.ok(size('locales', file) <= 15 * 1024, `${file} is ${size('locales', file)} bytes`);
      JSON.parse(read('locales', file));
    }
  });

  it('has the same keys in every language', () => {
    const keys = (value: unknown, prefix = ''): string[] =>
      typeof value === 'object' && value !== null && !('one' in value)
        ? Object.entries(value).flatMap(([key, inner]) => keys(inner, `${prefix}${key}.`))
        : [prefix.slice(0, -1)];
    for (const [base, other] of [
      ['en.default.json', 'fr.json'],
      ['en.default.schema.json', 'fr.schema.json'],
    ]) {
      assert.deepEqual(keys(JSON.parse(read('locales', other!))).sort(), keys(JSON.parse(read('locales', base!))).sort(), other);
    }
  });

  it('names every block and snippet (and its schema name) in under 25 characters', () => {
    for (const file of [...files('blocks'), ...files('snippets')]) assert.ok(file.replace(/\.liquid$/, '').length < 25, file);
    const schemaLocale = JSON.parse(read('locales', 'en.default.schema.json'));
    for (const file of files('blocks')) {
      const { name } = blockSchema(file);
      const shown = name.startsWith('t:')
        ? name
            .slice(2)
            .split('.')
            .reduce((node, key) => node[key], schemaLocale)
        : name;
      assert.ok(typeof shown === 'string' && shown.length > 0 && shown.length < 25, `${file}: "${shown}"`);
    }
  });

  it('gives each block valid schema JSON: enabled_on or disabled_on, never both; assets that exist', () => {
    for (const file of files('blocks')) {
      const schema = blockSchema(file);
      assert.ok(!(schema.enabled_on && schema.disabled_on), `${file}: enabled_on and disabled_on`);
      for (const asset of [schema.javascript, schema.stylesheet].filter(Boolean))
        assert.ok(files('assets').includes(asset!), `${file}: ${asset}`);
      const ids = (schema.settings ?? []).filter((setting) => setting.id).map((setting) => setting.id);
      assert.equal(new Set(ids).size, ids.length, `${file}: setting ids are unique`);
    }
    const product = blockSchema('review-feed.liquid').settings?.find((setting) => setting.type === 'product');
    assert.equal(product?.autofill, true, 'the review feed fills in the product of the page');
  });

  it("keeps the embed's script under 10,000 raw bytes", () => {
    const embed = read('blocks', 'embed.liquid');
    const scripts = [...embed.matchAll(/'([\w-]+\.js)' \| asset_url/g)].map((match) => match[1]!);
    const schema = blockSchema('embed.liquid');
    if (schema.javascript) scripts.push(schema.javascript);
    assert.deepEqual(scripts, ['shopfront.js']);
    for (const script of scripts) assert.ok(size('assets', script) <= 10_000, `${script} is ${size('assets', script)} bytes`);
  });

  it('copies every chunk the loader can import, so relative imports resolve on Shopify’s CDN', () => {
    const assets = new Set(files('assets'));
    for (const file of assets) {
      if (!file.endsWith('.js')) continue;
      for (const [, target] of read('assets', file).matchAll(/(?:from|import\()\s*["']\.\/([^"']+)["']/g))
        assert.ok(assets.has(target!), `${file} imports ${target}`);
    }
  });
});

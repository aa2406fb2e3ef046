/**
 * The CDN build's dynamic imports can be tried again after a failed fetch
 * (packages/core/src/retrying-import.ts says why): every import of one of its
 * own chunks goes through `__shopfrontImport`, and the browser tests serve the
 * sources with the same rewrite.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { init, parse } from 'es-module-lexer';
import { rewriteDynamicImports } from '../../scripts/retrying-imports.mjs';

const cdn = 'dist/cdn';

describe('retrying dynamic imports', () => {
  it('rewrites imports of a literal specifier and leaves static and computed ones alone', async () => {
    const code = [
      "import { a } from './a.js';",
      "const panel = () => import('./panel.js').then((m) => m.Panel);",
      'const any = (url) => import(url);',
      'console.log(import.meta.url);',
    ].join('\n');
    assert.equal(
      await rewriteDynamicImports(code),
      [
        "import { a } from './a.js';",
        "const panel = () => __shopfrontImport('./panel.js',import.meta.url).then((m) => m.Panel);",
        'const any = (url) => import(url);',
        'console.log(import.meta.url);',
      ].join('\n'),
    );
    assert.equal(await rewriteDynamicImports("import './side-effect.js';"), "import './side-effect.js';");
  });

  it(
    'leaves no plain import() of its own chunks in the CDN build',
    { skip: !existsSync(cdn) && 'no dist/cdn: run `npm run build`' },
    async () => {
      await init;
      const files = readdirSync(cdn).filter((file) => file.endsWith('.js'));
      const plain = files.flatMap((file) =>
        parse(readFileSync(join(cdn, file), 'utf8'))[0]
          .filter(({ d, n }) => d >= 0 && n !== undefined)
          .map(({ n }) => `${file} imports ${n}`),
      );
      assert.deepEqual(plain, []);
      const rewritten = files.filter((file) => readFileSync(join(cdn, file), 'utf8').includes('__shopfrontImport('));
      // The loader (widgets, adapters), the shared chunk (translations) and each widget with parts or translations.
      assert.ok(rewritten.includes('shopfront.js') && rewritten.length >= 7, rewritten.join());
    },
  );
});

// The Shopify theme app extension's assets/ are build output: after the CDN
// build writes dist/cdn, this copies the loader and every chunk it can import
// into packages/shopify-extension/assets (flat, as Shopify requires), with the
// stylesheets, and nothing Shopify refuses (no .js.map, no manifest.json).
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const EXTENSION = 'packages/shopify-extension';

/** The file types Shopify's CLI accepts in a theme app extension's assets/. */
export const SHOPIFY_ASSET_TYPES = ['.js', '.css', '.svg', '.png', '.jpg', '.jpeg'];

/** The same minification the CDN build gives shopfront.css. */
export const minifyCss = (css) =>
  `${css
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s*([{}:;,])\s*/g, '$1')
    .replace(/;}/g, '}')
    .trim()}\n`;

/** Rollup output plugin: runs once the CDN build is on disk. */
export const shopifyAssets = () => ({
  name: 'shopify-assets',
  writeBundle({ dir }) {
    if (!existsSync(EXTENSION)) return;
    const target = join(EXTENSION, 'assets');
    rmSync(target, { recursive: true, force: true });
    mkdirSync(target, { recursive: true });
    for (const file of readdirSync(dir)) {
      if (SHOPIFY_ASSET_TYPES.some((type) => file.endsWith(type))) copyFileSync(join(dir, file), join(target, file));
    }
    const blocks = readFileSync(join(EXTENSION, 'shopfront-blocks.css'), 'utf8');
    writeFileSync(join(target, 'shopfront-blocks.css'), minifyCss(blocks));
  },
});

// How the CDN build minifies its chunks: rollup.config.mjs ships with it, and
// scripts/widget-chunks.mjs measures with it, so sizes printed anywhere match.
import terser from '@rollup/plugin-terser';
import { minify } from 'rollup-plugin-esbuild';

/** Rollup output plugins: esbuild minifies; Terser's extra passes then take another 2-3% off. */
export const cdnMinify = () => [
  minify({ target: 'es2022', legalComments: 'none' }),
  terser({ module: true, ecma: 2022, compress: { passes: 3, pure_getters: true }, format: { comments: false } }),
];

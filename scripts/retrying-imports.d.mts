// Types for scripts/retrying-imports.mjs, for the Node test that imports it.
import type { Plugin } from 'rollup';
import type { Middleware } from 'koa';

export function retryingImports(): Plugin;
export function rewriteDynamicImports(code: string): Promise<string>;
export function retryingImportsMiddleware(): Middleware;

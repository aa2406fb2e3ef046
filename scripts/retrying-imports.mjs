// Dynamic imports that can be tried again after a failed fetch: every
// `import('./chunk.js')` of a module becomes
// `__shopfrontImport('./chunk.js', import.meta.url)`, core's retryingImport
// (packages/core/src/retrying-import.ts says why browsers need it), which
// core's global module installs before any widget or part is imported.
//
// The CDN build rewrites its chunks; the browser tests rewrite the sources as
// served, so the failure tests exercise what the CDN ships. The npm build keeps
// plain `import()`: a shop's own bundler splits and loads those chunks. Only
// imports of a literal specifier are rewritten (retryingImport's own import of
// a computed URL stays as it is).
import { init, parse } from 'es-module-lexer';

const LEFT = '__shopfrontImport(';
const RIGHT = ',import.meta.url)';

/** Rollup output plugin: the bundle's dynamic imports of its own chunks, as retrying ones. */
export function retryingImports() {
  return {
    name: 'retrying-imports',
    renderDynamicImport: ({ targetModuleId }) => (targetModuleId ? { left: LEFT, right: RIGHT } : null),
  };
}

/** The same rewrite on a module's code as served (its specifiers already resolved). */
export async function rewriteDynamicImports(code) {
  await init;
  const [imports] = parse(code);
  let out = '';
  let at = 0;
  for (const { d, n, s, e, ss, se } of imports) {
    if (d < 0 || n === undefined) continue;
    out += `${code.slice(at, ss)}${LEFT}${code.slice(s, e)}${RIGHT}`;
    at = se;
  }
  return at === 0 ? code : out + code.slice(at);
}

/**
 * Web Test Runner middleware: rewrites the project's own modules (not its
 * dependencies) after every plugin has transformed them.
 */
export function retryingImportsMiddleware() {
  return async (context, next) => {
    await next();
    const own = context.path.startsWith('/packages/') || context.path.startsWith('/test/');
    if (!own || context.status !== 200 || !context.response.is('js')) return;
    const body = typeof context.body === 'string' ? context.body : String(context.body ?? '');
    context.body = await rewriteDynamicImports(body);
  };
}

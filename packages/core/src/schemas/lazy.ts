/**
 * A schema built the first time it is used. A widget's page uses a few of
 * Shopfront's schemas, and building them all as the shared chunk is evaluated
 * cost about 70 ms of main thread on a phone (Lighthouse's 4× CPU), inside the
 * page's longest task. The proxy stands for the schema everywhere (parsing,
 * `.shape`, nesting in another schema, `z.infer`), and it is the one object
 * every reference sees, so registries keyed by schema keep working. Call it
 * with a `@__PURE__` annotation: a bundler then drops a schema nothing uses.
 */
export function lazy<T extends object>(build: () => T): T {
  let built: T | undefined;
  const schema = (): T => (built ??= build());
  // What zod and callers do with a schema: read its properties (`safeParse`, `_zod`, `shape`) and test them with `in`.
  return new Proxy({} as T, { get: (_, key) => Reflect.get(schema(), key), has: (_, key) => Reflect.has(schema(), key) });
}

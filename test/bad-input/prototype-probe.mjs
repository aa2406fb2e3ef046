// Preloaded into the server process under test (`--import`): when the process
// exits, prints the properties that appeared on the built-in prototypes while it
// ran. A body such as `{"__proto__": {"admin": true}}` that reached a naive
// merge would show here, even if no answer gave it away.
const watched = { Object: Object.prototype, Array: Array.prototype, Function: Function.prototype, String: String.prototype };
const before = Object.fromEntries(Object.entries(watched).map(([name, prototype]) => [name, new Set(Reflect.ownKeys(prototype))]));

process.on('exit', () => {
  const added = Object.fromEntries(
    Object.entries(watched).map(([name, prototype]) => [
      name,
      Reflect.ownKeys(prototype)
        .filter((key) => !before[name].has(key))
        .map(String),
    ]),
  );
  process.stderr.write(`PROTOTYPE-PROBE ${JSON.stringify(added)}\n`);
});

// The reference server in a process of its own, for benches that load it from
// outside (so the load and the server do not share an event loop, and the
// server's memory is its own). `fork` this file with the server options as JSON
// in argv[2]; it sends `{ url }` once listening, then answers messages:
// `{ say: conversationId, body }` → `{ writeMs }` (an agent's message stored and
// published), `{ memory: true }` → `{ rss, heapUsed }` after a full GC, `{ stop: true }`.
import { startServer } from '../../packages/server/src/index.ts';

const server = await startServer({ port: 0, log: () => undefined, ...JSON.parse(process.argv[2] ?? '{}') });
process.send({ url: server.url });
process.on('message', async (message) => {
  if (message.say) {
    const start = performance.now();
    await server.agentSays(message.say, message.body);
    process.send({ writeMs: performance.now() - start });
  } else if (message.memory) {
    globalThis.gc?.();
    const { rss, heapUsed } = process.memoryUsage();
    process.send({ rss, heapUsed });
  } else if (message.stop) {
    await server.close();
    process.exit(0);
  }
});

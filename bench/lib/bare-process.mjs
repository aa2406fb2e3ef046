// A bare `node:http` server in a process of its own, answering every request
// with the bytes and headers it is sent: the ceiling Shopfront's server is
// compared with. Its own process, as the server under test has, so neither
// shares an event loop with the load generator. `fork` this file, send
// `{ body: base64, headers }`; it answers `{ port }`, then exits on `{ stop: true }`.
import http from 'node:http';

process.once('message', ({ body, headers }) => {
  const bytes = Buffer.from(body, 'base64');
  const server = http.createServer((_request, response) => response.writeHead(200, headers).end(bytes));
  server.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }));
  process.on('message', (message) => {
    if (message.stop) server.close(() => process.exit(0));
  });
});

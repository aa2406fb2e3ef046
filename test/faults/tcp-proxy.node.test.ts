/**
 * The cutting TCP proxy the chat chaos suite runs through (test/helpers/tcp-proxy.ts):
 * a cut is a reset the client sees, and no cut leaves a socket open, whatever
 * state the connection is in; a socket left open keeps the test process from
 * ever exiting, which once hung CI after every test had passed.
 */
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { connect, createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { after, describe, it } from 'node:test';
import { cut, startTcpProxy } from '../helpers/tcp-proxy.js';

const servers: Server[] = [];
after(() => Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve)))));

/** A server on a free local port, answering each connection with `onConnection`. */
async function listen(onConnection: (socket: Socket) => void): Promise<number> {
  const server = createServer((socket) => {
    socket.on('error', () => {});
    onConnection(socket);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

async function connected(port: number, options: { allowHalfOpen?: boolean } = {}): Promise<Socket> {
  const socket = connect({ port, host: '127.0.0.1', ...options });
  await once(socket, 'connect');
  return socket;
}

describe('cut', () => {
  it('resets an open connection: the other side sees ECONNRESET', async () => {
    let accept!: (socket: Socket) => void;
    const accepted = new Promise<Socket>((resolve) => (accept = resolve));
    const port = await listen((socket) => accept(socket));
    const client = await connected(port);
    const failed = once(client, 'error');
    cut(await accepted);
    const [error] = (await failed) as [NodeJS.ErrnoException];
    assert.equal(error.code, 'ECONNRESET');
  });

  it('closes a socket whose end() is still under way (a reset would fail with EINVAL and leave it open)', async () => {
    const port = await listen(() => {});
    const client = await connected(port);
    // `once` rejects on 'error': the failed reset ("EINVAL reset") fails the test instead of leaving the socket behind.
    const closed = once(client, 'close');
    client.end();
    cut(client);
    await closed;
    assert.equal(client.destroyed, true);
  });
});

describe('the proxy', () => {
  it('drops connections the server has half closed, and closes with nothing left open', async () => {
    const serverPort = await listen((socket) => socket.end('bye'));
    const proxy = await startTcpProxy(serverPort);
    // The client keeps its own side open, so the proxy holds a socket it has ended.
    const client = await connected(proxy.port, { allowHalfOpen: true });
    client.on('error', () => {});
    client.resume();
    await once(client, 'end');
    assert.equal(proxy.drop(), 1);
    // Resolves once every socket of the proxy's is closed: one left open would keep it (and this process) waiting.
    await proxy.close();
    client.destroy();
  });

  it('passes the answer through, and drop() cuts a connection that is waiting for one', async () => {
    const serverPort = await listen((socket) => socket.once('data', () => socket.write('pong')));
    const proxy = await startTcpProxy(serverPort);
    try {
      const client = await connected(proxy.port);
      client.write('ping');
      const [answer] = (await once(client, 'data')) as [Buffer];
      assert.equal(answer.toString(), 'pong');
      const failed = once(client, 'error');
      assert.equal(proxy.drop(), 1);
      const [error] = (await failed) as [NodeJS.ErrnoException];
      assert.equal(error.code, 'ECONNRESET');
    } finally {
      await proxy.close();
    }
  });
});

/**
 * A TCP proxy in front of a server, for tests that cut connections: `drop()`
 * destroys every connection through it at once, as a flaky network or a load
 * balancer would, while the server behind it keeps running; `loseAnswers()`
 * lets requests through but cuts each connection when its answer comes. Clients talk to
 * the proxy's own port, which stays open while the server behind it is
 * restarted: a connection made while nothing listens there is reset at once
 * (the page sees the network fail) instead of reaching whatever might take a
 * free port meanwhile.
 */
import { createServer, connect, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

/**
 * Cuts a connection with a reset, as a failing network does. A socket whose
 * `end()` has begun is destroyed instead: Node cannot reset a socket that is
 * shutting down (libuv's `uv_tcp_close_reset` refuses it with EINVAL), marks it
 * closing all the same and never closes it, and the process then spins at exit
 * for ever. That hung the chat chaos suite after it had passed, about one run
 * in six (its proxy ends the shopper's side when the server ends its own).
 */
export function cut(socket: Socket): void {
  if (socket.writableEnded) socket.destroy();
  else socket.resetAndDestroy();
}

export interface TcpProxy {
  /** `http://127.0.0.1:<port>` of the proxy. */
  url: string;
  port: number;
  /** Destroys every open connection (both sides); returns how many clients were connected. */
  drop(): number;
  /**
   * While on, requests still reach the server but every answer is lost: the
   * connection is cut at the answer's first byte. The server has done the
   * work (stored the message) and the client cannot know it, the case a
   * client id exists for.
   */
  loseAnswers(on: boolean): void;
  close(): Promise<void>;
}

/** A proxy on a free local port that forwards every connection to `127.0.0.1:<targetPort>`. */
export async function startTcpProxy(targetPort: number): Promise<TcpProxy> {
  const open = new Set<Socket>();
  let clients = 0;
  let losing = false;
  const track = (socket: Socket) => {
    open.add(socket);
    socket.once('close', () => open.delete(socket));
  };
  const server = createServer((client) => {
    const upstream = connect(targetPort, '127.0.0.1');
    clients++;
    client.once('close', () => clients--);
    track(client);
    track(upstream);
    // Either side ending or failing ends the other with a reset, as a cut connection does.
    client.on('error', () => cut(upstream));
    upstream.on('error', () => cut(client));
    client.pipe(upstream);
    upstream.on('data', (chunk: Buffer) => {
      if (losing) {
        cut(client);
        cut(upstream);
      } else if (!client.write(chunk)) {
        upstream.pause();
        client.once('drain', () => upstream.resume());
      }
    });
    upstream.once('end', () => client.end());
  });
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    drop() {
      const count = clients;
      for (const socket of open) cut(socket);
      return count;
    },
    loseAnswers(on) {
      losing = on;
    },
    close() {
      for (const socket of open) cut(socket);
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

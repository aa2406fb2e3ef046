// Dev-server middleware for test/faults/network.test.ts: `/__cut-stream?url=<an SSE
// URL>&cut=<text>` proxies that event stream and, the first time `text` comes
// through, sends only the bytes up to its middle and destroys the connection:
// an event stream cut mid-event, as a proxy or a dropped mobile connection cuts
// it. Every later request for the same `text` (the browser reconnecting, with
// its Last-Event-ID) passes through whole.

export function cutStreamMiddleware() {
  const done = new Set();
  return async (ctx, next) => {
    if (ctx.path !== '/__cut-stream') return next();
    const { url, cut } = ctx.query;
    const upstream = new AbortController();
    ctx.req.on('close', () => upstream.abort());
    const headers = { accept: 'text/event-stream' };
    if (ctx.get('last-event-id')) headers['last-event-id'] = ctx.get('last-event-id');
    let response;
    try {
      response = await fetch(url, { headers, signal: upstream.signal });
    } catch {
      ctx.status = 502;
      return;
    }
    ctx.respond = false;
    const res = ctx.res;
    res.writeHead(response.status, { 'content-type': response.headers.get('content-type') ?? 'text/plain', 'cache-control': 'no-store' });
    res.flushHeaders();
    const marker = Buffer.from(String(cut));
    const cutting = !done.has(String(cut));
    let seen = Buffer.alloc(0);
    try {
      for await (const chunk of response.body) {
        const piece = Buffer.from(chunk);
        const at = cutting ? Buffer.concat([seen, piece]).indexOf(marker) : -1;
        if (at >= 0) {
          done.add(String(cut));
          // Up to the marker's middle (at is counted from the start of the kept tail).
          const end = at + Math.floor(marker.length / 2) - seen.length;
          if (end > 0) res.write(piece.subarray(0, end));
          res.destroy();
          upstream.abort();
          return;
        }
        // Keep the tail only: enough to find a marker split across two chunks.
        if (cutting) seen = Buffer.concat([seen, piece]).subarray(-marker.length);
        res.write(piece);
      }
      res.end();
    } catch {
      res.destroy();
    }
  };
}

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseTrustProxy, proxyTrust } from '../src/proxy.js';
import { startTestServer } from './helpers.js';

describe('trusted proxies', () => {
  it('takes the client from the hop the nearest trusted proxy added, not the one the client wrote', () => {
    const oneProxy = proxyTrust(1);
    // The client wrote 6.6.6.6; the load balancer (the socket's peer) appended what it saw.
    assert.equal(oneProxy.clientAddress('10.0.0.2', '6.6.6.6, 203.0.113.7'), '203.0.113.7');
    assert.equal(oneProxy.clientAddress('10.0.0.2', '203.0.113.7'), '203.0.113.7');
    assert.equal(oneProxy.clientAddress('10.0.0.2', undefined), '10.0.0.2', 'no header: the peer itself');
    const twoProxies = proxyTrust(2);
    assert.equal(twoProxies.clientAddress('10.0.0.2', '6.6.6.6, 198.51.100.4, 10.0.0.9'), '198.51.100.4');
    assert.equal(twoProxies.clientAddress('10.0.0.2', '198.51.100.4'), '198.51.100.4', 'fewer hops than proxies: the farthest');
  });

  it('with a list, walks from the socket past every trusted address and range', () => {
    const listed = proxyTrust(['127.0.0.1', '10.0.0.0/8', 'fd00::/8']);
    assert.equal(listed.clientAddress('127.0.0.1', '6.6.6.6, 198.51.100.4, 10.1.2.3'), '198.51.100.4');
    assert.equal(listed.clientAddress('::ffff:127.0.0.1', '198.51.100.4'), '198.51.100.4', 'an IPv4 peer on a dual-stack socket');
    assert.equal(listed.clientAddress('fd00::1', '2001:db8::5'), '2001:db8::5');
    // A request straight from the internet: its header is the client's own writing.
    assert.equal(listed.clientAddress('198.51.100.9', '10.0.0.1'), '198.51.100.9');
    assert.equal(listed.trustsPeer('198.51.100.9'), false);
    assert.equal(listed.trustsPeer('10.200.0.1'), true);
  });

  it('believes nothing when off', () => {
    const none = proxyTrust(false);
    assert.equal(none.clientAddress('198.51.100.9', '1.2.3.4'), '198.51.100.9');
    assert.equal(none.trustsPeer('127.0.0.1'), false);
  });

  it('reads SHOPFRONT_TRUST_PROXY as off, a count or a list, and names what is wrong', () => {
    assert.equal(parseTrustProxy('0'), false);
    assert.equal(parseTrustProxy('false'), false);
    assert.equal(parseTrustProxy('true'), 1);
    assert.equal(parseTrustProxy('2'), 2);
    assert.deepEqual(parseTrustProxy('10.0.0.0/8, ::1'), ['10.0.0.0/8', '::1']);
    assert.throws(() => parseTrustProxy('yes'), /SHOPFRONT_TRUST_PROXY: "yes" is not an IP address or CIDR range/);
    assert.throws(() => parseTrustProxy('10.0.0.0/33'), /"10.0.0.0\/33" is not an IP address or CIDR range/);
    assert.throws(() => parseTrustProxy('99'), /hop count from 0 to 32/);
  });

  it('counts votes sent with 200 made-up X-Forwarded-For addresses against the one real address', async () => {
    const server = await startTestServer({ trustProxy: 1, rateLimits: { writesPerVisitor: 1000, writesPerIp: 5, windowMs: 60_000 } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 200; i++) {
        const response = await server.api('/reviews/demo-review-001/votes', {
          method: 'POST',
          body: '{"helpful":true}',
          // Each request makes up an address; the shop's load balancer appends the one it saw.
          headers: { 'x-forwarded-for': `198.51.${i >> 8}.${i & 255}, 203.0.113.7` },
        });
        await response.body?.cancel();
        statuses.push(response.status);
      }
      assert.equal(statuses.filter((status) => status === 200).length, 5, 'every vote counted against 203.0.113.7');
      assert.equal(statuses.filter((status) => status === 429).length, 195);
    } finally {
      await server.stop();
    }
  });

  it('believes X-Forwarded-Proto and -Host only from a trusted peer', async () => {
    for (const [trustProxy, expected] of [
      [['127.0.0.1'], 'https://reviews.shop.example'],
      [['10.0.0.0/8'], null],
    ] as const) {
      const server = await startTestServer({ trustProxy: [...trustProxy] });
      try {
        const response = await server.json('/reviews/demo-review-001/votes', {
          method: 'POST',
          body: '{"helpful":true}',
          headers: { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'reviews.shop.example' },
        });
        assert.equal(response.status, 200);
        const page = await server.json<{ reviews: Array<{ photos: Array<{ url: string }> }> }>('/products/prod-1/reviews', {
          headers: { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'reviews.shop.example' },
        });
        const urls = page.body.reviews.flatMap((review) => review.photos.map((photo) => photo.url));
        assert.ok(urls.length > 0, 'the demo has reviews with photos');
        for (const url of urls) {
          if (expected) assert.ok(url.startsWith(expected), url);
          else assert.ok(url.startsWith(server.url), url);
        }
      } finally {
        await server.stop();
      }
    }
  });
});

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { SECRET, SHOP, customerHeaders, freshDatabase, openStream, sign, startTestServer, type TestServer } from './helpers.js';
import { startServer } from '../src/server.js';

let server: TestServer;
let cdnDir: string;
before(async () => {
  cdnDir = await mkdtemp(join(tmpdir(), 'shopfront-cdn-'));
  await writeFile(join(cdnDir, 'shopfront.js'), 'export const loaded = true;');
  await mkdir(join(cdnDir, 'chunks'));
  await writeFile(join(cdnDir, 'chunks', 'core-abc.js'), 'export {};');
  await writeFile(join(cdnDir, 'chunks', 'core-abc12345.js'), 'export {};');
  // An entry whose name ends as a hash does: only the build's manifest tells the two apart.
  await writeFile(join(cdnDir, 'chat-launcher.js'), 'export {};');
  const manifest = { 'shopfront.js': { isEntry: true }, 'chat-launcher.js': { isEntry: true }, 'chunks/core-abc12345.js': { isEntry: false } };
  await writeFile(join(cdnDir, 'manifest.json'), JSON.stringify(manifest));
  await writeFile(join(cdnDir, 'secret.txt'), 'not served');
  server = await startTestServer({ cdnDir });
});
after(async () => {
  await server.stop();
  await rm(cdnDir, { recursive: true, force: true });
});

const page = async (path: string) => {
  const response = await fetch(server.url + path);
  return { response, html: await response.text() };
};

describe('demo shop pages', () => {
  for (const path of ['/', '/products/harbour-sweater', '/faq', '/account']) {
    it(`${path} loads the widgets with one script tag, under a strict CSP`, async () => {
      const { response, html } = await page(path);
      assert.equal(response.status, 200);
      const csp = response.headers.get('content-security-policy') ?? '';
      assert.match(csp, /script-src 'self'(;|$)/);
      assert.match(csp, /frame-ancestors 'none'/);
      assert.match(csp, /require-trusted-types-for 'script'/);
      const loaders = html.match(/<script\s+type="module"\s+src="\/cdn\/shopfront\.js"[^>]*>/g) ?? [];
      assert.equal(loaders.length, 1);
      assert.equal((html.match(/src="[^"]*shopfront\.js"/g) ?? []).length, 1);
      assert.match(loaders[0]!, /data-endpoint="http:\/\/127\.0\.0\.1:\d+\/api\/v1"/);
      assert.match(loaders[0]!, new RegExp(`data-shop="${SHOP}"`));
      assert.match(loaders[0]!, /\sasync\s/);
      // No inline code: every script has a src or is JSON data.
      for (const tag of html.match(/<script[^>]*>/g) ?? []) assert.match(tag, /src=|type="application\/json"/, tag);
      assert.doesNotMatch(html, /\son[a-z]+=/i, 'no inline event handlers');
      assert.match(html, /<sf-chat-launcher><\/sf-chat-launcher>/);
      assert.match(html, /<sf-loyalty-badge><\/sf-loyalty-badge>/);
    });
  }

  it('shows twelve products on the home page, and recently viewed', async () => {
    const { html } = await page('/');
    assert.equal((html.match(/class="card"/g) ?? []).length, 12);
    assert.match(html, /<sf-recently-viewed><\/sf-recently-viewed>/);
  });

  it('puts the review feed and the product data on a product page', async () => {
    const { html } = await page('/products/driftwood-mug');
    assert.match(
      html,
      /<sf-review-feed\s+product-id="prod-3"\s+product-handle="driftwood-mug"\s+product-title="Driftwood stoneware mug"\s*><\/sf-review-feed>/,
    );
    assert.match(html, /<sf-recently-viewed product-id="prod-3"><\/sf-recently-viewed>/);
    const product = JSON.parse(/<script type="application\/json" id="shop-product" data-sf-product>(.*?)<\/script>/.exec(html)![1]!);
    assert.equal(product.id, 'prod-3');
    assert.match(product.url, /^http:\/\/127\.0\.0\.1:\d+\/products\/driftwood-mug$/);
  });

  it('places a demo order through the signed webhook: points in the account, a verified badge on the next review', async () => {
    const { html } = await page('/products/driftwood-mug');
    assert.match(html, /<form class="demo-order" method="post" action="\/demo\/orders">/);
    assert.match(html, /<input type="hidden" name="product" value="driftwood-mug" \/>/);
    const balance = async () =>
      ((await (await server.api('/loyalty/member', { headers: customerHeaders('demo-customer-1') })).json()) as { points: number }).points;
    const before = await balance();
    const placed = await fetch(`${server.url}/demo/orders`, {
      method: 'POST',
      redirect: 'manual',
      headers: { origin: server.url, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'product=driftwood-mug',
    });
    assert.equal(placed.status, 303);
    const location = placed.headers.get('location')!;
    assert.match(location, /^\/account\?order=demo-[0-9a-f]{8}$/);
    const mug = JSON.parse(/<script type="application\/json" id="shop-product" data-sf-product>(.*?)<\/script>/.exec(html)![1]!);
    const earned = Math.floor(5 * mug.price);
    assert.equal(await balance(), before + earned);
    const account = await page(location);
    assert.match(account.html, new RegExp(`Demo order #demo-[0-9a-f]{8} placed: ${earned} points for it`));

    const review = await server.json('/reviews', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        productId: 'prod-3',
        rating: 5,
        title: 'Mine',
        body: 'Bought it.',
        name: 'Amelia',
        email: 'amelia@example.com',
      }),
    });
    assert.equal(review.body.review.verifiedBuyer, true);
  });

  it('refuses a demo order posted from another site, or for an unknown product', async () => {
    const post = (origin: string, body: string) =>
      fetch(`${server.url}/demo/orders`, {
        method: 'POST',
        redirect: 'manual',
        headers: { origin, 'content-type': 'application/x-www-form-urlencoded' },
        body,
      });
    assert.equal((await post('https://evil.example', 'product=driftwood-mug')).status, 403);
    const unknown = await post(server.url, 'product=nope');
    assert.equal(unknown.status, 400);
    assert.equal(((await unknown.json()) as { error: { field: string } }).error.field, 'product');
  });

  it('puts the FAQ search and every answer on the FAQ page', async () => {
    const { html } = await page('/faq');
    assert.match(html, /<sf-faq-search><\/sf-faq-search>/);
    assert.ok((html.match(/<details/g) ?? []).length >= 80);
  });

  it('renders the signed-in customer, signed with the shop secret', async () => {
    const { html } = await page('/account');
    const customer = JSON.parse(/<script type="application\/json" id="shop-customer">(.*?)<\/script>/.exec(html)![1]!);
    assert.equal(customer.id, 'demo-customer-1');
    // Signed when the page was made: compared at that second, which may be the one before this.
    const issuedAt = Number(customer.signature.split('.')[0]);
    assert.ok(Math.abs(issuedAt - Date.now() / 1000) < 5, `issued now, not at ${issuedAt}`);
    assert.equal(customer.signature, sign(customer.id, SECRET, issuedAt));
    assert.match(html, new RegExp(`data-customer="demo-customer-1"\\s+data-customer-signature="${customer.signature}"`));
  });

  it('answers an unknown product with a 404 page', async () => {
    const { response, html } = await page('/products/nope');
    assert.equal(response.status, 404);
    assert.match(html, /could not find/);
  });

  it('escapes data in pages', async () => {
    // The demo data is ours, but the FAQ page renders answers; nothing there may open a tag.
    const { html } = await page('/faq');
    assert.doesNotMatch(
      html.replace(
        /<(\/?)(p|details|summary|section|h[12]|a|div|main|header|footer|nav|span|strong|code|script|link|meta|title|head|body|html|sf-[a-z-]+|!doctype)[\s>]/gi,
        '',
      ),
      /<(img|iframe|svg)\b/i,
    );
  });

  it('serves the demo’s own stylesheet and script, and drawn product images', async () => {
    for (const [path, type] of <Array<[string, string]>>[
      ['/assets/demo.css', 'text/css'],
      ['/assets/demo.js', 'text/javascript'],
      ['/media/demo/products/harbour-sweater.svg', 'image/svg+xml'],
      ['/media/demo/photos/0-3.svg', 'image/svg+xml'],
    ]) {
      const response = await fetch(server.url + path);
      assert.equal(response.status, 200, path);
      assert.ok(response.headers.get('content-type')?.startsWith(type), path);
    }
    assert.equal((await fetch(`${server.url}/media/demo/products/nope.svg`)).status, 404);
    assert.equal((await fetch(`${server.url}/media/u/..%2Fshopfront.db`)).status, 404);
  });
});

describe('CDN build', () => {
  it('serves dist/cdn with CORS for any shop', async () => {
    const response = await fetch(`${server.url}/cdn/shopfront.js`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /javascript/);
    assert.equal(response.headers.get('access-control-allow-origin'), '*');
    assert.equal((await fetch(`${server.url}/cdn/chunks/core-abc.js`)).status, 200);
  });

  it('gzips for browsers that accept it, revalidates entries by ETag and caches hashed chunks for a year', async () => {
    const { gunzipSync } = await import('node:zlib');
    const { request } = await import('node:http');
    // fetch() would decompress and hide the encoding: read the raw response.
    const raw = await new Promise<{ headers: Record<string, string | string[] | undefined>; body: Buffer }>((done, fail) => {
      request(`${server.url}/cdn/shopfront.js`, { headers: { 'accept-encoding': 'gzip, br' } }, (response) => {
        const parts: Buffer[] = [];
        response.on('data', (part: Buffer) => parts.push(part));
        response.on('end', () => done({ headers: response.headers, body: Buffer.concat(parts) }));
      })
        .on('error', fail)
        .end();
    });
    assert.equal(raw.headers['content-encoding'], 'gzip');
    assert.equal(gunzipSync(raw.body).toString(), 'export const loaded = true;');
    assert.equal(raw.headers['cache-control'], 'no-cache');
    const etag = String(raw.headers.etag);
    assert.equal((await fetch(`${server.url}/cdn/shopfront.js`, { headers: { 'if-none-match': etag } })).status, 304);
    const hashed = await fetch(`${server.url}/cdn/chunks/core-abc12345.js`);
    assert.equal(hashed.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    // Named like a hashed chunk, but an entry: a year's caching would keep shoppers on an old launcher.
    assert.equal((await fetch(`${server.url}/cdn/chat-launcher.js`)).headers.get('cache-control'), 'no-cache');
    // Not in the manifest: revalidated.
    assert.equal((await fetch(`${server.url}/cdn/chunks/core-abc.js`)).headers.get('cache-control'), 'no-cache');
  });

  it('caches nothing for a year when the build has no manifest', async () => {
    const bare = await mkdtemp(join(tmpdir(), 'shopfront-cdn-bare-'));
    await writeFile(join(bare, 'core-abc12345.js'), 'export {};');
    const other = await startTestServer({ cdnDir: bare });
    try {
      const response = await fetch(`${other.url}/cdn/core-abc12345.js`);
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('cache-control'), 'no-cache');
    } finally {
      await other.stop();
      await rm(bare, { recursive: true, force: true });
    }
  });

  it('serves nothing outside it, and only scripts, maps and styles', async () => {
    for (const path of [
      '/cdn/../package.json',
      '/cdn/%2e%2e/package.json',
      '/cdn/..%2F..%2Fpackage.json',
      '/cdn/secret.txt',
      '/cdn/missing.js',
    ]) {
      assert.equal((await fetch(server.url + path)).status, 404, path);
    }
  });
});

describe('seeded data and lifecycle', () => {
  it('seeds twelve products, about 300 reviews in several languages, 3 tiers, 5 rewards, 80+ FAQ entries and business hours', async () => {
    const { storage } = server;
    const shop = (await storage.shops.byKey(SHOP))!;
    const products = await storage.catalogue.allProducts(shop.id);
    assert.equal(products.length, 12);
    const reviews = [];
    for (const product of products) {
      let after;
      do {
        const page = await storage.reviews.list(shop.id, product.id, { sort: 'newest', limit: 100, after });
        reviews.push(...page.reviews);
        after = page.next ?? undefined;
      } while (after);
    }
    assert.ok(reviews.length >= 300);
    assert.ok(new Set(reviews.map((review) => review.language)).size >= 5);
    assert.ok(reviews.filter((review) => review.photos.length > 0).length > 20);
    assert.ok((await storage.reviews.forModeration(shop.id, 'pending', 10)).length > 0, 'some wait for moderation');
    const setup = await storage.loyalty.setup(shop.id);
    assert.deepEqual([setup.tiers.length, setup.rewards.length], [3, 5]);
    assert.ok((await storage.catalogue.faq(shop.id)).entries.length >= 80);
    const withHours = await startTestServer({ demo: { secret: SECRET } });
    try {
      assert.equal((await withHours.storage.shops.byKey(SHOP))!.settings.businessHours?.hours.length, 7);
    } finally {
      await withHours.stop();
    }
  });

  it('keeps its data across a restart, migrating only once', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'shopfront-restart-'));
    const database = await freshDatabase(dataDir);
    const options = {
      port: 0,
      host: '127.0.0.1',
      dataDir,
      database: database.config,
      log: () => undefined,
      demo: { alwaysOpen: true },
    } as const;
    try {
      const first = await startServer(options);
      const secret = first.shop!.secret;
      const conversation = await first.storage.chat.createConversation(first.shop!.id, {});
      const version = await first.storage.schemaVersion();
      assert.ok(version >= 1);
      await first.close();
      const second = await startServer(options);
      assert.equal(await second.storage.schemaVersion(), version);
      assert.equal(second.shop!.secret, secret, 'the generated demo secret is kept');
      assert.ok(await second.storage.chat.conversation(second.shop!.id, conversation.id));
      assert.equal(second.login?.email, 'agent@shopfront.local');
      assert.match(second.login!.password, /^[a-z0-9]{4}(-[a-z0-9]{4}){3}$/, 'the first-run password is shown again');
      await second.close();
      const files = database.config.kind === 'sqlite' ? ['inbox-login.txt', 'shopfront.db'] : ['inbox-login.txt'];
      assert.deepEqual((await readdir(dataDir)).sort(), files, 'the WAL is folded back on close');
    } finally {
      await database.drop();
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('stops on SIGTERM: streams end, the database closes, the process exits 0', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'shopfront-sigterm-'));
    const database = await freshDatabase(dataDir);
    const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', 'packages/server/src/main.ts'], {
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', SHOPFRONT_DATA_DIR: dataDir, ...database.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let output = '';
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (chunk) => {
          output += chunk;
          const match = /on (http:\/\/[^\s]+)/.exec(output);
          if (match) resolve(match[1]!);
        });
        child.once('exit', () => reject(new Error(`exited early: ${output}`)));
      });
      const conversation = await (
        await fetch(`${url}/api/v1/chat/conversations?shop=${SHOP}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{}',
        })
      ).json();
      const stream = await openStream(`${url}/api/v1/chat/conversations/${conversation.id}/events?shop=${SHOP}`);
      await stream.next((event) => event.retry !== undefined);
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await stream.end();
      assert.equal(await exited, 0);
      assert.match(output, /Stopped\./);
      const files = database.config.kind === 'sqlite' ? ['inbox-login.txt', 'shopfront.db'] : ['inbox-login.txt'];
      assert.deepEqual((await readdir(dataDir)).sort(), files);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      await database.drop();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

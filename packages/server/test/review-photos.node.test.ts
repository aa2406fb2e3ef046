import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import sharp from 'sharp';
import { ReviewSubmission } from '@shopfront/core/schemas.js';
import type { Deps } from '../src/deps.js';
import { MediaStore } from '../src/media.js';
import { prepareReviewPhoto } from '../src/review-photos.js';
import { hashPassword } from '../src/inbox/passwords.js';
import { signIn } from '../src/services/agents.js';
import { submitReview } from '../src/services/reviews.js';
import type { Shop } from '../src/storage/index.js';
import { PNG, startTestServer, type TestServer } from './helpers.js';
import { agentSession } from './inbox-session.js';
import { newShop } from './storage/fixtures.js';

let server: TestServer;
before(async () => (server = await startTestServer()));
after(() => server.stop());

const mediaDir = () => join(server.dataDir, 'media');

/** Every file under the media directory, however deep. */
async function mediaFiles(dir = mediaDir()): Promise<string[]> {
  try {
    const entries = await readdir(dir, { recursive: true, withFileTypes: true });
    return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
  } catch {
    return [];
  }
}

const png = (name = 'p.png') => new File([PNG], name, { type: 'image/png' });

function reviewForm(fields: Record<string, string>, photos: File[]) {
  const form = new FormData();
  const draft = { productId: 'prod-4', rating: '5', title: 'Nice', body: 'Lovely.', name: 'Dana', ...fields };
  for (const [key, value] of Object.entries(draft)) form.set(key, value);
  for (const photo of photos) form.append('photos', photo);
  return form;
}

const postReview = (form: FormData) => server.json('/reviews', { method: 'POST', body: form });

/** The stored file behind a photo URL (`…/media/r/<review>/<file>`). */
const storedFile = (url: string) => join(mediaDir(), 'reviews', url.split('/').pop()!);

describe('a refused review stores no photos', () => {
  it('writes nothing when a field is invalid', async () => {
    const before = await mediaFiles();
    const { status, body } = await postReview(reviewForm({ rating: '0' }, [png(), png()]));
    assert.equal(status, 400);
    assert.equal(body.error.field, 'rating');
    assert.deepEqual(await mediaFiles(), before);
  });

  it('writes nothing when a later photo is refused', async () => {
    const before = await mediaFiles();
    const fake = new File(['<svg onload="alert(1)"/>'], 'x.png', { type: 'image/png' });
    const { status, body } = await postReview(reviewForm({}, [png(), png(), fake]));
    assert.equal(status, 400);
    assert.equal(body.error.field, 'photos.2');
    assert.deepEqual(await mediaFiles(), before);
  });

  it('writes nothing for bytes that look like an image but do not decode', async () => {
    const before = await mediaFiles();
    const truncated = new File([PNG.subarray(0, 40)], 't.png', { type: 'image/png' });
    const { status, body } = await postReview(reviewForm({}, [truncated]));
    assert.equal(status, 400);
    assert.equal(body.error.field, 'photos.0');
    assert.deepEqual(await mediaFiles(), before);
  });

  it('removes the written photos when the review row cannot be stored', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'shopfront-media-'));
    try {
      const failing = {
        media: new MediaStore(dir),
        storage: { reviews: { insert: () => Promise.reject(new Error('disk full')) }, orders: { hasBought: async () => false } },
      } as unknown as Deps;
      const shop = { id: 1, settings: { autoPublishAt: 4 } } as Shop;
      const photo = (await prepareReviewPhoto(png(), ['image/png']))!;
      const submission = { productId: 'p', rating: 5, title: '', body: 'b', authorName: 'n', photos: [] };
      await assert.rejects(submitReview(failing, shop, submission, [photo, photo]), /disk full/);
      assert.deepEqual(await mediaFiles(dir), []);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('re-encoded photos', () => {
  it('strips EXIF and GPS, turns the photo upright, and makes a 400 px thumbnail', async () => {
    const gps = { GPSLatitudeRef: 'N', GPSLatitude: '51/1 30/1 0/1', GPSLongitudeRef: 'W', GPSLongitude: '0/1 7/1 0/1' };
    // 800 × 600 as stored, orientation 6: a viewer shows it 600 wide and 800 high.
    const jpeg = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#f00' } })
      .jpeg()
      .withMetadata({ orientation: 6 })
      .withExif({ IFD0: { Copyright: 'x' }, IFD3: gps })
      .toBuffer();
    assert.ok((await sharp(jpeg).metadata()).exif, 'the fixture carries EXIF');

    const { status, body } = await postReview(reviewForm({}, [new File([new Uint8Array(jpeg)], 'gps.jpg', { type: 'image/jpeg' })]));
    assert.equal(status, 201);
    const photo = ReviewSubmission.parse(body).review.photos[0]!;
    assert.deepEqual([photo.width, photo.height], [600, 800]);

    const full = await sharp(storedFile(photo.url)).metadata();
    assert.equal(full.format, 'jpeg');
    assert.equal(full.exif, undefined);
    assert.equal(full.orientation, undefined);
    assert.deepEqual([full.width, full.height], [600, 800]);

    assert.ok(photo.thumbnailUrl, 'the response names the thumbnail');
    const thumbnail = await sharp(storedFile(photo.thumbnailUrl)).metadata();
    assert.equal(thumbnail.exif, undefined);
    assert.deepEqual([thumbnail.width, thumbnail.height], [400, 533]);
    const served = await fetch(photo.thumbnailUrl);
    assert.equal(served.status, 200);
    assert.equal(served.headers.get('content-type'), 'image/webp');
  });

  it('keeps at most 2048 px on the longest side', async () => {
    const big = await sharp({ create: { width: 3000, height: 1000, channels: 3, background: '#0f0' } })
      .png()
      .toBuffer();
    const { status, body } = await postReview(reviewForm({}, [new File([new Uint8Array(big)], 'big.png', { type: 'image/png' })]));
    assert.equal(status, 201);
    const photo = ReviewSubmission.parse(body).review.photos[0]!;
    assert.deepEqual([photo.width, photo.height], [2048, 683]);
    const stored = await sharp(storedFile(photo.url)).metadata();
    assert.deepEqual([stored.format, stored.width, stored.height], ['png', 2048, 683]);
  });
});

describe('photos of reviews awaiting moderation', () => {
  it('are served to the shop’s signed-in agents only, and to everyone once published', async () => {
    const { status, body } = await postReview(reviewForm({ rating: '2', name: 'Held' }, [png()]));
    assert.equal(status, 201);
    assert.equal(body.status, 'pending');
    const { review } = ReviewSubmission.parse(body);
    const publicPhoto = review.photos[0]!;

    for (const url of [publicPhoto.url, publicPhoto.thumbnailUrl!]) {
      const anonymous = await fetch(url);
      assert.equal(anonymous.status, 404);
      assert.equal(anonymous.headers.get('cache-control'), 'no-store');
    }

    const { cookie, csrf } = await agentSession(server);
    const list = await fetch(`${server.url}/inbox/api/reviews?status=pending`, { headers: { cookie } });
    const held = ((await list.json()) as { reviews: (typeof review)[] }).reviews.find((candidate) => candidate.id === review.id)!;
    const inboxUrl = held.photos[0]!.url;
    assert.match(inboxUrl, /\/inbox\/media\/r\//);

    const asAgent = await fetch(inboxUrl, { headers: { cookie } });
    assert.equal(asAgent.status, 200);
    assert.equal(asAgent.headers.get('content-type'), 'image/png');
    assert.equal(asAgent.headers.get('cache-control'), 'private, no-store');
    assert.equal((await fetch(held.photos[0]!.thumbnailUrl!, { headers: { cookie } })).status, 200);
    assert.equal((await fetch(inboxUrl)).status, 404, 'no session');
    assert.equal((await fetch(inboxUrl, { headers: { cookie: 'sf_inbox=not-a-session' } })).status, 404, 'a made-up session');
    // The public path with the agent's cookie is still not a way in: the cookie is for /inbox only.
    assert.equal((await fetch(publicPhoto.url, { headers: { cookie } })).status, 404);
    const otherShop = await newShop(server.deps.storage);
    const stranger = {
      shopId: otherShop.id,
      email: `other-${otherShop.id}@example.com`,
      name: 'Other',
      password: 'another long passphrase',
    };
    await server.deps.storage.agents.upsert({ ...stranger, passwordHash: await hashPassword(stranger.password) });
    const strangerSession = (await signIn(server.deps, stranger.email, stranger.password))!;
    assert.equal((await fetch(inboxUrl, { headers: { cookie: `sf_inbox=${strangerSession.token}` } })).status, 404, "another shop's agent");

    const publish = await fetch(`${server.url}/inbox/api/reviews/${review.id}/status`, {
      method: 'POST',
      headers: { cookie, origin: server.url, 'x-csrf-token': csrf, 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'published' }),
    });
    assert.equal(publish.status, 200);
    const published = await fetch(publicPhoto.url);
    assert.equal(published.status, 200);
    assert.match(published.headers.get('cache-control') ?? '', /^public, max-age=\d+/);
  });

  it('answer 404 for a file that is not one of the review’s photos', async () => {
    const { body } = await postReview(reviewForm({}, [png()]));
    const { review } = ReviewSubmission.parse(body);
    const other = ReviewSubmission.parse((await postReview(reviewForm({}, [png()]))).body).review;
    const otherName = other.photos[0]!.url.split('/').pop()!;
    const borrowed = review.photos[0]!.url.replace(/[^/]+$/, otherName);
    assert.equal((await fetch(borrowed)).status, 404);
    assert.equal((await fetch(review.photos[0]!.url.replace(/[^/]+$/, '..%2F..%2Fshopfront.db'))).status, 404);
  });
});

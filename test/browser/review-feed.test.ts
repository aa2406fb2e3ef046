/**
 * `<sf-review-feed>` against the real reference server (issue 5): Chromium, the
 * RestAdapter over fetch, the seeded demo shop in SQLite, photos uploaded as
 * multipart and served back from disk. What the widget shows is checked against
 * what the server answers to a plain fetch, never against numbers copied here.
 */
import { expect, html } from '@open-wc/testing';
import { store, type Review, type ReviewSummary } from '@shopfront/core';
import '@shopfront/review-feed/define.js';
import { mount, unmountAll, until } from '../helpers/mount.js';
import { $, $$, button, reviewsShown, titles, type Feed } from '../../packages/review-feed/test/helpers.js';
import { moderateReview, pendingReviews, resetServer, restAdapter, serverGet, type TestServerInfo } from '../helpers/server.js';

let server: TestServerInfo;

/** A feed on the demo shop, once its first page is on screen. */
async function openFeed(productId = 'prod-1'): Promise<Feed> {
  const el = await mount<Feed>(html`<sf-review-feed product-id=${productId} no-json-ld></sf-review-feed>`, {
    adapter: await restAdapter(),
  });
  await until(() => reviewsShown(el).length > 0 && !$(el, '.list[aria-busy=true]'), 'the first page');
  return el;
}

/** A real PNG (drawn on a canvas), as a file picker would hand it over. */
async function photo(name: string): Promise<File> {
  const canvas = document.createElement('canvas');
  canvas.width = 64;
  canvas.height = 48;
  const context = canvas.getContext('2d')!;
  context.fillStyle = '#2a6f97';
  context.fillRect(0, 0, 64, 48);
  const blob = await new Promise<Blob>((resolve) => canvas.toBlob((result) => resolve(result!), 'image/png'));
  return new File([blob], name, { type: 'image/png' });
}

function type(el: Element, name: string, value: string): void {
  const control = $<HTMLInputElement | HTMLTextAreaElement>(el, `[name=${name}]`)!;
  control.value = value;
  control.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

/** Opens the form and fills it in as a shopper would, photos included. */
async function writeReview(el: Feed, review: { rating: number; title: string; body: string; name: string; photos?: File[] }) {
  button(el, 'Write a review')!.click();
  await until(() => $(el, 'form[part=form]'), 'the form');
  $$<HTMLInputElement>(el, 'input[name=rating]')[review.rating - 1]!.click();
  type(el, 'title', review.title);
  type(el, 'body', review.body);
  type(el, 'name', review.name);
  if (review.photos) {
    const input = $<HTMLInputElement>(el, '[name=photos]')!;
    const transfer = new DataTransfer();
    for (const file of review.photos) transfer.items.add(file);
    input.files = transfer.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await until(() => $$(el, '.previews img').length === review.photos!.length, 'the previews');
  }
  button(el, 'Submit review')!.click();
  await until(() => $(el, '[part=thanks]') ?? $(el, 'form [role=alert]:not(#photos-error)') ?? $(el, '#photos-error p'), 'the answer');
}

describe('<sf-review-feed> on the reference server', function () {
  // A server per file, started on first use, and several round trips per test.
  this.timeout(30_000);

  before(async () => {
    server = await resetServer();
  });
  beforeEach(() => store.clear());
  afterEach(() => unmountAll());

  it('shows the shop’s summary and pages through every review once, newest first', async () => {
    const summary = await serverGet<ReviewSummary>('/products/prod-1/reviews/summary');
    const el = await openFeed();
    expect($(el, '.count')!.textContent).to.equal(`Based on ${summary.count} reviews`);

    while (button(el, 'Load more reviews')) {
      const before = reviewsShown(el).length;
      button(el, 'Load more reviews')!.click();
      await until(() => reviewsShown(el).length > before || !button(el, 'Load more reviews'), 'the next page');
    }
    const all: Review[] = [];
    for (let cursor: string | undefined; ;) {
      const page = await serverGet<{ reviews: Review[]; nextCursor?: string | null }>(
        `/products/prod-1/reviews?sort=newest&limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      all.push(...page.reviews);
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(all.length).to.equal(summary.count);
    expect(reviewsShown(el).map((review) => review.dataset.id)).to.deep.equal(all.map((review) => review.id));
  });

  it('sorts and filters on the server', async () => {
    const el = await openFeed();
    const select = $<HTMLSelectElement>(el, 'select')!;
    select.value = 'lowest';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    const lowest = await serverGet<{ reviews: Review[] }>('/products/prod-1/reviews?sort=lowest&limit=5');
    await until(() => !$(el, '.list[aria-busy=true]') && titles(el)[0] === lowest.reviews[0]!.title, 'the lowest rating first');
    expect(titles(el)).to.deep.equal(lowest.reviews.map((review) => review.title));

    $<HTMLInputElement>(el, 'input[type=checkbox]')!.click();
    await until(
      () => !$(el, '.list[aria-busy=true]') && reviewsShown(el).every((review) => review.querySelector('img[part~=photo]')),
      'only reviews with photos',
    );
    const photos = reviewsShown(el).flatMap((review) => [...review.querySelectorAll<HTMLImageElement>('img[part~=photo]')]);
    await until(() => photos.every((image) => image.complete), 'the photos loaded');
    expect(photos.every((image) => image.naturalWidth > 0)).to.equal(true);
  });

  it('sends a review with a photo that waits for moderation, then shows it with the photo once published', async () => {
    await resetServer({ demo: { autoPublishAt: null } });
    const el = await openFeed('prod-2');
    const countBefore = (await serverGet<ReviewSummary>('/products/prod-2/reviews/summary')).count;
    await writeReview(el, {
      rating: 3,
      title: 'Good, but the sleeves are long',
      body: 'Warm and well made. I had the sleeves taken up.',
      name: 'Noor',
      photos: [await photo('sleeves.png')],
    });
    expect($(el, '[part=thanks]')!.textContent!.trim()).to.equal('Thank you! Your review will appear once the shop has checked it.');
    expect((await serverGet<ReviewSummary>('/products/prod-2/reviews/summary')).count).to.equal(countBefore);

    const [id] = await pendingReviews(); // newest first
    expect(await moderateReview(id!, 'published')).to.equal('published');
    unmountAll();
    const again = await openFeed('prod-2');
    expect($(again, '.count')!.textContent).to.equal(`Based on ${countBefore + 1} reviews`);
    const mine = reviewsShown(again).find((review) => review.querySelector('h3')?.textContent === 'Good, but the sleeves are long');
    expect(mine, 'the published review, newest first').to.equal(reviewsShown(again)[0]);
    const image = mine!.querySelector<HTMLImageElement>('img[part~=photo]')!;
    expect(new URL(image.src).origin).to.equal(new URL(server.url).origin);
    await until(() => image.complete, 'the photo loaded');
    expect(image.naturalWidth).to.be.greaterThan(0);
  });

  it('publishes at once at the shop’s rating, and the summary follows', async () => {
    await resetServer({ demo: { autoPublishAt: 4 } });
    const el = await openFeed('prod-3');
    const countBefore = (await serverGet<ReviewSummary>('/products/prod-3/reviews/summary')).count;
    await writeReview(el, { rating: 5, title: 'Perfect on the boat', body: 'Dry and warm all day.', name: 'Ada' });
    expect($(el, '[part=thanks]')!.textContent!.trim()).to.equal('Thank you! Your review is now published.');
    await until(() => $(el, '.count')!.textContent === `Based on ${countBefore + 1} reviews`, 'the new count');
    await until(() => titles(el)[0] === 'Perfect on the boat', 'the new review first');
  });

  it('keeps the review and names the photo when the server finds no image inside it', async () => {
    const el = await openFeed('prod-4');
    const pending = await pendingReviews();
    const renamed = new File(['just some text, not a picture'], 'holiday.png', { type: 'image/png' });
    await writeReview(el, { rating: 4, title: 'Nice', body: 'Soft and warm.', name: 'Lin', photos: [renamed] });
    await until(() => $(el, '#photos-error')!.textContent!.includes('holiday.png'), 'the photo named');
    expect($(el, '#photos-error')!.textContent!.trim()).to.equal('holiday.png is not a JPEG, PNG, WebP, GIF or AVIF image.');
    expect(el.shadowRoot!.activeElement).to.equal($(el, '#photos'));
    expect($<HTMLTextAreaElement>(el, '[name=body]')!.value).to.equal('Soft and warm.');
    expect($(el, '[part=thanks]')).to.equal(null);
    expect(await pendingReviews()).to.deep.equal(pending);
  });

  it('counts a helpful vote once per visitor, on the server', async () => {
    const el = await openFeed('prod-5');
    const first = reviewsShown(el)[0]!;
    const helpful = () => first.querySelector<HTMLButtonElement>('[part~=helpful-button]')!;
    const id = (await serverGet<{ reviews: Review[] }>('/products/prod-5/reviews?sort=newest&limit=1')).reviews[0]!.id;
    const votes = async () =>
      (await serverGet<{ reviews: Review[] }>('/products/prod-5/reviews?sort=newest&limit=1')).reviews.find((review) => review.id === id)!
        .helpfulCount;
    const before = await votes();
    helpful().click();
    await until(async () => (await votes()) === before + 1, 'the vote stored');
    expect(helpful().getAttribute('aria-pressed')).to.equal('true');

    // The same visitor (same visitor id) votes again from a browser that forgot the vote: the server counts one.
    await store.delete('review-votes');
    unmountAll();
    const again = await openFeed('prod-5');
    const button = () => reviewsShown(again)[0]!.querySelector<HTMLButtonElement>('[part~=helpful-button]')!;
    expect(button().textContent!.trim()).to.equal(`Helpful (${before + 1})`);
    button().click();
    // Optimistically one more, then the server's count.
    await until(() => button().getAttribute('aria-pressed') === 'true', 'the vote');
    await until(() => button().textContent!.trim() === `Helpful (${before + 1})`, 'the server’s count');
    expect(await votes()).to.equal(before + 1);
  });

  it('says so, keeps the draft, and sends nothing twice when the shop limits writes', async () => {
    await resetServer({ rateLimits: { writesPerVisitor: 1 } });
    const el = await openFeed('prod-6');
    await writeReview(el, { rating: 5, title: 'One', body: 'First review.', name: 'Kai' });
    expect($(el, '[part=thanks]')).to.not.equal(null);
    unmountAll();
    const again = await openFeed('prod-6');
    await writeReview(again, { rating: 5, title: 'Two', body: 'Second review, too soon.', name: 'Kai' });
    const alert = $(again, 'form [role=alert]:not(#photos-error)');
    expect(alert?.textContent ?? '').to.match(/^Too many tries\. Please wait \d+ seconds?\.$/);
    expect($<HTMLInputElement>(again, '[name=title]')!.value).to.equal('Two');
    await resetServer();
  });
});

import { expect, html } from '@open-wc/testing';
import { AdapterError, type MemoryAdapter, store, type ReviewsCapability, type SfLoadErrorEvent } from '@shopfront/core';
import { unmountAll, until } from '../../../test/helpers/mount.js';
import { batchedSummary, MAX_IDS } from '../src/summaries.js';
import { $, callsTo, countShown, label, mountRatings, reviews, seeded, settled, size } from './helpers.js';

const ids = (count: number) => Array.from({ length: count }, (_, i) => `prod-${i + 1}`);
const grid = (productIds: string[]) => html`${productIds.map((id) => html`<sf-star-rating product-id=${id}></sf-star-rating>`)}`;

describe('<sf-star-rating>', () => {
  const rejections: unknown[] = [];
  const onRejection = (event: PromiseRejectionEvent) => rejections.push(event.reason);
  beforeEach(async () => {
    await store.clear();
    rejections.length = 0;
    window.addEventListener('unhandledrejection', onRejection);
  });
  afterEach(() => {
    unmountAll();
    window.removeEventListener('unhandledrejection', onRejection);
  });

  it('shows the average as stars and the count as "(12)", named "3.9 out of 5 stars, 12 reviews"', async () => {
    const [one, two] = await mountRatings(grid(['prod-1', 'prod-2']), seeded());
    await until(() => label(one!) && label(two!), 'both ratings');
    expect(label(one!)).to.equal('3.9 out of 5 stars, 12 reviews');
    expect(countShown(one!)).to.equal('(12)');
    // 3.92 draws four full stars; 4.67 four and a half (the review feed's rounding, from core).
    expect(one!.shadowRoot!.querySelectorAll('.star.on')).to.have.length(4);
    expect(label(two!)).to.equal('4.7 out of 5 stars, 3 reviews');
    expect(two!.shadowRoot!.querySelectorAll('.star.on')).to.have.length(4);
    expect($(two!, '.star:not(.on)')!.style.getPropertyValue('--_fill')).to.equal('50%');
    // The count is text for the eye, hidden from assistive technology: the stars' name says it.
    expect($(one!, '[part=count]')!.getAttribute('aria-hidden')).to.equal('true');
    expect($(one!, '[part=stars]')!.getAttribute('role')).to.equal('img');
  });

  it('asks for every rating rendered in one tick with one request, each product once', async () => {
    const adapter = seeded();
    const ratings = await mountRatings(grid(['prod-1', 'prod-2', 'prod-3', 'prod-1', 'prod-4', 'prod-2']), adapter);
    await until(() => ratings.every(settled), 'every rating');
    expect(callsTo(adapter, 'reviews.summaries')).to.deep.equal([['prod-1', 'prod-2', 'prod-3', 'prod-4']]);
    expect(callsTo(adapter, 'reviews.summary')).to.deep.equal([]);
    expect(ratings.map(label)).to.deep.equal([
      '3.9 out of 5 stars, 12 reviews',
      '4.7 out of 5 stars, 3 reviews',
      null,
      '3.9 out of 5 stars, 12 reviews',
      null,
      '4.7 out of 5 stars, 3 reviews',
    ]);
  });

  it(`splits more than ${MAX_IDS} products into requests of at most ${MAX_IDS}`, async () => {
    const adapter = seeded();
    const ratings = await mountRatings(grid(ids(120)), adapter);
    await until(() => ratings.every(settled), '120 ratings');
    const requests = callsTo(adapter, 'reviews.summaries') as string[][];
    expect(requests.map((request) => request.length)).to.deep.equal([50, 50, 20]);
    expect(requests.flat()).to.deep.equal(ids(120));
    expect(label(ratings[0]!)).to.equal('3.9 out of 5 stars, 12 reviews');
  });

  it('keeps exactly its size from before the answer to after it, with reviews or without', async () => {
    const adapter = seeded();
    adapter.pause();
    const ratings = await mountRatings(grid(['prod-1', 'prod-3']), adapter);
    const before = ratings.map(size);
    expect(before[0]).to.equal('120×24', 'the default 7.5rem × 1.5rem');
    adapter.resume();
    await until(() => ratings.every(settled), 'both ratings');
    expect(label(ratings[0]!)).to.equal('3.9 out of 5 stars, 12 reviews');
    expect(ratings.map(size)).to.deep.equal(before);
  });

  it('takes its size from --sf-star-rating-inline-size and --sf-star-rating-block-size', async () => {
    const [el] = await mountRatings(
      html`<sf-star-rating
        product-id="prod-1"
        style="--sf-star-rating-inline-size: 200px; --sf-star-rating-block-size: 30px"
      ></sf-star-rating>`,
      seeded(),
    );
    await until(() => label(el!), 'the rating');
    expect(size(el!)).to.equal('200×30');
  });

  it('shows its light DOM (server-rendered stars) until the rating arrives', async () => {
    const adapter = seeded();
    adapter.pause();
    const [el] = await mountRatings(
      html`<sf-star-rating product-id="prod-1"><span class="liquid">★★★★☆ (12)</span></sf-star-rating>`,
      adapter,
    );
    const liquid = el!.querySelector<HTMLElement>('.liquid')!;
    expect(liquid.getBoundingClientRect().width).to.be.greaterThan(0);
    adapter.resume();
    await until(() => label(el!), 'the rating');
    expect(liquid.getBoundingClientRect().width).to.equal(0);
  });

  it('shows nothing for a product nobody reviewed, or five empty stars named "No reviews yet" with show-empty', async () => {
    const [hidden, shown] = await mountRatings(
      html`<sf-star-rating product-id="prod-3"></sf-star-rating><sf-star-rating product-id="prod-3" show-empty></sf-star-rating>`,
      seeded(),
    );
    await until(() => settled(hidden!) && label(shown!), 'both');
    expect(hidden!.shadowRoot!.textContent!.trim()).to.equal('');
    expect($(hidden!, '.star')).to.equal(null);
    expect(hidden!.matches(':state(empty)')).to.equal(true);
    expect(label(shown!)).to.equal('No reviews yet');
    expect(shown!.shadowRoot!.querySelectorAll('.star:not(.on)')).to.have.length(5);
    expect(countShown(shown!)).to.equal(null);
  });

  it('renders nothing, fires sf-load-error and leaves no unhandled rejection when the adapter rejects', async () => {
    const adapter = seeded();
    adapter.failNext('reviews.summaries', new AdapterError('http', 'Service unavailable', { status: 503 }));
    const errors: SfLoadErrorEvent[] = [];
    document.addEventListener('sf-load-error', (event) => errors.push(event), { once: true });
    const ratings = await mountRatings(grid(['prod-1', 'prod-2']), adapter);
    await until(() => ratings.every(settled), 'both ratings to fail');
    await until(() => errors.length > 0, 'the error event');
    expect(errors[0]!.error.status).to.equal(503);
    for (const el of ratings) {
      expect(el.shadowRoot!.textContent!.trim()).to.equal('');
      expect(el.matches(':state(empty)')).to.equal(true);
      expect(size(el)).to.equal('120×24');
    }
    expect(callsTo(adapter, 'reviews.summaries')).to.have.length(1);
    // A rejection still in flight would surface on the next task.
    await new Promise((resolve) => setTimeout(resolve));
    expect(rejections).to.deep.equal([]);
  });

  it('treats an answer that lacks the product as invalid, not as "no reviews"', async () => {
    const adapter = seeded();
    adapter.respondNext('reviews.summaries', { summaries: [] });
    const errors: SfLoadErrorEvent[] = [];
    document.addEventListener('sf-load-error', (event) => errors.push(event), { once: true });
    const [el] = await mountRatings(grid(['prod-1']), adapter);
    await until(() => errors.length > 0, 'the error event');
    expect(errors[0]!.error.kind).to.equal('invalid-response');
    expect(label(el!)).to.equal(null);
  });

  it('loads again, in one request, when product-id changes', async () => {
    const adapter = seeded();
    const ratings = await mountRatings(grid(['prod-3', 'prod-3']), adapter);
    await until(() => ratings.every(settled), 'the first answer');
    for (const el of ratings) el.setAttribute('product-id', 'prod-2');
    await until(() => ratings.every((el) => label(el) === '4.7 out of 5 stars, 3 reviews'), 'the new product');
    expect(callsTo(adapter, 'reviews.summaries')).to.deep.equal([['prod-3'], ['prod-2']]);
  });

  it('asks summary once per product of an adapter without summaries', async () => {
    const memory = seeded();
    const { summary, list, submit, vote } = memory.reviews!;
    const adapter = { reviews: { summary, list, submit, vote } } as unknown as MemoryAdapter;
    const ratings = await mountRatings(grid(['prod-1', 'prod-2', 'prod-1']), adapter);
    await until(() => ratings.every((el) => label(el)), 'every rating');
    expect(callsTo(memory, 'reviews.summary')).to.deep.equal(['prod-1', 'prod-2']);
    expect(label(ratings[2]!)).to.equal('3.9 out of 5 stars, 12 reviews');
  });

  it('says it in the shopper language, with a saved copy while offline', async () => {
    const online = seeded();
    const [el] = await mountRatings(grid(['prod-1']), online);
    await until(() => label(el!), 'the rating');
    await until(async () => (await store.get('cache:review-summary:prod-1')) !== undefined, 'the saved summary');
    unmountAll();
    const offline = seeded(reviews());
    offline.offline = true;
    const [de] = await mountRatings(html`<sf-star-rating product-id="prod-1" lang="de"></sf-star-rating>`, offline);
    await until(() => label(de!) === '3,9 von 5 Sternen, 12 Bewertungen', 'the saved copy, in German');
  });
});

describe('batchedSummary', () => {
  it('keeps two adapters apart, and sends the asks of a later tick in a request of their own', async () => {
    const first = seeded();
    const second = seeded();
    const reviews = (adapter: MemoryAdapter) => adapter.reviews as ReviewsCapability;
    const one = await Promise.all([batchedSummary(reviews(first), 'prod-1'), batchedSummary(reviews(second), 'prod-2')]);
    expect(one.map((summary) => summary?.count)).to.deep.equal([12, 3]);
    await batchedSummary(reviews(first), 'prod-2');
    expect(callsTo(first, 'reviews.summaries')).to.deep.equal([['prod-1'], ['prod-2']]);
    expect(callsTo(second, 'reviews.summaries')).to.deep.equal([['prod-2']]);
  });
});

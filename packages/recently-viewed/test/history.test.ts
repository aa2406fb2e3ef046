import { expect } from '@open-wc/testing';
import { store } from '@shopfront/core';
import { addView, parseHistory, recent, recordView, staleIds, toView, type ViewedProduct } from '../src/history.js';
import { applyFetched } from '../src/hydrate.js';
import { captureWarnings } from '../../../test/helpers/mount.js';
import { moveClock, product, restoreAll, stored, storedIds } from './helpers.js';

const DAY = 864e5;
const NOW = Date.UTC(2026, 10, 23, 12);
const entry = (n: number, minutesAgo: number, withProduct = true): ViewedProduct => ({
  id: `p${n}`,
  viewedAt: NOW - minutesAgo * 60_000,
  fetchedAt: NOW - minutesAgo * 60_000,
  ...(withProduct ? { product: product(n) } : {}),
});
const ids = (history: ViewedProduct[]) => history.map((item) => item.id);

describe('history', () => {
  beforeEach(() => store.clear());
  afterEach(() => restoreAll());

  it('puts the newest view first and moves a revisited product to the front, once', () => {
    let history: ViewedProduct[] = [];
    for (const n of [1, 2, 3]) history = addView(history, toView(product(n))!, NOW + n, {});
    expect(ids(history)).to.deep.equal(['p3', 'p2', 'p1']);
    history = addView(history, toView(product(1))!, NOW + 10, {});
    expect(ids(history)).to.deep.equal(['p1', 'p3', 'p2']);
    expect(history[0]!.viewedAt).to.equal(NOW + 10);
  });

  it('keeps max + 1 entries (one for the product on the current page), 12 shown by default', () => {
    let history: ViewedProduct[] = [];
    for (let n = 1; n <= 20; n++) history = addView(history, { id: `p${n}` }, NOW + n, {});
    expect(history).to.have.length(13);
    expect(history[0]!.id).to.equal('p20');
    expect(recent(history, NOW + 20)).to.have.length(12);
    history = addView(history, { id: 'p21' }, NOW + 21, { max: 3 });
    expect(ids(history)).to.deep.equal(['p21', 'p20', 'p19', 'p18']);
  });

  it('treats a missing or mistyped limit as the default rather than wiping the history', () => {
    const history = [entry(1, 1), entry(2, 2)];
    expect(recent(history, NOW, { max: Number('twelve'), days: -1 })).to.have.length(2);
    expect(addView(history, { id: 'p3' }, NOW, { max: NaN, days: NaN })).to.have.length(3);
  });

  it('forgets views older than the number of days', () => {
    const history = [entry(1, 60), entry(2, 29 * 24 * 60), entry(3, 31 * 24 * 60)];
    expect(ids(recent(history, NOW))).to.deep.equal(['p1', 'p2']);
    expect(ids(recent(history, NOW, { days: 7 }))).to.deep.equal(['p1']);
    expect(ids(addView(history, { id: 'p4' }, NOW, {}))).to.deep.equal(['p4', 'p1', 'p2']);
  });

  it('leaves out the product on the current page', () => {
    expect(ids(recent([entry(1, 1), entry(2, 2), entry(3, 3)], NOW, {}, 'p2'))).to.deep.equal(['p1', 'p3']);
  });

  it('keeps the saved copy when a view comes with an id only', () => {
    const history = addView([entry(1, 90)], { id: 'p1' }, NOW, {});
    expect(history[0]!.product?.title).to.equal('Product 1');
    expect(history[0]!.fetchedAt).to.equal(NOW - 90 * 60_000);
  });

  it('accepts a product, an object with an id, or an id; rejects everything else', () => {
    expect(toView(product(1))).to.deep.equal({ id: 'p1', product: product(1) });
    expect(toView({ id: 'p2', title: 'half a product' })).to.deep.equal({ id: 'p2' });
    expect(toView('p3')).to.deep.equal({ id: 'p3' });
    for (const bad of [undefined, null, 42, {}, { id: '' }, { id: 7 }]) expect(toView(bad)).to.equal(undefined);
  });

  it('never keeps a URL that is not http(s), nor extra fields', () => {
    const view = toView({ ...product(1), url: 'javascript:alert(1)' });
    expect(view).to.deep.equal({ id: 'p1' });
    const extra = toView({ ...product(2), customerEmail: 'amelia@example.com' });
    expect(extra?.product).not.to.have.property('customerEmail');
  });

  it('drops a corrupt stored entry with a warning and keeps the rest', async () => {
    const warnings = await captureWarnings(() => {
      const history = parseHistory([
        entry(1, 1),
        { id: 'p2', viewedAt: 'yesterday', fetchedAt: 0 },
        { id: 'p3', viewedAt: NOW, fetchedAt: NOW, product: { ...product(3), url: 'javascript:alert(1)' } },
        null,
        entry(4, 4),
      ]);
      expect(ids(history)).to.deep.equal(['p1', 'p4']);
    });
    expect(warnings).to.have.length(3);
    expect(parseHistory({ not: 'a list' })).to.deep.equal([]);
    expect(parseHistory(undefined)).to.deep.equal([]);
  });

  it('finds copies that are missing or older than the ttl', () => {
    const history = [entry(1, 5), entry(2, 120), entry(3, 1, false)];
    expect(staleIds(history, NOW, 60 * 60_000)).to.deep.equal(['p2', 'p3']);
    expect(staleIds(history, NOW, 0)).to.deep.equal(['p1', 'p2', 'p3']);
  });

  it('applies fresh copies, drops products the shop no longer has, leaves the others alone', () => {
    const history = [entry(1, 5), entry(2, 120), entry(3, 130)];
    const fresh = product(2, { price: 5, title: 'Renamed' });
    const next = applyFetched(history, ['p2', 'p3'], [fresh], NOW);
    expect(ids(next)).to.deep.equal(['p1', 'p2']);
    expect(next[0]).to.equal(history[0]);
    expect(next[1]).to.deep.equal({ id: 'p2', viewedAt: history[1]!.viewedAt, fetchedAt: NOW, product: fresh });
  });

  it('records views in the store, atomically across writers', async () => {
    await Promise.all([recordView(product(1)), recordView(product(2)), recordView({ id: 'p3' })]);
    expect((await storedIds()).sort()).to.deep.equal(['p1', 'p2', 'p3']);
    const warnings = await captureWarnings(() => recordView({ title: 'no id' }));
    expect(warnings[0]).to.contain('not a product');
    expect(await stored()).to.have.length(3);
  });

  it('stores product data and view times only', async () => {
    moveClock(0);
    await recordView({ ...product(1), shopper: { email: 'amelia@example.com' } });
    const [saved] = await stored();
    expect(Object.keys(saved!).sort()).to.deep.equal(['fetchedAt', 'id', 'product', 'viewedAt']);
    expect(JSON.stringify(saved)).not.to.contain('amelia');
    expect(Date.now() - saved!.viewedAt).to.be.lessThan(DAY);
  });
});

import { expect, html } from '@open-wc/testing';
import { store } from '@shopfront/core';
import { unmountAll, until } from '../../../test/helpers/mount.js';
import { sampleReviews } from '../../../test/helpers/sample-data.js';
import { $, $$, mountFeed, reviewsShown, seeded } from './helpers.js';

const jsonLd = (el: Element) => el.querySelector<HTMLScriptElement>(':scope > script[type="application/ld+json"]');

describe('<sf-review-feed>', () => {
  beforeEach(() => store.clear());
  afterEach(() => unmountAll());

  describe('rich snippets', () => {
    it('writes a JSON-LD Product with its AggregateRating and first reviews into the light DOM', async () => {
      const el = await mountFeed(
        html`<sf-review-feed product-id="prod-1" product-title="Harbour wool sweater" product-handle="harbour-sweater"></sf-review-feed>`,
        seeded(),
      );
      await until(() => jsonLd(el), 'the snippet');
      expect([...el.children].map((child) => child.localName)).to.deep.equal(['script']);
      const data = JSON.parse(jsonLd(el)!.textContent!);
      expect(data['@context']).to.equal('https://schema.org');
      expect(data['@type']).to.equal('Product');
      expect(data.name).to.equal('Harbour wool sweater');
      expect(data.productID).to.equal('harbour-sweater');
      expect(data.aggregateRating).to.deep.equal({
        '@type': 'AggregateRating',
        ratingValue: 3.9,
        bestRating: 5,
        worstRating: 1,
        reviewCount: 12,
      });
      expect(data.review).to.have.length(5);
      expect(data.review[0]).to.deep.equal({
        '@type': 'Review',
        reviewRating: { '@type': 'Rating', ratingValue: 5, bestRating: 5, worstRating: 1 },
        author: { '@type': 'Person', name: 'Amelia R.' },
        datePublished: sampleReviews()[0]!.createdAt.slice(0, 10),
        name: 'Review number 1',
        reviewBody: sampleReviews()[0]!.body,
      });
    });

    it('keeps the unfiltered reviews in the snippet while the shopper filters', async () => {
      const el = await mountFeed(html`<sf-review-feed product-id="prod-1" product-title="Sweater"></sf-review-feed>`, seeded());
      await until(() => jsonLd(el), 'the snippet');
      const before = jsonLd(el)!.textContent;
      $$(el, '.bar')[4]!.click();
      await until(() => reviewsShown(el).length === 1 && !$(el, '.list[aria-busy=true]'), 'the 1-star reviews');
      expect(jsonLd(el)!.textContent).to.equal(before);
    });

    it('writes nothing with no-json-ld, for a product without reviews, or without a product title', async () => {
      const optOut = await mountFeed(
        html`<sf-review-feed product-id="prod-1" product-title="Sweater" no-json-ld></sf-review-feed>`,
        seeded(),
      );
      const empty = await mountFeed(html`<sf-review-feed product-id="prod-9" product-title="Scarf"></sf-review-feed>`, seeded());
      const untitled = await mountFeed(html`<sf-review-feed product-id="prod-1"></sf-review-feed>`, seeded());
      // A titled feed on the same page gets its snippet: by then the others had theirs decided.
      const titled = await mountFeed(html`<sf-review-feed product-id="prod-1" product-title="Sweater"></sf-review-feed>`, seeded());
      await until(() => jsonLd(titled), 'the titled snippet');
      expect(optOut.children).to.have.length(0);
      expect(empty.children).to.have.length(0);
      expect(untitled.children).to.have.length(0);

      const el = await mountFeed(html`<sf-review-feed product-id="prod-1" product-title="Sweater"></sf-review-feed>`, seeded());
      await until(() => jsonLd(el), 'the snippet');
      el.noJsonLd = true;
      await until(() => !jsonLd(el), 'the snippet removed');
    });
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runInNewContext } from 'node:vm';
import {
  parse,
  type Document,
  type Element as DefaultTreeElement,
  type Node as DefaultTreeNode,
  type TextNode as DefaultTreeTextNode,
} from 'parse5';
import { Product } from '@shopfront/core/schemas.js';
import { HOSTILE, HOSTILE_SCRIPT, context, createEngine, renderBlock, type Scenario } from './liquid.js';

const BLOCKS = ['embed', 'review-feed', 'star-rating', 'loyalty-badge', 'faq-search', 'recently-viewed'] as const;
type Block = (typeof BLOCKS)[number];

/** Merchant settings as a hostile (or careless) merchant might type them. */
const HOSTILE_SETTINGS: Record<Block, Record<string, unknown>> = {
  embed: {
    accent: '#4338ca',
    radius: 8,
    theme: 'auto',
    chat: true,
    chat_corner: 'bottom-end',
    chat_greeting: HOSTILE,
    chat_ask_email: true,
    loyalty: 'floating-start',
    track_views: true,
  },
  'review-feed': { heading: HOSTILE, sort: 'newest', page_size: 5, name_display: 'full', ask_email: false },
  'star-rating': { show_count: true, show_empty: false },
  'loyalty-badge': {},
  'faq-search': { mode: 'box', label: HOSTILE, placeholder: HOSTILE, contact_url: '/pages/contact' },
  'recently-viewed': { heading: HOSTILE, max: 12 },
};

async function render(block: Block, scenario: Scenario, settings: Record<string, unknown> = {}) {
  const engine = createEngine(scenario.language);
  const html = await renderBlock(engine, block, context(scenario, { ...HOSTILE_SETTINGS[block], ...settings }));
  return { html, ...tree(html) };
}

/** The elements and texts a browser would build from the HTML. */
function tree(html: string) {
  const document = parse(`<!doctype html><html><body>${html}</body></html>`) as Document;
  const elements: DefaultTreeElement[] = [];
  const walk = (node: DefaultTreeNode) => {
    if ('tagName' in node) elements.push(node as DefaultTreeElement);
    for (const child of (node as { childNodes?: DefaultTreeNode[] }).childNodes ?? []) walk(child);
    const content = (node as { content?: DefaultTreeNode }).content;
    if (content) walk(content);
  };
  walk(document);
  const find = (tag: string) => elements.filter((element) => element.tagName === tag);
  return { elements, find, one: (tag: string) => single(find(tag), tag) };
}

function single(list: DefaultTreeElement[], what: string): DefaultTreeElement {
  assert.equal(list.length, 1, `one <${what}>`);
  return list[0]!;
}

const attr = (element: DefaultTreeElement, name: string) => element.attrs.find((a) => a.name === name)?.value;
const text = (element: DefaultTreeElement): string =>
  element.childNodes
    .map((child) => ('tagName' in child ? text(child as DefaultTreeElement) : ((child as DefaultTreeTextNode).value ?? '')))
    .join('');

/** What every render must satisfy, whatever the block: hostile text stays text. */
function assertInert({ html, elements }: Awaited<ReturnType<typeof render>>) {
  assert.doesNotMatch(html, /<img/i, 'no raw <img from data');
  assert.doesNotMatch(html, /<\/script><img/i);
  for (const element of elements) {
    assert.notEqual(element.tagName, 'img', 'no <img> element from data');
    for (const { name } of element.attrs) assert.doesNotMatch(name, /^on/, `no ${name} attribute on <${element.tagName}>`);
  }
  // Scripts are the loader, the queue, or JSON-LD that parses.
  for (const script of elements.filter((element) => element.tagName === 'script')) {
    const type = attr(script, 'type');
    if (type === 'application/ld+json') JSON.parse(text(script));
    else if (type === 'module')
      assert.match(attr(script, 'src') ?? '', /^\/\/cdn\.shopify\.com\/extensions\/.+\/assets\/shopfront\.js\?v=1$/);
    else assert.equal(type, undefined);
  }
}

/** Runs the embed's inline script as a page would, and returns what it queued for Shopfront. */
function queued(script: DefaultTreeElement): unknown[][] {
  const page: { Shopfront?: unknown[][]; window?: unknown } = {};
  page.window = page;
  runInNewContext(text(script), page);
  // Out of the script's realm, so deepEqual compares plain values.
  return JSON.parse(JSON.stringify(page.Shopfront ?? [])) as unknown[][];
}

const SCENARIOS: Scenario[] = [
  { loggedIn: false, template: 'product' },
  { loggedIn: true, template: 'product' },
  { loggedIn: false, template: 'index' },
  { loggedIn: true, template: 'index' },
];

describe('every block, logged out and in, on product and other pages', () => {
  for (const block of BLOCKS) {
    for (const scenario of SCENARIOS) {
      it(`${block}: ${scenario.loggedIn ? 'logged in' : 'guest'} on ${scenario.template}: hostile titles and settings stay text`, async () => {
        const result = await render(block, scenario);
        assertInert(result);
        assert.ok(
          result.elements.some((element) => element.tagName.startsWith('sf-')),
          'renders its widget',
        );
      });
    }
  }
});

describe('app embed', () => {
  it('loads the loader as a module with the shop, locale, currency and the proxy endpoint, and no secret', async () => {
    const { find, html } = await render('embed', { loggedIn: false, template: 'index', language: 'fr' });
    const script = single(
      find('script').filter((element) => attr(element, 'type') === 'module'),
      'module script',
    );
    assert.equal(attr(script, 'data-endpoint'), 'https://shop.example/apps/shopfront/api/v1');
    assert.equal(attr(script, 'data-adapter'), 'shopify');
    assert.equal(attr(script, 'data-shop'), 'shopfront-test.myshopify.com');
    assert.equal(attr(script, 'data-locale'), 'fr');
    assert.equal(attr(script, 'data-currency'), 'EUR');
    assert.equal(attr(script, 'data-customer'), undefined);
    assert.ok(script.attrs.some((a) => a.name === 'async'));
    assert.doesNotMatch(html, /signature|secret|shpat_/i);
  });

  it('names a logged-in customer (id, name and email through json), never with a signature', async () => {
    const { find, html } = await render('embed', { loggedIn: true, template: 'index' });
    const [inline, module] = find('script');
    assert.equal(attr(module!, 'data-customer'), '7001234567890');
    assert.equal(attr(module!, 'data-customer-signature'), undefined);
    const calls = queued(inline!);
    assert.deepEqual(calls, [
      ['configure', { streamEndpoint: 'https://shopfront.example/api/v1' }],
      ['identify', { id: '7001234567890', firstName: HOSTILE_SCRIPT, email: 'ada@example.com' }],
    ]);
    assert.doesNotMatch(html, /signature/i);
  });

  it('records the viewed product on product pages, as a valid Product', async () => {
    const { find } = await render('embed', { loggedIn: false, template: 'product' });
    const calls = queued(find('script')[0]!);
    const [, product] = calls.find(([name]) => name === 'trackView')!;
    assert.deepEqual(Product.parse(product), {
      id: 'linen-shirt',
      handle: 'linen-shirt',
      title: HOSTILE,
      url: 'https://shop.example/products/linen-shirt',
      image: { url: 'https://cdn.shopify.com/s/files/1/0001/products/shirt.jpg?width=480', alt: HOSTILE_SCRIPT, width: 1200, height: 1500 },
      price: 49.9,
      compareAtPrice: 59.9,
      currency: 'EUR',
      available: true,
    });
    const other = await render('embed', { loggedIn: false, template: 'index' });
    assert.equal(
      queued(other.find('script')[0]!).some(([name]) => name === 'trackView'),
      false,
    );
    const off = await render('embed', { loggedIn: false, template: 'product' }, { track_views: false });
    assert.equal(
      queued(off.find('script')[0]!).some(([name]) => name === 'trackView'),
      false,
    );
  });

  it('applies the look and turns widgets on and off', async () => {
    const on = await render('embed', { loggedIn: false, template: 'index' });
    assert.match(text(on.one('style')), /--sf-color-accent: #4338ca;\s*--sf-radius: 8px;/);
    assert.equal(attr(on.one('sf-chat-launcher'), 'corner'), 'bottom-end');
    assert.equal(attr(on.one('sf-chat-launcher'), 'greeting'), HOSTILE);
    assert.equal(attr(on.one('sf-chat-launcher'), 'ask-email'), 'optional');
    assert.equal(attr(on.one('sf-loyalty-badge'), 'placement'), 'floating-start');
    const off = await render(
      'embed',
      { loggedIn: false, template: 'index' },
      { chat: false, loyalty: 'off', accent: '</style><img src=x>' },
    );
    assert.equal(off.find('sf-chat-launcher').length, 0);
    assert.equal(off.find('sf-loyalty-badge').length, 0);
    assert.equal(off.find('img').length, 0);
    assert.match(text(off.one('style')), /&lt;\/style&gt;/);
  });

  it('opens no direct stream when the server has not said where it is', async () => {
    const engine = createEngine();
    const ctx = context({ loggedIn: false, template: 'index' }, HOSTILE_SETTINGS.embed);
    ctx.app.metafields.shopfront = {} as never;
    const { find } = tree(await renderBlock(engine, 'embed', ctx));
    assert.deepEqual(queued(find('script')[0]!), []);
  });
});

describe('review feed block', () => {
  it('renders the star summary and the rich snippet from the rating metafields', async () => {
    const result = await render('review-feed', { loggedIn: false, template: 'product' });
    const feed = result.one('sf-review-feed');
    assert.equal(attr(feed, 'product-id'), '8123456789012');
    assert.equal(attr(feed, 'product-handle'), 'linen-shirt');
    assert.equal(attr(feed, 'product-title'), HOSTILE);
    const heading = result.one('h2');
    assert.equal(attr(heading, 'slot'), 'header');
    assert.equal(text(heading), HOSTILE);
    const summary = result.find('div').find((div) => attr(div, 'data-sf-summary') !== undefined)!;
    assert.equal(attr(summary, 'data-average'), '4.46');
    assert.equal(attr(summary, 'data-count'), '12');
    const stars = result.find('span').find((span) => attr(span, 'class') === 'sf-stars')!;
    assert.equal(attr(stars, 'role'), 'img');
    assert.equal(attr(stars, 'aria-label'), 'Rated 4.5 out of 5');
    const classes = result
      .find('span')
      .filter((span) => attr(span, 'class')?.startsWith('sf-star '))
      .map((span) => attr(span, 'class'));
    const plain = result.find('span').filter((span) => attr(span, 'class') === 'sf-star');
    assert.deepEqual(classes, [
      'sf-star sf-star--on',
      'sf-star sf-star--on',
      'sf-star sf-star--on',
      'sf-star sf-star--on',
      'sf-star sf-star--half',
    ]);
    assert.equal(plain.length, 0);
    assert.equal(text(result.find('span').find((span) => attr(span, 'class') === 'sf-rf-count')!), 'Based on 12 reviews');
    assert.equal(text(result.find('span').find((span) => attr(span, 'class') === 'sf-rf-average')!), '4.5');

    const script = result.one('script');
    assert.equal(attr(script, 'type'), 'application/ld+json');
    assert.ok(
      script.attrs.some((a) => a.name === 'data-sf-json-ld'),
      'the script the widget rewrites',
    );
    assert.deepEqual(JSON.parse(text(script)), {
      '@context': 'https://schema.org',
      '@type': 'Product',
      name: HOSTILE,
      productID: 'linen-shirt',
      aggregateRating: { '@type': 'AggregateRating', ratingValue: 4.5, bestRating: 5, worstRating: 1, reviewCount: 12 },
    });
  });

  it('says there are no reviews yet, with no snippet, when the product has none', async () => {
    const result = await render('review-feed', { loggedIn: false, template: 'product', rated: false }, { heading: '' });
    assert.ok(result.one('sf-review-feed').attrs.some((a) => a.name === 'data-empty'));
    assert.equal(text(result.one('h2')), 'Customer reviews');
    assert.equal(text(result.one('p')), 'No reviews yet. Be the first to review this product!');
    assert.equal(result.find('script').length, 0);
  });

  it('speaks the shopper’s language (fr)', async () => {
    const result = await render('review-feed', { loggedIn: false, template: 'product', language: 'fr' }, { heading: '' });
    assert.equal(text(result.one('h2')), 'Avis clients');
    assert.match(result.html, /Basé sur 12 avis/);
    assert.match(result.html, /aria-label="Noté 4.5 sur 5"/);
  });

  for (const [average, expected] of [
    ['1.0', 'on,off,off,off,off'],
    ['4.25', 'on,on,on,on,off'],
    ['4.26', 'on,on,on,on,half'],
    ['4.75', 'on,on,on,on,half'],
    ['4.76', 'on,on,on,on,on'],
    ['5.0', 'on,on,on,on,on'],
  ] as const) {
    it(`rounds ${average} to the widget's stars (${expected})`, async () => {
      const engine = createEngine();
      const ctx = context({ loggedIn: false, template: 'product' }, HOSTILE_SETTINGS['review-feed']);
      (ctx.block.settings.product.metafields.reviews as { rating: { value: { rating: string } } }).rating.value.rating = average;
      const { find } = tree(await renderBlock(engine, 'review-feed', ctx));
      const fills = find('span')
        .map((span) => attr(span, 'class'))
        .filter((name) => name?.startsWith('sf-star') && name !== 'sf-stars')
        .map((name) => (name!.includes('--on') ? 'on' : name!.includes('--half') ? 'half' : 'off'));
      assert.equal(fills.join(), expected);
    });
  }

  it('renders nothing without a product, and a hint in the theme editor', async () => {
    const engine = createEngine();
    const ctx = context({ loggedIn: false, template: 'page' }, { ...HOSTILE_SETTINGS['review-feed'], product: undefined });
    assert.equal((await renderBlock(engine, 'review-feed', ctx)).trim(), '');
    ctx.request.design_mode = true;
    assert.match(await renderBlock(engine, 'review-feed', ctx), /choose a product/);
  });
});

describe('star rating block', () => {
  it('renders <sf-star-rating product-id> with the stars and count from the metafields', async () => {
    const result = await render('star-rating', { loggedIn: false, template: 'collection' });
    const rating = result.one('sf-star-rating');
    assert.equal(attr(rating, 'product-id'), '8123456789012');
    assert.equal(attr(rating, 'data-average'), '4.46');
    assert.equal(attr(rating, 'data-count'), '12');
    assert.equal(
      attr(
        result.find('span').find((s) => attr(s, 'class') === 'sf-stars')!,
        'aria-label',
      ),
      'Rated 4.5 out of 5, 12 reviews',
    );
    assert.equal(text(result.find('span').find((s) => attr(s, 'class') === 'sf-star-count')!), '(12)');
  });

  it('renders nothing for an unrated product unless asked for empty stars', async () => {
    assert.equal((await render('star-rating', { loggedIn: false, template: 'index', rated: false })).find('sf-star-rating').length, 0);
    const empty = await render('star-rating', { loggedIn: false, template: 'index', rated: false }, { show_empty: true });
    assert.equal(attr(empty.one('sf-star-rating'), 'data-count'), '0');
    assert.equal(
      attr(
        empty.find('span').find((s) => attr(s, 'class') === 'sf-stars')!,
        'aria-label',
      ),
      'No reviews yet',
    );
  });
});

describe('other blocks', () => {
  it('loyalty badge: inline, the member is whoever Shopify says is logged in', async () => {
    const result = await render('loyalty-badge', { loggedIn: true, template: 'index' });
    assert.equal(attr(result.one('sf-loyalty-badge'), 'placement'), 'inline');
    assert.doesNotMatch(result.html, /7001234567890/);
  });

  it('FAQ search: the merchant’s label and placeholder as attributes, escaped', async () => {
    const result = await render('faq-search', { loggedIn: false, template: 'page' }, { mode: 'page' });
    const search = result.one('sf-faq-search');
    assert.equal(attr(search, 'mode'), 'page');
    assert.equal(attr(search, 'label'), HOSTILE);
    assert.equal(attr(search, 'placeholder'), HOSTILE);
    assert.equal(attr(search, 'contact-url'), '/pages/contact');
  });

  it('recently viewed: leaves out (and records) the product on its page, by handle', async () => {
    const onProduct = await render('recently-viewed', { loggedIn: false, template: 'product' });
    assert.equal(attr(onProduct.one('sf-recently-viewed'), 'product-id'), 'linen-shirt');
    assert.equal(attr(onProduct.one('h2'), 'slot'), 'heading');
    assert.equal(text(onProduct.one('h2')), HOSTILE);
    const elsewhere = await render('recently-viewed', { loggedIn: false, template: 'index' }, { heading: '' });
    assert.equal(attr(elsewhere.one('sf-recently-viewed'), 'product-id'), undefined);
    assert.equal(elsewhere.find('h2').length, 0);
  });
});

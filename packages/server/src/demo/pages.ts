/**
 * The demo shop's pages. Widgets load as on any shop: one module script tag
 * pointing at this server's CDN build, then the widget tags where they go. Page
 * data for the shop's own script travels in JSON script elements (strict CSP).
 */
import type { Customer, FaqEntry, Product } from '@shopfront/core/schemas.js';
import { html, jsonScript, type Html } from '../html.js';
import { DEMO_CUSTOMER } from './catalogue.js';

export interface PageContext {
  /** This server's origin, for the endpoint the widgets call. */
  baseUrl: string;
  shopKey: string;
  shopName: string;
  /** Whether the CDN loader exists yet (the widgets are built separately). */
  hasLoader: boolean;
}

const money = (amount: number, currency: string) => new Intl.NumberFormat('en-IE', { style: 'currency', currency }).format(amount);

function price(product: Product): Html {
  const sale = product.compareAtPrice && product.compareAtPrice > product.price;
  return html`<span class="price"
    >${money(product.price, product.currency)}${sale ? html`<s>${money(product.compareAtPrice!, product.currency)}</s>` : ''}</span
  >`;
}

function layout(
  context: PageContext,
  page: { title: string; current: 'home' | 'faq' | 'account' | 'product' | 'none'; body: Html; data?: Html[]; customer?: Customer },
): string {
  const nav = (href: string, label: string, key: string) =>
    html`<a href="${href}" ${page.current === key ? html`aria-current="page"` : ''}>${label}</a>`;
  const document = html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${page.title} · ${context.shopName}</title>
        <link rel="icon" href="/assets/favicon.svg" type="image/svg+xml" />
        <link rel="stylesheet" href="/assets/demo.css" />
        <link rel="stylesheet" href="/cdn/shopfront.css" />
        ${page.data ?? []}
        <script src="/assets/demo.js"></script>
        <script
          type="module"
          src="/cdn/shopfront.js"
          data-endpoint="${context.baseUrl}/api/v1"
          data-shop="${context.shopKey}"
          ${page.customer ? html`data-customer="${page.customer.id}" data-customer-signature="${page.customer.signature ?? ''}"` : ''}
          async
        ></script>
      </head>
      <body>
        <a class="skip" href="#main">Skip to content</a>
        <header class="site-header">
          <a class="brand" href="/">${context.shopName}</a>
          <nav class="site-nav" aria-label="Main">
            ${nav('/', 'Shop', 'home')} ${nav('/faq', 'Help', 'faq')} ${nav('/account', 'Account', 'account')}
          </nav>
          <sf-loyalty-badge></sf-loyalty-badge>
        </header>
        <main id="main">${page.body}</main>
        <footer class="site-footer">
          <p>
            A demo shop for Shopfront: reviews, rewards, chat, FAQ search and recently viewed products load as widgets from
            <code>/cdn/shopfront.js</code>.
            ${context.hasLoader ? '' : html`<strong>The widget build is missing: run <code>npm run build</code>.</strong>`} Agents answer at
            <a href="/inbox">/inbox</a>. Developers: the <a href="/api/v1/docs">API reference</a>.
          </p>
        </footer>
        <sf-chat-launcher></sf-chat-launcher>
      </body>
    </html>`;
  return document.value;
}

/** A card of the home grid: its stars come with every other card's, in one request. */
function productCard(product: Product): Html {
  return html`<li class="card">
    <a href="${product.url}">
      ${product.image ? html`<img src="${product.image.url}" alt="" width="400" height="400" loading="lazy" />` : ''}
      <div class="info">
        <h2>${product.title}</h2>
        <sf-star-rating product-id="${product.id}"></sf-star-rating>
        ${price(product)} ${product.available ? '' : html`<span class="badge">Sold out</span>`}
      </div>
    </a>
  </li>`;
}

export function homePage(context: PageContext, products: Product[]): string {
  return layout(context, {
    title: 'Shop',
    current: 'home',
    body: html`<div class="hero">
        <h1>Made for salt air and slow mornings</h1>
        <p>Knitwear, ceramics and small comforts from the harbour. Free shipping in the EU over €60.</p>
      </div>
      <ul class="grid" aria-label="Products">
        ${products.map(productCard)}
      </ul>
      <sf-recently-viewed></sf-recently-viewed>`,
  });
}

export function productPage(context: PageContext, product: Product & { description?: string }): string {
  return layout(context, {
    title: product.title,
    current: 'product',
    // sf-recently-viewed records the view from this JSON and leaves the product out of its carousel.
    data: [jsonScript('shop-product', product, 'data-sf-product')],
    body: html`<nav class="crumbs" aria-label="Breadcrumb"><a href="/">Shop</a> / ${product.title}</nav>
      <div class="product">
        ${product.image ? html`<img src="${product.image.url}" alt="${product.image.alt ?? product.title}" width="800" height="800" />` : ''}
        <div>
          <h1>${product.title}</h1>
          <p>${price(product)}</p>
          <p class="description">${product.description ?? ''}</p>
          <button class="buy" type="button" ${product.available ? '' : html`disabled`}>
            ${product.available ? 'Add to bag' : 'Sold out'}
          </button>
          <p class="note">This is a demo: nothing is for sale.</p>
          ${
            product.available
              ? html`<form class="demo-order" method="post" action="/demo/orders">
                  <input type="hidden" name="product" value="${product.handle ?? ''}" />
                  <button type="submit">Place demo order</button>
                  <p class="note">
                    Sends the shop's signed order webhook for ${DEMO_CUSTOMER.email}: see the points arrive in your account, and write a
                    review with that email for a verified badge.
                  </p>
                </form>`
              : ''
          }
        </div>
      </div>
      <sf-review-feed product-id="${product.id}" product-handle="${product.handle ?? ''}" product-title="${product.title}"></sf-review-feed>
      <section aria-labelledby="questions-heading">
        <h2 id="questions-heading">Questions?</h2>
        <sf-faq-search></sf-faq-search>
      </section>
      <sf-recently-viewed product-id="${product.id}"></sf-recently-viewed>`,
  });
}

export function faqPage(context: PageContext, entries: FaqEntry[]): string {
  const categories = new Map<string, FaqEntry[]>();
  for (const entry of entries) {
    const category = entry.category ?? 'Other';
    categories.set(category, [...(categories.get(category) ?? []), entry]);
  }
  return layout(context, {
    title: 'Help',
    current: 'faq',
    body: html`<div class="hero">
        <h1>How can we help?</h1>
        <p>Search our answers, or ask us in the chat.</p>
      </div>
      <sf-faq-search></sf-faq-search>
      <div class="faq-list">
        ${[...categories].map(
          ([category, list]) =>
            html`<section>
              <h2>${category}</h2>
              ${list.map(
                (entry) =>
                  html`<details id="${entry.id}">
                    <summary>${entry.question}</summary>
                    <p>${entry.answer}</p>
                  </details>`,
              )}
            </section>`,
        )}
      </div>`,
  });
}

export function accountPage(context: PageContext, customer: Customer, placed?: { orderId: string; points: number }): string {
  return layout(context, {
    title: 'Your account',
    current: 'account',
    // The loader reads the signed id from the script tag; the shop's own script adds the first name (identify).
    customer,
    data: [jsonScript('shop-customer', customer)],
    body: html`<div class="hero">
        <h1>Hello, ${customer.firstName ?? 'there'}</h1>
        <p>You are signed in to the demo shop as ${customer.email ?? customer.id}.</p>
        ${
          placed
            ? html`<p class="notice" role="status">
                Demo order #${placed.orderId} placed: ${placed.points} points for it. Reviews you write with your email for what you bought
                show a verified badge.
              </p>`
            : ''
        }
      </div>
      <div class="account">
        <h2>Harbour Rewards</h2>
        <p>Your points, your tier and the rewards you can redeem:</p>
        <sf-loyalty-badge></sf-loyalty-badge>
        <p class="note">
          The shop signs your customer id (HMAC-SHA256 with its secret) and hands it to Shopfront, so the server can trust who you are
          without a session of its own.
        </p>
      </div>`,
  });
}

export function notFoundPage(context: PageContext): string {
  return layout(context, {
    title: 'Not found',
    current: 'none',
    body: html`<div class="hero">
      <h1>We could not find that page</h1>
      <p><a href="/">Back to the shop</a></p>
    </div>`,
  });
}

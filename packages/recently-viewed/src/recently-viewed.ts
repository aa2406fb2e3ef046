import { html, nothing, type PropertyValues } from 'lit';
import { ArrowKeys, LazyPart, ScrollPagerController, ShopfrontElement, type Product } from '@shopfront/core';
import { SfRecentlyViewedClearEvent, SfRecentlyViewedClickEvent } from './events.js';
import { HistoryController } from './history-controller.js';
import { clearHistory } from './history.js';
import { messages } from './messages.js';
import { styles } from './recently-viewed.styles.js';

/**
 * @summary A carousel of the products this shopper viewed, newest first, kept in
 * their browser and in sync across their tabs. With nothing to show it takes no
 * space at all.
 *
 * @tag sf-recently-viewed
 *
 * @slot fallback - Shown instead when there is nothing to show (by default nothing is, and the element takes no space).
 * @slot heading - Replaces the heading ("Recently viewed"), for a heading of the shop's own level and words.
 * @slot add-to-cart-{id} - Content under the card of the product with that id (`add-to-cart-p1`). A `<template slot="add-to-cart">` child is copied into each of these, one per card.
 *
 * @csspart base - The carousel region.
 * @csspart header - The row with the heading and the buttons.
 * @csspart heading - The default heading.
 * @csspart button - Every button.
 * @csspart clear-button - The "Clear history" button.
 * @csspart previous-button - Scrolls back by the cards that fit.
 * @csspart next-button - Scrolls on by the cards that fit.
 * @csspart track - The scrolling row of cards.
 * @csspart card - One product (a slide).
 * @csspart link - The link around the image and the title.
 * @csspart image - The image frame; its aspect ratio is reserved before the image loads.
 * @csspart badge - "Sold out", over the image.
 * @csspart title - The product title, two lines (the space is reserved).
 * @csspart price - The price line.
 * @csspart compare-at-price - The price before a sale, struck through.
 *
 * @cssprop [--sf-recently-viewed-card-width=10rem] - Width of a card.
 * @cssprop [--sf-recently-viewed-image-aspect-ratio=1] - Width / height of the image frame (`4 / 5` for portrait photos).
 *
 * @cssstate empty - Nothing to show (or not known yet): the element has no size unless the fallback slot has content.
 *
 * @fires {SfRecentlyViewedClickEvent} sf-recently-viewed-click - A product was opened; cancelable, to route it yourself.
 * @fires {SfRecentlyViewedClearEvent} sf-recently-viewed-clear - The shopper pressed "Clear history"; cancelable, to keep it.
 * @fires {SfLoadErrorEvent} sf-load-error - Fresh product data could not be fetched; the saved products stay on screen.
 */
export class SfRecentlyViewed extends ShopfrontElement {
  static override styles = styles;
  static override properties = {
    productId: { attribute: 'product-id' },
    max: { type: Number },
    days: { type: Number },
    ttl: { type: Number },
  };

  /** The product on this page: recorded as viewed, and left out of the carousel. */
  declare productId?: string;
  /** The most products shown (default 12). */
  max = 12;
  /** Views older than this many days are forgotten (default 30). */
  days = 30;
  /** Minutes a saved price and title are trusted before they are fetched again (default 60). */
  ttl = 60;

  readonly #history = new HistoryController(this);
  readonly #pager = new ScrollPagerController(this, () => this.renderRoot.querySelector<HTMLElement>('.track'));
  /** The per-card add-to-cart copies: a chunk of its own, for pages whose element has the template. */
  readonly #addToCart = new LazyPart(this, () => import('./add-to-cart.js'));
  /** Left and Right (mirrored right to left), Home and End move focus between the cards' links. */
  readonly #keys = new ArrowKeys(this, {
    count: () => this.#links().length,
    index: () => this.#links().indexOf((this.renderRoot as ShadowRoot).activeElement as HTMLAnchorElement),
    move: (index) => this.#links()[index]!.focus(),
  });

  /** Forgets the history, here and in the shopper's other tabs. Fires no event. */
  clear(): Promise<void> {
    return clearHistory();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.setState('empty', !this.#history.shown?.length);
  }

  protected override render() {
    const items = this.#history.shown;
    // Not known yet: nothing at all, rather than something that collapses again.
    if (!items) return nothing;
    if (!items.length) return html`<slot name="fallback"></slot>`;
    const text = this.i18n.messages(messages);
    // aria-disabled, not disabled: the button keeps focus when it reaches the end.
    const arrow = (direction: number, label: string, disabled: boolean) =>
      html`<button
        class="sf-button"
        part="button ${direction > 0 ? 'next' : 'previous'}-button"
        aria-controls="track"
        aria-label=${label}
        aria-disabled=${disabled}
        @click=${() => this.#pager.page(direction)}
      >
        <span aria-hidden="true">${direction > 0 ? '›' : '‹'}</span>
      </button>`;
    return html`<section part="base" aria-roledescription=${text.carousel} aria-label=${text.heading}>
      <header part="header">
        <slot name="heading"><h2 part="heading">${text.heading}</h2></slot>
        <button class="sf-button" part="button clear-button" @click=${this.#onClear}>${text.clear}</button>
        ${arrow(-1, text.previous, this.#pager.atStart)} ${arrow(1, text.next, this.#pager.atEnd)}
      </header>
      <div class="track" id="track" part="track">
        ${items.map(({ product }, index) => {
          const { id, title, image, price, compareAtPrice, currency, url, available } = product!;
          const money = (amount: number) => this.i18n.format.money(amount, currency);
          return html`<div
            class="card"
            part="card"
            role="group"
            aria-roledescription=${text.slide}
            aria-label=${text.slideLabel(index + 1, items.length)}
          >
            <a part="link" href=${url} @click=${(event: Event) => this.#onOpen(event, product!, index + 1)} @keydown=${this.#keys.onKeydown}
              ><span class="frame" part="image"
                ><span class="badge" part="badge" ?hidden=${available}>${text.soldOut}</span
                ><img src=${image?.url ?? nothing} alt="" loading="lazy" decoding="async" /></span
              ><span class="title" part="title">${title}</span></a
            >
            <p part="price">
              ${money(price)}
              <s part="compare-at-price" ?hidden=${!(compareAtPrice! > price)}
                ><span class="sf-visually-hidden">${text.wasPrice}</span> ${money(compareAtPrice ?? 0)}</s
              >
            </p>
            <slot name="add-to-cart-${id}"></slot>
          </div>`;
        })}
      </div>
    </section>`;
  }

  protected override updated(): void {
    const template = this.querySelector<HTMLTemplateElement>(':scope>template[slot=add-to-cart]');
    // The ids as they are when the code has loaded, not when it was asked for.
    if (template)
      void this.#addToCart.load().then((module) => module?.copyAddToCart(this, template, this.#history.shown?.map(({ id }) => id) ?? []));
  }

  #links(): HTMLAnchorElement[] {
    return [...this.renderRoot.querySelectorAll<HTMLAnchorElement>('.card > a')];
  }

  /** A shop that cancels the event routes the shopper itself. */
  #onOpen(event: Event, product: Product, position: number): void {
    if (!this.dispatchEvent(new SfRecentlyViewedClickEvent(product, position))) event.preventDefault();
  }

  readonly #onClear = () => this.dispatchEvent(new SfRecentlyViewedClearEvent()) && this.clear();
}

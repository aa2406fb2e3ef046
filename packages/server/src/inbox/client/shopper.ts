/**
 * The shopper beside the open conversation: guest or signed customer, where
 * they are, what they viewed (or that they did not consent to share it),
 * loyalty, orders, earlier conversations and reviews. Everything renders as
 * text; links only to http(s) pages.
 */
import { html, nothing } from 'lit';
import type { ShopperContext, ShopperOrder } from '../wire.js';
import { time, type InboxHost } from './host.js';

const day = (iso: string) => new Date(iso).toLocaleDateString(undefined, { dateStyle: 'medium' });
const money = (amount: number, currency: string) => new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(amount);

/** A page the shopper was on, as a link only when it is a web address (the server checked it; the page checks again). */
function pageLink(url: string | undefined) {
  if (!url) return html`<span class="empty">Not known</span>`;
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return url;
  return html`<a href=${parsed.href} target="_blank" rel="noopener noreferrer">${parsed.host}${parsed.pathname}${parsed.search}</a>`;
}

export class ShopperPanel {
  context?: ShopperContext;
  #conversationId?: string;

  constructor(private readonly host: InboxHost) {}

  /** Reads the shopper of this conversation again (their page changes as they write). */
  async load(conversationId: string): Promise<void> {
    if (conversationId !== this.#conversationId) this.context = undefined;
    this.#conversationId = conversationId;
    this.host.requestUpdate();
    const context = await this.host.api.shopperContext(conversationId);
    if (conversationId !== this.#conversationId) return;
    this.context = context;
    this.host.requestUpdate();
  }

  clear(): void {
    this.#conversationId = undefined;
    this.context = undefined;
  }

  render() {
    const context = this.context;
    if (!context) return html`<aside class="shopper card" aria-label="The shopper" aria-busy="true"><p>Loading the shopper…</p></aside>`;
    const { shopper } = context;
    return html`<aside class="shopper card" aria-labelledby="shopper-heading">
      <h2 id="shopper-heading">${shopper.name || shopper.email || 'Visitor'}</h2>
      <p>
        <span class="badge">${shopper.kind === 'customer' ? 'Signed-in customer' : 'Guest'}</span>
        ${shopper.customerId ? html`<span class="meta">Customer id ${shopper.customerId}</span>` : nothing}
        ${shopper.email ? html`<span class="meta">${shopper.email}</span>` : nothing}
      </p>
      ${this.#renderMatch(context)}
      <section aria-labelledby="shopper-pages">
        <h3 id="shopper-pages">Pages</h3>
        <dl>
          <dt>On now</dt>
          <dd>${pageLink(context.pages.current)}</dd>
          <dt>Started from</dt>
          <dd>${pageLink(context.pages.start)}</dd>
        </dl>
      </section>
      ${this.#renderLoyalty(context)} ${this.#renderViewed(context)} ${this.#renderOrders(context.orders)}
      ${this.#renderConversations(context)} ${this.#renderReviews(context)}
    </aside>`;
  }

  #renderMatch(context: ShopperContext) {
    if (context.matchedBy === 'email')
      return html`<p class="note">
        Orders, conversations and reviews below were found by the email this guest typed, which nobody verified: check before sharing
        details.
      </p>`;
    if (context.matchedBy === 'none') return html`<p class="note">A guest who gave no email: there is nothing to look up.</p>`;
    return nothing;
  }

  #renderLoyalty({ loyalty }: ShopperContext) {
    return html`<section aria-labelledby="shopper-loyalty">
      <h3 id="shopper-loyalty">Loyalty</h3>
      ${
        !loyalty
          ? html`<p class="empty">Guests have no loyalty account.</p>`
          : !loyalty.member
            ? html`<p class="empty">Not a member yet.</p>`
            : html`<p>${loyalty.tier ?? 'No tier'} · ${loyalty.points} points (${loyalty.lifetimePoints} earned in all)</p>`
      }
    </section>`;
  }

  #renderViewed({ viewed }: ShopperContext) {
    return html`<section aria-labelledby="shopper-viewed">
      <h3 id="shopper-viewed">Recently viewed</h3>
      ${
        !viewed.shared
          ? html`<p class="withheld">Withheld: the shopper has not consented to sharing the products they viewed.</p>`
          : viewed.products.length === 0
            ? html`<p class="empty">Nothing viewed.</p>`
            : html`<ul class="facts">
                ${viewed.products.map((product) => html`<li>${product.title}</li>`)}
              </ul>`
      }
    </section>`;
  }

  #renderOrders(orders: ShopperOrder[]) {
    return html`<section aria-labelledby="shopper-orders">
      <h3 id="shopper-orders">Orders (${orders.length})</h3>
      ${
        orders.length === 0
          ? html`<p class="empty">No orders.</p>`
          : html`<ul class="facts">
              ${orders.map(
                (order) =>
                  html`<li>
                    <strong>#${order.id}</strong> · ${day(order.placedAt)} · ${money(order.total, order.currency)} · ${order.status}
                    <ul>
                      ${order.items.map(
                        (item) => html`<li>${item.quantity} × ${item.title ?? item.productId} (${money(item.price, order.currency)})</li>`,
                      )}
                    </ul>
                  </li>`,
              )}
            </ul>`
      }
    </section>`;
  }

  #renderConversations({ conversations }: ShopperContext) {
    return html`<section aria-labelledby="shopper-conversations">
      <h3 id="shopper-conversations">Earlier conversations</h3>
      ${
        conversations.length === 0
          ? html`<p class="empty">None.</p>`
          : html`<ul class="facts">
              ${conversations.map(
                (conversation) =>
                  html`<li>
                    <button type="button" class="link" @click=${() => this.host.showConversation(conversation.id)}>
                      ${time(conversation.createdAt)} · ${conversation.status === 'open' ? 'open' : 'closed'}
                    </button>
                  </li>`,
              )}
            </ul>`
      }
    </section>`;
  }

  #renderReviews({ reviews }: ShopperContext) {
    return html`<section aria-labelledby="shopper-reviews">
      <h3 id="shopper-reviews">Reviews</h3>
      ${
        reviews.length === 0
          ? html`<p class="empty">No reviews.</p>`
          : html`<ul class="facts">
              ${reviews.map(
                (review) =>
                  html`<li>
                    <strong>${review.rating}/5</strong> ${review.title ?? ''} · ${review.productTitle ?? review.productId} ·
                    ${review.status}
                  </li>`,
              )}
            </ul>`
      }
    </section>`;
  }
}

/**
 * Network faults per widget, in Chromium, against the reference server: the
 * server down at load (really stopped), answers slower than the adapter's
 * timeout, 500s, JSON cut halfway, an HTML error page where JSON was asked for,
 * and the chat's event stream cut mid-event by a proxy. Each widget must show
 * its honest state (its error with a retry, or its saved copy, or for a card's
 * star rating nothing) and, once the network is back, show the server's data
 * again after its retry button or the browser's `online` event, without a
 * reload. The chat must lose nothing and show each message once.
 */
import { expect, html } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import { store, type Customer } from '@shopfront/core';
import '@shopfront/chat-launcher/define.js';
import '@shopfront/faq-search/define.js';
import '@shopfront/loyalty-badge/define.js';
import '@shopfront/recently-viewed/define.js';
import '@shopfront/review-feed/define.js';
import '@shopfront/star-rating/define.js';
import type { SfChatLauncher } from '@shopfront/chat-launcher';
import { product, seedHistory } from '../../packages/recently-viewed/test/helpers.js';
import { recordFigures } from '../helpers/browser-figures.js';
import { mount, unmountAll, until } from '../helpers/mount.js';
import { agentSays, conversationStreams, demoCustomer, resetServer, restAdapter, setAgentAvailability } from '../helpers/server.js';
import { cuttingEventSource, faultyNetwork, NETWORK_FAULTS, TIMEOUT_MS } from './faulty-network.js';
import { deliveryFigures, part, searchFaq, SHOWS_DATA, typeInChat, WAIT, watchUncaught, type Sent } from './widgets.js';

interface Widget {
  name: string;
  template: TemplateResult;
  before?: () => Promise<void>;
  /** What a shopper does to see the data (type in the search). */
  open?: (el: HTMLElement) => void;
  /** Its honest state while the network is broken; `failedHere` says whether it fired `sf-load-error`. */
  honest: (el: HTMLElement, failedHere: boolean) => boolean;
  /** The server's data is on screen. */
  shows: (el: HTMLElement) => boolean;
}

const retryButton = (el: HTMLElement) =>
  el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="error"][role="alert"] [part~="retry-button"]');
/** The shared error state with its retry button (core's `errorView`). */
const errorWithRetry = (el: HTMLElement) => !!retryButton(el);

const WIDGETS: Widget[] = [
  // A card's rating shows no error box: nothing in its reserved space, and `sf-load-error` for the shop.
  {
    name: 'sf-star-rating',
    template: html`<sf-star-rating product-id="prod-1"></sf-star-rating>`,
    honest: (el, failedHere) => failedHere && !part(el, 'count'),
    shows: SHOWS_DATA['sf-star-rating']!,
  },
  {
    name: 'sf-review-feed',
    template: html`<sf-review-feed product-id="prod-1"></sf-review-feed>`,
    honest: errorWithRetry,
    shows: SHOWS_DATA['sf-review-feed']!,
  },
  {
    name: 'sf-loyalty-badge',
    template: html`<sf-loyalty-badge placement="inline"></sf-loyalty-badge>`,
    honest: errorWithRetry,
    shows: SHOWS_DATA['sf-loyalty-badge']!,
  },
  {
    name: 'sf-faq-search',
    template: html`<sf-faq-search></sf-faq-search>`,
    open: (el) => searchFaq(el, 'shipping'),
    honest: errorWithRetry,
    shows: (el) => !!el.shadowRoot!.querySelector('[part~="question"], [role="option"]'),
  },
  // The saved products stay on screen (the seeded titles), and `sf-load-error` tells the shop.
  {
    name: 'sf-recently-viewed',
    template: html`<sf-recently-viewed></sf-recently-viewed>`,
    before: async () =>
      void (await seedHistory([product(1, { id: 'prod-1' }), product(2, { id: 'prod-2' })], { fetchedAgo: 30 * 86_400_000 })),
    honest: (el, failedHere) =>
      failedHere &&
      [...el.shadowRoot!.querySelectorAll('[part~="card"] .title')].map((title) => title.textContent).join() === 'Product 1,Product 2',
    shows: SHOWS_DATA['sf-recently-viewed']!,
  },
];

const texts = (el: Element) => [...el.shadowRoot!.querySelectorAll('.message .text')].map((node) => node.textContent ?? '');
const deliveryOf = (el: Element, body: string) =>
  [...el.shadowRoot!.querySelectorAll('.message.visitor')]
    .find((node) => node.textContent!.includes(body))
    ?.querySelector('[part~="delivery"]');

describe('every widget when the network fails', function () {
  // Server restarts and six widgets on two shared cores.
  this.timeout(60_000);
  let customer: Customer;
  const uncaught = watchUncaught(window);
  let tried = 0;
  let failed = 0;
  let lost = 0;
  let duplicated = 0;

  before(async () => {
    // Quick reconnects: the browser retries a dropped stream after 100 ms.
    await resetServer({ sseRetryMs: 100, heartbeatMs: 1000 });
    customer = await demoCustomer();
    await setAgentAvailability('available');
  });
  beforeEach(async () => {
    tried++;
    // No saved copies: each widget asks the network.
    await store.clear();
  });
  afterEach(function () {
    unmountAll();
    if (this.currentTest?.state === 'failed') failed++;
  });
  after(async () => {
    await setAgentAvailability('auto');
    await recordFigures({ suite: 'Network faults (6 widgets)', cases: tried, failures: failed + uncaught.length, lost, duplicated });
  });

  /** A widget on this page whose adapter goes through `network`: one attempt per call, each cut off after TIMEOUT_MS. */
  async function mountWith(template: TemplateResult, network: ReturnType<typeof faultyNetwork>, extra: object = {}) {
    const adapter = await restAdapter({ customer, fetch: network.fetch, timeout: TIMEOUT_MS, retries: 0, ...extra });
    return mount<HTMLElement>(template, { adapter, customer, currency: 'EUR' });
  }

  for (const widget of WIDGETS) {
    for (const fault of NETWORK_FAULTS) {
      it(`${widget.name}, ${fault}: its honest state, then the server’s data once the network is back`, async () => {
        await widget.before?.();
        const network = faultyNetwork();
        const failedHere: EventTarget[] = [];
        const onLoadError = (event: Event) => failedHere.push(event.composedPath()[0]!);
        document.addEventListener('sf-load-error', onLoadError);
        try {
          await network.start(fault);
          const el = await mountWith(widget.template, network);
          widget.open?.(el);
          await until(() => network.faulted > 0 && widget.honest(el, failedHere.includes(el)), `${widget.name}’s honest state`, WAIT);
          expect(widget.shows(el)).to.equal(false);
          await network.heal();
          // The shopper presses Retry. The star rating and the carousel have none: they try again when
          // the browser says it is back online (after a 500 with the browser online all along, only on
          // the next page or when the element is attached again).
          if (retryButton(el)) retryButton(el)!.click();
          else window.dispatchEvent(new Event('online'));
          await until(() => widget.shows(el), `${widget.name} showing the server’s data again`, WAIT);
          expect(uncaught).to.deep.equal([]);
        } finally {
          document.removeEventListener('sf-load-error', onLoadError);
          await network.heal();
        }
      });
    }
  }

  // At load: the panel opens and takes messages with nothing reachable. Mid-conversation: one message went through first.
  for (const when of ['at load', 'mid-conversation'] as const) {
    for (const fault of NETWORK_FAULTS) {
      it(`sf-chat-launcher, ${fault} ${when}: messages written meanwhile wait, then are stored and shown once each`, async () => {
        const network = faultyNetwork();
        const bodies: string[] = [];
        try {
          if (when === 'at load') await network.start(fault);
          const el = (await mountWith(html`<sf-chat-launcher></sf-chat-launcher>`, network)) as unknown as SfChatLauncher;
          await el.show();
          await until(() => el.shadowRoot!.querySelector('#input'), 'the message field', WAIT);
          if (when === 'mid-conversation') {
            bodies.push(`Before (${fault})`);
            typeInChat(el, bodies[0]!);
            await until(() => deliveryOf(el, bodies[0]!)?.textContent?.trim() === 'Sent', 'the first message stored', WAIT);
            await network.start(fault);
          }
          const meanwhile = [1, 2].map((n) => `While ${fault} ${when}, message ${n}`);
          for (const body of meanwhile) typeInChat(el, body);
          bodies.push(...meanwhile);
          // Honest: each shown at once, none marked Sent while the server could not confirm it
          // ("Sending…" while unreachable, "Not sent. Try again" after a bad answer). Where the server
          // stored it and only its answer was lost (slow, truncated), the conversation's stream may
          // confirm it meanwhile: "Sent" is then the truth.
          await until(() => network.faulted > 0 && meanwhile.every((body) => deliveryOf(el, body)), 'the messages shown', WAIT);
          const stored = fault === 'slower than the timeout' || fault === 'truncated JSON';
          if (!stored) for (const body of meanwhile) expect(deliveryOf(el, body)!.textContent!.trim()).not.to.equal('Sent');
          await network.heal();
          window.dispatchEvent(new Event('online'));
          for (const body of meanwhile) {
            await until(
              () => {
                // A message marked failed is sent again by its own button; a queued one goes by itself.
                deliveryOf(el, body)?.parentElement?.querySelector<HTMLButtonElement>('[part~="retry-button"]')?.click();
                return deliveryOf(el, body)?.textContent?.trim() === 'Sent';
              },
              `“${body}” stored`,
              WAIT,
            );
          }
          const id = (await store.get('chat-conversation'))!;
          const delivery = await deliveryFigures(bodies.map((body): Sent[number] => [id, body]));
          lost += delivery.lost;
          duplicated += delivery.duplicated;
          expect(delivery, 'lost or stored twice').to.deep.equal({ lost: 0, duplicated: 0 });
          for (const body of bodies)
            expect(
              texts(el).filter((text) => text === body),
              body,
            ).to.have.length(1);
          expect(uncaught).to.deep.equal([]);
        } finally {
          await network.heal();
        }
      });
    }
  }

  it('sf-chat-launcher, its event stream cut mid-event: the browser reconnects and the agent’s message shows once', async () => {
    const marker = `cut-mid-event-${Date.now()}`;
    const network = faultyNetwork();
    const el = (await mountWith(html`<sf-chat-launcher></sf-chat-launcher>`, network, {
      EventSource: cuttingEventSource(marker),
    })) as unknown as SfChatLauncher;
    await el.show();
    await until(() => el.shadowRoot!.querySelector('#input'), 'the message field', WAIT);
    typeInChat(el, 'Hello, is the stream up?');
    await until(() => deliveryOf(el, 'Hello, is the stream up?')?.textContent?.trim() === 'Sent', 'the message stored', WAIT);
    const id = (await store.get('chat-conversation'))!;
    await until(async () => (await conversationStreams(id)).open === 1, 'the stream through the proxy', WAIT);
    const reply = `Sam here: ${marker}, the rest of this answer`;
    await agentSays(id, reply);
    await until(() => texts(el).includes(reply), 'the agent’s message after the reconnection', WAIT);
    // The first stream was cut: a second one opened (the browser's reconnection).
    expect((await conversationStreams(id)).opened).to.be.at.least(2);
    const delivery = await deliveryFigures([[id, reply]]);
    lost += delivery.lost;
    duplicated += delivery.duplicated + Math.max(0, texts(el).filter((text) => text === reply).length - 1);
    expect(texts(el).filter((text) => text === reply)).to.have.length(1);
    expect(uncaught).to.deep.equal([]);
  });
});

/**
 * An XSS corpus through every text and URL field of every widget, in Chromium:
 * each widget first runs against the reference server (its answers recorded),
 * then again with those answers carrying a payload in each string field their
 * schema lets through (poisoned-answers.ts), opened as a shopper would open it.
 * No dialog may open, no shadow root may hold a script element or an `on*`
 * attribute, and every `href`/`src` must be http(s).
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
import { product, seedHistory } from '../../packages/recently-viewed/test/helpers.js';
import { recordFigures } from '../helpers/browser-figures.js';
import { captureWarnings, mount, unmountAll, until } from '../helpers/mount.js';
import { demoCustomer, restAdapter } from '../helpers/server.js';
import { keyOf, poison, schemaFor } from './poisoned-answers.js';
import { CORPUS, shadowFindings } from './xss-corpus.js';

interface Widget {
  name: string;
  template: TemplateResult;
  /** Shows what a shopper opens: the popover, the chat panel, search results. */
  open?: (root: ShadowRoot) => void;
  before?: () => Promise<void>;
}

const clickTrigger = (root: ShadowRoot) => root.querySelector<HTMLButtonElement>('button[aria-expanded="false"]')?.click();

const WIDGETS: Widget[] = [
  { name: 'star rating', template: html`<sf-star-rating product-id="prod-1"></sf-star-rating>` },
  { name: 'review feed', template: html`<sf-review-feed product-id="prod-1"></sf-review-feed>` },
  { name: 'loyalty badge', template: html`<sf-loyalty-badge placement="inline"></sf-loyalty-badge>`, open: clickTrigger },
  { name: 'chat launcher', template: html`<sf-chat-launcher></sf-chat-launcher>`, open: clickTrigger },
  {
    name: 'FAQ search',
    template: html`<sf-faq-search></sf-faq-search>`,
    open: (root) => {
      const input = root.querySelector('input')!;
      input.value = 'a';
      input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    },
  },
  {
    name: 'recently viewed',
    template: html`<sf-recently-viewed></sf-recently-viewed>`,
    // Viewed long ago, so the widget asks the server for the products again.
    before: async () =>
      void (await seedHistory([product(1, { id: 'prod-1' }), product(2, { id: 'prod-2' })], { fetchedAgo: 30 * 86_400_000 })),
  },
];

/** Each field sees this many payloads; kept small so the suite stays quick (each showing takes a few seconds). */
const ROUNDS = 4;

const dialogs: string[] = [];
const originals = { alert: window.alert, confirm: window.confirm, prompt: window.prompt };

describe('an XSS corpus through every text and URL field of every widget', function () {
  let customer: Customer;
  const recorded = new Map<string, unknown>();
  let poisonedFields = 0;
  let shown = 0;
  const problems: string[] = [];

  before(async () => {
    customer = await demoCustomer();
    for (const method of ['alert', 'confirm', 'prompt'] as const) {
      window[method] = ((message?: unknown) => void dialogs.push(`${method}(${String(message)})`)) as never;
    }
  });
  after(async () => {
    Object.assign(window, originals);
    await recordFigures({ suite: 'XSS corpus (6 widgets)', cases: shown, failures: problems.length + dialogs.length });
  });
  afterEach(() => unmountAll());

  /** Mounts the widget with `fetch`, opens it, and waits until no request is pending for a few frames. */
  async function show(widget: Widget, fetchWith: (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>) {
    store.clear();
    await widget.before?.();
    let pending = 0;
    let idleFrames = 0;
    const counted: typeof fetch = async (input, init) => {
      pending++;
      try {
        return await fetchWith(input, init);
      } finally {
        pending--;
      }
    };
    const settled = () => (pending === 0 ? ++idleFrames > 10 : ((idleFrames = 0), false));
    const el = await mount<HTMLElement>(widget.template, {
      adapter: await restAdapter({ customer, fetch: counted, retries: 0 }),
      customer,
      currency: 'EUR',
    });
    await until(settled, `${widget.name} to settle`);
    if (widget.open) {
      widget.open(el.shadowRoot!);
      idleFrames = 0;
      await until(settled, `${widget.name} to open`);
    }
    return el;
  }

  for (const widget of WIDGETS) {
    it(`${widget.name}: no dialog, no script or on* attribute in a shadow root, only http(s) URLs`, async function () {
      this.timeout(120_000);
      // The real answers, as this widget asks for them.
      await show(widget, async (input, init) => {
        const response = await fetch(input, init);
        if (response.ok && schemaFor(keyOf(input, init))) recorded.set(keyOf(input, init), await response.clone().json());
        return response;
      });
      unmountAll();
      // Field i gets payload (i + round) % n: across a widget's fields, every payload goes through each round.
      for (let round = 0; round < ROUNDS; round++) {
        // Lenient lists warn for each item a payload made them skip.
        await captureWarnings(() =>
          show(widget, async (input, init) => {
            const key = keyOf(input, init);
            const schema = schemaFor(key);
            if (!schema || !recorded.has(key)) return fetch(input, init);
            const { answer, fields } = poison(recorded.get(key), schema, CORPUS, round);
            poisonedFields += fields;
            return new Response(JSON.stringify(answer), { headers: { 'content-type': 'application/json' } });
          }),
        );
        shown++;
        problems.push(...shadowFindings().map((finding) => `round ${round}: ${finding}`));
        unmountAll();
      }
      expect(dialogs).to.deep.equal([]);
      expect([...new Set(problems)].slice(0, 10)).to.deep.equal([]);
      expect(poisonedFields, 'payloads reached the widget').to.be.greaterThan(0);
    });
  }
});

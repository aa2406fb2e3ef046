/**
 * The adapter boundary, fuzzed in Chromium: 10,000 payloads per capability
 * (reviews, loyalty, chat, FAQ, products) answer the RestAdapter's calls. They
 * start from what the real server answered each call (the reference server of
 * test/helpers/server.ts), then fast-check breaks them: a value anywhere
 * replaced by any JSON, a key removed, the whole body any JSON or not JSON at
 * all, another status or content type. Every call must resolve with data its
 * core schema accepts or reject with an `AdapterError`; nothing may be thrown
 * past it. Then review feeds shown such payloads render reviews, their empty
 * state or their error state.
 */
import { expect, html } from '@open-wc/testing';
import fc from 'fast-check';
import * as schemas from '@shopfront/core/schemas.js';
import { AdapterError, store } from '@shopfront/core';
import { RestAdapter } from '@shopfront/adapter-rest';
import { recordFigures } from '../helpers/browser-figures.js';
import { captureWarnings, mount, unmountAll, until } from '../helpers/mount.js';
import { testServer } from '../helpers/server.js';
import '@shopfront/review-feed/define.js';

const PER_CAPABILITY = 10_000;
const SEED = 20_261_203;

type Call = (adapter: RestAdapter) => Promise<unknown>;

/** Each capability's calls, with the schema their answer must meet. */
const CALLS: Record<string, Array<{ name: string; call: Call; schema: { safeParse(value: unknown): { success: boolean } } }>> = {
  reviews: [
    { name: 'summary', call: (a) => a.reviews.summary('prod-1'), schema: schemas.ReviewSummary },
    { name: 'summaries', call: (a) => a.reviews.summaries!(['prod-1', 'prod-2']), schema: schemas.ReviewSummaries },
    { name: 'list', call: (a) => a.reviews.list('prod-1', { sort: 'newest' }), schema: schemas.ReviewPage },
    { name: 'vote', call: (a) => a.reviews.vote('demo-review-001', true), schema: schemas.ReviewVote },
  ],
  loyalty: [
    { name: 'program', call: (a) => a.loyalty.program(), schema: schemas.LoyaltyProgram },
    { name: 'member', call: (a) => a.loyalty.member(), schema: schemas.LoyaltyMember },
    { name: 'rewards', call: (a) => a.loyalty.rewards(), schema: schemas.RewardList },
    { name: 'activity', call: (a) => a.loyalty.activity(), schema: schemas.ActivityList },
  ],
  chat: [
    { name: 'status', call: (a) => a.chat.status(), schema: schemas.ChatStatus },
    { name: 'start', call: (a) => a.chat.start({ name: 'Fuzz' }), schema: schemas.Conversation },
    { name: 'history', call: (a) => a.chat.history(CONVERSATION, { after: 0 }), schema: schemas.ChatHistory },
    { name: 'send', call: (a) => a.chat.send(CONVERSATION, { clientId: 'fuzz-client-1', body: 'Hi' }), schema: schemas.ChatMessage },
  ],
  faq: [
    { name: 'entries', call: (a) => a.faq.entries(), schema: schemas.FaqEntries },
    { name: 'search', call: (a) => a.faq.search!('shipping'), schema: schemas.FaqSearchResult },
  ],
  products: [{ name: 'get', call: (a) => a.products.get(['prod-1', 'prod-2']), schema: schemas.ProductList }],
};

/** Filled in from the real server before the fuzz: a conversation that exists, and what each call answered. */
let CONVERSATION = '';
const realAnswers = new Map<string, unknown>();

interface Payload {
  status: number;
  type: string;
  body: string;
  rule: string;
}

/** The JSON value with the value at one path (chosen by `pick`) replaced, or that key removed. */
function breakAt(value: unknown, pick: number, replacement: unknown, remove: boolean): unknown {
  const paths: Array<Array<string | number>> = [];
  const walk = (node: unknown, path: Array<string | number>) => {
    paths.push(path);
    if (node && typeof node === 'object')
      for (const [key, child] of Object.entries(node)) walk(child, [...path, Array.isArray(node) ? Number(key) : key]);
  };
  walk(value, []);
  const path = paths[pick % paths.length]!;
  if (path.length === 0) return replacement;
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path.at(-1)!;
  if (remove && !Array.isArray(parent)) delete parent[last];
  else parent[last] = replacement;
  return copy;
}

const JSON_TYPE = 'application/json';

/** Payloads for one call, most of them near what the server really answers. */
function payloads(real: unknown): fc.Arbitrary<Payload> {
  const json = (rule: string, value: unknown): Payload => ({ status: 200, type: JSON_TYPE, body: JSON.stringify(value) ?? 'null', rule });
  return fc.oneof(
    {
      weight: 6,
      arbitrary: fc
        .tuple(fc.nat(), fc.jsonValue({ maxDepth: 3 }), fc.boolean())
        .map(([pick, value, remove]) => json(`a value at #${pick} ${remove ? 'removed' : 'replaced'}`, breakAt(real, pick, value, remove))),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(
          fc.nat(),
          fc.constantFrom<unknown>(
            null,
            '',
            -1,
            1e308,
            '<script>alert(1)</script>',
            'javascript:alert(1)',
            [],
            {},
            JSON.parse('{"__proto__":{"polluted":true}}'),
            'x'.repeat(10_000),
          ),
        )
        .map(([pick, value]) => json(`a hostile value at #${pick}`, breakAt(real, pick, value, false))),
    },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((value) => json('any JSON', value)) },
    { weight: 1, arbitrary: fc.string({ maxLength: 60 }).map((body) => ({ status: 200, type: JSON_TYPE, body, rule: 'not JSON' })) },
    {
      weight: 1,
      arbitrary: fc
        .nat({ max: 200 })
        .map((cut) => ({ status: 200, type: JSON_TYPE, body: JSON.stringify(real).slice(0, cut), rule: `cut after ${cut}` })),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          fc.constantFrom(201, 202, 301, 400, 401, 404, 409, 413, 429, 500, 502, 503),
          fc.constantFrom(JSON_TYPE, 'text/html', ''),
          fc.jsonValue({ maxDepth: 2 }),
        )
        .map(([status, type, value]) => ({
          status,
          type,
          body: JSON.stringify({ error: value }),
          rule: `status ${status} as ${type || 'no type'}`,
        })),
    },
  );
}

/** An adapter whose every request gets `payload`; no retries or waits, so each call is one answer. */
const adapterAnswering = (endpoint: string, payload: (url: string) => Payload) =>
  new RestAdapter({
    endpoint,
    shop: 'pk_demo',
    retries: 0,
    retryDelay: 0,
    visitorId: async () => 'fuzz-visitor-0001',
    fetch: async (input) => {
      const { status, type, body } = payload(String(input));
      return new Response(body, { status, headers: type ? { 'content-type': type } : {} });
    },
  });

const uncaught: string[] = [];
const onError = (event: ErrorEvent) => uncaught.push(`error: ${event.message}`);
const onRejection = (event: PromiseRejectionEvent) => uncaught.push(`unhandled rejection: ${String(event.reason)}`);

describe('the RestAdapter given fuzzed payloads', function () {
  before(async () => {
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
    const { endpoint, shop } = await testServer();
    // What the real server answers each call: the payloads start from these.
    let capturing = '';
    const real = new RestAdapter({
      endpoint,
      shop,
      fetch: async (input, init) => {
        const response = await fetch(input, init);
        if (capturing && response.ok) realAnswers.set(capturing, await response.clone().json());
        return response;
      },
    });
    CONVERSATION = (await real.chat.start({ name: 'Fuzz seed' })).id;
    for (const [capability, calls] of Object.entries(CALLS)) {
      for (const { name, call } of calls) {
        capturing = `${capability}.${name}`;
        await call(real);
      }
    }
    capturing = '';
  });

  after(() => {
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
  });

  for (const [capability, calls] of Object.entries(CALLS)) {
    it(`${capability}: ${PER_CAPABILITY.toLocaleString('en')} payloads, each valid data or an AdapterError`, async function () {
      this.timeout(120_000);
      const { endpoint } = await testServer();
      const failures: string[] = [];
      let tried = 0;
      let accepted = 0;
      // Lenient lists warn once per item they skip: thousands here, all expected.
      await captureWarnings(async () => {
        for (const [index, { name, call, schema }] of calls.entries()) {
          const runs = Math.ceil(PER_CAPABILITY / calls.length);
          const samples = fc.sample(payloads(realAnswers.get(`${capability}.${name}`)), { numRuns: runs, seed: SEED + index });
          for (const payload of samples) {
            tried++;
            try {
              const data = await call(adapterAnswering(endpoint, () => payload));
              accepted++;
              if (!schema.safeParse(data).success) failures.push(`${name} (${payload.rule}): resolved with data its schema refuses`);
            } catch (error) {
              if (!AdapterError.is(error))
                failures.push(`${name} (${payload.rule}): threw ${String(error)} for ${payload.body.slice(0, 120)}`);
            }
          }
        }
      });
      await recordFigures({ suite: `Adapter fuzz: ${capability}`, cases: tried, failures: failures.length + uncaught.length });
      expect(uncaught).to.deep.equal([]);
      expect(failures.slice(0, 10)).to.deep.equal([]);
      expect(tried).to.be.at.least(PER_CAPABILITY);
      // The fuzz reaches both sides: some payloads are still valid data.
      expect(accepted).to.be.greaterThan(0);
    });
  }
});

describe('a review feed given fuzzed payloads', () => {
  afterEach(() => unmountAll());

  it('renders reviews, its empty state or its error state: never a blank or a throw', async function () {
    this.timeout(120_000);
    const { endpoint } = await testServer();
    const summary = fc.sample(payloads(realAnswers.get('reviews.summary')), { numRuns: 40, seed: SEED });
    const page = fc.sample(payloads(realAnswers.get('reviews.list')), { numRuns: 40, seed: SEED + 1 });
    const blank: string[] = [];
    for (let i = 0; i < summary.length; i++) {
      store.clear();
      const adapter = adapterAnswering(endpoint, (url) => (url.includes('/reviews/summary') ? summary[i]! : page[i]!));
      const el = await mount<HTMLElement>(html`<sf-review-feed product-id="prod-1"></sf-review-feed>`, { adapter });
      const root = el.shadowRoot!;
      const settled = () =>
        root.querySelector('.review:not(.sf-skeleton)') || root.querySelector('.empty') || root.querySelector('[role=alert]');
      await until(settled, 'the feed to settle').catch(() => blank.push(`${summary[i]!.rule} / ${page[i]!.rule}`));
      unmountAll();
    }
    await recordFigures({ suite: 'Adapter fuzz: review feed shown', cases: summary.length, failures: blank.length + uncaught.length });
    expect(blank).to.deep.equal([]);
    expect(uncaught).to.deep.equal([]);
  });
});

/**
 * RestAdapter and the OpenAPI document agree: every adapter method runs against
 * the real server through a recording `fetch`, and every response it got is
 * validated with Ajv against the schema the DOCUMENT gives that operation and
 * status (not against core's zod schemas again). Node has no EventSource, so
 * `chat.subscribe` runs on its polling fallback here (history calls, also
 * checked); the event stream itself is read with fetch and each event checked
 * against the document's `text/event-stream` schema.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { RestAdapter } from '@shopfront/adapter-rest';
import { store, type ChatEvent } from '@shopfront/core';
import { PNG, SECRET, SHOP, openStream, sign, startTestServer, type TestServer } from './helpers.js';
import { agentSession } from './inbox-session.js';

interface Exchange {
  method: string;
  path: string;
  status: number;
  type: string;
  body: string;
}

type Json = Record<string, any>;

let server: TestServer;
let document: Json;
let ajv: Ajv2020;
const exchanges: Exchange[] = [];

const DOC_ID = 'https://shopfront.invalid/openapi.json';

before(async () => {
  server = await startTestServer();
  document = await (await fetch(`${server.url}/api/v1/openapi.json`)).json();
  ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addFormat('binary', true);
  ajv.addSchema({ $id: DOC_ID, components: { schemas: document.components.schemas } });
});
after(async () => {
  // The adapter kept its issued visitor id in core's store, whose BroadcastChannel would keep Node running.
  store.close();
  await server.stop();
});

/** `fetch` that keeps every exchange for the checks below. */
const recording: typeof fetch = async (input, init) => {
  const response = await fetch(input, init);
  const url = new URL(input instanceof Request ? input.url : String(input));
  const body = await response.clone().text();
  exchanges.push({
    method: init?.method ?? 'GET',
    path: url.pathname,
    status: response.status,
    type: response.headers.get('content-type') ?? '',
    body,
  });
  return response;
};

function adapter(customer?: { id: string }) {
  return new RestAdapter({
    endpoint: `${server.url}/api/v1`,
    shop: SHOP,
    customer: customer ? { id: customer.id, signature: sign(customer.id) } : null,
    // No visitorId: the adapter asks the server for one (POST /visitors), as in a browser.
    fetch: recording,
    retries: 0,
    pollInterval: 20,
  });
}

/** The document's operation for a concrete request path, and its template. */
function operationFor(method: string, path: string): { template: string; operation: Json } | undefined {
  for (const [template, item] of Object.entries(document.paths as Record<string, Json>)) {
    const pattern = new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`);
    if (pattern.test(path) && item[method.toLowerCase()]) return { template, operation: item[method.toLowerCase()] };
  }
  return undefined;
}

const validators = new Map<string, ValidateFunction>();
function validatorFor(schema: Json): ValidateFunction {
  const ref = String(schema.$ref);
  let validate = validators.get(ref);
  if (!validate) validators.set(ref, (validate = ajv.compile({ $ref: `${DOC_ID}${ref}` })));
  return validate;
}

/** The schema the document gives this operation's answer with `status` and media type `type`. */
function responseSchema(operation: Json, status: number, type: string): Json {
  let response = operation.responses[String(status)];
  assert.ok(response, `the document lists ${status} for ${operation.operationId}`);
  if (response.$ref) response = document.components.responses[response.$ref.split('/').pop()];
  const media = response.content?.[type];
  assert.ok(media, `the document describes ${operation.operationId} ${status} as ${type}`);
  return media.schema;
}

function check(exchange: Exchange): string {
  const found = operationFor(exchange.method, exchange.path);
  assert.ok(found, `${exchange.method} ${exchange.path} is in the document`);
  const schema = responseSchema(found.operation, exchange.status, 'application/json');
  assert.match(exchange.type, /^application\/json/);
  const validate = validatorFor(schema);
  assert.ok(validate(JSON.parse(exchange.body)), `${found.operation.operationId} ${exchange.status}: ${ajv.errorsText(validate.errors)}`);
  return found.operation.operationId;
}

describe('RestAdapter against the document', () => {
  it('gets answers the document describes, from every adapter method', async () => {
    const guest = adapter();
    const member = adapter({ id: `contract-${randomUUID()}` });

    const calls: Record<string, () => Promise<unknown>> = {
      'reviews.summary': () => guest.reviews.summary('prod-1'),
      'reviews.summaries': () => guest.reviews.summaries!(['prod-1', 'prod-2', 'no-such-product']),
      'reviews.list': async () => {
        const page = await guest.reviews.list('prod-1', { sort: 'media-first', limit: 5 });
        await guest.reviews.list('prod-1', { sort: 'media-first', limit: 5, cursor: page.nextCursor ?? undefined });
        await guest.reviews.list('prod-1', { sort: 'highest', rating: 5, withMedia: true });
        return page;
      },
      'reviews.submit': () =>
        guest.reviews.submit({
          productId: 'prod-1',
          rating: 5,
          title: 'Contract',
          body: 'Checked against the document',
          name: 'Ada',
          email: 'ada@example.com',
          photos: [new File([PNG], 'photo.png', { type: 'image/png' })],
        }),
      'reviews.vote': async () => {
        const { reviews } = await guest.reviews.list('prod-1', { limit: 1 });
        return guest.reviews.vote(reviews[0]!.id, true);
      },
      'loyalty.program': () => guest.loyalty.program(),
      'loyalty.member': async () => [await guest.loyalty.member(), await member.loyalty.member()],
      'loyalty.rewards': () => guest.loyalty.rewards(),
      'loyalty.redeem': async () => {
        const { rewards } = await member.loyalty.rewards();
        const cheapest = [...rewards].sort((a, b) => a.cost - b.cost)[0]!;
        // Too few points first: a 409 the document describes too.
        await assert.rejects(member.loyalty.redeem(cheapest.id), { status: 409 });
        const { id } = (await member.loyalty.member()) as { id: string };
        // Points to spend, through the admin API (the shop's backend), recorded and checked too.
        const given = await recording(`${server.url}/api/v1/admin/loyalty/points?shop=${SHOP}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${SECRET}`, 'content-type': 'application/json' },
          body: JSON.stringify({ customerId: id, points: cheapest.cost, label: 'Contract order' }),
        });
        assert.equal(given.status, 200);
        return member.loyalty.redeem(cheapest.id);
      },
      'loyalty.activity': async () => [await guest.loyalty.activity(), await member.loyalty.activity()],
      'loyalty.setBirthday': () => member.loyalty.setBirthday!({ month: 3, day: 14 }),
      'chat.status': () => guest.chat.status(),
      'chat.start': () =>
        guest.chat.start({ name: 'Ada', email: 'ada@example.com', page: 'https://shop.example/', viewed: ['prod-2', 'prod-1'] }),
      'chat.send': async () => {
        const conversation = await guest.chat.start({});
        const message = { clientId: randomUUID(), body: 'Hello', page: 'https://shop.example/products/a' };
        await guest.chat.send(conversation.id, message);
        await guest.chat.send(conversation.id, message); // the resend: 200
        const picture = await guest.chat.send(conversation.id, {
          clientId: randomUUID(),
          body: 'A picture',
          page: 'https://shop.example/cart',
          attachment: new File([PNG], 'a.png', { type: 'image/png' }),
        });
        // The page travels in the form too: the conversation's current page is the picture's.
        const stored = await server.storage.chat.conversation((await server.storage.shops.byKey(SHOP))!.id, conversation.id);
        assert.equal(stored?.currentPage, 'https://shop.example/cart');
        return picture;
      },
      'chat.history': async () => {
        const conversation = await guest.chat.start({});
        await guest.chat.send(conversation.id, { clientId: randomUUID(), body: 'One' });
        return guest.chat.history(conversation.id, { after: 0 });
      },
      'chat.subscribe': async () => {
        const conversation = await guest.chat.start({});
        const seen: ChatEvent[] = [];
        const stop = guest.chat.subscribe(conversation.id, {}, (event) => seen.push(event));
        await server.agentSays(conversation.id, 'From the agent');
        while (!seen.some((event) => event.type === 'message')) await new Promise((resolve) => setTimeout(resolve, 10));
        stop();
        return seen;
      },
      'chat.leaveEmail': () => guest.chat.leaveEmail({ email: 'later@example.com', message: 'Call me' }),
      'chat.typing': async () => guest.chat.typing!((await guest.chat.start({})).id, true),
      'chat.rate': async () => {
        const { id } = await guest.chat.start({});
        const agent = await agentSession(server);
        assert.equal((await agent.api(`/conversations/${id}/status`, { method: 'POST', body: { status: 'resolved' } })).status, 200);
        return guest.chat.rate!(id, { rating: 5, comment: 'Thanks!' });
      },
      'faq.entries': () => guest.faq.entries(),
      'faq.search': () => guest.faq.search!('returns'),
      'products.get': () => guest.products.get(['prod-1', 'prod-2', 'nope']),
    };

    // Every capability method of the adapter is driven.
    const methods = (['reviews', 'loyalty', 'chat', 'faq', 'products'] as const).flatMap((capability) =>
      Object.keys(guest[capability]).map((name) => `${capability}.${name}`),
    );
    assert.deepEqual(Object.keys(calls).sort(), methods.sort());

    for (const [name, call] of Object.entries(calls)) await assert.doesNotReject(call(), name);

    const checked = new Set(exchanges.map(check));
    for (const operationId of [
      'getReviewSummary',
      'listReviews',
      'submitReview',
      'voteReview',
      'issueVisitor',
      'getLoyaltyProgram',
      'getLoyaltyMember',
      'listRewards',
      'redeemReward',
      'listLoyaltyActivity',
      'getChatStatus',
      'startConversation',
      'getChatHistory',
      'sendChatMessage',
      'leaveChatEmail',
      'sendChatTyping',
      'rateChatConversation',
      'listFaqEntries',
      'searchFaq',
      'getProducts',
      'adjustPoints',
    ]) {
      assert.ok(checked.has(operationId), `${operationId} was exercised and checked`);
    }
    // Replies of several statuses were among them: 200, 201 and 202, and the 409.
    assert.deepEqual([...new Set(exchanges.map((exchange) => exchange.status))].sort(), [200, 201, 202, 409]);
    // And the check bites: a summary without its counts is not what the document describes.
    assert.equal(validatorFor({ $ref: '#/components/schemas/ReviewSummary' })({ productId: 'prod-1', average: 4 }), false);
  });

  it("sends only events the stream's schema in the document allows", async () => {
    const { body: conversation } = await server.json('/chat/conversations', { method: 'POST', body: '{}' });
    await server.json(`/chat/conversations/${conversation.id}/messages`, {
      method: 'POST',
      body: JSON.stringify({ clientId: randomUUID(), body: 'Before the stream' }),
    });
    const stream = await openStream(`${server.url}/api/v1/chat/conversations/${conversation.id}/events?shop=${SHOP}&lastEventId=0`);
    const { operation } = operationFor('GET', `/api/v1/chat/conversations/${conversation.id}/events`)!;
    assert.match(stream.response.headers.get('content-type') ?? '', /^text\/event-stream/);
    const validate = validatorFor(responseSchema(operation, 200, 'text/event-stream'));
    await stream.next((event) => event.data?.includes('"status"') === true);
    await server.agentSays(conversation.id, 'Live');
    await stream.next((event) => event.data?.includes('"Live"') === true);
    stream.close();
    const events = stream.messages();
    assert.deepEqual(
      events.map((event) => event.data.type),
      ['message', 'status', 'message'],
    );
    for (const event of events) assert.ok(validate(event.data), `${event.data.type}: ${ajv.errorsText(validate.errors)}`);
  });
});

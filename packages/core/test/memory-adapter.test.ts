import { expect } from '@open-wc/testing';
import { AdapterError, MemoryAdapter, type ChatEvent } from '@shopfront/core';
import {
  onlineStatus,
  sampleFaq,
  sampleMember,
  sampleProduct,
  sampleProgram,
  sampleReviews,
  sampleRewards,
} from '../../../test/helpers/sample-data.js';
import { until } from '../../../test/helpers/mount.js';

const clientId = () => crypto.randomUUID();

describe('MemoryAdapter', () => {
  it('has only the capabilities it was seeded with', () => {
    const adapter = new MemoryAdapter({ faq: { entries: sampleFaq } });
    expect(adapter.faq).not.to.equal(undefined);
    expect(adapter.reviews).to.equal(undefined);
    expect(adapter.chat).to.equal(undefined);
  });

  describe('reviews', () => {
    const adapter = () => new MemoryAdapter({ reviews: sampleReviews('p1', 12) }, { autoPublishAt: 4 });

    it('summarises ratings', async () => {
      const summary = await adapter().reviews!.summary('p1');
      expect(summary.count).to.equal(12);
      expect(summary.histogram[5] + summary.histogram[4] + summary.histogram[3] + summary.histogram[2] + summary.histogram[1]).to.equal(12);
      expect(summary.average).to.be.within(1, 5);
    });

    it('summarises many products in one call, in the order asked, each once, zeros for the unreviewed', async () => {
      const memory = adapter();
      const { summaries } = await memory.reviews!.summaries!(['nobody', 'p1', 'nobody']);
      expect(summaries.map((summary) => [summary.productId, summary.count])).to.deep.equal([
        ['nobody', 0],
        ['p1', 12],
      ]);
      expect(summaries[1]).to.deep.equal(await memory.reviews!.summary('p1'));
      expect(memory.calls.filter((call) => call.method === 'reviews.summaries')).to.have.length(1);
    });

    it('sorts, filters and pages with a cursor', async () => {
      const reviews = adapter().reviews!;
      const first = await reviews.list('p1', { sort: 'highest', limit: 5 });
      expect(first.reviews.map((r) => r.rating)).to.deep.equal([5, 5, 5, 5, 5]);
      const second = await reviews.list('p1', { sort: 'highest', limit: 5, cursor: first.nextCursor! });
      expect(second.reviews[0]!.rating).to.be.at.most(5);
      expect(new Set([...first.reviews, ...second.reviews].map((r) => r.id)).size).to.equal(10);
      const withMedia = await reviews.list('p1', { withMedia: true });
      expect(withMedia.reviews.every((r) => r.photos.length > 0)).to.equal(true);
      const ones = await reviews.list('p1', { rating: 1 });
      expect(ones.reviews.every((r) => r.rating === 1)).to.equal(true);
      expect(ones.nextCursor).to.equal(null);
    });

    it('holds low ratings for moderation and publishes high ones', async () => {
      const memory = adapter();
      const low = await memory.reviews!.submit({ productId: 'p1', rating: 2, title: '', body: 'Meh', name: 'Ann' });
      const high = await memory.reviews!.submit({ productId: 'p1', rating: 5, title: '', body: 'Great', name: 'Bo' });
      expect(low.status).to.equal('pending');
      expect(high.status).to.equal('published');
      expect(memory.pendingReviews).to.have.length(1);
    });

    it('counts a helpful vote once per visitor', async () => {
      const memory = adapter();
      const before = (await memory.reviews!.list('p1', {})).reviews[0]!;
      const once = await memory.reviews!.vote(before.id, true);
      const twice = await memory.reviews!.vote(before.id, true);
      expect(once.helpfulCount).to.equal(before.helpfulCount + 1);
      expect(twice.helpfulCount).to.equal(once.helpfulCount);
    });
  });

  describe('loyalty', () => {
    const adapter = () =>
      new MemoryAdapter({ loyalty: { program: sampleProgram, member: structuredClone(sampleMember), rewards: sampleRewards } });

    it('redeems within the balance and never below zero', async () => {
      const loyalty = adapter().loyalty!;
      const redemption = await loyalty.redeem('five-off');
      expect(redemption.points).to.equal(225);
      expect(redemption.code).to.match(/^SF-/);
      const member = await loyalty.member();
      expect(member.status === 'member' && member.points).to.equal(225);
      let error: AdapterError | undefined;
      try {
        await loyalty.redeem('five-off');
      } catch (e) {
        error = e as AdapterError;
      }
      expect(error?.status).to.equal(409);
      expect((await loyalty.activity()).activity[0]).to.include({ kind: 'redeem', points: -500 });
    });

    it('serves program, rewards and activity', async () => {
      const loyalty = adapter().loyalty!;
      expect((await loyalty.program()).tiers).to.have.length(3);
      expect((await loyalty.rewards()).rewards).to.have.length(3);
    });
  });

  describe('chat', () => {
    it('stores a resent message once, and the scripted agent answers', async () => {
      const adapter = new MemoryAdapter({ chat: { status: onlineStatus, replies: ['Happy to help!'], replyDelay: 20 } });
      const chat = adapter.chat!;
      const conversation = await chat.start({});
      const events: ChatEvent[] = [];
      const unsubscribe = chat.subscribe(conversation.id, { lastEventId: 0 }, (event) => events.push(event));
      const id = clientId();
      const [a, b] = await Promise.all([
        chat.send(conversation.id, { clientId: id, body: 'Hi' }),
        chat.send(conversation.id, { clientId: id, body: 'Hi' }),
      ]);
      expect(a.id).to.equal(b.id);
      await until(() => events.some((e) => e.type === 'message' && e.message.author === 'agent'), 'the agent reply');
      expect(events.some((e) => e.type === 'typing' && e.active)).to.equal(true);
      const history = await chat.history(conversation.id, { after: 0 });
      expect(history.messages.map((m) => [m.seq, m.author])).to.deep.equal([
        [1, 'visitor'],
        [2, 'agent'],
      ]);
      unsubscribe();
    });

    it('replays missed messages to a resubscriber after its last event id', async () => {
      const adapter = new MemoryAdapter({ chat: { status: onlineStatus } });
      const chat = adapter.chat!;
      const conversation = await chat.start({});
      const states: string[] = [];
      chat.subscribe(conversation.id, { lastEventId: 0, onState: (s) => states.push(s) }, () => {});
      await until(() => states.includes('open'), 'open');
      adapter.dropStreams();
      expect(states.at(-1)).to.equal('closed');
      adapter.agentSays(conversation.id, 'one');
      adapter.agentSays(conversation.id, 'two');
      const replayed: number[] = [];
      chat.subscribe(conversation.id, { lastEventId: 1 }, (e) => e.type === 'message' && replayed.push(e.message.seq));
      await until(() => replayed.length === 1, 'the replay');
      expect(replayed).to.deep.equal([2]);
    });

    it('takes an email while away', async () => {
      const adapter = new MemoryAdapter({ chat: { status: { state: 'away', reason: 'no-agents' } } });
      await adapter.chat!.leaveEmail({ email: 'ann@example.com', message: 'Call me' });
      expect(adapter.emails).to.deep.equal([{ email: 'ann@example.com', message: 'Call me' }]);
    });
  });

  it('serves FAQ entries and products by id', async () => {
    const adapter = new MemoryAdapter({
      faq: { entries: sampleFaq, version: 'v3' },
      products: [sampleProduct(), sampleProduct({ id: 'prod-2' })],
    });
    expect((await adapter.faq!.entries()).version).to.equal('v3');
    expect((await adapter.products!.get(['prod-2', 'gone'])).products.map((p) => p.id)).to.deep.equal(['prod-2']);
  });

  it('injects latency, failures, bad data and offline', async () => {
    const adapter = new MemoryAdapter({ products: [sampleProduct()] }, { latency: 30 });
    // A zero-delay timer fires before a 30 ms one: the answer is still on its way.
    const first = await Promise.race([
      adapter.products!.get(['prod-1']).then(() => 'answered'),
      new Promise((resolve) => setTimeout(() => resolve('waiting'))),
    ]);
    expect(first).to.equal('waiting');
    adapter.latency = 0;
    adapter.pause();
    const held = adapter.products!.get(['prod-1']);
    const state = await Promise.race([held.then(() => 'answered'), new Promise((resolve) => setTimeout(() => resolve('held'), 50))]);
    expect(state).to.equal('held');
    adapter.resume();
    expect((await held).products).to.have.length(1);
    adapter.failNext('products.get', new AdapterError('timeout', 'slow'));
    let failed: unknown;
    await adapter.products!.get(['prod-1']).catch((e) => (failed = e));
    expect((failed as AdapterError).kind).to.equal('timeout');
    adapter.respondNext('products.get', { products: 'nope' });
    expect(await adapter.products!.get(['prod-1'])).to.deep.equal({ products: 'nope' });
    adapter.offline = true;
    await adapter.products!.get(['prod-1']).catch((e) => (failed = e));
    expect(failed).to.be.instanceOf(TypeError);
    expect(adapter.calls.map((c) => c.method)).to.deep.equal(Array(5).fill('products.get'));
  });
});

describe('sleep', () => {
  it('waits, and stops at once when its signal aborts (or already has)', async () => {
    const { sleep } = await import('@shopfront/core');
    await sleep(5);
    const controller = new AbortController();
    const waiting = sleep(60_000, controller.signal);
    controller.abort(new Error('left the page'));
    const error = await waiting.catch((reason: unknown) => reason);
    expect((error as Error).message).to.equal('left the page');
    const late = await sleep(60_000, controller.signal).catch((reason: unknown) => reason);
    expect((late as Error).message).to.equal('left the page');
  });
});

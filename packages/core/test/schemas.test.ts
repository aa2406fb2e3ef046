import { expect } from '@open-wc/testing';
import * as z from 'zod/mini';
import {
  ActivityList,
  AdapterError,
  ChatEvent,
  ChatHistory,
  ChatMessage,
  ChatStatus,
  Conversation,
  Customer,
  EmailRequest,
  FaqEntries,
  FaqEntry,
  LoyaltyMember,
  LoyaltyProgram,
  OutgoingMessage,
  parseOrThrow,
  Product,
  ProductList,
  Redemption,
  Review,
  ReviewDraft,
  ReviewPage,
  ReviewQuery,
  ReviewSubmission,
  ReviewSummary,
  ReviewVote,
  RewardList,
  Visitor,
} from '@shopfront/core';
import { lenientArray, setDropHandler } from '../src/schemas/common.js';
import {
  sampleFaq,
  sampleMember,
  sampleProduct,
  sampleProgram,
  sampleReview,
  sampleRewards,
  onlineStatus,
} from '../../../test/helpers/sample-data.js';

const message: ChatMessage = {
  id: 'm1',
  clientId: '3f1b7c1e-8a52-4f0e-9d7c-2a1f1b9e4c11',
  conversationId: 'c1',
  seq: 1,
  author: 'visitor',
  body: 'Hello',
  createdAt: '2026-11-20T10:00:00Z',
};

/** [schema, a valid value, a mutation that breaks it, the field the error must name] */
const cases: Array<[string, z.ZodMiniType, unknown, (value: any) => void, string]> = [
  ['Review', Review, sampleReview(), (v) => (v.rating = 6), 'rating'],
  ['Review (author)', Review, sampleReview(), (v) => (v.authorName = ''), 'authorName'],
  ['Review (date)', Review, sampleReview(), (v) => (v.createdAt = 'yesterday'), 'createdAt'],
  [
    'ReviewSummary',
    ReviewSummary,
    { productId: 'p', average: 4.3, count: 3, histogram: { 1: 0, 2: 0, 3: 1, 4: 0, 5: 2 } },
    (v) => (v.histogram[5] = -1),
    'histogram.5',
  ],
  [
    'ReviewPage',
    ReviewPage,
    { reviews: [sampleReview()], nextCursor: null },
    (v) => (v.reviews[0].body = 'x'.repeat(5001)),
    'reviews.0.body',
  ],
  ['ReviewQuery', ReviewQuery, { sort: 'helpful', rating: 4, withMedia: true }, (v) => (v.sort = 'random'), 'sort'],
  [
    'ReviewDraft',
    ReviewDraft,
    { productId: 'p', rating: 4, title: '', body: 'Nice', name: 'Ann' },
    (v) => (v.email = 'not-an-email'),
    'email',
  ],
  ['ReviewSubmission', ReviewSubmission, { review: sampleReview(), status: 'pending' }, (v) => (v.status = 'maybe'), 'status'],
  ['ReviewVote', ReviewVote, { reviewId: 'r', helpfulCount: 2 }, (v) => (v.helpfulCount = 1.5), 'helpfulCount'],
  ['LoyaltyProgram', LoyaltyProgram, sampleProgram, (v) => (v.signupUrl = 'javascript:alert(1)'), 'signupUrl'],
  ['LoyaltyMember', LoyaltyMember, sampleMember, (v) => (v.points = -5), 'points'],
  ['LoyaltyMember (guest)', LoyaltyMember, { status: 'guest' }, (v) => (v.status = 'visitor'), 'status'],
  ['RewardList', RewardList, { rewards: sampleRewards }, (v) => (v.rewards[1].cost = 0), 'rewards.1.cost'],
  [
    'Redemption',
    Redemption,
    { id: 'x', rewardId: 'r', code: 'SAVE5', points: 10, createdAt: '2026-11-20T10:00:00Z' },
    (v) => (v.code = ''),
    'code',
  ],
  [
    'ActivityList',
    ActivityList,
    { activity: [{ id: 'a', kind: 'earn', points: 50, label: 'Review', createdAt: '2026-11-20T10:00:00Z' }] },
    (v) => (v.activity[0].kind = 'gift'),
    'activity.0.kind',
  ],
  ['ChatStatus', ChatStatus, onlineStatus, (v) => (v.state = 'busy'), 'state'],
  [
    'ChatStatus (hours)',
    ChatStatus,
    { state: 'away', businessHours: { timeZone: 'Europe/Paris', hours: [{ day: 1, opens: '09:00', closes: '17:30' }] } },
    (v) => (v.businessHours.hours[0].opens = '9am'),
    'businessHours.hours.0.opens',
  ],
  ['Visitor', Visitor, { name: 'Ann', email: 'ann@example.com' }, (v) => (v.email = 'ann@'), 'email'],
  ['Conversation', Conversation, { id: 'c1', status: 'open', createdAt: '2026-11-20T10:00:00Z' }, (v) => (v.id = ''), 'id'],
  ['ChatMessage', ChatMessage, message, (v) => (v.seq = 0), 'seq'],
  [
    'ChatMessage (avatar)',
    ChatMessage,
    { ...message, avatarUrl: 'https://cdn.example.com/a.png' },
    (v) => (v.avatarUrl = 'data:image/png;base64,AAAA'),
    'avatarUrl',
  ],
  ['OutgoingMessage', OutgoingMessage, { clientId: message.clientId, body: 'Hi' }, (v) => (v.clientId = ''), 'clientId'],
  ['ChatHistory', ChatHistory, { messages: [message] }, (v) => (v.messages[0].author = 'bot'), 'messages.0.author'],
  ['ChatEvent', ChatEvent, { type: 'message', message }, (v) => (v.message.body = 42), 'message.body'],
  ['EmailRequest', EmailRequest, { email: 'ann@example.com', message: 'Call me' }, (v) => (v.email = 'nope'), 'email'],
  ['FaqEntry', FaqEntry, sampleFaq[0], (v) => (v.question = ''), 'question'],
  ['FaqEntries', FaqEntries, { version: 'v1', entries: sampleFaq }, (v) => (v.version = ''), 'version'],
  ['Product', Product, sampleProduct(), (v) => (v.currency = 'euro'), 'currency'],
  ['Product (url)', Product, sampleProduct(), (v) => (v.url = 'javascript:alert(1)'), 'url'],
  ['Product (price)', Product, sampleProduct(), (v) => (v.price = -1), 'price'],
  ['ProductList', ProductList, { products: [sampleProduct()] }, (v) => (v.products = 'all'), 'products'],
  ['Customer', Customer, { id: '42', signature: `1764680000.${'a'.repeat(64)}` }, (v) => (v.signature = 'xyz'), 'signature'],
];

describe('schemas', () => {
  for (const [name, schema, valid, breakIt, field] of cases) {
    it(`${name} accepts its valid shape and names "${field}" when it is wrong`, () => {
      expect(schema.safeParse(valid).success, `${name} valid`).to.equal(true);
      const broken = structuredClone(valid);
      breakIt(broken);
      let error: unknown;
      try {
        parseOrThrow(schema, broken);
      } catch (e) {
        error = e;
      }
      expect(error).to.be.instanceOf(AdapterError);
      expect((error as AdapterError).kind).to.equal('invalid-response');
      expect((error as AdapterError).field).to.equal(field);
      expect((error as AdapterError).message).to.contain(field);
    });
  }

  it('accepts only http(s) URLs, whatever their case or disguise', () => {
    const url = (value: string) => Product.safeParse(sampleProduct({ url: value })).success;
    expect(url('https://shop.example.com/p')).to.equal(true);
    expect(url('http://localhost:8787/products/a')).to.equal(true);
    for (const bad of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      ' javascript:alert(1)',
      'data:text/html,<b>x</b>',
      'vbscript:x',
      'file:///etc/passwd',
      '//evil.example',
      '/relative',
    ]) {
      expect(url(bad), bad).to.equal(false);
    }
  });

  it('bounds strings and lists', () => {
    expect(Review.safeParse(sampleReview({ title: 'x'.repeat(151) })).success).to.equal(false);
    const tooMany = Array.from({ length: 6 }, (_, i) => ({ url: `https://cdn.example.com/${i}.jpg` }));
    expect(Review.safeParse(sampleReview({ photos: tooMany })).success).to.equal(false);
    expect(ReviewDraft.safeParse({ productId: 'p', rating: 0, title: '', body: 'x', name: 'A' }).success).to.equal(false);
  });

  it('drops an unsafe photo but keeps the review', () => {
    const dropped: number[] = [];
    const previous = setDropHandler((index) => dropped.push(index));
    try {
      const review = Review.parse(
        sampleReview({ photos: [{ url: 'javascript:alert(1)' }, { url: 'https://cdn.example.com/ok.jpg' }] as never }),
      );
      expect(review.photos).to.deep.equal([{ url: 'https://cdn.example.com/ok.jpg' }]);
      expect(dropped).to.deep.equal([0]);
    } finally {
      setDropHandler(previous);
    }
  });

  it('parses each item of a lenient list once, and an over-long list not at all', () => {
    let checked = 0;
    const list = lenientArray(z.string().check(z.refine(() => (checked++, true))), 3);
    const dropped: Array<[number, string | undefined]> = [];
    const previous = setDropHandler((index, issue) => dropped.push([index, issue?.code]));
    try {
      expect(list.parse(['a', 1, 'b'])).to.deep.equal(['a', 'b']);
      expect(checked, 'checks of the two strings').to.equal(2);
      expect(dropped).to.deep.equal([[1, 'invalid_type']]);
      expect(list.safeParse(['a', 'b', 'c', 'd']).success).to.equal(false);
      expect(checked, 'no item of a list over its bound is parsed').to.equal(2);
    } finally {
      setDropHandler(previous);
    }
  });

  it('describes a lenient list by its item in the OpenAPI document', () => {
    const json = z.toJSONSchema(lenientArray(z.string(), 3), { io: 'output' });
    expect(json).to.deep.include({ type: 'array', items: { type: 'string' } });
  });

  it('skips a malformed FAQ entry with a warning and keeps the rest', () => {
    const warnings: string[] = [];
    const original = console.warn;
    console.warn = (text: string) => void warnings.push(text);
    try {
      const parsed = FaqEntries.parse({ version: '1', entries: [sampleFaq[0], { id: 'broken' }, sampleFaq[1]] });
      expect(parsed.entries.map((e) => e.id)).to.deep.equal(['shipping-time', 'returns']);
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.contain('skipped item 1');
    } finally {
      console.warn = original;
    }
  });

  it('checks photo uploads for type and size', () => {
    const draft = (photo: File) => ReviewDraft.safeParse({ productId: 'p', rating: 5, title: '', body: 'x', name: 'A', photos: [photo] });
    expect(draft(new File([new Uint8Array(10)], 'a.jpg', { type: 'image/jpeg' })).success).to.equal(true);
    expect(draft(new File(['<svg/>'], 'a.svg', { type: 'image/svg+xml' })).success).to.equal(false);
    expect(draft(new File([new Uint8Array(8 * 1024 * 1024 + 1)], 'big.jpg', { type: 'image/jpeg' })).success).to.equal(false);
  });

  it('converts to JSON Schema for the OpenAPI document', () => {
    const json = z.toJSONSchema(ReviewPage, { io: 'output', unrepresentable: 'any' }) as { properties: Record<string, unknown> };
    expect(Object.keys(json.properties)).to.deep.equal(['reviews', 'nextCursor']);
  });
});

/**
 * The earning rules through the HTTP API, on the demo shop (signup 100, review 50
 * plus 25 with a photo, birthday 100): the birthday endpoint's checks, and that
 * only signed customers earn, once.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { LoyaltyMember } from '@shopfront/core/schemas.js';
import { PNG, customerHeaders, startTestServer, type TestServer } from './helpers.js';

let server: TestServer;
before(async () => (server = await startTestServer()));
after(() => server.stop());

const putBirthday = (customerId: string | undefined, body: unknown) =>
  server.json('/loyalty/member/birthday', {
    method: 'PUT',
    headers: customerId ? customerHeaders(customerId) : {},
    body: JSON.stringify(body),
  });

const memberOf = async (customerId: string) => {
  const member = LoyaltyMember.parse((await server.json('/loyalty/member', { headers: customerHeaders(customerId) })).body);
  assert.equal(member.status, 'member');
  return member as Extract<LoyaltyMember, { status: 'member' }>;
};

describe('birthday', () => {
  it('needs a signed-in member', async () => {
    const { status, body } = await putBirthday(undefined, { month: 5, day: 4 });
    assert.equal(status, 401);
    assert.equal(body.error.field, 'customer');
  });

  it('answers 400 naming the field for a day that does not exist or a value out of range', async () => {
    const cases: Array<[unknown, string]> = [
      [{ month: 2, day: 30 }, 'day'],
      [{ month: 4, day: 31 }, 'day'],
      [{ month: 2, day: 29, year: 2023 }, 'day'],
      [{ month: 13, day: 1 }, 'month'],
      [{ month: 0, day: 1 }, 'month'],
      [{ month: 5, day: 0 }, 'day'],
      [{ month: 5 }, 'day'],
      [{ month: 5, day: 1.5 }, 'day'],
      [{ month: 5, day: 4, year: 1800 }, 'year'],
    ];
    for (const [input, field] of cases) {
      const { status, body } = await putBirthday('bad-dates', input);
      assert.equal(status, 400, JSON.stringify(input));
      assert.equal(body.error.field, field, JSON.stringify(input));
      assert.match(body.error.message, new RegExp(`^${field}: `));
    }
    assert.equal((await memberOf('bad-dates')).birthday, undefined, 'nothing kept');
  });

  it('keeps the date once: the same again is fine, another one is a 409', async () => {
    const first = await putBirthday('once', { month: 2, day: 29 });
    assert.equal(first.status, 200);
    assert.deepEqual(first.body.birthday, { month: 2, day: 29 });
    assert.equal((await putBirthday('once', { month: 2, day: 29, year: 1996 })).status, 200);
    const moved = await putBirthday('once', { month: 3, day: 1 });
    assert.equal(moved.status, 409);
    assert.equal(moved.body.error.field, 'birthday');
    assert.deepEqual((await memberOf('once')).birthday, { month: 2, day: 29 });
  });

  it('gives the birthday points at once when this year’s birthday has come, once however many requests race', async () => {
    // 1 January has come every day of the year, whenever the test runs.
    const birthday = { month: 1, day: 1 };
    const answers = await Promise.all(Array.from({ length: 6 }, () => putBirthday('party', birthday)));
    assert.ok(answers.every((answer) => answer.status === 200));
    const member = await memberOf('party');
    assert.equal(member.points, 100 + 100, 'signup and birthday, each once');
    const history = (await server.json('/loyalty/activity', { headers: customerHeaders('party') })).body.activity;
    assert.deepEqual(history.map((entry: { label: string }) => entry.label).sort(), ['Celebrate your birthday', 'Create an account']);
  });
});

describe('signup', () => {
  it('welcomes a newly signed customer once, however many first requests race', async () => {
    await Promise.all(Array.from({ length: 8 }, () => server.json('/loyalty/member', { headers: customerHeaders('newcomer') })));
    assert.equal((await memberOf('newcomer')).points, 100);
  });

  it('never welcomes an unsigned id', async () => {
    await server.json('/loyalty/member', { headers: { 'x-shopfront-customer': 'unsigned-id' } });
    assert.equal(await server.storage.loyalty.member(server.shop!.id, 'unsigned-id'), undefined);
  });
});

describe('reviews', () => {
  const submit = async (customerId: string | undefined, photo: boolean) => {
    const form = new FormData();
    for (const [name, value] of Object.entries({ productId: 'prod-2', rating: '5', title: 'Lovely', body: 'Really.', name: 'Ada' }))
      form.set(name, value);
    if (photo) form.append('photos', new File([PNG], 'photo.png', { type: 'image/png' }));
    const { status, body } = await server.json('/reviews', {
      method: 'POST',
      headers: customerId ? customerHeaders(customerId) : {},
      body: form,
    });
    assert.equal(status, 201);
    assert.equal(body.status, 'published', 'five stars auto-publish in the demo');
    return body.review.id as string;
  };

  it('earns the photo bonus for a signed customer’s review with a photo, and loses it when the review is rejected', async () => {
    const withPhoto = await submit('reviewer', true);
    await submit('reviewer', false);
    const points = async () => (await server.storage.loyalty.member(server.shop!.id, 'reviewer'))?.points;
    assert.equal(await points(), 75 + 50);
    assert.equal(await server.moderateReview(withPhoto, 'rejected'), 'rejected');
    assert.equal(await points(), 50);
    await server.moderateReview(withPhoto, 'rejected');
    assert.equal(await points(), 50, 'a second rejection takes nothing more');
  });

  it('earns a held review’s points once when agents publish it at the same time', async () => {
    const [held] = await server.storage.reviews.insert(server.shop!.id, [
      {
        productId: 'prod-2',
        rating: 2,
        title: 'Fine',
        body: 'Just fine.',
        authorName: 'Bo',
        photos: [],
        status: 'pending',
        customerId: 'held',
      },
    ]);
    await Promise.all(Array.from({ length: 5 }, () => server.moderateReview(held!.id, 'published')));
    assert.equal((await server.storage.loyalty.member(server.shop!.id, 'held'))?.points, 50);
  });

  it('earns nothing for an unsigned customer id', async () => {
    const form = new FormData();
    for (const [name, value] of Object.entries({ productId: 'prod-2', rating: '5', title: 'Claimed', body: 'Not me.', name: 'Eve' }))
      form.set(name, value);
    const { status } = await server.json('/reviews', { method: 'POST', headers: { 'x-shopfront-customer': 'claimer' }, body: form });
    assert.equal(status, 201);
    assert.equal(await server.storage.loyalty.member(server.shop!.id, 'claimer'), undefined);
  });
});

describe('the document', () => {
  it('lists the birthday endpoint with its body and the signed customer it needs', async () => {
    const { body: document } = await server.json('/openapi.json');
    const operation = document.paths['/api/v1/loyalty/member/birthday'].put;
    assert.equal(operation.operationId, 'setLoyaltyBirthday');
    assert.ok(operation.responses['409'] && operation.responses['400'] && operation.responses['401']);
    const ref: string = operation.requestBody.content['application/json'].schema.$ref;
    const schema = document.components.schemas[ref.replace('#/components/schemas/', '')];
    assert.deepEqual(Object.keys(schema.properties).sort(), ['day', 'month', 'year']);
    assert.deepEqual(schema.required, ['month', 'day']);
    assert.deepEqual(operation.security, [{ shopKey: [], customerId: [], customerSignature: [] }]);
    assert.ok(document.components.schemas.WayToEarn.properties.photoBonus, 'ways to earn document the photo bonus');
    assert.ok(document.components.schemas.LoyaltyMember, 'the answer');
  });
});

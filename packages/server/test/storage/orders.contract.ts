import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import type { OrderRecord, SettleEntry } from '../../src/storage/index.js';
import { newShop, review, useStorage, type OpenStorage } from './fixtures.js';

const order = (extra: Partial<OrderRecord> = {}): OrderRecord => ({
  id: '1001',
  customerId: 'cust-1',
  email: 'ada@example.com',
  status: 'paid',
  currency: 'EUR',
  total: 4990,
  refunded: 0,
  lines: [{ productId: 'prod-1', quantity: 1, price: 4990 }],
  placedAt: '2024-05-01T10:00:00.000Z',
  updatedAt: '2024-05-01T10:00:00.000Z',
  ...extra,
});

/** Referral codes are unique across shops: each member made gets its own. */
const entry = (): SettleEntry => ({
  labels: { earn: 'Order #1001', takeBack: 'Order #1001 refunded' },
  referralCode: `R${randomUUID().slice(0, 9)}`,
});

export function ordersContract(open: OpenStorage): void {
  describe('orders', () => {
    const storage = useStorage(open);

    it('stores an order and merges later deliveries: the status only moves forward, the refund only grows', async () => {
      const shop = await newShop(storage());
      const paid = order({ referralCode: 'FRIEND1', locale: 'de' });
      assert.deepEqual(await storage().orders.merge(shop.id, paid), paid);
      const fulfilled = await storage().orders.merge(shop.id, order({ status: 'fulfilled', updatedAt: '2024-05-02T10:00:00.000Z' }));
      assert.equal(fulfilled.status, 'fulfilled');
      // A late "paid" delivery does not take the order back.
      const late = await storage().orders.merge(shop.id, order({ status: 'paid', refunded: 1000 }));
      assert.deepEqual([late.status, late.refunded, late.updatedAt], ['fulfilled', 1000, '2024-05-02T10:00:00.000Z']);
      const older = await storage().orders.merge(shop.id, order({ status: 'fulfilled', refunded: 0 }));
      assert.equal(older.refunded, 1000);
      assert.deepEqual(await storage().orders.byId(shop.id, '1001'), older);
      assert.equal(await storage().orders.byId(shop.id, 'nope'), undefined);
    });

    it('adds each refund once, never past the total, and only to an order it has', async () => {
      const shop = await newShop(storage());
      await storage().orders.merge(shop.id, order());
      const at = '2024-05-03T10:00:00.000Z';
      const first = await storage().orders.addRefund(shop.id, '1001', { id: 'r-1', amount: 1000, at });
      assert.deepEqual([first?.added, first?.order.refunded, first?.order.updatedAt], [true, 1000, at]);
      const again = await storage().orders.addRefund(shop.id, '1001', { id: 'r-1', amount: 1000, at });
      assert.deepEqual([again?.added, again?.order.refunded], [false, 1000]);
      await Promise.all(['r-2', 'r-3', 'r-2'].map((id) => storage().orders.addRefund(shop.id, '1001', { id, amount: 2000, at })));
      assert.equal((await storage().orders.byId(shop.id, '1001'))?.refunded, 4990, 'capped at the total');
      assert.equal(await storage().orders.addRefund(shop.id, 'nope', { id: 'r-1', amount: 1, at }), undefined);
    });

    it('merges concurrent deliveries of one order into one row', async () => {
      const shop = await newShop(storage());
      const deliveries = Array.from({ length: 10 }, (_, i) => order({ refunded: i * 100, status: i === 9 ? 'refunded' : 'paid' }));
      await Promise.all(deliveries.map((delivery) => storage().orders.merge(shop.id, delivery)));
      const stored = await storage().orders.byId(shop.id, '1001');
      assert.deepEqual([stored?.status, stored?.refunded], ['refunded', 900]);
    });

    it('tells whether a buyer bought a product: by customer id, else by email, in a paid or fulfilled order', async () => {
      const shop = await newShop(storage());
      await storage().orders.merge(shop.id, order());
      await storage().orders.merge(shop.id, order({ id: '1002', customerId: undefined, email: 'guest@example.com' }));
      await storage().orders.merge(shop.id, order({ id: '1003', customerId: 'cust-3', status: 'cancelled' }));
      assert.equal(await storage().orders.hasBought(shop.id, { customerId: 'cust-1' }, 'prod-1'), true);
      assert.equal(await storage().orders.hasBought(shop.id, { customerId: 'cust-1' }, 'prod-2'), false);
      assert.equal(await storage().orders.hasBought(shop.id, { email: 'GUEST@example.com' }, 'prod-1'), true);
      assert.equal(await storage().orders.hasBought(shop.id, { customerId: 'cust-3' }, 'prod-1'), false, 'cancelled');
      assert.equal(await storage().orders.hasBought(shop.id, {}, 'prod-1'), false);
      assert.equal(await storage().orders.hasBought((await newShop(storage())).id, { customerId: 'cust-1' }, 'prod-1'), false);
    });

    it("finds a buyer's first order, and whether a customer ordered with an email", async () => {
      const shop = await newShop(storage());
      await storage().orders.merge(shop.id, order({ id: 'b', placedAt: '2024-05-02T10:00:00.000Z' }));
      await storage().orders.merge(shop.id, order({ id: 'a', placedAt: '2024-05-03T10:00:00.000Z' }));
      await storage().orders.merge(shop.id, order({ id: 'c', customerId: undefined, email: 'guest@example.com' }));
      assert.equal(await storage().orders.firstOrderOf(shop.id, { customerId: 'cust-1' }), 'b');
      assert.equal(await storage().orders.firstOrderOf(shop.id, { email: 'GUEST@example.com' }), 'c');
      assert.equal(await storage().orders.firstOrderOf(shop.id, { customerId: 'nobody' }), undefined);
      assert.equal(await storage().orders.customerUsedEmail(shop.id, 'cust-1', 'ADA@example.com'), true);
      assert.equal(await storage().orders.customerUsedEmail(shop.id, 'cust-1', 'guest@example.com'), false);
    });

    it('finds a member by their referral code, in their own shop only', async () => {
      const shop = await newShop(storage());
      const made = entry();
      await storage().loyalty.settle(shop.id, 'cust-1', 'order:1', 10, made);
      assert.equal((await storage().loyalty.memberByReferralCode(shop.id, made.referralCode))?.customerId, 'cust-1');
      assert.equal(await storage().loyalty.memberByReferralCode((await newShop(storage())).id, made.referralCode), undefined);
      assert.equal(await storage().loyalty.memberByReferralCode(shop.id, 'NOSUCHCODE'), undefined);
    });

    it('remembers a delivery id once per shop', async () => {
      const shop = await newShop(storage());
      assert.equal(await storage().orders.markDelivery(shop.id, 'd-1'), true);
      assert.equal(await storage().orders.markDelivery(shop.id, 'd-1'), false);
      assert.equal(await storage().orders.markDelivery((await newShop(storage())).id, 'd-1'), true);
    });

    it("marks the buyer's reviews of the products verified: by customer id, or by email for reviews without one", async () => {
      const shop = await newShop(storage());
      const [byCustomer, byEmail, otherProduct, otherCustomer] = await storage().reviews.insert(shop.id, [
        review('prod-1', { customerId: 'cust-1', email: 'someone@example.com' }),
        review('prod-1', { email: 'Ada@Example.com' }),
        review('prod-2', { customerId: 'cust-1' }),
        review('prod-1', { customerId: 'cust-2', email: 'ada@example.com' }),
      ]);
      assert.equal(await storage().reviews.markVerified(shop.id, { customerId: 'cust-1', email: 'ada@example.com' }, ['prod-1']), 2);
      assert.equal(await storage().reviews.markVerified(shop.id, { customerId: 'cust-1', email: 'ada@example.com' }, ['prod-1']), 0);
      const verified = async (id: string) => (await storage().reviews.moderationReview(shop.id, id))?.verifiedBuyer;
      assert.deepEqual(await Promise.all([byCustomer, byEmail, otherProduct, otherCustomer].map((each) => verified(each!.id))), [
        true,
        true,
        false,
        false,
      ]);
    });

    it('settles what an order earned: awards once, takes back the difference, never below zero, and records the shortfall', async () => {
      const shop = await newShop(storage());
      const first = await storage().loyalty.settle(shop.id, 'cust-1', 'order:1001', 250, entry());
      assert.deepEqual([first.applied, first.shortfall, first.member.points, first.member.lifetimePoints], [250, 0, 250, 250]);
      const repeat = await storage().loyalty.settle(shop.id, 'cust-1', 'order:1001', 250, entry());
      assert.deepEqual([repeat.applied, repeat.member.points], [0, 250]);
      const partial = await storage().loyalty.settle(shop.id, 'cust-1', 'order:1001', 200, entry());
      assert.deepEqual([partial.applied, partial.member.points, partial.member.lifetimePoints], [-50, 200, 200]);
      // The member spends most of it; a full refund can take back only what is left.
      await storage().loyalty.adjustPoints(shop.id, 'cust-1', { kind: 'redeem', label: 'Spent', referralCode: 'X', points: () => -180 });
      const refunded = await storage().loyalty.settle(shop.id, 'cust-1', 'order:1001', 0, entry());
      assert.deepEqual([refunded.applied, refunded.shortfall, refunded.member.points], [-20, 180, 0]);
      // Points earned later are not taken for the old shortfall.
      await storage().loyalty.settle(shop.id, 'cust-1', 'order:1002', 100, entry());
      const again = await storage().loyalty.settle(shop.id, 'cust-1', 'order:1001', 0, entry());
      assert.deepEqual([again.applied, again.shortfall, again.member.points], [0, 180, 100]);
      const history = await storage().loyalty.activity(shop.id, 'cust-1', 10);
      assert.deepEqual(
        history.map(({ kind, points, label }) => [kind, points, label]),
        [
          ['earn', 100, 'Order #1001'],
          ['adjust', -20, 'Order #1001 refunded'],
          ['redeem', -180, 'Spent'],
          ['adjust', -50, 'Order #1001 refunded'],
          ['earn', 250, 'Order #1001'],
        ],
      );
    });

    it('settles concurrent deliveries of one order once', async () => {
      const shop = await newShop(storage());
      await Promise.all(Array.from({ length: 10 }, () => storage().loyalty.settle(shop.id, 'cust-9', 'order:7', 300, entry())));
      const member = await storage().loyalty.member(shop.id, 'cust-9');
      assert.equal(member?.points, 300);
      assert.equal((await storage().loyalty.activity(shop.id, 'cust-9', 10)).length, 1);
    });

    it('exports and erases a customer’s orders, by id or email, with their refunds, and no one else’s', async () => {
      const shop = await newShop(storage());
      const at = '2024-05-03T10:00:00.000Z';
      await storage().orders.merge(shop.id, order({ id: 'by-id', email: undefined }));
      await storage().orders.merge(shop.id, order({ id: 'by-email', customerId: undefined, placedAt: '2024-05-02T10:00:00.000Z' }));
      await storage().orders.merge(shop.id, order({ id: 'theirs', customerId: 'cust-10', email: 'xada@example.com' }));
      await storage().orders.addRefund(shop.id, 'by-id', { id: 'r-1', amount: 100, at });
      await storage().orders.addRefund(shop.id, 'theirs', { id: 'r-1', amount: 100, at });
      const ada = { customerId: 'cust-1', email: 'ADA@example.com' };
      const exported = await storage().orders.exportCustomer(shop.id, ada);
      assert.deepEqual(
        exported.map((found) => [found.id, found.refunds]),
        [
          ['by-id', [{ id: 'r-1', amount: 100, at }]],
          ['by-email', []],
        ],
      );
      assert.deepEqual(
        (await storage().orders.exportCustomer(shop.id, { email: 'ada@example.com' })).map((found) => found.id),
        ['by-email'],
      );
      assert.deepEqual(await storage().orders.exportCustomer(shop.id, {}), [], 'no key matches nothing');
      const other = await newShop(storage());
      assert.deepEqual(await storage().orders.eraseCustomer(other.id, ada), { orders: 0, refunds: 0 }, 'another shop’s customer');

      assert.deepEqual(await storage().orders.eraseCustomer(shop.id, ada), { orders: 2, refunds: 1 });
      assert.deepEqual(await storage().orders.eraseCustomer(shop.id, ada), { orders: 0, refunds: 0 }, 'a repeat erases nothing');
      assert.deepEqual(await storage().orders.exportCustomer(shop.id, ada), []);
      assert.equal((await storage().orders.byId(shop.id, 'theirs'))?.refunded, 100);
      // The refund's id is free again only with its order: a new order's refund counts.
      await storage().orders.merge(shop.id, order({ id: 'by-id' }));
      assert.equal((await storage().orders.addRefund(shop.id, 'by-id', { id: 'r-1', amount: 100, at }))?.added, true);
    });
  });
}

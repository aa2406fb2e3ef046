import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { Birthday, LoyaltyActivity, Reward } from '@shopfront/core/schemas.js';
import type {
  CodeUse,
  DataSubject,
  ExpiryRule,
  LoyaltySetup,
  LoyaltyStorage,
  MemberErasure,
  MemberExport,
  MemberPage,
  MemberRecord,
  PointsChange,
  RedeemResult,
  RedemptionRequest,
  SettleEntry,
  Settled,
} from '../storage/index.js';
import { settlement } from '../storage/index.js';
import { time, toActivity, toDiscount, toLedgerEntry, toMember } from '../storage/rows.js';
import { lockShop } from './catalogue.js';
import { now, row, rows, snapshot, transaction, type Queryable, type Row } from './database.js';

const SETUP_TABLES = ['tiers', 'ways_to_earn', 'rewards'] as const;

/** Appends a history entry; part of the caller's transaction. */
async function record(client: Queryable, shopId: number, customerId: string, entry: Omit<LoyaltyActivity, 'id'>): Promise<void> {
  await client.query(
    'INSERT INTO loyalty_activity (id, shop_id, customer_id, kind, points, label, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)',
    [randomUUID(), shopId, customerId, entry.kind, entry.points, entry.label, entry.createdAt],
  );
}

/** The member `m`'s latest activity, an expiry aside (an expiry is not the member being active). */
const LAST_ACTIVITY = `SELECT created_at FROM loyalty_activity a
  WHERE a.shop_id = m.shop_id AND a.customer_id = m.customer_id AND a.kind <> 'expire' ORDER BY a.pk DESC LIMIT 1`;

const checkTarget = (target: number) => {
  if (!Number.isSafeInteger(target) || target < 0) throw new RangeError(`A settled amount must be a whole number ≥ 0, not ${target}.`);
};

/** Creates the member if they are new; true when this call did. Part of the caller's transaction. */
async function createMember(client: Queryable, shopId: number, customerId: string, referralCode: string): Promise<boolean> {
  const inserted = await client.query(
    `INSERT INTO members (shop_id, customer_id, points, lifetime_points, referral_code, created_at)
     VALUES ($1, $2, 0, 0, $3, $4) ON CONFLICT (shop_id, customer_id) DO NOTHING`,
    [shopId, customerId, referralCode, now()],
  );
  return inserted.rowCount === 1;
}

async function ledgerOf(client: Queryable, shopId: number, customerId: string, key: string) {
  const ledger = await row(client, 'SELECT net, shortfall FROM points_ledger WHERE shop_id = $1 AND customer_id = $2 AND key = $3', [
    shopId,
    customerId,
    key,
  ]);
  return ledger && { net: Number(ledger.net), shortfall: Number(ledger.shortfall) };
}

/** `settle` for a member who exists, inside the caller's transaction. */
async function settleLocked(
  client: Queryable,
  shopId: number,
  customerId: string,
  key: string,
  target: number,
  entry: SettleEntry,
): Promise<Settled> {
  // The member's row lock, held to the end: two deliveries of one order settle one after the other.
  const locked = await row(client, 'SELECT points FROM members WHERE shop_id = $1 AND customer_id = $2 FOR UPDATE', [shopId, customerId]);
  const { applied, shortfall } = settlement(await ledgerOf(client, shopId, customerId, key), Number(locked!.points), target);
  const member = await row(
    client,
    `UPDATE members SET points = points + $3, lifetime_points = GREATEST(lifetime_points + $3, 0)
     WHERE shop_id = $1 AND customer_id = $2 RETURNING *`,
    [shopId, customerId, applied],
  );
  if (applied !== 0)
    await record(client, shopId, customerId, {
      kind: applied > 0 ? 'earn' : 'adjust',
      points: applied,
      label: applied > 0 ? entry.labels.earn : entry.labels.takeBack,
      createdAt: now(),
    });
  await client.query(
    `INSERT INTO points_ledger (shop_id, customer_id, key, net, shortfall, updated_at) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (shop_id, customer_id, key) DO UPDATE SET net = excluded.net, shortfall = excluded.shortfall, updated_at = excluded.updated_at`,
    [shopId, customerId, key, target, shortfall, now()],
  );
  return { member: toMember(member)!, applied, shortfall };
}

export class PostgresLoyalty implements LoyaltyStorage {
  constructor(private readonly pool: pg.Pool) {}

  async setup(shopId: number): Promise<LoyaltySetup> {
    // One statement, one snapshot: never tiers from before a replacement with rewards from after it.
    const list = (table: (typeof SETUP_TABLES)[number]) =>
      `COALESCE((SELECT jsonb_agg(data ORDER BY position) FROM ${table} WHERE shop_id = $1), '[]'::jsonb)`;
    const found = await row<LoyaltySetup & Row>(
      this.pool,
      `SELECT ${list('tiers')} AS "tiers", ${list('ways_to_earn')} AS "waysToEarn", ${list('rewards')} AS "rewards"`,
      [shopId],
    );
    return found!;
  }

  async replaceSetup(shopId: number, setup: LoyaltySetup): Promise<void> {
    await transaction(this.pool, async (client) => {
      await lockShop(client, shopId);
      for (const table of SETUP_TABLES) await client.query(`DELETE FROM ${table} WHERE shop_id = $1`, [shopId]);
      const insert = async (table: string, items: Array<{ id: string }>) =>
        client.query(
          `INSERT INTO ${table} (shop_id, id, data, position)
           SELECT $1, id, data, position - 1 FROM unnest($2::text[], $3::jsonb[]) WITH ORDINALITY AS s(id, data, position)`,
          [shopId, items.map((item) => item.id), items.map((item) => JSON.stringify(item))],
        );
      await insert('tiers', setup.tiers);
      await insert('ways_to_earn', setup.waysToEarn);
      await client.query(
        `INSERT INTO rewards (shop_id, id, cost, data, position)
         SELECT $1, id, cost, data, position - 1 FROM unnest($2::text[], $3::int[], $4::jsonb[]) WITH ORDINALITY AS s(id, cost, data, position)`,
        [shopId, setup.rewards.map((r) => r.id), setup.rewards.map((r) => r.cost), setup.rewards.map((r) => JSON.stringify(r))],
      );
    });
  }

  async member(shopId: number, customerId: string): Promise<MemberRecord | undefined> {
    return toMember(await row(this.pool, 'SELECT * FROM members WHERE shop_id = $1 AND customer_id = $2', [shopId, customerId]));
  }

  async memberByReferralCode(shopId: number, code: string): Promise<MemberRecord | undefined> {
    return toMember(await row(this.pool, 'SELECT * FROM members WHERE shop_id = $1 AND referral_code = $2', [shopId, code]));
  }

  async adjustPoints(shopId: number, customerId: string, change: PointsChange): Promise<{ member: MemberRecord; applied: number }> {
    return transaction(this.pool, async (client) => {
      await client.query(
        `INSERT INTO members (shop_id, customer_id, first_name, points, lifetime_points, referral_code, created_at)
         VALUES ($1, $2, $3, 0, 0, $4, $5) ON CONFLICT (shop_id, customer_id) DO NOTHING`,
        [shopId, customerId, change.firstName ?? null, change.referralCode, now()],
      );
      // The member's row lock, held to the end: the rule decides on a balance no other change can alter meanwhile.
      const locked = await row(client, 'SELECT points FROM members WHERE shop_id = $1 AND customer_id = $2 FOR UPDATE', [
        shopId,
        customerId,
      ]);
      const applied = change.points(Number(locked!.points));
      if (!Number.isSafeInteger(applied)) throw new RangeError(`A change of points must be a whole number, not ${applied}.`);
      const member = await row(
        client,
        `UPDATE members SET points = points + $3, lifetime_points = lifetime_points + $4, first_name = COALESCE($5, first_name)
         WHERE shop_id = $1 AND customer_id = $2 RETURNING *`,
        [shopId, customerId, applied, Math.max(applied, 0), change.firstName || null],
      );
      if (applied !== 0)
        await record(client, shopId, customerId, { kind: change.kind, points: applied, label: change.label, createdAt: now() });
      return { member: toMember(member)!, applied };
    });
  }

  async settle(shopId: number, customerId: string, key: string, target: number, entry: SettleEntry): Promise<Settled> {
    checkTarget(target);
    return transaction(this.pool, async (client): Promise<Settled> => {
      await createMember(client, shopId, customerId, entry.referralCode);
      return settleLocked(client, shopId, customerId, key, target, entry);
    });
  }

  async join(
    shopId: number,
    customerId: string,
    key: string,
    target: number,
    entry: SettleEntry,
  ): Promise<{ member: MemberRecord; created: boolean }> {
    checkTarget(target);
    return transaction(this.pool, async (client) => {
      // Of two first requests at once, one inserts; the other waits on its row and finds the member made.
      if (!(await createMember(client, shopId, customerId, entry.referralCode))) {
        const member = await row(client, 'SELECT * FROM members WHERE shop_id = $1 AND customer_id = $2', [shopId, customerId]);
        return { member: toMember(member)!, created: false };
      }
      return { member: (await settleLocked(client, shopId, customerId, key, target, entry)).member, created: true };
    });
  }

  async settled(shopId: number, customerId: string, key: string): Promise<{ net: number; shortfall: number } | undefined> {
    return ledgerOf(this.pool, shopId, customerId, key);
  }

  async setBirthday(
    shopId: number,
    customerId: string,
    birthday: Birthday,
    referralCode: string,
  ): Promise<{ member: MemberRecord; set: boolean }> {
    return transaction(this.pool, async (client) => {
      await createMember(client, shopId, customerId, referralCode);
      // Only where none is stored (the WHERE is re-checked after a concurrent write): a birthday is given once.
      const updated = await row(
        client,
        `UPDATE members SET birth_month = $3, birth_day = $4
         WHERE shop_id = $1 AND customer_id = $2 AND birth_month IS NULL RETURNING *`,
        [shopId, customerId, birthday.month, birthday.day],
      );
      if (updated) return { member: toMember(updated)!, set: true };
      const kept = await row(client, 'SELECT * FROM members WHERE shop_id = $1 AND customer_id = $2', [shopId, customerId]);
      return { member: toMember(kept)!, set: false };
    });
  }

  async birthdaysDue(shopId: number, onOrBefore: Birthday, key: string, page: MemberPage): Promise<string[]> {
    const found = await rows<{ customer_id: string }>(
      this.pool,
      `SELECT customer_id FROM members m
       WHERE shop_id = $1 AND birth_month IS NOT NULL AND (birth_month < $2 OR (birth_month = $2 AND birth_day <= $3)) AND customer_id COLLATE "C" > $4
         AND NOT EXISTS (SELECT 1 FROM points_ledger l WHERE l.shop_id = m.shop_id AND l.customer_id = m.customer_id AND l.key = $5)
       ORDER BY customer_id COLLATE "C" LIMIT $6`,
      [shopId, onOrBefore.month, onOrBefore.day, page.after ?? '', key, page.limit],
    );
    return found.map((member) => member.customer_id);
  }

  async inactiveMembers(shopId: number, before: string, page: MemberPage): Promise<string[]> {
    const found = await rows<{ customer_id: string }>(
      this.pool,
      `SELECT customer_id FROM members m
       WHERE shop_id = $1 AND points > 0 AND customer_id COLLATE "C" > $2 AND COALESCE((${LAST_ACTIVITY}), created_at) < $3
       ORDER BY customer_id COLLATE "C" LIMIT $4`,
      [shopId, page.after ?? '', before, page.limit],
    );
    return found.map((member) => member.customer_id);
  }

  async expire(shopId: number, customerId: string, rule: ExpiryRule): Promise<{ expired: number }> {
    return transaction(this.pool, async (client) => {
      // The member's row lock: an earning that commits first is seen below, one that comes later waits.
      const found = await row(
        client,
        `SELECT points, COALESCE((${LAST_ACTIVITY}), created_at) AS last_at FROM members m
         WHERE shop_id = $1 AND customer_id = $2 FOR UPDATE`,
        [shopId, customerId],
      );
      const points = Number(found?.points ?? 0);
      if (!found || points <= 0) return { expired: 0 };
      const lastAt = time(found.last_at);
      if (!(Date.parse(lastAt) < Date.parse(rule.inactiveBefore))) return { expired: 0 };
      const key = rule.key(lastAt);
      if (await ledgerOf(client, shopId, customerId, key)) return { expired: 0 };
      await client.query('UPDATE members SET points = 0 WHERE shop_id = $1 AND customer_id = $2', [shopId, customerId]);
      await record(client, shopId, customerId, { kind: 'expire', points: -points, label: rule.label, createdAt: now() });
      await client.query(
        'INSERT INTO points_ledger (shop_id, customer_id, key, net, shortfall, updated_at) VALUES ($1, $2, $3, $4, 0, $5)',
        [shopId, customerId, key, -points, now()],
      );
      return { expired: points };
    });
  }

  async redeem(shopId: number, customerId: string, request: RedemptionRequest): Promise<RedeemResult> {
    return transaction(this.pool, async (client): Promise<RedeemResult> => {
      const reward = (
        await row<{ data: Reward }>(client, 'SELECT data FROM rewards WHERE shop_id = $1 AND id = $2', [shopId, request.rewardId])
      )?.data;
      if (!reward) return { ok: false, reason: 'unknown-reward' };
      // The balance check is the debit's own WHERE: a concurrent redemption waits for this row,
      // and Postgres re-checks the condition on the balance it left, so points are spent once.
      const debited = await row(
        client,
        'UPDATE members SET points = points - $3 WHERE shop_id = $1 AND customer_id = $2 AND points >= $3 RETURNING points',
        [shopId, customerId, reward.cost],
      );
      if (!debited) return { ok: false, reason: 'insufficient-points' };
      const points = Number(debited.points);
      const id = randomUUID();
      const { rewardId, code, createdAt, expiresAt } = request;
      await record(client, shopId, customerId, { kind: 'redeem', points: -reward.cost, label: reward.name, createdAt });
      await client.query(
        `INSERT INTO redemptions (id, shop_id, customer_id, reward_id, code, cost, points_after, created_at, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [id, shopId, customerId, rewardId, code, reward.cost, points, createdAt, expiresAt],
      );
      return { ok: true, redemption: { id, rewardId, code, points, createdAt, expiresAt } };
    });
  }

  async activity(shopId: number, customerId: string, limit: number): Promise<LoyaltyActivity[]> {
    const found = await rows(
      this.pool,
      'SELECT * FROM loyalty_activity WHERE shop_id = $1 AND customer_id = $2 ORDER BY pk DESC LIMIT $3',
      [shopId, customerId, limit],
    );
    return found.map(toActivity);
  }

  async useCode(shopId: number, code: string): Promise<CodeUse> {
    // The mark is one conditional UPDATE, so of two uses at once only one sets it.
    const used = await row(
      this.pool,
      'UPDATE redemptions SET used_at = $3 WHERE shop_id = $1 AND code = $2 AND used_at IS NULL RETURNING id',
      [shopId, code, now()],
    );
    if (used) return 'used';
    const known = await row(this.pool, 'SELECT 1 FROM redemptions WHERE shop_id = $1 AND code = $2', [shopId, code]);
    return known ? 'already-used' : 'unknown';
  }

  async exportCustomer(shopId: number, { customerId }: DataSubject): Promise<MemberExport> {
    if (!customerId) return { activity: [], redemptions: [], ledger: [] };
    return snapshot(this.pool, async (client) => {
      const all = (sql: string) => rows(client, sql, [shopId, customerId]);
      const member = toMember((await all('SELECT * FROM members WHERE shop_id = $1 AND customer_id = $2'))[0]);
      return {
        ...(member ? { member } : {}),
        activity: (await all('SELECT * FROM loyalty_activity WHERE shop_id = $1 AND customer_id = $2 ORDER BY pk')).map(toActivity),
        redemptions: (await all('SELECT * FROM redemptions WHERE shop_id = $1 AND customer_id = $2 ORDER BY created_at, id')).map(
          toDiscount,
        ),
        ledger: (await all('SELECT * FROM points_ledger WHERE shop_id = $1 AND customer_id = $2 ORDER BY updated_at, key')).map(
          toLedgerEntry,
        ),
      };
    });
  }

  async eraseCustomer(shopId: number, { customerId }: DataSubject): Promise<MemberErasure> {
    if (!customerId) return { members: 0, activity: 0, redemptions: 0, ledger: 0 };
    return transaction(this.pool, async (client) => {
      // The member's lock first: a change of points or a redemption under way finishes before, or waits and finds no member.
      await client.query('SELECT 1 FROM members WHERE shop_id = $1 AND customer_id = $2 FOR UPDATE', [shopId, customerId]);
      const remove = async (table: 'points_ledger' | 'loyalty_activity' | 'redemptions' | 'members') =>
        (await client.query(`DELETE FROM ${table} WHERE shop_id = $1 AND customer_id = $2`, [shopId, customerId])).rowCount ?? 0;
      // The ledger before the member, whose cascade would hide its count.
      const ledger = await remove('points_ledger');
      return {
        ledger,
        activity: await remove('loyalty_activity'),
        redemptions: await remove('redemptions'),
        members: await remove('members'),
      };
    });
  }
}

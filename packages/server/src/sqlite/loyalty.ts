import { randomUUID } from 'node:crypto';
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
import { toActivity, toDiscount, toLedgerEntry, toMember } from '../storage/rows.js';
import { now, type Db, type Row } from './database.js';

const SETUP_TABLES = ['tiers', 'ways_to_earn', 'rewards'] as const;

/** The member `m`'s latest activity, an expiry aside (an expiry is not the member being active). */
const LAST_ACTIVITY = `SELECT created_at FROM loyalty_activity a
  WHERE a.shop_id = m.shop_id AND a.customer_id = m.customer_id AND a.kind <> 'expire' ORDER BY a.pk DESC LIMIT 1`;

const checkTarget = (target: number) => {
  if (!Number.isSafeInteger(target) || target < 0) throw new RangeError(`A settled amount must be a whole number ≥ 0, not ${target}.`);
};

export class SqliteLoyalty implements LoyaltyStorage {
  constructor(private readonly db: Db) {}

  async setup(shopId: number): Promise<LoyaltySetup> {
    const all = (table: (typeof SETUP_TABLES)[number]) =>
      (this.db.prepare(`SELECT data FROM ${table} WHERE shop_id = ? ORDER BY position`).pluck().all(shopId) as string[]).map((data) =>
        JSON.parse(data),
      );
    return this.db.transaction(() => ({ tiers: all('tiers'), waysToEarn: all('ways_to_earn'), rewards: all('rewards') }))();
  }

  async replaceSetup(shopId: number, setup: LoyaltySetup): Promise<void> {
    this.db.transaction(() => {
      for (const table of SETUP_TABLES) this.db.prepare(`DELETE FROM ${table} WHERE shop_id = ?`).run(shopId);
      const tier = this.db.prepare('INSERT INTO tiers (shop_id, id, data, position) VALUES (?, ?, ?, ?)');
      setup.tiers.forEach((item, position) => tier.run(shopId, item.id, JSON.stringify(item), position));
      const way = this.db.prepare('INSERT INTO ways_to_earn (shop_id, id, data, position) VALUES (?, ?, ?, ?)');
      setup.waysToEarn.forEach((item, position) => way.run(shopId, item.id, JSON.stringify(item), position));
      const reward = this.db.prepare('INSERT INTO rewards (shop_id, id, cost, data, position) VALUES (?, ?, ?, ?, ?)');
      setup.rewards.forEach((item, position) => reward.run(shopId, item.id, item.cost, JSON.stringify(item), position));
    })();
  }

  async member(shopId: number, customerId: string): Promise<MemberRecord | undefined> {
    return toMember(this.db.prepare('SELECT * FROM members WHERE shop_id = ? AND customer_id = ?').get(shopId, customerId) as Row);
  }

  async memberByReferralCode(shopId: number, code: string): Promise<MemberRecord | undefined> {
    return toMember(this.db.prepare('SELECT * FROM members WHERE shop_id = ? AND referral_code = ?').get(shopId, code) as Row);
  }

  async adjustPoints(shopId: number, customerId: string, change: PointsChange): Promise<{ member: MemberRecord; applied: number }> {
    return this.db
      .transaction(() => {
        this.db
          .prepare(
            `INSERT INTO members (shop_id, customer_id, first_name, points, lifetime_points, referral_code, created_at)
             VALUES (?, ?, ?, 0, 0, ?, ?) ON CONFLICT (shop_id, customer_id) DO NOTHING`,
          )
          .run(shopId, customerId, change.firstName ?? null, change.referralCode, now());
        if (change.firstName) {
          this.db
            .prepare('UPDATE members SET first_name = ? WHERE shop_id = ? AND customer_id = ?')
            .run(change.firstName, shopId, customerId);
        }
        const balance = this.db
          .prepare('SELECT points FROM members WHERE shop_id = ? AND customer_id = ?')
          .pluck()
          .get(shopId, customerId) as number;
        const applied = change.points(balance);
        if (!Number.isSafeInteger(applied)) throw new RangeError(`A change of points must be a whole number, not ${applied}.`);
        if (applied !== 0) {
          this.db
            .prepare('UPDATE members SET points = points + ?, lifetime_points = lifetime_points + ? WHERE shop_id = ? AND customer_id = ?')
            .run(applied, Math.max(applied, 0), shopId, customerId);
          this.db
            .prepare(
              'INSERT INTO loyalty_activity (id, shop_id, customer_id, kind, points, label, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
            )
            .run(randomUUID(), shopId, customerId, change.kind, applied, change.label, now());
        }
        const member = toMember(
          this.db.prepare('SELECT * FROM members WHERE shop_id = ? AND customer_id = ?').get(shopId, customerId) as Row,
        )!;
        return { member, applied };
      })
      .immediate();
  }

  async settle(shopId: number, customerId: string, key: string, target: number, entry: SettleEntry): Promise<Settled> {
    checkTarget(target);
    return this.db
      .transaction((): Settled => {
        this.#createMember(shopId, customerId, entry.referralCode);
        return this.#settleLocked(shopId, customerId, key, target, entry);
      })
      .immediate();
  }

  async join(
    shopId: number,
    customerId: string,
    key: string,
    target: number,
    entry: SettleEntry,
  ): Promise<{ member: MemberRecord; created: boolean }> {
    checkTarget(target);
    return this.db
      .transaction(() => {
        if (!this.#createMember(shopId, customerId, entry.referralCode))
          return { member: this.#member(shopId, customerId), created: false };
        return { member: this.#settleLocked(shopId, customerId, key, target, entry).member, created: true };
      })
      .immediate();
  }

  async settled(shopId: number, customerId: string, key: string): Promise<{ net: number; shortfall: number } | undefined> {
    return this.#ledger(shopId, customerId, key);
  }

  async setBirthday(
    shopId: number,
    customerId: string,
    birthday: Birthday,
    referralCode: string,
  ): Promise<{ member: MemberRecord; set: boolean }> {
    return this.db
      .transaction(() => {
        this.#createMember(shopId, customerId, referralCode);
        // Only where none is stored: a birthday is given once.
        const { changes } = this.db
          .prepare('UPDATE members SET birth_month = ?, birth_day = ? WHERE shop_id = ? AND customer_id = ? AND birth_month IS NULL')
          .run(birthday.month, birthday.day, shopId, customerId);
        return { member: this.#member(shopId, customerId), set: changes === 1 };
      })
      .immediate();
  }

  async birthdaysDue(shopId: number, onOrBefore: Birthday, key: string, page: MemberPage): Promise<string[]> {
    return this.db
      .prepare(
        `SELECT customer_id FROM members m
         WHERE shop_id = ? AND birth_month IS NOT NULL AND (birth_month < ? OR (birth_month = ? AND birth_day <= ?)) AND customer_id > ?
           AND NOT EXISTS (SELECT 1 FROM points_ledger l WHERE l.shop_id = m.shop_id AND l.customer_id = m.customer_id AND l.key = ?)
         ORDER BY customer_id LIMIT ?`,
      )
      .pluck()
      .all(shopId, onOrBefore.month, onOrBefore.month, onOrBefore.day, page.after ?? '', key, page.limit) as string[];
  }

  async inactiveMembers(shopId: number, before: string, page: MemberPage): Promise<string[]> {
    return this.db
      .prepare(
        `SELECT customer_id FROM (
           SELECT customer_id, COALESCE((${LAST_ACTIVITY}), created_at) AS last_at FROM members m
           WHERE shop_id = ? AND points > 0 AND customer_id > ?
         ) WHERE last_at < ? ORDER BY customer_id LIMIT ?`,
      )
      .pluck()
      .all(shopId, page.after ?? '', before, page.limit) as string[];
  }

  async expire(shopId: number, customerId: string, rule: ExpiryRule): Promise<{ expired: number }> {
    return this.db
      .transaction(() => {
        const found = this.db
          .prepare(
            `SELECT points, COALESCE((${LAST_ACTIVITY}), created_at) AS last_at FROM members m WHERE shop_id = ? AND customer_id = ?`,
          )
          .get(shopId, customerId) as { points: number; last_at: string } | undefined;
        // Checked again under the lock: an earning since the sweep listed them keeps their points.
        if (!found || found.points <= 0 || !(found.last_at < rule.inactiveBefore)) return { expired: 0 };
        const key = rule.key(found.last_at);
        if (this.#ledger(shopId, customerId, key)) return { expired: 0 };
        this.db.prepare('UPDATE members SET points = 0 WHERE shop_id = ? AND customer_id = ?').run(shopId, customerId);
        this.#record(shopId, customerId, 'expire', -found.points, rule.label);
        this.db
          .prepare('INSERT INTO points_ledger (shop_id, customer_id, key, net, shortfall, updated_at) VALUES (?, ?, ?, ?, 0, ?)')
          .run(shopId, customerId, key, -found.points, now());
        return { expired: found.points };
      })
      .immediate();
  }

  /** Creates the member if they are new; true when this call did. Part of the caller's transaction. */
  #createMember(shopId: number, customerId: string, referralCode: string): boolean {
    const { changes } = this.db
      .prepare(
        `INSERT INTO members (shop_id, customer_id, points, lifetime_points, referral_code, created_at)
         VALUES (?, ?, 0, 0, ?, ?) ON CONFLICT (shop_id, customer_id) DO NOTHING`,
      )
      .run(shopId, customerId, referralCode, now());
    return changes === 1;
  }

  #member(shopId: number, customerId: string): MemberRecord {
    return toMember(this.db.prepare('SELECT * FROM members WHERE shop_id = ? AND customer_id = ?').get(shopId, customerId) as Row)!;
  }

  #ledger(shopId: number, customerId: string, key: string): { net: number; shortfall: number } | undefined {
    return this.db
      .prepare('SELECT net, shortfall FROM points_ledger WHERE shop_id = ? AND customer_id = ? AND key = ?')
      .get(shopId, customerId, key) as { net: number; shortfall: number } | undefined;
  }

  #record(shopId: number, customerId: string, kind: LoyaltyActivity['kind'], points: number, label: string): void {
    this.db
      .prepare('INSERT INTO loyalty_activity (id, shop_id, customer_id, kind, points, label, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(randomUUID(), shopId, customerId, kind, points, label, now());
  }

  /** `settle` for a member who exists, inside the caller's (immediate) transaction. */
  #settleLocked(shopId: number, customerId: string, key: string, target: number, entry: SettleEntry): Settled {
    const balance = this.db
      .prepare('SELECT points FROM members WHERE shop_id = ? AND customer_id = ?')
      .pluck()
      .get(shopId, customerId) as number;
    const { applied, shortfall } = settlement(this.#ledger(shopId, customerId, key), balance, target);
    if (applied !== 0) {
      this.db
        .prepare(
          'UPDATE members SET points = points + ?, lifetime_points = MAX(lifetime_points + ?, 0) WHERE shop_id = ? AND customer_id = ?',
        )
        .run(applied, applied, shopId, customerId);
      this.#record(shopId, customerId, applied > 0 ? 'earn' : 'adjust', applied, applied > 0 ? entry.labels.earn : entry.labels.takeBack);
    }
    this.db
      .prepare(
        `INSERT INTO points_ledger (shop_id, customer_id, key, net, shortfall, updated_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (shop_id, customer_id, key) DO UPDATE SET net = excluded.net, shortfall = excluded.shortfall, updated_at = excluded.updated_at`,
      )
      .run(shopId, customerId, key, target, shortfall, now());
    return { member: this.#member(shopId, customerId), applied, shortfall };
  }

  async redeem(shopId: number, customerId: string, request: RedemptionRequest): Promise<RedeemResult> {
    return this.db
      .transaction((): RedeemResult => {
        const data = this.db.prepare('SELECT data FROM rewards WHERE shop_id = ? AND id = ?').pluck().get(shopId, request.rewardId) as
          string | undefined;
        if (data === undefined) return { ok: false, reason: 'unknown-reward' };
        const reward = JSON.parse(data) as Reward;
        // The balance check and the debit are one statement: two redemptions cannot both pass it.
        const debit = this.db
          .prepare('UPDATE members SET points = points - ? WHERE shop_id = ? AND customer_id = ? AND points >= ?')
          .run(reward.cost, shopId, customerId, reward.cost);
        if (debit.changes !== 1) return { ok: false, reason: 'insufficient-points' };
        const points = this.db
          .prepare('SELECT points FROM members WHERE shop_id = ? AND customer_id = ?')
          .pluck()
          .get(shopId, customerId) as number;
        const id = randomUUID();
        const { rewardId, code, createdAt, expiresAt } = request;
        this.db
          .prepare('INSERT INTO loyalty_activity (id, shop_id, customer_id, kind, points, label, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
          .run(randomUUID(), shopId, customerId, 'redeem', -reward.cost, reward.name, createdAt);
        this.db
          .prepare(
            `INSERT INTO redemptions (id, shop_id, customer_id, reward_id, code, cost, points_after, created_at, expires_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(id, shopId, customerId, rewardId, code, reward.cost, points, createdAt, expiresAt);
        return { ok: true, redemption: { id, rewardId, code, points, createdAt, expiresAt } };
      })
      .immediate();
  }

  async activity(shopId: number, customerId: string, limit: number): Promise<LoyaltyActivity[]> {
    const rows = this.db
      .prepare('SELECT * FROM loyalty_activity WHERE shop_id = ? AND customer_id = ? ORDER BY pk DESC LIMIT ?')
      .all(shopId, customerId, limit) as Row[];
    return rows.map(toActivity);
  }

  async useCode(shopId: number, code: string): Promise<CodeUse> {
    return this.db
      .transaction((): CodeUse => {
        const row = this.db.prepare('SELECT used_at FROM redemptions WHERE shop_id = ? AND code = ?').get(shopId, code) as Row | undefined;
        if (!row) return 'unknown';
        if (row.used_at) return 'already-used';
        this.db.prepare('UPDATE redemptions SET used_at = ? WHERE shop_id = ? AND code = ? AND used_at IS NULL').run(now(), shopId, code);
        return 'used';
      })
      .immediate();
  }

  async exportCustomer(shopId: number, { customerId }: DataSubject): Promise<MemberExport> {
    if (!customerId) return { activity: [], redemptions: [], ledger: [] };
    const all = (sql: string) => this.db.prepare(sql).all(shopId, customerId) as Row[];
    return this.db.transaction(() => {
      const member = toMember(all('SELECT * FROM members WHERE shop_id = ? AND customer_id = ?')[0]);
      return {
        ...(member ? { member } : {}),
        activity: all('SELECT * FROM loyalty_activity WHERE shop_id = ? AND customer_id = ? ORDER BY pk').map(toActivity),
        redemptions: all('SELECT * FROM redemptions WHERE shop_id = ? AND customer_id = ? ORDER BY created_at, id').map(toDiscount),
        ledger: all('SELECT * FROM points_ledger WHERE shop_id = ? AND customer_id = ? ORDER BY updated_at, key').map(toLedgerEntry),
      };
    })();
  }

  async eraseCustomer(shopId: number, { customerId }: DataSubject): Promise<MemberErasure> {
    if (!customerId) return { members: 0, activity: 0, redemptions: 0, ledger: 0 };
    const remove = (table: 'points_ledger' | 'loyalty_activity' | 'redemptions' | 'members') =>
      this.db.prepare(`DELETE FROM ${table} WHERE shop_id = ? AND customer_id = ?`).run(shopId, customerId).changes;
    // Immediate: SQLite's one writer is the member's lock. The ledger goes before the member, whose cascade would hide its count.
    return this.db
      .transaction(() => {
        const ledger = remove('points_ledger');
        return { ledger, activity: remove('loyalty_activity'), redemptions: remove('redemptions'), members: remove('members') };
      })
      .immediate();
  }
}

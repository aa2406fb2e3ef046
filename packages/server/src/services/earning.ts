/**
 * The programme's earning rules beyond orders and referrals, each from the
 * shop's ways to earn (the same entries the loyalty badge lists):
 *
 * - `signup`: once, key `signup`, when a signed customer first becomes a member
 *   through their own loyalty request (`join`: created and welcomed in one step).
 * - `review`: key `review:<reviewId>`, `points` plus `photoBonus` with photos,
 *   while a signed customer's review is published; back to 0 when it is rejected.
 * - `birthday`: key `birthday:<year>`, once a year on or after the birthday the
 *   member gave (once), in the shop's time zone; by the periodic sweep, or on the
 *   member's own request when the sweep has not come by yet.
 * - expiry: `pointsExpireAfterMonths` in the shop's settings; a member with no
 *   activity for that long loses their balance, key `expire:<last activity>`.
 *
 * Every award is one `settle` (or `join`/`expire`) under its key, so a repeat or
 * two calls at once change nothing more, and no balance goes below zero.
 */
import type { Birthday, WayToEarn } from '@shopfront/core/schemas.js';
import type { BirthdayInput } from '../api/schemas.js';
import type { Deps } from '../deps.js';
import type { MemberRecord, SettleEntry, Shop, Storage } from '../storage/index.js';
import { referralCode } from './loyalty.js';

/** Members a sweep settles per storage page. */
const SWEEP_PAGE = 200;

/** What the rules need of the server: its storage only. */
type Sweeping = Pick<Deps, 'storage'>;

const wayOf = (waysToEarn: WayToEarn[], kind: WayToEarn['kind']) => waysToEarn.find((way) => way.kind === kind);

const entry = (earn: string, takeBack = earn): SettleEntry => ({ labels: { earn, takeBack }, referralCode: referralCode() });

/** The shop's calendar date at `now`: its business hours' time zone, else UTC. */
export function shopDate(shop: Shop, now: Date): { year: number; month: number; day: number } {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: shop.settings.businessHours?.timeZone ?? 'UTC',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
  }).formatToParts(now);
  const part = (type: string) => Number(parts.find((candidate) => candidate.type === type)?.value);
  return { year: part('year'), month: part('month'), day: part('day') };
}

/** Whether the birthday has come this year by `today` (29 February counts from 1 March in other years). */
const hasCome = (birthday: Birthday, today: Birthday) =>
  birthday.month < today.month || (birthday.month === today.month && birthday.day <= today.day);

/** `months` calendar months before `now`, the day clamped to the month's end (31 March − 1 month: 28/29 February). */
export function monthsBefore(now: Date, months: number): Date {
  const then = new Date(now);
  const day = then.getUTCDate();
  then.setUTCDate(1);
  then.setUTCMonth(then.getUTCMonth() - months);
  const last = new Date(Date.UTC(then.getUTCFullYear(), then.getUTCMonth() + 1, 0)).getUTCDate();
  then.setUTCDate(Math.min(day, last));
  return then;
}

/**
 * The signup points, for a signed customer seen for the first time: only a new member
 * is welcomed (a member an order made earlier, or one from before the rule, is not), and
 * of two first requests at once one does it. Without a `signup` rule nobody is created.
 */
export async function welcomeMember(storage: Storage, shop: Shop, customerId: string): Promise<void> {
  if (await storage.loyalty.member(shop.id, customerId)) return;
  const way = wayOf((await storage.loyalty.setup(shop.id)).waysToEarn, 'signup');
  if (!way || way.points <= 0) return;
  await storage.loyalty.join(shop.id, customerId, 'signup', way.points, entry(way.label));
}

/** What a review earns by the shop's `review` rule: its points, and its photo bonus when it has photos. */
export function reviewPoints(waysToEarn: WayToEarn[], photoCount: number): number {
  const way = wayOf(waysToEarn, 'review');
  if (!way) return 0;
  return way.points + (photoCount > 0 ? (way.photoBonus ?? 0) : 0);
}

/**
 * Settles a review's points to what it earns now: its rule's points while it is
 * published, nothing once it is not (a rejection takes them back). Only the signed
 * customer stored with the review earns; a guest's review earns nothing.
 */
export async function settleReviewPoints(
  storage: Storage,
  shop: Shop,
  review: { id: string; customerId?: string; photos: readonly unknown[] },
  published: boolean,
): Promise<void> {
  if (!review.customerId) return;
  const key = `review:${review.id}`;
  const { waysToEarn } = await storage.loyalty.setup(shop.id);
  const target = published ? reviewPoints(waysToEarn, review.photos.length) : 0;
  // Nothing to give and nothing given before: no member is made for it.
  if (target === 0 && !(await storage.loyalty.settled(shop.id, review.customerId, key))) return;
  const label = wayOf(waysToEarn, 'review')?.label ?? 'Review';
  await storage.loyalty.settle(shop.id, review.customerId, key, target, entry(label, `${label}: the review was taken down`));
}

/** This year's birthday points for one member, if their birthday has come and they have not had them. */
export async function awardBirthday(storage: Storage, shop: Shop, member: MemberRecord, now: Date): Promise<number> {
  const today = shopDate(shop, now);
  if (!member.birthday || !hasCome(member.birthday, today)) return 0;
  const way = wayOf((await storage.loyalty.setup(shop.id)).waysToEarn, 'birthday');
  if (!way || way.points <= 0) return 0;
  const key = `birthday:${today.year}`;
  // A read first: the member's every page view asks, and only one a year writes.
  if (await storage.loyalty.settled(shop.id, member.customerId, key)) return 0;
  return (await storage.loyalty.settle(shop.id, member.customerId, key, way.points, entry(way.label))).applied;
}

export type BirthdayOutcome = { ok: true; member: MemberRecord; awarded: number } | { ok: false; kept: Birthday };

/**
 * Keeps the member's birthday (month and day; the year only checked 29 February) and
 * awards this year's points if it has passed. Given once: the same date again is a
 * harmless repeat, another date is refused (`ok: false`), so nobody moves it to earn twice.
 */
export async function setBirthday(
  deps: Sweeping,
  shop: Shop,
  customerId: string,
  input: BirthdayInput,
  now: Date,
): Promise<BirthdayOutcome> {
  await welcomeMember(deps.storage, shop, customerId);
  const asked = { month: input.month, day: input.day };
  const { member, set } = await deps.storage.loyalty.setBirthday(shop.id, customerId, asked, referralCode());
  const kept = member.birthday!;
  if (!set && (kept.month !== asked.month || kept.day !== asked.day)) return { ok: false, kept };
  return { ok: true, member, awarded: await awardBirthday(deps.storage, shop, member, now) };
}

/** The periodic sweep: this year's birthday points for every member whose birthday has come. Returns how many got them. */
export async function awardBirthdays(deps: Sweeping, shop: Shop, now: Date): Promise<number> {
  const way = wayOf((await deps.storage.loyalty.setup(shop.id)).waysToEarn, 'birthday');
  if (!way || way.points <= 0) return 0;
  const today = shopDate(shop, now);
  const key = `birthday:${today.year}`;
  let awarded = 0;
  for (let after: string | undefined; ;) {
    const due = await deps.storage.loyalty.birthdaysDue(shop.id, today, key, { after, limit: SWEEP_PAGE });
    for (const customerId of due) {
      if ((await deps.storage.loyalty.settle(shop.id, customerId, key, way.points, entry(way.label))).applied > 0) awarded++;
    }
    if (due.length < SWEEP_PAGE) return awarded;
    after = due.at(-1);
  }
}

/**
 * The periodic sweep: members without activity (points earned, taken or spent) for the
 * shop's `pointsExpireAfterMonths` lose their balance, once per stretch of inactivity.
 * Returns how many members' points expired; nothing when the shop does not expire points.
 */
export async function expireInactivePoints(deps: Sweeping, shop: Shop, now: Date): Promise<number> {
  const months = shop.settings.pointsExpireAfterMonths;
  if (!months) return 0;
  const rule = {
    inactiveBefore: monthsBefore(now, months).toISOString(),
    key: (lastActivityAt: string) => `expire:${lastActivityAt}`,
    label: `Points expired after ${months} months without activity`,
  };
  let expired = 0;
  for (let after: string | undefined; ;) {
    const inactive = await deps.storage.loyalty.inactiveMembers(shop.id, rule.inactiveBefore, { after, limit: SWEEP_PAGE });
    for (const customerId of inactive) {
      if ((await deps.storage.loyalty.expire(shop.id, customerId, rule)).expired > 0) expired++;
    }
    if (inactive.length < SWEEP_PAGE) return expired;
    after = inactive.at(-1);
  }
}

/** How often the server sweeps birthdays and expiries: both are by the day, so hourly is prompt enough. */
export const EARNING_SWEEP_EVERY_MS = 3600_000;
/** The first sweep waits a little after start, out of the way of start-up. */
const FIRST_SWEEP_AFTER_MS = 60_000;

/**
 * Runs both sweeps for the given shops every `everyMs`, until `stop()`. Timers are unref'd so
 * they never keep a process alive; a failing sweep is logged and tried again next time.
 * Several instances may sweep at once: every step is idempotent.
 */
export function startEarningSweeps(
  deps: Sweeping & Pick<Deps, 'config'>,
  shopIds: readonly number[],
  everyMs = EARNING_SWEEP_EVERY_MS,
): { stop(): Promise<void> } {
  let running: Promise<void> | undefined;
  const sweep = () => {
    // One sweep at a time in this process: a slow one is not overtaken by the next.
    running ??= (async () => {
      for (const id of shopIds) {
        try {
          const shop = await deps.storage.shops.byId(id);
          if (!shop) continue;
          const now = new Date();
          await awardBirthdays(deps, shop, now);
          await expireInactivePoints(deps, shop, now);
        } catch (error) {
          deps.config.log(`Shopfront: the loyalty sweep for shop ${id} failed: ${(error as Error).message}`);
        }
      }
    })().finally(() => (running = undefined));
  };
  const first = setTimeout(sweep, Math.min(FIRST_SWEEP_AFTER_MS, everyMs)).unref();
  const every = setInterval(sweep, everyMs).unref();
  return {
    /** Stops the timers and waits for a sweep under way, so storage is not closed beneath it. */
    async stop() {
      clearTimeout(first);
      clearInterval(every);
      await running;
    },
  };
}

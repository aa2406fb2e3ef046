/** The loyalty programme: tiers, ways to earn and rewards; members, their points, history and redemptions. */
import type { Birthday, LoyaltyActivity, Redemption, Reward, Tier, WayToEarn } from '@shopfront/core/schemas.js';
import type { DiscountRecord } from './discounts.js';
import type { DataSubject } from './subject.js';

export interface LoyaltySetup {
  tiers: Tier[];
  waysToEarn: WayToEarn[];
  rewards: Reward[];
}

export interface MemberRecord {
  customerId: string;
  firstName?: string;
  points: number;
  lifetimePoints: number;
  referralCode: string;
  /** Set once by the member; month and day only. */
  birthday?: Birthday;
}

export interface PointsChange {
  kind: LoyaltyActivity['kind'];
  label: string;
  /** Kept on the member when given. */
  firstName?: string;
  /** The referral code of the member this change creates (unused when the member exists). */
  referralCode: string;
  /**
   * The points to add (negative: to take), a whole number, given the balance they apply to.
   * Called under the member's lock, so the rule that decides sees the balance no other change
   * can alter meanwhile; if it throws, nothing changes.
   */
  points(balance: number): number;
}

/** What `settle` records about a change it makes. */
export interface SettleEntry {
  /** The history's words for an award (`earn`) and for a take-back (`adjust`). */
  labels: { earn: string; takeBack: string };
  referralCode: string;
}

export interface Settled {
  member: MemberRecord;
  /** The change made now (0 for a repeat). */
  applied: number;
  /** What could not be taken back because the balance was too low, over the key's life. */
  shortfall: number;
}

export interface RedemptionRequest {
  rewardId: string;
  code: string;
  createdAt: string;
  expiresAt: string;
}

export type RedeemResult = { ok: true; redemption: Redemption } | { ok: false; reason: 'unknown-reward' | 'insufficient-points' };

export type CodeUse = 'used' | 'unknown' | 'already-used';

/** A page of a sweep over a shop's members, in customer id order: those after `after`, at most `limit`. */
export interface MemberPage {
  after?: string;
  limit: number;
}

/** What `expire` needs to decide, under the member's lock, that their points lapse. */
export interface ExpiryRule {
  /** Only a member whose latest activity (an expiry aside) is before this instant loses points. */
  inactiveBefore: string;
  /** The ledger key for that latest activity, so one stretch of inactivity expires once. */
  key(lastActivityAt: string): string;
  label: string;
}

/** What a key (an order, a referral, a birthday year) has given a member so far. */
export interface LedgerEntry {
  key: string;
  net: number;
  shortfall: number;
  updatedAt: string;
}

/** Everything the programme keeps about one member, for their data export. */
export interface MemberExport {
  member?: MemberRecord;
  /** Oldest first. */
  activity: LoyaltyActivity[];
  /** Their redemptions and the codes they gave, oldest first. */
  redemptions: DiscountRecord[];
  ledger: LedgerEntry[];
}

export interface MemberErasure {
  members: number;
  activity: number;
  redemptions: number;
  ledger: number;
}

export interface LoyaltyStorage {
  setup(shopId: number): Promise<LoyaltySetup>;
  /** Replaces tiers, ways to earn and rewards, each in the order given. */
  replaceSetup(shopId: number, setup: LoyaltySetup): Promise<void>;
  member(shopId: number, customerId: string): Promise<MemberRecord | undefined>;
  /** The member whose referral link carries this code. */
  memberByReferralCode(shopId: number, code: string): Promise<MemberRecord | undefined>;
  /**
   * Applies a change of points, creating the member first if needed, with a history entry
   * unless nothing changed. `applied` is what `change.points` decided.
   */
  adjustPoints(shopId: number, customerId: string, change: PointsChange): Promise<{ member: MemberRecord; applied: number }>;
  /**
   * Brings what `key` (an order's earnings, say) has given the member to `target`, as one
   * step under the member's lock: the first call awards, a later one with a lower target
   * takes back the difference, a repeat changes nothing. The balance never goes below
   * zero; what could not be taken is added to the key's shortfall, and not taken later.
   * Lifetime points follow (a refunded order does not count towards a tier).
   */
  settle(shopId: number, customerId: string, key: string, target: number, entry: SettleEntry): Promise<Settled>;
  /**
   * Creates the member and settles `key` to `target` as one step, but only when the member is new:
   * an existing member is left as they are (`created: false`), so of two first requests one welcomes.
   */
  join(
    shopId: number,
    customerId: string,
    key: string,
    target: number,
    entry: SettleEntry,
  ): Promise<{ member: MemberRecord; created: boolean }>;
  /** What `key` has given the member so far, if it was ever settled. */
  settled(shopId: number, customerId: string, key: string): Promise<{ net: number; shortfall: number } | undefined>;
  /**
   * Keeps the member's birthday if they have none yet (creating the member); a stored one is never
   * replaced. `member.birthday` is the one kept, `set` whether this call stored it.
   */
  setBirthday(
    shopId: number,
    customerId: string,
    birthday: Birthday,
    referralCode: string,
  ): Promise<{ member: MemberRecord; set: boolean }>;
  /** Members whose birthday falls on or before `onOrBefore` in the year, and who have no `key` settled yet. */
  birthdaysDue(shopId: number, onOrBefore: Birthday, key: string, page: MemberPage): Promise<string[]>;
  /** Members with points whose latest activity (an expiry aside) is before `before`. */
  inactiveMembers(shopId: number, before: string, page: MemberPage): Promise<string[]>;
  /**
   * Takes the member's whole balance as an `expire` entry, under their lock, if they are still
   * inactive by `rule` and its key was not used yet; `expired` is what was taken (0 otherwise).
   * Lifetime points stay: an expiry does not lower the tier.
   */
  expire(shopId: number, customerId: string, rule: ExpiryRule): Promise<{ expired: number }>;
  /**
   * Pays the reward's cost and stores its code as one step: the balance check and the debit
   * cannot be split, so two redemptions never spend the same points.
   */
  redeem(shopId: number, customerId: string, request: RedemptionRequest): Promise<RedeemResult>;
  /** Newest first. */
  activity(shopId: number, customerId: string, limit: number): Promise<LoyaltyActivity[]>;
  /** Marks a discount code used, once. */
  useCode(shopId: number, code: string): Promise<CodeUse>;
  /** The member with the subject's customer id (members carry no email: none without an id), in one snapshot. */
  exportCustomer(shopId: number, subject: DataSubject): Promise<MemberExport>;
  /**
   * Deletes that member, their history, ledger and redemptions (codes used or not) as one step,
   * under the member's lock, so no change of points lands half-way; how many of each.
   */
  eraseCustomer(shopId: number, subject: DataSubject): Promise<MemberErasure>;
}

/**
 * What `settle` changes: from what the key gave so far (`net`, 0 the first time) to `target`,
 * taking no more than the balance holds; the rest is shortfall, never taken later.
 */
export function settlement(ledger: { net: number; shortfall: number } | undefined, balance: number, target: number) {
  const wanted = target - (ledger?.net ?? 0);
  // `|| 0`: nothing to take from an empty balance is 0, not -0.
  const applied = Math.max(wanted, -balance) || 0;
  return { applied, shortfall: (ledger?.shortfall ?? 0) + (applied - wanted) };
}

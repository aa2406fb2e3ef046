/**
 * The discount codes redemptions made (the `redemptions` rows the loyalty area
 * writes when a member spends points), as the shop's checkout needs them: a list
 * to import, and the undoing of a code the checkout could not be given.
 */

export interface DiscountRecord {
  /** The redemption's id. */
  id: string;
  code: string;
  customerId: string;
  rewardId: string;
  /** The points the code cost. */
  cost: number;
  createdAt: string;
  expiresAt?: string;
  usedAt?: string;
}

export interface DiscountStorage {
  /** The shop's codes, newest first. */
  list(shopId: number, limit: number): Promise<DiscountRecord[]>;
  /**
   * Undoes a redemption whose code the shop's checkout could not create, as one step: its
   * points go back to the member (a history entry `adjust` with `label`) and the code is
   * removed. False when there is nothing to undo (done before, or the code was used).
   */
  revoke(shopId: number, redemptionId: string, label: string, at: string): Promise<boolean>;
}

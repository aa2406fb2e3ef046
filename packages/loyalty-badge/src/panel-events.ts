import type { Redemption, Reward } from '@shopfront/core';

/** A reward was redeemed: `redemption.code` is the discount code, `redemption.points` the balance after. */
export class SfRewardRedeemEvent extends Event {
  static readonly type = 'sf-reward-redeem';
  constructor(
    readonly reward: Reward,
    readonly redemption: Redemption,
  ) {
    super(SfRewardRedeemEvent.type, { bubbles: true, composed: true });
  }
}

/** A guest chose to join (`signup`) or sign in (`login`). Cancel it to open your own form instead of following `url`. */
export class SfLoyaltyJoinEvent extends Event {
  static readonly type = 'sf-loyalty-join';
  constructor(
    readonly action: 'signup' | 'login',
    readonly url: string,
  ) {
    super(SfLoyaltyJoinEvent.type, { bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'sf-reward-redeem': SfRewardRedeemEvent;
    'sf-loyalty-join': SfLoyaltyJoinEvent;
  }
}

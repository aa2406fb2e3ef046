export { SfLoyaltyBadge, openLoyalty } from './loyalty-badge.js';
export { SfLoyaltyCloseEvent, SfLoyaltyOpenEvent } from './events.js';
export { SfLoyaltyJoinEvent, SfRewardRedeemEvent } from './panel-events.js';
export type { LoyaltyPage } from './events.js';
export { LoyaltySnapshot } from './snapshot.js';
export type { Member } from './snapshot.js';

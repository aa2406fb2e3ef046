export { SfRecentlyViewed } from './recently-viewed.js';
export { SfRecentlyViewedClickEvent, SfRecentlyViewedClearEvent } from './events.js';
export { HistoryController } from './history-controller.js';
// Moved to core, where any carousel can use it; exported here too for code written against this package.
export { ScrollPagerController } from '@shopfront/core';
export { applyFetched, hydrate } from './hydrate.js';
export { copyAddToCart } from './add-to-cart.js';
export { addView, clearHistory, HISTORY_KEY, parseHistory, recent, recordView, staleIds, toView, updateHistory } from './history.js';
export type { HistoryLimits, ViewedProduct } from './history.js';
export { messages as recentlyViewedMessages } from './messages.js';
export type { RecentlyViewedMessages } from './messages.js';

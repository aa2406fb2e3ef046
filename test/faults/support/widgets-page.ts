/**
 * A shop page with all six widgets, loaded in a same-origin iframe by the fault
 * suites (test/faults/widgets.ts `openShopPage`). Its own copy of every module,
 * so its own `store`: a fault the test installed on this window's IndexedDB
 * before this module ran (a classic script in the frame runs first) meets a
 * store that has not opened yet, as on a real page load.
 */
import { configure, store, type Customer } from '@shopfront/core';
import { RestAdapter } from '@shopfront/adapter-rest';
import '@shopfront/chat-launcher/define.js';
import '@shopfront/faq-search/define.js';
import '@shopfront/loyalty-badge/define.js';
import '@shopfront/recently-viewed/define.js';
import '@shopfront/review-feed/define.js';
import '@shopfront/star-rating/define.js';
import { product, seedHistory } from '../../../packages/recently-viewed/test/helpers.js';

export interface ShopPageSetup {
  endpoint: string;
  shop: string;
  customer: Customer;
}

export interface ShopPage {
  store: typeof store;
  /** Adds one set of the six widgets to the page (a viewed history first, so the carousel has cards) and returns its container. */
  mountWidgets: () => Promise<HTMLElement>;
}

const { endpoint, shop, customer } = (parent as unknown as { shopPageSetup: ShopPageSetup }).shopPageSetup;
configure({ adapter: new RestAdapter({ endpoint, shop, customer }), customer, currency: 'EUR' });

const page: ShopPage = {
  store,
  async mountWidgets() {
    // Viewed long ago, so the carousel asks the server for both products again (through the store's cache).
    await seedHistory([product(1, { id: 'prod-1' }), product(2, { id: 'prod-2' })], { fetchedAgo: 30 * 86_400_000 });
    const container = document.createElement('div');
    container.innerHTML = `
      <sf-star-rating product-id="prod-1"></sf-star-rating>
      <sf-review-feed product-id="prod-1"></sf-review-feed>
      <sf-loyalty-badge placement="inline"></sf-loyalty-badge>
      <sf-faq-search></sf-faq-search>
      <sf-recently-viewed></sf-recently-viewed>
      <sf-chat-launcher></sf-chat-launcher>`;
    document.body.append(container);
    return container;
  },
};
(window as unknown as { shopPage: ShopPage }).shopPage = page;

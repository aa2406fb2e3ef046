/**
 * Registers the RestAdapter as `rest`, the adapter `configure({ endpoint, shop })`
 * builds. The loader imports this; npm users may too.
 */
import { registerAdapter } from '@shopfront/core';
import { RestAdapter } from './rest-adapter.js';

registerAdapter('rest', (settings) => {
  if (!settings.endpoint || !settings.shop) throw new Error('the rest adapter needs both `endpoint` and `shop`');
  return new RestAdapter({ endpoint: settings.endpoint, shop: settings.shop, customer: settings.customer });
});

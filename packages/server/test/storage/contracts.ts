/**
 * The storage contract: what every implementation of `Storage` guarantees, one
 * suite per area, written against the interface only. `storage.node.test.ts`
 * runs it on the database the tests are configured for.
 */
import { describe } from 'node:test';
import { agentsContract } from './agents.contract.js';
import { catalogueContract } from './catalogue.contract.js';
import { chatContract } from './chat.contract.js';
import { discountsContract } from './discounts.contract.js';
import { emailContract } from './email.contract.js';
import type { OpenStorage } from './fixtures.js';
import { limitsContract } from './limits.contract.js';
import { loyaltyContract } from './loyalty.contract.js';
import { ordersContract } from './orders.contract.js';
import { reviewsContract } from './reviews.contract.js';
import { shopifyContract } from './shopify.contract.js';
import { shopsContract } from './shops.contract.js';
import { teamContract } from './team.contract.js';

export type { OpenStorage } from './fixtures.js';

export function storageContract(name: string, open: OpenStorage): void {
  describe(`storage contract (${name})`, () => {
    shopsContract(open);
    catalogueContract(open);
    reviewsContract(open);
    loyaltyContract(open);
    ordersContract(open);
    discountsContract(open);
    chatContract(open);
    agentsContract(open);
    teamContract(open);
    limitsContract(open);
    shopifyContract(open);
    emailContract(open);
  });
}

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { newShop, useStorage, type OpenStorage } from './fixtures.js';

export function shopifyContract(open: OpenStorage): void {
  describe('shopify', () => {
    const storage = useStorage(open);

    it('keeps one installation per shop, replaced by a reinstall, forgotten on uninstall', async () => {
      const shop = await newShop(storage());
      const domain = `store-${shop.id}.myshopify.com`;
      assert.equal(await storage().shopify.installation(shop.id), undefined);
      const first = {
        shopId: shop.id,
        domain,
        accessToken: 'shpat_first',
        scopes: ['write_discounts', 'read_orders'],
        installedAt: '2026-12-01T10:00:00.000Z',
      };
      await storage().shopify.install(first);
      assert.deepEqual(await storage().shopify.installation(shop.id), first);
      const again = { ...first, accessToken: 'shpat_second', scopes: ['write_discounts'], installedAt: '2026-12-02T10:00:00.000Z' };
      await storage().shopify.install(again);
      assert.deepEqual(await storage().shopify.installation(shop.id), again);
      assert.equal(await storage().shopify.uninstall(shop.id), true);
      assert.equal(await storage().shopify.uninstall(shop.id), false);
      assert.equal(await storage().shopify.installation(shop.id), undefined);
    });
  });
}

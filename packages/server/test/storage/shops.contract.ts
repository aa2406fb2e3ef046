import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SETTINGS, newShop, useStorage, type OpenStorage } from './fixtures.js';

export function shopsContract(open: OpenStorage): void {
  describe('shops', () => {
    const storage = useStorage(open);

    it('finds a new shop by key and by id, with its settings as given', async () => {
      const settings = {
        ...SETTINGS,
        autoPublishAt: null,
        businessHours: { timeZone: 'Europe/Paris', hours: [{ day: 1, opens: '09:00', closes: '17:00' }] },
        replyMinutes: 5,
        program: { name: 'Club', pointsName: 'stars', signupUrl: '/join' },
      };
      const { shop, created } = await storage().shops.upsert({
        key: 'pk_contract',
        secret: 'contract-secret-0123',
        name: 'Contract',
        settings,
      });
      assert.equal(created, true);
      assert.deepEqual(await storage().shops.byKey('pk_contract'), shop);
      assert.deepEqual(await storage().shops.byId(shop.id), shop);
      assert.deepEqual(shop.settings, settings);
      assert.deepEqual([shop.key, shop.secret, shop.name], ['pk_contract', 'contract-secret-0123', 'Contract']);
    });

    it('updates a shop with the same key in place', async () => {
      const first = await newShop(storage());
      const { shop, created } = await storage().shops.upsert({
        key: first.key,
        secret: 'a-new-secret-456789',
        name: 'Renamed',
        settings: { ...SETTINGS, currency: 'USD' },
      });
      assert.equal(created, false);
      assert.equal(shop.id, first.id);
      assert.deepEqual([shop.name, shop.secret, shop.settings.currency], ['Renamed', 'a-new-secret-456789', 'USD']);
      assert.deepEqual(await storage().shops.byId(first.id), shop);
    });

    it('knows no shop it was not given', async () => {
      assert.equal(await storage().shops.byKey('pk_nobody'), undefined);
      assert.equal(await storage().shops.byId(987654), undefined);
    });
  });
}

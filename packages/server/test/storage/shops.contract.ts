import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SETTINGS, newShop, product, review, useStorage, type OpenStorage } from './fixtures.js';

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

    it('erases a shop with all it holds, naming its review photos, and only that shop', async () => {
      const leaving = await newShop(storage());
      const staying = await newShop(storage());
      for (const shop of [leaving, staying]) {
        await storage().catalogue.replaceProducts(shop.id, [product('p1')]);
        await storage().reviews.insert(shop.id, [
          review('p1', { photos: [{ url: `/media/r/${shop.id}.webp`, thumbnailUrl: `/media/r/${shop.id}-t.webp`, alt: '' }] }),
        ]);
      }
      const files = await storage().shops.erase(leaving.id);
      assert.deepEqual(files, { reviewPhotos: [`/media/r/${leaving.id}.webp`, `/media/r/${leaving.id}-t.webp`], attachments: [] });
      assert.equal(await storage().shops.byId(leaving.id), undefined);
      assert.equal((await storage().reviews.summary(leaving.id, 'p1')).count, 0);
      assert.equal((await storage().reviews.summary(staying.id, 'p1')).count, 1);
      assert.equal(await storage().shops.erase(leaving.id), undefined, 'erasing again finds nothing');
    });

    it('knows no shop it was not given', async () => {
      assert.equal(await storage().shops.byKey('pk_nobody'), undefined);
      assert.equal(await storage().shops.byId(987654), undefined);
    });
  });
}

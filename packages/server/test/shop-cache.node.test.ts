/** Shops are read from storage once, then from memory until a config is applied. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ShopCache } from '../src/shop-cache.js';
import type { Shop, ShopStorage } from '../src/storage/index.js';

/** Shop storage that counts its lookups; `release` lets a slow one finish when the test says. */
function countingStorage() {
  const shops = new Map<string, Shop>();
  let lookups = 0;
  let gate: Promise<void> | undefined;
  const storage: ShopStorage = {
    async byKey(key) {
      lookups++;
      const shop = shops.get(key);
      await gate;
      return shop && structuredClone(shop);
    },
    byId: async () => undefined,
    upsert: async () => {
      throw new Error('not used');
    },
    erase: async () => {
      throw new Error('not used');
    },
  };
  const put = (key: string, origins: string[]) =>
    shops.set(key, {
      id: shops.size + 1,
      key,
      secret: 'x'.repeat(16),
      name: key,
      settings: { origins, currency: 'EUR', autoPublishAt: 4 },
    });
  return {
    storage,
    put,
    lookups: () => lookups,
    hold(): () => void {
      let release!: () => void;
      gate = new Promise((resolve) => (release = resolve));
      return () => {
        gate = undefined;
        release();
      };
    },
  };
}

describe('ShopCache', () => {
  it('asks storage once per shop, then answers from memory', async () => {
    const backing = countingStorage();
    backing.put('pk_a', ['https://a.example']);
    const cache = new ShopCache(backing.storage);
    assert.equal((await cache.byKey('pk_a'))?.key, 'pk_a');
    assert.equal((await cache.byKey('pk_a'))?.key, 'pk_a');
    assert.equal(backing.lookups(), 1);
  });

  it('reads the shop again after an invalidation (a config was applied)', async () => {
    const backing = countingStorage();
    backing.put('pk_a', ['https://a.example']);
    const cache = new ShopCache(backing.storage);
    await cache.byKey('pk_a');
    backing.put('pk_a', ['https://b.example']);
    assert.deepEqual((await cache.byKey('pk_a'))?.settings.origins, ['https://a.example']);
    cache.invalidate();
    assert.deepEqual((await cache.byKey('pk_a'))?.settings.origins, ['https://b.example']);
  });

  it('does not remember an unknown key, which the next config may create', async () => {
    const backing = countingStorage();
    const cache = new ShopCache(backing.storage);
    assert.equal(await cache.byKey('pk_new'), undefined);
    backing.put('pk_new', []);
    assert.equal((await cache.byKey('pk_new'))?.key, 'pk_new');
  });

  it('does not keep a shop read before an invalidation that landed while it was read', async () => {
    const backing = countingStorage();
    backing.put('pk_a', ['https://old.example']);
    const cache = new ShopCache(backing.storage);
    const release = backing.hold();
    const reading = cache.byKey('pk_a');
    cache.invalidate();
    backing.put('pk_a', ['https://new.example']);
    release();
    assert.deepEqual((await reading)?.settings.origins, ['https://old.example']);
    assert.deepEqual((await cache.byKey('pk_a'))?.settings.origins, ['https://new.example']);
  });

  it('holds at most its limit, dropping the shop kept longest', async () => {
    const backing = countingStorage();
    for (const key of ['pk_1', 'pk_2', 'pk_3']) backing.put(key, []);
    const cache = new ShopCache(backing.storage, 2);
    for (const key of ['pk_1', 'pk_2', 'pk_3']) await cache.byKey(key);
    assert.equal(backing.lookups(), 3);
    await cache.byKey('pk_3');
    await cache.byKey('pk_2');
    assert.equal(backing.lookups(), 3);
    await cache.byKey('pk_1');
    assert.equal(backing.lookups(), 4);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FaqEntry } from '@shopfront/core/schemas.js';
import { newShop, product, useStorage, type OpenStorage } from './fixtures.js';

const faqEntry = (id: string): FaqEntry => ({
  id,
  question: `Question ${id}?`,
  answer: `Answer ${id}.`,
  category: 'Shipping',
  tags: ['post'],
});

export function catalogueContract(open: OpenStorage): void {
  describe('catalogue', () => {
    const storage = useStorage(open);

    it('keeps products whole and in the order given', async () => {
      const shop = await newShop(storage());
      const products = [
        product('b', { image: { url: '/media/b.svg', alt: 'B', width: 10, height: 10 }, compareAtPrice: 12, description: 'Soft.' }),
        product('a', { available: false }),
        product('c'),
      ];
      await storage().catalogue.replaceProducts(shop.id, products);
      assert.deepEqual(await storage().catalogue.allProducts(shop.id), products);
      assert.deepEqual(await storage().catalogue.productByHandle(shop.id, 'handle-a'), products[1]);
      assert.equal(await storage().catalogue.productByHandle(shop.id, 'handle-z'), undefined);
    });

    it('answers products by id in the order asked for, leaving out ids it does not know', async () => {
      const shop = await newShop(storage());
      await storage().catalogue.replaceProducts(shop.id, [product('a'), product('b'), product('c')]);
      const found = await storage().catalogue.products(shop.id, ['c', 'missing', 'a']);
      assert.deepEqual(
        found.map((item) => item.id),
        ['c', 'a'],
      );
      assert.deepEqual(await storage().catalogue.products(shop.id, []), []);
    });

    it('replaces the whole catalogue, and keeps each shop to its own', async () => {
      const shop = await newShop(storage());
      const other = await newShop(storage());
      await storage().catalogue.replaceProducts(shop.id, [product('a'), product('b')]);
      await storage().catalogue.replaceProducts(other.id, [product('a', { title: 'Theirs' })]);
      await storage().catalogue.replaceProducts(shop.id, [product('c')]);
      assert.deepEqual(
        (await storage().catalogue.allProducts(shop.id)).map((item) => item.id),
        ['c'],
      );
      assert.deepEqual(await storage().catalogue.products(shop.id, ['a']), []);
      assert.equal((await storage().catalogue.products(other.id, ['a']))[0]?.title, 'Theirs');
    });

    it('keeps the FAQ in order, with a version that changes whenever the entries do', async () => {
      const shop = await newShop(storage());
      const other = await newShop(storage());
      const empty = await storage().catalogue.faq(shop.id);
      assert.deepEqual(empty.entries, []);
      const entries = [faqEntry('q2'), faqEntry('q1')];
      await storage().catalogue.replaceFaq(shop.id, entries);
      const first = await storage().catalogue.faq(shop.id);
      assert.deepEqual(first.entries, entries);
      assert.notEqual(first.version, empty.version);
      assert.equal((await storage().catalogue.faq(shop.id)).version, first.version, 'reading does not change the version');
      await storage().catalogue.replaceFaq(shop.id, [faqEntry('q3')]);
      const second = await storage().catalogue.faq(shop.id);
      assert.deepEqual(
        second.entries.map((entry) => entry.id),
        ['q3'],
      );
      assert.notEqual(second.version, first.version);
      await storage().catalogue.replaceFaq(other.id, [faqEntry('q3')]);
      assert.notEqual((await storage().catalogue.faq(other.id)).version, second.version, 'versions differ between shops');
    });
  });
}

import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import { newShop, useStorage, type OpenStorage } from './fixtures.js';

const email = () => `agent-${randomUUID().slice(0, 8)}@example.com`;
const inHours = (hours: number) => new Date(Date.now() + hours * 3600_000).toISOString();

export function agentsContract(open: OpenStorage): void {
  describe('agents', () => {
    const storage = useStorage(open);

    it('creates an agent, available automatically, found by id and by email in any case', async () => {
      const shop = await newShop(storage());
      const address = email();
      const agent = await storage().agents.upsert({ shopId: shop.id, email: address, name: 'Sam', passwordHash: 'hash-1' });
      assert.deepEqual(
        { ...agent, id: undefined },
        { id: undefined, shopId: shop.id, email: address, name: 'Sam', passwordHash: 'hash-1', availability: 'auto', role: 'agent' },
      );
      assert.deepEqual(await storage().agents.byId(agent.id), agent);
      assert.deepEqual(await storage().agents.byEmail(address.toUpperCase()), agent);
      assert.equal(await storage().agents.byEmail('nobody@example.com'), undefined);
      assert.equal(await storage().agents.byId(randomUUID()), undefined);
    });

    it('updates the agent with the same email, whatever its case, keeping its id and availability', async () => {
      const shop = await newShop(storage());
      const address = email();
      const agent = await storage().agents.upsert({ shopId: shop.id, email: address, name: 'Sam', passwordHash: 'hash-1' });
      await storage().agents.setAvailability(agent.id, 'away');
      const updated = await storage().agents.upsert({
        shopId: shop.id,
        email: address.toUpperCase(),
        name: 'Samantha',
        passwordHash: 'hash-2',
      });
      assert.equal(updated.id, agent.id);
      assert.deepEqual([updated.name, updated.passwordHash, updated.availability], ['Samantha', 'hash-2', 'away']);
    });

    it("lists a shop's agents, oldest first", async () => {
      const shop = await newShop(storage());
      const names = ['First', 'Second', 'Third'];
      for (const name of names) await storage().agents.upsert({ shopId: shop.id, email: email(), name, passwordHash: 'hash' });
      await storage().agents.upsert({ shopId: (await newShop(storage())).id, email: email(), name: 'Elsewhere', passwordHash: 'hash' });
      assert.deepEqual(
        (await storage().agents.list(shop.id)).map((agent) => agent.name),
        names,
      );
    });

    it('keeps availability', async () => {
      const shop = await newShop(storage());
      const agent = await storage().agents.upsert({ shopId: shop.id, email: email(), name: 'Sam', passwordHash: 'hash' });
      for (const availability of ['available', 'away', 'auto'] as const) {
        await storage().agents.setAvailability(agent.id, availability);
        assert.equal((await storage().agents.byId(agent.id))?.availability, availability);
      }
    });

    it('keeps a session until it expires or is deleted', async () => {
      const shop = await newShop(storage());
      const agent = await storage().agents.upsert({ shopId: shop.id, email: email(), name: 'Sam', passwordHash: 'hash' });
      const live = { agentId: agent.id, csrfToken: 'csrf-1', expiresAt: inHours(1) };
      await storage().agents.createSession('token-hash-live', live);
      await storage().agents.createSession('token-hash-expired', { agentId: agent.id, csrfToken: 'csrf-2', expiresAt: inHours(-1) });
      assert.deepEqual(await storage().agents.session('token-hash-live'), live);
      assert.equal(await storage().agents.session('token-hash-expired'), undefined);
      assert.equal(await storage().agents.session('token-hash-unknown'), undefined);
      await storage().agents.deleteSession('token-hash-live');
      assert.equal(await storage().agents.session('token-hash-live'), undefined);
    });

    it("keeps each shop's saved replies by title, changed and deleted only in their shop", async () => {
      const [shop, other] = [await newShop(storage()), await newShop(storage())];
      const author = await storage().agents.upsert({ shopId: shop.id, email: email(), name: 'Sam', passwordHash: 'x' });
      const agents = storage().agents;
      const late = await agents.saveReply(shop.id, { title: 'Zebra', body: 'Late {first_name}', authorId: author.id });
      await agents.saveReply(shop.id, { title: 'Apple', body: 'Early', authorId: author.id });
      assert.deepEqual(
        (await agents.savedReplies(shop.id)).map((reply) => reply.title),
        ['Apple', 'Zebra'],
      );
      assert.deepEqual(await agents.savedReplies(other.id), []);
      assert.equal(await agents.saveReply(other.id, { id: late!.id, title: 'Stolen', body: '', authorId: author.id }), undefined);
      const changed = await agents.saveReply(shop.id, { id: late!.id, title: 'Zebra', body: 'Changed', authorId: author.id });
      assert.deepEqual([changed?.body, changed?.authorId], ['Changed', author.id]);
      assert.equal(await agents.deleteReply(other.id, late!.id), false);
      assert.equal(await agents.deleteReply(shop.id, late!.id), true);
      assert.deepEqual(
        (await agents.savedReplies(shop.id)).map((reply) => reply.title),
        ['Apple'],
      );
    });
  });
}

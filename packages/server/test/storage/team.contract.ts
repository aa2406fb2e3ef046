import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import type { Role, Storage } from '../../src/storage/index.js';
import { newShop, useStorage, type OpenStorage } from './fixtures.js';

const email = () => `agent-${randomUUID().slice(0, 8)}@example.com`;
const inHours = (hours: number) => new Date(Date.now() + hours * 3600_000).toISOString();

async function member(storage: Storage, shopId: number, name: string, role: Role) {
  return storage.agents.upsert({ shopId, email: email(), name, passwordHash: 'hash', role });
}

export function teamContract(open: OpenStorage): void {
  describe('team: roles and invites', () => {
    const storage = useStorage(open);

    it('keeps a role, and an upsert without one keeps it', async () => {
      const shop = await newShop(storage());
      const admin = await member(storage(), shop.id, 'Ada', 'admin');
      assert.equal(admin.role, 'admin');
      const again = await storage().agents.upsert({ shopId: shop.id, email: admin.email, name: 'Ada L', passwordHash: 'hash-2' });
      assert.equal(again.role, 'admin');
    });

    it("changes a role within the shop, never the shop's last admin", async () => {
      const shop = await newShop(storage());
      const admin = await member(storage(), shop.id, 'Ada', 'admin');
      const agent = await member(storage(), shop.id, 'Kim', 'agent');
      assert.equal(await storage().agents.setRole(shop.id, admin.id, 'agent'), 'last-admin');
      assert.equal(await storage().agents.setRole(shop.id, agent.id, 'admin'), 'done');
      assert.equal(await storage().agents.setRole(shop.id, admin.id, 'agent'), 'done');
      assert.deepEqual(
        (await storage().agents.list(shop.id)).map(({ name, role }) => [name, role]),
        [
          ['Ada', 'agent'],
          ['Kim', 'admin'],
        ],
      );
      const elsewhere = await newShop(storage());
      assert.equal(await storage().agents.setRole(elsewhere.id, agent.id, 'agent'), 'not-found');
      assert.equal(await storage().agents.setRole(shop.id, randomUUID(), 'agent'), 'not-found');
    });

    it('removes an agent: its sessions end and its conversations are unassigned; never the last admin', async () => {
      const shop = await newShop(storage());
      const admin = await member(storage(), shop.id, 'Ada', 'admin');
      const agent = await member(storage(), shop.id, 'Kim', 'agent');
      const conversation = await storage().chat.createConversation(shop.id, { visitorId: 'visitor-1' });
      await storage().chat.assign(shop.id, conversation.id, agent.id);
      await storage().agents.createSession('kim-session', { agentId: agent.id, csrfToken: 'csrf', expiresAt: inHours(1) });

      assert.equal(await storage().agents.remove((await newShop(storage())).id, agent.id), 'not-found');
      assert.equal(await storage().agents.remove(shop.id, agent.id), 'done');
      assert.equal(await storage().agents.byId(agent.id), undefined);
      assert.equal(await storage().agents.session('kim-session'), undefined);
      assert.equal((await storage().chat.conversation(shop.id, conversation.id))?.assigneeId, undefined);
      assert.equal(await storage().agents.remove(shop.id, agent.id), 'not-found');
      assert.equal(await storage().agents.remove(shop.id, admin.id), 'last-admin');
    });

    it('keeps invites per shop, newest first, one per address in any case', async () => {
      const shop = await newShop(storage());
      const admin = await member(storage(), shop.id, 'Ada', 'admin');
      const first = await storage().agents.invite({
        shopId: shop.id,
        email: 'kim@example.com',
        name: 'Kim',
        role: 'agent',
        invitedBy: admin.id,
        expiresAt: inHours(72),
      });
      assert.deepEqual(
        { ...first, id: undefined, createdAt: undefined },
        {
          id: undefined,
          createdAt: undefined,
          shopId: shop.id,
          email: 'kim@example.com',
          name: 'Kim',
          role: 'agent',
          invitedBy: admin.id,
          expiresAt: first.expiresAt,
        },
      );
      const again = await storage().agents.invite({
        shopId: shop.id,
        email: 'KIM@example.com',
        name: 'Kim K',
        role: 'admin',
        invitedBy: admin.id,
        expiresAt: inHours(72),
      });
      assert.notEqual(again.id, first.id, 'inviting again makes a new invite, so the old link stops working');
      assert.equal(await storage().agents.inviteById(first.id), undefined);
      const other = await storage().agents.invite({
        shopId: shop.id,
        email: 'lee@example.com',
        name: 'Lee',
        role: 'agent',
        invitedBy: admin.id,
        expiresAt: inHours(72),
      });
      assert.deepEqual(
        (await storage().agents.invites(shop.id)).map((invite) => invite.name),
        ['Lee', 'Kim K'],
      );
      assert.deepEqual(await storage().agents.inviteById(other.id), other);
      assert.equal(await storage().agents.revokeInvite((await newShop(storage())).id, other.id), false);
      assert.equal(await storage().agents.revokeInvite(shop.id, other.id), true);
      assert.equal(await storage().agents.revokeInvite(shop.id, other.id), false);
      assert.deepEqual(
        (await storage().agents.invites(shop.id)).map((invite) => invite.name),
        ['Kim K'],
      );
    });

    it('takes up an invite once, as the invited role; not after it expired, nor for an address that has an agent', async () => {
      const shop = await newShop(storage());
      const admin = await member(storage(), shop.id, 'Ada', 'admin');
      const address = email();
      const invite = await storage().agents.invite({
        shopId: shop.id,
        email: address,
        name: 'Kim',
        role: 'admin',
        invitedBy: admin.id,
        expiresAt: inHours(1),
      });
      const agent = await storage().agents.acceptInvite(invite.id, { name: 'Kim Lee', passwordHash: 'kim-hash' });
      assert.ok(typeof agent === 'object');
      assert.deepEqual(
        { ...agent, id: undefined },
        { id: undefined, shopId: shop.id, email: address, name: 'Kim Lee', passwordHash: 'kim-hash', availability: 'auto', role: 'admin' },
      );
      assert.deepEqual(await storage().agents.byEmail(address), agent);
      assert.equal(await storage().agents.acceptInvite(invite.id, { name: 'Kim', passwordHash: 'other' }), 'gone');
      assert.deepEqual(await storage().agents.invites(shop.id), []);

      const expired = await storage().agents.invite({
        shopId: shop.id,
        email: email(),
        name: 'Old',
        role: 'agent',
        invitedBy: admin.id,
        expiresAt: inHours(-1),
      });
      assert.equal(await storage().agents.acceptInvite(expired.id, { name: 'Old', passwordHash: 'hash' }), 'gone');

      // The address became an agent (of any shop) between the invite and its link being used.
      const later = email();
      const taken = await storage().agents.invite({
        shopId: shop.id,
        email: later,
        name: 'Lee',
        role: 'agent',
        invitedBy: admin.id,
        expiresAt: inHours(1),
      });
      const elsewhere = await newShop(storage());
      await storage().agents.upsert({ shopId: elsewhere.id, email: later.toUpperCase(), name: 'Lee', passwordHash: 'hash', role: 'admin' });
      assert.equal(await storage().agents.acceptInvite(taken.id, { name: 'Lee', passwordHash: 'hash' }), 'taken');
      assert.ok(await storage().agents.inviteById(taken.id), 'a refused invite stays for the admin to see');
    });
  });
}

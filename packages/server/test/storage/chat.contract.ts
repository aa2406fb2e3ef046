import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { setTimeout as pause } from 'node:timers/promises';
import { describe, it } from 'node:test';
import { InvalidInputError, type ConversationFilter, type NewMessage } from '../../src/storage/index.js';
import { newShop, useStorage, type OpenStorage } from './fixtures.js';

const fromVisitor = (body: string, extra: Partial<NewMessage> = {}): NewMessage => ({
  clientId: randomUUID(),
  author: 'visitor',
  body,
  ...extra,
});

/** An inbox list of conversations in this status, as of now, anyone's. */
const listing = (status: ConversationFilter['status'], assignee?: string | null): ConversationFilter => ({
  status,
  now: new Date().toISOString(),
  ...(assignee !== undefined ? { assignee } : {}),
});

export function chatContract(open: OpenStorage): void {
  describe('chat', () => {
    const storage = useStorage(open);

    async function conversationIn(shopId?: number) {
      const shop = shopId ?? (await newShop(storage())).id;
      return storage().chat.createConversation(shop, { visitorId: 'visitor-1' });
    }

    it('opens a conversation with who the visitor said they are, readable only in its shop', async () => {
      const shop = await newShop(storage());
      const conversation = await storage().chat.createConversation(shop.id, {
        visitorId: 'visitor-1',
        name: 'Ada',
        email: 'ada@example.com',
        customerId: 'cust-1',
        page: 'https://shop.example/products/a',
        viewed: ['prod-2', 'prod-1'],
      });
      assert.deepEqual(
        { ...conversation, id: undefined, createdAt: undefined, updatedAt: undefined },
        {
          id: undefined,
          createdAt: undefined,
          updatedAt: undefined,
          shopId: shop.id,
          status: 'open',
          visitorId: 'visitor-1',
          visitorName: 'Ada',
          visitorEmail: 'ada@example.com',
          customerId: 'cust-1',
          startPage: 'https://shop.example/products/a',
          currentPage: 'https://shop.example/products/a',
          viewedProductIds: ['prod-2', 'prod-1'],
          snoozedUntil: undefined,
          assigneeId: undefined,
          lastSeq: 0,
          agentReadSeq: 0,
        },
      );
      assert.deepEqual(await storage().chat.conversation(shop.id, conversation.id), conversation);
      assert.equal(await storage().chat.conversation((await newShop(storage())).id, conversation.id), undefined);
      const anonymous = await storage().chat.createConversation(shop.id, {});
      assert.deepEqual([anonymous.visitorId, anonymous.visitorName, anonymous.customerId], [undefined, undefined, undefined]);
      // Without consent the widget sends no list: nothing viewed is kept, which is not the same as an empty list.
      assert.deepEqual([anonymous.startPage, anonymous.viewedProductIds], [undefined, undefined]);
      assert.deepEqual((await storage().chat.createConversation(shop.id, { viewed: [] })).viewedProductIds, []);
    });

    it("follows the shopper's page: a visitor message's page is the current one, a message without one keeps it", async () => {
      const shop = await newShop(storage());
      const conversation = await storage().chat.createConversation(shop.id, { page: 'https://shop.example/a' });
      await storage().chat.appendMessage(conversation.id, fromVisitor('on b', { page: 'https://shop.example/b' }));
      const { conversation: after } = await storage().chat.appendMessage(conversation.id, fromVisitor('no page'));
      assert.deepEqual([after.startPage, after.currentPage], ['https://shop.example/a', 'https://shop.example/b']);
    });

    it("lists a subject's conversations by customer id or email (any case), newest first, in their shop only", async () => {
      const shop = await newShop(storage());
      const chat = storage().chat;
      const byId = await chat.createConversation(shop.id, { customerId: 'cust-9' });
      await pause(5);
      const byEmail = await chat.createConversation(shop.id, { email: 'Nina@Example.com' });
      await chat.createConversation(shop.id, { customerId: 'cust-10', email: 'other@example.com' });
      await chat.createConversation((await newShop(storage())).id, { customerId: 'cust-9' });
      await chat.appendMessage(byId.id, fromVisitor('latest'));
      const found = await chat.conversationsOf(shop.id, { customerId: 'cust-9', email: 'nina@example.com' }, 10);
      assert.deepEqual(
        found.map((conversation) => conversation.id),
        [byId.id, byEmail.id],
      );
      assert.deepEqual(
        (await chat.conversationsOf(shop.id, { email: 'NINA@example.com' }, 10)).map((conversation) => conversation.id),
        [byEmail.id],
      );
      assert.equal((await chat.conversationsOf(shop.id, { customerId: 'cust-9' }, 1)).length, 1);
    });

    it('numbers messages 1, 2, 3… and keeps them whole', async () => {
      const conversation = await conversationIn();
      const attachment = { url: '/media/a.png', name: 'a.png', type: 'image/png', size: 68 };
      const first = await storage().chat.appendMessage(conversation.id, fromVisitor('Hello', { attachment }));
      const second = await storage().chat.appendMessage(conversation.id, {
        clientId: randomUUID(),
        author: 'agent',
        authorName: 'Sam',
        avatarUrl: '/media/sam.png',
        body: 'Hi!',
      });
      assert.deepEqual([first.created, first.message.seq, second.created, second.message.seq], [true, 1, true, 2]);
      assert.equal(second.conversation.lastSeq, 2);
      assert.deepEqual(first.message.attachment, attachment);
      assert.deepEqual(
        [second.message.author, second.message.authorName, second.message.avatarUrl, second.message.conversationId],
        ['agent', 'Sam', '/media/sam.png', conversation.id],
      );
      assert.deepEqual(await storage().chat.messagesAfter(conversation.id, 0, 10), [first.message, second.message]);
    });

    it('stores a resent message once and answers with the first copy', async () => {
      const conversation = await conversationIn();
      const message = fromVisitor('Where is my order?');
      const first = await storage().chat.appendMessage(conversation.id, message);
      const again = await storage().chat.appendMessage(conversation.id, { ...message, body: 'A changed resend' });
      assert.equal(again.created, false);
      assert.deepEqual(again.message, first.message);
      assert.equal(again.conversation.lastSeq, 1);
      assert.equal((await storage().chat.messagesAfter(conversation.id, 0, 10)).length, 1);
    });

    it('gives concurrent sends distinct sequence numbers with no gap', async () => {
      const conversation = await conversationIn();
      const results = await Promise.all(
        Array.from({ length: 30 }, (_, index) => storage().chat.appendMessage(conversation.id, fromVisitor(`m${index}`))),
      );
      assert.deepEqual(
        results.map((result) => result.message.seq).sort((a, b) => a - b),
        Array.from({ length: 30 }, (_, index) => index + 1),
      );
      assert.equal((await storage().chat.conversation(conversation.shopId, conversation.id))?.lastSeq, 30);
    });

    it('stores one message when the same one is sent many times at once', async () => {
      const conversation = await conversationIn();
      const message = fromVisitor('Twice?');
      const results = await Promise.all(Array.from({ length: 10 }, () => storage().chat.appendMessage(conversation.id, message)));
      assert.equal(results.filter((result) => result.created).length, 1);
      assert.equal(new Set(results.map((result) => result.message.id)).size, 1);
      assert.deepEqual(
        (await storage().chat.messagesAfter(conversation.id, 0, 10)).map((stored) => stored.seq),
        [1],
      );
    });

    it('keys resends by conversation: the same client id in another conversation is another message', async () => {
      const shop = await newShop(storage());
      const [a, b] = [await conversationIn(shop.id), await conversationIn(shop.id)];
      const message = fromVisitor('Same id');
      assert.equal((await storage().chat.appendMessage(a.id, message)).created, true);
      assert.equal((await storage().chat.appendMessage(b.id, message)).created, true);
    });

    it('refuses a message for a conversation that does not exist', async () => {
      await assert.rejects(storage().chat.appendMessage(randomUUID(), fromVisitor('Anyone?')), (error: unknown) => {
        assert.ok(error instanceof InvalidInputError);
        assert.equal(error.field, 'conversationId');
        return true;
      });
    });

    it('reads history after a sequence number, a page at a time', async () => {
      const conversation = await conversationIn();
      for (let index = 1; index <= 5; index++) await storage().chat.appendMessage(conversation.id, fromVisitor(`m${index}`));
      const bodies = async (after: number, limit: number) =>
        (await storage().chat.messagesAfter(conversation.id, after, limit)).map((message) => message.body);
      assert.deepEqual(await bodies(0, 2), ['m1', 'm2']);
      assert.deepEqual(await bodies(2, 2), ['m3', 'm4']);
      assert.deepEqual(await bodies(4, 10), ['m5']);
      assert.deepEqual(await bodies(5, 10), []);
    });

    it('closes a conversation, and reopens it when a message comes', async () => {
      const conversation = await conversationIn();
      await storage().chat.appendMessage(conversation.id, fromVisitor('Hello'));
      const closed = await storage().chat.setStatus(conversation.shopId, conversation.id, 'closed');
      assert.equal(closed?.status, 'closed');
      const { conversation: after } = await storage().chat.appendMessage(conversation.id, fromVisitor('One more thing'));
      assert.equal(after.status, 'open');
      assert.equal(await storage().chat.setStatus(conversation.shopId, randomUUID(), 'closed'), undefined);
    });

    it('lists conversations that have messages, most recently active first, with their last message', async () => {
      const shop = await newShop(storage());
      const quiet = await conversationIn(shop.id);
      const older = await conversationIn(shop.id);
      const newer = await conversationIn(shop.id);
      await storage().chat.appendMessage(older.id, fromVisitor('first'));
      await pause(5);
      await storage().chat.appendMessage(newer.id, fromVisitor('second'));
      await pause(5);
      await storage().chat.appendMessage(older.id, fromVisitor('third'));
      const open = await storage().chat.conversations(shop.id, listing('open'), 10);
      assert.deepEqual(
        open.map((summary) => [summary.id, summary.lastMessage?.body]),
        [
          [older.id, 'third'],
          [newer.id, 'second'],
        ],
      );
      assert.ok(!open.some((summary) => summary.id === quiet.id), 'a conversation with no message is not listed');
      assert.equal((await storage().chat.conversations(shop.id, listing('open'), 1)).length, 1);
      await storage().chat.setStatus(shop.id, newer.id, 'closed');
      assert.deepEqual(
        (await storage().chat.conversations(shop.id, listing('closed'), 10)).map((summary) => summary.id),
        [newer.id],
      );
      assert.equal((await storage().chat.conversations(shop.id, listing('all'), 10)).length, 2);
      assert.deepEqual(await storage().chat.conversations((await newShop(storage())).id, listing('all'), 10), []);
    });

    it('snoozes a conversation out of the open list until its time or until the shopper writes', async () => {
      const shop = await newShop(storage());
      const chat = storage().chat;
      const conversation = await chat.createConversation(shop.id, {});
      await chat.appendMessage(conversation.id, fromVisitor('hello'));
      const later = new Date(Date.now() + 3_600_000).toISOString();
      const snoozed = await chat.setStatus(shop.id, conversation.id, 'open', later);
      assert.equal(snoozed?.snoozedUntil, later);
      const ids = async (filter: ConversationFilter) => (await chat.conversations(shop.id, filter, 10)).map((summary) => summary.id);
      assert.deepEqual(await ids(listing('open')), []);
      assert.deepEqual(await ids(listing('snoozed')), [conversation.id]);
      // As of a time past the snooze it is open again, with nothing to wake it.
      const afterwards = { ...listing('open'), now: new Date(Date.now() + 7_200_000).toISOString() };
      assert.deepEqual(await ids(afterwards), [conversation.id]);
      // An agent's message keeps the snooze; the shopper's ends it.
      await chat.appendMessage(conversation.id, { ...fromVisitor('noted'), author: 'agent' });
      assert.deepEqual(await ids(listing('snoozed')), [conversation.id]);
      const { conversation: woken } = await chat.appendMessage(conversation.id, fromVisitor('any news?'));
      assert.equal(woken.snoozedUntil, undefined);
      assert.deepEqual(await ids(listing('open')), [conversation.id]);
      await chat.setStatus(shop.id, conversation.id, 'open', later);
      assert.equal((await chat.setStatus(shop.id, conversation.id, 'closed'))?.snoozedUntil, undefined, 'resolving ends the snooze');
    });

    it('assigns a conversation to an agent or to nobody, and lists mine and the unassigned apart', async () => {
      const shop = await newShop(storage());
      const chat = storage().chat;
      const agent = await storage().agents.upsert({
        shopId: shop.id,
        email: `${randomUUID()}@example.com`,
        name: 'Kim',
        passwordHash: 'x',
      });
      const [mine, nobodys] = [await chat.createConversation(shop.id, {}), await chat.createConversation(shop.id, {})];
      for (const conversation of [mine, nobodys]) await chat.appendMessage(conversation.id, fromVisitor('hi'));
      assert.equal((await chat.assign(shop.id, mine.id, agent.id))?.assigneeId, agent.id);
      const ids = async (assignee: string | null) =>
        (await chat.conversations(shop.id, listing('open', assignee), 10)).map((summary) => summary.id);
      assert.deepEqual(await ids(agent.id), [mine.id]);
      assert.deepEqual(await ids(null), [nobodys.id]);
      assert.equal((await chat.assign(shop.id, mine.id, null))?.assigneeId, undefined);
      assert.equal(await chat.assign((await newShop(storage())).id, mine.id, agent.id), undefined, "another shop's conversation");
    });

    it("moves the shop's read mark forward only, and never past the last message", async () => {
      const conversation = await conversationIn();
      for (const body of ['a', 'b', 'c']) await storage().chat.appendMessage(conversation.id, fromVisitor(body));
      const readSeq = async () => (await storage().chat.conversation(conversation.shopId, conversation.id))?.agentReadSeq;
      await storage().chat.markRead(conversation.shopId, conversation.id, 2);
      assert.equal(await readSeq(), 2);
      await storage().chat.markRead(conversation.shopId, conversation.id, 1);
      assert.equal(await readSeq(), 2);
      await storage().chat.markRead(conversation.shopId, conversation.id, 99);
      assert.equal(await readSeq(), 3);
    });

    it('keeps the first rating only, and reports first answers and ratings of the period, in its shop', async () => {
      const conversation = await conversationIn();
      const { shopId, id } = conversation;
      await storage().chat.appendMessage(id, fromVisitor('Hello?'));
      await pause(20);
      await storage().chat.appendMessage(id, { clientId: randomUUID(), author: 'agent', body: 'Hi!' });
      await storage().chat.createConversation(shopId, { visitorId: 'visitor-2' }); // nobody wrote: not counted
      const unanswered = await storage().chat.createConversation(shopId, { visitorId: 'visitor-3' });
      await storage().chat.appendMessage(unanswered.id, fromVisitor('Anyone?'));

      const rated = await storage().chat.rate(shopId, id, 4, 'Kind');
      assert.deepEqual([rated?.rating, rated?.ratingComment, typeof rated?.ratedAt], [4, 'Kind', 'string']);
      const again = await storage().chat.rate(shopId, id, 1);
      assert.deepEqual([again?.rating, again?.ratingComment], [4, 'Kind']);
      assert.equal(await storage().chat.rate(shopId + 1000, id, 2), undefined);

      const period = [new Date(Date.now() - 3_600_000).toISOString(), new Date(Date.now() + 60_000).toISOString()] as const;
      const report = await storage().chat.report(shopId, ...period);
      const [answered, none] = [...report.firstResponseSeconds].sort((a, b) => (a === null ? 1 : b === null ? -1 : a - b));
      assert.equal(report.firstResponseSeconds.length, 2);
      assert.ok(answered !== null && answered! > 0, `the agent's first answer came after the shopper's message: ${answered}`);
      assert.equal(none, null);
      assert.deepEqual(report.ratings, [4]);
      const other = await storage().chat.report((await newShop(storage())).id, ...period);
      assert.deepEqual(other, { firstResponseSeconds: [], ratings: [] });
    });

    it('keeps the emails shoppers leave, newest first, in their shop', async () => {
      const shop = await newShop(storage());
      const conversation = await conversationIn(shop.id);
      const first = await storage().chat.leaveEmail(shop.id, {
        email: 'ada@example.com',
        message: 'Call me',
        conversationId: conversation.id,
        visitorId: 'v1',
        locale: 'fr-FR',
      });
      const second = await storage().chat.leaveEmail(shop.id, { email: 'bob@example.com' });
      assert.deepEqual(
        { ...first, id: undefined, createdAt: undefined },
        {
          id: undefined,
          createdAt: undefined,
          email: 'ada@example.com',
          message: 'Call me',
          conversationId: conversation.id,
          locale: 'fr-FR',
        },
      );
      assert.deepEqual(await storage().chat.emails(shop.id, 10), [second, first]);
      assert.deepEqual(await storage().chat.emails(shop.id, 1), [second]);
      assert.deepEqual(await storage().chat.emails((await newShop(storage())).id, 10), []);
      // Where answers go: the conversation's latest email, and none for a conversation nobody left one for.
      assert.deepEqual(await storage().chat.leftEmailFor(shop.id, conversation.id), first);
      const again = await storage().chat.leaveEmail(shop.id, { email: 'ada@work.example', conversationId: conversation.id });
      assert.deepEqual(await storage().chat.leftEmailFor(shop.id, conversation.id), again);
      assert.equal(await storage().chat.leftEmailFor(shop.id, (await conversationIn(shop.id)).id), undefined);
      assert.equal(await storage().chat.leftEmailFor((await newShop(storage())).id, conversation.id), undefined);
    });

    it('exports and erases a customer’s conversations, messages and left emails, found by id, email or a left email', async () => {
      const shop = await newShop(storage());
      const chat = storage().chat;
      const byId = await chat.createConversation(shop.id, { customerId: 'cust-1' });
      const byEmail = await chat.createConversation(shop.id, { email: 'Ada@Example.com' });
      const leftIn = await chat.createConversation(shop.id, { visitorId: 'visitor-1' });
      const theirs = await chat.createConversation(shop.id, { customerId: 'cust-10', email: 'xada@example.com' });
      const attachment = { url: '/media/u/00000000-0000-0000-0000-000000000000.png', name: 'a.png', type: 'image/png', size: 1 };
      await chat.appendMessage(byId.id, fromVisitor('Hello'));
      await chat.appendMessage(byId.id, { ...fromVisitor('A photo'), attachment });
      await chat.appendMessage(byId.id, { clientId: randomUUID(), author: 'agent', authorName: 'Sam', body: 'Hi Ada' });
      await chat.appendMessage(theirs.id, fromVisitor('Mine'));
      await chat.leaveEmail(shop.id, { email: 'ADA@example.com', conversationId: leftIn.id, message: 'Call me' });
      await chat.leaveEmail(shop.id, { email: 'other@example.com', conversationId: byId.id });
      await chat.leaveEmail(shop.id, { email: 'xada@example.com', conversationId: theirs.id });
      const ada = { customerId: 'cust-1', email: 'ada@example.com' };

      const exported = await chat.exportCustomer(shop.id, ada);
      assert.deepEqual(exported.conversations.map((conversation) => conversation.id).sort(), [byId.id, byEmail.id, leftIn.id].sort());
      assert.deepEqual(
        exported.conversations.find((conversation) => conversation.id === byId.id)?.messages.map((message) => [message.seq, message.body]),
        [
          [1, 'Hello'],
          [2, 'A photo'],
          [3, 'Hi Ada'],
        ],
      );
      assert.deepEqual(
        exported.leftEmails.map((left) => left.email).sort(),
        ['ADA@example.com', 'other@example.com'],
        'theirs, or in theirs',
      );

      assert.deepEqual(await chat.eraseCustomer(shop.id, ada), {
        conversations: 3,
        messages: 3,
        leftEmails: 2,
        attachments: [attachment.url],
      });
      assert.deepEqual(await chat.eraseCustomer(shop.id, ada), { conversations: 0, messages: 0, leftEmails: 0, attachments: [] });
      assert.deepEqual(await chat.exportCustomer(shop.id, ada), { conversations: [], leftEmails: [] });
      assert.equal(await chat.conversation(shop.id, byId.id), undefined);
      await assert.rejects(
        chat.appendMessage(byId.id, fromVisitor('Late')),
        InvalidInputError,
        'a send after the erasure finds no conversation',
      );
      assert.deepEqual(
        (await chat.messagesAfter(theirs.id, 0, 10)).map((message) => message.body),
        ['Mine'],
      );
      assert.deepEqual(
        (await chat.emails(shop.id, 10)).map((left) => left.email),
        ['xada@example.com'],
      );
    });
  });
}

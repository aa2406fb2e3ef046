/**
 * A shopper's photo in the inbox: the list (whose summary carries the last
 * message) and the live events give its URL absolute, as the history does.
 * Before, the list answered 500 (its reply failed its own schema) for any
 * conversation whose last message had a photo, and the live event carried a
 * path the inbox page refused, so the message never appeared until a reload.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { ConversationList, InboxEvent } from '../src/inbox/wire.js';
import { PNG, openStream, startTestServer, type TestServer } from './helpers.js';
import { agentSession } from './inbox-session.js';
import { chatAs } from './shoppers.js';

let server: TestServer;
before(async () => {
  server = await startTestServer();
});
after(() => server.stop());

describe('a photo from the shopper, in the inbox', () => {
  it('is listed and sent live with an absolute URL', async () => {
    const sam = await agentSession(server);
    const stream = await openStream(`${server.url}/inbox/api/events`, { cookie: sam.cookie });
    const id = await chatAs(server, { name: 'Ada' }, { message: 'Here is the tear' });
    const photo = new FormData();
    photo.set('clientId', randomUUID());
    photo.set('body', 'See?');
    photo.set('attachment', new File([PNG], 'tear.png', { type: 'image/png' }));
    assert.equal((await server.api(`/chat/conversations/${id}/messages`, { method: 'POST', body: photo })).status, 201);

    const listed = await sam.api('/conversations?status=open&assignee=all');
    assert.equal(listed.status, 200, await listed.clone().text());
    const summary = ConversationList.parse(await listed.json()).conversations.find((conversation) => conversation.id === id);
    assert.match(summary?.lastMessage?.attachment?.url ?? '', /^http:\/\/127\.0\.0\.1:\d+\/media\//);

    const live = (type: string) =>
      stream.next((event) => {
        const parsed = event.data ? InboxEvent.safeParse(JSON.parse(event.data)) : undefined;
        return parsed?.success === true && parsed.data.type === type && JSON.stringify(parsed.data).includes('tear.png');
      });
    await Promise.all([live('message'), live('conversation')]);
  });
});

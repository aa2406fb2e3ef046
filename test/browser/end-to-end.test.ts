/**
 * The whole path, in Chromium against the real server: a shopper page writes a
 * review and chats through the RestAdapter; an agent signs in to /inbox in a
 * second page, sees the conversation and replies; the shopper's page shows the
 * reply. (Widgets ship separately; the shopper side drives the adapter directly.)
 */
import { expect } from '@open-wc/testing';
import type { ChatEvent } from '@shopfront/core';
import { inbox, restAdapter, resetServer } from '../helpers/server.js';

describe('shopper and agent, end to end', function () {
  // Two pages, a login and a bundle built from source on first use: more than the default 10 s on a busy machine.
  this.timeout(30_000);

  before(() => resetServer());
  after(() => inbox.close().catch(() => undefined));

  it('writes a review, chats, and gets the agent’s reply from the inbox', async () => {
    const shopper = await restAdapter();

    // The shopper writes a review; five stars publish at once.
    const submission = await shopper.reviews.submit({
      productId: 'prod-1',
      rating: 5,
      title: 'Warmest sweater I own',
      body: 'Wore it on the ferry in November and never felt the wind.',
      name: 'Grace H.',
    });
    expect(submission.status).to.equal('published');
    const page = await shopper.reviews.list('prod-1', { sort: 'newest', limit: 1 });
    expect(page.reviews[0]!.id).to.equal(submission.review.id);

    // The shopper opens the chat and listens for replies.
    const conversation = await shopper.chat.start({ name: 'Grace' });
    const events: ChatEvent[] = [];
    let wake: () => void = () => undefined;
    const unsubscribe = shopper.chat.subscribe(conversation.id, {}, (event) => {
      events.push(event);
      wake();
    });
    const replies = () => events.flatMap((event) => (event.type === 'message' && event.message.author === 'agent' ? [event.message] : []));
    await shopper.chat.send(conversation.id, { clientId: crypto.randomUUID(), body: 'Does the sweater run large?' });

    // The agent signs in on /inbox: now someone is there.
    await inbox.open();
    expect((await shopper.chat.status()).state).to.equal('online');
    expect(await inbox.text('Does the sweater run large?')).to.include('Grace');
    await inbox.reply('Grace', 'It runs a little large: take your usual size or one down.');

    // The reply reaches the shopper's page over the event stream.
    while (replies().length === 0) await new Promise<void>((resolve) => (wake = resolve));
    unsubscribe();
    const [reply] = replies();
    expect(reply!.body).to.equal('It runs a little large: take your usual size or one down.');
    expect(reply!.authorName).to.equal('Sam');
    expect(reply!.seq).to.equal(2);

    // And the history agrees, in order.
    const { messages } = await shopper.chat.history(conversation.id, {});
    expect(messages.map((message) => [message.seq, message.author])).to.deep.equal([
      [1, 'visitor'],
      [2, 'agent'],
    ]);
  });
});

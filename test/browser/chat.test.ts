/**
 * `<sf-chat-launcher>` against the real reference server (issue 7, phase 2):
 * Chromium, the RestAdapter over fetch and EventSource, the server in its own
 * process (test/helpers/server.ts). Other tabs, and the same tab after a
 * reload, are same-origin iframes running test/browser/support/chat-page.ts
 * with their own copy of every module. No sleeps: every wait is `until()` on
 * what the shopper sees or the server stores; its timeout only bounds a broken test.
 */
import { expect, html } from '@open-wc/testing';
import { store, type ChatMessage } from '@shopfront/core';
import type { RestAdapterOptions } from '@shopfront/adapter-rest';
import '@shopfront/chat-launcher/define.js';
import type { SfChatLauncher } from '@shopfront/chat-launcher';
import { captureWarnings, mount, unmountAll, until } from '../helpers/mount.js';
import {
  agentSays,
  conversationStreams,
  dropStreams,
  inbox,
  resetServer,
  restAdapter,
  restartServer,
  serverGet,
  setAgentAvailability,
  stopServer,
  streamEvent,
  type TestServerInfo,
} from '../helpers/server.js';

const part = <T extends Element = HTMLElement>(el: Element, name: string) => el.shadowRoot!.querySelector<T>(`[part~="${name}"]`);
/** The conversation as the shopper sees it: each message's text, in the panel's order. */
const texts = (el: Element) => [...el.shadowRoot!.querySelectorAll('.message .text')].map((node) => node.textContent ?? '');
const authors = (el: Element) =>
  [...el.shadowRoot!.querySelectorAll('.message')].map((node) => (node.matches('.visitor') ? 'visitor' : 'agent'));
const deliveries = (el: Element) => [...el.shadowRoot!.querySelectorAll('[part~="delivery"]')].map((node) => node.textContent!.trim());
const composer = (el: Element) => el.shadowRoot!.querySelector<HTMLTextAreaElement>('#input');

/** Writes `text` in the message field and presses Send. */
function type(el: Element, text: string): void {
  const field = composer(el)!;
  field.value = text;
  field.dispatchEvent(new InputEvent('input'));
  field.form!.requestSubmit();
}

let server: TestServerInfo;

/** The conversation as the server stored it, in its order. */
async function stored(conversationId: string): Promise<ChatMessage[]> {
  return (await serverGet<{ messages: ChatMessage[] }>(`/chat/conversations/${conversationId}/messages?after=0`)).messages;
}

/** The launcher on the test page, panel open, once it knows whether anyone is there. */
async function openLauncher(options: Partial<RestAdapterOptions> = {}): Promise<SfChatLauncher> {
  const el = await mount<SfChatLauncher>(html`<sf-chat-launcher></sf-chat-launcher>`, { adapter: await restAdapter(options) });
  await el.show();
  await until(() => el.shadowRoot!.querySelector('.footer :is(input, textarea)'), 'the panel');
  return el;
}

/** The conversation this browser keeps (in the shared store), once there is one. */
async function conversationId(): Promise<string> {
  await until(async () => await store.get('chat-conversation'), 'the conversation started');
  return (await store.get('chat-conversation'))!;
}

/** The launcher on this page with `body` stored as its conversation's first message, and the conversation's one stream open. */
async function chatting(body: string): Promise<{ el: SfChatLauncher; id: string }> {
  const el = await openLauncher();
  type(el, body);
  await until(() => deliveries(el)[0] === 'Sent', 'the message stored');
  const id = await conversationId();
  await until(async () => (await conversationStreams(id)).open === 1, 'the stream');
  return { el, id };
}

const pages: HTMLIFrameElement[] = [];

/** Another page of the shop (a second tab, or this tab reloaded): its own modules, the same store, locks and server. */
async function openPage(): Promise<{ frame: HTMLIFrameElement; launcher: SfChatLauncher }> {
  (window as unknown as { chatPageOptions: RestAdapterOptions }).chatPageOptions = { endpoint: server.endpoint, shop: server.shop };
  const frame = document.createElement('iframe');
  frame.title = 'Another page of the shop';
  const module = new URL('./support/chat-page.ts', import.meta.url).href;
  frame.srcdoc = `<!doctype html><body><script type="module">import ${JSON.stringify(module)};</script></body>`;
  document.body.append(frame);
  pages.push(frame);
  const launcher = () => frame.contentDocument?.querySelector<SfChatLauncher>('sf-chat-launcher');
  await until(() => launcher() && part(launcher()!, 'button'), 'the other page’s launcher');
  return { frame, launcher: launcher()! };
}

/** Opens a launcher's panel and waits for its composer (someone is there). */
async function showComposer(el: SfChatLauncher): Promise<void> {
  await el.show();
  await until(() => composer(el), 'the message field');
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('<sf-chat-launcher> on the reference server', function () {
  // Pages, a login and server restarts on two shared cores: more than the default 10 s.
  this.timeout(60_000);

  before(async () => {
    // Quick reconnects: the browser retries a dropped stream after 100 ms.
    server = await resetServer({ sseRetryMs: 100, heartbeatMs: 1000 });
  });

  beforeEach(async () => {
    await store.clear();
  });

  afterEach(async () => {
    unmountAll();
    for (const frame of pages.splice(0)) frame.remove();
    await setAgentAvailability('auto');
  });

  after(() => inbox.close());

  it('carries a message to the agent’s inbox and the reply back to the widget', async () => {
    await inbox.open(); // the agent signs in: someone is there
    const el = await openLauncher();
    expect(part(el, 'away')).to.equal(null);
    type(el, 'Round trip: does the Harbour sweater run large?');
    await until(() => deliveries(el)[0] === 'Sent', 'the message stored');

    expect(await inbox.text('Round trip: does the Harbour sweater run large?')).to.include(
      'Round trip: does the Harbour sweater run large?',
    );
    await inbox.reply('Round trip: does the Harbour sweater run large?', 'It runs a little large: take one size down.');

    await until(() => texts(el).length >= 2, 'the reply in the widget');
    expect(texts(el)).to.deep.equal(['Round trip: does the Harbour sweater run large?', 'It runs a little large: take one size down.']);
    expect(authors(el)).to.deep.equal(['visitor', 'agent']);
    expect(part(el, 'author')!.textContent).to.equal('Sam');
    const messages = await stored(await conversationId());
    expect(messages.map((message) => [message.seq, message.author, message.body])).to.deep.equal([
      [1, 'visitor', 'Round trip: does the Harbour sweater run large?'],
      [2, 'agent', 'It runs a little large: take one size down.'],
    ]);
    await inbox.close(); // its page would follow every later conversation live: work the next tests do not need
  });

  it('loses and doubles nothing while streams drop and the server restarts, with 300 messages both ways', async function () {
    this.timeout(180_000);
    const SHOPPER = 150;
    const AGENT = 150;
    await setAgentAvailability('available');
    // The page's real fetch, watched: it counts the attempts that failed (the server cuts connections
    // while stopped), and loses the answer to every 25th message sent after the server stored it.
    let failedAttempts = 0;
    let sends = 0;
    let lostAnswers = 0;
    let down = false;
    /** How each request made while the server was down ended: a failure message names them. */
    const duringOutage: string[] = [];
    const watchedFetch: typeof fetch = async (input, init) => {
      const loseAnswer = init?.method === 'POST' && String(input).includes('/messages') && ++sends % 25 === 0;
      const request = `${init?.method ?? 'GET'} ${new URL(String(input)).pathname}`;
      const start = performance.now();
      const took = () => `${Math.round(performance.now() - start)} ms`;
      const response = await fetch(input, init).catch((error: unknown) => {
        failedAttempts++;
        if (down) duringOutage.push(`${request}: ${error} after ${took()}`);
        throw error;
      });
      if (down) duringOutage.push(`${request}: ${response.status} after ${took()}`);
      if (!loseAnswer) return response;
      lostAnswers++;
      throw new TypeError('Failed to fetch'); // stored, but the answer never arrived: only a resend can confirm it
    };
    const el = await openLauncher({ fetch: watchedFetch, retryDelay: 100 });
    const shopper = range(1, SHOPPER).map((n) => `Shopper ${n}`);
    const agent = range(1, AGENT).map((n) => `Agent ${n}`);

    type(el, shopper[0]!);
    const id = await conversationId();
    let said = 0;
    for (let i = 1; i < SHOPPER; i++) {
      type(el, shopper[i]!);
      if (i === 30 || i === 120) {
        // Every stream ends; the agent's next messages are said while the browser reconnects.
        expect(await dropStreams()).to.be.greaterThan(0);
      }
      if (i === 60) await restartServer(); // a quick restart: sends in flight meet it
      if (i === 90) {
        // A longer outage: the shopper keeps writing until the page has seen a send fail (three attempts).
        failedAttempts = 0;
        down = true;
        await stopServer();
      }
      if (down && i >= 95) {
        await until(() => failedAttempts >= 3, 'sends failing while the server is down', 30_000).catch((error: Error) => {
          throw new Error(`${error.message}; requests meanwhile: ${duringOutage.join('; ') || 'none'}`);
        });
        await restartServer();
        down = false;
      }
      if (!down) await agentSays(id, agent[said++]!);
    }
    while (said < AGENT) await agentSays(id, agent[said++]!);

    const total = SHOPPER + AGENT;
    await until(
      () => texts(el).length >= total && deliveries(el).every((state) => state === 'Sent'),
      `all ${total} messages shown and sent`,
      90_000,
    );
    expect(lostAnswers).to.be.greaterThan(0);
    const messages = await stored(id);
    // The server: every message once, numbered 1…300, each side in the order it was written.
    expect(messages.map((message) => message.seq)).to.deep.equal(range(1, total));
    expect(messages.filter((message) => message.author === 'visitor').map((message) => message.body)).to.deep.equal(shopper);
    expect(messages.filter((message) => message.author === 'agent').map((message) => message.body)).to.deep.equal(agent);
    expect(new Set(messages.map((message) => message.clientId)).size).to.equal(total);
    // The shopper: exactly the server's conversation, in its order.
    expect(texts(el)).to.deep.equal(messages.map((message) => message.body));
    expect(authors(el)).to.deep.equal(messages.map((message) => message.author));
    expect(deliveries(el)).to.have.length(SHOPPER);
    expect(await store.get('chat-outbox')).to.deep.equal([]);
  });

  it('keeps messages written while the shop is unreachable through a reload, then stores each once, in order', async () => {
    await setAgentAvailability('available');
    const before = await openPage();
    await showComposer(before.launcher);
    type(before.launcher, 'Before the outage');
    await until(() => deliveries(before.launcher)[0] === 'Sent', 'the first message stored');
    const id = await conversationId();

    await stopServer(); // connections cut: the network is down for this page
    const offline = ['Offline 1', 'Offline 2', 'Offline 3', 'Offline 4', 'Offline 5'];
    for (const body of offline) type(before.launcher, body);
    await until(
      async () => texts(before.launcher).length === 1 + offline.length && (await store.get('chat-outbox'))?.length === offline.length,
      'the messages kept in the outbox',
    );
    expect(texts(before.launcher)).to.deep.equal(['Before the outage', ...offline]);
    expect(deliveries(before.launcher)).to.deep.equal(['Sent', 'Sending…', 'Sending…', 'Sending…', 'Sending…', 'Sending…']);
    const outbox = (await store.get('chat-outbox'))!;
    expect(outbox.map((entry) => entry.body)).to.deep.equal(offline);

    // The page is reloaded before the network comes back.
    before.frame.remove();
    await restartServer();
    const after = await openPage();
    await until(async () => (await stored(id)).length === 1 + offline.length, 'the outbox sent', 30_000);
    const messages = await stored(id);
    expect(messages.map((message) => [message.seq, message.body])).to.deep.equal(
      ['Before the outage', ...offline].map((body, index) => [index + 1, body]),
    );
    // The very messages the outbox held (their client ids), each stored once.
    expect(messages.slice(1).map((message) => message.clientId)).to.deep.equal(outbox.map((entry) => entry.clientId));
    await until(async () => (await store.get('chat-outbox'))?.length === 0, 'the outbox emptied');

    await after.launcher.show();
    await until(() => deliveries(after.launcher).length >= 6 && deliveries(after.launcher).every((state) => state === 'Sent'), 'all sent');
    expect(texts(after.launcher)).to.deep.equal(['Before the outage', ...offline]);
  });

  it('holds one stream for two tabs, which agree on the unread count, and hands it over when a tab closes', async () => {
    await setAgentAvailability('available');
    const { el: first, id } = await chatting('Hello from the first tab');
    first.hide();

    const second = await openPage();
    // The second tab waits in the election for the stream (a Web Lock), rather than opening its own.
    const lock = `shopfront-chat:stream:${id}`;
    await until(async () => (await navigator.locks.query()).pending?.some((request) => request.name === lock), 'the second tab waiting');
    await agentSays(id, 'Hello to both tabs');
    await until(() => first.unread === 1 && second.launcher.unread === 1, 'the unread count in both tabs');
    expect(await conversationStreams(id)).to.deep.equal({ open: 1, opened: 1 });

    await first.show(); // read in one tab, read in both
    await until(() => first.unread === 0 && second.launcher.unread === 0, 'read in both tabs');

    unmountAll(); // the first tab closes: the second takes the stream over
    await until(async () => {
      const streams = await conversationStreams(id);
      return streams.opened === 2 && streams.open === 1;
    }, 'the hand-over');
    await agentSays(id, 'Only the second tab is left');
    await until(() => second.launcher.unread === 1, 'the message in the second tab');
    expect(await conversationStreams(id)).to.deep.equal({ open: 1, opened: 2 });
    await second.launcher.show();
    await until(() => texts(second.launcher).length >= 3, 'the conversation in the second tab');
    expect(texts(second.launcher)).to.deep.equal(['Hello from the first tab', 'Hello to both tabs', 'Only the second tab is left']);
  });

  it('says nobody is there when no agent is, and the email left reaches the inbox', async () => {
    await inbox.close(); // nobody signed in
    await setAgentAvailability('away');
    const el = await mount<SfChatLauncher>(html`<sf-chat-launcher></sf-chat-launcher>`, { adapter: await restAdapter() });
    await el.show('Can I change the size of my order?');
    await until(() => part(el, 'email-form'), 'the email form');
    expect(part(el, 'subtitle')!.textContent).to.equal('Nobody from our team is available right now.');
    expect(composer(el)).to.equal(null);
    const form = part<HTMLFormElement>(el, 'email-form')!;
    expect(form.querySelector('textarea')!.value).to.equal('Can I change the size of my order?');
    form.querySelector('input')!.value = 'grace@example.com';
    form.requestSubmit();
    await until(() => el.shadowRoot!.querySelector('[part~=away] [role=status]'), 'the thanks');

    // The agent signs in (still away) and finds the email.
    await inbox.open();
    await inbox.tab('Emails');
    const page = await inbox.text('grace@example.com');
    expect(page).to.include('grace@example.com');
    expect(page).to.include('Can I change the size of my order?');
    // This test server has no SMTP settings: the outbox says so, and keeps what would be sent.
    await inbox.tab('Outbox');
    expect(await inbox.text('This server sends no email')).to.include('SHOPFRONT_SMTP_URL');

    // Someone is there again: the next time the shopper opens the chat, they can write.
    await setAgentAvailability('available');
    el.hide();
    await showComposer(el);
    expect(part(el, 'away')).to.equal(null);
  });

  it('ignores bad events from the stream with a warning, and keeps the conversation going', async () => {
    await setAgentAvailability('available');
    const { el, id } = await chatting('Hello?');
    const warnings = await captureWarnings(async () => {
      await streamEvent(id, { type: 'confetti' });
      await streamEvent(id, '<img src=x onerror=alert(1)>');
      await streamEvent(id, { type: 'typing', active: 'very' });
      await streamEvent(id, { type: 'status', status: { state: 'maybe' } });
      await agentSays(id, 'Still here after the noise');
      await until(() => texts(el).length >= 2, 'the next message');
    });
    expect(warnings.filter((warning) => warning.includes('ignored an invalid chat event'))).to.have.length(4);
    expect(texts(el)).to.deep.equal(['Hello?', 'Still here after the noise']);
    expect(part(el, 'typing')!.hidden).to.equal(true);
    expect(part(el, 'away')).to.equal(null);
  });
});

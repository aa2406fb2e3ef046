import { expect, html } from '@open-wc/testing';
import { AdapterError, type MemoryAdapter, store } from '@shopfront/core';
import '../src/define.js';
import type { SfChatLauncher } from '../src/chat-launcher.js';
import { SfChatOpenEvent, type SfChatMessageEvent, type SfChatUnreadEvent } from '../src/events.js';
import { awayStatus } from '../../../test/helpers/sample-data.js';
import { mount, unmountAll, until } from '../../../test/helpers/mount.js';
import { callsTo, chatAdapter, scriptStream, storedBodies } from './fixtures.js';

type Launcher = SfChatLauncher & { reconfigure: (settings: object) => void };

const part = <T extends Element = HTMLElement>(el: Element, name: string) => el.shadowRoot!.querySelector<T>(`[part~="${name}"]`);
const parts = (el: Element, name: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(`[part~="${name}"]`)];
const texts = (el: Element) => [...el.shadowRoot!.querySelectorAll('.message .text')].map((node) => node.textContent);
const input = (el: Element) => el.shadowRoot!.querySelector<HTMLTextAreaElement>('#input');

function launcher(adapter: MemoryAdapter, attributes = '', settings = {}): Promise<Launcher> {
  const template = html`<sf-chat-launcher></sf-chat-launcher>`;
  return mount<Launcher>(template, { adapter, ...settings }).then(async (el) => {
    for (const attribute of attributes.split(' ').filter(Boolean)) {
      const [name, value = ''] = attribute.split('=');
      el.setAttribute(name!, value);
    }
    await until(() => part(el, 'button'), 'the launcher button');
    return el;
  });
}

/** Opens the panel and waits until it knows whether anyone is there. */
async function openPanel(el: SfChatLauncher): Promise<void> {
  await el.show();
  await until(() => el.shadowRoot!.querySelector('.footer :is(input, textarea)'), 'the panel');
  await settled(el);
}

/** Until the panel's opening transition is over: axe and layout checks see the final state. */
const settled = (el: SfChatLauncher) => until(() => part(el, 'panel')!.getAnimations().length === 0, 'the transition');

/** A conversation the shopper had on an earlier page, its id kept in the store. */
async function earlierConversation(adapter: MemoryAdapter): Promise<string> {
  const { id } = await adapter.chat!.start({});
  await adapter.chat!.send(id, { clientId: crypto.randomUUID(), body: 'Do you ship to Norway?' });
  adapter.agentSays(id, 'We do, in 3 to 5 days.', { name: 'Sam', avatarUrl: 'https://cdn.example.com/sam.png' });
  await store.set('chat-conversation', id);
  return id;
}

async function type(el: SfChatLauncher, text: string, file?: File): Promise<void> {
  if (file) chooseFile(el, file);
  const field = input(el)!;
  field.value = text;
  field.dispatchEvent(new InputEvent('input'));
  field.form!.requestSubmit();
}

function chooseFile(el: SfChatLauncher, file: File): void {
  const picker = part(el, 'attach-button')!.querySelector('input')!;
  const transfer = new DataTransfer();
  transfer.items.add(file);
  picker.files = transfer.files;
  picker.dispatchEvent(new Event('change'));
}

beforeEach(async () => {
  await store.clear();
});

afterEach(() => unmountAll());

describe('<sf-chat-launcher>', function () {
  // Panels loaded on first use, reloads and axe runs on a shared, busy machine: more than mocha's default 10 s.
  this.timeout(30_000);
  it('shows the team member, their avatar, times and delivery states; text stays text', async () => {
    const adapter = chatAdapter();
    const id = await earlierConversation(adapter);
    adapter.agentSays(id, '<img src=x onerror="window.hacked = true">');
    const el = await launcher(adapter);
    await openPanel(el);
    await until(() => texts(el).length === 3, 'the history');
    expect(texts(el)).to.deep.equal(['Do you ship to Norway?', 'We do, in 3 to 5 days.', '<img src=x onerror="window.hacked = true">']);
    expect(part(el, 'log')!.querySelector('.bubble img')).to.equal(null);
    expect(parts(el, 'author').map((node) => node.textContent)).to.deep.equal(['Sam']); // once per run of messages
    expect(part<HTMLImageElement>(el, 'avatar')!.src).to.equal('https://cdn.example.com/sam.png');
    expect(parts(el, 'time').every((node) => node.getAttribute('datetime') && node.textContent)).to.equal(true);
    expect(parts(el, 'delivery').map((node) => node.textContent)).to.deep.equal(['Sent']);
    expect(part(el, 'log')!.getAttribute('role')).to.equal('log');
  });

  it('opens at the newest message of a long conversation', async () => {
    const adapter = chatAdapter();
    const id = await earlierConversation(adapter);
    for (let n = 1; n <= 30; n++) adapter.agentSays(id, `Update number ${n}`);
    const el = await launcher(adapter);
    await until(() => el.unread === 31, 'the history loaded while closed');
    await openPanel(el);
    const log = part(el, 'log')!;
    expect(log.scrollHeight).to.be.greaterThan(log.clientHeight);
    expect(log.scrollTop + log.clientHeight).to.be.closeTo(log.scrollHeight, 2);
  });

  it('shows the greeting, the reply time and who is typing', async () => {
    const adapter = chatAdapter();
    const stream = scriptStream(adapter);
    const id = await earlierConversation(adapter);
    const el = await launcher(adapter, 'greeting=Ahoy!');
    await openPanel(el);
    expect(part(el, 'greeting')!.textContent).to.equal('Ahoy!');
    expect(part(el, 'subtitle')!.textContent).to.equal('We usually reply within 2 minutes.');
    expect(part(el, 'typing')!.hidden).to.equal(true);
    await until(() => el.shadowRoot!.querySelectorAll('.message').length === 2, 'the history');
    await until(() => stream.subscriptions[0]?.conversationId === id, 'the stream');
    stream.emit({ type: 'typing', active: true, authorName: 'Sam' });
    await until(() => !part(el, 'typing')!.hidden, 'the typing indicator');
    expect(part(el, 'typing')!.textContent).to.equal('Sam is typing…');
  });

  it('fires sf-chat-open, sf-chat-close, sf-chat-message and sf-chat-unread', async () => {
    const adapter = chatAdapter();
    const id = await earlierConversation(adapter);
    const el = await launcher(adapter);
    const seen: string[] = [];
    const unread: number[] = [];
    el.addEventListener('sf-chat-open', (event) => seen.push(`open ${event.prefill}`));
    el.addEventListener('sf-chat-close', () => seen.push('close'));
    el.addEventListener('sf-chat-message', (event: SfChatMessageEvent) => seen.push(`message ${event.message.body}`));
    el.addEventListener('sf-chat-unread', (event: SfChatUnreadEvent) => unread.push(event.count));
    await until(() => el.unread === 1, 'the restored unread count');

    adapter.agentSays(id, 'Still there?');
    await until(() => unread.at(-1) === 2, 'the unread event');
    await el.show('Yes!');
    expect(input(el)!.value).to.equal('Yes!');
    await until(() => el.unread === 0, 'read once open');
    input(el)!.form!.requestSubmit();
    await until(() => seen.includes('message Yes!'), 'the message event');
    el.hide();
    expect(seen).to.deep.equal(['message Still there?', 'open Yes!', 'message Yes!', 'close']);
    expect(unread).to.deep.equal([1, 2, 0]);

    const veto = (event: SfChatOpenEvent) => event.preventDefault();
    el.addEventListener(SfChatOpenEvent.type, veto);
    await el.show();
    expect(el.open).to.equal(false);
    el.removeEventListener(SfChatOpenEvent.type, veto);
  });

  it('restores the conversation on the next page load, with the unread count', async () => {
    const adapter = chatAdapter();
    const first = await launcher(adapter);
    await openPanel(first);
    await type(first, 'Is the blue one in stock?');
    await until(() => part(first, 'delivery')?.textContent === 'Sent', 'sent');
    first.hide();
    const id = (await store.get('chat-conversation'))!;
    unmountAll(); // the shopper goes to another page
    adapter.agentSays(id, 'Yes, in every size.');

    const next = await launcher(adapter);
    await until(() => next.unread === 1, 'the unread count on the next page');
    await openPanel(next);
    await until(() => texts(next).length === 2, 'the history');
    expect(texts(next)).to.deep.equal(['Is the blue one in stock?', 'Yes, in every size.']);
  });

  it('keeps a message written offline through a reload and sends it once', async () => {
    const adapter = chatAdapter();
    const el = await launcher(adapter);
    await openPanel(el);
    adapter.offline = true;
    await type(el, 'Sent from a tunnel');
    await until(() => texts(el).includes('Sent from a tunnel'), 'the queued message');
    expect(part(el, 'delivery')!.textContent).to.equal('Sending…');
    await expect(el).to.be.accessible();
    unmountAll(); // reload

    adapter.offline = false;
    const reloaded = await launcher(adapter);
    await until(async () => (await store.get('chat-outbox'))?.length === 0, 'the outbox sent');
    const id = (await store.get('chat-conversation'))!;
    expect(await storedBodies(adapter, id)).to.deep.equal(['Sent from a tunnel']);
    await openPanel(reloaded);
    await until(() => part(reloaded, 'delivery')?.textContent === 'Sent', 'shown as sent');
  });

  it('says so when the connection drops, and catches up when it is back', async () => {
    const adapter = chatAdapter();
    const id = await earlierConversation(adapter);
    const el = await launcher(adapter);
    await openPanel(el);
    await until(() => texts(el).length === 2, 'the history');
    adapter.offline = true;
    adapter.dropStreams();
    adapter.agentSays(id, 'Said while you were away');
    await until(() => part(el, 'notice')?.getAttribute('role') === 'status', 'the offline notice');
    await expect(el).to.be.accessible();
    adapter.offline = false;
    window.dispatchEvent(new Event('online'));
    await until(() => texts(el).length === 3 && !part(el, 'notice'), 'the catch-up');
    expect(texts(el)[2]).to.equal('Said while you were away');
  });

  it('shows a failed message as not sent, with a retry that sends it', async () => {
    const adapter = chatAdapter();
    const el = await launcher(adapter);
    await openPanel(el);
    await type(el, 'First');
    await until(() => part(el, 'delivery')?.textContent === 'Sent', 'the first message');
    adapter.failNext('chat.send', new AdapterError('http', 'Server error', { status: 500 }));
    await type(el, 'Second');
    await until(() => part(el, 'retry-button'), 'the retry button');
    expect(parts(el, 'delivery').map((node) => node.textContent)).to.deep.equal(['Sent', 'Not sent.']);
    await expect(el).to.be.accessible();
    part(el, 'retry-button')!.click();
    await until(() => parts(el, 'delivery').every((node) => node.textContent === 'Sent'), 'sent on retry');
    expect(await storedBodies(adapter, (await store.get('chat-conversation'))!)).to.deep.equal(['First', 'Second']);
  });

  it('attaches images of the allowed types and sizes only', async () => {
    const adapter = chatAdapter();
    const el = await launcher(adapter);
    await openPanel(el);
    chooseFile(el, new File(['%PDF'], 'invoice.pdf', { type: 'application/pdf' }));
    await until(() => el.shadowRoot!.querySelector('[role=alert]'), 'the refusal');
    chooseFile(el, new File([new Uint8Array(5 * 1024 * 1024 + 1)], 'huge.png', { type: 'image/png' }));
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role=alert]')).to.not.equal(null);
    const photo = new File([new Uint8Array([137, 80, 78, 71])], 'scratch.png', { type: 'image/png' });
    chooseFile(el, photo);
    await until(() => !el.shadowRoot!.querySelector('[role=alert]'), 'the image accepted');
    expect(el.shadowRoot!.querySelector('.note')!.textContent).to.contain('scratch.png');
    await type(el, 'It arrived like this');
    await until(() => callsTo(adapter, 'chat.send').length === 1, 'the send');
    const sent = callsTo(adapter, 'chat.send')[0]!.args[1] as { attachment?: File; body: string };
    // Kept in the outbox (IndexedDB) until sent: a copy of the shopper's file.
    expect(sent.attachment).to.be.instanceOf(File);
    expect([sent.attachment!.name, sent.attachment!.type, sent.attachment!.size]).to.deep.equal(['scratch.png', 'image/png', 4]);
    expect(sent.body).to.equal('It arrived like this');
  });

  it('asks for name and email first when configured, and starts the conversation with them', async () => {
    const adapter = chatAdapter();
    const el = await launcher(adapter, 'ask-name=optional ask-email=required');
    await openPanel(el);
    const form = part<HTMLFormElement>(el, 'prechat')!;
    const [name, email] = [...form.querySelectorAll('input')];
    expect(email!.required).to.equal(true);
    expect(name!.required).to.equal(false);
    expect(form.textContent).to.contain('(optional)');
    await expect(el).to.be.accessible();
    expect(el.shadowRoot!.activeElement).to.equal(name);
    email!.value = 'ann@example.com';
    form.requestSubmit();
    await until(() => el.shadowRoot!.activeElement === input(el), 'the message field');
    await until(() => callsTo(adapter, 'chat.start').length === 1, 'the conversation started');
    // With the page it starts from, and (no consent asked for) the products viewed: none yet.
    expect(callsTo(adapter, 'chat.start')[0]!.args[0]).to.deep.equal({ email: 'ann@example.com', page: location.href, viewed: [] });
  });

  it('skips what it already knows from identify() and starts the conversation as that customer', async () => {
    const adapter = chatAdapter();
    const customer = { id: 'customer-7', firstName: 'Ann', email: 'ann@example.com' };
    // Recently viewed's history, newest first: the agent sees these products beside the conversation.
    await store.set('recently-viewed', [
      { id: 'prod-2', viewedAt: 2, fetchedAt: 0 },
      { id: 'prod-1', viewedAt: 1, fetchedAt: 0 },
    ]);
    const el = await launcher(adapter, 'ask-name=required ask-email=required', { customer });
    await openPanel(el);
    expect(part(el, 'prechat')).to.equal(null);
    await type(el, 'Hi, it is Ann');
    await until(() => callsTo(adapter, 'chat.start').length === 1, 'the conversation started');
    expect(callsTo(adapter, 'chat.start')[0]!.args[0]).to.deep.equal({
      customerId: 'customer-7',
      name: 'Ann',
      email: 'ann@example.com',
      page: location.href,
      viewed: ['prod-2', 'prod-1'],
    });
    await until(() => callsTo(adapter, 'chat.send').length === 1, 'the message sent');
    expect(callsTo(adapter, 'chat.send')[0]!.args[1]).to.include({ body: 'Hi, it is Ann', page: location.href });
  });

  it('says honestly that nobody is there, and takes an email for the reply', async () => {
    const adapter = chatAdapter(awayStatus);
    const el = await launcher(adapter);
    await el.show('Can I change my order?');
    await until(() => part(el, 'email-form'), 'the email form');
    await settled(el);
    expect(part(el, 'subtitle')!.textContent).to.equal('We are outside our opening hours right now.');
    expect(part(el, 'away')!.textContent).to.contain('Leave your email and we will reply there.');
    expect(input(el)).to.equal(null); // no composer that pretends someone will answer now
    expect(part(el, 'greeting')).to.equal(null);
    await expect(el).to.be.accessible();

    const form = part<HTMLFormElement>(el, 'email-form')!;
    expect(form.querySelector('textarea')!.value).to.equal('Can I change my order?');
    expect(el.shadowRoot!.activeElement).to.equal(form.querySelector('input'));
    form.querySelector('input')!.value = 'not-an-email@';
    form.noValidate = true;
    form.requestSubmit();
    await until(() => form.querySelector('[role=alert]'), 'the invalid email');
    expect(adapter.emails).to.deep.equal([]);
    form.querySelector('input')!.value = 'ann@example.com';
    form.requestSubmit();
    await until(() => el.shadowRoot!.querySelector('[part~=away] [role=status]'), 'the thanks');
    expect(adapter.emails).to.deep.equal([{ email: 'ann@example.com', message: 'Can I change my order?' }]);
    await expect(el).to.be.accessible();
  });
});

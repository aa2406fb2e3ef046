import { expect, html } from '@open-wc/testing';
import { emulateMedia, sendKeys, setViewport } from '@web/test-runner-commands';
import { MemoryAdapter, store } from '@shopfront/core';
import '../src/define.js';
import type { SfChatLauncher } from '../src/chat-launcher.js';
import { captureWarnings, mount, until } from '../../../test/helpers/mount.js';
import { chatAdapter } from './fixtures.js';

type Launcher = SfChatLauncher & { reconfigure: (settings: object) => void };

const part = <T extends Element = HTMLElement>(el: Element, name: string) => el.shadowRoot!.querySelector<T>(`[part~="${name}"]`);
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

describe('<sf-chat-launcher>', function () {
  // Panels loaded on first use, reloads and axe runs on a shared, busy machine: more than mocha's default 10 s.
  this.timeout(30_000);
  it('renders nothing, with one warning, when the backend has no chat', async () => {
    const warnings = await captureWarnings(async () => {
      const el = await mount<Launcher>(html`<sf-chat-launcher></sf-chat-launcher>`, { adapter: new MemoryAdapter({}) });
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('button')).to.equal(null);
    });
    expect(warnings.filter((warning) => warning.includes('no chat'))).to.have.length(1);
  });

  it('floats in a corner of the window without taking space on the page', async () => {
    const el = await launcher(chatAdapter());
    const rect = part(el, 'button')!.getBoundingClientRect();
    expect(getComputedStyle(el).position).to.equal('fixed');
    expect(rect.right).to.be.closeTo(innerWidth - 20, 1);
    expect(rect.bottom).to.be.closeTo(innerHeight - 20, 1);
    el.corner = 'top-start';
    el.style.setProperty('--sf-chat-offset-inline', '40px');
    await el.updateComplete;
    const moved = part(el, 'button')!.getBoundingClientRect();
    expect([moved.left, moved.top]).to.deep.equal([40, 20]);
  });

  it('sits in the mirrored corner, and opens there, right to left', async () => {
    const el = await launcher(chatAdapter(), '', { locale: 'ar' });
    expect(el.matches(':state(rtl)')).to.equal(true);
    expect(part(el, 'button')!.getBoundingClientRect().left).to.be.closeTo(20, 1);
    await openPanel(el);
    expect(part(el, 'panel')!.getBoundingClientRect().left).to.be.closeTo(20, 1);
    await expect(el).to.be.accessible();
  });

  it('opens from the keyboard, sends with Enter, closes with Escape and gives focus back', async () => {
    const adapter = chatAdapter();
    const el = await launcher(adapter);
    part(el, 'button')!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => el.shadowRoot!.activeElement === input(el), 'focus in the message field');
    expect(part(el, 'panel')!.getAttribute('role')).to.equal('dialog');
    expect(part(el, 'button')!.getAttribute('aria-expanded')).to.equal('true');

    await sendKeys({ type: 'Where is my order?' });
    await sendKeys({ press: 'Enter' });
    await until(() => texts(el).includes('Where is my order?'), 'the message in the log');
    expect(input(el)!.value).to.equal('');
    await until(() => part(el, 'delivery')?.textContent?.trim() === 'Sent', 'the message sent');

    await sendKeys({ press: 'Escape' });
    expect(el.open).to.equal(false);
    expect(part(el, 'panel')!.hidden).to.equal(true);
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'button'));

    await sendKeys({ press: 'Space' });
    await until(() => el.open && el.shadowRoot!.activeElement === input(el), 'opened again with Space');
    await sendKeys({ type: 'Line one' });
    await sendKeys({ press: 'Shift+Enter' });
    await sendKeys({ type: 'Line two' });
    expect(input(el)!.value).to.equal('Line one\nLine two');
  });

  it('tells the shop the shopper is typing, again every few seconds while they do, and that they stopped', async () => {
    const adapter = chatAdapter();
    const id = await earlierConversation(adapter);
    const el = await launcher(adapter);
    await openPanel(el);
    await until(() => texts(el).includes('Do you ship to Norway?'), 'the conversation');
    const told = () => adapter.calls.filter((call) => call.method === 'chat.typing').map((call) => call.args);
    input(el)!.focus();
    await sendKeys({ type: 'And to' });
    // Six keystrokes: told that the shopper types, not once per key (again only if 3 s passed meanwhile).
    const typed = told();
    expect(typed.length).to.be.within(1, 2);
    expect(typed.every(([conversation, active]) => conversation === id && active === true)).to.equal(true);
    await sendKeys({ press: 'Enter' });
    await until(() => texts(el).includes('And to'), 'the message sent');
    // Sending ends the typing.
    expect(told().slice(typed.length)).to.deep.equal([[id, false]]);
    await store.clear(); // what this shopper read must not mark the next test's conversation read
  });

  it('asks how it went once an agent resolves the conversation, by keyboard, and sends the rating once', async () => {
    const adapter = chatAdapter();
    const id = await earlierConversation(adapter);
    const el = await launcher(adapter);
    await openPanel(el);
    await until(() => texts(el).includes('We do, in 3 to 5 days.'), 'the conversation');
    expect(part(el, 'rating')).to.equal(null);
    adapter.resolve(id);
    await until(() => part(el, 'rating'), 'the question');
    await expect(el).to.be.accessible();
    // The stars are one radio group: focus the first, arrow to the fourth.
    el.shadowRoot!.querySelector<HTMLInputElement>('input[name="rating"]')!.focus();
    for (let i = 0; i < 3; i++) await sendKeys({ press: 'ArrowRight' });
    expect(el.shadowRoot!.activeElement?.getAttribute('aria-label')).to.equal('4 out of 5');
    el.shadowRoot!.querySelector<HTMLTextAreaElement>('#rating-comment')!.value = 'Very helpful';
    part<HTMLFormElement>(el, 'rating')!.requestSubmit();
    await until(() => part(el, 'rating-thanks'), 'the thanks');
    expect(adapter.calls.filter((call) => call.method === 'chat.rate').map((call) => call.args)).to.deep.equal([
      [id, { rating: 4, comment: 'Very helpful' }],
    ]);
    // A second resolve in this page asks nothing more.
    adapter.resolve(id);
    expect(part(el, 'rating')).to.equal(null);
    await store.clear();
  });

  it('is accessible closed and open, with an unread count and a conversation', async () => {
    const adapter = chatAdapter();
    const id = await earlierConversation(adapter);
    const el = await launcher(adapter);
    await until(() => el.unread === 1, 'the unread count');
    await expect(el).to.be.accessible();
    adapter.agentSays(id, 'Anything else?');
    await until(() => part(el, 'badge')?.textContent === '2', 'the badge');
    expect(part(el, 'button')!.getAttribute('aria-label')).to.equal('Chat with us, 2 unread messages');
    await openPanel(el);
    await expect(el).to.be.accessible();
  });

  it('fills the whole screen on a narrow window', async () => {
    await setViewport({ width: 360, height: 640 });
    try {
      const el = await launcher(chatAdapter());
      await openPanel(el);
      const rect = part(el, 'panel')!.getBoundingClientRect();
      expect([rect.left, rect.top, rect.width, rect.height]).to.deep.equal([0, 0, 360, 640]);
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('opens without motion for shoppers who ask for less', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    try {
      const el = await launcher(chatAdapter());
      await openPanel(el);
      expect(getComputedStyle(part(el, 'panel')!).transitionDuration).to.equal('0s, 0s');
    } finally {
      await emulateMedia({ reducedMotion: 'no-preference' });
    }
    const el = await launcher(chatAdapter());
    await openPanel(el);
    expect(getComputedStyle(part(el, 'panel')!).transitionDuration).to.not.equal('0s, 0s');
  });

  it('follows the dark theme and the shop’s tokens', async () => {
    const el = await launcher(chatAdapter(), '', { theme: 'dark' });
    await openPanel(el);
    expect(getComputedStyle(part(el, 'panel')!).backgroundColor).to.equal('rgb(31, 41, 55)');
    await expect(el).to.be.accessible();
    el.style.setProperty('--sf-chat-launcher-background', 'rgb(1, 2, 3)');
    expect(getComputedStyle(part(el, 'button')!).backgroundColor).to.equal('rgb(1, 2, 3)');
  });
});

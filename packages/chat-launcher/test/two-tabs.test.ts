import { expect, html } from '@open-wc/testing';
import { store } from '@shopfront/core';
import '../src/define.js';
import type { SfChatLauncher } from '../src/chat-launcher.js';
import { mount, unmountAll, until } from '../../../test/helpers/mount.js';
import { callsTo, chatAdapter } from './fixtures.js';

/** Opens a second tab: an iframe running the chat on its own, on the same backend. */
function openSecondTab(): { frame: HTMLIFrameElement; unread: () => number | undefined; ready: Promise<void> } {
  let unread: number | undefined;
  let markReady!: () => void;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  addEventListener('message', (event: MessageEvent<{ tab?: string; unread?: number; ready?: boolean }>) => {
    if (event.data?.tab !== 'second') return;
    if (event.data.ready) markReady();
    if (event.data.unread !== undefined) unread = event.data.unread;
  });
  const frame = document.createElement('iframe');
  frame.title = 'Second tab';
  const module = new URL('./support/second-tab.ts', import.meta.url).href;
  frame.srcdoc = `<!doctype html><body><script type="module">import ${JSON.stringify(module)};</script></body>`;
  document.body.append(frame);
  return { frame, unread: () => unread, ready };
}

afterEach(() => unmountAll());

describe('<sf-chat-launcher> in two tabs', () => {
  it('holds one stream for both tabs, and both show the same unread count', async () => {
    await store.clear();
    const adapter = chatAdapter();
    (window as unknown as { chatTestAdapter: unknown }).chatTestAdapter = adapter;
    const first = await mount<SfChatLauncher>(html`<sf-chat-launcher></sf-chat-launcher>`, { adapter });
    await first.show();
    await until(() => first.shadowRoot!.querySelector('#input'), 'the panel');
    const field = first.shadowRoot!.querySelector<HTMLTextAreaElement>('#input')!;
    field.value = 'Hello from the first tab';
    field.dispatchEvent(new InputEvent('input'));
    field.form!.requestSubmit();
    await until(() => callsTo(adapter, 'chat.subscribe').length === 1, 'the stream');
    first.hide();
    const id = (await store.get('chat-conversation'))!;

    const second = openSecondTab();
    try {
      await second.ready;
      // The second tab restores the conversation from the shared store, and does not open a stream.
      await until(() => callsTo(adapter, 'chat.history').length >= 2, 'the second tab loading the history');
      adapter.agentSays(id, 'Hello to both tabs');
      await until(() => first.unread === 1 && second.unread() === 1, 'the unread count in both tabs');
      expect(callsTo(adapter, 'chat.subscribe')).to.have.length(1);

      await first.show(); // reading it in one tab reads it in both
      await until(() => first.unread === 0 && second.unread() === 0, 'read in both tabs');

      first.hide();
      unmountAll(); // the first tab closes: the second takes the stream over
      await until(() => callsTo(adapter, 'chat.subscribe').length === 2, 'the hand-over');
      adapter.agentSays(id, 'Only the second tab is left');
      await until(() => second.unread() === 1, 'the message in the second tab');
      expect(callsTo(adapter, 'chat.subscribe')).to.have.length(2);
    } finally {
      second.frame.remove();
    }
  });
});

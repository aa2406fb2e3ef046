import { expect, html } from '@open-wc/testing';
import { configure } from '@shopfront/core';
import { get as idbGet, createStore } from 'idb-keyval';
import '../src/define.js';
import type { SfChatLauncher } from '../src/chat-launcher.js';
import { mount, unmountAll, until } from '../../../test/helpers/mount.js';
import { callsTo, chatAdapter } from './fixtures.js';

// A fresh browser context per test file: no Shopfront database exists yet.
const databases = async () => (await indexedDB.databases()).map((database) => database.name);

afterEach(() => unmountAll());

describe('<sf-chat-launcher> with consent required', () => {
  it('writes nothing to the browser until the shopper opens the chat', async () => {
    configure({ consent: 'required' });
    const adapter = chatAdapter();
    const el = await mount<SfChatLauncher>(html`<sf-chat-launcher></sf-chat-launcher>`, { adapter });
    // The chat code loads (idle, hover) and asks for the status, all before any interaction.
    el.shadowRoot!.querySelector('button')!.dispatchEvent(new PointerEvent('pointerenter'));
    await until(() => callsTo(adapter, 'chat.status').length === 1, 'the chat code loaded');
    expect(await databases()).to.not.include('shopfront');

    await el.show();
    await until(() => el.shadowRoot!.querySelector('#input'), 'the panel');
    const field = el.shadowRoot!.querySelector<HTMLTextAreaElement>('#input')!;
    field.value = 'Hello';
    field.dispatchEvent(new InputEvent('input'));
    field.form!.requestSubmit();
    await until(() => el.shadowRoot!.querySelector('[part~=delivery]')?.textContent === 'Sent', 'the message sent');
    expect(await databases()).to.include('shopfront');
    const onDisk = await idbGet<{ value: string }>('chat-conversation', createStore('shopfront', 'kv'));
    expect(onDisk?.value).to.match(/^conversation-/);
    // Opening the chat is consent to keep the conversation, not to share what the shopper browsed.
    const start = callsTo(adapter, 'chat.start')[0]!.args[0] as { page?: string; viewed?: string[] };
    expect(start.page).to.equal(location.href);
    expect(start.viewed).to.equal(undefined);
  });
});

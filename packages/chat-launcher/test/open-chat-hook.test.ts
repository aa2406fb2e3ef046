import { expect } from '@open-wc/testing';
import { configure, installGlobal, store, type ShopfrontApi } from '@shopfront/core';
import { until } from '../../../test/helpers/mount.js';
import { callsTo, chatAdapter } from './fixtures.js';

// The queue stub a shop pastes in <head>, filled before Shopfront loads (the FAQ
// widget's "ask us" hand-off calls the same hook). This file loads the chat
// widget itself only later, in the test.
window.Shopfront = [['openChat', 'Where is my order?']];

const api = () => window.Shopfront as ShopfrontApi;
const field = (el: Element) => el.shadowRoot?.querySelector<HTMLTextAreaElement>('#input');

describe('Shopfront.openChat() and closeChat()', () => {
  it('opens the launcher with the prefill, even when called before the chat widget loaded', async () => {
    await store.clear();
    const adapter = chatAdapter();
    installGlobal(); // core is on the page (another widget); the chat widget is not yet
    configure({ adapter, customer: { id: 'customer-9', firstName: 'Noor' } });
    const el = document.createElement('sf-chat-launcher');
    document.body.append(el); // in the page's HTML, not yet upgraded
    expect(customElements.get('sf-chat-launcher')).to.equal(undefined);

    await import('../src/define.js');
    await until(() => el.open && field(el) && el.shadowRoot!.activeElement === field(el), 'the open panel, focus in the field');
    expect(field(el)!.value).to.equal('Where is my order?');

    api().closeChat();
    expect(el.open).to.equal(false);

    // identify() changes who the conversation starts as, up to the first message.
    api().identify({ id: 'customer-10', firstName: 'Lea', email: 'lea@example.com' });
    api().openChat('Is my parcel lost?');
    await until(() => el.open && field(el)?.value === 'Is my parcel lost?', 'opened again with the new prefill');
    field(el)!.form!.requestSubmit();
    await until(() => callsTo(adapter, 'chat.start').length === 1, 'the conversation started');
    expect(callsTo(adapter, 'chat.start')[0]!.args[0]).to.deep.equal({
      customerId: 'customer-10',
      name: 'Lea',
      email: 'lea@example.com',
      page: location.href,
      viewed: [],
    });
    el.remove();
  });

  it('adds a launcher to a page that has none', async () => {
    expect(document.querySelector('sf-chat-launcher')).to.equal(null);
    api().openChat();
    const el = document.querySelector('sf-chat-launcher');
    expect(el).to.not.equal(null);
    await until(() => el!.open && field(el!), 'the open panel');
    el!.remove();
  });
});

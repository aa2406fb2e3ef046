import { expect } from '@open-wc/testing';
import { configure, store } from '@shopfront/core';
import { until } from '../../../test/helpers/mount.js';
import { chatAdapter } from './fixtures.js';

// The page is the one an emailed answer links to: `?sf_chat=open` (with the shop's own parameters).
const page = location.href;
history.replaceState(null, '', `${location.pathname}?utm_source=email&sf_chat=open#top`);

describe('the link in an emailed answer', () => {
  after(() => history.replaceState(null, '', page));

  it('opens the chat once, and leaves the rest of the address as it was', async () => {
    await store.clear();
    configure({ adapter: chatAdapter() });
    await import('../src/define.js');
    const el = document.createElement('sf-chat-launcher');
    document.body.append(el);
    await until(() => el.open && el.shadowRoot?.querySelector('#input'), 'the open panel');
    expect(location.search).to.equal('?utm_source=email');
    expect(location.hash).to.equal('#top');
    el.remove();

    // Back on the page (the parameter gone), a launcher stays closed until asked.
    const again = document.createElement('sf-chat-launcher');
    document.body.append(again);
    await again.updateComplete;
    expect(again.open).to.equal(false);
    again.remove();
  });
});

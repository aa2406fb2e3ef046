import { expect, html } from '@open-wc/testing';
import { store } from '@shopfront/core';
import '../src/define.js';
import type { SfChatLauncher } from '../src/chat-launcher.js';
import { failNextFetch } from '../../../test/helpers/fail-fetch.js';
import { captureWarnings, mount, unmountAll, until } from '../../../test/helpers/mount.js';
import { chatAdapter } from './fixtures.js';

// Its own file: a page fetches a module once, so the panel must not have been loaded here before.
describe('<sf-chat-launcher> on a flaky connection', function () {
  this.timeout(30_000);
  beforeEach(() => store.clear());
  afterEach(() => unmountAll());

  it('closes again when the panel cannot be fetched, and opens with it on the next try', async () => {
    const el = await mount<SfChatLauncher>(html`<sf-chat-launcher></sf-chat-launcher>`, { adapter: chatAdapter() });
    await until(() => el.shadowRoot!.querySelector('[part~=button]'), 'the launcher button');
    await failNextFetch('/chat-panel.ts');
    const closes: Event[] = [];
    el.addEventListener('sf-chat-close', (event) => closes.push(event));
    const warnings = await captureWarnings(() => el.show());
    expect(warnings.join()).to.contain('the next use tries again');
    expect([el.open, closes.length]).to.deep.equal([false, 1]);
    expect(el.shadowRoot!.querySelector('[part~=panel]')).to.equal(null);

    await el.show('Hello?');
    await until(() => el.shadowRoot!.activeElement?.id === 'input', 'the panel with focus in its field');
    expect([el.open, el.shadowRoot!.querySelector<HTMLTextAreaElement>('#input')!.value]).to.deep.equal([true, 'Hello?']);
  });
});

import { expect } from '@open-wc/testing';
import { type ShopfrontApi, store } from '@shopfront/core';
import { unmountAll, until } from '../../../test/helpers/mount.js';
import { $, guest, loyaltyAdapter, mountBadge, popoverReady } from './helpers.js';

// The shop's page, before Shopfront's code arrived: the queue stub with a deep
// link (an email's "see your rewards" link, say). This file imports the widget
// only inside its first test.
window.Shopfront = [['openLoyalty', 'redeem']];

const fetched = (part: string) => performance.getEntriesByType('resource').some((entry) => entry.name.includes(part));

describe('Shopfront.openLoyalty(page)', function () {
  // Several axe runs per test on a shared, busy machine: more than mocha's default 10 s.
  this.timeout(30_000);
  beforeEach(() => store.clear());
  afterEach(() => unmountAll());

  it('a call made before the widget loaded opens that panel once the badge is on the page', async () => {
    await import('../src/define.js');
    expect(fetched('popover.ts'), 'the popover chunk is not fetched yet').to.equal(false);
    const el = await mountBadge(loyaltyAdapter());
    await popoverReady(el);
    expect(el.page).to.equal('redeem');
    expect($(el, '#tab-redeem')!.getAttribute('aria-selected')).to.equal('true');
  });

  it('opens the first visible badge on the panel asked for', async () => {
    const hidden = await mountBadge(loyaltyAdapter(), { around: 'display: none', ready: () => true });
    const el = await mountBadge(loyaltyAdapter());
    (window.Shopfront as ShopfrontApi).openLoyalty('history');
    await popoverReady(el);
    expect($(el, '#tab-history')!.getAttribute('aria-selected')).to.equal('true');
    expect(hidden.open).to.equal(false);
  });

  it('an unknown panel name opens the popover on the panel it was on', async () => {
    const el = await mountBadge(loyaltyAdapter());
    (window.Shopfront as ShopfrontApi).openLoyalty('no-such-panel');
    await popoverReady(el);
    expect($(el, '#tab-earn')!.getAttribute('aria-selected')).to.equal('true');
  });

  it('a guest sent to Redeem sees the join prompt', async () => {
    const el = await mountBadge(loyaltyAdapter({ member: guest }));
    (window.Shopfront as ShopfrontApi).openLoyalty('redeem');
    const popover = await popoverReady(el);
    expect(popover.querySelector('[part~=join-prompt]')).not.to.equal(null);
  });

  it('opens while the data is still loading, and shows it when it arrives', async () => {
    const adapter = loyaltyAdapter();
    adapter.pause();
    const el = await mountBadge(adapter, { ready: (badge) => $(badge, '[part~=skeleton]') });
    (window.Shopfront as ShopfrontApi).openLoyalty('refer');
    const popover = await popoverReady(el);
    expect(popover.querySelector('[role=status]')).not.to.equal(null);
    await expect(el).to.be.accessible();
    expect(el.shadowRoot!.activeElement?.id).to.equal('popover');
    adapter.resume();
    await until(() => $(el, '#tab-refer')?.getAttribute('aria-selected') === 'true', 'the Refer panel');
    // Focus moves on from the popover to the selected tab once there is one.
    await until(() => el.shadowRoot!.activeElement?.id === 'tab-refer', 'focus on the Refer tab');
  });
});

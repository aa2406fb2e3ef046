import { expect } from '@open-wc/testing';
import { resetMouse } from '@web/test-runner-commands';
import { store } from '@shopfront/core';
import { unmountAll, until } from '../../../test/helpers/mount.js';
import '../src/define.js';
import { $, $$, loyaltyAdapter, member, mountBadge, openPopover, selectTab, textOf } from './helpers.js';

const calls = (adapter: ReturnType<typeof loyaltyAdapter>, method: string) => adapter.calls.filter((call) => call.method === method).length;
describe('<sf-loyalty-badge> popover', function () {
  // Several axe runs per test on a shared, busy machine: more than mocha's default 10 s.
  this.timeout(30_000);
  beforeEach(() => store.clear());
  afterEach(async () => {
    unmountAll();
    await resetMouse();
  });

  describe('panels', () => {
    it('Earn lists the ways to earn with their points, and the tiers with the shopper’s marked', async () => {
      const el = await mountBadge(loyaltyAdapter());
      const popover = await openPopover(el);
      expect($$(el, '[part~=way-to-earn]').map(textOf)).to.deep.equal([
        '5 points per €1 spent +5 points',
        'Write a review +50 points',
        'Celebrate your birthday +100 points',
      ]);
      const tiers = $$(el, '[part~=tier-item]');
      expect(tiers.map((tier) => tier.hasAttribute('aria-current'))).to.deep.equal([false, true, false]);
      expect(textOf(tiers[1])).to.equal('Silver Your tier Free shipping from 500 points');
      expect(textOf(popover.querySelector('[part~=summary]'))).to.equal('725 points Silver 275 points to Gold');
      await expect(el).to.be.accessible();
    });

    it('History loads when first shown and lists recent activity with signed points', async () => {
      const adapter = loyaltyAdapter();
      const el = await mountBadge(adapter);
      await openPopover(el);
      expect(calls(adapter, 'loyalty.activity')).to.equal(0);
      await selectTab(el, 'history');
      await until(() => $$(el, '[part~=activity]').length === 3, 'activity');
      expect(calls(adapter, 'loyalty.activity')).to.equal(1);
      const rows = $$(el, '[part~=activity]');
      expect(textOf(rows[0]!.querySelector('.amount'))).to.equal('+50');
      expect(textOf(rows[1]!.querySelector('.amount'))).to.equal('-300');
      expect(textOf(rows[1])).to.contain('Free shipping');
      expect(rows[0]!.querySelector('time')!.getAttribute('datetime')).to.equal('2026-11-18T10:00:00Z');
      await expect(el).to.be.accessible();
    });

    it('History says so when there is none yet', async () => {
      const el = await mountBadge(loyaltyAdapter({ activity: [] }));
      await openPopover(el, 'history');
      await until(() => textOf($(el, '#panel-history')) === 'No activity yet.', 'the empty history');
    });

    it('a bad activity payload shows the error state in History, and retry recovers', async () => {
      const adapter = loyaltyAdapter();
      adapter.respondNext('loyalty.activity', { activity: [{ id: 'x', kind: 'earn', points: 'ten' }] });
      const el = await mountBadge(adapter);
      await openPopover(el, 'history');
      await until(() => $(el, '#panel-history [role=alert]'), 'the error state');
      expect(textOf($(el, '#panel-history [role=alert]'))).to.contain("We received something we didn't understand");
      await expect(el).to.be.accessible();
      $(el, '#panel-history [part~=retry-button]')!.click();
      await until(() => $$(el, '[part~=activity]').length === 3, 'activity after retrying');
    });

    it('Refer copies the link and shares it where the browser can', async () => {
      const copied: string[] = [];
      const shared: ShareData[] = [];
      Object.defineProperty(navigator.clipboard, 'writeText', {
        configurable: true,
        value: async (text: string) => void copied.push(text),
      });
      Object.defineProperty(navigator, 'share', { configurable: true, value: async (data: ShareData) => void shared.push(data) });
      try {
        const el = await mountBadge(loyaltyAdapter());
        await openPopover(el, 'refer');
        expect($<HTMLInputElement>(el, '#referral')!.value).to.equal(member.referralUrl);
        $(el, '#panel-refer [part~=copy-button]')!.click();
        await until(() => textOf($(el, '#panel-refer [role=status]')) === 'Copied to the clipboard.', 'the copy confirmation');
        expect(copied).to.deep.equal([member.referralUrl]);
        $(el, '[part~=share-button]')!.click();
        await until(() => shared.length === 1, 'the share sheet');
        expect(shared[0]).to.deep.equal({ title: 'Harbour Rewards', text: 'Join me at Harbour Rewards', url: member.referralUrl });
        await expect(el).to.be.accessible();
      } finally {
        delete (navigator.clipboard as { writeText?: unknown }).writeText;
        delete (navigator as { share?: unknown }).share;
      }
    });

    it('Refer has no share button where the browser cannot share', async () => {
      const el = await mountBadge(loyaltyAdapter());
      await openPopover(el, 'refer');
      expect(!!$(el, '[part~=share-button]')).to.equal('share' in navigator);
    });

    it('there is no Refer tab for a shopper without a referral link', async () => {
      const el = await mountBadge(loyaltyAdapter({ member: { ...member, referralUrl: undefined } }));
      await openPopover(el, 'refer');
      expect($$(el, '[role=tab]').map((tab) => tab.id)).to.deep.equal(['tab-earn', 'tab-redeem', 'tab-history']);
      expect($(el, '#tab-earn')!.getAttribute('aria-selected')).to.equal('true');
    });
  });
});

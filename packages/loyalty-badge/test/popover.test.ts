import { expect } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import { AdapterError, store } from '@shopfront/core';
import { unmountAll, until } from '../../../test/helpers/mount.js';
import '../src/define.js';
import type { SfRewardRedeemEvent } from '../src/panel-events.js';
import {
  $,
  $$,
  type Badge,
  deepActive,
  loyaltyAdapter,
  member,
  mountBadge,
  openPopover,
  popoverReady,
  selectTab,
  textOf,
} from './helpers.js';

const focused = (el: Badge, selector: string) => deepActive() === $(el, selector);
const calls = (adapter: ReturnType<typeof loyaltyAdapter>, method: string) => adapter.calls.filter((call) => call.method === method).length;
const center = (element: Element): [number, number] => {
  const rect = element.getBoundingClientRect();
  return [Math.round(rect.left + rect.width / 2), Math.round(rect.top + rect.height / 2)];
};

async function press(key: string): Promise<void> {
  await sendKeys({ press: key });
}

describe('<sf-loyalty-badge> popover', function () {
  // Several axe runs per test on a shared, busy machine: more than mocha's default 10 s.
  this.timeout(30_000);
  beforeEach(() => store.clear());
  afterEach(async () => {
    unmountAll();
    await resetMouse();
  });

  describe('opening and closing', () => {
    it('opens from the badge with focus on the selected tab, and fires sf-loyalty-open', async () => {
      const el = await mountBadge(loyaltyAdapter());
      const pages: string[] = [];
      el.addEventListener('sf-loyalty-open', (event) => pages.push(event.page));
      $(el, '#trigger')!.focus();
      await press('Enter');
      const popover = await popoverReady(el);
      expect(pages).to.deep.equal(['earn']);
      expect(el.open).to.equal(true);
      expect(el.matches(':state(open)')).to.equal(true);
      expect($(el, '#trigger')!.getAttribute('aria-expanded')).to.equal('true');
      expect(popover.getAttribute('role')).to.equal('dialog');
      expect(textOf(el.shadowRoot!.getElementById(popover.getAttribute('aria-labelledby')!))).to.equal('Harbour Rewards');
      expect(focused(el, '#tab-earn'), 'focus on the Earn tab').to.equal(true);
      await expect(el).to.be.accessible();
    });

    it('Esc closes it, focus returns to the badge, and sf-loyalty-close fires', async () => {
      const el = await mountBadge(loyaltyAdapter());
      let closed = 0;
      el.addEventListener('sf-loyalty-close', () => closed++);
      $(el, '#trigger')!.focus();
      await press('Enter');
      const popover = await popoverReady(el);
      await press('Escape');
      await until(() => !popover.matches(':popover-open'), 'closed');
      await until(() => closed === 1, 'sf-loyalty-close');
      expect(el.open).to.equal(false);
      expect(focused(el, '#trigger'), 'focus back on the badge').to.equal(true);
      expect($(el, '#trigger')!.getAttribute('aria-expanded')).to.equal('false');
    });

    it('a click outside closes it', async () => {
      const el = await mountBadge(loyaltyAdapter());
      const popover = await openPopover(el);
      await sendMouse({ type: 'click', position: [window.innerWidth - 5, window.innerHeight - 5] });
      await until(() => !popover.matches(':popover-open'), 'closed by the outside click');
      expect(el.open).to.equal(false);
    });

    it('a click on the badge while open closes it', async () => {
      const el = await mountBadge(loyaltyAdapter());
      await sendMouse({ type: 'click', position: center($(el, '#trigger')!) });
      const popover = await popoverReady(el);
      await sendMouse({ type: 'click', position: center($(el, '#trigger')!) });
      await until(() => !popover.matches(':popover-open'), 'closed');
    });

    it('the close button closes it and focus returns to the badge', async () => {
      const el = await mountBadge(loyaltyAdapter());
      $(el, '#trigger')!.focus();
      await press('Enter');
      const popover = await popoverReady(el);
      $(el, '[part~=close-button]')!.focus();
      await press('Enter');
      await until(() => !popover.matches(':popover-open'), 'closed');
      expect(focused(el, '#trigger'), 'focus back on the badge').to.equal(true);
    });

    it('a shop can cancel sf-loyalty-open to keep it closed', async () => {
      const el = await mountBadge(loyaltyAdapter());
      el.addEventListener('sf-loyalty-open', (event) => event.preventDefault());
      $(el, '#trigger')!.click();
      el.show('redeem');
      await el.updateComplete;
      await el.updateComplete;
      expect($(el, '#popover')!.matches(':popover-open')).to.equal(false);
      expect(el.open).to.equal(false);
    });

    it('opens on a given panel with show(page), and the open attribute opens it on load', async () => {
      const el = await mountBadge(loyaltyAdapter());
      await openPopover(el, 'history');
      expect($(el, '#tab-history')!.getAttribute('aria-selected')).to.equal('true');
      expect(focused(el, '#tab-history'), 'focus on the History tab').to.equal(true);
      el.hide();
      await until(() => !$(el, '#popover')!.matches(':popover-open'), 'closed');
      el.setAttribute('page', 'refer');
      el.setAttribute('open', '');
      await until(() => $(el, '#popover')!.matches(':popover-open') && !$(el, '#panel-refer')?.hidden, 'open on Refer');
    });
  });

  it('stays open when the badge re-renders while it opens (a translation arriving, say)', async () => {
    const el = await mountBadge(loyaltyAdapter());
    $(el, '#trigger')!.click();
    // Before the toggle event: a render in this window used to close the popover again.
    el.requestUpdate();
    await el.updateComplete;
    await popoverReady(el);
    expect($(el, '#popover')!.matches(':popover-open')).to.equal(true);
  });

  describe('keyboard', () => {
    it('arrows, Home and End move through Earn, Redeem, History and Refer; Tab goes into the panel', async () => {
      const el = await mountBadge(loyaltyAdapter());
      $(el, '#trigger')!.focus();
      await press('Enter');
      await popoverReady(el);
      const selected = () => $(el, '[role=tab][aria-selected=true]')!.id;
      const visiblePanel = () => $$(el, '[role=tabpanel]').find((panel) => !panel.hidden)!.id;
      for (const [key, tab] of [
        ['ArrowRight', 'tab-redeem'],
        ['ArrowRight', 'tab-history'],
        ['ArrowRight', 'tab-refer'],
        ['ArrowRight', 'tab-earn'],
        ['ArrowLeft', 'tab-refer'],
        ['Home', 'tab-earn'],
        ['End', 'tab-refer'],
      ] as const) {
        await press(key);
        await until(() => selected() === tab && focused(el, `#${tab}`), `${key} to ${tab}`);
        expect(visiblePanel()).to.equal(tab.replace('tab-', 'panel-'));
      }
      // Into each panel and back to its tab.
      for (const page of ['earn', 'redeem', 'history']) {
        await press(page === 'earn' ? 'Home' : 'ArrowRight');
        await until(() => focused(el, `#tab-${page}`), `the ${page} tab`);
        await press('Tab');
        expect(focused(el, `#panel-${page}`), `focus on the ${page} panel`).to.equal(true);
        await press('Shift+Tab');
        expect(focused(el, `#tab-${page}`), `focus back on the ${page} tab`).to.equal(true);
      }
      await press('End');
      await until(() => focused(el, '#tab-refer'), 'the Refer tab');
      await press('Tab');
      expect(focused(el, '#panel-refer'), 'focus on the Refer panel').to.equal(true);
      await press('Tab');
      expect(focused(el, '#referral'), 'focus on the referral link').to.equal(true);
      await press('Tab');
      expect(focused(el, '[part~=copy-button]'), 'focus on Copy link').to.equal(true);
    });

    it('redeems by keyboard alone: Redeem, confirm, then the code', async () => {
      const adapter = loyaltyAdapter();
      const el = await mountBadge(adapter);
      $(el, '#trigger')!.focus();
      await press('Enter');
      await popoverReady(el);
      await press('ArrowRight');
      await until(() => $$(el, '[part~=redeem-button]').length === 3, 'rewards');
      await press('Tab');
      expect(focused(el, '#panel-redeem'), 'focus on the panel').to.equal(true);
      await press('Tab');
      expect(focused(el, '#reward-0-redeem'), 'focus on the first Redeem').to.equal(true);
      await press('Enter');
      await until(() => focused(el, '#reward-0-confirm'), 'focus on Confirm');
      await press('Enter');
      await until(() => focused(el, '#code'), 'focus on the code');
      expect(calls(adapter, 'loyalty.redeem')).to.equal(1);
    });

    it('is axe clean in the dark colour scheme', async () => {
      const el = await mountBadge(loyaltyAdapter(), { settings: { theme: 'dark' } });
      expect(getComputedStyle(el).colorScheme).to.equal('dark');
      await expect(el).to.be.accessible();
      await openPopover(el, 'redeem');
      await until(() => $$(el, '[part~=reward]').length === 3, 'rewards');
      await expect(el).to.be.accessible();
    });

    it('right to left, the arrow keys follow the reading direction', async () => {
      const el = await mountBadge(loyaltyAdapter(), { settings: { locale: 'ar' } });
      $(el, '#trigger')!.focus();
      await press('Enter');
      await popoverReady(el);
      await press('ArrowLeft');
      await until(() => focused(el, '#tab-redeem'), 'ArrowLeft moves forward in Arabic');
      await press('ArrowRight');
      await until(() => focused(el, '#tab-earn'), 'ArrowRight moves back');
      await expect(el).to.be.accessible();
    });
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

  describe('redeem', () => {
    async function redeemPanel(adapter = loyaltyAdapter()) {
      const el = await mountBadge(adapter);
      await openPopover(el, 'redeem');
      await until(() => $$(el, '[part~=reward]').length === 3, 'rewards');
      return el;
    }

    it('lists rewards with their cost; those out of reach are disabled and say how many points are missing', async () => {
      const el = await redeemPanel();
      const rewards = $$(el, '[part~=reward]');
      expect(textOf(rewards[0])).to.equal('€5 off your order 500 points · Worth €5.00 Redeem €5 off your order');
      const tooDear = rewards[2]!.querySelector<HTMLButtonElement>('[part~=redeem-button]')!;
      expect(tooDear.disabled).to.equal(true);
      expect(textOf(rewards[2]!.querySelector('.missing'))).to.equal('275 points more needed');
      expect(textOf(el.shadowRoot!.getElementById(tooDear.getAttribute('aria-describedby')!))).to.contain('275 points more needed');
      expect(rewards[0]!.querySelector<HTMLButtonElement>('[part~=redeem-button]')!.disabled).to.equal(false);
      await expect(el).to.be.accessible();
    });

    it('asks to confirm, then shows the code to copy, the new balance, and fires sf-reward-redeem', async () => {
      const adapter = loyaltyAdapter();
      const el = await redeemPanel(adapter);
      const copied: string[] = [];
      Object.defineProperty(navigator.clipboard, 'writeText', {
        configurable: true,
        value: async (text: string) => void copied.push(text),
      });
      const redeemed: SfRewardRedeemEvent[] = [];
      el.addEventListener('sf-reward-redeem', (event) => redeemed.push(event));
      try {
        $(el, '#reward-0-redeem')!.click();
        await until(() => $(el, '#reward-0-confirm'), 'the confirmation');
        expect(calls(adapter, 'loyalty.redeem')).to.equal(0);
        expect(textOf($(el, '[part~=confirm]'))).to.contain('Redeem “€5 off your order” for 500 points?');
        await expect(el).to.be.accessible();
        $(el, '#reward-0-confirm')!.click();
        await until(() => $(el, '[part~=redemption]'), 'the code');
        const code = $<HTMLInputElement>(el, '#code')!.value;
        expect(code).to.match(/^SF-/);
        expect(redeemed).to.have.length(1);
        expect(redeemed[0]!.reward.id).to.equal('five-off');
        expect(redeemed[0]!.redemption.code).to.equal(code);
        expect(redeemed[0]!.bubbles && redeemed[0]!.composed).to.equal(true);
        expect(textOf($(el, '[part~=redemption]'))).to.contain('Your balance: 225 points');
        expect(textOf($(el, '[part~=trigger] [part~=points]'))).to.equal('225 points');
        expect(focused(el, '#code'), 'focus on the code').to.equal(true);
        await expect(el).to.be.accessible();
        $(el, '[part~=redemption] [part~=copy-button]')!.click();
        await until(() => textOf($(el, '[part~=redemption] [role=status]')) === 'Copied to the clipboard.', 'copied');
        expect(copied).to.deep.equal([code]);
        $(el, '[part~=back-button]')!.click();
        await until(() => $$(el, '[part~=reward]').length === 3, 'the rewards again');
        // 225 points left: the €5 reward is now out of reach.
        expect($<HTMLButtonElement>(el, '#reward-0-redeem')!.disabled).to.equal(true);
      } finally {
        delete (navigator.clipboard as { writeText?: unknown }).writeText;
      }
    });

    it('a refused copy tells the shopper to copy the code by hand', async () => {
      const el = await redeemPanel();
      Object.defineProperty(navigator.clipboard, 'writeText', {
        configurable: true,
        value: () => Promise.reject(new DOMException('no', 'NotAllowedError')),
      });
      try {
        $(el, '#reward-1-redeem')!.click();
        await until(() => $(el, '#reward-1-confirm'), 'the confirmation');
        $(el, '#reward-1-confirm')!.click();
        await until(() => $(el, '[part~=redemption] [part~=copy-button]'), 'the code');
        $(el, '[part~=redemption] [part~=copy-button]')!.click();
        await until(() => textOf($(el, '[part~=redemption] [role=status]')).startsWith("Couldn't copy"), 'the copy failure');
      } finally {
        delete (navigator.clipboard as { writeText?: unknown }).writeText;
      }
    });

    it('a double click on Confirm sends one redeem', async () => {
      const adapter = loyaltyAdapter();
      const el = await redeemPanel(adapter);
      $(el, '#reward-1-redeem')!.click();
      await until(() => $(el, '#reward-1-confirm'), 'the confirmation');
      adapter.pause();
      const confirm = $(el, '#reward-1-confirm')!;
      confirm.click();
      confirm.click();
      await sendMouse({ type: 'click', position: center(confirm) });
      await sendMouse({ type: 'click', position: center(confirm) });
      expect(confirm.getAttribute('aria-disabled')).to.equal('true');
      expect(textOf(confirm)).to.equal('Redeeming…');
      adapter.resume();
      await until(() => $(el, '[part~=redemption]'), 'the code');
      expect(calls(adapter, 'loyalty.redeem')).to.equal(1);
      expect(textOf($(el, '[part~=trigger] [part~=points]'))).to.equal('425 points');
    });

    it('a double click on Redeem only asks to confirm, even when its second click lands on Confirm', async () => {
      const adapter = loyaltyAdapter();
      const el = await redeemPanel(adapter);
      const position = center($(el, '#reward-1-redeem')!);
      await sendMouse({ type: 'click', position });
      await sendMouse({ type: 'click', position });
      await until(() => $(el, '#reward-1-confirm'), 'the confirmation');
      // A theme may put Confirm where Redeem was: the double click's second click (detail 2) lands on it.
      $(el, '#reward-1-confirm')!.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, detail: 2 }));
      await el.updateComplete;
      expect(calls(adapter, 'loyalty.redeem')).to.equal(0);
      expect(textOf($(el, '#reward-1-confirm'))).to.equal('Yes, redeem');
    });

    it('Cancel backs out and gives focus back to Redeem', async () => {
      const adapter = loyaltyAdapter();
      const el = await redeemPanel(adapter);
      $(el, '#reward-1-redeem')!.click();
      await until(() => focused(el, '#reward-1-confirm'), 'focus on Confirm');
      $(el, '[part~=cancel-button]')!.click();
      await until(() => focused(el, '#reward-1-redeem'), 'focus back on Redeem');
      expect(calls(adapter, 'loyalty.redeem')).to.equal(0);
    });

    for (const [why, error, message] of [
      [
        'the shop says there are not enough points',
        new AdapterError('http', 'Not enough points.', { status: 409 }),
        "You don't have enough points for this reward any more.",
      ],
      [
        'the shopper is no longer signed in',
        new AdapterError('http', 'Sign in.', { status: 401 }),
        'Please sign in again to redeem rewards.',
      ],
      ['the reward has ended', new AdapterError('http', 'This reward has ended.', { status: 410 }), 'This reward has ended.'],
      ['the network is down', new TypeError('Failed to fetch'), "We couldn't reach the shop. Check your connection and try again."],
    ] as const) {
      it(`when ${why}, the balance stays and the shopper is told why`, async () => {
        const adapter = loyaltyAdapter();
        const el = await redeemPanel(adapter);
        const redeemed: Event[] = [];
        el.addEventListener('sf-reward-redeem', (event) => redeemed.push(event));
        adapter.failNext('loyalty.redeem', error);
        $(el, '#reward-0-redeem')!.click();
        await until(() => $(el, '#reward-0-confirm'), 'the confirmation');
        $(el, '#reward-0-confirm')!.click();
        await until(() => $(el, '[part~=reward] [role=alert]'), 'the failure');
        expect(textOf($(el, '[part~=reward] [role=alert]'))).to.equal(message);
        expect(textOf($(el, '[part~=trigger] [part~=points]'))).to.equal('725 points');
        expect(textOf($(el, '[part~=summary] [part~=points]'))).to.equal('725 points');
        expect(redeemed).to.have.length(0);
        await until(() => focused(el, '#reward-0-redeem'), 'focus back on Redeem');
        await expect(el).to.be.accessible();
      });
    }

    it('a bad redemption from the shop is a failure, never a blank', async () => {
      const adapter = loyaltyAdapter();
      const el = await redeemPanel(adapter);
      adapter.respondNext('loyalty.redeem', { id: 'r1', code: '', points: -5 });
      $(el, '#reward-0-redeem')!.click();
      await until(() => $(el, '#reward-0-confirm'), 'the confirmation');
      $(el, '#reward-0-confirm')!.click();
      await until(() => $(el, '[part~=reward] [role=alert]'), 'the failure');
      expect(textOf($(el, '[part~=reward] [role=alert]'))).to.contain("We received something we didn't understand");
      expect(textOf($(el, '[part~=trigger] [part~=points]'))).to.equal('725 points');
    });

    it('a bad rewards payload shows the error state in Redeem, and retry recovers', async () => {
      const adapter = loyaltyAdapter();
      adapter.respondNext('loyalty.rewards', { rewards: [{ id: 'x', name: 'Free', cost: 0 }] });
      const el = await mountBadge(adapter);
      await openPopover(el, 'redeem');
      await until(() => $(el, '#panel-redeem [role=alert]'), 'the error state');
      await expect(el).to.be.accessible();
      $(el, '#panel-redeem [part~=retry-button]')!.click();
      await until(() => $$(el, '[part~=reward]').length === 3, 'rewards after retrying');
    });

    it('says so when there are no rewards yet', async () => {
      const el = await mountBadge(loyaltyAdapter({ rewards: [] }));
      await openPopover(el, 'redeem');
      await until(() => textOf($(el, '#panel-redeem')) === 'No rewards to redeem yet.', 'the empty state');
    });

    it('the history shows the redemption once redeemed', async () => {
      const adapter = loyaltyAdapter();
      const el = await mountBadge(adapter);
      await openPopover(el, 'history');
      await until(() => $$(el, '[part~=activity]').length === 3, 'activity');
      await selectTab(el, 'redeem');
      await until(() => $(el, '#reward-1-redeem'), 'rewards');
      $(el, '#reward-1-redeem')!.click();
      await until(() => $(el, '#reward-1-confirm'), 'the confirmation');
      $(el, '#reward-1-confirm')!.click();
      await until(() => $(el, '[part~=redemption]'), 'the code');
      await selectTab(el, 'history');
      await until(() => $$(el, '[part~=activity]').length === 4, 'the new entry');
      expect(textOf($$(el, '[part~=activity]')[0]!.querySelector('.amount'))).to.equal('-300');
    });
  });
});

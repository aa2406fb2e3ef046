import { expect } from '@open-wc/testing';
import { resetMouse, sendMouse } from '@web/test-runner-commands';
import { AdapterError, store } from '@shopfront/core';
import { unmountAll, until } from '../../../test/helpers/mount.js';
import '../src/define.js';
import type { SfRewardRedeemEvent } from '../src/panel-events.js';
import { $, $$, type Badge, deepActive, loyaltyAdapter, mountBadge, openPopover, selectTab, textOf } from './helpers.js';

const focused = (el: Badge, selector: string) => deepActive() === $(el, selector);
const calls = (adapter: ReturnType<typeof loyaltyAdapter>, method: string) => adapter.calls.filter((call) => call.method === method).length;
const center = (element: Element): [number, number] => {
  const rect = element.getBoundingClientRect();
  return [Math.round(rect.left + rect.width / 2), Math.round(rect.top + rect.height / 2)];
};

describe('<sf-loyalty-badge> popover', function () {
  // Several axe runs per test on a shared, busy machine: more than mocha's default 10 s.
  this.timeout(30_000);
  beforeEach(() => store.clear());
  afterEach(async () => {
    unmountAll();
    await resetMouse();
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

import { expect } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import { store } from '@shopfront/core';
import { unmountAll, until } from '../../../test/helpers/mount.js';
import '../src/define.js';
import { $, $$, type Badge, deepActive, loyaltyAdapter, mountBadge, openPopover, popoverReady, textOf } from './helpers.js';

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
});

import { expect, oneEvent } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { AdapterError, type BackendAdapter, type LoyaltyCapability, type SfLoadErrorEvent, store } from '@shopfront/core';
import { captureWarnings, unmountAll, until } from '../../../test/helpers/mount.js';
import { sampleProgram } from '../../../test/helpers/sample-data.js';
import '../src/define.js';
import type { SfLoyaltyBadge } from '../src/loyalty-badge.js';
import { $, $$, guest, loyaltyAdapter, member, mountBadge, openPopover, selectTab, textOf } from './helpers.js';

const gold = sampleProgram.tiers[2]!;
const triggerText = (el: Element) => textOf($(el, '[part~=trigger]'));

describe('<sf-loyalty-badge>', function () {
  // Several axe runs per test on a shared, busy machine: more than mocha's default 10 s.
  this.timeout(30_000);
  beforeEach(() => store.clear());
  afterEach(() => unmountAll());

  describe('member view', () => {
    it('shows the balance, the tier, and a progressbar labelled "275 points to Gold"', async () => {
      const el = await mountBadge(loyaltyAdapter());
      expect(triggerText(el)).to.equal('725 points Silver');
      expect($(el, '[part~=tier-badge]')!.part.contains('tier-silver')).to.equal(true);
      const progress = $(el, '[role=progressbar]')!;
      // Silver starts at 500, Gold at 1500: 725 of the 1000 between them.
      expect(progress.getAttribute('aria-valuemin')).to.equal('0');
      expect(progress.getAttribute('aria-valuemax')).to.equal('1000');
      expect(progress.getAttribute('aria-valuenow')).to.equal('725');
      const label = el.shadowRoot!.getElementById(progress.getAttribute('aria-labelledby')!);
      expect(textOf(label)).to.equal('275 points to Gold');
      await expect(el).to.be.accessible();
    });

    it('says the top tier is reached instead of showing progress', async () => {
      const el = await mountBadge(
        loyaltyAdapter({ member: { ...member, points: 2400, lifetimePoints: 3000, tier: gold, nextTier: null, pointsToNextTier: 0 } }),
      );
      expect($(el, '[role=progressbar]')).to.equal(null);
      expect(textOf($(el, '[part~=progress-label]'))).to.equal('Gold: top tier reached');
      expect($(el, '[part~=tier-badge]')!.part.contains('tier-gold')).to.equal(true);
    });

    it("uses the shop's own name for points", async () => {
      const el = await mountBadge(loyaltyAdapter({ program: { ...sampleProgram, pointsName: 'stars' } }));
      expect(textOf($(el, '[part~=points]'))).to.equal('725 stars');
      expect(textOf($(el, '[part~=progress-label]'))).to.equal('275 stars to Gold');
    });

    it('shortens a big balance in the floating launcher, and screen readers still hear the full number', async () => {
      const el = await mountBadge(loyaltyAdapter({ member: { ...member, points: 12_450 } }), { placement: 'floating' });
      const points = $(el, '[part~=points]')!;
      expect(textOf(points.querySelector('[aria-hidden=true]'))).to.equal('12.5K points');
      expect(textOf(points.querySelector('.sf-visually-hidden'))).to.equal('12,450 points');
      const inline = await mountBadge(loyaltyAdapter({ member: { ...member, points: 1250 } }));
      expect(textOf($(inline, '[part~=points]'))).to.equal('1,250 points');
    });

    it("formats numbers in the shopper's language", async () => {
      // A shop that names its points decides the word itself; without a name, the translation's is used.
      const program = { ...sampleProgram, pointsName: undefined };
      const el = await mountBadge(loyaltyAdapter({ program, member: { ...member, points: 1225 } }), { settings: { locale: 'de' } });
      await until(() => textOf($(el, '[part~=points]')) === '1.225 Punkte', 'German points');
      // The points' wording is core's, the sentence around it the badge's: each arrives with its own language module.
      await until(() => textOf($(el, '[part~=progress-label]')) === 'Noch 275 Punkte bis Gold', 'the German progress label');
    });
  });

  describe('states', () => {
    it('reserves its size while loading, so nothing on the page moves when the data arrives', async () => {
      const adapter = loyaltyAdapter();
      adapter.pause();
      const el = await mountBadge(adapter, { ready: (badge) => $(badge, '[part~=skeleton]') });
      const loading = el.getBoundingClientRect();
      expect(loading.height).to.be.greaterThan(40);
      expect($(el, '[part~=skeleton]')!.getAttribute('role')).to.equal('status');
      await expect(el).to.be.accessible();
      adapter.resume();
      await until(() => $(el, '[part~=trigger]'), 'the badge');
      expect(el.getBoundingClientRect().height).to.equal(loading.height);
    });

    it('shows an error with a retry when the shop cannot be reached, and retry brings the badge back', async () => {
      const adapter = loyaltyAdapter();
      adapter.failNext('loyalty.member', new AdapterError('http', 'down', { status: 503 }));
      const el = await mountBadge(adapter, { ready: (badge) => $(badge, '[role=alert]') });
      expect(textOf($(el, '[role=alert]'))).to.contain('Something went wrong on our side');
      await expect(el).to.be.accessible();
      $(el, '[part~=retry-button]')!.click();
      await until(() => $(el, '[part~=trigger]'), 'the badge after retrying');
      expect(triggerText(el)).to.equal('725 points Silver');
    });

    it('shows the error state, never a blank, when the shop sends a bad member', async () => {
      const adapter = loyaltyAdapter();
      adapter.respondNext('loyalty.member', { status: 'member', id: 'm1', points: 'lots' });
      const wrapperEvent = oneEvent(document.body, 'sf-load-error') as unknown as Promise<SfLoadErrorEvent>;
      const el = await mountBadge(adapter, { ready: (badge) => $(badge, '[role=alert]') });
      expect(textOf($(el, '[role=alert]'))).to.contain("We received something we didn't understand");
      const { error } = await wrapperEvent;
      expect(error.kind).to.equal('invalid-response');
      expect(error.field).to.match(/^member/);
    });

    it('shows the error state for a bad program too', async () => {
      const adapter = loyaltyAdapter();
      adapter.respondNext('loyalty.program', { name: 'Rewards', tiers: 'none', waysToEarn: [] });
      const el = await mountBadge(adapter, { ready: (badge) => $(badge, '[role=alert]') });
      expect(textOf($(el, '[role=alert]'))).to.contain("We received something we didn't understand");
    });

    it('renders the saved snapshot at once, then the fresh balance', async () => {
      const first = await mountBadge(loyaltyAdapter());
      await until(async () => (await store.get('cache:loyalty:')) !== undefined, 'the saved snapshot');
      first.remove();
      const fresher = loyaltyAdapter({ member: { ...member, points: 900 } });
      fresher.pause();
      const el = await mountBadge(fresher);
      expect(textOf($(el, '[part~=points]'))).to.equal('725 points');
      expect(el.snapshot.stale).to.equal(true);
      fresher.resume();
      await until(() => textOf($(el, '[part~=points]')) === '900 points', 'the revalidated balance');
    });

    it('keeps no names in the saved snapshot', async () => {
      await mountBadge(loyaltyAdapter());
      await until(async () => (await store.get('cache:loyalty:')) !== undefined, 'the saved snapshot');
      const saved = (await store.get('cache:loyalty:')) as { member: Record<string, unknown> };
      expect(saved.member.points).to.equal(725);
      expect(saved.member).not.to.have.property('firstName');
    });

    it('offline: shows the saved snapshot, says so, and redeem is off with the reason', async () => {
      const first = await mountBadge(loyaltyAdapter());
      await openPopover(first, 'redeem');
      await until(() => $$(first, '[part~=reward]').length === 3, 'rewards');
      await until(async () => (await store.get('cache:loyalty-rewards:')) !== undefined, 'saved rewards');
      first.remove();

      const adapter = loyaltyAdapter();
      adapter.offline = true;
      const el = await mountBadge(adapter, { ready: (badge) => badge.offline });
      expect(triggerText(el)).to.equal('725 points Silver');
      expect(el.matches(':state(offline)')).to.equal(true);
      await expect(el).to.be.accessible();
      const popover = await openPopover(el, 'redeem');
      await until(() => $$(el, '[part~=redeem-button]').length === 3, 'saved rewards');
      expect(textOf(popover.querySelector('[part~=notice]'))).to.contain("You're offline");
      const reason = el.shadowRoot!.getElementById('offline-reason')!;
      expect(textOf(reason)).to.equal("You're offline. Redeeming a reward needs a connection.");
      for (const button of $$<HTMLButtonElement>(el, '[part~=redeem-button]')) {
        expect(button.disabled).to.equal(true);
        expect(button.getAttribute('aria-describedby')).to.contain('offline-reason');
      }
      await expect(el).to.be.accessible();

      adapter.offline = false;
      window.dispatchEvent(new Event('online'));
      await until(() => !el.offline, 'back online');
      await until(() => !$<HTMLButtonElement>(el, '[part~=redeem-button]')!.disabled, 'redeem on again');
    });

    it('renders nothing and warns once when the shop has no loyalty program', async () => {
      const warnings = await captureWarnings(async () => {
        const el = await mountBadge({ reviews: {} } as BackendAdapter, { ready: (badge) => badge.snapshot.error });
        await el.updateComplete;
        expect(textOf(el.shadowRoot!.firstElementChild)).to.equal('');
        expect($(el, '[part~=trigger]')).to.equal(null);
      });
      expect(warnings.filter((warning) => warning.includes('"loyalty" capability'))).to.have.length(1);
    });
  });

  describe('guests', () => {
    it('see a join button, and the popover offers sign-up and log-in links and what members earn', async () => {
      const el = await mountBadge(loyaltyAdapter({ member: guest }));
      expect(el.matches(':state(guest)')).to.equal(true);
      expect(triggerText(el)).to.equal('Join & earn rewards');
      expect($(el, '[role=progressbar]')).to.equal(null);
      await expect(el).to.be.accessible();
      const popover = await openPopover(el);
      expect(textOf(popover.querySelector('[part~=join-prompt]'))).to.contain('Join Harbour Rewards');
      expect(popover.querySelector<HTMLAnchorElement>('[part~=join-link]')!.href).to.equal(sampleProgram.signupUrl);
      expect(popover.querySelector<HTMLAnchorElement>('[part~=login-link]')!.href).to.equal(sampleProgram.loginUrl);
      expect($$(el, '[part~=way-to-earn]').map(textOf)).to.deep.equal([
        '5 points per €1 spent +5 points',
        'Write a review +50 points',
        'Celebrate your birthday +100 points',
      ]);
      expect($(el, '[role=tablist]')).to.equal(null);
      // Focus starts on the call to join.
      expect(el.shadowRoot!.activeElement === popover.querySelector('[part~=join-link]'), 'focus on the join link').to.equal(true);
      await expect(el).to.be.accessible();
    });

    it('choosing to join fires sf-loyalty-join, and a shop that cancels it keeps the shopper on the page', async () => {
      const el = await mountBadge(loyaltyAdapter({ member: guest }));
      const popover = await openPopover(el);
      const seen: Array<{ action: string; url: string; followed: boolean }> = [];
      const record = (event: MouseEvent) => {
        const join = seen.at(-1);
        if (join) join.followed = !event.defaultPrevented;
        event.preventDefault(); // the test page stays
      };
      document.addEventListener('click', record);
      el.addEventListener('sf-loyalty-join', (event) => seen.push({ action: event.action, url: event.url, followed: false }));
      popover.querySelector<HTMLElement>('[part~=login-link]')!.click();
      el.addEventListener('sf-loyalty-join', (event) => event.preventDefault());
      popover.querySelector<HTMLElement>('[part~=join-link]')!.click();
      document.removeEventListener('click', record);
      expect(seen).to.deep.equal([
        { action: 'login', url: sampleProgram.loginUrl, followed: true },
        { action: 'signup', url: sampleProgram.signupUrl, followed: false },
      ]);
    });

    it('a shopper who signs in (Shopfront.identify) sees their points without a reload', async () => {
      const guestSide = loyaltyAdapter({ member: guest });
      const memberSide = loyaltyAdapter();
      let signedIn = false;
      const loyalty: LoyaltyCapability = {
        ...memberSide.loyalty!,
        member: (options) => (signedIn ? memberSide : guestSide).loyalty!.member(options),
      };
      const adapter = { loyalty };
      const el = await mountBadge(adapter);
      expect(triggerText(el)).to.equal('Join & earn rewards');
      signedIn = true;
      el.reconfigure({ adapter, currency: 'EUR', customer: { id: 'customer-1' } });
      await until(() => triggerText(el) === '725 points Silver', 'the member view');
      expect(el.matches(':state(member)')).to.equal(true);
      signedIn = false;
      el.reconfigure({ adapter, currency: 'EUR', customer: null });
      await until(() => triggerText(el) === 'Join & earn rewards', 'the guest view again');
    });
  });

  describe('balance changes', () => {
    const animated: Element[] = [];
    const original = Element.prototype.animate;
    before(() => {
      Element.prototype.animate = function (this: Element, ...args: Parameters<Element['animate']>) {
        animated.push(this);
        return original.apply(this, args);
      };
    });
    after(() => {
      Element.prototype.animate = original;
    });
    afterEach(() => emulateMedia({ reducedMotion: 'no-preference' }));

    async function redeemFreeShipping(el: SfLoyaltyBadge): Promise<void> {
      await openPopover(el as never, 'redeem');
      await until(() => $(el, '#reward-1-redeem'), 'rewards');
      $(el, '#reward-1-redeem')!.click();
      await until(() => $(el, '#reward-1-confirm'), 'the confirmation');
      $(el, '#reward-1-confirm')!.click();
      await until(() => textOf($(el, '[part~=trigger] [part~=points]')) === '425 points', 'the new balance');
    }

    it('the balance pulses when it changes', async () => {
      animated.length = 0;
      const el = await mountBadge(loyaltyAdapter());
      expect(animated).to.have.length(0);
      await redeemFreeShipping(el);
      await el.updateComplete;
      expect(animated.includes($(el, '[part~=trigger] [part~=points]')!), 'the badge balance animated').to.equal(true);
    });

    it('stays still when the shopper asks for reduced motion', async () => {
      await emulateMedia({ reducedMotion: 'reduce' });
      animated.length = 0;
      const el = await mountBadge(loyaltyAdapter());
      await redeemFreeShipping(el);
      await el.updateComplete;
      expect(animated).to.have.length(0);
    });
  });

  describe('theming', () => {
    it('reads --sf-loyalty-badge-* properties and exposes parts', async () => {
      const el = await mountBadge(loyaltyAdapter(), {
        around: '--sf-loyalty-badge-tier-color: rgb(1, 2, 3); --sf-loyalty-badge-progress-color: rgb(4, 5, 6)',
      });
      expect(getComputedStyle($(el, '[part~=tier-badge]')!).backgroundColor).to.equal('rgb(1, 2, 3)');
      expect(getComputedStyle($(el, '[part~=progress-bar]')!).backgroundColor).to.equal('rgb(4, 5, 6)');
    });

    it('lays out right to left in Arabic', async () => {
      const el = await mountBadge(loyaltyAdapter(), { settings: { locale: 'ar' } });
      expect(getComputedStyle(el).direction).to.equal('rtl');
      await until(() => textOf($(el, '[part~=progress-label]')).includes('Gold'), 'the Arabic label');
      const medal = $(el, '[part~=tier-badge]')!.getBoundingClientRect();
      const points = $(el, '[part~=points]')!.getBoundingClientRect();
      expect(medal.left).to.be.greaterThan(points.left);
      await expect(el).to.be.accessible();
    });
  });

  it('every panel is reachable by tab selection', async () => {
    const el = await mountBadge(loyaltyAdapter());
    await openPopover(el);
    for (const page of ['redeem', 'history', 'refer', 'earn']) {
      const panel = await selectTab(el, page);
      expect(panel.getAttribute('aria-labelledby')).to.equal(`tab-${page}`);
    }
  });
});

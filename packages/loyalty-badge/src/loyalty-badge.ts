import { html, nothing, type PropertyValues } from 'lit';
import { errorView, formatPoints, LazyPart, LoadController, ShopfrontElement } from '@shopfront/core';
import { SfLoyaltyCloseEvent, SfLoyaltyOpenEvent, type LoyaltyPage } from './events.js';
import type { LoyaltyHost } from './host.js';
import { star } from './icons.js';
import { styles } from './loyalty-badge.styles.js';
import { badgeMessages } from './messages.js';
import { progressView } from './progress.js';
import { LoyaltySnapshot } from './snapshot.js';

const PAGES: readonly string[] = ['earn', 'redeem', 'history', 'refer'];

/** Badges on the page in the order they arrived: `Shopfront.openLoyalty()` opens one of them. */
const badges = new Set<SfLoyaltyBadge>();
let waiting: { page?: string } | undefined;

/**
 * Opens the popover of the first visible badge on `page`; with no badge on the
 * page yet, the first one to arrive opens. What `Shopfront.openLoyalty` calls.
 */
export function openLoyalty(page?: string): void {
  const all = [...badges];
  const badge = all.find((candidate) => candidate.checkVisibility()) ?? all[0];
  if (badge) badge.show(page);
  else waiting = { page };
}

/** A part name made from data, for `part="tier-gold"`. */
const partName = (id: string) => id.replace(/\W+/g, '-');

/**
 * @summary The shopper's points and tier with progress to the next tier, and a popover to earn, redeem rewards for a discount code, see history and refer friends. Guests get a join prompt.
 *
 * @tag sf-loyalty-badge
 *
 * @slot icon - Replaces the star in the badge.
 * @slot guest-intro - More text in the join prompt that guests see.
 * @slot footer - The end of the popover: program terms, a link to the account page.
 *
 * @csspart badge - The badge: trigger and progress.
 * @csspart trigger - The button that opens the popover.
 * @csspart tier-badge - The medal before the balance; also `tier-<tier id>` (`tier-gold`) for per-tier colours.
 * @csspart points - The points balance.
 * @csspart tier - The tier name.
 * @csspart join - The guest's call to join, in the trigger.
 * @csspart progress - The progress bar to the next tier (its track).
 * @csspart progress-bar - The filled part of the progress bar.
 * @csspart progress-label - "275 points to Gold".
 * @csspart skeleton - The placeholder while loading.
 * @csspart error - The error state, with its `retry-button`.
 * @csspart popover - The popover.
 * @csspart header - The popover's title row, with its `close-button`.
 * @csspart summary - Balance, tier and progress at the top of the popover.
 * @csspart notice - The offline notice.
 * @csspart tabs - The tab list; each tab is `tab`.
 * @csspart panel - Each tab panel; also `panel-earn`, `panel-redeem`, `panel-history`, `panel-refer`.
 * @csspart earn-list - The ways to earn; each is `way-to-earn`.
 * @csspart tier-list - The program's tiers; each is `tier-item`.
 * @csspart reward-list - The rewards in the Redeem panel; each is `reward`.
 * @csspart reward - A reward in the Redeem panel.
 * @csspart confirm - A reward's "Redeem for N points?" question with its confirm and cancel buttons.
 * @csspart button - Every button; also `redeem-button`, `confirm-button`, `cancel-button`, `copy-button`, `share-button`, `back-button`, `birthday-button`, `join-link`, `login-link`.
 * @csspart redemption - The result of a redeem: the discount code and its copy button.
 * @csspart code - The discount code field.
 * @csspart activity-list - The History panel's list; each entry is `activity`.
 * @csspart activity - An entry in the History panel.
 * @csspart referral-link - The referral link field.
 * @csspart join-prompt - The guest's join prompt.
 * @csspart birthday-form - The member's birthday form in the Earn panel, when the programme rewards birthdays.
 * @csspart birthday - The birthday the member gave, in its place once given.
 *
 * @cssprop [--sf-loyalty-badge-accent=var(--sf-color-accent)] - The badge's accent: floating launcher, tier medal, progress.
 * @cssprop [--sf-loyalty-badge-on-accent=var(--sf-color-on-accent)] - Text and icons on the accent.
 * @cssprop [--sf-loyalty-badge-tier-color=var(--sf-loyalty-badge-accent)] - The tier medal's colour.
 * @cssprop [--sf-loyalty-badge-progress-color=var(--sf-loyalty-badge-accent)] - The progress bar's fill.
 * @cssprop [--sf-loyalty-badge-progress-track=var(--sf-color-surface-alt)] - The progress bar's track.
 * @cssprop [--sf-loyalty-badge-inline-size=15rem] - The inline badge's fixed width, loading and loaded alike; longer text ends in an ellipsis.
 * @cssprop [--sf-loyalty-badge-popover-width=22rem] - The popover's width (never wider than the viewport).
 * @cssprop [--sf-loyalty-badge-offset=1rem] - Distance of the floating launcher from the viewport's corner.
 * @cssprop [--sf-loyalty-badge-z-index=2147483000] - Stacking of the floating launcher (the popover is in the top layer).
 *
 * @cssstate member - A signed-in member is shown.
 * @cssstate guest - A guest is shown (the join prompt).
 * @cssstate open - The popover is open.
 * @cssstate offline - The shop cannot be reached: the saved copy is shown and redeeming is off.
 *
 * @fires sf-loyalty-open - The popover is about to open (`event.page`); cancelable.
 * @fires sf-loyalty-close - The popover closed.
 * @fires sf-reward-redeem - A reward was redeemed: `event.reward`, `event.redemption` (`code`, `points` after).
 * @fires sf-loyalty-join - A guest chose to join or sign in (`event.action`, `event.url`); cancelable (the link is not followed).
 * @fires sf-load-error - The program or member could not be loaded (`event.error`).
 */
export class SfLoyaltyBadge extends ShopfrontElement implements LoyaltyHost {
  static override styles = styles;

  static override properties = {
    placement: { reflect: true },
    open: { type: Boolean, reflect: true },
    page: { reflect: true },
  };

  /** `inline` in the page's flow (header, account page), or a launcher fixed in the bottom corner: `floating` (end) or `floating-start`. */
  placement: 'inline' | 'floating' | 'floating-start' = 'inline';

  /** Whether the popover is open. */
  open = false;

  /** The popover's panel: `earn`, `redeem`, `history` or `refer`. */
  page: LoyaltyPage = 'earn';

  /**
   * The program and the shopper's standing, saved for an instant next render.
   * @internal
   */
  readonly snapshot = new LoadController(this, {
    capability: 'loyalty',
    schema: LoyaltySnapshot,
    args: () => [this.#customer] as const,
    load: async (loyalty, _args, signal) => {
      const [program, member] = await Promise.all([loyalty.program({ signal }), loyalty.member({ signal })]);
      // The snapshot is kept in the browser's storage, where nothing that names the shopper may go.
      const { firstName: _name, ...anonymous } = member as { firstName?: string };
      return { program, member: anonymous };
    },
    cacheKey: ([customer]) => `loyalty:${customer}`,
  });

  #customer = '';
  /** The popover's panels and floating-ui: fetched the first time the popover opens. */
  readonly #popover = new LazyPart(this, () =>
    Promise.all([import('./popover.js'), import('./position.js')]).then(
      ([{ LoyaltyPopover }, { place }]) => new LoyaltyPopover(this, place),
    ),
  );
  #returnFocus?: HTMLElement | null;
  /** Between beforetoggle and toggle: the browser is mid-show, and a second showPopover() would throw. */
  #toggling = false;
  #shownPoints?: number;

  /** True while the shop cannot be reached and the saved copy is shown; redeeming is off. */
  get offline(): boolean {
    return this.snapshot.offline;
  }

  /** Opens the popover, on `page` if it is one of `earn`, `redeem`, `history`, `refer`. */
  show(page?: string): void {
    if (page && PAGES.includes(page)) this.page = page as LoyaltyPage;
    this.open = true;
  }

  /** Closes the popover. */
  hide(): void {
    this.open = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    badges.add(this);
    if (waiting) {
      const { page } = waiting;
      waiting = undefined;
      this.show(page);
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    badges.delete(this);
    this.open = false;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // A new shopper (Shopfront.identify) is a new snapshot.
    this.#customer = this.runtime?.settings.customer?.id ?? '';
    const status = this.snapshot.value?.member.status;
    this.setState('member', status === 'member');
    this.setState('guest', status === 'guest');
    this.setState('open', this.open);
    this.setState('offline', this.offline);
  }

  protected override render() {
    const text = this.i18n.messages(badgeMessages);
    return html`${this.snapshot.render({
        pending: () => html`<span class="sf-skeleton skeleton" part="skeleton" role="status" aria-label=${this.coreText.loading}></span>`,
        error: (error) => errorView(error, this.coreText, () => void this.snapshot.retry()),
        complete: ({ program, member }) => {
          const unit = program.pointsName;
          const tier = member.status === 'member' ? member.tier : null;
          // Tight spaces get "1.2K"; assistive technology always hears the full number.
          const short = member.status === 'member' && member.points >= (this.placement === 'inline' ? 10_000 : 1000);
          return html`<span class="badge" part="badge">
            <button id="trigger" class="trigger" part="trigger" type="button" popovertarget="popover" aria-expanded=${this.open}>
              <span class="medal" part=${tier ? `tier-badge tier-${partName(tier.id)}` : 'tier-badge'}
                ><slot name="icon">${star}</slot></span
              >
              ${
                member.status === 'member'
                  ? html`<span class="points" part="points"
                        >${
                          short
                            ? html`<span aria-hidden="true">${formatPoints(this.i18n, member.points, unit, true)}</span
                                ><span class="sf-visually-hidden">${formatPoints(this.i18n, member.points, unit)}</span>`
                            : formatPoints(this.i18n, member.points, unit)
                        }</span
                      >
                      <span class="tier" part="tier">${tier?.name}</span>`
                  : html`<span part="join">${text.join}</span>`
              }
            </button>
            ${member.status === 'member' ? progressView(member, unit, this.i18n, 'progress-label') : nothing}
          </span>`;
        },
      })}
      <div
        id="popover"
        class="popover"
        part="popover"
        popover
        role="dialog"
        tabindex="-1"
        aria-labelledby="title"
        @beforetoggle=${this.#onBeforeToggle}
        @toggle=${this.#onToggle}
      >
        ${this.#popover.value?.render() ?? nothing}
      </div>`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const popover = this.#popoverElement;
    if (popover && !this.#toggling && this.open !== popover.matches(':popover-open')) {
      if (this.open) popover.showPopover();
      else popover.hidePopover();
      // A shop that cancelled sf-loyalty-open keeps it closed.
      if (this.open && !popover.matches(':popover-open')) this.open = false;
    }
    this.#animateBalance();
  }

  get #popoverElement(): HTMLElement | null {
    return this.renderRoot.querySelector('#popover');
  }

  #onBeforeToggle(event: ToggleEvent): void {
    if (event.newState !== 'open') {
      // Focus inside a closing popover goes back to where it came from (a click outside has already moved it).
      if (this.#popoverElement?.matches(':focus-within'))
        (this.#returnFocus ?? this.renderRoot.querySelector<HTMLElement>('#trigger'))?.focus();
      return;
    }
    const opening = new SfLoyaltyOpenEvent(this.page);
    if (!this.dispatchEvent(opening)) {
      event.preventDefault();
      this.open = false;
      return;
    }
    // Lit renders in the microtask after this listener, still inside the browser's show operation.
    this.#toggling = true;
    // Now, not in the later toggle event: a render in between (a translation arriving) would see the
    // popover open while `open` is still false, and close it again.
    this.open = true;
    let active = document.activeElement as HTMLElement | null;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement as HTMLElement;
    this.#returnFocus = active === document.body ? null : active;
    void this.#loadPopover();
  }

  async #onToggle(event: ToggleEvent): Promise<void> {
    const popover = event.target as HTMLElement;
    this.#toggling = false;
    if (event.newState === 'closed') {
      this.#popover.value?.closed();
      this.open = false;
      const closed = new SfLoyaltyCloseEvent();
      this.dispatchEvent(closed);
      return;
    }
    this.open = true;
    const loaded = await this.#loadPopover();
    await this.updateComplete;
    if (loaded && popover.matches(':popover-open')) loaded.opened(this, popover, this.placement);
  }

  /** Without its panels there is nothing to show: a failed fetch closes the popover, and the next open tries again. */
  async #loadPopover() {
    const loaded = await this.#popover.load();
    if (!loaded) this.hide();
    return loaded;
  }

  /** A changed balance pulses once, unless the shopper asked for less motion. */
  #animateBalance(): void {
    const member = this.snapshot.value?.member;
    const points = member?.status === 'member' ? member.points : undefined;
    if (
      points !== undefined &&
      this.#shownPoints !== undefined &&
      points !== this.#shownPoints &&
      !matchMedia('(prefers-reduced-motion: reduce)').matches
    ) {
      for (const element of this.renderRoot.querySelectorAll('[part~=points]')) {
        element.animate([{ transform: 'scale(1.3)' }, { transform: 'none' }], { duration: 600, easing: 'ease-out' });
      }
    }
    this.#shownPoints = points;
  }
}

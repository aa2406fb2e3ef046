/**
 * The popover's shell: header, the member's summary, the tabs and their
 * panels (panels.ts, redeem.ts), the guest's join prompt, focus and placement.
 * A lazy chunk: fetched the first time a shopper opens the popover, so the
 * badge stays light.
 */
import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import {
  ActivityList,
  errorView,
  formatPoints,
  LoadController,
  RovingTabindex,
  savedCopyNotice,
  type LoyaltyProgram,
} from '@shopfront/core';
import type { LoyaltyPage } from './events.js';
import type { LoyaltyHost } from './host.js';
import { earnPanel, guestView, historyPanel, referPanel } from './panels.js';
import { popoverMessages } from './popover-messages.js';
import { popoverStyles } from './popover.styles.js';
import type { place as placeNear, Placement, Placing } from './position.js';
import { progressView } from './progress.js';
import { BirthdayController } from './birthday.js';
import { RedeemController, type RedeemContext } from './redeem.js';
import type { Member } from './snapshot.js';

const ALL_PAGES: LoyaltyPage[] = ['earn', 'redeem', 'history', 'refer'];

const PLACEMENTS: Record<string, Placement> = { floating: 'top-end', 'floating-start': 'top-start' };

export class LoyaltyPopover implements ReactiveController, RedeemContext {
  readonly styles = popoverStyles;
  status = '';
  readonly #redeem: RedeemController;
  readonly #birthday: BirthdayController;
  readonly #activity: LoadController<'loyalty', typeof ActivityList, readonly [string]>;
  /** Tabs as the APG has them: arrows (mirrored right to left), Home, End; selection follows focus. */
  readonly #tabs: RovingTabindex;
  /** History loads the first time its panel is shown. */
  #historyWanted = false;
  #customer?: string;
  #focusNext?: string;
  #focusWhenReady = false;
  #placing?: Placing;

  constructor(
    readonly host: LoyaltyHost,
    private readonly place: typeof placeNear,
  ) {
    // First, so hostUpdate below decides what to load before the loaders look.
    host.addController(this);
    this.#redeem = new RedeemController(this);
    this.#birthday = new BirthdayController(this);
    this.#activity = new LoadController(host, {
      capability: 'loyalty',
      schema: ActivityList,
      args: () =>
        this.#historyWanted && host.snapshot.value?.member.status === 'member'
          ? ([host.runtime?.settings.customer?.id ?? ''] as const)
          : undefined,
      load: (loyalty, _args, signal) => loyalty.activity({ signal }),
      cacheKey: ([id]) => `loyalty-activity:${id}`,
    });
    this.#tabs = new RovingTabindex(
      host,
      () => [...host.renderRoot.querySelectorAll<HTMLElement>('[role=tab]')],
      (index) => this.#select(this.#pages()[index]!),
    );
  }

  get text() {
    return this.host.i18n.messages(popoverMessages);
  }

  readonly points = (count: number): string => formatPoints(this.host.i18n, count, this.host.snapshot.value?.program.pointsName);

  hostUpdate(): void {
    const { host } = this;
    const customer = host.runtime?.settings.customer?.id ?? '';
    if (this.#customer !== undefined && customer !== this.#customer) this.#reset();
    this.#customer = customer;
    if (host.open && host.page === 'history') this.#historyWanted = true;
  }

  hostUpdated(): void {
    const root = this.host.renderRoot as ShadowRoot;
    if (this.host.open) this.#placing?.update();
    if (this.#focusWhenReady && root.activeElement?.id === 'popover') this.focusInitial();
    if (!this.#focusNext) return;
    root.querySelector<HTMLElement>(this.#focusNext)?.focus();
    this.#focusNext = undefined;
  }

  hostDisconnected(): void {
    this.closed();
  }

  /** The popover opened: keep it beside `badge` (`placement` says where), then take focus. */
  opened(badge: Element, popover: HTMLElement, placement: string): void {
    this.#placing?.stop();
    this.#placing = this.place(badge, popover, PLACEMENTS[placement] ?? 'bottom-start', () => this.focusInitial());
  }

  closed(): void {
    this.#placing?.stop();
    this.#placing = undefined;
  }

  /**
   * Where focus goes when the popover opens: the selected tab, else the join link,
   * else (still loading) the popover itself until one of them renders.
   */
  focusInitial(): void {
    const root = this.host.renderRoot;
    const target = root.querySelector<HTMLElement>('[role=tab][aria-selected=true]') ?? root.querySelector<HTMLElement>('#popover a');
    this.#focusWhenReady = !target;
    (target ?? root.querySelector<HTMLElement>('#popover'))?.focus();
  }

  focus(selector: string): void {
    this.#focusNext = selector;
    this.host.requestUpdate();
  }

  activityChanged(): void {
    if (this.#activity.value) void this.#activity.retry();
  }

  async copy(value: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(value);
      this.status = this.text.copied;
    } catch {
      this.status = this.text.copyFailed;
    }
    this.host.requestUpdate();
  }

  skeleton(): TemplateResult {
    return html`<div class="sf-skeleton panel-skeleton" role="status" aria-label=${this.host.coreText.loading}></div>`;
  }

  render() {
    const { host } = this;
    const core = host.coreText;
    return html`<div class="header" part="header">
        <h2 class="title" id="title">${host.snapshot.value?.program.name ?? this.text.rewards}</h2>
        <button class="close" part="button close-button" type="button" aria-label=${core.close} @click=${() => host.hide()}>
          <svg viewBox="0 0 24 24" aria-hidden="true"><path d="M6 6l12 12M18 6L6 18" /></svg>
        </button>
      </div>
      ${host.snapshot.render({
        pending: () => this.skeleton(),
        error: (error) => errorView(error, core, () => void host.snapshot.retry()),
        complete: ({ program, member }) =>
          html`${savedCopyNotice(core, host.snapshot)}${member.status === 'member' ? this.#memberView(program, member) : guestView(this, program)}`,
      })}
      <slot name="footer"></slot>`;
  }

  #reset(): void {
    this.#redeem.reset();
    this.status = '';
    this.#historyWanted = false;
  }

  /** The member's tabs: Refer only with a referral link. */
  #pages(): LoyaltyPage[] {
    const member = this.host.snapshot.value?.member;
    return member?.status === 'member' && member.referralUrl ? ALL_PAGES : ALL_PAGES.slice(0, 3);
  }

  #page(): LoyaltyPage {
    return this.#pages().includes(this.host.page) ? this.host.page : 'earn';
  }

  #select(page: LoyaltyPage): void {
    this.status = '';
    this.host.page = page;
  }

  #memberView(program: LoyaltyProgram, member: Member) {
    const { text } = this;
    const pages = this.#pages();
    const page = this.#page();
    return html`<div class="summary" part="summary">
        <p class="balance">
          <span class="points" part="points">${this.points(member.points)}</span>
          ${member.tier ? html`<span class="tier" part="tier">${member.tier.name}</span>` : nothing}
        </p>
        ${progressView(member, program.pointsName, this.host.i18n, 'popover-progress-label')}
      </div>
      <div class="tabs" part="tabs" role="tablist" aria-label=${text.sections} @keydown=${this.#tabs.onKeydown}>
        ${pages.map(
          (name) =>
            html`<button
              id="tab-${name}"
              class="tab"
              part="tab"
              role="tab"
              type="button"
              aria-selected=${name === page ? 'true' : 'false'}
              aria-controls="panel-${name}"
              tabindex=${name === page ? 0 : -1}
              @click=${() => this.#select(name)}
            >
              ${text[name]}
            </button>`,
        )}
      </div>
      ${pages.map(
        (name) =>
          html`<div
            id="panel-${name}"
            class="panel"
            part="panel panel-${name}"
            role="tabpanel"
            aria-labelledby="tab-${name}"
            tabindex="0"
            ?hidden=${name !== page}
          >
            ${
              name !== page
                ? nothing
                : name === 'earn'
                  ? earnPanel(this, program, member, this.#birthday.render(program, member))
                  : name === 'redeem'
                    ? this.#redeem.render(member)
                    : name === 'history'
                      ? historyPanel(this, this.#activity)
                      : referPanel(this, program, member.referralUrl!)
            }
          </div>`,
      )}`;
  }
}

/**
 * The popover's content: Earn, Redeem, History and Refer panels for members, the
 * join prompt for guests. A lazy chunk: fetched the first time a shopper opens
 * the popover, so the badge stays light.
 */
import { html, nothing, type ReactiveController } from 'lit';
import {
  adoptStyles,
  ActivityList,
  type AdapterError,
  coreMessages,
  describeError,
  errorView,
  LoadController,
  LocaleController,
  type LoyaltyProgram,
  Redemption,
  request,
  type Reward,
  RewardList,
  toAdapterError,
} from '@shopfront/core';
import type { LoyaltyPage } from './events.js';
import { SfLoyaltyJoinEvent, SfRewardRedeemEvent } from './panel-events.js';
import { star } from './icons.js';
import type { SfLoyaltyBadge } from './loyalty-badge.js';
import { badgeMessages } from './messages.js';
import { panelMessages } from './panel-messages.js';
import { popoverStyles } from './popover.styles.js';
import { progressView } from './progress.js';
import type { Member } from './snapshot.js';

const ALL_PAGES: LoyaltyPage[] = ['earn', 'redeem', 'history', 'refer'];

export class LoyaltyPopover implements ReactiveController {
  readonly #host: SfLoyaltyBadge;
  readonly #i18n: LocaleController;
  readonly #rewards: LoadController<'loyalty', typeof RewardList, readonly [string]>;
  readonly #activity: LoadController<'loyalty', typeof ActivityList, readonly [string]>;
  /** History loads the first time its panel is shown. */
  #historyWanted = false;
  #customer?: string;
  #confirming?: string;
  #redeeming?: string;
  #failure?: { rewardId: string; message: string };
  #result?: { reward: Reward; redemption: Redemption };
  #status = '';
  #focusNext?: string;
  #focusWhenReady = false;
  #abort = new AbortController();

  constructor(host: SfLoyaltyBadge) {
    this.#host = host;
    // First, so hostUpdate below decides what to load before the loaders look.
    host.addController(this);
    this.#i18n = new LocaleController(host, () => host.runtime?.settings.locale);
    const customer = () => host.runtime?.settings.customer?.id ?? '';
    const isMember = () => host.snapshot.value?.member.status === 'member';
    this.#rewards = new LoadController(host, {
      capability: 'loyalty',
      schema: RewardList,
      args: () => (isMember() ? ([customer()] as const) : undefined),
      load: (loyalty, _args, signal) => loyalty.rewards({ signal }),
      cacheKey: ([id]) => `loyalty-rewards:${id}`,
    });
    this.#activity = new LoadController(host, {
      capability: 'loyalty',
      schema: ActivityList,
      args: () => (this.#historyWanted && isMember() ? ([customer()] as const) : undefined),
      load: (loyalty, _args, signal) => loyalty.activity({ signal }),
      cacheKey: ([id]) => `loyalty-activity:${id}`,
    });
    adoptStyles(host, popoverStyles);
  }

  hostUpdate(): void {
    const host = this.#host;
    const customer = host.runtime?.settings.customer?.id ?? '';
    if (this.#customer !== undefined && customer !== this.#customer) this.#reset();
    this.#customer = customer;
    if (!host.open) this.#confirming = undefined;
    if (host.open && host.page === 'history') this.#historyWanted = true;
  }

  hostUpdated(): void {
    const root = this.#host.renderRoot as ShadowRoot;
    if (this.#focusWhenReady && root.activeElement?.id === 'popover') this.focusInitial();
    if (!this.#focusNext) return;
    this.#host.renderRoot.querySelector<HTMLElement>(this.#focusNext)?.focus();
    this.#focusNext = undefined;
  }

  hostDisconnected(): void {
    this.#abort.abort();
    this.#abort = new AbortController();
  }

  /**
   * Where focus goes when the popover opens: the selected tab, else the join link,
   * else (still loading) the popover itself until one of them renders.
   */
  focusInitial(): void {
    const root = this.#host.renderRoot;
    const target = root.querySelector<HTMLElement>('[role=tab][aria-selected=true]') ?? root.querySelector<HTMLElement>('#popover a');
    this.#focusWhenReady = !target;
    (target ?? root.querySelector<HTMLElement>('#popover'))?.focus();
  }

  render() {
    const host = this.#host;
    const core = this.#i18n.messages(coreMessages);
    const program = host.snapshot.value?.program;
    return html`<div class="header" part="header">
        <h2 class="title" id="title">${program?.name ?? this.#text.rewards}</h2>
        <button class="close" part="button close-button" type="button" aria-label=${core.close} @click=${() => host.hide()}>
          <svg viewBox="0 0 24 24" aria-hidden="true"><path d="M6 6l12 12M18 6L6 18" /></svg>
        </button>
      </div>
      ${host.snapshot.render({
        pending: () => this.#skeleton(),
        error: (error) => errorView(error, core, () => void host.snapshot.retry()),
        complete: ({ program, member }) =>
          html`${host.offline ? html`<p class="sf-notice" part="notice">${core.offline}</p>` : nothing}${
            member.status === 'member' ? this.#memberView(program, member) : this.#guestView(program)
          }`,
      })}
      <slot name="footer"></slot>`;
  }

  get #text() {
    return this.#i18n.messages(panelMessages);
  }

  get #badgeText() {
    return this.#i18n.messages(badgeMessages);
  }

  #points(count: number): string {
    return this.#badgeText.points(count, this.#host.snapshot.value?.program.pointsName);
  }

  #skeleton() {
    return html`<div class="sf-skeleton panel-skeleton" role="status" aria-label=${this.#i18n.messages(coreMessages).loading}></div>`;
  }

  #reset(): void {
    this.#abort.abort();
    this.#abort = new AbortController();
    this.#confirming = this.#redeeming = this.#failure = this.#result = undefined;
    this.#status = '';
    this.#historyWanted = false;
  }

  #pages(member: Member): LoyaltyPage[] {
    return member.referralUrl ? ALL_PAGES : ALL_PAGES.slice(0, 3);
  }

  #page(member: Member): LoyaltyPage {
    const pages = this.#pages(member);
    return pages.includes(this.#host.page) ? this.#host.page : 'earn';
  }

  #select(page: LoyaltyPage, focus: boolean): void {
    this.#status = '';
    this.#host.page = page;
    if (focus) this.#focusNext = `#tab-${page}`;
  }

  /** Tabs as the APG has them: arrows (mirrored right to left), Home, End; selection follows focus. */
  #onTabKey(event: KeyboardEvent, member: Member): void {
    const pages = this.#pages(member);
    const index = pages.indexOf(this.#page(member));
    const forward = this.#i18n.dir === 'rtl' ? 'ArrowLeft' : 'ArrowRight';
    const backward = forward === 'ArrowLeft' ? 'ArrowRight' : 'ArrowLeft';
    const next = { [forward]: index + 1, [backward]: index - 1 + pages.length, Home: 0, End: pages.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    this.#select(pages[next % pages.length]!, true);
  }

  #memberView(program: LoyaltyProgram, member: Member) {
    const text = this.#text;
    const pages = this.#pages(member);
    const page = this.#page(member);
    return html`<div class="summary" part="summary">
        <p class="balance">
          <span class="points" part="points">${this.#points(member.points)}</span>
          ${member.tier ? html`<span class="tier" part="tier">${member.tier.name}</span>` : nothing}
        </p>
        ${progressView(member, program.pointsName, this.#badgeText, 'popover-progress-label')}
      </div>
      <div
        class="tabs"
        part="tabs"
        role="tablist"
        aria-label=${text.sections}
        @keydown=${(event: KeyboardEvent) => this.#onTabKey(event, member)}
      >
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
              @click=${() => this.#select(name, false)}
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
                  ? this.#earnPanel(program, member)
                  : name === 'redeem'
                    ? this.#redeemPanel(member)
                    : name === 'history'
                      ? this.#historyPanel()
                      : this.#referPanel(program, member.referralUrl!)
            }
          </div>`,
      )}`;
  }

  #earnPanel(program: LoyaltyProgram, member?: Member) {
    const text = this.#text;
    const format = this.#i18n.format;
    return html`<h3>${member ? text.waysToEarn : text.memberEarn}</h3>
      ${
        program.waysToEarn.length
          ? html`<ul class="list" part="earn-list">
              ${program.waysToEarn.map(
                (way) =>
                  html`<li class="row" part="way-to-earn">
                    <span class="grow"
                      >${way.url ? html`<a href=${way.url} target="_blank" rel="noopener noreferrer">${way.label}</a>` : way.label}</span
                    >
                    <span class="amount">+${this.#points(way.points)}</span>
                  </li>`,
              )}
            </ul>`
          : html`<p class="sf-notice">${text.noWaysToEarn}</p>`
      }
      ${
        program.tiers.length
          ? html`<h3>${text.tiers}</h3>
              <ol class="list" part="tier-list">
                ${program.tiers.map((tier) => {
                  const current = member?.tier?.id === tier.id;
                  return html`<li class="row" part="tier-item" aria-current=${current ? 'true' : nothing}>
                    <span class="grow">
                      <strong>${tier.name}</strong>${current ? html` <span class="chip">${text.yourTier}</span>` : nothing}
                      ${tier.perks?.length ? html`<span class="muted block">${format.list(tier.perks)}</span>` : nothing}
                    </span>
                    <span class="muted">${text.tierFrom(this.#points(tier.threshold))}</span>
                  </li>`;
                })}
              </ol>`
          : nothing
      }`;
  }

  #redeemPanel(member: Member) {
    if (this.#result) return this.#resultView(this.#result.reward, this.#result.redemption);
    const offline = this.#host.offline;
    return html`${offline ? html`<p class="sf-notice" part="notice" id="offline-reason">${this.#text.offlineRedeem}</p>` : nothing}
    ${this.#rewards.render({
      pending: () => this.#skeleton(),
      error: (error) => errorView(error, this.#i18n.messages(coreMessages), () => void this.#rewards.retry()),
      complete: ({ rewards }) =>
        rewards.length
          ? html`<ul class="list" part="reward-list">
              ${rewards.map((reward, index) => this.#rewardView(reward, index, member, offline))}
            </ul>`
          : html`<p class="sf-notice">${this.#text.noRewards}</p>`,
    })}`;
  }

  #rewardView(reward: Reward, index: number, member: Member, offline: boolean) {
    const text = this.#text;
    const id = `reward-${index}`;
    const missing = reward.cost - member.points;
    const busy = this.#redeeming === reward.id;
    const failure = this.#failure?.rewardId === reward.id ? this.#failure.message : '';
    const currency = this.#host.runtime?.settings.currency;
    const worth =
      reward.kind === 'amount-off' && reward.value && currency ? text.worth(this.#i18n.format.money(reward.value, currency)) : '';
    return html`<li class="reward" part="reward">
      <span class="grow">
        <strong class="block">${reward.name}</strong>
        ${reward.description ? html`<span class="muted block">${reward.description}</span>` : nothing}
        <span class="muted block" id="${id}-cost"
          >${[this.#points(reward.cost), worth].filter(Boolean).join(' · ')}${
            missing > 0 ? html` · <span class="missing">${text.missing(this.#points(missing))}</span>` : nothing
          }</span
        >
        ${failure ? html`<span class="failure block" role="alert">${failure}</span>` : nothing}
      </span>
      ${
        this.#confirming === reward.id
          ? html`<span class="confirm block" part="confirm">
              <span class="block" id="${id}-question">${text.confirmQuestion(reward.name, this.#points(reward.cost))}</span>
              <button
                id="${id}-confirm"
                class="sf-button"
                data-variant="primary"
                part="button confirm-button"
                type="button"
                aria-describedby="${id}-question"
                aria-disabled=${busy ? 'true' : 'false'}
                @click=${(event: MouseEvent) => this.#redeem(reward, index, event)}
              >
                ${busy ? text.redeeming : text.confirm}
              </button>
              <button
                class="sf-button"
                part="button cancel-button"
                type="button"
                aria-disabled=${busy ? 'true' : 'false'}
                @click=${() => this.#cancel(index)}
              >
                ${text.cancel}
              </button>
            </span>`
          : html`<button
              id="${id}-redeem"
              class="sf-button"
              part="button redeem-button"
              type="button"
              aria-describedby="${id}-cost${offline ? ' offline-reason' : ''}"
              ?disabled=${missing > 0 || offline}
              @click=${() => this.#askToConfirm(reward, index)}
            >
              ${text.redeem}<span class="sf-visually-hidden"> ${reward.name}</span>
            </button>`
      }
    </li>`;
  }

  #askToConfirm(reward: Reward, index: number): void {
    if (this.#redeeming) return;
    this.#confirming = reward.id;
    this.#failure = undefined;
    this.#focusNext = `#reward-${index}-confirm`;
    this.#host.requestUpdate();
  }

  #cancel(index: number): void {
    if (this.#redeeming) return;
    this.#confirming = undefined;
    this.#focusNext = `#reward-${index}-redeem`;
    this.#host.requestUpdate();
  }

  async #redeem(reward: Reward, index: number, event: MouseEvent): Promise<void> {
    // The second click of a double click (on "Redeem", it lands here), or a redeem on its way: never send twice.
    if (event.detail > 1 || this.#redeeming) return;
    const host = this.#host;
    const signal = this.#abort.signal;
    this.#redeeming = reward.id;
    host.requestUpdate();
    try {
      const redemption = await request(
        host.runtime?.adapter,
        'loyalty',
        Redemption,
        (loyalty, inner) => loyalty.redeem(reward.id, { signal: inner }),
        {
          signal,
        },
      );
      const snapshot = host.snapshot.value;
      if (snapshot?.member.status === 'member')
        host.snapshot.set({ ...snapshot, member: { ...snapshot.member, points: redemption.points } });
      this.#result = { reward, redemption };
      this.#status = '';
      this.#focusNext = '#code';
      host.dispatchEvent(new SfRewardRedeemEvent(reward, redemption));
      if (this.#activity.value) void this.#activity.retry();
    } catch (error) {
      if (signal.aborted) return;
      const failure = toAdapterError(error);
      this.#failure = { rewardId: reward.id, message: this.#explain(failure) };
      // The points went elsewhere (another tab, the till): show the balance the shop has now.
      if (failure.status === 409) void host.snapshot.retry();
      this.#focusNext = `#reward-${index}-redeem`;
    } finally {
      if (!signal.aborted) {
        this.#redeeming = this.#confirming = undefined;
        host.requestUpdate();
      }
    }
  }

  /** Why a redeem failed, in the shopper's words: the balance stays as it was. */
  #explain(error: AdapterError): string {
    const text = this.#text;
    if (error.status === 409) return text.notEnough;
    if (error.status === 401) return text.signInAgain;
    // Other refusals (410 "this reward has ended"…) carry the shop's own reason.
    if (error.kind === 'http' && error.status && error.status < 500 && error.status !== 429) return error.message;
    return describeError(error, this.#i18n.messages(coreMessages));
  }

  #resultView(reward: Reward, redemption: Redemption) {
    const text = this.#text;
    return html`<div class="result" part="redemption">
      <p class="reward-name"><span class="medal" aria-hidden="true">${star}</span> ${reward.name}</p>
      ${this.#copyField('code', redemption.code, text.yourCode, text.copyCode)}
      <p class="muted">${text.codeHint} ${redemption.expiresAt ? text.validUntil(redemption.expiresAt) : ''}</p>
      <p>${text.balance(this.#points(redemption.points))}</p>
      <button class="sf-button" part="button back-button" type="button" @click=${() => this.#backToRewards()}>${text.backToRewards}</button>
    </div>`;
  }

  #backToRewards(): void {
    this.#result = undefined;
    this.#status = '';
    this.#focusNext = '#tab-redeem';
    this.#host.requestUpdate();
  }

  /** A read-only field (selectable when the clipboard is refused), its copy button, and where "Copied" is announced. */
  #copyField(id: string, value: string, label: string, copyLabel: string, extra: unknown = nothing) {
    return html`<label class="block muted" for=${id}>${label}</label>
      <span class="copy-row">
        <input id=${id} class="field" part=${id === 'code' ? 'code' : 'referral-link'} readonly .value=${value} @focus=${selectAll} />
        <button class="sf-button" part="button copy-button" type="button" @click=${() => this.#copy(value)}>${copyLabel}</button>
        ${extra}
      </span>
      <p class="status" role="status">${this.#status}</p>`;
  }

  async #copy(value: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(value);
      this.#status = this.#text.copied;
    } catch {
      this.#status = this.#text.copyFailed;
    }
    this.#host.requestUpdate();
  }

  #historyPanel() {
    const format = this.#i18n.format;
    return this.#activity.render({
      pending: () => this.#skeleton(),
      error: (error) => errorView(error, this.#i18n.messages(coreMessages), () => void this.#activity.retry()),
      complete: ({ activity }) =>
        activity.length
          ? html`<ul class="list" part="activity-list">
              ${activity.map(
                (entry) =>
                  html`<li class="row" part="activity">
                    <span class="grow">
                      <span class="block">${entry.label}</span>
                      <time class="muted" datetime=${entry.createdAt} title=${format.date(entry.createdAt)}
                        >${format.relativeTime(entry.createdAt)}</time
                      >
                    </span>
                    <span class="amount ${entry.points < 0 ? 'minus' : ''}"
                      >${format.number(entry.points, { signDisplay: 'exceptZero' })}</span
                    >
                  </li>`,
              )}
            </ul>`
          : html`<p class="sf-notice">${this.#text.noActivity}</p>`,
    });
  }

  #referPanel(program: LoyaltyProgram, url: string) {
    const text = this.#text;
    const referral = program.waysToEarn.find((way) => way.kind === 'referral');
    const share =
      'share' in navigator
        ? html`<button class="sf-button" part="button share-button" type="button" @click=${() => this.#share(program.name, url)}>
            ${text.share}
          </button>`
        : nothing;
    return html`<p>${text.referIntro} ${referral ? text.referEarn(this.#points(referral.points)) : ''}</p>
      ${this.#copyField('referral', url, text.referralLink, text.copyLink, share)}`;
  }

  async #share(program: string, url: string): Promise<void> {
    try {
      await navigator.share({ title: program, text: this.#text.shareText(program), url });
    } catch {
      // The shopper closed the share sheet: nothing to say.
    }
  }

  #guestView(program: LoyaltyProgram) {
    const text = this.#text;
    const link = (action: 'signup' | 'login', url: string | undefined, label: string, primary: boolean) =>
      url
        ? html`<a
            class="sf-button"
            data-variant=${primary ? 'primary' : nothing}
            part="button ${action === 'signup' ? 'join-link' : 'login-link'}"
            href=${url}
            @click=${(event: MouseEvent) => {
              if (!this.#host.dispatchEvent(new SfLoyaltyJoinEvent(action, url))) event.preventDefault();
            }}
            >${label}</a
          >`
        : nothing;
    return html`<div class="join" part="join-prompt">
        <p class="lead">${text.joinTitle(program.name)}</p>
        <p>${text.joinIntro}</p>
        <slot name="guest-intro"></slot>
        <p class="actions">${link('signup', program.signupUrl, text.signUp, true)} ${link('login', program.loginUrl, text.logIn, false)}</p>
      </div>
      <div class="panel">${this.#earnPanel(program)}</div>`;
  }
}

function selectAll(event: FocusEvent): void {
  (event.target as HTMLInputElement).select();
}

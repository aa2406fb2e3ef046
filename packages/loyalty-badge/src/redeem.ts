/**
 * The Redeem panel and what it does: the rewards (loaded when a member opens
 * the popover), a confirmation before points are spent, one redeem at a time
 * (a double click never sends twice), the discount code with its copy button,
 * and why a redeem failed, with the balance left as it was.
 */
import { html, nothing, type ReactiveController } from 'lit';
import {
  describeError,
  errorView,
  LoadController,
  Redemption,
  request,
  RewardList,
  toAdapterError,
  type AdapterError,
  type Reward,
} from '@shopfront/core';
import { star } from './icons.js';
import { SfRewardRedeemEvent } from './panel-events.js';
import { copyField, type PanelContext } from './panels.js';
import type { Member } from './snapshot.js';

/** What redeeming needs from the popover besides what the panels do. */
export interface RedeemContext extends PanelContext {
  status: string;
  /** Moves focus to `selector` after the next render. */
  focus(selector: string): void;
  /** A redeem changed the points history: reload it if it was loaded. */
  activityChanged(): void;
}

export class RedeemController implements ReactiveController {
  readonly rewards: LoadController<'loyalty', typeof RewardList, readonly [string]>;
  #confirming?: string;
  #redeeming?: string;
  #failure?: { rewardId: string; message: string };
  #result?: { reward: Reward; redemption: Redemption };
  #abort = new AbortController();

  readonly #context: RedeemContext;

  constructor(context: RedeemContext) {
    this.#context = context;
    const { host } = context;
    host.addController(this);
    this.rewards = new LoadController(host, {
      capability: 'loyalty',
      schema: RewardList,
      args: () => (host.snapshot.value?.member.status === 'member' ? ([host.runtime?.settings.customer?.id ?? ''] as const) : undefined),
      load: (loyalty, _args, signal) => loyalty.rewards({ signal }),
      cacheKey: ([id]) => `loyalty-rewards:${id}`,
    });
  }

  hostUpdate(): void {
    if (!this.#context.host.open) this.#confirming = undefined;
  }

  hostDisconnected(): void {
    this.#abort.abort();
    this.#abort = new AbortController();
  }

  /** Another shopper: forget what was under way. */
  reset(): void {
    this.hostDisconnected();
    this.#confirming = this.#redeeming = this.#failure = this.#result = undefined;
  }

  render(member: Member) {
    const { host, text } = this.#context;
    if (this.#result) return this.#resultView(this.#result.reward, this.#result.redemption);
    const offline = host.offline;
    return html`${offline ? html`<p class="sf-notice" part="notice" id="offline-reason">${text.offlineRedeem}</p>` : nothing}
    ${this.rewards.render({
      pending: () => this.#context.skeleton(),
      error: (error) => errorView(error, host.coreText, () => void this.rewards.retry()),
      complete: ({ rewards }) =>
        rewards.length
          ? html`<ul class="list" part="reward-list">
              ${rewards.map((reward, index) => this.#rewardView(reward, index, member, offline))}
            </ul>`
          : html`<p class="sf-notice">${text.noRewards}</p>`,
    })}`;
  }

  #rewardView(reward: Reward, index: number, member: Member, offline: boolean) {
    const { host, text, points } = this.#context;
    const id = `reward-${index}`;
    const missing = reward.cost - member.points;
    const busy = this.#redeeming === reward.id;
    const failure = this.#failure?.rewardId === reward.id ? this.#failure.message : '';
    const currency = host.runtime?.settings.currency;
    const worth =
      reward.kind === 'amount-off' && reward.value && currency ? text.worth(host.i18n.format.money(reward.value, currency)) : '';
    return html`<li class="reward" part="reward">
      <span class="grow">
        <strong class="block">${reward.name}</strong>
        ${reward.description ? html`<span class="muted block">${reward.description}</span>` : nothing}
        <span class="muted block" id="${id}-cost"
          >${[points(reward.cost), worth].filter(Boolean).join(' · ')}${
            missing > 0 ? html` · <span class="missing">${text.missing(points(missing))}</span>` : nothing
          }</span
        >
        ${failure ? html`<span class="failure block" role="alert">${failure}</span>` : nothing}
      </span>
      ${
        this.#confirming === reward.id
          ? html`<span class="confirm block" part="confirm">
              <span class="block" id="${id}-question">${text.confirmQuestion(reward.name, points(reward.cost))}</span>
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
    this.#context.focus(`#reward-${index}-confirm`);
  }

  #cancel(index: number): void {
    if (this.#redeeming) return;
    this.#confirming = undefined;
    this.#context.focus(`#reward-${index}-redeem`);
  }

  async #redeem(reward: Reward, index: number, event: MouseEvent): Promise<void> {
    // The second click of a double click (on "Redeem", it lands here), or a redeem on its way: never send twice.
    if (event.detail > 1 || this.#redeeming) return;
    const context = this.#context;
    const { host } = context;
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
      context.status = '';
      context.focus('#code');
      host.dispatchEvent(new SfRewardRedeemEvent(reward, redemption));
      context.activityChanged();
    } catch (error) {
      if (signal.aborted) return;
      const failure = toAdapterError(error);
      this.#failure = { rewardId: reward.id, message: this.#explain(failure) };
      // The points went elsewhere (another tab, the till): show the balance the shop has now.
      if (failure.status === 409) void host.snapshot.retry();
      context.focus(`#reward-${index}-redeem`);
    } finally {
      if (!signal.aborted) {
        this.#redeeming = this.#confirming = undefined;
        host.requestUpdate();
      }
    }
  }

  /** Why a redeem failed, in the shopper's words: the balance stays as it was. */
  #explain(error: AdapterError): string {
    const { host, text } = this.#context;
    if (error.status === 409) return text.notEnough;
    if (error.status === 401) return text.signInAgain;
    // Other refusals (410 "this reward has ended"…) carry the shop's own reason.
    if (error.kind === 'http' && error.status && error.status < 500 && error.status !== 429) return error.message;
    return describeError(error, host.coreText);
  }

  #resultView(reward: Reward, redemption: Redemption) {
    const context = this.#context;
    const { text } = context;
    return html`<div class="result" part="redemption">
      <p class="reward-name"><span class="medal" aria-hidden="true">${star}</span> ${reward.name}</p>
      ${copyField(context, 'code', redemption.code, text.yourCode, text.copyCode)}
      <p class="muted">${text.codeHint} ${redemption.expiresAt ? text.validUntil(redemption.expiresAt) : ''}</p>
      <p>${text.balance(context.points(redemption.points))}</p>
      <button class="sf-button" part="button back-button" type="button" @click=${() => this.#backToRewards()}>${text.backToRewards}</button>
    </div>`;
  }

  #backToRewards(): void {
    this.#result = undefined;
    this.#context.status = '';
    this.#context.focus('#tab-redeem');
  }
}

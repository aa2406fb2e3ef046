/**
 * The popover's read-only panels: Earn (ways to earn and tiers), History,
 * Refer, and the guest's join prompt. Functions of what they show; the popover
 * decides which one is on screen.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { errorView, type ActivityList, type BoundMessages, type LoadController, type LoyaltyProgram } from '@shopfront/core';
import type { LoyaltyHost } from './host.js';
import { SfLoyaltyJoinEvent } from './panel-events.js';
import type { PopoverMessages } from './popover-messages.js';
import type { Member } from './snapshot.js';

/** What the panels need from the popover. */
export interface PanelContext {
  readonly host: LoyaltyHost;
  readonly text: BoundMessages<PopoverMessages>;
  /** What a copy button last said ("Copied to the clipboard."), announced beside it. */
  readonly status: string;
  /** "725 points", in the program's own name for them. */
  points(count: number): string;
  copy(value: string): void;
  /** The placeholder of a panel still loading. */
  skeleton(): TemplateResult;
}

const selectAll = (event: FocusEvent) => (event.target as HTMLInputElement).select();

/** A read-only field (selectable when the clipboard is refused), its copy button, and where "Copied" is announced. */
export function copyField(context: PanelContext, id: string, value: string, label: string, copyLabel: string, extra: unknown = nothing) {
  return html`<label class="block muted" for=${id}>${label}</label>
    <span class="copy-row">
      <input id=${id} class="field" part=${id === 'code' ? 'code' : 'referral-link'} readonly .value=${value} @focus=${selectAll} />
      <button class="sf-button" part="button copy-button" type="button" @click=${() => context.copy(value)}>${copyLabel}</button>
      ${extra}
    </span>
    <p class="status" role="status">${context.status}</p>`;
}

/** Ways to earn and the tiers (and for a member, `birthday`: their birthday's form or date); for a guest, what members earn. */
export function earnPanel(context: PanelContext, program: LoyaltyProgram, member?: Member, birthday: unknown = nothing) {
  const { text, points } = context;
  const format = context.host.i18n.format;
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
                  <span class="amount">+${points(way.points)}</span>
                </li>`,
            )}
          </ul>`
        : html`<p class="sf-notice">${text.noWaysToEarn}</p>`
    }
    ${birthday}
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
                  <span class="muted">${text.tierFrom(points(tier.threshold))}</span>
                </li>`;
              })}
            </ol>`
        : nothing
    }`;
}

/** The member's points history, newest first. */
export function historyPanel(context: PanelContext, activity: LoadController<'loyalty', typeof ActivityList, readonly [string]>) {
  const { host, text } = context;
  const format = host.i18n.format;
  return activity.render({
    pending: () => context.skeleton(),
    error: (error) => errorView(error, host.coreText, () => void activity.retry()),
    complete: ({ activity: entries }) =>
      entries.length
        ? html`<ul class="list" part="activity-list">
            ${entries.map(
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
        : html`<p class="sf-notice">${text.noActivity}</p>`,
  });
}

async function share(text: BoundMessages<PopoverMessages>, program: string, url: string): Promise<void> {
  try {
    await navigator.share({ title: program, text: text.shareText(program), url });
  } catch {
    // The shopper closed the share sheet: nothing to say.
  }
}

/** The member's referral link, to copy or (where the browser can) share. */
export function referPanel(context: PanelContext, program: LoyaltyProgram, url: string) {
  const { text } = context;
  const referral = program.waysToEarn.find((way) => way.kind === 'referral');
  const shareButton =
    'share' in navigator
      ? html`<button class="sf-button" part="button share-button" type="button" @click=${() => share(text, program.name, url)}>
          ${text.share}
        </button>`
      : nothing;
  return html`<p>${text.referIntro} ${referral ? text.referEarn(context.points(referral.points)) : ''}</p>
    ${copyField(context, 'referral', url, text.referralLink, text.copyLink, shareButton)}`;
}

/** A guest's invitation to join or sign in (`sf-loyalty-join` lets the shop open its own form), and what members earn. */
export function guestView(context: PanelContext, program: LoyaltyProgram) {
  const { host, text } = context;
  const link = (action: 'signup' | 'login', url: string | undefined, label: string, primary: boolean) =>
    url
      ? html`<a
          class="sf-button"
          data-variant=${primary ? 'primary' : nothing}
          part="button ${action === 'signup' ? 'join-link' : 'login-link'}"
          href=${url}
          @click=${(event: MouseEvent) => {
            if (!host.dispatchEvent(new SfLoyaltyJoinEvent(action, url))) event.preventDefault();
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
    <div class="panel">${earnPanel(context, program)}</div>`;
}

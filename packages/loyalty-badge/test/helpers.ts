import { html } from 'lit';
import {
  MemoryAdapter,
  type LoyaltyActivity,
  type LoyaltyMember,
  type LoyaltyProgram,
  type Reward,
  type ShopfrontSettings,
} from '@shopfront/core';
import { mount, until } from '../../../test/helpers/mount.js';
import { sampleMember, sampleProgram, sampleRewards } from '../../../test/helpers/sample-data.js';
import type { SfLoyaltyBadge } from '../src/loyalty-badge.js';
import type { Member } from '../src/snapshot.js';

export const sampleActivity: LoyaltyActivity[] = [
  { id: 'a1', kind: 'earn', points: 50, label: 'Review of the Harbour sweater', createdAt: '2026-11-18T10:00:00Z' },
  { id: 'a2', kind: 'redeem', points: -300, label: 'Free shipping', createdAt: '2026-11-10T10:00:00Z' },
  { id: 'a3', kind: 'earn', points: 445, label: 'Order #1042', createdAt: '2026-11-01T10:00:00Z' },
];

export const guest: LoyaltyMember = { status: 'guest' };

/** The sample member, typed as one. */
export const member = sampleMember as Member;

export interface Seed {
  program?: LoyaltyProgram;
  member?: LoyaltyMember;
  rewards?: Reward[];
  activity?: LoyaltyActivity[];
}

export const loyaltyAdapter = (seed: Seed = {}) =>
  new MemoryAdapter({
    loyalty: {
      program: seed.program ?? sampleProgram,
      member: seed.member ?? sampleMember,
      rewards: seed.rewards ?? sampleRewards,
      activity: seed.activity ?? sampleActivity,
    },
  });

export type Badge = SfLoyaltyBadge & { reconfigure: (next: ShopfrontSettings) => void };

/** The badge's shadow root, queried. */
export const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector);
export const $$ = <T extends Element = HTMLElement>(el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll<T>(selector)];
export const textOf = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** The element focused now, looking into shadow roots. */
export function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Mounts a badge and waits until it shows its data (or `ready` says it is ready). */
export async function mountBadge(
  adapter: MemoryAdapter | ShopfrontSettings['adapter'],
  options: { placement?: string; settings?: ShopfrontSettings; ready?: (el: Badge) => unknown; around?: string } = {},
): Promise<Badge> {
  const settings = { adapter, currency: 'EUR', ...options.settings };
  const template = html`<sf-loyalty-badge placement=${options.placement ?? 'inline'}></sf-loyalty-badge>`;
  let el: Badge;
  if (options.around) {
    const wrapper = await mount<HTMLElement & { reconfigure: Badge['reconfigure'] }>(
      html`<div style=${options.around}>${template}</div>`,
      settings,
    );
    el = Object.assign(wrapper.querySelector('sf-loyalty-badge')!, { reconfigure: wrapper.reconfigure });
  } else {
    el = await mount<Badge>(template, settings);
  }
  await until(() => (options.ready ? options.ready(el) : $(el, '[part~=trigger]')), 'the badge');
  return el;
}

/** Resolves once the popover is open, placed, and has taken focus. */
export async function popoverReady(el: Badge): Promise<HTMLElement> {
  const popover = $(el, '#popover')!;
  await until(() => popover.matches(':popover-open') && popover.hasAttribute('data-placed'), 'the popover to open and be placed');
  await until(() => popover.contains(deepActive()) || deepActive() === popover, 'focus inside the popover');
  return popover;
}

export async function openPopover(el: Badge, page?: string): Promise<HTMLElement> {
  if (page) el.show(page);
  else $(el, '[part~=trigger]')!.click();
  return popoverReady(el);
}

export async function selectTab(el: Badge, page: string): Promise<HTMLElement> {
  $(el, `#tab-${page}`)!.click();
  await until(() => !$(el, `#panel-${page}`)?.hidden, `the ${page} panel`);
  return $(el, `#panel-${page}`)!;
}

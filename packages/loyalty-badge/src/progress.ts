import { html, nothing } from 'lit';
import { styleProps, type BoundMessages } from '@shopfront/core';
import type { BadgeMessages } from './messages.js';
import type { Member } from './snapshot.js';

/**
 * Progress to the next tier: a real progressbar, named by its visible label
 * ("275 points to Gold"). At the top tier, the label alone. Shared by the badge
 * and the popover.
 */
export function progressView(member: Member, unit: string | undefined, text: BoundMessages<BadgeMessages>, id: string) {
  const { tier, nextTier, pointsToNextTier } = member;
  if (!nextTier) return tier ? html`<span part="progress-label" class="progress-label">${text.topTier(tier.name)}</span>` : nothing;
  const max = Math.max(1, nextTier.threshold - (tier?.threshold ?? 0));
  const now = Math.min(max, Math.max(0, max - pointsToNextTier));
  return html`<span class="progress-row">
    <span
      part="progress"
      class="progress"
      role="progressbar"
      aria-labelledby=${id}
      aria-valuemin="0"
      aria-valuemax=${max}
      aria-valuenow=${now}
    >
      <span part="progress-bar" class="bar" ${styleProps({ 'inline-size': `${(now / max) * 100}%` })}></span>
    </span>
    <span part="progress-label" class="progress-label" id=${id}>${text.toNextTier(pointsToNextTier, nextTier.name, unit)}</span>
  </span>`;
}

import { html, nothing } from 'lit';
import { formatPoints, styleProps, type LocaleController } from '@shopfront/core';
import { badgeMessages } from './messages.js';
import type { Member } from './snapshot.js';

/**
 * Progress to the next tier: a real progressbar, named by its visible label
 * ("275 points to Gold"). At the top tier, the label alone. Shared by the badge
 * and the popover.
 */
export function progressView(member: Member, unit: string | undefined, i18n: LocaleController, id: string) {
  const text = i18n.messages(badgeMessages);
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
    <span part="progress-label" class="progress-label" id=${id}
      >${text.toNextTier(formatPoints(i18n, pointsToNextTier, unit), nextTier.name)}</span
    >
  </span>`;
}

/**
 * One review as the list shows it: stars, title, author with the verified
 * badge, date, the text (long ones collapsed), photos, the shop's reply and
 * the helpful vote. What the shopper changed (expanded, voted) comes from the
 * feed's behaviour, once loaded.
 */
import { html, nothing } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { FeedHost } from './host.js';
import type { ReviewActions } from './review-actions.js';
import { stars, type Review } from '@shopfront/core';

/** Bodies longer than this are collapsed behind "Read more". */
const LONG_BODY = 300;

/** A review with the shape of a typical one (three lines, no product): the skeleton draws it as a shimmering block of the final size. */
export const PLACEHOLDER_REVIEW: Review = {
  id: '',
  productId: '',
  rating: 5,
  title: '-',
  body: '-\n-\n-',
  authorName: '-',
  verifiedBuyer: false,
  createdAt: '',
  helpfulCount: 0,
  photos: [],
};

export function reviewView(host: FeedHost, review: Review, actions: ReviewActions | undefined): unknown {
  const { text } = host;
  const format = host.i18n.format;
  const { id, reply, language } = review;
  const author = host.authorName(review.authorName);
  const long = review.body.length > LONG_BODY;
  const expanded = !!actions?.expanded.has(id);
  const lang = ifDefined(language);
  // Short enough that the body's <p> stays on one line: it keeps the review's own line breaks (white-space:
  // pre-line), so no template whitespace may enter it.
  const bodyClass = long && !expanded ? 'body clamped' : 'body';
  const voted = host.votes.has(id);
  const helpful = actions?.helpful.get(id) ?? review.helpfulCount;
  const failed = actions?.voteFailed === id;
  // Only reviews whose data or state changed render again: "Load more" stays fast with a thousand on screen.
  return guard(
    [review, text, author, expanded, voted, helpful, failed],
    () =>
      html`<li class=${review.productId ? 'review' : 'review sf-skeleton'} part="review" tabindex="-1" data-id=${id}>
        ${stars(review.rating, text.rated(review.rating))}
        ${review.title ? html`<h3 part="review-title" lang=${lang} dir="auto">${review.title}</h3>` : nothing}
        <p class="meta" part="review-meta">
          <bdi class="author">${author}</bdi>
          ${review.verifiedBuyer ? html`<span class="badge" part="badge">${text.verified}</span>` : nothing}
          <time datetime=${review.createdAt}>${format.relativeTime(review.createdAt)}</time>
        </p>
        <p class=${bodyClass} part="review-body" lang=${lang} dir="auto">${review.body}</p>
        ${
          long
            ? html`<button class="sf-link" part="button read-more" data-action="expand" aria-expanded=${expanded}>
                ${expanded ? text.readLess : text.readMore}
              </button>`
            : nothing
        }
        ${
          review.photos.length
            ? html`<ul class="photos">
                ${review.photos.map(
                  (photo, index) =>
                    html`<li>
                      <button class="photo" part="photo-button" data-action="photo" data-value=${index}>
                        <img
                          part="photo"
                          src=${photo.thumbnailUrl ?? photo.url}
                          alt=${photo.alt || text.photoBy(index + 1, author)}
                          loading="lazy"
                        />
                      </button>
                    </li>`,
                )}
              </ul>`
            : nothing
        }
        ${
          reply
            ? html`<div class="reply" part="reply">
                <p class="from">${text.replyFrom(reply.authorName)}</p>
                <p class="body" dir="auto">${reply.body}</p>
              </div>`
            : nothing
        }
        <button class="sf-link" part="button helpful-button" data-action="vote" aria-pressed=${voted}>${text.helpful(helpful)}</button>
        ${failed ? html`<p class="vote-failed" role="alert">${text.voteFailed}</p>` : nothing}
      </li>`,
  );
}

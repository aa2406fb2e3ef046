import type { BoundMessages, PartHost, ReviewPage, ReviewQuery, ReviewSort } from '@shopfront/core';
import type { ReviewFeedMessages } from './messages.js';

/**
 * What the feed's parts (its behaviour, the form, the photo viewer, the
 * views) see of the feed: the data they render and the settings a shopper
 * changes.
 */
export interface FeedHost extends PartHost {
  readonly productId?: string;
  /** The form asks for an email. */
  readonly askEmail: boolean;
  sort: ReviewSort;
  filterRating?: number;
  withPhotos: boolean;
  /** The feed's strings in its language. */
  readonly text: BoundMessages<ReviewFeedMessages>;
  /** The product and the adapter's query of the list, if there is a product. */
  readonly reviewQuery: readonly [productId: string, query: ReviewQuery] | undefined;
  /** The list's first page, once loaded. */
  readonly firstPage: ReviewPage | undefined;
  /** Reviews this visitor found helpful; the feed keeps it in step with the store. */
  readonly votes: Set<string>;
  /** The reviewer's name as shown (full or initials). */
  authorName(name: string): string;
  /** Loads the summary and the list again. */
  reload(): void;
}

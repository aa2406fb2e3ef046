import { defineMessages, type Formatter } from '@shopfront/core';

const en = {
  heading: 'Customer reviews',
  rated: (f: Formatter, value: number) => `Rated ${f.number(value, { maximumFractionDigits: 1 })} out of 5`,
  basedOn: (f: Formatter, count: number) => f.plural(count, { one: 'Based on 1 review', other: 'Based on # reviews' }),
  filterByRating: 'Filter by rating',
  ratingBar: (f: Formatter, stars: number, count: number) =>
    `${f.plural(stars, { one: '1 star', other: '# stars' })}: ${f.plural(count, { one: '1 review', other: '# reviews' })}`,
  sortBy: 'Sort by',
  'sort-newest': 'Newest',
  'sort-highest': 'Highest rating',
  'sort-lowest': 'Lowest rating',
  'sort-helpful': 'Most helpful',
  'sort-media-first': 'With photos first',
  withPhotos: 'With photos only',
  showAll: 'Show all reviews',
  verified: 'Verified buyer',
  replyFrom: (_f: Formatter, name?: string) => (name ? `Reply from ${name}` : 'Reply from the shop'),
  readMore: 'Read more',
  readLess: 'Read less',
  helpful: (f: Formatter, count: number) => `Helpful (${f.number(count)})`,
  voteFailed: "Your vote didn't go through. Try again.",
  loadMore: 'Load more reviews',
  writeReview: 'Write a review',
  empty: 'No reviews yet. Be the first to review this product!',
  noMatch: 'No reviews match this filter.',
  photoBy: (f: Formatter, index: number, name: string) => `Photo ${f.number(index)} from ${name}`,
};
export type ReviewFeedMessages = typeof en;

/** Every language but English: one module each, with the feed's strings, the form's and the photo viewer's. */
export const locales = {
  fr: () => import('./locales/fr.js'),
  de: () => import('./locales/de.js'),
  es: () => import('./locales/es.js'),
  ar: () => import('./locales/ar.js'),
};

/** The feed's strings: English here, other languages fetched on first use. */
export const messages = defineMessages(en, locales, 'feed');

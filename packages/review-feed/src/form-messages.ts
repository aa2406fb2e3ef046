import { defineMessages, type Formatter } from '@shopfront/core';
import { locales } from './messages.js';

const en = {
  heading: 'Write a review',
  rating: 'Your rating',
  stars: (f: Formatter, count: number) => f.plural(count, { one: '1 star', other: '# stars' }),
  title: 'Title (optional)',
  body: 'Your review',
  name: 'Your name',
  email: 'Email',
  emailHint: 'Only the shop sees your email.',
  photos: 'Photos (optional, up to 5)',
  photoHint: (f: Formatter, megabytes: number) => `JPEG, PNG, WebP, GIF or AVIF, up to ${f.number(megabytes)} MB each.`,
  removePhoto: (_f: Formatter, name: string) => `Remove ${name}`,
  submit: 'Submit review',
  sending: 'Sending…',
  cancel: 'Cancel',
  needRating: 'Choose a rating from 1 to 5 stars.',
  needBody: 'Tell other shoppers what you think of the product.',
  needName: 'Enter your name.',
  needEmail: 'Enter a valid email address.',
  photoType: (_f: Formatter, name: string) => `${name} is not a JPEG, PNG, WebP, GIF or AVIF image.`,
  photoSize: (f: Formatter, name: string, megabytes: number) => `${name} is larger than ${f.number(megabytes)} MB.`,
  tooManyPhotos: (f: Formatter, max: number) => `You can add up to ${f.number(max)} photos.`,
  thanksPending: 'Thank you! Your review will appear once the shop has checked it.',
  thanksPublished: 'Thank you! Your review is now published.',
  invitationRefused: 'This review link was already used or is no longer valid. You can still send your review.',
};
export type ReviewFormMessages = typeof en;

/** The form's strings, loaded with the form. */
export const formMessages = defineMessages(en, locales, 'form');

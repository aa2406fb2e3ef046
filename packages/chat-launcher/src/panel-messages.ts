import { defineMessages, type Formatter } from '@shopfront/core';
import { locales } from './messages.js';

/** The panel's strings, loaded with the panel. */
const en = {
  unread: (f: Formatter, count: number) => f.plural(count, { one: '1 unread message', other: '# unread messages' }),
  conversation: 'Conversation',
  greeting: 'Hi! Ask us anything, we are happy to help.',
  replyTime: (f: Formatter, minutes: number) =>
    f.plural(minutes, { one: 'We usually reply within a minute.', other: 'We usually reply within # minutes.' }),
  you: 'You',
  team: 'Team',
  typing: (_f: Formatter, name: string) => (name ? `${name} is typing…` : 'Someone is typing…'),
  sending: 'Sending…',
  queued: 'Waiting for a connection',
  sent: 'Sent',
  seen: 'Seen',
  failed: 'Not sent.',
  offline: 'You are offline. Your messages will be sent when the connection is back.',
  placeholder: 'Write a message…',
  send: 'Send',
  attach: 'Attach an image',
  image: 'Image',
  remove: 'Remove',
  attachmentInvalid: 'Attach a JPEG, PNG, WebP or GIF image of up to 5 MB.',
  prechatIntro: 'Before we start, tell us how to reach you.',
  name: 'Name',
  email: 'Email',
  optional: '(optional)',
  start: 'Start the chat',
  noAgents: 'Nobody from our team is available right now.',
  outsideHours: 'We are outside our opening hours right now.',
  backAt: (f: Formatter, date: string) => `We are back ${f.relativeTime(date)}.`,
  replyByEmail: 'Leave your email and we will reply there.',
  message: 'Message',
  emailInvalid: 'Enter a valid email address.',
  emailThanks: 'Thank you! We will reply by email.',
  rateQuestion: 'How did we do?',
  rateStars: (f: Formatter, n: number) => `${f.number(n)} out of 5`,
  rateComment: 'Anything to add?',
  rateSend: 'Send',
  rateThanks: 'Thank you for telling us.',
};
export type PanelMessages = typeof en;

export const panelMessages = defineMessages(en, locales, 'panel');

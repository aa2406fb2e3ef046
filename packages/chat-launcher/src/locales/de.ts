import type { Formatter, Translation } from '@shopfront/core';
import type { LauncherMessages } from '../messages.js';
import type { PanelMessages } from '../panel-messages.js';

/** The launcher's own strings. */
export const launcher: Translation<LauncherMessages> = {
  open: 'Chatten Sie mit uns',
  close: 'Chat schließen',
};

/** The conversation panel's strings. */
export const panel: Translation<PanelMessages> = {
  unread: (f: Formatter, count: number) => f.plural(count, { one: '# ungelesene Nachricht', other: '# ungelesene Nachrichten' }),
  conversation: 'Unterhaltung',
  greeting: 'Hallo! Fragen Sie uns, was Sie möchten – wir helfen gern.',
  replyTime: (f: Formatter, minutes: number) =>
    f.plural(minutes, {
      one: 'Wir antworten meist innerhalb einer Minute.',
      other: 'Wir antworten meist innerhalb von # Minuten.',
    }),
  you: 'Sie',
  team: 'Team',
  typing: (_f: Formatter, name: string) => (name ? `${name} schreibt…` : 'Jemand schreibt…'),
  sending: 'Wird gesendet…',
  queued: 'Wartet auf Verbindung',
  sent: 'Gesendet',
  seen: 'Gelesen',
  failed: 'Nicht gesendet.',
  offline: 'Sie sind offline. Ihre Nachrichten werden gesendet, sobald die Verbindung zurück ist.',
  placeholder: 'Nachricht schreiben…',
  send: 'Senden',
  attach: 'Bild anhängen',
  image: 'Bild',
  remove: 'Entfernen',
  attachmentInvalid: 'Hängen Sie ein JPEG-, PNG-, WebP- oder GIF-Bild mit höchstens 5 MB an.',
  prechatIntro: 'Bevor wir beginnen: Wie erreichen wir Sie?',
  name: 'Name',
  email: 'E-Mail',
  optional: '(optional)',
  start: 'Chat beginnen',
  noAgents: 'Gerade ist niemand aus unserem Team erreichbar.',
  outsideHours: 'Wir sind gerade außerhalb unserer Öffnungszeiten.',
  backAt: (f: Formatter, date: string) => `Wir sind ${f.relativeTime(date)} zurück.`,
  replyByEmail: 'Hinterlassen Sie Ihre E-Mail-Adresse, wir antworten dorthin.',
  message: 'Nachricht',
  emailInvalid: 'Geben Sie eine gültige E-Mail-Adresse ein.',
  emailThanks: 'Danke! Wir antworten per E-Mail.',
  rateQuestion: 'Wie waren wir?',
  rateStars: (f: Formatter, n: number) => `${f.number(n)} von 5`,
  rateComment: 'Möchten Sie etwas hinzufügen?',
  rateSend: 'Senden',
  rateThanks: 'Danke für Ihre Rückmeldung.',
};

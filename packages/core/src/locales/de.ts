import type { CoreMessages } from '../core-messages.js';
import type { Formatter, Translation } from '../i18n.js';

export const core: Translation<CoreMessages> = {
  loading: 'Wird geladen…',
  retry: 'Erneut versuchen',
  close: 'Schließen',
  offline: 'Sie sind offline. Angezeigt wird, was zuvor gespeichert wurde.',
  errorNetwork: 'Der Shop ist nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
  errorTimeout: 'Der Shop antwortet zu langsam. Bitte versuchen Sie es erneut.',
  errorHttp: 'Bei uns ist etwas schiefgelaufen. Bitte versuchen Sie es gleich noch einmal.',
  errorRateLimited: (f: Formatter, seconds: number) =>
    f.plural(seconds, {
      one: 'Zu viele Versuche. Bitte warten Sie eine Sekunde.',
      other: 'Zu viele Versuche. Bitte warten Sie # Sekunden.',
    }),
  errorInvalid: 'Wir haben eine unverständliche Antwort erhalten. Bitte später erneut versuchen.',
  errorUnsupported: 'Diese Funktion ist in diesem Shop nicht verfügbar.',
  points: (f: Formatter, count: number, shown: string) => f.plural(count, { one: '# Punkt', other: '# Punkte' }, shown),
};

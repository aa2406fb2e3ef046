import type { CoreMessages } from '../core-messages.js';
import type { Formatter, Translation } from '../i18n.js';

export const core: Translation<CoreMessages> = {
  loading: 'Chargement…',
  retry: 'Réessayer',
  close: 'Fermer',
  offline: 'Vous êtes hors ligne. Affichage des données enregistrées.',
  errorNetwork: 'Impossible de joindre la boutique. Vérifiez votre connexion et réessayez.',
  errorTimeout: 'La boutique met trop de temps à répondre. Veuillez réessayer.',
  errorHttp: 'Un problème est survenu de notre côté. Réessayez dans un instant.',
  errorRateLimited: (f: Formatter, seconds: number) =>
    f.plural(seconds, {
      one: 'Trop de tentatives. Patientez une seconde.',
      other: 'Trop de tentatives. Patientez # secondes.',
    }),
  errorInvalid: 'Nous avons reçu une réponse incompréhensible. Réessayez plus tard.',
  errorUnsupported: "Cette fonctionnalité n'est pas disponible dans cette boutique.",
  points: (f: Formatter, count: number, shown: string) => f.plural(count, { one: '# point', other: '# points' }, shown),
};

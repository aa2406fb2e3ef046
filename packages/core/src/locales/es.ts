import type { CoreMessages } from '../core-messages.js';
import type { Formatter, Translation } from '../i18n.js';

export const core: Translation<CoreMessages> = {
  loading: 'Cargando…',
  retry: 'Reintentar',
  close: 'Cerrar',
  offline: 'Estás sin conexión. Mostramos lo guardado anteriormente.',
  errorNetwork: 'No pudimos conectar con la tienda. Revisa tu conexión e inténtalo de nuevo.',
  errorTimeout: 'La tienda tarda demasiado en responder. Inténtalo de nuevo.',
  errorHttp: 'Algo salió mal por nuestra parte. Inténtalo de nuevo en un momento.',
  errorRateLimited: (f: Formatter, seconds: number) =>
    f.plural(seconds, {
      one: 'Demasiados intentos. Espera un segundo.',
      other: 'Demasiados intentos. Espera # segundos.',
    }),
  errorInvalid: 'Recibimos una respuesta que no entendimos. Inténtalo más tarde.',
  errorUnsupported: 'Esta función no está disponible en esta tienda.',
  points: (f: Formatter, count: number, shown: string) => f.plural(count, { one: '# punto', other: '# puntos' }, shown),
};

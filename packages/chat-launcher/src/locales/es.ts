import type { Formatter, Translation } from '@shopfront/core';
import type { LauncherMessages } from '../messages.js';
import type { PanelMessages } from '../panel-messages.js';

/** The launcher's own strings. */
export const launcher: Translation<LauncherMessages> = {
  open: 'Chatea con nosotros',
  close: 'Cerrar el chat',
};

/** The conversation panel's strings. */
export const panel: Translation<PanelMessages> = {
  unread: (f: Formatter, count: number) => f.plural(count, { one: '# mensaje sin leer', other: '# mensajes sin leer' }),
  conversation: 'Conversación',
  greeting: '¡Hola! Pregúntanos lo que quieras, estamos para ayudarte.',
  replyTime: (f: Formatter, minutes: number) =>
    f.plural(minutes, {
      one: 'Solemos responder en un minuto.',
      other: 'Solemos responder en # minutos.',
    }),
  you: 'Tú',
  team: 'Equipo',
  typing: (_f: Formatter, name: string) => (name ? `${name} está escribiendo…` : 'Alguien está escribiendo…'),
  sending: 'Enviando…',
  queued: 'Esperando conexión',
  sent: 'Enviado',
  seen: 'Visto',
  failed: 'No enviado.',
  offline: 'Estás sin conexión. Tus mensajes se enviarán cuando vuelva la conexión.',
  placeholder: 'Escribe un mensaje…',
  send: 'Enviar',
  attach: 'Adjuntar una imagen',
  image: 'Imagen',
  remove: 'Quitar',
  attachmentInvalid: 'Adjunta una imagen JPEG, PNG, WebP o GIF de 5 MB como máximo.',
  prechatIntro: 'Antes de empezar, dinos cómo contactarte.',
  name: 'Nombre',
  email: 'Correo electrónico',
  optional: '(opcional)',
  start: 'Empezar el chat',
  noAgents: 'Ahora mismo no hay nadie de nuestro equipo disponible.',
  outsideHours: 'Ahora mismo estamos fuera de nuestro horario.',
  backAt: (f: Formatter, date: string) => `Volvemos ${f.relativeTime(date)}.`,
  replyByEmail: 'Déjanos tu correo y te responderemos allí.',
  message: 'Mensaje',
  emailInvalid: 'Escribe un correo electrónico válido.',
  emailThanks: '¡Gracias! Te responderemos por correo.',
  rateQuestion: '¿Qué tal lo hicimos?',
  rateStars: (f: Formatter, n: number) => `${f.number(n)} de 5`,
  rateComment: '¿Algo que añadir?',
  rateSend: 'Enviar',
  rateThanks: 'Gracias por contárnoslo.',
};

/**
 * The emails' words, in the languages the widgets speak, and their plain-text
 * and HTML bodies. Every value from data goes into the HTML through the `html`
 * template, which escapes it; links are the server's own signed URLs.
 */
import { html, type Html } from '../html.js';

export type EmailLocale = 'en' | 'de' | 'fr' | 'es' | 'ar';

interface Words {
  hello: string;
  reviewSubject: (shop: string) => string;
  reviewIntro: (order: string) => string;
  reviewAction: string;
  replySubject: (shop: string) => string;
  replyIntro: (agent: string) => string;
  replyAction: string;
  transcriptSubject: (shop: string) => string;
  transcriptIntro: string;
  you: string;
  why: (shop: string) => string;
  unsubscribe: string;
}

const WORDS: Record<EmailLocale, Words> = {
  en: {
    hello: 'Hello,',
    reviewSubject: (shop) => `How was your order from ${shop}?`,
    reviewIntro: (order) => `Thank you for your order #${order}. Would you tell other shoppers what you think of it?`,
    reviewAction: 'Write a review',
    replySubject: (shop) => `${shop} answered your message`,
    replyIntro: (agent) => `${agent} answered the message you left us:`,
    replyAction: 'Continue the conversation',
    transcriptSubject: (shop) => `Your conversation with ${shop}`,
    transcriptIntro: 'Here is your conversation, as you asked.',
    you: 'You',
    why: (shop) => `You get this email because of your order or conversation with ${shop}.`,
    unsubscribe: 'Unsubscribe from these emails',
  },
  de: {
    hello: 'Hallo,',
    reviewSubject: (shop) => `Wie war Ihre Bestellung bei ${shop}?`,
    reviewIntro: (order) => `Danke für Ihre Bestellung #${order}. Möchten Sie anderen Kundinnen und Kunden sagen, wie sie Ihnen gefällt?`,
    reviewAction: 'Bewertung schreiben',
    replySubject: (shop) => `${shop} hat auf Ihre Nachricht geantwortet`,
    replyIntro: (agent) => `${agent} hat auf Ihre Nachricht geantwortet:`,
    replyAction: 'Unterhaltung fortsetzen',
    transcriptSubject: (shop) => `Ihre Unterhaltung mit ${shop}`,
    transcriptIntro: 'Hier ist Ihre Unterhaltung, wie gewünscht.',
    you: 'Sie',
    why: (shop) => `Sie erhalten diese E-Mail wegen Ihrer Bestellung oder Unterhaltung bei ${shop}.`,
    unsubscribe: 'Diese E-Mails abbestellen',
  },
  fr: {
    hello: 'Bonjour,',
    reviewSubject: (shop) => `Votre commande chez ${shop} vous plaît-elle ?`,
    reviewIntro: (order) => `Merci pour votre commande n° ${order}. Voulez-vous dire aux autres clients ce que vous en pensez ?`,
    reviewAction: 'Écrire un avis',
    replySubject: (shop) => `${shop} a répondu à votre message`,
    replyIntro: (agent) => `${agent} a répondu au message que vous nous avez laissé :`,
    replyAction: 'Reprendre la conversation',
    transcriptSubject: (shop) => `Votre conversation avec ${shop}`,
    transcriptIntro: 'Voici votre conversation, comme demandé.',
    you: 'Vous',
    why: (shop) => `Vous recevez cet e-mail en raison de votre commande ou conversation avec ${shop}.`,
    unsubscribe: 'Se désabonner de ces e-mails',
  },
  es: {
    hello: 'Hola:',
    reviewSubject: (shop) => `¿Qué tal tu pedido de ${shop}?`,
    reviewIntro: (order) => `Gracias por tu pedido n.º ${order}. ¿Quieres contar a otros clientes qué te parece?`,
    reviewAction: 'Escribir una reseña',
    replySubject: (shop) => `${shop} ha respondido a tu mensaje`,
    replyIntro: (agent) => `${agent} ha respondido al mensaje que nos dejaste:`,
    replyAction: 'Continuar la conversación',
    transcriptSubject: (shop) => `Tu conversación con ${shop}`,
    transcriptIntro: 'Aquí tienes tu conversación, como pediste.',
    you: 'Tú',
    why: (shop) => `Recibes este correo por tu pedido o conversación con ${shop}.`,
    unsubscribe: 'Darse de baja de estos correos',
  },
  ar: {
    hello: 'مرحبًا،',
    reviewSubject: (shop) => `كيف كان طلبك من ${shop}؟`,
    reviewIntro: (order) => `شكرًا لطلبك رقم ${order}. هل تخبر المتسوقين الآخرين برأيك فيه؟`,
    reviewAction: 'اكتب مراجعة',
    replySubject: (shop) => `ردّ ${shop} على رسالتك`,
    replyIntro: (agent) => `ردّ ${agent} على الرسالة التي تركتها لنا:`,
    replyAction: 'تابع المحادثة',
    transcriptSubject: (shop) => `محادثتك مع ${shop}`,
    transcriptIntro: 'إليك محادثتك كما طلبت.',
    you: 'أنت',
    why: (shop) => `تصلك هذه الرسالة بسبب طلبك أو محادثتك مع ${shop}.`,
    unsubscribe: 'إلغاء الاشتراك في هذه الرسائل',
  },
};

/** The language of a locale tag (`de-AT` → `de`) when the emails speak it, else English. */
export function emailLocale(tag: string | undefined): EmailLocale {
  const language = tag?.toLowerCase().split(/[-_]/)[0];
  return language && language in WORDS ? (language as EmailLocale) : 'en';
}

export interface ComposedEmail {
  subject: string;
  text: string;
  html: string;
}

interface Frame {
  locale: EmailLocale;
  shopName: string;
  unsubscribeUrl: string;
}

/** The same frame around every email: greeting, content, why it came and how to stop it. */
function compose(frame: Frame, subject: string, text: string[], body: Html): ComposedEmail {
  const words = WORDS[frame.locale];
  const dir = frame.locale === 'ar' ? 'rtl' : 'ltr';
  const footer = [words.why(frame.shopName), `${words.unsubscribe}: ${frame.unsubscribeUrl}`];
  const page = html`<!doctype html>
    <html lang="${frame.locale}" dir="${dir}">
      <head>
        <meta charset="utf-8" />
        <title>${subject}</title>
      </head>
      <body style="font-family: system-ui, sans-serif; line-height: 1.5; color: #1a1a1a; max-width: 36rem; margin: 0 auto; padding: 1rem;">
        <p>${words.hello}</p>
        ${body}
        <hr style="border: 0; border-top: 1px solid #ddd; margin: 2rem 0 1rem;" />
        <p style="font-size: 0.875rem; color: #555;">
          ${words.why(frame.shopName)} <a href="${frame.unsubscribeUrl}" style="color: #555;">${words.unsubscribe}</a>
        </p>
      </body>
    </html>`;
  return { subject, text: [words.hello, '', ...text, '', '--', ...footer, ''].join('\n'), html: page.value };
}

const button = (href: string, label: string) =>
  html`<a
    href="${href}"
    style="display: inline-block; padding: 0.5rem 1rem; background: #1a1a1a; color: #fff; text-decoration: none; border-radius: 0.25rem;"
    >${label}</a
  >`;

export function reviewRequestEmail(frame: Frame, orderId: string, products: Array<{ title: string; reviewUrl: string }>): ComposedEmail {
  const words = WORDS[frame.locale];
  return compose(
    frame,
    words.reviewSubject(frame.shopName),
    [words.reviewIntro(orderId), '', ...products.map((product) => `${product.title} — ${words.reviewAction}: ${product.reviewUrl}`)],
    html`<p>${words.reviewIntro(orderId)}</p>
      <ul style="padding: 0; list-style: none;">
        ${products.map((product) => html`<li style="margin: 0 0 1rem;"><strong>${product.title}</strong><br />${button(product.reviewUrl, words.reviewAction)}</li>`)}
      </ul>`,
  );
}

export function awayReplyEmail(frame: Frame, agentName: string, reply: string, conversationUrl: string): ComposedEmail {
  const words = WORDS[frame.locale];
  return compose(
    frame,
    words.replySubject(frame.shopName),
    [words.replyIntro(agentName), '', ...reply.split('\n').map((line) => `> ${line}`), '', `${words.replyAction}: ${conversationUrl}`],
    html`<p>${words.replyIntro(agentName)}</p>
      <blockquote style="margin: 0 0 1rem; padding: 0 1rem; border-inline-start: 3px solid #ddd; white-space: pre-wrap;">
        ${reply}
      </blockquote>
      <p>${button(conversationUrl, words.replyAction)}</p>`,
  );
}

export interface TranscriptLine {
  author: 'visitor' | 'agent' | 'system';
  name?: string;
  body: string;
  at: string;
}

export function transcriptEmail(frame: Frame, lines: TranscriptLine[]): ComposedEmail {
  const words = WORDS[frame.locale];
  const who = (line: TranscriptLine) => (line.author === 'visitor' ? words.you : (line.name ?? frame.shopName));
  const when = (line: TranscriptLine) => line.at.slice(0, 16).replace('T', ' ');
  return compose(
    frame,
    words.transcriptSubject(frame.shopName),
    [words.transcriptIntro, '', ...lines.flatMap((line) => [`${who(line)} (${when(line)} UTC):`, line.body, ''])],
    html`<p>${words.transcriptIntro}</p>
      ${lines.map(
        (line) =>
          html`<p style="margin: 0 0 0.75rem;">
            <strong>${who(line)}</strong> <span style="color: #555;">${when(line)} UTC</span><br /><span style="white-space: pre-wrap;"
              >${line.body}</span
            >
          </p>`,
      )}`,
  );
}

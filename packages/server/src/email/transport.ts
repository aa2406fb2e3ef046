/**
 * What hands an email to the outside world. The queue (./queue.ts) only needs
 * `send`; the SMTP one is nodemailer on `SHOPFRONT_SMTP_URL`.
 */
import nodemailer from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport/index.js';

export interface OutgoingEmail {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
  messageId: string;
}

export interface EmailTransport {
  send(email: OutgoingEmail): Promise<void>;
  close(): void;
}

/**
 * A refusal that will not change on a retry (an SMTP 5xx: no such mailbox, a
 * rejected sender): the job is given up on at once rather than tried for hours.
 */
export function isPermanent(error: unknown): boolean {
  const code = (error as { responseCode?: unknown })?.responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

/** Why an attempt failed, short enough for the outbox, without anything secret (the URL's password never appears in nodemailer's messages). */
export function failureText(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/\s+/g, ' ').slice(0, 300);
}

/** The SMTP server as the banner may show it: no user or password. */
export function redactedSmtpUrl(url: string): string {
  const parsed = new URL(url);
  parsed.username = '';
  parsed.password = '';
  return parsed.toString();
}

export function smtpTransport(url: string): EmailTransport {
  const transporter = nodemailer.createTransport({
    url,
    // An SMTP server that stops answering fails the attempt (which is retried) instead of holding the queue.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  } as SMTPTransport.Options);
  return {
    async send(email) {
      await transporter.sendMail({
        from: email.from,
        to: email.to,
        subject: email.subject,
        text: email.text,
        html: email.html,
        headers: email.headers,
        messageId: email.messageId,
      });
    },
    close: () => transporter.close(),
  };
}

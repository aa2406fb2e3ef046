/**
 * The email queue: every email the server sends is a job here first, so a
 * stopped SMTP server or a restart delays it and loses nothing, and a job's
 * key makes it exist once however often the event that asks for it repeats.
 * Also the addresses that unsubscribed, which nothing is sent to again.
 */
import type { DataSubject } from './subject.js';

/** Emails to shoppers; `data-request` and `invite` go to the shop's own people and have no unsubscribe. */
export type EmailKind = 'review-request' | 'away-reply' | 'transcript' | 'data-request' | 'invite';

/** Kinds the law or the shop's own running needs delivered: an address's unsubscribe does not stop them. */
export const NOTICE_KINDS: readonly EmailKind[] = ['data-request', 'invite'];

/**
 * `queued`: waiting for its time (`nextAttemptAt`); `sending`: claimed by a
 * sender until `leaseUntil`; `sent`; `failed`: given up on (a permanent
 * refusal, or too many attempts); `skipped`: the address unsubscribed first.
 */
export type EmailStatus = 'queued' | 'sending' | 'sent' | 'failed' | 'skipped';

export interface NewEmailJob {
  /** What the email is about, once per shop (`review-request:<order>`): a repeat of the key is the same job. */
  key: string;
  kind: EmailKind;
  /** Lower-cased. */
  to: string;
  from: string;
  subject: string;
  text: string;
  html: string;
  /** Sent as they are (`List-Unsubscribe`…). */
  headers: Record<string, string>;
  /** The same for every attempt, so a receiver can tell a resend from a new email. */
  messageId: string;
  /** Not sent before this time. */
  sendAfter: string;
  createdAt: string;
}

export interface EmailJob extends Omit<NewEmailJob, 'sendAfter'> {
  id: string;
  shopId: number;
  status: EmailStatus;
  /** Attempts made so far (a claim counts as one). */
  attempts: number;
  nextAttemptAt: string;
  leaseUntil?: string;
  lastError?: string;
  sentAt?: string;
}

/** How a claimed job's attempt ended. */
export type EmailOutcome =
  | { status: 'sent'; at: string }
  | { status: 'queued'; nextAttemptAt: string; error: string }
  | { status: 'failed' | 'skipped'; error: string };

export interface EmailStorage {
  /** Adds the job unless one with its key exists; `created` says which. */
  enqueue(shopId: number, job: NewEmailJob): Promise<{ job: EmailJob; created: boolean }>;
  /**
   * Takes up to `limit` jobs that are due at `now` (queued, or `sending` with a lease that
   * ran out: its sender stopped) for one sender: each becomes `sending` until `leaseUntil`
   * with one more attempt, and no other claim gets it meanwhile, on any instance.
   */
  claim(now: string, leaseUntil: string, limit: number): Promise<EmailJob[]>;
  /**
   * Ends the attempt `job` was claimed for. Does nothing (false) when the job was claimed
   * again since (its lease ran out), so a slow sender cannot overwrite a newer attempt.
   */
  finish(job: Pick<EmailJob, 'id' | 'attempts'>, outcome: EmailOutcome): Promise<boolean>;
  /** Marks the job with this key `skipped` (with `reason`) unless it was sent or claimed already; false when nothing waited. */
  cancel(shopId: number, key: string, reason: string): Promise<boolean>;
  /** The shop's jobs, newest first. */
  list(shopId: number, limit: number): Promise<EmailJob[]>;
  /** Records that the address wants nothing more; false when it had already. */
  unsubscribe(shopId: number, email: string, at: string): Promise<boolean>;
  isUnsubscribed(shopId: number, email: string): Promise<boolean>;
  /** Every job to the subject's email (none without one), oldest first, and when the address unsubscribed; one snapshot. */
  exportCustomer(shopId: number, subject: DataSubject): Promise<{ jobs: EmailJob[]; unsubscribedAt?: string }>;
  /**
   * Deletes every job to the subject's email, whatever its status, as one step; how many. The
   * unsubscribe record stays (`unsubscribed` says whether there is one): it is what keeps the
   * address from being emailed again. A job a sender holds at that moment may still go out once.
   */
  eraseCustomer(shopId: number, subject: DataSubject): Promise<{ jobs: number; unsubscribed: boolean }>;
}

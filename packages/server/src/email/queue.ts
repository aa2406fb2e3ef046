/**
 * Sends what the email queue holds. Each round claims the jobs that are due
 * (storage gives each job to one claimer, on any instance, until its lease
 * ends), skips addresses that unsubscribed, and hands the rest to the
 * transport one at a time. A failure puts the job back for later, waiting
 * twice as long each time (1 minute, 2, 4… at most 6 hours), and gives up after
 * MAX_ATTEMPTS or at once for a permanent refusal (an SMTP 5xx). A job's
 * Message-ID is the same for every attempt: should a server stop between the
 * SMTP server accepting an email and the job being marked sent, the one resend
 * after the lease carries the same id, which receivers use to drop duplicates.
 *
 * Without a transport (no `SHOPFRONT_SMTP_URL`) nothing is sent: jobs wait in
 * the inbox's outbox until one is configured.
 */
import { NOTICE_KINDS } from '../storage/email.js';
import type { EmailJob, Storage } from '../storage/index.js';
import { failureText, isPermanent, type EmailTransport } from './transport.js';

export const MAX_ATTEMPTS = 10;
/** A sender holds a job this long; if it has not finished by then, it stopped, and another sender takes the job. */
export const LEASE_MS = 5 * 60_000;
const FIRST_RETRY_MS = 60_000;
const LONGEST_RETRY_MS = 6 * 3600_000;
/** How many jobs one round claims. */
const BATCH = 20;

/** The wait after the `attempts`th failed attempt. */
export const retryDelay = (attempts: number) => Math.min(FIRST_RETRY_MS * 2 ** (attempts - 1), LONGEST_RETRY_MS);

export interface RoundResult {
  sent: number;
  retried: number;
  failed: number;
  skipped: number;
}

export interface EmailQueueOptions {
  /** Milliseconds between rounds (jobs that become due are sent within this). */
  pollMs?: number;
  log?: (message: string) => void;
}

export class EmailQueue {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<RoundResult> | undefined;
  private again = false;
  private stopped = false;

  constructor(
    private readonly storage: Storage,
    /** Undefined: nothing is sent, jobs wait in the outbox. */
    readonly transport: EmailTransport | undefined,
    private readonly options: EmailQueueOptions = {},
  ) {}

  /** Sends due jobs every `pollMs` from now on. */
  start(): void {
    if (!this.transport || this.timer) return;
    this.timer = setInterval(() => this.kick(), this.options.pollMs ?? 5000);
    this.timer.unref();
    this.kick();
  }

  /** A job was added that may be due now: a round soon rather than at the next tick. */
  kick(): void {
    if (!this.transport || this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    void this.round().catch((error: unknown) => this.options.log?.(`[shopfront] email queue: ${failureText(error)}`));
  }

  /** One round now; resolves with what it did (tests call it with a clock). */
  round(now: () => Date = () => new Date()): Promise<RoundResult> {
    if (!this.transport) return Promise.resolve({ sent: 0, retried: 0, failed: 0, skipped: 0 });
    // Rounds never overlap in one process: a kick during a round asks for one more after it.
    this.running ??= this.sendDue(this.transport, now).finally(() => {
      this.running = undefined;
      if (this.again && !this.stopped) {
        this.again = false;
        this.kick();
      }
    });
    return this.running;
  }

  /** Stops the rounds and waits for the one under way, so no claimed job is left half done. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running?.catch(() => undefined);
    this.transport?.close();
  }

  private async sendDue(transport: EmailTransport, now: () => Date): Promise<RoundResult> {
    const result: RoundResult = { sent: 0, retried: 0, failed: 0, skipped: 0 };
    for (;;) {
      const start = now();
      const jobs = await this.storage.email.claim(start.toISOString(), new Date(start.getTime() + LEASE_MS).toISOString(), BATCH);
      for (const job of jobs) result[await this.send(transport, job, now)]++;
      if (jobs.length < BATCH || this.stopped) return result;
    }
  }

  private async send(transport: EmailTransport, job: EmailJob, now: () => Date): Promise<keyof RoundResult> {
    // Checked at sending, not only at queueing: an address unsubscribed since gets nothing more.
    if (!NOTICE_KINDS.includes(job.kind) && (await this.storage.email.isUnsubscribed(job.shopId, job.to))) {
      await this.storage.email.finish(job, { status: 'skipped', error: 'The address unsubscribed.' });
      return 'skipped';
    }
    try {
      await transport.send(job);
    } catch (error) {
      const error_ = failureText(error);
      if (isPermanent(error) || job.attempts >= MAX_ATTEMPTS) {
        await this.storage.email.finish(job, { status: 'failed', error: error_ });
        return 'failed';
      }
      const nextAttemptAt = new Date(now().getTime() + retryDelay(job.attempts)).toISOString();
      await this.storage.email.finish(job, { status: 'queued', nextAttemptAt, error: error_ });
      return 'retried';
    }
    await this.storage.email.finish(job, { status: 'sent', at: now().toISOString() });
    return 'sent';
  }
}

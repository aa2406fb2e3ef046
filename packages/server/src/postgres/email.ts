import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { subjectKeys, type DataSubject, type EmailJob, type EmailOutcome, type EmailStorage, type NewEmailJob } from '../storage/index.js';
import { time, toEmailJob } from '../storage/rows.js';
import { row, rows, snapshot, transaction } from './database.js';

export class PostgresEmail implements EmailStorage {
  constructor(private readonly pool: pg.Pool) {}

  async enqueue(shopId: number, job: NewEmailJob): Promise<{ job: EmailJob; created: boolean }> {
    const inserted = await row(
      this.pool,
      `INSERT INTO email_jobs (id, shop_id, key, kind, recipient, sender, subject, text_body, html_body, headers, message_id,
         status, attempts, next_attempt_at, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'queued', 0, $12, $13)
       ON CONFLICT (shop_id, key) DO NOTHING
       RETURNING *`,
      [
        randomUUID(),
        shopId,
        job.key,
        job.kind,
        job.to.toLowerCase(),
        job.from,
        job.subject,
        job.text,
        job.html,
        JSON.stringify(job.headers),
        job.messageId,
        job.sendAfter,
        job.createdAt,
      ],
    );
    if (inserted) return { job: toEmailJob(inserted), created: true };
    // The key existed (or a concurrent enqueue just made it, and has committed: the unique index waited for it).
    const stored = await row(this.pool, 'SELECT * FROM email_jobs WHERE shop_id = $1 AND key = $2', [shopId, job.key]);
    return { job: toEmailJob(stored!), created: false };
  }

  async claim(now: string, leaseUntil: string, limit: number): Promise<EmailJob[]> {
    // SKIP LOCKED: instances claiming at once each take different jobs, without waiting for one another.
    const claimed = await rows(
      this.pool,
      `UPDATE email_jobs SET status = 'sending', lease_until = $2, attempts = attempts + 1
        WHERE id IN (
          SELECT id FROM email_jobs
           WHERE (status = 'queued' AND next_attempt_at <= $1) OR (status = 'sending' AND lease_until <= $1)
           ORDER BY next_attempt_at, created_at LIMIT $3
           FOR UPDATE SKIP LOCKED)
        RETURNING *`,
      [now, leaseUntil, limit],
    );
    return claimed.map(toEmailJob).sort((a, b) => a.nextAttemptAt.localeCompare(b.nextAttemptAt) || a.createdAt.localeCompare(b.createdAt));
  }

  async finish(job: Pick<EmailJob, 'id' | 'attempts'>, outcome: EmailOutcome): Promise<boolean> {
    const sentAt = outcome.status === 'sent' ? outcome.at : null;
    const next = outcome.status === 'queued' ? outcome.nextAttemptAt : null;
    const error = outcome.status === 'sent' ? null : outcome.error;
    const result = await this.pool.query(
      `UPDATE email_jobs SET status = $1, sent_at = COALESCE($2::timestamptz, sent_at),
         next_attempt_at = COALESCE($3::timestamptz, next_attempt_at), last_error = $4, lease_until = NULL
        WHERE id = $5 AND status = 'sending' AND attempts = $6`,
      [outcome.status, sentAt, next, error, job.id, job.attempts],
    );
    return (result.rowCount ?? 0) > 0;
  }

  async cancel(shopId: number, key: string, reason: string): Promise<boolean> {
    const result = await this.pool.query(
      `UPDATE email_jobs SET status = 'skipped', last_error = $1 WHERE shop_id = $2 AND key = $3 AND status = 'queued'`,
      [reason, shopId, key],
    );
    return (result.rowCount ?? 0) > 0;
  }

  async list(shopId: number, limit: number): Promise<EmailJob[]> {
    const found = await rows(this.pool, 'SELECT * FROM email_jobs WHERE shop_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2', [
      shopId,
      limit,
    ]);
    return found.map(toEmailJob);
  }

  async unsubscribe(shopId: number, email: string, at: string): Promise<boolean> {
    const result = await this.pool.query(
      'INSERT INTO email_unsubscribes (shop_id, email, created_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
      [shopId, email.toLowerCase(), at],
    );
    return (result.rowCount ?? 0) > 0;
  }

  async isUnsubscribed(shopId: number, email: string): Promise<boolean> {
    const found = await row(this.pool, 'SELECT 1 FROM email_unsubscribes WHERE shop_id = $1 AND email = $2', [shopId, email.toLowerCase()]);
    return found !== undefined;
  }

  async exportCustomer(shopId: number, subject: DataSubject): Promise<{ jobs: EmailJob[]; unsubscribedAt?: string }> {
    const [, email] = subjectKeys(subject);
    return snapshot(this.pool, async (client) => {
      const jobs = await rows(client, 'SELECT * FROM email_jobs WHERE shop_id = $1 AND recipient = $2 ORDER BY created_at, id', [
        shopId,
        email,
      ]);
      const unsubscribed = await row(client, 'SELECT created_at FROM email_unsubscribes WHERE shop_id = $1 AND email = $2', [
        shopId,
        email,
      ]);
      return { jobs: jobs.map(toEmailJob), ...(unsubscribed ? { unsubscribedAt: time(unsubscribed.created_at) } : {}) };
    });
  }

  async eraseCustomer(shopId: number, subject: DataSubject): Promise<{ jobs: number; unsubscribed: boolean }> {
    const [, email] = subjectKeys(subject);
    return transaction(this.pool, async (client) => {
      const deleted = await client.query('DELETE FROM email_jobs WHERE shop_id = $1 AND recipient = $2', [shopId, email]);
      const unsubscribed = await row(client, 'SELECT 1 FROM email_unsubscribes WHERE shop_id = $1 AND email = $2', [shopId, email]);
      return { jobs: deleted.rowCount ?? 0, unsubscribed: unsubscribed !== undefined };
    });
  }
}

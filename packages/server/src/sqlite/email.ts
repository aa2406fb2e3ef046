import { randomUUID } from 'node:crypto';
import { subjectKeys, type DataSubject, type EmailJob, type EmailOutcome, type EmailStorage, type NewEmailJob } from '../storage/index.js';
import { toEmailJob } from '../storage/rows.js';
import type { Db, Row } from './database.js';

export class SqliteEmail implements EmailStorage {
  constructor(private readonly db: Db) {}

  async enqueue(shopId: number, job: NewEmailJob): Promise<{ job: EmailJob; created: boolean }> {
    return this.db
      .transaction(() => {
        const inserted = this.db
          .prepare(
            `INSERT INTO email_jobs (id, shop_id, key, kind, recipient, sender, subject, text_body, html_body, headers, message_id,
               status, attempts, next_attempt_at, created_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'queued', 0, ?, ?)
             ON CONFLICT (shop_id, key) DO NOTHING`,
          )
          .run(
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
          );
        const stored = this.db.prepare('SELECT * FROM email_jobs WHERE shop_id = ? AND key = ?').get(shopId, job.key) as Row;
        return { job: toEmailJob(stored), created: inserted.changes > 0 };
      })
      .immediate();
  }

  async claim(now: string, leaseUntil: string, limit: number): Promise<EmailJob[]> {
    // One write transaction at a time in SQLite: two claims cannot pick the same job.
    return this.db
      .transaction(() => {
        const due = this.db
          .prepare(
            `SELECT id FROM email_jobs
              WHERE (status = 'queued' AND next_attempt_at <= ?) OR (status = 'sending' AND lease_until <= ?)
              ORDER BY next_attempt_at, created_at LIMIT ?`,
          )
          .pluck()
          .all(now, now, limit) as string[];
        const take = this.db.prepare(
          `UPDATE email_jobs SET status = 'sending', lease_until = ?, attempts = attempts + 1 WHERE id = ? RETURNING *`,
        );
        return due.map((id) => toEmailJob(take.get(leaseUntil, id) as Row));
      })
      .immediate();
  }

  async finish(job: Pick<EmailJob, 'id' | 'attempts'>, outcome: EmailOutcome): Promise<boolean> {
    const sentAt = outcome.status === 'sent' ? outcome.at : null;
    const next = outcome.status === 'queued' ? outcome.nextAttemptAt : null;
    const error = outcome.status === 'sent' ? null : outcome.error;
    const result = this.db
      .prepare(
        `UPDATE email_jobs SET status = ?, sent_at = COALESCE(?, sent_at), next_attempt_at = COALESCE(?, next_attempt_at),
           last_error = ?, lease_until = NULL
          WHERE id = ? AND status = 'sending' AND attempts = ?`,
      )
      .run(outcome.status, sentAt, next, error, job.id, job.attempts);
    return result.changes > 0;
  }

  async cancel(shopId: number, key: string, reason: string): Promise<boolean> {
    const result = this.db
      .prepare(`UPDATE email_jobs SET status = 'skipped', last_error = ? WHERE shop_id = ? AND key = ? AND status = 'queued'`)
      .run(reason, shopId, key);
    return result.changes > 0;
  }

  async list(shopId: number, limit: number): Promise<EmailJob[]> {
    const found = this.db
      .prepare('SELECT * FROM email_jobs WHERE shop_id = ? ORDER BY created_at DESC, rowid DESC LIMIT ?')
      .all(shopId, limit) as Row[];
    return found.map(toEmailJob);
  }

  async unsubscribe(shopId: number, email: string, at: string): Promise<boolean> {
    const result = this.db
      .prepare('INSERT INTO email_unsubscribes (shop_id, email, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING')
      .run(shopId, email.toLowerCase(), at);
    return result.changes > 0;
  }

  async isUnsubscribed(shopId: number, email: string): Promise<boolean> {
    const found = this.db.prepare('SELECT 1 FROM email_unsubscribes WHERE shop_id = ? AND email = ?').get(shopId, email.toLowerCase());
    return found !== undefined;
  }

  async exportCustomer(shopId: number, subject: DataSubject): Promise<{ jobs: EmailJob[]; unsubscribedAt?: string }> {
    const [, email] = subjectKeys(subject);
    return this.db.transaction(() => {
      const jobs = this.db
        .prepare('SELECT * FROM email_jobs WHERE shop_id = ? AND recipient = ? ORDER BY created_at, rowid')
        .all(shopId, email) as Row[];
      const unsubscribedAt = this.db
        .prepare('SELECT created_at FROM email_unsubscribes WHERE shop_id = ? AND email = ?')
        .pluck()
        .get(shopId, email) as string | undefined;
      return { jobs: jobs.map(toEmailJob), ...(unsubscribedAt ? { unsubscribedAt } : {}) };
    })();
  }

  async eraseCustomer(shopId: number, subject: DataSubject): Promise<{ jobs: number; unsubscribed: boolean }> {
    const [, email] = subjectKeys(subject);
    return this.db
      .transaction(() => ({
        jobs: this.db.prepare('DELETE FROM email_jobs WHERE shop_id = ? AND recipient = ?').run(shopId, email).changes,
        unsubscribed: this.db.prepare('SELECT 1 FROM email_unsubscribes WHERE shop_id = ? AND email = ?').get(shopId, email) !== undefined,
      }))
      .immediate();
  }
}

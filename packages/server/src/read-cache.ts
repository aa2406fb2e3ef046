/**
 * The serialised answers of reads that many shoppers make (review pages and
 * summaries, the FAQ), kept until a write changes what they show. Each answer
 * belongs to a tag (`reviews:<shop>`, `faq:<shop>`); a write names
 * its tag and every answer under it is dropped, here and, through the hub's
 * bus, on every other instance. A read that started before a write does not
 * store what it read after it: each tag counts its writes, and an answer is
 * kept only if the count did not move while it was made.
 *
 * Answers carry an ETag (a hash of the bytes) and a Cache-Control that lets a
 * CDN keep them for a minute while browsers revalidate each time, for the price
 * of a 304: a shopper who just voted sees the new count on the next load.
 */
import { createHash } from 'node:crypto';

export interface CachedAnswer {
  /** Encoded once: each answer is then a copy of bytes. */
  body: Uint8Array;
  etag: string;
}

/**
 * Browsers ask again each time (a 304 when unchanged); shared caches keep a
 * minute. No `stale-while-revalidate`: Chromium honours it in the browser's own
 * cache too, and would show a shopper the count from before their vote.
 */
export const CACHE_CONTROL = 'public, max-age=0, s-maxage=60';
/** For CDNs only (RFC 9213, which browsers ignore): a minute fresh, then served stale for five while they revalidate. */
export const CDN_CACHE_CONTROL = 'public, max-age=60, stale-while-revalidate=300';

export const etagOf = (body: Uint8Array) => `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;

/** True when `If-None-Match` names this ETag (weak or strong, one of a list, or `*`). */
export function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((tag) => {
    const trimmed = tag.trim();
    return trimmed === '*' || trimmed.replace(/^W\//, '') === etag;
  });
}

/** Invalidates every tag: told when writes may have gone unheard (the bus lost its connection for a while). */
export const EVERY_TAG = '*';

export class ReadCache {
  readonly #answers = new Map<string, Map<string, CachedAnswer>>();
  readonly #writes = new Map<string, number>();
  /** Counts `EVERY_TAG` invalidations; a tag's version is its own writes plus these, so either moves it. */
  #everyTag = 0;
  #size = 0;

  /** At most this many answers in all; past it, the tags used longest ago are dropped first. */
  constructor(readonly maxAnswers = 10_000) {}

  get(tag: string, key: string): CachedAnswer | undefined {
    const answers = this.#answers.get(tag);
    const answer = answers?.get(key);
    if (answers && answer) {
      // Recently used tags move to the end, so eviction takes the coldest.
      this.#answers.delete(tag);
      this.#answers.set(tag, answers);
    }
    return answer;
  }

  /** How many writes the tag has seen: read before making an answer, handed back to `set`. */
  version(tag: string): number {
    return (this.#writes.get(tag) ?? 0) + this.#everyTag;
  }

  set(tag: string, key: string, answer: CachedAnswer, version: number): void {
    if (this.version(tag) !== version) return;
    let answers = this.#answers.get(tag);
    if (!answers) this.#answers.set(tag, (answers = new Map()));
    if (!answers.has(key)) this.#size++;
    answers.set(key, answer);
    while (this.#size > this.maxAnswers) {
      const [coldest, dropped] = this.#answers.entries().next().value!;
      this.#answers.delete(coldest);
      this.#size -= dropped.size;
    }
  }

  /** A write changed what the tag's answers show. */
  invalidate(tag: string): void {
    if (tag === EVERY_TAG) {
      this.#everyTag++;
      this.#answers.clear();
      this.#size = 0;
      return;
    }
    this.#writes.set(tag, (this.#writes.get(tag) ?? 0) + 1);
    const answers = this.#answers.get(tag);
    if (!answers) return;
    this.#answers.delete(tag);
    this.#size -= answers.size;
  }

  get size(): number {
    return this.#size;
  }
}

/** Every review read of a shop: a vote names only its review, so its product's answers cannot be told apart. */
export const reviewsTag = (shopId: number) => `reviews:${shopId}`;
export const faqTag = (shopId: number) => `faq:${shopId}`;

/** The longest `If-None-Match` a cached read takes (the document says so); a longer one is a 400, not a miss. */
export const IF_NONE_MATCH_MAX_LENGTH = 1024;

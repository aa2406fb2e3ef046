import * as z from 'zod/mini';
import { lazy } from './lazy.js';
import { Count, HttpUrl, Id, Timestamp, lenientArray, text } from './common.js';

export const FaqEntry = /* @__PURE__ */ lazy(() =>
  z.object({
    id: Id,
    question: text(300, 1),
    /** Plain text; blank lines separate paragraphs. */
    answer: text(10000, 1),
    category: z.optional(text(80)),
    tags: z.optional(z.array(text(40)).check(z.maxLength(20))),
    url: z.optional(HttpUrl),
    /** Higher is asked more often; drives "popular questions". */
    popularity: z.optional(Count),
    updatedAt: z.optional(Timestamp),
  }),
);
export type FaqEntry = z.infer<typeof FaqEntry>;

export const FaqEntries = /* @__PURE__ */ lazy(() =>
  z.object({
    /** Changes whenever any entry changes; the client rebuilds its index then. */
    version: text(128, 1),
    /** A malformed entry is skipped with a warning; the rest stay searchable. */
    entries: lenientArray(FaqEntry, 20000),
  }),
);
export type FaqEntries = z.infer<typeof FaqEntries>;

export const FaqHit = /* @__PURE__ */ lazy(() =>
  z.object({
    id: Id,
    score: z.number(),
  }),
);
export type FaqHit = z.infer<typeof FaqHit>;

export const FaqSearchResult = /* @__PURE__ */ lazy(() => z.object({ hits: z.array(FaqHit).check(z.maxLength(100)) }));
export type FaqSearchResult = z.infer<typeof FaqSearchResult>;

/**
 * Server-side FAQ search: words matched in the question weigh most, then tags
 * and category, then the answer; accents and case are ignored. Typo tolerance is
 * the client's local index's job; this is the cheap, predictable fallback.
 */
import type { FaqEntry, FaqHit } from '@shopfront/core/schemas.js';

export const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();

const words = (text: string): string[] => fold(text).match(/[\p{L}\p{N}]+/gu) ?? [];

export function searchFaq(entries: readonly FaqEntry[], query: string, limit = 20): FaqHit[] {
  const terms = [...new Set(words(query))].filter((term) => term.length > 1 || /\p{N}/u.test(term));
  if (terms.length === 0) return [];
  const hits: FaqHit[] = [];
  for (const entry of entries) {
    const fields = [
      { words: words(entry.question), weight: 3 },
      { words: words([...(entry.tags ?? []), entry.category ?? ''].join(' ')), weight: 2 },
      { words: words(entry.answer), weight: 1 },
    ];
    let score = 0;
    let matched = 0;
    for (const term of terms) {
      let best = 0;
      for (const field of fields) {
        if (field.words.includes(term)) best = Math.max(best, field.weight);
        else if (field.words.some((word) => word.startsWith(term))) best = Math.max(best, field.weight * 0.6);
      }
      if (best > 0) matched++;
      score += best;
    }
    if (matched === 0) continue;
    // Entries that match every word first; popularity breaks ties.
    const coverage = matched / terms.length;
    const popularity = Math.min(entry.popularity ?? 0, 100) / 1000;
    hits.push({ id: entry.id, score: Math.round((score / (terms.length * 3)) * coverage * 1000) / 1000 + popularity });
  }
  return hits.sort((a, b) => b.score - a.score).slice(0, limit);
}

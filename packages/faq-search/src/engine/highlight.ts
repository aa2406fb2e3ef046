import type { MatchSpan } from './search.js';
import { foldedPrefixEnd, tokenize } from './tokenize.js';

/** A range of `text` to highlight: `[start, end)` in UTF-16 units, ready for `slice`. */
export type HighlightRange = [start: number, end: number];

/**
 * Where the words of `text` that matched a search are, as written: the typed
 * part of a prefix ("ship" in "shipping"), the whole word for a typo, accents
 * and case as in `text`. Ranges are sorted; touching ranges are merged.
 */
export function highlight(text: string, matches: ReadonlyMap<string, MatchSpan>): HighlightRange[] {
  const ranges: HighlightRange[] = [];
  if (matches.size === 0) return ranges;
  tokenize(text, (term, start, end) => {
    const span = matches.get(term);
    if (!span) return;
    const word = text.slice(start, end);
    const from = start + (span[0] > 0 ? foldedPrefixEnd(word, span[0]) : 0);
    const to = span[1] >= term.length ? end : start + foldedPrefixEnd(word, span[1]);
    const last = ranges[ranges.length - 1];
    if (last && last[1] === from) last[1] = to;
    else ranges.push([from, to]);
  });
  return ranges;
}

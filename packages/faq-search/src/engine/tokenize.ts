/**
 * Words and how they are compared: the one tokenizer the index, the query and
 * the highlighter share, so a highlighted range is exactly what matched.
 * No DOM: runs in a page, a worker or Node.
 */

/** A run of letters, digits and their combining marks. */
const WORD = /[\p{L}\p{N}\p{M}]+/gu;

/** Scripts written without spaces between words: `Intl.Segmenter` finds their words. */
const UNSPACED = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}]/u;

/**
 * Accents that do not change the word for a shopper: Latin, Greek and Cyrillic
 * combining marks, Hebrew points, Arabic vowel marks. Marks that are part of a
 * letter (Devanagari, Thai vowels, kana voicing) stay.
 */
const DIACRITICS = /[\u0300-\u036f\u0591-\u05c7\u064b-\u065f\u0670]/g;

/** Letters that Unicode does not decompose but shoppers type without their stroke. */
const FOLDS: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i', ς: 'σ' };
const FOLDABLE = /[ßæœøłđðþıς]/g;

const ASCII = /^[\0-\x7f]*$/;

/** The form a word is indexed and searched under: lower case, accents removed. */
export function fold(word: string): string {
  if (ASCII.test(word)) return word.toLowerCase();
  return word
    .toLowerCase()
    .normalize('NFKD')
    .replace(DIACRITICS, '')
    .normalize('NFC')
    .replace(FOLDABLE, (letter) => FOLDS[letter]!);
}

/** Whether `term` is in a script that is not spaced into words (no typo tolerance there). */
export const isUnspaced = (term: string): boolean => UNSPACED.test(term);

let segmenter: Intl.Segmenter | undefined;

/**
 * Calls `visit` with each word of `text`, folded, and where it sits in `text`
 * (`start` inclusive, `end` exclusive, in UTF-16 units).
 */
export function tokenize(text: string, visit: (term: string, start: number, end: number) => void): void {
  for (const match of text.matchAll(WORD)) {
    const word = match[0];
    const at = match.index;
    if (!UNSPACED.test(word)) {
      const term = fold(word);
      if (term) visit(term, at, at + word.length);
      continue;
    }
    segmenter ??= new Intl.Segmenter(undefined, { granularity: 'word' });
    for (const { segment, index, isWordLike } of segmenter.segment(word)) {
      const term = isWordLike ? fold(segment) : '';
      if (term) visit(term, at + index, at + index + segment.length);
    }
  }
}

/** The folded words of `text`, in order. */
export function terms(text: string): string[] {
  const found: string[] = [];
  tokenize(text, (term) => found.push(term));
  return found;
}

/**
 * Where, in `word` as written, the first `length` characters of its folded form
 * end: "Crème" with 3 → 3 ("Crè"); "Straße" with 5 → 5 ("Straß": a range never
 * splits a letter, though "ß" folds to "ss").
 */
export function foldedPrefixEnd(word: string, length: number): number {
  let folded = 0;
  let end = 0;
  for (const char of word) {
    const size = fold(char).length;
    // Marks that fold to nothing stay with the letter before them.
    if (folded >= length && size > 0) break;
    folded += size;
    end += char.length;
  }
  return end;
}

/**
 * The FAQ search engine: prefix and typo tolerance together, folded accents
 * and case, segmented CJK, field-weighted ranking, exact highlight ranges.
 * No DOM, no dependencies: benchmarked and tested on its own.
 */
export { buildIndex, buildIndexInSlices, indexSteps, FIELDS, INDEX_FORMAT } from './build-index.js';
export type { FaqIndex, Field, IndexableEntry } from './build-index.js';
export { search, maxEdits } from './search.js';
export type { MatchSpan, SearchHit, SearchOptions, SearchResult } from './search.js';
export { highlight } from './highlight.js';
export type { HighlightRange } from './highlight.js';
export { fold, terms, tokenize } from './tokenize.js';

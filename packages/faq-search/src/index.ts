export { SfFaqSearch } from './faq-search.js';
export { SfFaqNoResultsEvent, SfFaqOpenEvent, SfFaqSearchEvent } from './events.js';
export { faqMessages } from './messages.js';
export type { FaqMessages } from './messages.js';
export * from './engine/engine.js';

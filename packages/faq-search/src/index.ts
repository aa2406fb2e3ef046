export { SfFaqSearch } from './faq-search.js';
export { SfFaqOpenEvent, SfFaqSearchEvent } from './events.js';
export { SfFaqNoResultsEvent } from './no-results-event.js';
export { faqMessages } from './messages.js';
export type { FaqMessages } from './messages.js';
export * from './engine/engine.js';

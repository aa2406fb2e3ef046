import { SfFaqSearch } from './faq-search.js';

SfFaqSearch.define('sf-faq-search');

declare global {
  interface HTMLElementTagNameMap {
    'sf-faq-search': SfFaqSearch;
  }
}

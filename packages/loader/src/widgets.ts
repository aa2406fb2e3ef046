import type { WidgetEntry } from './loader.js';

/**
 * Every widget the script tag can load. Each import is its own chunk in the CDN
 * build; Lit and core are one more, shared.
 */
export const widgets: Record<string, WidgetEntry> = {
  'sf-review-feed': { load: () => import('@shopfront/review-feed/define.js') },
  // As the first card nears the viewport: the code upgrades every card at once, and they share one request.
  'sf-star-rating': { load: () => import('@shopfront/star-rating/define.js') },
  'sf-faq-search': { load: () => import('@shopfront/faq-search/define.js') },
  'sf-recently-viewed': {
    load: () => import('@shopfront/recently-viewed/define.js'),
    // It takes no space until it knows the history, and usually sits just above
    // the footer: growing while a fast reader already sees the footer would move
    // it. When idle, it is drawn long before anyone scrolls down to it.
    when: 'idle',
    answers: ['trackView'],
  },
  'sf-loyalty-badge': {
    load: () => import('@shopfront/loyalty-badge/define.js'),
    // A floating badge is always on screen, wherever its tag sits in the page.
    when: (element) => (element.getAttribute('placement')?.startsWith('floating') ? 'idle' : 'visible'),
    answers: ['openLoyalty'],
  },
  // The launcher is fixed to a corner: load it when the browser is idle. Its panel loads on first use.
  'sf-chat-launcher': { load: () => import('@shopfront/chat-launcher/define.js'), when: 'idle', answers: ['openChat', 'closeChat'] },
};

export const adapters: Record<string, () => Promise<unknown>> = {
  rest: () => import('@shopfront/adapter-rest/register.js'),
  // The Shopify app embed names it: the API through the shop's app proxy.
  shopify: () => import('@shopfront/adapter-shopify/register.js'),
};

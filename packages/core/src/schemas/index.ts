export * from './common.js';
export * from './reviews.js';
export * from './loyalty.js';
export * from './chat.js';
export * from './faq.js';
export * from './products.js';
export { lazy } from './lazy.js';

export { RestAdapter } from './rest-adapter.js';
export type { RestAdapterOptions } from './rest-adapter.js';

/** Shopify: signature checks, the install flow and the Admin API client (pure modules, no routes). */
export * from './proxy-signature.js';
export * from './webhook-signature.js';
export * from './oauth.js';
export * from './admin-api.js';
export * from './admin-operations.js';

/** Replaced at build time with the package version. */
export const VERSION: string = typeof __SHOPFRONT_VERSION__ === 'string' ? __SHOPFRONT_VERSION__ : '0.0.0-dev';
declare const __SHOPFRONT_VERSION__: string | undefined;

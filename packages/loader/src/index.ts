export { startLoader } from './loader.js';
export type { LoaderOptions, LoadWhen, WidgetEntry } from './loader.js';
export { findOwnScript, settingsFromScript } from './script-settings.js';

/**
 * The script tag's entry (`dist/cdn/shopfront.js`):
 * `<script type="module" src="…/shopfront.js" data-endpoint="…" data-shop="…" async></script>`.
 */
import { startLoader } from './loader.js';
import { findOwnScript, settingsFromScript } from './script-settings.js';
import { adapters, widgets } from './widgets.js';

startLoader({ widgets, adapters, settings: settingsFromScript(findOwnScript(import.meta.url)) });
// Only a visit from an advocate's link fetches what keeps its code (after the settings: consent is one of them).
if (location.search.includes('sf_ref=')) void import('./keep-referral.js');

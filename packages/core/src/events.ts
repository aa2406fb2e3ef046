import type { AdapterError } from './adapter-error.js';

/**
 * A widget could not load its data. Shops wire monitoring to it; the widget
 * itself already shows an error or its saved data.
 */
export class SfLoadErrorEvent extends Event {
  static readonly type = 'sf-load-error';
  constructor(readonly error: AdapterError) {
    super(SfLoadErrorEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'sf-load-error': SfLoadErrorEvent;
  }
}

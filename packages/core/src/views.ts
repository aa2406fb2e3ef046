import { html, nothing, type TemplateResult } from 'lit';
import type { AdapterError } from './adapter-error.js';
import type { CoreMessages } from './core-messages.js';
import type { BoundMessages } from './i18n.js';

type CoreText = BoundMessages<CoreMessages>;

/** What to tell a shopper about `error`, in their language. */
export function describeError(error: AdapterError, text: CoreText): string {
  if (error.status === 429) return text.errorRateLimited(error.retryAfter ?? 30);
  switch (error.kind) {
    case 'network':
      return text.errorNetwork;
    case 'timeout':
      return text.errorTimeout;
    case 'http':
      return text.errorHttp;
    case 'invalid-response':
      return text.errorInvalid;
    case 'unsupported':
      return text.errorUnsupported;
  }
}

/**
 * The notice over a saved copy shown because loading failed: "offline" when
 * the network is down, else what went wrong. Nothing while the data is fresh.
 */
export function savedCopyNotice(
  text: CoreText,
  ...loads: ReadonlyArray<{ stale: boolean; error?: AdapterError }>
): TemplateResult | typeof nothing {
  const error = loads.find((load) => load.stale && load.error)?.error;
  return error
    ? html`<p class="sf-notice" part="notice" role="status">${error.kind === 'network' ? text.offline : describeError(error, text)}</p>`
    : nothing;
}

/** The shared error state: what went wrong, and a retry when retrying can help. */
export function errorView(error: AdapterError, text: CoreText, onRetry: () => void): TemplateResult {
  return html`<div class="sf-error" part="error" role="alert">
    <p>${describeError(error, text)}</p>
    ${
      error.kind === 'unsupported'
        ? nothing
        : html`<button class="sf-button" part="button retry-button" type="button" @click=${onRetry}>${text.retry}</button>`
    }
  </div>`;
}

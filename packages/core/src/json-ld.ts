/**
 * Structured data for search engines, as a `<script type="application/ld+json">`
 * in the light DOM (crawlers do not read shadow roots). Under Trusted Types the
 * script's text needs a policy: ours is named `shopfront`, used for nothing but
 * JSON we serialised ourselves, and shared by every copy of Shopfront on the page
 * (a second `createPolicy('shopfront')` would throw under a strict CSP).
 */
type ScriptPolicy = { createScript(input: string): string };

const POLICY = Symbol.for('shopfront.trusted-types-policy');

function policy(): ScriptPolicy | undefined {
  const host = globalThis as {
    [POLICY]?: ScriptPolicy | null;
    trustedTypes?: { createPolicy(name: string, rules: ScriptPolicy): ScriptPolicy };
  };
  if (host[POLICY] === undefined) {
    host[POLICY] = host.trustedTypes ? host.trustedTypes.createPolicy('shopfront', { createScript: (input) => input }) : null;
  }
  return host[POLICY] ?? undefined;
}

/** JSON that cannot close the script element or open a comment, whatever the data says. */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

/**
 * Writes `data` as JSON-LD into `host`'s light DOM, replacing what it wrote
 * before; `null` removes it.
 */
export function setJsonLd(host: Element, data: unknown | null): void {
  let script = host.querySelector<HTMLScriptElement>(':scope > script[data-sf-json-ld]');
  if (data === null) {
    script?.remove();
    return;
  }
  if (!script) {
    script = document.createElement('script');
    script.type = 'application/ld+json';
    script.dataset.sfJsonLd = '';
    host.append(script);
  }
  const json = serializeJsonLd(data);
  (script as { text: unknown }).text = policy()?.createScript(json) ?? json;
}

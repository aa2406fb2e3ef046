/**
 * The XSS corpus and its check, shared by the widgets' suite (xss.test.ts, in
 * Chromium) and the inbox's (xss-inbox.node.test.ts, through Playwright).
 */

/** Script tags, `on*` attributes, `javascript:` in mixed case and with a tab, `data:text/html`, SVG `onload`. */
export const CORPUS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  '<svg><script>alert(1)</script></svg>',
  "' onmouseover='alert(1)",
  '<a href="javascript:alert(1)">x</a>',
  '<iframe src="javascript:alert(1)"></iframe>',
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  'java\tscript:alert(1)',
  ' \u0001javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'https://example.com/"><script>alert(1)</script>',
];

/**
 * What is wrong in the page's shadow roots: scripts, `on*` attributes, URLs
 * that are not http(s). Self-contained, so Playwright can run it in a page.
 */
export function shadowFindings(): string[] {
  const URL_ATTRIBUTES = ['href', 'src', 'xlink:href', 'action', 'formaction', 'poster'];
  // Every shadow root, nested ones too; no inner named function (a bundler would wrap it in a helper the page lacks).
  const roots: ShadowRoot[] = [];
  const pending: ParentNode[] = [document.body];
  while (pending.length) {
    for (const element of pending.pop()!.querySelectorAll('*')) {
      if (!element.shadowRoot) continue;
      roots.push(element.shadowRoot);
      pending.push(element.shadowRoot);
    }
  }
  const found: string[] = [];
  for (const root of roots) {
    const host = root.host.localName;
    for (const element of root.querySelectorAll('*')) {
      if (element.localName === 'script') found.push(`${host}: a <script>`);
      for (const { name, value } of element.attributes) {
        if (name.startsWith('on')) found.push(`${host}: <${element.localName} ${name}="${value.slice(0, 40)}">`);
        if (URL_ATTRIBUTES.includes(name) && value) {
          const protocol = URL.canParse(value, document.baseURI) ? new URL(value, document.baseURI).protocol : 'unparsable';
          if (protocol !== 'http:' && protocol !== 'https:') found.push(`${host}: <${element.localName} ${name}="${value.slice(0, 60)}">`);
        }
      }
    }
  }
  return found;
}

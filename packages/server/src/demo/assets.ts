/**
 * The demo shop's own stylesheet and script, served from /assets/ (a strict CSP
 * allows no inline code). The script is what a shop writes itself: it tells
 * Shopfront the signed-in customer's first name too (the script tag carries only
 * the signed id), through the documented queue (`window.Shopfront.push([...])`).
 */
export const DEMO_CSS = `
:root {
  --shop-ink: #14213d;
  --shop-muted: #4a5568;
  --shop-paper: #fbfaf7;
  --shop-line: #e2ded5;
  --shop-accent: #1d4e89;
  --sf-color-accent: #1d4e89;
  --sf-font-family: inherit;
  color-scheme: light;
  font-family: ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color: var(--shop-ink);
  background: var(--shop-paper);
}
* { box-sizing: border-box; }
body { margin: 0; line-height: 1.5; }
a { color: var(--shop-accent); }
.skip { position: absolute; left: -999px; }
.skip:focus { left: 1rem; top: 1rem; background: #fff; padding: 0.5rem; }
.site-header { display: flex; align-items: center; gap: 1.5rem; padding: 1rem clamp(1rem, 4vw, 3rem); border-bottom: 1px solid var(--shop-line); background: #fff; flex-wrap: wrap; }
.brand { font-weight: 700; font-size: 1.25rem; text-decoration: none; color: var(--shop-ink); letter-spacing: 0.02em; }
.site-nav { display: flex; gap: 1rem; flex: 1; }
.site-nav a { text-decoration: none; color: var(--shop-muted); }
.site-nav a[aria-current="page"] { color: var(--shop-ink); font-weight: 600; }
main { max-width: 72rem; margin: 0 auto; padding: 2rem clamp(1rem, 4vw, 3rem) 4rem; }
.hero { padding: 2rem 0 1rem; }
.hero h1 { font-size: clamp(1.8rem, 4vw, 2.6rem); margin: 0 0 0.5rem; }
.hero p { color: var(--shop-muted); max-width: 40rem; margin: 0; }
.grid { list-style: none; padding: 0; margin: 2rem 0; display: grid; gap: 1.5rem; grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr)); }
.card { background: #fff; border: 1px solid var(--shop-line); border-radius: 12px; overflow: hidden; }
.card a { display: block; text-decoration: none; color: inherit; }
.card img { display: block; width: 100%; height: auto; aspect-ratio: 1; background: #eee; }
.card .info { padding: 0.75rem 1rem 1rem; }
.card h2 { font-size: 1rem; margin: 0 0 0.25rem; }
.price { font-weight: 600; }
.price s { color: var(--shop-muted); font-weight: 400; margin-inline-start: 0.5rem; }
.badge { display: inline-block; font-size: 0.75rem; padding: 0.1rem 0.5rem; border-radius: 999px; background: #fde68a; margin-inline-start: 0.5rem; }
.product { display: grid; gap: 2rem; grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr)); align-items: start; }
.product img { width: 100%; height: auto; border-radius: 12px; border: 1px solid var(--shop-line); }
.product h1 { margin: 0 0 0.5rem; }
.product .description { color: var(--shop-muted); }
.buy { font: inherit; padding: 0.75rem 1.5rem; border-radius: 999px; border: 0; background: var(--shop-accent); color: #fff; cursor: pointer; }
.buy:disabled { background: #9aa5b1; cursor: not-allowed; }
.crumbs { font-size: 0.875rem; color: var(--shop-muted); margin-bottom: 1rem; }
section { margin-top: 3rem; }
section > h2 { font-size: 1.25rem; }
.faq-list details { border-bottom: 1px solid var(--shop-line); padding: 0.75rem 0; }
.faq-list summary { cursor: pointer; font-weight: 600; }
.account { background: #fff; border: 1px solid var(--shop-line); border-radius: 12px; padding: 1.5rem; }
.note { color: var(--shop-muted); font-size: 0.875rem; }
.demo-order { margin-top: 1.5rem; padding-top: 1rem; border-top: 1px solid #d9dee3; }
.demo-order button { font: inherit; padding: 0.5rem 1.25rem; border-radius: 999px; border: 2px solid var(--shop-accent); background: transparent; color: var(--shop-accent); cursor: pointer; }
.notice { padding: 0.75rem 1rem; border-radius: 0.5rem; background: #e8f3ec; color: #1d4d2e; }
.site-footer { border-top: 1px solid var(--shop-line); padding: 2rem clamp(1rem, 4vw, 3rem); color: var(--shop-muted); font-size: 0.875rem; }
/* Spacing only: a widget's own display is its business (page rules would beat its :host styles). */
main > sf-review-feed, main > sf-recently-viewed, main > section { margin-block-start: 3rem; }
`;

export const DEMO_JS = `(function () {
  function read(id) {
    var element = document.getElementById(id);
    if (!element) return undefined;
    try { return JSON.parse(element.textContent || ''); } catch (error) { return undefined; }
  }
  var shopfront = (window.Shopfront = window.Shopfront || []);
  var customer = read('shop-customer');
  if (customer) shopfront.push(['identify', customer]);
})();
`;

export const FAVICON_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="14" fill="#1d4e89"/><path d="M32 12v36M20 40c0 8 24 8 24 0M24 20h16" stroke="#fff" stroke-width="5" fill="none" stroke-linecap="round"/></svg>';

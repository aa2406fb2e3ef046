/**
 * A Shopify-like Liquid engine for render tests (liquidjs): the extension's
 * snippets as partials, a `schema` tag that renders nothing, and `asset_url`,
 * `image_url`, `t` and `json` as Shopify's behave. Like Shopify's, it escapes
 * nothing by default, so the tests prove every output uses `| escape` or `| json`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Liquid, type TagToken, type TopLevelToken } from 'liquidjs';

export const EXTENSION = join(import.meta.dirname, '..');

type Translations = Record<string, unknown>;
const locales = (language: string): Translations =>
  JSON.parse(readFileSync(join(EXTENSION, 'locales', language === 'en' ? 'en.default.json' : `${language}.json`), 'utf8'));

const escapeHtml = (value: unknown) =>
  String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

/** Shopify's `json`: JSON that cannot end a script (`<`, `>` and `&` as \u escapes). */
export const shopifyJson = (value: unknown) =>
  (JSON.stringify(value ?? null) ?? 'null').replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');

/** Where Shopify's CDN serves the extension's assets (the render tests never fetch them). */
export const CDN_ASSETS = '//cdn.shopify.com/extensions/0000/1.0.0/assets';

export interface EngineOptions {
  /** The URL `asset_url` puts before an asset's name: a fixture storefront serves them itself. */
  assetRoot?: string;
}

export function createEngine(language = 'en', { assetRoot = CDN_ASSETS }: EngineOptions = {}): Liquid {
  const engine = new Liquid({
    root: join(EXTENSION, 'blocks'),
    partials: join(EXTENSION, 'snippets'),
    extname: '.liquid',
    strictFilters: true,
    jsTruthy: false,
  });
  const translations = locales(language);
  const fallback = locales('en');

  engine.registerTag('schema', {
    parse(_token: TagToken, remain: TopLevelToken[]) {
      while (remain.length) {
        const token = remain.shift() as TagToken;
        if (token.name === 'endschema') return;
      }
      throw new Error('{% schema %} without {% endschema %}');
    },
    render: () => '',
  });
  engine.registerFilter('asset_url', (name: string) => `${assetRoot}/${name}?v=1`);
  engine.registerFilter('image_url', (image: { src?: string } | string, ...args: Array<[string, unknown]>) => {
    const width = args.find(([key]) => key === 'width')?.[1];
    const src = typeof image === 'string' ? image : image?.src;
    return `//cdn.shopify.com/s/files/1/0001/products/${src}${width ? `?width=${width}` : ''}`;
  });
  engine.registerFilter('json', shopifyJson);
  // Shopify's `t`: nested keys, `count` picks one/other, and interpolated values are escaped unless the key ends in _html.
  engine.registerFilter('t', (key: string, ...args: Array<[string, unknown]>) => {
    const lookup = (from: Translations) => key.split('.').reduce<unknown>((node, part) => (node as Translations | undefined)?.[part], from);
    let value = lookup(translations) ?? lookup(fallback);
    if (value === undefined) throw new Error(`translation missing: ${key}`);
    const values = Object.fromEntries(args);
    if (typeof value === 'object' && value !== null) value = (value as Translations)[Number(values.count) === 1 ? 'one' : 'other'];
    return String(value).replace(/\{\{\s*(\w+)\s*\}\}/g, (_m, name: string) =>
      key.endsWith('_html') ? String(values[name]) : escapeHtml(values[name]),
    );
  });
  return engine;
}

export interface BlockSchema {
  name: string;
  target: string;
  javascript?: string;
  stylesheet?: string;
  enabled_on?: unknown;
  disabled_on?: unknown;
  settings?: Array<{ id?: string; type: string; autofill?: boolean; label?: string; default?: unknown }>;
}

/** The JSON between `{% schema %}` and `{% endschema %}` of `blocks/<file>`, parsed. */
export function blockSchema(file: string): BlockSchema {
  const source = readFileSync(join(EXTENSION, 'blocks', file), 'utf8');
  const match = /\{%-?\s*schema\s*-?%\}([\s\S]*?)\{%-?\s*endschema\s*-?%\}/.exec(source);
  if (!match) throw new Error(`${file} has no {% schema %}`);
  return JSON.parse(match[1]!) as BlockSchema;
}

/** A block's settings as Shopify gives them before the merchant changes any: each setting's `default`. */
export const defaultSettings = (file: string): Record<string, unknown> =>
  Object.fromEntries((blockSchema(file).settings ?? []).flatMap((setting) => (setting.id ? [[setting.id, setting.default]] : [])));

export const HOSTILE = '"><img src=x onerror=alert(1)>';
export const HOSTILE_SCRIPT = '</script><img src=x onerror=alert(2)><script>';

export interface Scenario {
  loggedIn: boolean;
  template: 'product' | 'index' | 'collection' | 'page';
  /** The product has review metafields. */
  rated?: boolean;
  language?: string;
}

/**
 * A storefront context as Shopify gives it to a block: hostile text wherever a
 * shopper or merchant can type. Shopify's global objects are reachable from
 * snippets too (`{% render %}` isolates only the caller's variables); pass the
 * result to `renderBlock`.
 */
export function context({ loggedIn, template, rated = true, language = 'en' }: Scenario, settings: Record<string, unknown> = {}) {
  const product = {
    id: 8123456789012,
    handle: 'linen-shirt',
    title: HOSTILE,
    url: '/products/linen-shirt',
    price: 4990,
    compare_at_price: 5990,
    available: true,
    featured_image: { src: 'shirt.jpg', alt: HOSTILE_SCRIPT, width: 1200, height: 1500 },
    metafields: {
      reviews: rated ? { rating: { value: { rating: '4.46', scale_min: '1.0', scale_max: '5.0' } }, rating_count: { value: 12 } } : {},
    },
  };
  return {
    product: template === 'product' ? product : undefined,
    block: { id: 'block-1', type: 'shopfront', settings: { product, ...settings }, shopify_attributes: '' },
    customer: loggedIn ? { id: 7001234567890, first_name: HOSTILE_SCRIPT, email: 'ada@example.com' } : undefined,
    shop: { permanent_domain: 'shopfront-test.myshopify.com' },
    cart: { currency: { iso_code: 'EUR' } },
    request: { origin: 'https://shop.example', page_type: template, design_mode: false, locale: { iso_code: language } },
    routes: { root_url: language === 'en' ? '/' : `/${language}` },
    app: { metafields: { shopfront: { server_origin: { value: 'https://shopfront.example' } } } },
  };
}

export type StorefrontContext = ReturnType<typeof context>;

/** Renders `blocks/<name>.liquid` with the block's variables in scope and Shopify's globals everywhere. */
export function renderBlock(engine: Liquid, name: string, { block, product, ...globals }: StorefrontContext): Promise<string> {
  return engine.renderFile(name, { block, product }, { globals });
}

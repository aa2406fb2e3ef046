/**
 * A typed message catalogue per widget (en, fr, de, es, ar), with plurals,
 * numbers, money and relative dates through `Intl`. English is the fallback.
 */
export const CATALOGUE_LOCALES = ['en', 'fr', 'de', 'es', 'ar'] as const;
export type CatalogueLocale = (typeof CATALOGUE_LOCALES)[number];

import { plainDecimal, plainEnglishRelative, plainWhole } from './plain-format.js';

const RTL_LANGUAGES = new Set(['ar', 'he', 'fa', 'ur', 'ps', 'sd', 'ug', 'yi', 'dv', 'ckb']);

/** `rtl` for Arabic, Hebrew, Persian, Urdu…; `ltr` otherwise. */
export function directionOf(locale: string): 'ltr' | 'rtl' {
  return RTL_LANGUAGES.has(languageOf(locale)) ? 'rtl' : 'ltr';
}

function languageOf(locale: string): string {
  return locale.toLowerCase().split(/[-_]/)[0] ?? 'en';
}

/** A well-formed BCP 47 tag for `candidate`, or `en`. */
export function canonicalLocale(candidate: string | undefined | null): string {
  if (!candidate) return 'en';
  try {
    return Intl.getCanonicalLocales(candidate.replace('_', '-'))[0] ?? 'en';
  } catch {
    return 'en';
  }
}

const cache = new Map<string, unknown>();
function cached<T>(key: string, make: () => T): T {
  let value = cache.get(key) as T | undefined;
  if (value === undefined) cache.set(key, (value = make()));
  return value;
}

const RELATIVE_UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/** Formats for one locale; instances are cached, so make as many as you like. */
export class Formatter {
  constructor(readonly locale: string) {}

  static for(locale: string): Formatter {
    return cached(`formatter:${locale}`, () => new Formatter(locale));
  }

  number(value: number, options?: Intl.NumberFormatOptions): string {
    const plain = options ? plainDecimal(this.locale, value, options) : plainWhole(this.locale, value);
    return plain ?? this.#numberFormat(options ?? {}).format(value);
  }

  /** 1234 → "1.2K" in English, "1,2 k" in French: for tight spaces. */
  compact(value: number): string {
    return plainWhole(this.locale, value) ?? this.number(value, { notation: 'compact', maximumFractionDigits: 1 });
  }

  money(amount: number, currency: string): string {
    try {
      return this.number(amount, { style: 'currency', currency });
    } catch {
      return `${this.number(amount, { minimumFractionDigits: 2, maximumFractionDigits: 2 })} ${currency}`;
    }
  }

  /**
   * Picks the plural form of `count` by the locale's rules (`other` is the
   * fallback), with `#` in it replaced by `shown`: the count as a number, or
   * as given ("1.2K").
   */
  plural(count: number, forms: Partial<Record<Intl.LDMLPluralRule, string>> & { other: string }, shown = this.number(count)): string {
    const rule = cached(`plural:${this.locale}`, () => new Intl.PluralRules(this.locale)).select(count);
    return (forms[rule] ?? forms.other).replace('#', shown);
  }

  /** "3 days ago", "yesterday", "in 2 hours"; "now" under a minute. */
  relativeTime(date: Date | string | number, now: number = Date.now()): string {
    const seconds = (new Date(date).getTime() - now) / 1000;
    if (!Number.isFinite(seconds)) return '';
    const [unit, size] = RELATIVE_UNITS.find(([, size]) => Math.abs(seconds) >= size) ?? ['second', Infinity];
    const count = size === Infinity ? 0 : Math.round(seconds / size);
    return (
      plainEnglishRelative(this.locale, count, unit) ??
      cached(`relative:${this.locale}`, () => new Intl.RelativeTimeFormat(this.locale, { numeric: 'auto' })).format(count, unit)
    );
  }

  date(date: Date | string | number, options: Intl.DateTimeFormatOptions = { dateStyle: 'medium' }): string {
    const key = `date:${this.locale}:${JSON.stringify(options)}`;
    const value = new Date(date);
    return Number.isNaN(value.getTime()) ? '' : cached(key, () => new Intl.DateTimeFormat(this.locale, options)).format(value);
  }

  list(items: string[]): string {
    return cached(`list:${this.locale}`, () => new Intl.ListFormat(this.locale)).format(items);
  }

  #numberFormat(options: Intl.NumberFormatOptions): Intl.NumberFormat {
    return cached(`number:${this.locale}:${JSON.stringify(options)}`, () => new Intl.NumberFormat(this.locale, options));
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- message parameters vary per message
export type Message = string | ((format: Formatter, ...args: any[]) => string);
export type Messages = Record<string, Message>;

/** A translation has every key of the English messages, with the same parameters. */
export type Translation<M extends Messages> = { [K in keyof M]: M[K] };

/** A locale's messages with the formatter applied: `m.reviewCount(3)`. */
export type BoundMessages<M extends Messages> = {
  readonly [K in keyof M]: M[K] extends (format: Formatter, ...args: infer A) => string ? (...args: A) => string : string;
};

/**
 * How to fetch each language: a widget's `src/locales/<lang>.ts`, which exports
 * one translation per chunk of the widget (`badge`, `popover`…) under `K`.
 */
export type TranslationLoaders<M extends Messages, K extends string = 'default'> = {
  [L in Exclude<CatalogueLocale, 'en'>]?: () => Promise<{ readonly [P in K]: Translation<M> }>;
};

/** The catalogue locale used for `locale`: `fr-CA` → `fr`, unknown → `en`. */
export function catalogueLocale(locale: string): CatalogueLocale {
  const language = languageOf(locale);
  return (CATALOGUE_LOCALES as readonly string[]).includes(language) ? (language as CatalogueLocale) : 'en';
}

/**
 * A widget's strings. English ships with the widget; each other language is its
 * own module, fetched the first time a page needs it, so a page pays for one
 * language, not five. Until it arrives, English is shown.
 */
export class MessageCatalogue<M extends Messages> {
  readonly #translations = new Map<CatalogueLocale, Translation<M>>();
  readonly #loading = new Map<CatalogueLocale, Promise<void>>();
  readonly #bound = new Map<string, BoundMessages<M>>();

  constructor(
    readonly en: M,
    private readonly loaders: TranslationLoaders<M, string> = {},
    private readonly chunk = 'default',
  ) {
    this.#translations.set('en', en);
  }

  /** Whether `locale`'s strings are here (English always is; unsupported locales use English). */
  has(locale: string): boolean {
    const target = catalogueLocale(locale);
    return this.#translations.has(target) || !this.loaders[target as Exclude<CatalogueLocale, 'en'>];
  }

  /** Fetches `locale`'s strings once; resolves when they are usable (or failed: English stays). */
  load(locale: string): Promise<void> {
    const target = catalogueLocale(locale);
    if (this.has(target)) return Promise.resolve();
    let loading = this.#loading.get(target);
    if (!loading) {
      loading = this.loaders[target as Exclude<CatalogueLocale, 'en'>]!().then(
        (module) => {
          this.#translations.set(target, module[this.chunk]!);
          for (const key of [...this.#bound.keys()]) if (catalogueLocale(key) === target) this.#bound.delete(key);
        },
        (error: unknown) => console.warn(`[shopfront] the "${target}" translation failed to load; showing English`, error),
      );
      this.#loading.set(target, loading);
    }
    return loading;
  }

  /** The messages for `locale` as they are now, bound to its formatter. */
  for(locale: string): BoundMessages<M> {
    let messages = this.#bound.get(locale);
    if (!messages) {
      const source = this.#translations.get(catalogueLocale(locale)) ?? this.en;
      const format = Formatter.for(locale);
      messages = Object.fromEntries(
        Object.entries(source).map(([key, message]) => [
          key,
          typeof message === 'function' ? (...args: unknown[]) => message(format, ...args) : message,
        ]),
      ) as BoundMessages<M>;
      this.#bound.set(locale, messages);
    }
    return messages;
  }
}

/**
 * Declares the catalogue of one chunk of a widget: its English inline, other
 * languages from the widget's locale modules, where it is the export `chunk`.
 * `defineMessages(en, locales, 'popover')` with
 * `locales = { fr: () => import('./locales/fr.js'), … }`.
 */
export function defineMessages<M extends Messages>(en: M, translations?: TranslationLoaders<M>): MessageCatalogue<M>;
export function defineMessages<M extends Messages, K extends string>(
  en: M,
  translations: TranslationLoaders<M, NoInfer<K>>,
  chunk: K,
): MessageCatalogue<M>;
export function defineMessages<M extends Messages>(
  en: M,
  translations: TranslationLoaders<M, string> = {},
  chunk?: string,
): MessageCatalogue<M> {
  return new MessageCatalogue(en, translations, chunk);
}

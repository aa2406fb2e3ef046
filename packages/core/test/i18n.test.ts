import { expect } from '@open-wc/testing';
import { html as testHtml } from '@open-wc/testing';
import { html } from 'lit';
import {
  catalogueLocale,
  coreMessages,
  defineMessages,
  directionOf,
  Formatter,
  formatPoints,
  LocaleController,
  ShopfrontElement,
} from '@shopfront/core';
import { mount, unmountAll, until } from '../../../test/helpers/mount.js';

const loaded = async (locale: string) => {
  await coreMessages.load(locale);
  return coreMessages.for(locale);
};

describe('i18n', () => {
  it('falls back from a regional locale to its language, and to English', async () => {
    expect(catalogueLocale('fr-CA')).to.equal('fr');
    expect(catalogueLocale('ar-EG')).to.equal('ar');
    expect(catalogueLocale('xx')).to.equal('en');
    expect((await loaded('de-AT')).retry).to.equal('Erneut versuchen');
    expect((await loaded('ja')).retry).to.equal('Try again');
  });

  it('has every core string in every catalogue locale', async () => {
    const keys = Object.keys(coreMessages.en).sort();
    for (const locale of ['fr', 'de', 'es', 'ar']) {
      const messages = await loaded(locale);
      expect(Object.keys(messages).sort(), locale).to.deep.equal(keys);
      for (const key of keys)
        expect(messages[key as keyof typeof messages], `${locale}.${key}`).not.to.equal(
          coreMessages.for('en')[key as keyof typeof messages],
        );
    }
  });

  it('chooses plural forms by the locale rules, Arabic included', async () => {
    const ar = await loaded('ar');
    expect(ar.errorRateLimited(1)).to.contain('ثانية واحدة');
    expect(ar.errorRateLimited(2)).to.contain('ثانيتين');
    expect(ar.errorRateLimited(5)).to.contain('ثوانٍ');
    expect(coreMessages.for('en').errorRateLimited(1)).to.equal('Too many tries. Please wait a second.');
    expect(coreMessages.for('en').errorRateLimited(12)).to.equal('Too many tries. Please wait 12 seconds.');
  });

  it('formats numbers, money and short forms per locale', () => {
    expect(Formatter.for('de').number(1234.5)).to.equal('1.234,5');
    expect(Formatter.for('en').money(19.9, 'USD')).to.equal('$19.90');
    expect(Formatter.for('fr').money(19.9, 'EUR')).to.match(/^19,90\s€$/);
    expect(Formatter.for('en').compact(1234)).to.equal('1.2K');
    expect(Formatter.for('en').money(5, 'not-a-currency')).to.equal('5.00 not-a-currency');
  });

  it('formats relative dates', () => {
    const now = Date.UTC(2026, 10, 23, 12);
    const en = Formatter.for('en');
    expect(en.relativeTime(now - 10_000, now)).to.equal('now');
    expect(en.relativeTime(now - 3 * 3600_000, now)).to.equal('3 hours ago');
    expect(en.relativeTime(now - 24 * 3600_000, now)).to.equal('yesterday');
    expect(en.relativeTime(now - 3 * 24 * 3600_000, now)).to.equal('3 days ago');
    expect(Formatter.for('fr').relativeTime(now - 14 * 24 * 3600_000, now)).to.equal('il y a 2 semaines');
    expect(en.relativeTime('not a date', now)).to.equal('');
  });

  it('writes small whole numbers and English relative times without ICU, exactly as Intl writes them', () => {
    // The boot path formats these before any data arrives; Intl would load ICU for them.
    const numbers = [...Array.from({ length: 1200 }, (_, i) => i), -0, -1, -999, 0.5, 999.5, 1e6];
    for (const locale of [
      'en',
      'en-GB',
      'fr',
      'de-CH',
      'es',
      'it',
      'pt-BR',
      'nl',
      'sv',
      'da',
      'nb',
      'fi',
      'pl',
      'cs',
      'ar',
      'en-u-nu-arab',
    ]) {
      const format = Formatter.for(locale);
      const plain = new Intl.NumberFormat(locale);
      const compact = new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 });
      for (const value of numbers) {
        expect(format.number(value), `${locale} ${value}`).to.equal(plain.format(value));
        expect(format.compact(value), `${locale} compact ${value}`).to.equal(compact.format(value));
      }
    }
    // Ratings and other short decimals, in every locale that has a separator known without ICU and a few that do not.
    const decimals = [
      ...Array.from({ length: 1001 }, (_, i) => i / 200),
      1.005,
      2.345,
      0.05,
      0.0005,
      999.95,
      999.9996,
      1e-7,
      -0,
      -1.5,
      12.25,
    ];
    const bounds: Intl.NumberFormatOptions[] = [
      { minimumFractionDigits: 1, maximumFractionDigits: 1 },
      { maximumFractionDigits: 1 },
      { maximumFractionDigits: 2 },
      { minimumFractionDigits: 2, maximumFractionDigits: 2 },
      { maximumFractionDigits: 0 },
      { minimumFractionDigits: 3 },
      { minimumFractionDigits: 1 },
      { signDisplay: 'exceptZero' },
    ];
    for (const locale of [
      'en',
      'en-US',
      'en-GB',
      'en-IN',
      'en-ZA',
      'fr',
      'fr-CA',
      'de',
      'de-AT',
      'de-CH',
      'es',
      'es-MX',
      'it',
      'pt-BR',
      'nl-BE',
      'ar',
    ]) {
      for (const options of bounds) {
        const intl = new Intl.NumberFormat(locale, options);
        for (const value of decimals)
          expect(Formatter.for(locale).number(value, options), `${locale} ${JSON.stringify(options)} ${value}`).to.equal(
            intl.format(value),
          );
      }
    }
    const units: Array<[Intl.RelativeTimeFormatUnit, number]> = [
      ['year', 365 * 24 * 3600],
      ['month', 30 * 24 * 3600],
      ['week', 7 * 24 * 3600],
      ['day', 24 * 3600],
      ['hour', 3600],
      ['minute', 60],
    ];
    const now = Date.UTC(2026, 10, 23, 12);
    for (const locale of ['en', 'en-GB', 'en-US']) {
      const intl = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
      const expected = (seconds: number) => {
        const [unit, size] = units.find(([, size]) => Math.abs(seconds) >= size) ?? ['second', Infinity];
        return intl.format(size === Infinity ? 0 : Math.round(seconds / size), unit);
      };
      // Every minute out to two days, every hour out to two years, then far dates (thousands of years).
      const offsets = [
        ...Array.from({ length: 2 * 24 * 60 }, (_, i) => i * 60 + 30),
        ...Array.from({ length: 2 * 365 * 24 }, (_, i) => i * 3600 + 1800),
        ...[5, 30, 59, 999, 1000, 5000].map((years) => years * 365 * 24 * 3600),
      ];
      for (const seconds of offsets.flatMap((offset) => [offset, -offset])) {
        expect(Formatter.for(locale).relativeTime(now + seconds * 1000, now), `${locale} ${seconds} s`).to.equal(expected(seconds));
      }
    }
  });

  it('knows which scripts run right to left', () => {
    expect(directionOf('ar')).to.equal('rtl');
    expect(directionOf('he-IL')).to.equal('rtl');
    expect(directionOf('fr')).to.equal('ltr');
  });

  it('binds message functions to the locale formatter', async () => {
    const en = { count: (f: Formatter, n: number) => f.plural(n, { one: 'one item', other: `${f.number(n)} items` }) };
    const catalogue = defineMessages(en, {
      de: async () => ({
        default: { count: (f: Formatter, n: number) => f.plural(n, { one: 'ein Artikel', other: `${f.number(n)} Artikel` }) },
      }),
    });
    expect(catalogue.for('en').count(1)).to.equal('one item');
    expect(catalogue.for('de').count(1500)).to.equal('1.500 items');
    await catalogue.load('de');
    expect(catalogue.for('de').count(1500)).to.equal('1.500 Artikel');
  });

  it('puts the count, or the count as shown, where a plural form has #', () => {
    const en = Formatter.for('en');
    expect(en.plural(1500, { one: '# item', other: '# items' })).to.equal('1,500 items');
    expect(en.plural(1500, { one: '# item', other: '# items' }, '1.5K')).to.equal('1.5K items');
    expect(Formatter.for('ar').plural(2, { two: 'نقطتان', other: '# نقطة' })).to.equal('نقطتان');
  });

  it('words points once, in core, for every widget and language', async () => {
    // A locale controller for an element with this `lang`, as a widget has one.
    const i18n = (lang: string) =>
      new LocaleController(Object.assign(document.createElement('div'), { lang, addController() {} }) as never, () => undefined);
    await coreMessages.load('de');
    await coreMessages.load('ar');
    expect(formatPoints(i18n('en'), 1)).to.equal('1 point');
    expect(formatPoints(i18n('en'), 1250)).to.equal('1,250 points');
    expect(formatPoints(i18n('en'), 1250, undefined, true)).to.equal('1.3K points');
    expect(formatPoints(i18n('en'), 1250, 'stars')).to.equal('1,250 stars');
    expect(formatPoints(i18n('de'), 1250)).to.equal('1.250 Punkte');
    expect(formatPoints(i18n('ar'), 2)).to.equal('نقطتان');
  });

  it('loads one chunk’s strings from a locale module that holds every chunk of a widget', async () => {
    const locales = {
      fr: async () => ({ badge: { join: 'Rejoindre' }, popover: { close: 'Fermer', title: 'Récompenses' } }),
    };
    const badge = defineMessages({ join: 'Join' }, locales, 'badge');
    const popover = defineMessages({ close: 'Close', title: 'Rewards' }, locales, 'popover');
    await Promise.all([badge.load('fr'), popover.load('fr')]);
    expect(badge.for('fr').join).to.equal('Rejoindre');
    expect(popover.for('fr').title).to.equal('Récompenses');
  });

  describe('in an element', () => {
    const catalogue = defineMessages(
      { greeting: 'Hello' },
      { fr: () => new Promise((resolve) => setTimeout(() => resolve({ default: { greeting: 'Bonjour' } }), 30)) },
    );
    class SfGreeter extends ShopfrontElement {
      override render() {
        return html`<p>${this.i18n.messages(catalogue).greeting}</p>`;
      }
    }
    SfGreeter.define('sf-greeter');
    afterEach(() => unmountAll());

    it('fetches a translation the first time it is needed and re-renders', async () => {
      const el = await mount<SfGreeter>(testHtml`<sf-greeter></sf-greeter>`, { locale: 'fr' });
      await until(() => el.shadowRoot!.textContent === 'Bonjour', 'the French text');
    });

    it('keeps English when a translation fails to load', async () => {
      const broken = defineMessages({ greeting: 'Hello' }, { es: () => Promise.reject(new Error('offline')) });
      const warn = console.warn;
      console.warn = () => {};
      try {
        await broken.load('es');
      } finally {
        console.warn = warn;
      }
      expect(broken.for('es').greeting).to.equal('Hello');
    });
  });
});

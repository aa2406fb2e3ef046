import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { canonicalLocale, directionOf, Formatter, type BoundMessages, type MessageCatalogue, type Messages } from './i18n.js';

type Host = ReactiveControllerHost & HTMLElement;

const hosts = new Set<Host>();
let observer: MutationObserver | undefined;

/** One observer for the page: a change of `<html lang|dir>` re-renders every widget. */
function watchDocument(): void {
  if (observer) return;
  observer = new MutationObserver(() => hosts.forEach((host) => host.requestUpdate()));
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang', 'dir'] });
}

/**
 * The element's locale and writing direction, and formatters for them.
 * Locale: the element's own `lang`, else the `locale` setting, else the nearest
 * `lang` above it, else `en`. Direction: the nearest `dir`, else the locale's.
 */
export class LocaleController implements ReactiveController {
  constructor(
    private readonly host: Host,
    private readonly settingLocale: () => string | undefined,
  ) {
    host.addController(this);
  }

  get locale(): string {
    const own = this.host.getAttribute('lang');
    const inherited = this.host.parentElement?.closest('[lang]')?.getAttribute('lang') ?? document.documentElement.lang;
    return canonicalLocale(own || this.settingLocale() || inherited);
  }

  get dir(): 'ltr' | 'rtl' {
    const explicit = this.host.closest('[dir]')?.getAttribute('dir')?.toLowerCase();
    if (explicit === 'rtl' || explicit === 'ltr') return explicit;
    return directionOf(this.locale);
  }

  get format(): Formatter {
    return Formatter.for(this.locale);
  }

  /** `catalogue`'s strings in this locale; fetches a missing translation and re-renders when it arrives. */
  messages<M extends Messages>(catalogue: MessageCatalogue<M>): BoundMessages<M> {
    const locale = this.locale;
    if (!catalogue.has(locale)) void catalogue.load(locale).then(() => this.host.requestUpdate());
    return catalogue.for(locale);
  }

  hostConnected(): void {
    hosts.add(this.host);
    watchDocument();
  }

  hostDisconnected(): void {
    hosts.delete(this.host);
  }
}

import type { CSSResult, ReactiveControllerHost } from 'lit';
import { adoptStyles } from './adopt-styles.js';
import type { CoreMessages } from './core-messages.js';
import type { BoundMessages } from './i18n.js';
import type { LocaleController } from './locale-controller.js';
import type { Runtime } from './settings.js';
import { warnOnce } from './warn.js';

/**
 * What a part loaded on first use (a panel, a form, an engine) sees of its
 * element. Each widget adds the data its parts render; a part never types its
 * host as the element class, so it can be tested and reused on its own.
 */
export interface PartHost extends ReactiveControllerHost {
  readonly localName: string;
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly runtime?: Runtime;
  /** The element's locale, direction and formatters. */
  readonly i18n: LocaleController;
  /** Strings every widget shares (loading, retry, close, errors). */
  readonly coreText: BoundMessages<CoreMessages>;
  /** Turns one of the element's custom states (`:state(open)`) on or off. */
  setState(name: string, on: boolean): void;
  dispatchEvent(event: Event): boolean;
}

/** A loaded part (an object, a module): whatever it is, the `styles` it renders with come along. */
export interface Part {
  readonly styles?: CSSResult | readonly CSSResult[];
}

/**
 * A part of a widget that loads on first use. `load()` fetches it once (every
 * caller shares the fetch), adopts its `styles` into the element's shadow root
 * and asks the element to render it. A failed fetch (offline, a deploy that
 * removed the chunk) is forgotten, so the next interaction tries again.
 */
export class LazyPart<T extends object> {
  #value?: T;
  #loading?: Promise<T | undefined>;

  readonly #host: PartHost;
  readonly #fetch: () => Promise<T>;

  constructor(host: PartHost, fetch: () => Promise<T>) {
    this.#host = host;
    this.#fetch = fetch;
  }

  /** The part, once it has loaded. */
  get value(): T | undefined {
    return this.#value;
  }

  /** The part, loading it first if needed; `undefined` if that failed (the next call tries again). */
  load(): Promise<T | undefined> {
    return (this.#loading ??= this.#fetch().then(
      (value) => {
        adoptStyles(this.#host.renderRoot, (value as Part).styles);
        this.#host.requestUpdate();
        return (this.#value = value);
      },
      (error: unknown) => {
        this.#loading = undefined;
        warnOnce(`a part failed to load, the next use tries again: ${error}`);
        return undefined;
      },
    ));
  }
}

import { consume } from '@lit/context';
import { LitElement, type CSSResultGroup, type CSSResultOrNative, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import type { BackendAdapter } from './adapter.js';
import { runtimeContext, installRuntimeProvider } from './context.js';
import { coreMessages, type CoreMessages } from './core-messages.js';
import { installGlobal } from './global.js';
import type { BoundMessages } from './i18n.js';
import { LocaleController } from './locale-controller.js';
import type { Runtime, Theme } from './settings.js';
import { hostStyles } from './tokens.js';
import { VERSION } from './version.js';
import { warnOnce } from './warn.js';

/**
 * The base of every Shopfront element: design tokens before the widget's own
 * styles, a guarded `define`, the runtime (adapter and settings) from context,
 * and a reactive locale, direction and colour scheme.
 *
 * @cssstate light - The light colour scheme is forced.
 * @cssstate dark - The dark colour scheme is forced.
 * @cssstate rtl - Laid out right to left.
 */
export class ShopfrontElement extends LitElement {
  static readonly version = VERSION;

  static override finalizeStyles(styles?: CSSResultGroup): CSSResultOrNative[] {
    return [hostStyles, ...super.finalizeStyles(styles)];
  }

  /**
   * Registers the element under `tag`. A no-op if this class already holds the
   * tag; a warning (once) if another copy of Shopfront got there first, so a page
   * that loads the script twice keeps working.
   */
  static define(tag: string, registry: CustomElementRegistry = customElements): void {
    installGlobal();
    installRuntimeProvider();
    const existing = registry.get(tag);
    if (existing === this) return;
    if (existing) {
      const other = (existing as { version?: string }).version ?? 'unknown';
      warnOnce(`<${tag}> is already defined by Shopfront ${other}; this copy (${VERSION}) is not used`);
      return;
    }
    registry.define(tag, this);
  }

  /** The adapter and settings in effect, from the nearest provider (normally `configure()`). */
  @consume({ context: runtimeContext, subscribe: true })
  @property({ attribute: false })
  runtime?: Runtime;

  /** Colour scheme: `light`, `dark`, or `auto` (the `theme` setting, then the shopper's OS). */
  @property({ reflect: true })
  theme?: Theme;

  protected readonly i18n = new LocaleController(this, () => this.runtime?.settings.locale);
  protected readonly internals: ElementInternals = this.attachInternals();

  protected get adapter(): BackendAdapter | undefined {
    return this.runtime?.adapter;
  }

  /** Strings every widget shares (loading, retry, errors) in the element's locale. */
  protected get coreText(): BoundMessages<CoreMessages> {
    return this.i18n.messages(coreMessages);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const theme = this.theme ?? this.runtime?.settings.theme ?? 'auto';
    this.#setState('light', theme === 'light');
    this.#setState('dark', theme === 'dark');
    const dir = this.i18n.dir;
    this.#setState('rtl', dir === 'rtl');
    this.#setState('ltr', dir === 'ltr');
  }

  #setState(name: string, on: boolean): void {
    if (on) this.internals.states.add(name);
    else this.internals.states.delete(name);
  }
}

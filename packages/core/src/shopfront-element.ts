import { ContextConsumer } from '@lit/context';
import { LitElement, type CSSResultGroup, type CSSResultOrNative, type PropertyDeclarations, type PropertyValues } from 'lit';
import type { BackendAdapter } from './adapter.js';
import { runtimeContext, installRuntimeProvider } from './context.js';
import { coreMessages, type CoreMessages } from './core-messages.js';
import { installGlobal } from './global.js';
import type { BoundMessages } from './i18n.js';
import { LocaleController } from './locale-controller.js';
import { yieldToMain } from './main-thread.js';
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
 * @cssstate ltr - Laid out left to right.
 */
export class ShopfrontElement extends LitElement {
  static readonly version = VERSION;

  // Declared here rather than with decorators: the decorators' code would ship to every page.
  static override properties: PropertyDeclarations = {
    runtime: { attribute: false },
    theme: { reflect: true },
  };

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
  runtime?: Runtime;

  /** Colour scheme: `light`, `dark`, or `auto` (the `theme` setting, then the shopper's OS). */
  theme?: Theme;

  constructor() {
    super();
    new ContextConsumer(this, { context: runtimeContext, subscribe: true, callback: (runtime) => (this.runtime = runtime) });
  }

  /**
   * The element's locale, direction and formatters; parts loaded on first use read it too.
   * @internal
   */
  readonly i18n = new LocaleController(this, () => this.runtime?.settings.locale);
  protected readonly internals: ElementInternals = this.attachInternals();

  protected get adapter(): BackendAdapter | undefined {
    return this.runtime?.adapter;
  }

  /**
   * Strings every widget shares (loading, retry, errors) in the element's locale.
   * @internal
   */
  get coreText(): BoundMessages<CoreMessages> {
    return this.i18n.messages(coreMessages);
  }

  /**
   * The first render in a task of its own, apart from the module evaluation and
   * `define` that upgraded the element and from the other elements' first
   * renders: the page stays responsive while Shopfront boots. Later updates
   * render at once (a keystroke's answer is never a task late).
   */
  protected override scheduleUpdate(): void | Promise<unknown> {
    if (this.hasUpdated) return super.scheduleUpdate();
    return yieldToMain().then(() => super.scheduleUpdate());
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const theme = this.theme ?? this.runtime?.settings.theme ?? 'auto';
    this.setState('light', theme === 'light');
    this.setState('dark', theme === 'dark');
    const dir = this.i18n.dir;
    this.setState('rtl', dir === 'rtl');
    this.setState('ltr', dir === 'ltr');
  }

  /**
   * Turns the custom state `name` on or off: what `:state(name)` matches in the shop's CSS.
   * @internal
   */
  setState(name: string, on: boolean): void {
    this.internals.states[on ? 'add' : 'delete'](name);
  }
}

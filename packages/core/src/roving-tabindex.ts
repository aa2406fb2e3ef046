import { ArrowKeys } from './keyboard.js';
import type { LocaleController } from './locale-controller.js';

/**
 * Roving tabindex (APG tabs and toolbars): the element renders `tabindex="0"`
 * on the selected item and `-1` on the others, so the group is one Tab stop;
 * arrow keys, Home and End move focus among the items, and with `select` the
 * selection follows focus, as tabs do.
 */
export class RovingTabindex extends ArrowKeys {
  constructor(host: { readonly i18n: LocaleController }, items: () => readonly HTMLElement[], select?: (index: number) => void) {
    super(host, {
      count: () => items().length,
      index: () => items().findIndex((item) => item.matches(':focus')),
      move: (index) => {
        items()[index]!.focus();
        select?.(index);
      },
    });
  }
}

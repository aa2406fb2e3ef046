import type { LocaleController } from './locale-controller.js';

/** The element whose keys these are: its writing direction mirrors Left and Right. */
interface KeyHost {
  readonly i18n: LocaleController;
}

export interface ArrowKeyOptions {
  /** How many items there are now. */
  count: () => number;
  /** The current item's index; -1 for none. */
  index: () => number;
  /** Goes to item `index`: shows that photo, makes that option active, focuses that card. */
  move: (index: number) => void;
  /** Up and Down move (a listbox); otherwise Left and Right, mirrored right to left. */
  vertical?: boolean;
}

/**
 * Arrow keys, Home and End through a row or a column of items, wrapping at both
 * ends, as the WAI-ARIA APG patterns have them. From no item, forward goes to the
 * first and back to the last. Bind `onKeydown` where the keys arrive; it returns
 * whether the key moved (and then prevents its default).
 */
export class ArrowKeys {
  readonly #host: KeyHost;
  readonly #options: ArrowKeyOptions;

  constructor(host: KeyHost, options: ArrowKeyOptions) {
    this.#host = host;
    this.#options = options;
  }

  readonly onKeydown = (event: KeyboardEvent): boolean => {
    const { count, index, move, vertical } = this.#options;
    const total = count();
    const current = index();
    const rtl = this.#host.i18n.dir === 'rtl';
    const { key } = event;
    const next =
      key === 'Home'
        ? 0
        : key === 'End'
          ? total - 1
          : key === (vertical ? 'ArrowDown' : rtl ? 'ArrowLeft' : 'ArrowRight')
            ? current + 1
            : key === (vertical ? 'ArrowUp' : rtl ? 'ArrowRight' : 'ArrowLeft')
              ? (current < 0 ? total : current) - 1
              : -2;
    if (next < -1 || !total) return false;
    event.preventDefault();
    move((next + total) % total);
    return true;
  };
}

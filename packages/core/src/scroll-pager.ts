import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Previous/next paging for a horizontal scroll-snap row (a carousel), in
 * either writing direction: whether the row is at its start or end
 * (re-measured on scroll and on resize), and a step by the items that fit.
 */
export class ScrollPagerController implements ReactiveController {
  /** Nothing to scroll back to. */
  atStart = true;
  /** Nothing more to scroll to. */
  atEnd = true;
  readonly #host: ReactiveControllerHost;
  readonly #row: () => HTMLElement | null | undefined;
  readonly #resize = new ResizeObserver(() => this.#measure());

  constructor(host: ReactiveControllerHost, row: () => HTMLElement | null | undefined) {
    (this.#host = host).addController(this);
    this.#row = row;
  }

  hostUpdated(): void {
    const row = this.#row();
    // Both are no-ops for a row already watched.
    row?.addEventListener('scroll', this.#measure, { passive: true });
    if (row) this.#resize.observe(row);
    this.#measure();
  }

  hostDisconnected(): void {
    this.#resize.disconnect();
  }

  /** Scrolls by the items that fit (1 forward, -1 back), so a partly visible one is not skipped. */
  page(direction: number): void {
    const row = this.#row()!;
    const [first, second] = row.children as HTMLCollectionOf<HTMLElement>;
    const step = second ? Math.abs(second.offsetLeft - first!.offsetLeft) : row.clientWidth;
    const rtl = getComputedStyle(row).direction == 'rtl';
    row.scrollBy(direction * (rtl ? -1 : 1) * Math.max(1, Math.floor(row.clientWidth / step)) * step, 0);
  }

  readonly #measure = () => {
    const row = this.#row();
    if (!row) return;
    // scrollLeft runs negative right to left.
    const scrolled = Math.abs(row.scrollLeft);
    const atStart = scrolled < 2;
    const atEnd = scrolled + row.clientWidth > row.scrollWidth - 2;
    if (atStart != this.atStart || atEnd != this.atEnd) {
      this.atStart = atStart;
      this.atEnd = atEnd;
      this.#host.requestUpdate();
    }
  };
}

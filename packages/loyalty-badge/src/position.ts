import { autoUpdate, computePosition, flip, offset, shift, size, type Placement } from '@floating-ui/dom';

export type { Placement };

const GAP = 8;

export interface Placing {
  /** Place again: the popover's content changed. */
  update(): void;
  stop(): void;
}

/**
 * Keeps `floating` next to `reference`: flips to the other side and shifts along
 * at the viewport's edges, caps its height to the room left (it scrolls), and
 * follows scroll and resize. `onPlaced` runs once, after the first placement.
 */
export function place(reference: Element, floating: HTMLElement, placement: Placement, onPlaced: () => void): Placing {
  let placed = false;
  const update = () =>
    void computePosition(reference, floating, {
      placement,
      strategy: 'fixed',
      middleware: [
        offset(GAP),
        flip({ padding: GAP }),
        shift({ padding: GAP }),
        size({
          padding: GAP,
          apply: ({ availableHeight }) => floating.style.setProperty('max-block-size', `${Math.max(0, availableHeight)}px`),
        }),
      ],
    }).then(({ x, y, placement: actual }) => {
      // CSSOM, not a style attribute: allowed under a strict CSP.
      floating.style.left = `${x}px`;
      floating.style.top = `${y}px`;
      floating.dataset.placement = actual;
      if (placed) return;
      placed = true;
      floating.dataset.placed = '';
      onPlaced();
    });
  // Size changes come from the element's own renders (`update`), not a ResizeObserver:
  // capping the height from one would end in "ResizeObserver loop" errors on the page.
  const stop = autoUpdate(reference, floating, update, { elementResize: false });
  return {
    update,
    stop: () => {
      stop();
      floating.style.removeProperty('max-block-size');
      delete floating.dataset.placed;
    },
  };
}

/**
 * Runs `callback` when the browser is idle, and within `timeout` ms at the
 * latest. Safari has no requestIdleCallback, so a timer stands in. No Lit: the
 * loader uses it too.
 */
export function whenIdle(callback: () => void, timeout = 2000): void {
  // Handed over as it is, with no wrapper: a callback that takes nothing ignores the deadline it is given.
  if (typeof requestIdleCallback === 'function') requestIdleCallback(callback, { timeout });
  else setTimeout(callback, 1);
}

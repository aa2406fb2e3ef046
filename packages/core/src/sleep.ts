/**
 * Resolves after `ms`, or rejects with the signal's reason as soon as it aborts
 * (at once if it already has): a backoff or a simulated latency that a
 * shopper leaving the page cancels.
 */
export const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    signal?.throwIfAborted();
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });

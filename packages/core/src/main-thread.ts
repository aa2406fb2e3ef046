/**
 * Ends the current task and resumes in a new one, so the browser can paint and
 * answer input in between: no single task of Shopfront's runs long while a page
 * boots (a long task is one over 50 ms, and a phone turns milliseconds of work
 * into tens). `scheduler.yield()` resumes ahead of other queued work (Chromium
 * 129+, Firefox 142+); elsewhere a zero-delay timer stands in.
 */
export const yieldToMain = (): Promise<void> =>
  (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler?.yield?.() ?? new Promise((resolve) => setTimeout(resolve));

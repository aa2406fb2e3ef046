/**
 * Coordination between the tabs of one origin, through Web Locks. Browsers allow
 * about six HTTP/1.1 connections per origin across all tabs, so one tab holds a
 * long-lived stream and the others hear it over BroadcastChannel.
 */

const locks = (): LockManager | undefined => globalThis.navigator?.locks;

/**
 * Takes part in the election for `name`: `onLead` runs when this tab becomes the
 * leader (at once, or when the leader's tab closes) and returns what to do when
 * it stops leading. Returns the function that leaves the election (and resigns).
 * Without Web Locks (an insecure context) every tab leads.
 */
export function joinElection(name: string, onLead: () => () => void): () => void {
  let resign: (() => void) | undefined;
  let left = false;
  const leave = new AbortController();
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  const lead = () => {
    if (!left) resign = onLead();
    return held;
  };
  const manager = locks();
  if (manager)
    manager.request(name, { signal: leave.signal }, lead).catch(() => {}); // AbortError: left while waiting
  else void lead();
  return () => {
    left = true;
    leave.abort();
    release();
    resign?.();
    resign = undefined;
  };
}

/** Runs `task` while holding the lock `name`, so that one tab at a time does it. */
export function exclusively<T>(name: string, task: () => Promise<T>): Promise<T> {
  const manager = locks();
  if (manager) return manager.request(name, task) as Promise<T>;
  const previous = fallbackQueue.get(name) ?? Promise.resolve();
  const run = previous.then(task, task);
  fallbackQueue.set(
    name,
    run.then(
      () => {},
      () => {},
    ),
  );
  return run;
}

/** Without Web Locks: one queue per name, for this tab only. */
const fallbackQueue = new Map<string, Promise<void>>();

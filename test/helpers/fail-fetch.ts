import { executeServerCommand } from '@web/test-runner-commands';

/**
 * Makes the next fetch of this page for a URL ending in `path` (a lazy part's
 * module, `/popover.ts`) fail with a 503, once: as a shopper on a flaky
 * connection, or after a deploy removed the chunk, would see it.
 */
export async function failNextFetch(path: string): Promise<void> {
  await executeServerCommand('fail-next-fetch', { path });
}

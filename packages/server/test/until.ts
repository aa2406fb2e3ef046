/** Waits for `condition` (events crossing a process or a database), failing with `what` if it never holds. */
export async function until(condition: () => boolean | Promise<boolean>, what: string, { tries = 500, everyMs = 10 } = {}): Promise<void> {
  for (let i = 0; i < tries; i++) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  throw new Error(`Timed out waiting for ${what}`);
}

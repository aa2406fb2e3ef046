const said = new Set<string>();

/** Logs a message once per page: a missing capability must not flood the console. */
export function warnOnce(message: string): void {
  if (said.has(message)) return;
  said.add(message);
  console.warn(`[shopfront] ${message}`);
}

import type { ChatMessage } from '@shopfront/core';

/**
 * The conversation as the server ordered it: sorted by sequence number (never by
 * clock), each message once however many ways it arrived (stream, history, the
 * answer to a send, another tab).
 */
export class MessageLog {
  readonly #seen = new Set<string>();
  #messages: ChatMessage[] = [];

  get messages(): readonly ChatMessage[] {
    return this.#messages;
  }

  /** The highest sequence number held; 0 when empty. */
  get lastSeq(): number {
    return this.#messages.at(-1)?.seq ?? 0;
  }

  /** Whether a message with this client id is in the log. */
  has(clientId: string): boolean {
    return this.#seen.has(`c:${clientId}`);
  }

  /** Adds `message` in sequence order; false if it was already here (same id or client id). */
  add(message: ChatMessage): boolean {
    if (this.#seen.has(`i:${message.id}`) || this.has(message.clientId)) return false;
    this.#seen.add(`i:${message.id}`).add(`c:${message.clientId}`);
    // Messages nearly always arrive last; search from the end.
    let index = this.#messages.length;
    while (index > 0 && this.#messages[index - 1]!.seq > message.seq) index--;
    this.#messages = [...this.#messages.slice(0, index), message, ...this.#messages.slice(index)];
    return true;
  }

  clear(): void {
    this.#seen.clear();
    this.#messages = [];
  }
}

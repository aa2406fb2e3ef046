/** What a tab of the inbox sees of the page it is part of. */
import type { ReactiveControllerHost } from 'lit';
import type { SavedReply } from '../wire.js';
import type { InboxApi } from './api.js';

export interface InboxHost extends ReactiveControllerHost {
  readonly api: InboxApi;
  readonly renderRoot: HTMLElement | DocumentFragment;
  /** Runs an action, showing its failure in the page's alert. */
  run(action: () => Promise<unknown>): Promise<void>;
  /** The signed-in agent's and the shop's names, for saved replies' placeholders. */
  readonly names: { agent: string; shop: string };
  /** The shop's saved replies, as last read. */
  savedReplies(): SavedReply[];
  /** Shows the conversations tab with this conversation open. */
  showConversation(id: string): void;
}

export const time = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'short' });

import type { PartHost } from '@shopfront/core';
import type { PrechatField } from './chat-launcher.js';

/** What the chat code loaded on first use (session, panel) sees of its launcher. */
export interface ChatHost extends PartHost {
  open: boolean;
  /** Team messages not seen yet; the session keeps it. */
  unread: number;
  readonly greeting?: string;
  readonly askName?: PrechatField;
  readonly askEmail?: PrechatField;
  /** True while focus is inside the launcher. */
  matches(selector: string): boolean;
  hide(): void;
}

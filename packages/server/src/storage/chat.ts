/** Conversations and their messages, numbered in order, and the emails shoppers leave while the shop is away. */
import type { ChatAttachment, ChatMessage, Conversation } from '@shopfront/core/schemas.js';
import type { DataSubject } from './subject.js';

export interface NewVisitor {
  visitorId?: string;
  name?: string;
  email?: string;
  customerId?: string;
  /** The page the chat was started from. */
  page?: string;
  /** Product ids the shopper viewed, newest first; absent when they did not consent to sharing them. */
  viewed?: string[];
}

export interface NewMessage {
  /** Made by the sender: a resend with the same id is the same message. */
  clientId: string;
  author: ChatMessage['author'];
  authorName?: string;
  avatarUrl?: string;
  body: string;
  attachment?: ChatAttachment;
  /** The page the shopper wrote from: the conversation's current page from now on. */
  page?: string;
}

export interface ConversationRecord extends Conversation {
  shopId: number;
  visitorId?: string;
  visitorName?: string;
  visitorEmail?: string;
  customerId?: string;
  /** The page the chat was started from. */
  startPage?: string;
  /** The page of the shopper's latest message (else the start page). */
  currentPage?: string;
  /** Product ids the shopper viewed, newest first, as the widget sent them with their consent; absent without it. */
  viewedProductIds?: string[];
  /** Set while an agent snoozed it: out of the open list until then (or until the shopper writes). */
  snoozedUntil?: string;
  /** The agent answering it; absent while unassigned. */
  assigneeId?: string;
  /** The sequence number of the conversation's last message (0 before the first). */
  lastSeq: number;
  agentReadSeq: number;
  updatedAt: string;
  /** The shopper's rating once an agent resolved it, 1 to 5, with their comment, and when. */
  rating?: number;
  ratingComment?: string;
  ratedAt?: string;
}

/** What the team report counts over a period (`StoredChat.report`). */
export interface ReportRows {
  /** Per conversation started in the period with a shopper's message: seconds to the team's first answer, or null. */
  firstResponseSeconds: Array<number | null>;
  /** The ratings given in the period. */
  ratings: number[];
}

export interface ConversationSummary extends ConversationRecord {
  lastMessage?: ChatMessage;
}

/**
 * Which conversations an inbox list shows. `open` leaves out those snoozed past `now`; `snoozed`
 * is only those; `closed` is the resolved ones. `assignee`: an agent's id, `null` for unassigned,
 * absent for anyone's.
 */
export interface ConversationFilter {
  status: Conversation['status'] | 'snoozed' | 'all';
  assignee?: string | null;
  now: string;
}

export interface LeftEmail {
  id: string;
  email: string;
  message?: string;
  conversationId?: string;
  /** The shopper's language when they left it (their browser's), for the emails that answer. */
  locale?: string;
  createdAt: string;
}

export interface NewLeftEmail {
  email: string;
  message?: string;
  conversationId?: string;
  visitorId?: string;
  locale?: string;
}

export interface AppendResult {
  message: ChatMessage;
  /** False for a resend, which returns the message stored the first time. */
  created: boolean;
  /** The conversation as it is after this message. */
  conversation: ConversationRecord;
}

/** A conversation with all its messages, in order. */
export interface ConversationExport extends ConversationRecord {
  messages: ChatMessage[];
}

/** What `eraseCustomer` removed; `attachments` are the paths of uploaded files the messages carried. */
export interface ChatErasure {
  conversations: number;
  messages: number;
  leftEmails: number;
  attachments: string[];
}

export interface ChatStorage {
  createConversation(shopId: number, visitor: NewVisitor): Promise<ConversationRecord>;
  conversation(shopId: number, conversationId: string): Promise<ConversationRecord | undefined>;
  /**
   * Stores a message once per (conversation, clientId), with the conversation's next sequence
   * number taken under its lock: concurrent sends get distinct, gapless numbers. A new message
   * reopens a closed conversation; a new one from the shopper also ends a snooze. An unknown conversation is an `InvalidInputError`.
   */
  appendMessage(conversationId: string, message: NewMessage): Promise<AppendResult>;
  /** Messages with a sequence number above `after`, in order. */
  messagesAfter(conversationId: string, after: number, limit: number): Promise<ChatMessage[]>;
  /** Conversations with at least one message that pass the filter, most recently updated first. */
  conversations(shopId: number, filter: ConversationFilter, limit: number): Promise<ConversationSummary[]>;
  /** The subject's conversations (by customer id or visitor email), most recently updated first. */
  conversationsOf(shopId: number, subject: DataSubject, limit: number): Promise<ConversationRecord[]>;
  /** Opens or closes it; `snoozedUntil` snoozes it (open, out of the list until then), and any other change ends a snooze. */
  setStatus(
    shopId: number,
    conversationId: string,
    status: Conversation['status'],
    snoozedUntil?: string,
  ): Promise<ConversationRecord | undefined>;
  /** Gives it to an agent of the shop, or to nobody (`null`). */
  assign(shopId: number, conversationId: string, agentId: string | null): Promise<ConversationRecord | undefined>;
  /** Moves the agents' read mark forward, never past the last message and never back. */
  markRead(shopId: number, conversationId: string, seq: number): Promise<void>;
  /** Keeps the shopper's rating; the first one stands. The conversation as it is now. */
  rate(shopId: number, conversationId: string, rating: number, comment?: string): Promise<ConversationRecord | undefined>;
  /** The team report's rows for conversations started, and ratings given, in [from, to). */
  report(shopId: number, from: string, to: string): Promise<ReportRows>;
  leaveEmail(shopId: number, email: NewLeftEmail): Promise<LeftEmail>;
  /** Newest first. */
  emails(shopId: number, limit: number): Promise<LeftEmail[]>;
  /** The latest email left for this conversation: where the agents' answers are sent. */
  leftEmailFor(shopId: number, conversationId: string): Promise<LeftEmail | undefined>;
  /**
   * The subject's conversations (started by their customer id or visitor email, or where they
   * left that email) with every message, and the emails left by that address or in those
   * conversations; oldest first, one snapshot.
   */
  exportCustomer(shopId: number, subject: DataSubject): Promise<{ conversations: ConversationExport[]; leftEmails: LeftEmail[] }>;
  /** Deletes the same conversations, their messages and those left emails as one step. */
  eraseCustomer(shopId: number, subject: DataSubject): Promise<ChatErasure>;
}

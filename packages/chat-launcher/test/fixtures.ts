/** What the chat tests share: a seeded MemoryAdapter, a stream the test drives, valid messages. */
import { MemoryAdapter, type ChatMessage, type ChatStatus, type StreamState } from '@shopfront/core';
import { onlineStatus } from '../../../test/helpers/sample-data.js';

export function chatAdapter(status: ChatStatus = onlineStatus): MemoryAdapter {
  return new MemoryAdapter({ chat: { status, agent: { name: 'Sam', avatarUrl: 'https://cdn.example.com/sam.png' } } });
}

export function agentMessage(conversationId: string, seq: number, overrides: Partial<ChatMessage> = {}): ChatMessage {
  return {
    id: `m-${seq}`,
    clientId: `c-${seq}`,
    conversationId,
    seq,
    author: 'agent',
    authorName: 'Sam',
    body: `Message ${seq}`,
    createdAt: new Date(Date.UTC(2026, 10, 23, 10, seq)).toISOString(),
    ...overrides,
  };
}

/**
 * Takes over `adapter.chat.subscribe`: the test delivers events (valid or not,
 * in any order) and connection states itself. `subscriptions` counts streams opened.
 */
export function scriptStream(adapter: MemoryAdapter) {
  const chat = adapter.chat!;
  const stream = {
    subscriptions: [] as Array<{ conversationId: string; lastEventId?: number }>,
    emit: (_event: unknown) => {},
    state: (_state: StreamState) => {},
  };
  chat.subscribe = (conversationId, options, onEvent) => {
    stream.subscriptions.push({ conversationId, lastEventId: options.lastEventId });
    let open = true;
    stream.emit = (event) => open && onEvent(event as never);
    stream.state = (state) => {
      if (!open) return;
      if (state === 'closed') open = false;
      options.onState?.(state);
    };
    queueMicrotask(() => options.onState?.('open'));
    return () => (open = false);
  };
  return stream;
}

/** The bodies the backend stored, in its order. */
export async function storedBodies(adapter: MemoryAdapter, conversationId: string): Promise<string[]> {
  const { messages } = await adapter.chat!.history(conversationId, { after: 0 });
  return messages.map((message) => message.body);
}

/** How many times `method` was called. */
export const callsTo = (adapter: MemoryAdapter, method: string) => adapter.calls.filter((call) => call.method === method);

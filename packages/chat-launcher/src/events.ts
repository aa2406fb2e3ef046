import type { ChatMessage } from '@shopfront/core';

const init: EventInit = { bubbles: true, composed: true };

/** The shopper opened the chat (the launcher, `Shopfront.openChat()`…). Cancel it to keep the chat closed. */
export class SfChatOpenEvent extends Event {
  static readonly type = 'sf-chat-open';
  constructor(readonly prefill?: string) {
    super(SfChatOpenEvent.type, { ...init, cancelable: true });
  }
}

/** The chat panel closed. */
export class SfChatCloseEvent extends Event {
  static readonly type = 'sf-chat-close';
  constructor() {
    super(SfChatCloseEvent.type, init);
  }
}

/** A message reached the conversation: the shopper's, confirmed by the shop, or the team's. Not fired for restored history. */
export class SfChatMessageEvent extends Event {
  static readonly type = 'sf-chat-message';
  constructor(readonly message: ChatMessage) {
    super(SfChatMessageEvent.type, init);
  }
}

/** The number of team messages the shopper has not seen changed (the same in every tab): a page can show its own badge. */
export class SfChatUnreadEvent extends Event {
  static readonly type = 'sf-chat-unread';
  constructor(readonly count: number) {
    super(SfChatUnreadEvent.type, init);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'sf-chat-open': SfChatOpenEvent;
    'sf-chat-close': SfChatCloseEvent;
    'sf-chat-message': SfChatMessageEvent;
    'sf-chat-unread': SfChatUnreadEvent;
  }
}

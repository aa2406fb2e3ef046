export { SfChatLauncher } from './chat-launcher.js';
export type { ChatCorner, PrechatField } from './chat-launcher.js';
export { SfChatCloseEvent, SfChatMessageEvent, SfChatOpenEvent, SfChatUnreadEvent } from './events.js';
export { ChatClient } from './chat-client.js';
export type { ChatClientOptions, ChatItem, ChatListener, Connection, Delivery, OutboxEntry } from './chat-client.js';
export { MessageLog } from './message-log.js';
export { exclusively, joinElection } from './tab-leader.js';

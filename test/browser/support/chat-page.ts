/**
 * A shop page with the chat, loaded in an iframe by test/browser/chat.test.ts:
 * another tab of the same shop, or the same tab after a reload. Same origin as
 * the test page (the same IndexedDB, Web Locks and BroadcastChannel), but its
 * own copy of every module: its own store, chat client and RestAdapter, talking
 * to the test's server with the options the test page left in
 * `parent.chatPageOptions`.
 */
import { configure } from '@shopfront/core';
import { RestAdapter, type RestAdapterOptions } from '@shopfront/adapter-rest';
import '@shopfront/chat-launcher/define.js';

const options = (parent as unknown as { chatPageOptions: RestAdapterOptions }).chatPageOptions;
configure({ adapter: new RestAdapter(options) });
document.body.append(document.createElement('sf-chat-launcher'));

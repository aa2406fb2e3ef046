/**
 * The chat in a second tab: a same-origin iframe loads this module, with its own
 * copy of every module (its own store, client and locks participant), and talks
 * to the same backend as the test page (`parent.chatTestAdapter`). It reports
 * its launcher's unread count to the test page.
 */
import { configure, type BackendAdapter } from '@shopfront/core';
import '../../src/define.js';

const adapter = (parent as unknown as { chatTestAdapter: BackendAdapter }).chatTestAdapter;
configure({ adapter });
const launcher = document.createElement('sf-chat-launcher');
launcher.addEventListener('sf-chat-unread', (event) => parent.postMessage({ tab: 'second', unread: event.count }, '*'));
document.body.append(launcher);
parent.postMessage({ tab: 'second', ready: true }, '*');

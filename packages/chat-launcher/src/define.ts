import { provideHook } from '@shopfront/core';
import { SfChatLauncher } from './chat-launcher.js';

SfChatLauncher.define('sf-chat-launcher');

// Shopfront.openChat() opens the page's launcher, or a new one; closeChat() closes it.
provideHook(
  'openChat',
  (prefill) => void (document.querySelector('sf-chat-launcher') ?? document.body.appendChild(new SfChatLauncher())).show(prefill),
);
provideHook('closeChat', () => document.querySelector('sf-chat-launcher')?.hide());

declare global {
  interface HTMLElementTagNameMap {
    'sf-chat-launcher': SfChatLauncher;
  }
}

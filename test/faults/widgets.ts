/**
 * What the fault suites share: the six widgets on a shop page of their own (an
 * iframe running support/widgets-page.ts, with its own store), what "working"
 * means for each one against the reference server, and a watch on uncaught
 * errors and unhandled rejections.
 */
import type { ChatMessage, Customer } from '@shopfront/core';
import { until } from '../helpers/mount.js';
import { serverGet, testServer } from '../helpers/server.js';
import type { ShopPage, ShopPageSetup } from './support/widgets-page.js';

/** Generous: two shared cores, six widgets and a server; only bounds how long a broken test hangs. */
export const WAIT = 30_000;

export const part = <T extends Element = HTMLElement>(el: Element, name: string) => el.shadowRoot!.querySelector<T>(`[part~="${name}"]`);
export const widget = (container: ParentNode, name: string) => container.querySelector<HTMLElement>(name)!;

/** Uncaught errors and unhandled rejections seen on `target` (the test page, a shop page) since `watchUncaught`. */
export function watchUncaught(target: Window, into: string[] = []): string[] {
  target.addEventListener('error', (event: ErrorEvent) => into.push(`error: ${event.message}`));
  target.addEventListener('unhandledrejection', (event: PromiseRejectionEvent) =>
    into.push(`unhandled rejection: ${String(event.reason)}`),
  );
  return into;
}

export interface OpenedShopPage {
  frame: HTMLIFrameElement;
  window: Window & typeof globalThis;
  page: ShopPage;
  /** What was thrown and never caught in that page. */
  uncaught: string[];
}

const frames: HTMLIFrameElement[] = [];

/**
 * A new shop page with the six widgets' modules loaded but nothing mounted.
 * `beforeModules` runs in the page before any of Shopfront's modules does: the
 * place to break its IndexedDB.
 */
export async function openShopPage(
  customer: Customer,
  beforeModules: (win: Window & typeof globalThis) => void = () => {},
): Promise<OpenedShopPage> {
  const { endpoint, shop } = await testServer();
  const uncaught: string[] = [];
  const host = window as unknown as { shopPageSetup: ShopPageSetup; shopPageInit: (win: Window & typeof globalThis) => void };
  host.shopPageSetup = { endpoint, shop, customer };
  host.shopPageInit = (win) => {
    watchUncaught(win, uncaught);
    beforeModules(win);
  };
  const frame = document.createElement('iframe');
  frame.title = 'A shop page';
  frame.style.cssText = 'width: 900px; height: 700px';
  const module = new URL('./support/widgets-page.ts', import.meta.url).href;
  // The classic script runs while the frame parses, before its module (modules are deferred).
  frame.srcdoc = `<!doctype html><body><script>parent.shopPageInit(window)</script><script type="module">import ${JSON.stringify(module)};</script></body>`;
  document.body.append(frame);
  frames.push(frame);
  const win = () => frame.contentWindow as (Window & typeof globalThis & { shopPage?: ShopPage }) | null;
  await until(() => win()?.shopPage, 'the shop page', WAIT);
  return { frame, window: win()!, page: win()!.shopPage!, uncaught };
}

export function closeShopPages(): void {
  for (const frame of frames.splice(0)) frame.remove();
}

/** Writes `text` in the chat's message field and presses Send. */
export function typeInChat(launcher: Element, text: string): void {
  const field = launcher.shadowRoot!.querySelector<HTMLTextAreaElement>('#input')!;
  field.value = text;
  field.dispatchEvent(new InputEvent('input'));
  field.form!.requestSubmit();
}

/** Types `query` in the FAQ search, as a shopper does. */
export function searchFaq(search: Element, query: string): void {
  const input = search.shadowRoot!.querySelector('input')!;
  input.value = query;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

/** The chat messages of a conversation as the server stored them. */
export async function storedMessages(conversationId: string): Promise<ChatMessage[]> {
  return (await serverGet<{ messages: ChatMessage[] }>(`/chat/conversations/${conversationId}/messages?after=0`)).messages;
}

/** Each widget's "shows its data": what a shopper sees once the server answered. */
export const SHOWS_DATA: Record<string, (el: HTMLElement) => boolean> = {
  'sf-star-rating': (el) => !!part(el, 'count'),
  'sf-review-feed': (el) => !!el.shadowRoot!.querySelector('.review:not(.sf-skeleton)'),
  'sf-loyalty-badge': (el) => !!part(el, 'points'),
  // The seeded history says "Product 1": a card with the server's title shows fresh data.
  'sf-recently-viewed': (el) =>
    [...el.shadowRoot!.querySelectorAll('[part~="card"] .title')].some(
      (title) => title.textContent && !/^Product \d$/.test(title.textContent),
    ),
};

/**
 * Every widget of `container` shows its data, the FAQ search finds an answer,
 * and the chat sends `message`, which the server then holds exactly once.
 * Returns the conversation's id.
 */
export async function expectWidgetsWork(container: HTMLElement, page: ShopPage, message: string): Promise<string> {
  for (const [name, shows] of Object.entries(SHOWS_DATA))
    await until(() => shows(widget(container, name)), `${name} showing its data`, WAIT);
  const faq = widget(container, 'sf-faq-search');
  searchFaq(faq, 'shipping');
  await until(() => faq.shadowRoot!.querySelector('[part~="question"], [role="option"]'), 'the FAQ search finding an answer', WAIT);
  const launcher = widget(container, 'sf-chat-launcher') as HTMLElement & { show(): Promise<void> };
  await launcher.show();
  await until(() => launcher.shadowRoot!.querySelector('#input'), 'the chat’s message field', WAIT);
  typeInChat(launcher, message);
  const delivery = () => [...launcher.shadowRoot!.querySelectorAll('.message.visitor')].find((node) => node.textContent!.includes(message));
  await until(() => delivery()?.querySelector('[part~="delivery"]')?.textContent?.trim() === 'Sent', `“${message}” sent`, WAIT);
  const id = await page.store.get('chat-conversation');
  if (!id) throw new Error('the chat kept no conversation');
  return id;
}

/** Chat messages the shopper sent, each with its conversation: `[conversationId, body]`. */
export type Sent = Array<[conversation: string, body: string]>;

/** Of `sent`, how many the server does not hold (`lost`) or holds more than once (`duplicated`). */
export async function deliveryFigures(sent: Sent): Promise<{ lost: number; duplicated: number }> {
  let lost = 0;
  let duplicated = 0;
  for (const [conversation, body] of sent) {
    const copies = (await storedMessages(conversation)).filter((message) => message.body === body).length;
    if (copies === 0) lost++;
    if (copies > 1) duplicated++;
  }
  return { lost, duplicated };
}

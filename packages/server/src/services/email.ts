/**
 * Which emails the server sends, and when: a review request some days after an
 * order is fulfilled, the agents' answers to a shopper who left an email while
 * the shop was away, and a conversation's transcript when the shopper asks.
 * Each is composed now, in the shopper's language, and queued under a key that
 * makes the event's repeats the same email (./../email/queue.ts sends it).
 * Nothing is queued for an address that unsubscribed.
 */
import { randomUUID } from 'node:crypto';
import type { ChatMessage } from '@shopfront/core/schemas.js';
import type { Deps } from '../deps.js';
import { awayReplyEmail, emailLocale, reviewRequestEmail, transcriptEmail, type ComposedEmail } from '../email/messages.js';
import { dataRequestEmail, inviteEmail, type DataRequestNotice } from '../email/notices.js';
import { readToken, signToken } from '../email/tokens.js';
import { absolute } from '../http.js';
import type { ConversationRecord, EmailJob, EmailKind, InviteRecord, OrderRecord, Shop } from '../storage/index.js';

/** Days after fulfilment a review request waits, unless the shop's `email.reviewRequestDays` says otherwise. */
export const REVIEW_REQUEST_DAYS = 7;
/** The most products one review request names. */
const REVIEW_REQUEST_PRODUCTS = 5;
/** The query parameter of the link that opens the write-a-review form (the review feed reads it). */
export const REVIEW_LINK_PARAM = 'sf_review';

const DAY_MS = 24 * 3600_000;

/** A host name for addresses and Message-IDs: the server's, or `localhost` for a bare IP address. */
const mailHost = (baseUrl: string) => {
  const { hostname } = new URL(baseUrl);
  return /[a-z]/i.test(hostname) && !hostname.includes(':') ? hostname : 'localhost';
};

/** The shop's sender (`email.from` in its config), else its name at this server's host. */
export const senderOf = (shop: Shop, baseUrl: string) =>
  shop.settings.email?.from ?? `"${shop.name.replace(/["\\\r\n]/g, '')}" <no-reply@${mailHost(baseUrl)}>`;

/** The one-click link (RFC 8058) that stops every email from this shop to `email`. */
export function unsubscribeUrl(shop: Shop, baseUrl: string, email: string): string {
  const url = new URL('/email/unsubscribe', baseUrl);
  url.searchParams.set('shop', shop.key);
  url.searchParams.set('token', signToken(shop.secret, 'unsubscribe', { email: email.toLowerCase() }));
  return url.toString();
}

/** The address an unsubscribe token was made for, when this shop made it. */
export const unsubscribeAddress = (shop: Shop, token: string) => readToken(shop.secret, 'unsubscribe', token)?.email;

/** What a review link's token says was bought, by whom, when this shop signed it. */
export function reviewLinkOrder(shop: Shop, token: string): { orderId: string; productId: string; email: string } | undefined {
  const data = readToken(shop.secret, 'review', token);
  if (!data?.orderId || !data.productId || !data.email) return undefined;
  return { orderId: data.orderId, productId: data.productId, email: data.email };
}

interface QueuedEmail {
  key: string;
  kind: EmailKind;
  to: string;
  locale?: string;
  sendAfter?: Date;
  compose(frame: { locale: ReturnType<typeof emailLocale>; shopName: string; unsubscribeUrl: string }): ComposedEmail;
}

/** Queues one email to a shopper (undefined when the address unsubscribed), with its one-click unsubscribe. */
async function queueEmail(deps: Deps, shop: Shop, baseUrl: string, email: QueuedEmail): Promise<EmailJob | undefined> {
  if (await deps.storage.email.isUnsubscribed(shop.id, email.to)) return undefined;
  const unsubscribe = unsubscribeUrl(shop, baseUrl, email.to);
  const composed = email.compose({ locale: emailLocale(email.locale), shopName: shop.name, unsubscribeUrl: unsubscribe });
  const headers = { 'List-Unsubscribe': `<${unsubscribe}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
  return enqueue(deps, shop, baseUrl, { ...email, ...composed, headers });
}

/** Puts a composed email in the queue under its key, and sends it at once when it is due. */
async function enqueue(
  deps: Deps,
  shop: Shop,
  baseUrl: string,
  email: ComposedEmail & Pick<QueuedEmail, 'key' | 'kind' | 'to' | 'sendAfter'> & { headers: Record<string, string> },
): Promise<EmailJob> {
  const now = new Date();
  const sendAfter = email.sendAfter && email.sendAfter > now ? email.sendAfter : now;
  const { job, created } = await deps.storage.email.enqueue(shop.id, {
    key: email.key,
    kind: email.kind,
    to: email.to,
    from: senderOf(shop, baseUrl),
    subject: email.subject,
    text: email.text,
    html: email.html,
    headers: email.headers,
    messageId: `<${randomUUID()}@${mailHost(baseUrl)}>`,
    sendAfter: sendAfter.toISOString(),
    createdAt: now.toISOString(),
  });
  if (created && sendAfter <= now) deps.email.kick();
  return job;
}

/**
 * A data request Shopify passed on, to each of the shop's agents with the export
 * attached as JSON: once per request and agent, however often Shopify redelivers.
 */
export async function emailDataRequest(
  deps: Deps,
  shop: Shop,
  notice: Omit<DataRequestNotice, 'shopName'>,
  baseUrl: string,
): Promise<EmailJob[]> {
  const composed = dataRequestEmail({ ...notice, shopName: shop.name });
  const about = notice.requestId ?? `${notice.customer.id ?? ''}:${notice.customer.email ?? ''}`;
  const agents = await deps.storage.agents.list(shop.id);
  return Promise.all(
    agents.map((agent) =>
      enqueue(deps, shop, baseUrl, {
        ...composed,
        key: `data-request:${about}:${agent.id}`,
        kind: 'data-request',
        to: agent.email,
        headers: {},
      }),
    ),
  );
}

/** The query parameters of an invite's set-password link (`/inbox/invite`). */
export const INVITE_PARAMS = { shop: 'shop', token: 'token' } as const;

/** The signed link that lets the invited person set their password, until the invite expires. */
export function inviteUrl(shop: Shop, baseUrl: string, invite: Pick<InviteRecord, 'id' | 'expiresAt'>): string {
  const url = new URL('/inbox/invite', baseUrl);
  url.searchParams.set(INVITE_PARAMS.shop, shop.key);
  url.searchParams.set(INVITE_PARAMS.token, signToken(shop.secret, 'invite', { invite: invite.id, expires: invite.expiresAt }));
  return url.toString();
}

/** What an invite link's token names, when this shop signed it: the invite and the expiry it was made with. */
export function inviteLink(shop: Shop, token: string): { inviteId: string; expiresAt: string } | undefined {
  const data = readToken(shop.secret, 'invite', token);
  return data?.invite && data.expires ? { inviteId: data.invite, expiresAt: data.expires } : undefined;
}

/** The invitation to `invite`'s address, once per invite (inviting again makes a new invite, so a new email). */
export async function emailInvite(deps: Deps, shop: Shop, invite: InviteRecord, invitedBy: string, baseUrl: string): Promise<EmailJob> {
  const composed = inviteEmail({
    shopName: shop.name,
    name: invite.name,
    invitedBy,
    role: invite.role,
    url: inviteUrl(shop, baseUrl, invite),
    expiresAt: invite.expiresAt,
  });
  return enqueue(deps, shop, baseUrl, {
    ...composed,
    key: `invite:${invite.id}`,
    kind: 'invite',
    to: invite.email.toLowerCase(),
    headers: {},
  });
}

/**
 * The review request for a fulfilled order with an email: one per order, sent
 * `reviewRequestDays` after the fulfilment, with a signed link per product that
 * opens the write-a-review form on the product's page. A request still waiting
 * when the order is refunded or cancelled is not sent.
 */
export async function requestReviews(deps: Deps, shop: Shop, order: OrderRecord, baseUrl: string): Promise<EmailJob | undefined> {
  if (order.status === 'refunded' || order.status === 'cancelled') {
    // Nobody is asked to review what they sent back.
    await deps.storage.email.cancel(shop.id, `review-request:${order.id}`, `The order was ${order.status}.`);
    return undefined;
  }
  if (order.status !== 'fulfilled' || !order.email) return undefined;
  const email = order.email;
  const ids = [...new Set(order.lines.map((line) => line.productId))].slice(0, REVIEW_REQUEST_PRODUCTS);
  const products = await deps.storage.catalogue.products(shop.id, ids);
  if (products.length === 0) return undefined;
  const days = shop.settings.email?.reviewRequestDays ?? REVIEW_REQUEST_DAYS;
  const links = products.map((product) => {
    const url = new URL(absolute(product.url, baseUrl));
    url.searchParams.set(REVIEW_LINK_PARAM, signToken(shop.secret, 'review', { orderId: order.id, productId: product.id, email }));
    url.hash = 'reviews';
    return { title: product.title, reviewUrl: url.toString() };
  });
  return queueEmail(deps, shop, baseUrl, {
    key: `review-request:${order.id}`,
    kind: 'review-request',
    to: email,
    locale: order.locale,
    sendAfter: new Date(Date.parse(order.updatedAt) + days * DAY_MS),
    compose: (frame) => reviewRequestEmail(frame, order.id, links),
  });
}

/** Where a shopper continues a conversation: the shop's site, whose chat launcher opens it (`?sf_chat=open`). */
function conversationUrl(shop: Shop, baseUrl: string): string {
  const url = new URL('/', shop.settings.origins[0] ?? baseUrl);
  url.searchParams.set('sf_chat', 'open');
  return url.toString();
}

/** An agent's answer in a conversation whose shopper left an email while the shop was away: sent to that email, once. */
export async function emailAgentReply(
  deps: Deps,
  shop: Shop,
  conversation: ConversationRecord,
  reply: ChatMessage,
  baseUrl: string,
): Promise<EmailJob | undefined> {
  if (reply.author !== 'agent') return undefined;
  const left = await deps.storage.chat.leftEmailFor(shop.id, conversation.id);
  if (!left) return undefined;
  return queueEmail(deps, shop, baseUrl, {
    key: `away-reply:${conversation.id}:${reply.seq}`,
    kind: 'away-reply',
    to: left.email,
    locale: left.locale,
    compose: (frame) => awayReplyEmail(frame, reply.authorName ?? shop.name, reply.body, conversationUrl(shop, baseUrl)),
  });
}

/** The conversation so far, to the address the shopper gives; asking again with nothing new is the same email. */
export async function emailTranscript(
  deps: Deps,
  shop: Shop,
  conversation: ConversationRecord,
  request: { email: string; locale?: string },
  baseUrl: string,
): Promise<EmailJob | undefined> {
  const messages = await deps.storage.chat.messagesAfter(conversation.id, 0, 1000);
  return queueEmail(deps, shop, baseUrl, {
    key: `transcript:${conversation.id}:${conversation.lastSeq}:${request.email.toLowerCase()}`,
    kind: 'transcript',
    to: request.email,
    locale: request.locale,
    compose: (frame) =>
      transcriptEmail(
        frame,
        messages.map((message) => ({ author: message.author, name: message.authorName, body: message.body, at: message.createdAt })),
      ),
  });
}

/**
 * A person's data requests, as GDPR gives them and Shopify's mandatory
 * `customers/data_request` and `customers/redact` webhooks ask for them: an
 * export of everything the server keeps about them, and its erasure.
 *
 * A person is their customer id in the shop, their email, or both; a record is
 * theirs when it carries either (emails compared without case). Each area
 * exports and erases in one transaction of its own; the areas are not one
 * transaction together, so an erasure that fails half-way is finished by
 * asking again, which erases what is left and nothing twice.
 *
 * Erasure deletes rather than anonymises (as Judge.me and Yotpo do for a
 * redaction): orders and their refunds, reviews with their photo files,
 * the loyalty member with history, ledger and codes, conversations with their
 * messages and attachment files, emails left while away, and every email job
 * to the address. One thing stays: an address that unsubscribed keeps its
 * unsubscribe, because it is what stops a later order from emailing them
 * again (a suppression list is data kept to honour their objection).
 */
import type { Deps } from '../deps.js';
import type { CustomerErasure, CustomerExport } from '../api/schemas.js';
import { absolute } from '../http.js';
import { EVERY_TAG, reviewsTag } from '../read-cache.js';
import { reviewForResponse } from '../responses.js';
import { majorUnits as major } from './orders.js';
import type { DataSubject, Shop } from '../storage/index.js';

/** The file name at the end of a path this server serves under `prefix` (`/media/r/<review>/`, `/media/u/`), if it is one. */
const fileUnder = (prefix: RegExp, path: string) => (prefix.test(path) ? path.split('/').pop() : undefined);

export function subjectOf(request: { customerId?: string; email?: string }): DataSubject {
  return {
    ...(request.customerId ? { customerId: request.customerId } : {}),
    ...(request.email ? { email: request.email.toLowerCase() } : {}),
  };
}

export async function exportCustomer(deps: Deps, shop: Shop, subject: DataSubject, baseUrl: string): Promise<CustomerExport> {
  const { storage } = deps;
  const [orders, reviews, loyalty, chat, email] = await Promise.all([
    storage.orders.exportCustomer(shop.id, subject),
    storage.reviews.exportCustomer(shop.id, subject),
    storage.loyalty.exportCustomer(shop.id, subject),
    storage.chat.exportCustomer(shop.id, subject),
    storage.email.exportCustomer(shop.id, subject),
  ]);
  return {
    subject,
    exportedAt: new Date().toISOString(),
    orders: orders.map(({ total, refunded, lines, refunds, ...order }) => ({
      ...order,
      total: major(total),
      refundedTotal: major(refunded),
      lines: lines.map((line) => ({ ...line, price: major(line.price) })),
      refunds: refunds.map((refund) => ({ id: refund.id, amount: major(refund.amount), createdAt: refund.at })),
    })),
    reviews: reviews.map(({ productTitle: _title, ...review }) => {
      const { photos } = reviewForResponse(review, baseUrl);
      return { ...review, photos, reply: review.reply ?? null };
    }),
    loyalty: {
      member: loyalty.member ?? null,
      activity: loyalty.activity,
      redemptions: loyalty.redemptions.map(({ customerId: _id, ...redemption }) => redemption),
      ledger: loyalty.ledger,
    },
    chat: {
      conversations: chat.conversations.map((conversation) => ({
        id: conversation.id,
        status: conversation.status,
        ...(conversation.visitorName ? { visitorName: conversation.visitorName } : {}),
        ...(conversation.visitorEmail ? { visitorEmail: conversation.visitorEmail } : {}),
        ...(conversation.customerId ? { customerId: conversation.customerId } : {}),
        createdAt: conversation.createdAt,
        updatedAt: conversation.updatedAt,
        messages: conversation.messages.map(({ clientId: _client, conversationId: _conversation, avatarUrl: _avatar, ...message }) => ({
          ...message,
          ...(message.attachment ? { attachment: { ...message.attachment, url: absolute(message.attachment.url, baseUrl) } } : {}),
        })),
      })),
      leftEmails: chat.leftEmails,
    },
    email: {
      ...(email.unsubscribedAt ? { unsubscribedAt: email.unsubscribedAt } : {}),
      jobs: email.jobs.map((job) => ({
        id: job.id,
        kind: job.kind,
        to: job.to,
        subject: job.subject,
        text: job.text,
        status: job.status,
        createdAt: job.createdAt,
        ...(job.sentAt ? { sentAt: job.sentAt } : {}),
      })),
    },
  };
}

export async function eraseCustomer(deps: Deps, shop: Shop, subject: DataSubject): Promise<CustomerErasure> {
  const { storage, media } = deps;
  // Reviews first: the sooner they are gone, the sooner no page shows them.
  const reviews = await storage.reviews.eraseCustomer(shop.id, subject);
  if (reviews.length) {
    deps.hub.invalidate(reviewsTag(shop.id));
    deps.ratings.changed(
      shop,
      reviews.map((review) => review.productId),
    );
  }
  // Files after their rows: a row without its file is a broken image for a moment; a file without its row would stay for good.
  const photoFiles = reviews.flatMap(({ photos }) =>
    photos.flatMap((photo) => [photo.url, photo.thumbnailUrl]).flatMap((path) => fileUnder(/^\/media\/r\//, path ?? '') ?? []),
  );
  await media.removeReviewPhotos(photoFiles);

  const chat = await storage.chat.eraseCustomer(shop.id, subject);
  const attachmentFiles = chat.attachments.flatMap((path) => fileUnder(/^\/media\/u\//, path) ?? []);
  await media.removeUploads(attachmentFiles);

  const orders = await storage.orders.eraseCustomer(shop.id, subject);
  const loyalty = await storage.loyalty.eraseCustomer(shop.id, subject);
  const email = await storage.email.eraseCustomer(shop.id, subject);
  return {
    subject,
    orders,
    reviews: { reviews: reviews.length, photoFiles: photoFiles.length },
    loyalty,
    chat: {
      conversations: chat.conversations,
      messages: chat.messages,
      leftEmails: chat.leftEmails,
      attachmentFiles: attachmentFiles.length,
    },
    email: { jobs: email.jobs, unsubscribeKept: email.unsubscribed },
  };
}

/**
 * Erases the shop and everything it holds (Shopify's `shop/redact`): rows in one
 * step, then the files they named. False when it was gone already. Every
 * instance forgets the shop and its cached answers.
 */
export async function eraseShop(deps: Deps, shop: Shop): Promise<boolean> {
  const files = await deps.storage.shops.erase(shop.id);
  if (!files) return false;
  // The shop itself and every answer cached for it, here and on every other instance.
  deps.hub.invalidate(EVERY_TAG);
  await deps.media.removeReviewPhotos(files.reviewPhotos.flatMap((path) => fileUnder(/^\/media\/r\//, path) ?? []));
  await deps.media.removeUploads(files.attachments.flatMap((path) => fileUnder(/^\/media\/u\//, path) ?? []));
  return true;
}

/** How many records of each area an export holds, for the notice that carries it. */
export function exportCounts(data: CustomerExport): Record<string, number> {
  return {
    orders: data.orders.length,
    reviews: data.reviews.length,
    'loyalty activity': data.loyalty.activity.length,
    conversations: data.chat.conversations.length,
    'emails sent': data.email.jobs.length,
  };
}

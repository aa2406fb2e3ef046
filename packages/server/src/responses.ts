/**
 * Stored records as the API sends them: paths on this server (`/media/…`) made
 * absolute for the request's origin, and fields the wire does not carry left out.
 */
import type { ChatMessage, Conversation, Product, Review } from '@shopfront/core/schemas.js';
import { absolute } from './http.js';
import { inboxPhotoPath } from './review-photos.js';
import type { InboxEvent } from './bus/index.js';
import type { ConversationRecord, ConversationSummary, ModerationReview, StoredProduct } from './storage/index.js';

export function reviewForResponse(review: Review, baseUrl: string): Review {
  return {
    ...review,
    photos: review.photos.map((photo) => ({
      ...photo,
      url: absolute(photo.url, baseUrl),
      ...(photo.thumbnailUrl ? { thumbnailUrl: absolute(photo.thumbnailUrl, baseUrl) } : {}),
    })),
  };
}

/**
 * A review as the inbox's moderation list shows it: everything stored, with absolute photo URLs
 * under `/inbox`, where the agent's session reaches photos of reviews that are not published.
 */
export function moderationReviewForResponse(review: ModerationReview, baseUrl: string): ModerationReview {
  const photos = review.photos.map((photo) => ({
    ...photo,
    url: inboxPhotoPath(photo.url),
    ...(photo.thumbnailUrl ? { thumbnailUrl: inboxPhotoPath(photo.thumbnailUrl) } : {}),
  }));
  return { ...review, ...reviewForResponse({ ...review, photos }, baseUrl) };
}

export function messageForResponse(message: ChatMessage, baseUrl: string): ChatMessage {
  const result = { ...message };
  if (result.avatarUrl) result.avatarUrl = absolute(result.avatarUrl, baseUrl);
  if (result.attachment) result.attachment = { ...result.attachment, url: absolute(result.attachment.url, baseUrl) };
  return result;
}

/** A conversation in the inbox's list, its last message's attachment at an absolute URL as every message's is. */
export function summaryForResponse(summary: ConversationSummary, baseUrl: string): ConversationSummary {
  return summary.lastMessage ? { ...summary, lastMessage: messageForResponse(summary.lastMessage, baseUrl) } : summary;
}

/** An event of the inbox's live stream, with the same absolute URLs as its other answers. */
export function inboxEventForResponse(event: InboxEvent, baseUrl: string): InboxEvent {
  switch (event.type) {
    case 'review':
      return { ...event, review: moderationReviewForResponse(event.review, baseUrl) };
    case 'message':
      return { ...event, message: messageForResponse(event.message, baseUrl) };
    case 'conversation':
      return { ...event, conversation: summaryForResponse(event.conversation, baseUrl) };
    default:
      return event;
  }
}

export function conversationForResponse(conversation: ConversationRecord): Conversation {
  return { id: conversation.id, status: conversation.status, createdAt: conversation.createdAt };
}

export function productForResponse(product: StoredProduct, baseUrl: string): Product {
  const { description: _description, ...rest } = product;
  return {
    ...rest,
    url: absolute(product.url, baseUrl),
    ...(product.image ? { image: { ...product.image, url: absolute(product.image.url, baseUrl) } } : {}),
  };
}

/**
 * Review photos: re-encoded before anything is stored, and kept apart from
 * other uploads so who may see them can follow the review's status.
 *
 * Re-encoding (sharp) turns the picture upright by its EXIF orientation and
 * then writes it without any metadata, so a phone's GPS position, serial
 * numbers and the like never reach the public. It also bounds the size a
 * page has to download, and proves the bytes decode as the image they claim
 * to be. Animated GIF and WebP keep their first frame.
 *
 * Their URLs name the review (`/media/r/<review id>/<file>`): the public route
 * serves them only while the review is published, the inbox route
 * (`/inbox/media/r/…`, where the agent's session cookie is sent) to the
 * shop's agents whatever the status.
 */
import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import type { ReviewPhoto } from '@shopfront/core/schemas.js';
import type { Deps } from './deps.js';
import type { AppContext } from './http.js';
import { EXTENSIONS, sniffImageType } from './media.js';
import type { ReviewStatus } from './storage/index.js';

/** The longest side a stored photo keeps: sharp on a phone screen, a fraction of a camera original. */
export const PHOTO_MAX_SIDE = 2048;
/** What a review list shows before the shopper opens a photo. */
export const THUMBNAIL_WIDTH = 400;
/**
 * Refuses to decode more pixels than this (about 100 MP): an 8 MB file can
 * claim dimensions whose decoded pixels would not fit in memory.
 */
const MAX_INPUT_PIXELS = 100_000_000;

const FORMATS = { jpg: 'jpeg', png: 'png', gif: 'gif', webp: 'webp', avif: 'avif' } as const;

export interface EncodedImage {
  bytes: Buffer;
  extension: string;
  width: number;
  height: number;
}

/** A photo ready to be written: nothing of it is on disk yet. */
export interface PreparedPhoto {
  full: EncodedImage;
  thumbnail: EncodedImage;
}

/** Re-encodes an upload whose bytes are one of `allowedTypes`; `undefined` when they are not, or do not decode. */
export async function prepareReviewPhoto(file: Blob, allowedTypes: readonly string[]): Promise<PreparedPhoto | undefined> {
  const bytes = Buffer.from(await file.arrayBuffer());
  const type = sniffImageType(bytes);
  if (!type || !allowedTypes.includes(type)) return undefined;
  const extension = EXTENSIONS[type]!;
  // One decode of the upload, two outputs from it.
  const upright = sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS }).rotate();
  try {
    const full = await upright
      .clone()
      .resize({ width: PHOTO_MAX_SIDE, height: PHOTO_MAX_SIDE, fit: 'inside', withoutEnlargement: true })
      .toFormat(FORMATS[extension])
      .toBuffer({ resolveWithObject: true });
    const thumbnail = await upright
      .clone()
      .resize({ width: THUMBNAIL_WIDTH, withoutEnlargement: true })
      .webp({ quality: 80 })
      .toBuffer({ resolveWithObject: true });
    return {
      full: { bytes: full.data, extension, width: full.info.width, height: full.info.height },
      thumbnail: { bytes: thumbnail.data, extension: 'webp', width: thumbnail.info.width, height: thumbnail.info.height },
    };
  } catch {
    // Bytes that start like an image but do not decode (truncated, corrupt, too many pixels).
    return undefined;
  }
}

/** A file to write and the path its review will store for it. */
export interface PlannedFile {
  name: string;
  bytes: Buffer;
}

/** File names and the stored `ReviewPhoto`s for a review's prepared photos. */
export function planReviewPhotos(
  reviewId: string,
  prepared: readonly PreparedPhoto[],
  alt: string,
): { files: PlannedFile[]; photos: ReviewPhoto[] } {
  const files: PlannedFile[] = [];
  const photos = prepared.map(({ full, thumbnail }) => {
    const stem = randomUUID();
    const fullName = `${stem}.${full.extension}`;
    const thumbnailName = `${stem}-thumb.${thumbnail.extension}`;
    files.push({ name: fullName, bytes: full.bytes }, { name: thumbnailName, bytes: thumbnail.bytes });
    return {
      url: reviewPhotoPath(reviewId, fullName),
      thumbnailUrl: reviewPhotoPath(reviewId, thumbnailName),
      alt,
      width: full.width,
      height: full.height,
    };
  });
  return { files, photos };
}

export const reviewPhotoPath = (reviewId: string, name: string) => `/media/r/${encodeURIComponent(reviewId)}/${name}`;

/** Where the inbox loads a review photo: under `/inbox`, the only path its session cookie is sent to. */
export const inboxPhotoPath = (path: string) => (path.startsWith('/media/r/') ? `/inbox${path}` : path);

/** Whether `name` is one of the files (full size or thumbnail) of a review with these photos. */
export function isPhotoOf(reviewId: string, photos: readonly ReviewPhoto[], name: string): boolean {
  const path = reviewPhotoPath(reviewId, name);
  return photos.some((photo) => photo.url === path || photo.thumbnailUrl === path);
}

/** A review photo's bytes with its review's shop and status; undefined when there is no such review or file. */
export async function reviewPhotoFile(
  deps: Deps,
  reviewId: string,
  name: string,
): Promise<{ shopId: number; status: ReviewStatus; bytes: Uint8Array; type: string } | undefined> {
  const review = await deps.storage.reviews.photoAccess(reviewId);
  if (!review || !isPhotoOf(reviewId, review.photos, name)) return undefined;
  const file = await deps.media.readReviewPhoto(name);
  return file ? { shopId: review.shopId, status: review.status, ...file } : undefined;
}

/**
 * The same 404 whether the photo does not exist or is not for this caller, and never
 * cached: the review may be published a minute later.
 */
export function notFoundUncached(c: AppContext): Response {
  c.header('Cache-Control', 'no-store');
  return c.notFound() as Response;
}

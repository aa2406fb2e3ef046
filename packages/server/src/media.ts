/**
 * Uploaded images on disk under the data directory. The type is read from the
 * file's first bytes, not trusted from the upload; only raster formats are
 * accepted (an SVG could carry script), and files are served back with
 * `nosniff` and a sandboxing CSP.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The image types we store, and the extension each is stored under. */
export const EXTENSIONS: Record<string, 'jpg' | 'png' | 'gif' | 'webp' | 'avif'> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/avif': 'avif',
};
const TYPES = Object.fromEntries(Object.entries(EXTENSIONS).map(([type, extension]) => [extension, type]));
const STORED_NAME = /^[0-9a-f-]{36}\.(jpg|png|gif|webp|avif)$/;
const REVIEW_PHOTO_NAME = /^[0-9a-f-]{36}(-thumb)?\.(jpg|png|gif|webp|avif)$/;

const ascii = (bytes: Uint8Array, start: number, end: number) => String.fromCharCode(...bytes.subarray(start, end));

/** The image type the bytes really are, or undefined. */
export function sniffImageType(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (ascii(bytes, 0, 8) === '\x89PNG\r\n\x1a\n') return 'image/png';
  if (ascii(bytes, 0, 6) === 'GIF87a' || ascii(bytes, 0, 6) === 'GIF89a') return 'image/gif';
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return 'image/webp';
  if (ascii(bytes, 4, 8) === 'ftyp' && ['avif', 'avis'].includes(ascii(bytes, 8, 12))) return 'image/avif';
  return undefined;
}

/** Width and height for PNG, GIF and JPEG; undefined for the rest (they are optional in the schema). */
export function imageSize(bytes: Uint8Array, type: string): { width: number; height: number } | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  try {
    if (type === 'image/png') return { width: view.getUint32(16), height: view.getUint32(20) };
    if (type === 'image/gif') return { width: view.getUint16(6, true), height: view.getUint16(8, true) };
    if (type === 'image/jpeg') {
      let offset = 2;
      while (offset + 9 < bytes.length) {
        if (bytes[offset] !== 0xff) return undefined;
        const marker = bytes[offset + 1]!;
        const length = view.getUint16(offset + 2);
        const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
        if (isFrame) return { height: view.getUint16(offset + 5), width: view.getUint16(offset + 7) };
        offset += 2 + length;
      }
    }
  } catch {
    return undefined;
  }
  return undefined;
}

export interface StoredImage {
  /** Path on this server (`/media/u/…`). */
  path: string;
  type: string;
  size: number;
  width?: number;
  height?: number;
}

export class MediaStore {
  constructor(private readonly dir: string) {}

  /** Saves an upload whose bytes are one of `allowedTypes`; `undefined` when they are not. */
  async saveImage(file: Blob, allowedTypes: readonly string[]): Promise<StoredImage | undefined> {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const type = sniffImageType(bytes);
    if (!type || !allowedTypes.includes(type)) return undefined;
    const name = `${randomUUID()}.${EXTENSIONS[type]}`;
    await mkdir(this.dir, { recursive: true });
    await writeFile(join(this.dir, name), bytes);
    const size = imageSize(bytes, type);
    const valid = size && size.width >= 1 && size.height >= 1 && size.width <= 20000 && size.height <= 20000;
    return { path: `/media/u/${name}`, type, size: bytes.length, ...(valid ? size : {}) };
  }

  /** A stored file by the name in its URL; anything that is not one of our names is absent. */
  read(name: string): Promise<{ bytes: Uint8Array; type: string } | undefined> {
    return STORED_NAME.test(name) ? readTyped(join(this.dir, name)) : Promise.resolve(undefined);
  }

  /** Removes uploads by the names in their URLs (a chat attachment whose conversation was erased); other names are ignored. */
  async removeUploads(names: readonly string[]): Promise<void> {
    await Promise.all(names.filter((name) => STORED_NAME.test(name)).map((name) => rm(join(this.dir, name), { force: true })));
  }

  /**
   * Review photos live in their own folder: `/media/u/` cannot reach them, so
   * the only way to one is the route that checks its review's status.
   */
  private get reviewDir() {
    return join(this.dir, 'reviews');
  }

  /** Writes all of them or none: when one write fails, those already written are removed. */
  async writeReviewPhotos(files: ReadonlyArray<{ name: string; bytes: Uint8Array }>): Promise<void> {
    if (!files.length) return;
    await mkdir(this.reviewDir, { recursive: true });
    const written: string[] = [];
    try {
      for (const file of files) {
        if (!REVIEW_PHOTO_NAME.test(file.name)) throw new Error(`Not a review photo name: ${file.name}`);
        await writeFile(join(this.reviewDir, file.name), file.bytes, { flag: 'wx' });
        written.push(file.name);
      }
    } catch (error) {
      await this.removeReviewPhotos(written);
      throw error;
    }
  }

  async removeReviewPhotos(names: readonly string[]): Promise<void> {
    await Promise.all(names.filter((name) => REVIEW_PHOTO_NAME.test(name)).map((name) => rm(join(this.reviewDir, name), { force: true })));
  }

  readReviewPhoto(name: string): Promise<{ bytes: Uint8Array; type: string } | undefined> {
    return REVIEW_PHOTO_NAME.test(name) ? readTyped(join(this.reviewDir, name)) : Promise.resolve(undefined);
  }
}

async function readTyped(path: string): Promise<{ bytes: Uint8Array; type: string } | undefined> {
  try {
    return { bytes: await readFile(path), type: TYPES[path.split('.').pop()!]! };
  } catch {
    return undefined;
  }
}

import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { ALLOWED_MEDIA_TYPES, MAX_ATTACHMENT_BYTES, mediaTypeOf, type NewAttachment } from '../../app/attachments.js';

export type ReadProblem = 'unreadable' | 'type' | 'size';

/**
 * Reads a scan the clerk names by path (the counter's scanner writes to a folder). A type or size
 * the office cannot keep is said at once, not at registration.
 */
export async function readAttachment(path: string): Promise<NewAttachment | ReadProblem> {
  const mediaType = mediaTypeOf(path);
  try {
    const info = await stat(path);
    if (!info.isFile()) return 'unreadable';
    if (!mediaType || !(ALLOWED_MEDIA_TYPES as readonly string[]).includes(mediaType)) return 'type';
    if (info.size > MAX_ATTACHMENT_BYTES) return 'size';
    return { name: basename(path), mediaType, content: new Uint8Array(await readFile(path)) };
  } catch {
    return 'unreadable';
  }
}

import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { MAX_ATTACHMENT_BYTES, mediaTypeOf, type NewAttachment } from '../../app/attachments.js';

/** Reads a scan the clerk names by path (the counter's scanner writes to a folder). */
export async function readAttachment(path: string): Promise<NewAttachment | null> {
  try {
    const info = await stat(path);
    if (!info.isFile() || info.size > MAX_ATTACHMENT_BYTES) return null;
    const content = new Uint8Array(await readFile(path));
    return { name: basename(path), mediaType: mediaTypeOf(path) ?? 'application/octet-stream', content };
  } catch {
    return null;
  }
}

export function sizeText(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

import { domainError, fail, ok, type DomainError, type Result } from '../core/result.js';

export interface NewAttachment {
  readonly name: string;
  readonly mediaType: string;
  readonly content: Uint8Array;
  readonly documentId?: string;
}

/**
 * A file already in the blob store (the bot keeps each upload as it arrives): filed by its hash,
 * never read back and stored again. The store is asked its size, which must match.
 */
export interface StoredAttachment {
  readonly name: string;
  readonly mediaType: string;
  readonly sha256: string;
  readonly size: number;
  readonly documentId?: string;
}

export type AttachmentInput = NewAttachment | StoredAttachment;

export const isStored = (file: AttachmentInput): file is StoredAttachment => 'sha256' in file;
const sizeOf = (file: AttachmentInput): number => (isStored(file) ? file.size : file.content.byteLength);

/** Scans and photos as offices receive them. Telegram bots may download at most 20 MB. */
export const ALLOWED_MEDIA_TYPES = ['application/pdf', 'image/jpeg', 'image/png', 'image/tiff', 'image/heic'] as const;
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

const EXTENSIONS: Readonly<Record<string, string>> = {
  pdf: 'application/pdf', jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', tif: 'image/tiff', tiff: 'image/tiff', heic: 'image/heic',
};

export function mediaTypeOf(fileName: string): string | undefined {
  return EXTENSIONS[fileName.split('.').pop()?.toLowerCase() ?? ''];
}

export function checkAttachments(files: readonly AttachmentInput[]): Result<void, DomainError> {
  const allowed = ALLOWED_MEDIA_TYPES.join(', ');
  for (const f of files) {
    if (!(ALLOWED_MEDIA_TYPES as readonly string[]).includes(f.mediaType)) {
      return fail(domainError('VALIDATION', { key: 'app.attachmentType', params: { name: f.name, allowed } }));
    }
    if (sizeOf(f) > MAX_ATTACHMENT_BYTES) {
      return fail(domainError('VALIDATION', { key: 'app.attachmentSize', params: { name: f.name, mb: 20 } }));
    }
    if (sizeOf(f) === 0) return fail(domainError('VALIDATION', { key: 'app.attachmentEmpty', params: { name: f.name } }));
  }
  return ok(undefined);
}

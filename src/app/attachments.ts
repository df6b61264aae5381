import { domainError, fail, ok, type DomainError, type Result } from '../core/result.js';

export interface NewAttachment {
  readonly name: string;
  readonly mediaType: string;
  readonly content: Uint8Array;
  readonly documentId?: string;
}

/** Scans and photos as offices receive them. Telegram bots may download at most 20 MB. */
export const ALLOWED_MEDIA_TYPES = ['application/pdf', 'image/jpeg', 'image/png', 'image/tiff', 'image/heic'] as const;
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

const EXTENSIONS: Readonly<Record<string, string>> = {
  pdf: 'application/pdf', jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', tif: 'image/tiff', tiff: 'image/tiff', heic: 'image/heic',
};

export function mediaTypeOf(fileName: string): string | undefined {
  return EXTENSIONS[fileName.split('.').pop()?.toLowerCase() ?? ''];
}

export function checkAttachments(files: readonly NewAttachment[]): Result<void, DomainError> {
  const allowed = ALLOWED_MEDIA_TYPES.join(', ');
  for (const f of files) {
    if (!(ALLOWED_MEDIA_TYPES as readonly string[]).includes(f.mediaType)) {
      return fail(domainError('VALIDATION', { key: 'app.attachmentType', params: { name: f.name, allowed } }));
    }
    if (f.content.byteLength > MAX_ATTACHMENT_BYTES) {
      return fail(domainError('VALIDATION', { key: 'app.attachmentSize', params: { name: f.name, mb: 20 } }));
    }
    if (f.content.byteLength === 0) return fail(domainError('VALIDATION', { key: 'app.attachmentEmpty', params: { name: f.name } }));
  }
  return ok(undefined);
}

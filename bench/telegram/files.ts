/**
 * Files known to the test server: uploads by the bot and files the simulated users send. Each gets
 * a file_id (re-sendable by id), a file_unique_id and a file_path for getFile and the download URL.
 */
import { randomBytes } from 'node:crypto';

export type FileKind = 'document' | 'photo' | 'sticker';

export interface StoredFile {
  fileId: string;
  uniqueId: string;
  kind: FileKind;
  bytes: Uint8Array;
  path: string;
  fileName?: string;
  mimeType?: string;
  width?: number;
  height?: number;
  /** For a photo: all its sizes, so that re-sending any of them by id gives the whole set. */
  sizes?: PhotoSize[];
}

export interface PhotoSize {
  file_id: string;
  file_unique_id: string;
  file_size: number;
  width: number;
  height: number;
}

// Real file ids start with a type prefix; bots sometimes log them, so they look the part.
const PREFIX: Record<FileKind, string> = { document: 'BQACAgIAAxkBAAI', photo: 'AgACAgIAAxkBAAI', sticker: 'CAACAgIAAxkBAAI' };
const FOLDER: Record<FileKind, string> = { document: 'documents', photo: 'photos', sticker: 'stickers' };

export class FileStore {
  private readonly byId = new Map<string, StoredFile>();
  private readonly byPath = new Map<string, StoredFile>();
  private count = 0;

  add(kind: FileKind, bytes: Uint8Array, details: { fileName?: string; mimeType?: string; width?: number; height?: number } = {}): StoredFile {
    const n = ++this.count;
    const ext = kind === 'photo' ? 'jpg' : kind === 'sticker' ? 'webp' : extension(details.fileName) || 'dat';
    const file: StoredFile = {
      fileId: `${PREFIX[kind]}${n}${randomBytes(9).toString('base64url')}`,
      uniqueId: `AQAD${n}${randomBytes(3).toString('base64url')}`,
      kind,
      bytes,
      path: `${FOLDER[kind]}/file_${n}.${ext}`,
      ...details,
    };
    this.byId.set(file.fileId, file);
    this.byPath.set(file.path, file);
    return file;
  }

  get(fileId: string): StoredFile | undefined {
    return this.byId.get(fileId);
  }

  atPath(path: string): StoredFile | undefined {
    return this.byPath.get(path);
  }

  /**
   * A photo as Telegram delivers it: several sizes, smallest first. There is no image library here,
   * so the smaller sizes have their own ids and dimensions but the original bytes.
   */
  addPhoto(bytes: Uint8Array): PhotoSize[] {
    const { width, height } = imageSize(bytes) ?? { width: 1280, height: 960 };
    const longest = Math.max(width, height);
    const sides = [90, 320, 800].filter((side) => side < longest);
    const full = Math.min(longest, 2560);
    const files = [...sides, full].map((side) => {
      const scale = side / longest;
      return this.add('photo', bytes, { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) });
    });
    const sizes = files.map((f) => ({ file_id: f.fileId, file_unique_id: f.uniqueId, file_size: bytes.length, width: f.width!, height: f.height! }));
    for (const file of files) file.sizes = sizes;
    return sizes;
  }
}

function extension(fileName: string | undefined): string {
  const match = /\.([A-Za-z0-9]{1,8})$/.exec(fileName ?? '');
  return match ? match[1]!.toLowerCase() : '';
}

const MIME: Record<string, string> = {
  pdf: 'application/pdf',
  zip: 'application/zip',
  json: 'application/json',
  xml: 'application/xml',
  txt: 'text/plain',
  csv: 'text/csv',
  html: 'text/html',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  p7s: 'application/pkcs7-signature',
  sig: 'application/pgp-signature',
};

/** Telegram sets a document's mime_type from its file name, not from the upload's headers. */
export function mimeFromName(fileName: string): string {
  return MIME[extension(fileName)] ?? 'application/octet-stream';
}

/** Width and height from a PNG or JPEG header, enough to give photo sizes plausible dimensions. */
export function imageSize(bytes: Uint8Array): { width: number; height: number } | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length >= 24 && view.getUint32(0) === 0x89504e47) return { width: view.getUint32(16), height: view.getUint32(20) };
  if (bytes.length < 4 || view.getUint16(0) !== 0xffd8) return undefined;
  let at = 2;
  while (at + 9 < bytes.length && bytes[at] === 0xff) {
    const marker = bytes[at + 1]!;
    const length = view.getUint16(at + 2);
    // SOF0..SOF15 carry the frame size; C4, C8 and CC are other tables.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { width: view.getUint16(at + 7), height: view.getUint16(at + 5) };
    }
    at += 2 + length;
  }
  return undefined;
}

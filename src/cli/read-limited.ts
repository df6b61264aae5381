import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { sizeText } from '../core/size.js';
import { domainError, fail, ok, type DomainError, type Result } from '../core/result.js';

/**
 * Every file named on the command line (--data, --content, --attach, verify's PDF, keys add,
 * users key add, keys trust/crl, --passphrase-file, --password-file) is read here, and only here.
 *
 * - The file is opened first (O_NONBLOCK, so a FIFO cannot hang the open) and then fstat-ed: what is
 *   checked is what is read, with no window between a stat and an open.
 * - Only a regular file is read: a device (/dev/zero), a FIFO, a socket or a folder is refused
 *   by name before a byte is read.
 * - A symbolic link is followed, and only to a regular file (the fstat above is of its target).
 *   An office's scanner folder often holds links; the name kept is the one the operator typed.
 * - The size is checked before reading, and the read itself stops one byte past the limit, so a
 *   file that grows while read, or a /proc file that reports size 0, cannot exceed it either.
 *   Memory is bounded by the limit whatever the file is.
 */

export interface ReadLimit {
  /** The option or argument the file was given as, named in every message (`--attach`, `FILE.p12`). */
  readonly option: string;
  /** Largest accepted size in bytes. */
  readonly maxBytes: number;
}

/** Limits the command line uses. Generous for a real office, small enough that memory stays bounded. */
export const LIMITS = {
  /** A questionnaire or a certificate's content as JSON (a real one is a few KB). */
  json: 2 * 1024 * 1024,
  /** Signed PDFs, the same ceiling as attachments. */
  pdf: 20 * 1024 * 1024,
  /** A PKCS#12 file, a CA certificate (PEM or DER), an SSH public-key file. */
  key: 1024 * 1024,
  /** A national CA's revocation list can be large. */
  crl: 64 * 1024 * 1024,
  /** A passphrase or a password file: one line. */
  secret: 4096,
} as const;

const CHUNK = 64 * 1024;

function kindOf(st: Stats): 'directory' | 'device' | 'fifo' | 'socket' | 'other' {
  if (st.isDirectory()) return 'directory';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'device';
  if (st.isFIFO()) return 'fifo';
  if (st.isSocket()) return 'socket';
  return 'other';
}

function unreadable(path: string, error: unknown): DomainError {
  return domainError('VALIDATION', { key: 'cli.dataFileUnreadable', params: { path, reason: (error as NodeJS.ErrnoException).code ?? String(error) } });
}

function tooLarge(path: string, limit: ReadLimit): DomainError {
  return domainError('VALIDATION', { key: 'securityCli.fileTooLarge', params: { option: limit.option, path, max: sizeText(limit.maxBytes) } });
}

/** The whole file, if it is a regular file of at most `limit.maxBytes` bytes. */
export function readLimited(path: string, limit: ReadLimit): Result<Buffer, DomainError> {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
  } catch (error) {
    return fail(unreadable(path, error));
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) {
      return fail(domainError('VALIDATION', { key: `securityCli.notRegularFile.${kindOf(st)}`, params: { option: limit.option, path } }));
    }
    if (st.size > limit.maxBytes) return fail(tooLarge(path, limit));
    // One byte more than allowed tells "too large" from "exactly the limit"; a file that grew since
    // fstat (or a /proc file of size 0) gets more room, never past the limit.
    let buffer = Buffer.alloc(Math.min(limit.maxBytes + 1, Math.max(st.size + 1, CHUNK)));
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > limit.maxBytes) return fail(tooLarge(path, limit));
        const bigger = Buffer.alloc(Math.min(limit.maxBytes + 1, buffer.length * 2));
        buffer.copy(bigger, 0, 0, length);
        buffer = bigger;
      }
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
    }
    if (length > limit.maxBytes) return fail(tooLarge(path, limit));
    return ok(buffer.subarray(0, length));
  } catch (error) {
    return fail(unreadable(path, error));
  } finally {
    closeSync(fd);
  }
}

/** A text file (UTF-8), a leading byte-order mark removed: Windows' Notepad writes one. */
export function readLimitedText(path: string, limit: ReadLimit): Result<string, DomainError> {
  const bytes = readLimited(path, limit);
  if (!bytes.ok) return bytes;
  const text = bytes.value.toString('utf8');
  return ok(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
}

/** A one-line secret (passphrase, password): the file's text without its final line break. */
export function readSecretFile(path: string, option: string): Result<string, DomainError> {
  const text = readLimitedText(path, { option, maxBytes: LIMITS.secret });
  return text.ok ? ok(text.value.replace(/\r?\n$/, '')) : text;
}

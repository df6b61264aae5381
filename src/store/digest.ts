import { createHash } from 'node:crypto';
import { canonicalJson } from '../core/signing.js';
import type { AuditStore, StoreScans, UserStore } from './port.js';

/**
 * A checksum of everything a store holds, read through the port only, so the same code runs on
 * both sides of `anyqtama store copy` and equal checksums mean equal stores. Each item is hashed
 * as canonical JSON (sorted keys, no whitespace): PostgreSQL's json columns give back the same
 * values in another key order (a request is reassembled from three tables), and that must not
 * count as a difference. Items are keyed and sorted before the final hash, because the adapters
 * enumerate in different orders; only a line per item is kept in memory, never the items.
 */

export const DIGEST_PARTS = ['requests', 'blobs', 'users', 'chats', 'audit'] as const;
export type DigestPart = (typeof DIGEST_PARTS)[number];

/** What a store holds, counted the same way on both sides. */
export interface StoreCounts {
  readonly requests: number;
  /** History events of all requests. */
  readonly events: number;
  /** Attachments named by requests (their content is among the blobs). */
  readonly attachments: number;
  /** Signed result documents (decision.document); their PDFs are among the blobs. */
  readonly signatures: number;
  readonly outbox: number;
  /** Outbox items marked delivered. */
  readonly delivered: number;
  readonly blobs: number;
  readonly users: number;
  readonly chats: number;
  readonly audit: number;
}

export interface StoreDigest {
  /** Hex SHA-256 over the parts' checksums. */
  readonly checksum: string;
  /** A checksum per kind, so a mismatch can say where the stores differ. */
  readonly parts: Readonly<Record<DigestPart, string>>;
  readonly counts: StoreCounts;
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** Hex SHA-256 of a value's canonical JSON. */
export const hashOf = (value: unknown): string => sha256(canonicalJson(value));

/** Hash of the sorted lines: the same set of items gives the same hash whatever order they came in. */
const partHash = (lines: string[]): string => sha256(lines.sort().join('\n'));

/** What a checksum of a whole store reads: everything, and nothing written. */
export type StoreContents = StoreScans & Pick<UserStore, 'listUsers'> & Pick<AuditStore, 'listAudit'>;

export async function digestStore(store: StoreContents): Promise<StoreDigest> {
  const counts = { requests: 0, events: 0, attachments: 0, signatures: 0, outbox: 0, delivered: 0, blobs: 0, users: 0, chats: 0, audit: 0 };
  const requests: string[] = [];
  for await (const r of store.scanRequests()) {
    requests.push(`${r.id}\t${hashOf(r)}`);
    counts.events += r.history.length;
    counts.attachments += r.attachments.length;
    counts.signatures += r.decision?.document ? 1 : 0;
    counts.outbox += r.outbox.length;
    counts.delivered += r.outbox.filter((o) => o.deliveredAt).length;
  }
  const blobs: string[] = [];
  for await (const hash of store.scanBlobs()) blobs.push(hash);
  const chats: string[] = [];
  for await (const chat of store.scanChats()) chats.push(`${chat.chatId}\t${hashOf(chat)}`);
  const users = (await store.listUsers()).map((u) => `${u.login}\t${hashOf(u)}`);
  // Audit lines have no key; identical lines stay as many lines as there are.
  const audit = (await store.listAudit({})).map(hashOf);
  Object.assign(counts, { requests: requests.length, blobs: blobs.length, users: users.length, chats: chats.length, audit: audit.length });
  const parts: Record<DigestPart, string> = {
    requests: partHash(requests),
    blobs: partHash(blobs),
    users: partHash(users),
    chats: partHash(chats),
    audit: partHash(audit),
  };
  return { checksum: sha256(DIGEST_PARTS.map((p) => `${p}=${parts[p]}`).join('\n')), parts, counts };
}

/** The kinds whose checksums differ between two digests. */
export function differingParts(a: StoreDigest, b: StoreDigest): DigestPart[] {
  return DIGEST_PARTS.filter((p) => a.parts[p] !== b.parts[p]);
}

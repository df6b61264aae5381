import type { Request, Role, State, OutboxItem } from '../core/request.js';
import type { Lang } from '../core/i18n/text.js';
import type { Channel, ServiceId } from '../core/services/types.js';
import type { Result } from '../core/result.js';

/**
 * Thrown by a store's reads when its database cannot be reached (a restart, a lost link): nothing
 * was changed, and the same call may succeed in a few seconds. Writes return it as a Result
 * (`store.unavailable`); services turn a thrown one into the same Result.
 */
export class StoreUnavailable extends Error {
  constructor(readonly reason: string) {
    super(`store unavailable: ${reason}`);
    this.name = 'StoreUnavailable';
  }
}

/**
 * The disk refused a write of the embedded store: full (ENOSPC, EDQUOT), read-only (EROFS), failing
 * (EIO) or out of file handles (EMFILE, ENFILE). Nothing was changed; the caller turns it into a
 * kk/ru "not saved, tell the administrator" Result (app/unavailable.ts), never a crash of `serve`.
 */
export class StoreDiskFailed extends Error {
  constructor(readonly code: DiskErrorCode) {
    super(`store write refused by the disk: ${code}`);
    this.name = 'StoreDiskFailed';
  }

  /** No space left (as opposed to a read-only or failing disk). */
  get full(): boolean {
    return this.code === 'ENOSPC' || this.code === 'EDQUOT';
  }
}

export const DISK_ERROR_CODES = ['ENOSPC', 'EDQUOT', 'EROFS', 'EIO', 'EMFILE', 'ENFILE'] as const;
export type DiskErrorCode = (typeof DISK_ERROR_CODES)[number];

/** The disk's errno code when `error` is one of DISK_ERROR_CODES, else null. */
export function diskErrorCode(error: unknown): DiskErrorCode | null {
  if (error instanceof StoreDiskFailed) return error.code;
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' && (DISK_ERROR_CODES as readonly string[]).includes(code) ? (code as DiskErrorCode) : null;
}

/** What a queue or a search shows without opening the request: kept in memory by the embedded store. */
export interface RequestSummary {
  readonly id: string;
  readonly number: string | null;
  readonly version: number;
  readonly state: State;
  readonly service: ServiceId;
  readonly office: string;
  readonly receivedBy: string;
  readonly channel: Channel;
  readonly dueDate: string | null;
  readonly applicantIin: string;
  readonly applicantName: string;
  readonly submittedAt: string | null;
  readonly updatedAt: string;
  /** Outbox items not yet confirmed as delivered. */
  readonly pendingOutbox: readonly string[];
  /** The last history event: what the call-centre reads out ("taken into work on ..."). */
  readonly lastEvent: { readonly at: string; readonly action: string; readonly to: State } | null;
  /** The Telegram chat the request was filed from (bot channel): "My requests". */
  readonly chatId?: number;
}

export interface ListFilter {
  readonly states?: readonly State[];
  readonly service?: ServiceId;
  /** Provider office, or the centre that received it. */
  readonly office?: string;
  readonly receivedBy?: string;
  readonly applicantIin?: string;
  /** Only requests due on or before this date (YYYY-MM-DD). */
  readonly dueOnOrBefore?: string;
  /** Only requests due on or after this date: "due soon" without the overdue ones. */
  readonly dueOnOrAfter?: string;
  /** Matches the request number, the applicant's IIN, or part of the applicant's name. */
  readonly text?: string;
  /** Only requests filed from this Telegram chat. */
  readonly chatId?: number;
  readonly order?: 'due' | 'submitted' | 'updated';
  readonly limit?: number;
  readonly offset?: number;
}

export interface Page<T> {
  readonly items: readonly T[];
  readonly total: number;
}

export interface OutboxEntry {
  readonly requestId: string;
  readonly number: string | null;
  readonly service: ServiceId;
  readonly lang: Lang;
  readonly contact: Request['contact'];
  readonly item: OutboxItem;
  /** Steps (messages) of the item Telegram already accepted: a sender taking it over starts after them. */
  readonly stepsDone?: number;
}

/** A request another process changed (`id`), or null: "anything may have changed" (after a lost connection). */
export interface StoreChange {
  readonly id: string | null;
  /** Only an outbox item's delivery was marked. */
  readonly delivery?: boolean;
}

/** A member of staff's signing key: the PKCS#12 file as issued, still encrypted with their passphrase. */
export interface SigningKey {
  /** Base64 of the .p12 file. The passphrase that opens it is never stored. */
  readonly p12: string;
  /** Hex serial number, issuing CA and validity of its certificate, for lists and warnings. */
  readonly serial: string;
  readonly issuer: string;
  readonly validTo: string;
  readonly fingerprint256: string;
  readonly registeredAt: string;
  readonly registeredBy: string;
  /** Made by `anyqtama demo` for a demo login: opened with the published demo passphrase. */
  readonly demo?: boolean;
}

export interface User {
  readonly login: string;
  readonly role: Exclude<Role, 'citizen' | 'system'>;
  readonly fullName: string;
  readonly organisationId?: string;
  readonly iin?: string;
  /** scrypt hash as `scrypt$N$r$p$salt$hash` (base64); never the password itself. */
  readonly passwordHash?: string;
  readonly publicKeys?: readonly string[];
  readonly signingKey?: SigningKey;
  readonly lang?: Lang;
  readonly disabled?: boolean;
  readonly createdAt: string;
}

/**
 * What is audited: call-centre look-ups of a request's status (issue 5), and what the server
 * operator's `anyqtama` command changed or showed in full (issue 13).
 */
export type AuditKind = 'lookup' | 'cli';

/** One line of the audit log: who looked at what, from where, and what they got. Never changed once written. */
export interface AuditEntry {
  /** ISO date-time. */
  readonly at: string;
  readonly actor: string;
  readonly role: string;
  readonly kind: AuditKind;
  /**
   * What was looked up or changed: a request number (a mistyped one as typed only when it is shaped
   * like a number, else "?": app/lookups.ts auditSubject), a login, a file. Audit lines hold no IIN,
   * name or phone.
   */
  readonly subject: string;
  /** A look-up's result; `done` or `refused` for a command (kind `cli`). */
  readonly outcome: 'found' | 'notFound' | 'invalid' | 'throttled' | 'done' | 'refused';
  /** Where it came from, e.g. `ssh:10.0.0.5` or `cli`. */
  readonly source?: string;
  /** Kind `cli`: the command and its sub-command, e.g. `act take`, `users password`, `keys remove`. */
  readonly command?: string;
  /** Kind `cli`: the operating-system account that ran it (the `--as` login is `actor`, and asks for no password). */
  readonly osUser?: string;
}

export interface AuditFilter {
  readonly kind?: string;
  readonly actor?: string;
  /** Only entries at or after this ISO date-time. */
  readonly since?: string;
  /** At most this many, the newest. */
  readonly limit?: number;
}

/**
 * One Telegram chat with the citizen bot: the language chosen, the phone Telegram verified, and
 * where the conversation stands, so a restart continues where the citizen was (issue 6).
 */
export interface BotChat {
  readonly chatId: number;
  /** The Telegram user on the other side (a private chat: the same number as the chat). */
  readonly userId: number;
  readonly lang?: Lang;
  /** +7XXXXXXXXXX, from a contact the user shared of themselves (Telegram verified it). */
  readonly phone?: string;
  readonly phoneSharedAt?: string;
  /** The highest update processed: Telegram delivers again what a crash left unconfirmed. */
  readonly lastUpdateId?: number;
  /** The conversation's state (the bot's own JSON), or null at the menu. */
  readonly flow: unknown;
  /**
   * ISO times of failed status checks, kept by bots before issue 14 and no longer written: the
   * citizen desk reads failures from the audit log, as the call-centre's look-ups do. Old records may carry it.
   */
  readonly failedChecks?: readonly string[];
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** Held by one process of those sharing a store at a time (PostgreSQL advisory lock). */
export interface Lease {
  readonly held: boolean;
  /** Gives it up (if held) and stops trying. */
  release(): Promise<void>;
}

/**
 * The storage port, split by who uses it (issue 14): a consumer's type names the parts it reads or
 * writes, so a front-end that reaches past src/app shows in its signature. `Store` is all of them;
 * every adapter (lowdb embedded, PostgreSQL) implements the whole and passes one contract suite
 * (test/store/contract.ts).
 */

/** Reading requests: the queue, a request by id or number, the status look-up's summary. */
export interface RequestReader {
  get(id: string): Promise<Request | null>;
  getByNumber(number: string): Promise<Request | null>;
  /** The summary of a request by number, without reading the whole request: status look-ups. */
  summaryByNumber(number: string): Promise<RequestSummary | null>;
  list(filter: ListFilter): Promise<Page<RequestSummary>>;
}

/**
 * Writing requests: only the request service (src/app/requests.ts) and the retention sweep. Saves
 * are compare-and-set on the request's version: of two clerks acting on one request, one succeeds
 * and the other gets CONFLICT, never a lost update. A write is acknowledged only once it is on disk.
 */
export interface RequestStore extends RequestReader {
  /** Stores a new request; CONFLICT if the id exists. */
  create(request: Request): Promise<Result<Request>>;
  /** Stores `request` if the stored version is still `expectedVersion` (request.version must be expectedVersion + 1). */
  save(request: Request, expectedVersion: number): Promise<Result<Request>>;
  /** Next free request sequence number for a year (1, 2, ...). */
  nextSequence(year: number): Promise<number>;
  /**
   * Deletes the requests still in DRAFT (a counter intake put aside) last changed before `before`,
   * with their history; blobs are content-addressed and may be shared, so they stay. Returns how many.
   */
  sweepDrafts(before: string): Promise<number>;
}

/** The notifications kept beside each request: the notifier's side of the store. */
export interface OutboxStore {
  pendingOutbox(limit: number): Promise<readonly OutboxEntry[]>;
  /**
   * Claims up to `limit` undelivered items for `sender` for `leaseMs`, the first undelivered one of
   * each request: items another sender holds are skipped until its claim expires, so two processes
   * never send one notification; one a dead sender held goes to another from the step it reached.
   */
  claimOutbox(sender: string, limit: number, leaseMs: number): Promise<readonly OutboxEntry[]>;
  /** Gives up `sender`'s claims (a notifier stopping), so another sender need not wait for them to lapse. */
  releaseOutbox(sender: string): Promise<void>;
  /** Records that Telegram accepted `stepsDone` steps of an item (the idempotency key of each step). */
  outboxProgress(requestId: string, itemId: string, stepsDone: number): Promise<void>;
  /** Marks an outbox item delivered; idempotent. */
  ackOutbox(requestId: string, itemId: string, at: string): Promise<void>;
}

/** Staff accounts: log-in, roles, signing keys. */
export interface UserStore {
  listUsers(): Promise<readonly User[]>;
  getUser(login: string): Promise<User | null>;
  putUser(user: User): Promise<void>;
}

/** Files by content: attachments and signed PDFs. */
export interface BlobStore {
  /** Stores content by its SHA-256 and returns the hash; storing the same content twice is a no-op. */
  putBlob(content: Uint8Array): Promise<string>;
  getBlob(sha256: string): Promise<Uint8Array | null>;
  /** The stored content's size in bytes, or null when nothing is stored under that hash: read without the content. */
  blobSize(sha256: string): Promise<number | null>;
}

/** The citizen bot's conversations. */
export interface ChatStore {
  getChat(chatId: number): Promise<BotChat | null>;
  /** Stores the chat's record; resolves once it is on disk. */
  putChat(chat: BotChat): Promise<void>;
  /**
   * Deletes the bot conversations whose last message (`updatedAt`) is before `before` (ISO):
   * an abandoned questionnaire must not keep a phone and answers for ever. Returns how many.
   */
  sweepChats(before: string): Promise<number>;
}

/** The audit log: call-centre look-ups and operator commands. */
export interface AuditStore {
  /** Appends to the audit log; resolves once the entry is on disk. */
  appendAudit(entry: AuditEntry): Promise<void>;
  /** Audit entries matching the filter, newest first. */
  listAudit(filter: AuditFilter): Promise<readonly AuditEntry[]>;
}

/** Everything, a few at a time: copying a store and its checksum (store/digest.ts, store/pg/import.ts), not the screens. */
export interface StoreScans {
  /** Every request in full (history, outbox with its delivery marks), in no promised order. */
  scanRequests(): AsyncIterable<Request>;
  /** The SHA-256 of every stored blob (attachments, signed PDFs), in no promised order. */
  scanBlobs(): AsyncIterable<string>;
  /** Every bot conversation, in no promised order. */
  scanChats(): AsyncIterable<BotChat>;
}

/** What other processes sharing the store changed: the request service's screen refresh. */
export interface ChangeFeed {
  /**
   * Changes made by other processes sharing the store, as they are committed; undefined where no
   * other process can write (the embedded store's lock). Returns the unsubscribe function.
   */
  watch?(listener: (change: StoreChange) => void): () => void;
}

/** Opening and closing: what the process that wired the adapter (cli/context.ts, serve) needs. */
export interface StoreLifecycle {
  readonly kind: string;
  /**
   * Tries for the lease `name` until released, calling `onChange(true)` when it is this process's and
   * `onChange(false)` if it is lost; undefined where only one process can open the store anyway.
   */
  holdLease?(name: string, onChange: (held: boolean) => void): Lease;
  close(): Promise<void>;
}

/** The whole port: what an adapter implements and the CLI's context hands out. Consumers take a part. */
export interface Store
  extends RequestStore,
    OutboxStore,
    UserStore,
    BlobStore,
    ChatStore,
    AuditStore,
    StoreScans,
    ChangeFeed,
    StoreLifecycle {}

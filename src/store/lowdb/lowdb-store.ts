import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { diskProblem } from '../disk-problem.js';
import type { Request } from '../../core/request.js';
import { domainError, fail, ok, type Result } from '../../core/result.js';
import { diskErrorCode, StoreDiskFailed, type AuditEntry, type AuditFilter, type BotChat, type ListFilter, type OutboxEntry, type Page, type RequestSummary, type Store, type User } from '../port.js';
import { AuditLog } from './audit-log.js';
import { makeDir, readJson, writeFileDurably } from '../durable-file.js';
import { DurableJsonFile } from './durable-file.js';
import { IndexJournal } from './index-journal.js';
import { acquireLock } from './lock.js';
import { DIR_MODE, tightenPermissions } from './permissions.js';
import { KeyedSerial } from '../../core/serial.js';
import type { MessageRef } from '../../core/i18n/catalogue.js';
import { query, restOf, summarise } from './summary.js';

export interface LowdbStoreOptions {
  readonly dataDir: string;
  /** Named in the lock file, so a second process can say who holds the store. */
  readonly command: string;
  /** Journal lines before a new index snapshot is cut. */
  readonly compactAfter?: number;
  /** Request documents kept in memory for fast look-ups. */
  readonly cacheSize?: number;
  /** Says (stderr, in the reader's language) how many files and folders open to others were made private at open. */
  readonly warn?: (message: MessageRef) => void;
}

const FORMAT = 1;

/**
 * The embedded store: one lowdb document per request (so a change rewrites ~2 KB, not the whole
 * store), an in-memory index made durable by a snapshot and journal (index-journal.ts), durable
 * atomic writes (../durable-file.ts), and a lock so that only one process opens it.
 */
export class LowdbStore implements Store {
  readonly kind = 'lowdb';
  private readonly queues = new KeyedSerial<string>();
  private readonly cache = new Map<string, Request>();
  private readonly sequences = new Map<number, number>();
  /** Folders this process made or found, so a write does not ask for them again. */
  private readonly madeDirs = new Set<string>();

  private constructor(
    private readonly dir: string,
    private readonly index: IndexJournal,
    private readonly users: Low<{ users: User[] }>,
    private readonly release: () => Promise<void>,
    private readonly cacheSize: number,
    private readonly audit: AuditLog,
  ) {}

  static async open(options: LowdbStoreOptions): Promise<Result<LowdbStore>> {
    const dir = options.dataDir;
    await mkdir(dir, { recursive: true, mode: DIR_MODE });
    // The lock comes before anything in the data dir is read or written (recovery included).
    const lock = await acquireLock(join(dir, 'store.lock'), options.command);
    if (!lock.ok) {
      if (!lock.holder) return fail(domainError('STORE_LOCKED', { key: 'store.lockUnreadable', params: { path: join(dir, 'store.lock') } }));
      const { pid, host, command, since } = lock.holder;
      return fail(domainError('STORE_LOCKED', { key: 'store.locked', params: { dir, pid, host, command, since } }));
    }
    try {
      await tightenPermissions(dir, options.warn);
      const marker = await readJson<{ format: number }>(join(dir, 'store.json'));
      if (marker && marker.format > FORMAT) {
        await lock.release();
        return fail(domainError('STORE_FAILED', { key: 'store.newerFormat', params: { dir, found: marker.format, supported: FORMAT } }));
      }
      if (!marker) await writeFileDurably(join(dir, 'store.json'), JSON.stringify({ format: FORMAT, createdAt: new Date().toISOString() }));
      const { index, suspect } = await IndexJournal.open(join(dir, 'index'), options.compactAfter ?? 10_000);
      // Generations left by compactions that a kill interrupted; safe only under the lock (above).
      await index.removeStaleGenerations();
      const users = new Low(new DurableJsonFile<{ users: User[] }>(join(dir, 'users.json')), { users: [] });
      await users.read();
      const store = new LowdbStore(dir, index, users, lock.release, options.cacheSize ?? 5_000, await AuditLog.open(join(dir, 'audit')));
      await store.recover(suspect);
      store.countSequences();
      return ok(store);
    } catch (error) {
      await lock.release();
      throw error;
    }
  }

  private docPath(id: string): string {
    return join(this.dir, 'requests', id.slice(0, 2), `${id}.json`);
  }

  /**
   * After an unclean stop, trusts each recently changed request's file over its journal line. On a
   * disk that refuses the repair's journal line (full) the repair is made in memory only and the
   * run is marked unclean, so the next start-up checks the same files again: reads keep working.
   */
  private async recover(suspect: readonly string[]): Promise<void> {
    for (const id of suspect) {
      const doc = await readJson<Request>(this.docPath(id)).catch(() => null);
      const entry = this.index.get(id);
      if (!doc) {
        if (entry) await this.index.forget(id);
      } else if (!entry || entry.version !== doc.version || entry.pendingOutbox.length !== summarise(doc).pendingOutbox.length) {
        await this.index.repair(summarise(doc));
      }
      const shard = join(this.dir, 'requests', id.slice(0, 2));
      const leftovers = (await readdir(shard).catch(() => [] as string[])).filter((n) => n.startsWith(`.${id}.json.`));
      await Promise.all(leftovers.map((n) => unlink(join(shard, n)).catch(() => undefined)));
    }
  }

  private countSequences(): void {
    for (const e of this.index.values()) {
      if (!e.number) continue;
      const [yy, seq] = e.number.split('-');
      const year = Number(yy);
      this.sequences.set(year, Math.max(this.sequences.get(year) ?? 0, Number(seq)));
    }
  }

  /** Runs `work` after every earlier operation on the same request: one writer per request at a time. */
  private exclusive<T>(id: string, work: () => Promise<T>): Promise<T> {
    return this.queues.run(id, work);
  }

  private async write(doc: Request): Promise<Result<Request>> {
    try {
      await this.index.commit(summarise(doc), async () => {
        await makeDir(join(this.dir, 'requests', doc.id.slice(0, 2)));
        const file = new Low<Request>(new DurableJsonFile(this.docPath(doc.id)), doc);
        await file.write();
      });
    } catch (error) {
      const disk = diskErrorCode(error);
      // Full, read-only or failing disk: "not saved, tell the administrator" (app/unavailable.ts names what).
      if (disk) return fail(diskProblem(disk));
      const reason = (error as NodeJS.ErrnoException).code ?? String(error);
      return fail(domainError('STORE_FAILED', { key: 'store.writeFailed', params: { reason } }));
    }
    this.remember(doc);
    return ok(doc);
  }

  private remember(doc: Request): void {
    this.cache.delete(doc.id);
    this.cache.set(doc.id, doc);
    if (this.cache.size > this.cacheSize) this.cache.delete(this.cache.keys().next().value as string);
  }

  create(request: Request): Promise<Result<Request>> {
    return this.exclusive(request.id, async () => {
      if (this.index.get(request.id)) return fail(domainError('CONFLICT', { key: 'store.exists', params: { id: request.id } }));
      return this.write(request);
    });
  }

  save(request: Request, expectedVersion: number): Promise<Result<Request>> {
    return this.exclusive(request.id, async () => {
      const current = this.index.get(request.id);
      if (!current) return fail(domainError('NOT_FOUND', { key: 'store.notFound', params: { number: request.number ?? request.id } }));
      if (current.version !== expectedVersion) {
        return fail(domainError('CONFLICT', { key: 'store.conflict', params: { number: request.number ?? request.id } }));
      }
      if (request.version !== expectedVersion + 1) throw new Error(`save: version ${request.version} after ${expectedVersion}`);
      const stored = await this.get(request.id);
      return this.write(keepDeliveryMarks(request, stored));
    });
  }

  async get(id: string): Promise<Request | null> {
    const cached = this.cache.get(id);
    if (cached) return cached;
    if (!this.index.get(id)) return null;
    const doc = await readJson<Request>(this.docPath(id));
    if (doc) this.remember(doc);
    return doc;
  }

  async getByNumber(number: string): Promise<Request | null> {
    const id = this.index.idOfNumber(number);
    return id ? this.get(id) : null;
  }

  async summaryByNumber(number: string): Promise<RequestSummary | null> {
    const id = this.index.idOfNumber(number);
    return id ? (this.index.get(id) ?? null) : null;
  }

  async list(filter: ListFilter): Promise<Page<RequestSummary>> {
    return this.index.queues.page(filter, restOf(filter)) ?? query(this.index.values(), filter);
  }

  async nextSequence(year: number): Promise<number> {
    const yy = year % 100;
    const next = (this.sequences.get(yy) ?? 0) + 1;
    this.sequences.set(yy, next);
    return next;
  }

  async pendingOutbox(limit: number): Promise<readonly OutboxEntry[]> {
    const out: OutboxEntry[] = [];
    for (const id of [...this.index.pending]) {
      const doc = await this.get(id);
      if (!doc) continue;
      for (const item of doc.outbox) {
        if (item.deliveredAt) continue;
        out.push({ requestId: doc.id, number: doc.number, service: doc.service, lang: doc.lang, contact: doc.contact, item });
        if (out.length >= limit) return out;
      }
    }
    return out;
  }

  /** One process holds the embedded store, so a claim only keeps its own passes from taking an item twice. */
  private readonly claims = new Map<string, { sender: string; until: number }>();

  async claimOutbox(sender: string, limit: number, leaseMs: number): Promise<readonly OutboxEntry[]> {
    const now = Date.now();
    const out: OutboxEntry[] = [];
    for (const id of [...this.index.pending]) {
      const doc = await this.get(id);
      const item = doc?.outbox.find((o) => !o.deliveredAt);
      if (!doc || !item) continue;
      const claim = this.claims.get(item.id);
      if (claim && claim.sender !== sender && claim.until > now) continue;
      this.claims.set(item.id, { sender, until: now + leaseMs });
      out.push({ requestId: doc.id, number: doc.number, service: doc.service, lang: doc.lang, contact: doc.contact, item, stepsDone: item.stepsDone ?? 0 });
      if (out.length >= limit) break;
    }
    return out;
  }

  async releaseOutbox(sender: string): Promise<void> {
    for (const [item, claim] of this.claims) if (claim.sender === sender) this.claims.delete(item);
  }

  outboxProgress(requestId: string, itemId: string, stepsDone: number): Promise<void> {
    return this.exclusive(requestId, async () => {
      const doc = await this.get(requestId);
      if (!doc || !doc.outbox.some((o) => o.id === itemId && (o.stepsDone ?? 0) < stepsDone)) return;
      const marked = { ...doc, outbox: doc.outbox.map((o) => (o.id === itemId ? { ...o, stepsDone } : o)) };
      const saved = await this.write(marked);
      if (!saved.ok) throw new Error(`outbox progress not stored: ${saved.error.message.key}`);
    });
  }

  ackOutbox(requestId: string, itemId: string, at: string): Promise<void> {
    return this.exclusive(requestId, async () => {
      const doc = await this.get(requestId);
      if (!doc || !doc.outbox.some((o) => o.id === itemId && !o.deliveredAt)) return;
      const marked = { ...doc, outbox: doc.outbox.map((o) => (o.id === itemId ? { ...o, deliveredAt: at } : o)) };
      this.claims.delete(itemId);
      const saved = await this.write(marked);
      if (!saved.ok) throw new Error(`outbox acknowledgement not stored: ${saved.error.message.key}`);
    });
  }

  async listUsers(): Promise<readonly User[]> {
    return this.users.data.users;
  }

  async getUser(login: string): Promise<User | null> {
    return this.users.data.users.find((u) => u.login === login) ?? null;
  }

  /** Memory changes only once the file is written: a refused write (full disk) leaves both as they were. */
  putUser(user: User): Promise<void> {
    return this.exclusive('users', () => onDisk(async () => {
      const users = [...this.users.data.users];
      const i = users.findIndex((u) => u.login === user.login);
      if (i >= 0) users[i] = user;
      else users.push(user);
      const next = { users };
      await this.users.adapter.write(next);
      this.users.data = next;
    }));
  }

  private blobPath(sha256: string): string {
    return join(this.dir, 'blobs', sha256.slice(0, 2), sha256);
  }

  async putBlob(content: Uint8Array): Promise<string> {
    const sha256 = createHash('sha256').update(content).digest('hex');
    const path = this.blobPath(sha256);
    if (!(await stat(path).then(() => true, () => false))) {
      await onDisk(async () => {
        await makeDir(join(this.dir, 'blobs', sha256.slice(0, 2)));
        await writeFileDurably(path, content);
      });
    }
    return sha256;
  }

  async getBlob(sha256: string): Promise<Uint8Array | null> {
    if (!/^[0-9a-f]{64}$/.test(sha256)) return null;
    return readFile(this.blobPath(sha256)).catch(() => null);
  }

  async blobSize(sha256: string): Promise<number | null> {
    if (!/^[0-9a-f]{64}$/.test(sha256)) return null;
    return stat(this.blobPath(sha256)).then((s) => (s.isFile() ? s.size : null), () => null);
  }

  /**
   * A chat's record, in one of 100 folders by the chat id's last two digits: every update rewrites
   * its chat's file (temp file, rename), and in a single folder 200 chats at once queue on that
   * folder's lock and on ext4 looking for free inodes (BENCHMARKS.md, bench/bot).
   */
  private chatPath(chatId: number): string {
    const id = Math.trunc(chatId);
    return join(this.chatsDir(id), `${id}.json`);
  }

  private chatsDir(chatId: number): string {
    return join(this.dir, 'bot', 'chats', String(Math.abs(chatId) % 100).padStart(2, '0'));
  }

  async getChat(chatId: number): Promise<BotChat | null> {
    if (!Number.isSafeInteger(chatId)) return null;
    return readJson<BotChat>(this.chatPath(chatId));
  }

  putChat(chat: BotChat): Promise<void> {
    if (!Number.isSafeInteger(chat.chatId)) return Promise.reject(new Error(`putChat: chat id ${chat.chatId} is not an integer`));
    // One chat's writes in order, like a request's: the bot handles one update per chat at a time anyway.
    return this.exclusive(`chat:${chat.chatId}`, () => onDisk(async () => {
      const dir = this.chatsDir(chat.chatId);
      if (!this.madeDirs.has(dir)) {
        await makeDir(dir);
        this.madeDirs.add(dir);
      }
      await writeFileDurably(this.chatPath(chat.chatId), JSON.stringify(chat));
    }));
  }

  async sweepChats(before: string): Promise<number> {
    let deleted = 0;
    for (const name of await namesIn(join(this.dir, 'bot', 'chats'), /^-?\d+\.json$/)) {
      const chatId = Number(name.slice(0, -'.json'.length));
      // Read again under the chat's turn: a message arriving meanwhile keeps the chat.
      deleted += await this.exclusive(`chat:${chatId}`, async () => {
        const path = this.chatPath(chatId);
        const chat = await readJson<BotChat>(path).catch(() => null);
        const last = chat?.updatedAt ?? chat?.createdAt ?? (await stat(path).then((s) => s.mtime.toISOString(), () => null));
        if (last === null || last >= before) return 0;
        await unlink(path);
        return 1;
      });
    }
    return deleted;
  }

  async sweepDrafts(before: string): Promise<number> {
    let deleted = 0;
    const old = [...this.index.values()].filter((e) => e.state === 'DRAFT' && e.updatedAt < before).map((e) => e.id);
    for (const id of old) {
      deleted += await this.exclusive(id, async () => {
        const entry = this.index.get(id);
        if (!entry || entry.state !== 'DRAFT' || entry.updatedAt >= before) return 0;
        // The file first, then the index line: a crash in between leaves an index entry without a
        // file, which the next start forgets (recover); the other order would bring the draft back.
        await unlink(this.docPath(id)).catch((error: NodeJS.ErrnoException) => {
          if (error.code !== 'ENOENT') throw error;
        });
        await this.index.forget(id);
        this.cache.delete(id);
        return 1;
      });
    }
    return deleted;
  }

  appendAudit(entry: AuditEntry): Promise<void> {
    return onDisk(() => this.audit.append(entry));
  }

  listAudit(filter: AuditFilter): Promise<readonly AuditEntry[]> {
    return this.audit.list(filter);
  }

  async close(): Promise<void> {
    await this.queues.idle();
    await this.audit.close();
    await this.index.close();
    await this.release();
  }

  /** Each request's file as it is, bypassing the cache: a scan would push out the requests clerks are working on. */
  async *scanRequests(): AsyncIterable<Request> {
    for (const id of [...this.index.values()].map((e) => e.id)) {
      const doc = this.cache.get(id) ?? (await readJson<Request>(this.docPath(id)));
      if (doc) yield doc;
    }
  }

  async *scanBlobs(): AsyncIterable<string> {
    for (const name of await namesIn(join(this.dir, 'blobs'), /^[0-9a-f]{64}$/)) yield name;
  }

  async *scanChats(): AsyncIterable<BotChat> {
    for (const name of await namesIn(join(this.dir, 'bot', 'chats'), /^-?\d+\.json$/)) {
      const chat = await readJson<BotChat>(this.chatPath(Number(name.slice(0, -'.json'.length))));
      if (chat) yield chat;
    }
  }
}

/** Runs a write; a disk that refuses it (ENOSPC, EROFS, EIO, ...) becomes a StoreDiskFailed the app turns into a message. */
async function onDisk<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const disk = diskErrorCode(error);
    throw disk && !(error instanceof StoreDiskFailed) ? new StoreDiskFailed(disk) : error;
  }
}

/** Names matching `pattern` in the two-character shard folders under `root` (none when it does not exist yet). */
async function namesIn(root: string, pattern: RegExp): Promise<string[]> {
  const shards = (await readdir(root).catch(() => [] as string[])).filter((s) => s.length === 2).sort();
  const names: string[] = [];
  for (const shard of shards) names.push(...(await readdir(join(root, shard)).catch(() => [] as string[])).filter((n) => pattern.test(n)).sort());
  return names;
}

/** Delivery marks belong to the store, not to the request's author: a save never erases them. */
function keepDeliveryMarks(next: Request, stored: Request | null): Request {
  if (!stored) return next;
  const marked = new Map(stored.outbox.filter((o) => o.deliveredAt || o.stepsDone).map((o) => [o.id, o]));
  if (marked.size === 0) return next;
  return {
    ...next,
    outbox: next.outbox.map((o) => {
      const m = marked.get(o.id);
      if (!m) return o;
      return {
        ...o,
        ...(m.deliveredAt && !o.deliveredAt ? { deliveredAt: m.deliveredAt } : {}),
        ...((m.stepsDone ?? 0) > (o.stepsDone ?? 0) ? { stepsDone: m.stepsDone } : {}),
      };
    }),
  };
}

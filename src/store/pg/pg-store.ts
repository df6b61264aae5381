import { createHash, randomUUID } from 'node:crypto';
import pg from 'pg';
import type { HistoryEvent, OutboxItem, Request } from '../../core/request.js';
import { domainError, fail, ok, type Result } from '../../core/result.js';
import { StoreUnavailable, type AuditEntry, type AuditFilter, type BotChat, type ListFilter, type OutboxEntry, type Page, type RequestSummary, type Store, type StoreChange, type User, type Lease } from '../port.js';
import { AdvisoryLease } from './lease.js';
import { LATEST, migrate, schemaVersion } from './migrations.js';
import { fold, listQuery, rowToSummary, SUMMARY_COLUMNS, type SummaryRow } from './list-query.js';

export interface PgStoreOptions {
  readonly url: string;
  /** Tables in this schema instead of the database's default (tests: one schema each). */
  readonly schema?: string;
  /** Connections kept open (default 10). */
  readonly poolSize?: number;
  /** Who connects, as `pg_stat_activity` shows it. */
  readonly application?: string;
  /** Told when the database drops a connection or the change feed reconnects. */
  readonly log?: (line: string) => void;
}

/** Connection errors: the database is down, restarting or unreachable (not a bad query). */
export function isUnavailable(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  if (typeof e?.code === 'string') {
    if (/^(08|57P0)/.test(e.code)) return true; // connection exception, admin shutdown, crash shutdown, cannot connect now
    if (['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH'].includes(e.code)) return true;
  }
  // pg-pool's own: every connection busy (or the server not answering) for connectionTimeoutMillis.
  return /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|not queryable/i.test(e?.message ?? '');
}

const unavailable = (reason: string) => fail(domainError('STORE_FAILED', { key: 'store.unavailable', params: { reason } }));
const reasonOf = (error: unknown) => (error as { code?: string }).code ?? (error as Error).message ?? String(error);

/** Summary columns of a request, in SUMMARY_COLUMNS' order after id. */
export function columns(r: Request): unknown[] {
  const last = r.history.at(-1);
  return [
    r.number, r.state, r.service, r.office, r.receivedBy, r.channel,
    r.due?.dueDate ?? '9999-12-31', Boolean(r.due?.dueDate),
    r.applicant.iin, r.applicant.fullName, fold(r.applicant.fullName),
    r.submittedAt ?? '', r.updatedAt, r.contact?.telegramChatId ?? null,
    last ? JSON.stringify({ at: last.at, action: last.action, to: last.to }) : null,
  ];
}

/** The request without what lives in its own tables. */
export function docOf(r: Request): string {
  const { history: _h, outbox: _o, ...rest } = r;
  return JSON.stringify(rest);
}

export const outboxJson = (r: Request) => JSON.stringify(r.outbox.map((o, position) => {
  const { deliveredAt: _d, stepsDone: _s, ...item } = o;
  return { item_id: o.id, position, item };
}));
export const eventsJson = (r: Request) => JSON.stringify(r.history.map((e) => ({ seq: e.seq, event: e })));

/** Inserting a change's events and outbox rows, in the same statement as the request itself. */
const CHILDREN = `
  ev AS (INSERT INTO request_events (request_id, seq, event)
         SELECT w.id, (x->>'seq')::int, x->'event' FROM w, json_array_elements($19::json) x
         ON CONFLICT DO NOTHING RETURNING 1),
  ob AS (INSERT INTO outbox (request_id, item_id, position, item)
         SELECT w.id, x->>'item_id', (x->>'position')::int, x->'item' FROM w, json_array_elements($20::json) x
         ON CONFLICT DO NOTHING RETURNING 1),
  nt AS (SELECT pg_notify($21, $22 || ' ' || w.id || ' ' || w.version) FROM w)
  SELECT (SELECT count(*) FROM w)::int AS written, (SELECT count(*) FROM ev) AS e, (SELECT count(*) FROM ob) AS o, (SELECT count(*) FROM nt) AS n`;

const INSERT = `
  WITH w AS (
    INSERT INTO requests (id, number, version, state, service, office, received_by, channel, due_key, has_due,
      applicant_iin, applicant_name, applicant_fold, submitted_key, updated_at, chat_id, last_event, doc)
    VALUES ($1, $3, $2, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)
    ON CONFLICT DO NOTHING RETURNING id, version),
  ${CHILDREN}`;

const UPDATE = `
  WITH w AS (
    UPDATE requests SET number = $3, version = $2, state = $4, service = $5, office = $6, received_by = $7,
      channel = $8, due_key = $9, has_due = $10, applicant_iin = $11, applicant_name = $12, applicant_fold = $13,
      submitted_key = $14, updated_at = $15, chat_id = $16, last_event = $17, doc = $18
    WHERE id = $1 AND version = $23 RETURNING id, version),
  ${CHILDREN}`;

const READ = `
  SELECT r.doc,
    (SELECT json_agg(e.event ORDER BY e.seq) FROM request_events e WHERE e.request_id = r.id) AS history,
    (SELECT json_agg(json_build_object('item', o.item, 'deliveredAt', o.delivered_at, 'stepsDone', o.steps_done) ORDER BY o.position)
       FROM outbox o WHERE o.request_id = r.id) AS outbox
  FROM requests r`;

interface ReadRow {
  doc: Omit<Request, 'history' | 'outbox'>;
  history: HistoryEvent[] | null;
  outbox: Array<{ item: OutboxItem; deliveredAt: string | null; stepsDone: number }> | null;
}

const assemble = (row: ReadRow): Request => ({
  ...row.doc,
  history: row.history ?? [],
  outbox: (row.outbox ?? []).map((o) => ({
    ...o.item,
    ...(o.deliveredAt ? { deliveredAt: o.deliveredAt } : {}),
    ...(o.stepsDone > 0 ? { stepsDone: o.stepsDone } : {}),
  })),
});

/**
 * The PostgreSQL store: one row per request (its summary columns, indexed for the queues, plus the
 * document), its history in `request_events` and its notifications in `outbox`. A change is one
 * statement (so one transaction): the request compare-and-set on its version, its new events and
 * outbox rows, and a NOTIFY that tells every other process which request changed.
 */
export class PgStore implements Store {
  readonly kind = 'postgres';
  /** This process, in NOTIFY payloads: its own changes are not reported back to it. */
  readonly origin = randomUUID().slice(0, 8);
  private readonly channel: string;
  private feed: ChangeFeed | null = null;
  private readonly leases = new Set<AdvisoryLease>();

  private constructor(readonly pool: pg.Pool, private readonly options: PgStoreOptions) {
    this.channel = `anyqtama_changes${options.schema ? `_${options.schema}` : ''}`.slice(0, 63);
  }

  static config(options: PgStoreOptions): pg.PoolConfig {
    return {
      connectionString: options.url,
      max: options.poolSize ?? 10,
      application_name: options.application ?? 'anyqtama',
      connectionTimeoutMillis: 5_000,
      ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
    };
  }

  /** Applies the missing schema steps to the database (and schema) of `options`, on a connection of its own. */
  static async migrate(options: PgStoreOptions): Promise<Awaited<ReturnType<typeof migrate>>> {
    const client = new pg.Client(PgStore.config(options));
    await client.connect();
    try {
      return await migrate(client);
    } finally {
      await client.end();
    }
  }

  /** Connects and checks the schema: `migrate` must have run, and no newer program may have migrated it. */
  static async open(options: PgStoreOptions): Promise<Result<PgStore>> {
    const pool = new pg.Pool(PgStore.config(options));
    // An idle connection the server dropped (a restart) must not take the process down.
    pool.on('error', (error) => options.log?.(`database: idle connection lost (${reasonOf(error)})`));
    let version: number;
    try {
      const client = await pool.connect();
      try {
        version = await schemaVersion(client);
      } finally {
        client.release();
      }
    } catch (error) {
      await pool.end().catch(() => undefined);
      return fail(domainError('STORE_FAILED', { key: 'store.cannotConnect', params: { url: redact(options.url), reason: reasonOf(error) } }));
    }
    if (version !== LATEST) {
      await pool.end();
      const key = version > LATEST ? 'store.newerSchema' : 'store.needsMigrate';
      return fail(domainError('STORE_FAILED', { key, params: { found: version, supported: LATEST } }));
    }
    return ok(new PgStore(pool, options));
  }

  /** A query; a lost or refused connection becomes StoreUnavailable (pg's pool reconnects on the next one). */
  private async q<R extends pg.QueryResultRow = pg.QueryResultRow>(sql: string, params?: unknown[]): Promise<pg.QueryResult<R>> {
    try {
      return await this.pool.query<R>(sql, params);
    } catch (error) {
      if (isUnavailable(error)) throw new StoreUnavailable(reasonOf(error));
      throw error;
    }
  }

  private async write(sql: string, request: Request, expected: number | null): Promise<number> {
    const params = [
      request.id, request.version, ...columns(request), docOf(request),
      eventsJson(request), outboxJson(request), this.channel, this.origin,
      ...(expected === null ? [] : [expected]),
    ];
    const result = await this.q<{ written: number }>(sql, params);
    return result.rows[0]!.written;
  }

  async create(request: Request): Promise<Result<Request>> {
    try {
      const written = await this.write(INSERT, request, null);
      if (written === 0) return fail(domainError('CONFLICT', { key: 'store.exists', params: { id: request.id } }));
      return ok(request);
    } catch (error) {
      if ((error as { code?: string }).code === '23505') return fail(domainError('CONFLICT', { key: 'store.exists', params: { id: request.number ?? request.id } }));
      if (error instanceof StoreUnavailable) return unavailable(error.reason);
      throw error;
    }
  }

  async save(request: Request, expectedVersion: number): Promise<Result<Request>> {
    if (request.version !== expectedVersion + 1) throw new Error(`save: version ${request.version} after ${expectedVersion}`);
    try {
      const written = await this.write(UPDATE, request, expectedVersion);
      // Committed: acknowledged as it was written (delivery marks are the store's, read with get()).
      if (written === 1) return ok(request);
      const exists = await this.q('SELECT 1 FROM requests WHERE id = $1', [request.id]);
      const number = request.number ?? request.id;
      return exists.rowCount
        ? fail(domainError('CONFLICT', { key: 'store.conflict', params: { number } }))
        : fail(domainError('NOT_FOUND', { key: 'store.notFound', params: { number } }));
    } catch (error) {
      if (error instanceof StoreUnavailable) return unavailable(error.reason);
      throw error;
    }
  }

  async get(id: string): Promise<Request | null> {
    const result = await this.q<ReadRow>(`${READ} WHERE r.id = $1`, [id]);
    return result.rows[0] ? assemble(result.rows[0]) : null;
  }

  async getByNumber(number: string): Promise<Request | null> {
    const result = await this.q<ReadRow>(`${READ} WHERE r.number = $1`, [number]);
    return result.rows[0] ? assemble(result.rows[0]) : null;
  }

  async summaryByNumber(number: string): Promise<RequestSummary | null> {
    const result = await this.q<SummaryRow>(`SELECT ${SUMMARY_COLUMNS} FROM requests r WHERE r.number = $1`, [number]);
    return result.rows[0] ? rowToSummary(result.rows[0]) : null;
  }

  async list(filter: ListFilter): Promise<Page<RequestSummary>> {
    const { page, count, params, countParams } = listQuery(filter);
    const [rows, total] = await Promise.all([
      this.q<SummaryRow>(page, params),
      this.q<{ total: string }>(count, countParams),
    ]);
    return { items: rows.rows.map(rowToSummary), total: Number(total.rows[0]!.total) };
  }

  async nextSequence(year: number): Promise<number> {
    const result = await this.q<{ last: number }>(
      `INSERT INTO request_sequences (year, last) VALUES ($1, 1)
       ON CONFLICT (year) DO UPDATE SET last = request_sequences.last + 1 RETURNING last`, [year % 100]);
    return result.rows[0]!.last;
  }

  async pendingOutbox(limit: number): Promise<readonly OutboxEntry[]> {
    const result = await this.q<OutboxRow>(`${OUTBOX_SELECT} WHERE o.delivered_at IS NULL ORDER BY o.queued LIMIT $1`, [limit]);
    return result.rows.map(outboxEntry);
  }

  /**
   * Claims up to `limit` undelivered items for `sender` for `leaseMs`: rows another sender holds are
   * skipped (FOR UPDATE SKIP LOCKED, then the lease), so two processes never send the same item; a
   * sender that dies leaves its claim to expire, and the item goes to another from the step it reached.
   * Only the first undelivered item of each request is offered: a request's notices go in order.
   */
  async claimOutbox(sender: string, limit: number, leaseMs: number): Promise<readonly OutboxEntry[]> {
    const result = await this.q<OutboxRow>(
      `WITH c AS (
         SELECT o.request_id, o.item_id FROM outbox o
         WHERE o.delivered_at IS NULL AND (o.claimed_until IS NULL OR o.claimed_until < now() OR o.claimed_by = $2)
           AND NOT EXISTS (SELECT 1 FROM outbox p WHERE p.request_id = o.request_id AND p.delivered_at IS NULL AND p.position < o.position)
         ORDER BY o.queued LIMIT $1 FOR UPDATE SKIP LOCKED),
       u AS (
         UPDATE outbox o SET claimed_by = $2, claimed_until = now() + make_interval(secs => $3::double precision / 1000)
         FROM c WHERE o.request_id = c.request_id AND o.item_id = c.item_id RETURNING o.*)
       SELECT u.request_id, u.item_id, u.item, u.steps_done, u.queued, r.number, r.service, r.doc->>'lang' AS lang, r.doc->'contact' AS contact
       FROM u JOIN requests r ON r.id = u.request_id ORDER BY u.queued`,
      [limit, sender, leaseMs]);
    return result.rows.map(outboxEntry);
  }

  async releaseOutbox(sender: string): Promise<void> {
    await this.q('UPDATE outbox SET claimed_until = NULL WHERE claimed_by = $1 AND delivered_at IS NULL', [sender]);
  }

  async outboxProgress(requestId: string, itemId: string, stepsDone: number): Promise<void> {
    await this.q('UPDATE outbox SET steps_done = GREATEST(steps_done, $3) WHERE request_id = $1 AND item_id = $2', [requestId, itemId, stepsDone]);
  }

  async ackOutbox(requestId: string, itemId: string, at: string): Promise<void> {
    await this.q(
      `WITH a AS (UPDATE outbox SET delivered_at = $3, claimed_until = NULL
                  WHERE request_id = $1 AND item_id = $2 AND delivered_at IS NULL RETURNING request_id)
       SELECT pg_notify($4, $5 || ' ' || a.request_id || ' ack') FROM a`,
      [requestId, itemId, at, this.channel, this.origin]);
  }

  async listUsers(): Promise<readonly User[]> {
    return (await this.q<{ doc: User }>('SELECT doc FROM users ORDER BY login')).rows.map((r) => r.doc);
  }

  async getUser(login: string): Promise<User | null> {
    return (await this.q<{ doc: User }>('SELECT doc FROM users WHERE login = $1', [login])).rows[0]?.doc ?? null;
  }

  async putUser(user: User): Promise<void> {
    await this.q('INSERT INTO users (login, doc) VALUES ($1, $2) ON CONFLICT (login) DO UPDATE SET doc = EXCLUDED.doc', [user.login, JSON.stringify(user)]);
  }

  async putBlob(content: Uint8Array): Promise<string> {
    const sha256 = createHash('sha256').update(content).digest('hex');
    await this.q('INSERT INTO blobs (sha256, size, content) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [sha256, content.length, Buffer.from(content)]);
    return sha256;
  }

  async getBlob(sha256: string): Promise<Uint8Array | null> {
    if (!/^[0-9a-f]{64}$/.test(sha256)) return null;
    const found = await this.q<{ content: Buffer }>('SELECT content FROM blobs WHERE sha256 = $1', [sha256]);
    return found.rows[0]?.content ?? null;
  }

  async blobSize(sha256: string): Promise<number | null> {
    if (!/^[0-9a-f]{64}$/.test(sha256)) return null;
    const found = await this.q<{ size: string | number }>('SELECT size FROM blobs WHERE sha256 = $1', [sha256]);
    return found.rows[0] ? Number(found.rows[0].size) : null;
  }

  async getChat(chatId: number): Promise<BotChat | null> {
    if (!Number.isSafeInteger(chatId)) return null;
    return (await this.q<{ doc: BotChat }>('SELECT doc FROM chats WHERE chat_id = $1', [chatId])).rows[0]?.doc ?? null;
  }

  async putChat(chat: BotChat): Promise<void> {
    if (!Number.isSafeInteger(chat.chatId)) throw new Error(`putChat: chat id ${chat.chatId} is not an integer`);
    await this.q(
      'INSERT INTO chats (chat_id, updated_at, doc) VALUES ($1, $2, $3) ON CONFLICT (chat_id) DO UPDATE SET updated_at = EXCLUDED.updated_at, doc = EXCLUDED.doc',
      [chat.chatId, chat.updatedAt, JSON.stringify(chat)]);
  }

  async sweepChats(before: string): Promise<number> {
    return (await this.q('DELETE FROM chats WHERE updated_at < $1', [before])).rowCount ?? 0;
  }

  /**
   * One statement, so one transaction: the drafts' history and outbox rows, then the drafts, each
   * still a draft and still old (a draft being saved meanwhile is locked, and stays).
   */
  async sweepDrafts(before: string): Promise<number> {
    const result = await this.q<{ n: number }>(
      `WITH d AS (SELECT id FROM requests WHERE state = 'DRAFT' AND updated_at < $1 FOR UPDATE SKIP LOCKED),
            e AS (DELETE FROM request_events WHERE request_id IN (SELECT id FROM d)),
            o AS (DELETE FROM outbox WHERE request_id IN (SELECT id FROM d)),
            r AS (DELETE FROM requests WHERE id IN (SELECT id FROM d) RETURNING id)
       SELECT (SELECT count(*) FROM r)::int AS n`,
      [before]);
    return result.rows[0]!.n;
  }

  async appendAudit(entry: AuditEntry): Promise<void> {
    await this.q('INSERT INTO audit (at, actor, kind, entry) VALUES ($1, $2, $3, $4)', [entry.at, entry.actor, entry.kind, JSON.stringify(entry)]);
  }

  async listAudit(filter: AuditFilter): Promise<readonly AuditEntry[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.kind) where.push(`kind = $${params.push(filter.kind)}`);
    if (filter.actor) where.push(`actor = $${params.push(filter.actor)}`);
    if (filter.since) where.push(`at >= $${params.push(filter.since)}`);
    const limit = filter.limit !== undefined ? ` LIMIT $${params.push(filter.limit)}` : '';
    const sql = `SELECT entry FROM audit ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY at DESC, id DESC${limit}`;
    return (await this.q<{ entry: AuditEntry }>(sql, params)).rows.map((r) => r.entry);
  }

  /** Changes other processes make, as they commit (LISTEN on a connection of its own, reconnected when lost). */
  watch(listener: (change: StoreChange) => void): () => void {
    this.feed ??= new ChangeFeed(PgStore.config(this.options), this.channel, this.origin, this.options.log);
    return this.feed.subscribe(listener);
  }

  holdLease(name: string, onChange: (held: boolean) => void): Lease {
    const lease = new AdvisoryLease(PgStore.config(this.options), name, onChange);
    this.leases.add(lease);
    return lease;
  }

  async close(): Promise<void> {
    await Promise.all([...this.leases].map((l) => l.release()));
    await this.feed?.close();
    await this.pool.end();
  }

  /** A page at a time in key order (keyset, not OFFSET), so a large store is never held in memory at once. */
  private async *scan<R extends pg.QueryResultRow>(sql: string, key: (row: R) => string, first: string): AsyncIterable<R> {
    let after = first;
    for (;;) {
      const rows = (await this.q<R>(sql, [after, SCAN_PAGE])).rows;
      yield* rows;
      if (rows.length < SCAN_PAGE) return;
      after = key(rows.at(-1)!);
    }
  }

  async *scanRequests(): AsyncIterable<Request> {
    const sql = `${READ} WHERE r.id > $1 ORDER BY r.id LIMIT $2`;
    for await (const row of this.scan<ReadRow>(sql, (r) => r.doc.id, '')) yield assemble(row);
  }

  async *scanBlobs(): AsyncIterable<string> {
    const sql = 'SELECT sha256 FROM blobs WHERE sha256 > $1 ORDER BY sha256 LIMIT $2';
    for await (const row of this.scan<{ sha256: string }>(sql, (r) => r.sha256, '')) yield row.sha256;
  }

  async *scanChats(): AsyncIterable<BotChat> {
    // chat_id is a bigint, which pg returns as a string: the key goes back as text and is cast.
    const sql = 'SELECT chat_id, doc FROM chats WHERE chat_id > $1::bigint ORDER BY chat_id LIMIT $2';
    for await (const row of this.scan<{ chat_id: string; doc: BotChat }>(sql, (r) => r.chat_id, '-9223372036854775808')) yield row.doc;
  }
}

const SCAN_PAGE = 500;

interface OutboxRow {
  request_id: string;
  item_id: string;
  item: OutboxItem;
  steps_done: number;
  number: string | null;
  service: Request['service'];
  lang: Request['lang'];
  contact: Request['contact'] | null;
}

const OUTBOX_SELECT = `
  SELECT o.request_id, o.item_id, o.item, o.steps_done, r.number, r.service, r.doc->>'lang' AS lang, r.doc->'contact' AS contact
  FROM outbox o JOIN requests r ON r.id = o.request_id`;

function outboxEntry(row: OutboxRow): OutboxEntry {
  return {
    requestId: row.request_id,
    number: row.number,
    service: row.service,
    lang: row.lang,
    contact: row.contact ?? undefined,
    item: row.item,
    stepsDone: row.steps_done,
  };
}

/** postgres://user:secret@host/db → postgres://user:***@host/db, for messages. */
export function redact(url: string): string {
  return url.replace(/(\/\/[^:/@]+:)[^@]*@/, '$1***@');
}

/**
 * One LISTEN connection shared by the watchers of a store. When the database drops it (a restart),
 * it reconnects with backoff and then reports a change of every request (`id: null`), since what
 * happened meanwhile was not heard.
 */
class ChangeFeed {
  private client: pg.Client | null = null;
  private readonly listeners = new Set<(change: StoreChange) => void>();
  private closed = false;
  private retry: NodeJS.Timeout | undefined;
  private failures = 0;

  constructor(private readonly config: pg.PoolConfig, private readonly channel: string, private readonly origin: string, private readonly log?: (line: string) => void) {
    void this.connect(false);
  }

  subscribe(listener: (change: StoreChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(change: StoreChange): void {
    for (const l of this.listeners) l(change);
  }

  private async connect(reconnecting: boolean): Promise<void> {
    if (this.closed) return;
    const client = new pg.Client(this.config);
    client.on('error', () => undefined);
    client.on('end', () => {
      if (this.client !== client || this.closed) return;
      this.client = null;
      this.log?.('database: change feed lost, reconnecting');
      this.schedule();
    });
    client.on('notification', (n) => {
      const [origin, id, what] = (n.payload ?? '').split(' ');
      if (origin === this.origin || !id) return;
      this.emit({ id, ...(what === 'ack' ? { delivery: true } : {}) });
    });
    try {
      await client.connect();
      await client.query(`LISTEN "${this.channel}"`);
    } catch {
      await client.end().catch(() => undefined);
      this.schedule();
      return;
    }
    if (this.closed) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.failures = 0;
    if (reconnecting) {
      this.log?.('database: change feed back');
      this.emit({ id: null });
    }
  }

  private schedule(): void {
    if (this.closed) return;
    const wait = Math.min(250 * 2 ** this.failures++, 5_000);
    clearTimeout(this.retry);
    this.retry = setTimeout(() => void this.connect(true), wait);
    this.retry.unref();
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retry);
    await this.client?.end().catch(() => undefined);
  }
}

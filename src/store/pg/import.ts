import { createHash } from 'node:crypto';
import type pg from 'pg';
import type { Request } from '../../core/request.js';
import { hashOf } from '../digest.js';
import type { StoreContents } from '../digest.js';
import type { AuditEntry, BlobStore } from '../port.js';
import { columns, docOf, eventsJson, type PgStore } from './pg-store.js';

/**
 * The writes of `anyqtama store copy`: another store's content into PostgreSQL, idempotently, so
 * a second run (or one after an interrupted run) adds nothing and a run after the source changed
 * adds only the change. Requests go over by version: a newer one in the source replaces the
 * target's, an older one never does. Delivery marks only ever get added (a citizen who was told
 * is not told again). Work is committed in batches: an interruption loses at most one batch,
 * which the next run writes again.
 */

/** What this run wrote into the target. */
export interface CopiedCounts {
  /** Requests new in the target or replaced by a newer version. */
  requests: number;
  events: number;
  outbox: number;
  /** Delivery marks the target did not have yet. */
  delivered: number;
  blobs: number;
  users: number;
  chats: number;
  audit: number;
  /** Years whose numbering was moved past the copied numbers. */
  sequences: number;
}

export interface CopyOutcome {
  readonly copied: Readonly<CopiedCounts>;
  /** Numbers the target holds for another request: those requests were not copied. */
  readonly numberClashes: readonly string[];
  /** Requests the target holds at a higher version (changed there after an earlier copy): left as they are. */
  readonly newerInTarget: readonly string[];
  /** Blobs whose content does not have the hash they are stored under (or is gone): not copied. */
  readonly damagedBlobs: readonly string[];
}

export interface CopyOptions {
  /** Items written per transaction (default 200): what an interruption may cost. */
  readonly batch?: number;
}

/**
 * One statement per request: the request compare-by-version upserted (unless its number belongs to
 * another request there), its events and outbox rows added when it was written, and delivery marks
 * added to outbox rows the target already has. `before` and `cur` read the rows as they were.
 */
const UPSERT_REQUEST = `
  WITH cur AS (SELECT version FROM requests WHERE id = $1),
  before AS (SELECT item_id, delivered_at FROM outbox WHERE request_id = $1),
  w AS (
    INSERT INTO requests (id, number, version, state, service, office, received_by, channel, due_key, has_due,
      applicant_iin, applicant_name, applicant_fold, submitted_key, updated_at, chat_id, last_event, doc)
    SELECT $1, $3, $2::int, $4, $5, $6, $7, $8, $9, $10::boolean, $11, $12, $13, $14, $15, $16::bigint, $17::json, $18::json
    WHERE NOT EXISTS (SELECT 1 FROM requests x WHERE x.number = $3 AND x.id <> $1)
    ON CONFLICT (id) DO UPDATE SET number = EXCLUDED.number, version = EXCLUDED.version, state = EXCLUDED.state,
      service = EXCLUDED.service, office = EXCLUDED.office, received_by = EXCLUDED.received_by, channel = EXCLUDED.channel,
      due_key = EXCLUDED.due_key, has_due = EXCLUDED.has_due, applicant_iin = EXCLUDED.applicant_iin,
      applicant_name = EXCLUDED.applicant_name, applicant_fold = EXCLUDED.applicant_fold, submitted_key = EXCLUDED.submitted_key,
      updated_at = EXCLUDED.updated_at, chat_id = EXCLUDED.chat_id, last_event = EXCLUDED.last_event, doc = EXCLUDED.doc
    WHERE requests.version < EXCLUDED.version
    RETURNING id),
  ev AS (INSERT INTO request_events (request_id, seq, event)
         SELECT w.id, (x->>'seq')::int, x->'event' FROM w, json_array_elements($19::json) x
         ON CONFLICT DO NOTHING RETURNING 1),
  ob AS (INSERT INTO outbox (request_id, item_id, position, item, delivered_at, steps_done)
         SELECT w.id, x->>'item_id', (x->>'position')::int, x->'item', x->>'delivered_at', (x->>'steps_done')::int
         FROM w, json_array_elements($20::json) x
         ON CONFLICT (request_id, item_id) DO UPDATE
           SET delivered_at = COALESCE(outbox.delivered_at, EXCLUDED.delivered_at), steps_done = GREATEST(outbox.steps_done, EXCLUDED.steps_done)
           WHERE (outbox.delivered_at IS NULL AND EXCLUDED.delivered_at IS NOT NULL) OR outbox.steps_done < EXCLUDED.steps_done
         RETURNING item_id, delivered_at),
  mk AS (UPDATE outbox o SET delivered_at = COALESCE(o.delivered_at, x->>'delivered_at'), steps_done = GREATEST(o.steps_done, (x->>'steps_done')::int)
         FROM json_array_elements($20::json) x
         WHERE NOT EXISTS (SELECT 1 FROM w) AND o.request_id = $1 AND o.item_id = x->>'item_id'
           AND ((o.delivered_at IS NULL AND x->>'delivered_at' IS NOT NULL) OR o.steps_done < (x->>'steps_done')::int)
         RETURNING o.item_id, o.delivered_at)
  SELECT (SELECT version FROM cur) AS had, (SELECT count(*) FROM w)::int AS written, (SELECT count(*) FROM ev)::int AS events,
    (SELECT count(*) FROM ob WHERE NOT EXISTS (SELECT 1 FROM before b WHERE b.item_id = ob.item_id))::int AS outbox,
    (SELECT count(*) FROM (SELECT * FROM ob UNION ALL SELECT * FROM mk) m WHERE m.delivered_at IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM before b WHERE b.item_id = m.item_id AND b.delivered_at IS NOT NULL))::int AS delivered`;

/** The outbox with the store's delivery bookkeeping, which a save through the port never writes. */
const outboxWithMarks = (r: Request) => JSON.stringify(r.outbox.map((o, position) => {
  const { deliveredAt, stepsDone, ...item } = o;
  return { item_id: o.id, position, item, delivered_at: deliveredAt ?? null, steps_done: stepsDone ?? 0 };
}));

/** Copies everything `source` holds into `target`: blobs first, so no copied request names a missing file. */
export async function copyStore(source: StoreContents & Pick<BlobStore, 'getBlob'>, target: PgStore, options: CopyOptions = {}): Promise<CopyOutcome> {
  const inBatches = <T>(items: AsyncIterable<T> | Iterable<T>, work: (client: pg.PoolClient, batch: T[]) => Promise<void>) =>
    batched(target, options.batch ?? 200, items, work);
  const copied: CopiedCounts = { requests: 0, events: 0, outbox: 0, delivered: 0, blobs: 0, users: 0, chats: 0, audit: 0, sequences: 0 };
  const outcome = { copied, numberClashes: [] as string[], newerInTarget: [] as string[], damagedBlobs: [] as string[] };
  await inBatches(source.scanBlobs(), async (client, hashes) => {
    const present = await client.query<{ sha256: string }>('SELECT sha256 FROM blobs WHERE sha256 = ANY($1)', [hashes]);
    const have = new Set(present.rows.map((r) => r.sha256));
    for (const hash of hashes.filter((h) => !have.has(h))) {
      const content = await source.getBlob(hash);
      if (!content || createHash('sha256').update(content).digest('hex') !== hash) {
        outcome.damagedBlobs.push(hash);
        continue;
      }
      const put = await client.query('INSERT INTO blobs (sha256, size, content) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [hash, content.length, Buffer.from(content)]);
      copied.blobs += put.rowCount ?? 0;
    }
  });
  for (const user of await source.listUsers()) {
    const put = await target.pool.query(
      `INSERT INTO users (login, doc) VALUES ($1, $2) ON CONFLICT (login) DO UPDATE SET doc = EXCLUDED.doc
       WHERE users.doc::text IS DISTINCT FROM EXCLUDED.doc::text`, [user.login, JSON.stringify(user)]);
    copied.users += put.rowCount ?? 0;
  }
  const sequences = new Map<number, number>();
  await inBatches(source.scanRequests(), async (client, requests) => {
    for (const r of requests) {
      await copyRequest(client, r, outcome);
      const [yy, seq] = (r.number ?? '').split('-');
      if (seq) sequences.set(Number(yy), Math.max(sequences.get(Number(yy)) ?? 0, Number(seq)));
    }
  });
  for (const [year, last] of sequences) {
    const raised = await target.pool.query(
      `INSERT INTO request_sequences (year, last) VALUES ($1, $2)
       ON CONFLICT (year) DO UPDATE SET last = EXCLUDED.last WHERE request_sequences.last < EXCLUDED.last`, [year, last]);
    copied.sequences += raised.rowCount ?? 0;
  }
  await inBatches(source.scanChats(), async (client, chats) => {
    for (const chat of chats) {
      const put = await client.query(
        `INSERT INTO chats (chat_id, updated_at, doc) VALUES ($1, $2, $3) ON CONFLICT (chat_id) DO UPDATE
         SET updated_at = EXCLUDED.updated_at, doc = EXCLUDED.doc WHERE chats.updated_at COLLATE "C" < EXCLUDED.updated_at COLLATE "C"`,
        [chat.chatId, chat.updatedAt, JSON.stringify(chat)]);
      copied.chats += put.rowCount ?? 0;
    }
  });
  copied.audit = await copyAudit(await source.listAudit({}), inBatches);
  return outcome;
}

async function copyRequest(client: pg.PoolClient, r: Request, outcome: { copied: CopiedCounts; numberClashes: string[]; newerInTarget: string[] }): Promise<void> {
  const params = [r.id, r.version, ...columns(r), docOf(r), eventsJson(r), outboxWithMarks(r)];
  const row = (await client.query<{ had: number | null; written: number; events: number; outbox: number; delivered: number }>(UPSERT_REQUEST, params)).rows[0]!;
  const { copied } = outcome;
  copied.requests += row.written;
  copied.events += row.events;
  copied.outbox += row.outbox;
  copied.delivered += row.delivered;
  if (row.written) return;
  if (row.had === null) outcome.numberClashes.push(r.number ?? r.id);
  else if (row.had > r.version) outcome.newerInTarget.push(r.number ?? r.id);
}

/**
 * Audit lines have no key of their own: each copied line is keyed by the hash of its content and
 * how many identical lines came before it (two look-ups in the same millisecond are two lines).
 * Oldest first, so the target's ids follow the order the lines were written in.
 */
async function copyAudit(newestFirst: readonly AuditEntry[], inBatches: Batched<AuditEntry>): Promise<number> {
  const seen = new Map<string, number>();
  let added = 0;
  await inBatches([...newestFirst].reverse(), async (client, entries) => {
    for (const entry of entries) {
      const hash = hashOf(entry);
      const occurrence = seen.get(hash) ?? 0;
      seen.set(hash, occurrence + 1);
      const digest = occurrence === 0 ? hash : hashOf({ entry: hash, occurrence });
      const put = await client.query(
        'INSERT INTO audit (at, actor, kind, entry, digest) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (digest) DO NOTHING',
        [entry.at, entry.actor, entry.kind, JSON.stringify(entry), digest]);
      added += put.rowCount ?? 0;
    }
  });
  return added;
}

type Batched<T> = (items: Iterable<T>, work: (client: pg.PoolClient, batch: T[]) => Promise<void>) => Promise<void>;

/** Runs `work` on `size` items at a time, each batch in a transaction of its own. */
async function batched<T>(target: PgStore, size: number, items: AsyncIterable<T> | Iterable<T>, work: (client: pg.PoolClient, batch: T[]) => Promise<void>): Promise<void> {
  const client = await target.pool.connect();
  const flush = async (batch: T[]) => {
    await client.query('BEGIN');
    try {
      await work(client, batch);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  };
  let failed = false;
  try {
    let batch: T[] = [];
    for await (const item of items) {
      batch.push(item);
      if (batch.length >= size) {
        await flush(batch);
        batch = [];
      }
    }
    if (batch.length) await flush(batch);
  } catch (error) {
    failed = true;
    throw error;
  } finally {
    // A connection that failed mid-transaction is not given back to the pool for reuse.
    client.release(failed);
  }
}

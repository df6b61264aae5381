import pg from 'pg';
import type { Reference } from '../../src/config/reference.js';
import type { Request } from '../../src/core/request.js';
import { migrate } from '../../src/store/pg/migrations.js';
import { columns, docOf, eventsJson, outboxJson, PgStore } from '../../src/store/pg/pg-store.js';
import { RequestGenerator } from './generate.js';

/** What the bench leaves on its schema (as the schema's comment) to know it is loaded and when. */
export interface LoadMark {
  readonly requests: number;
  /** ISO instant the load started: every change after it was made by the bench. */
  readonly loadedAt: string;
  readonly seconds: number;
}

const quote = (schema: string) => {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`schema name ${schema}: lower-case letters, digits and _ only`);
  return schema;
};

export async function loadMark(admin: pg.ClientBase, schema: string): Promise<LoadMark | null> {
  const found = await admin.query<{ c: string | null }>("SELECT obj_description(oid, 'pg_namespace') AS c FROM pg_namespace WHERE nspname = $1", [schema]);
  const comment = found.rows[0]?.c;
  if (!comment) return null;
  try {
    return JSON.parse(comment) as LoadMark;
  } catch {
    return null;
  }
}

/**
 * The insert of a batch: the same columns, in the same order and from the same functions
 * (columns, docOf, eventsJson, outboxJson) as PgStore's INSERT, with one row per array element, and
 * the events and outbox rows expanded exactly as PgStore's CHILDREN statement does. Deliveries are
 * set as ackOutbox would have set them.
 */
const BATCH_INSERT = `
  WITH w AS (
    INSERT INTO requests (id, version, number, state, service, office, received_by, channel, due_key, has_due,
      applicant_iin, applicant_name, applicant_fold, submitted_key, updated_at, chat_id, last_event, doc)
    SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
      $9::text[], $10::bool[], $11::text[], $12::text[], $13::text[], $14::text[], $15::text[], $16::bigint[], $17::json[], $18::json[])
    RETURNING 1),
  ev AS (INSERT INTO request_events (request_id, seq, event)
         SELECT u.id, (x->>'seq')::int, x->'event' FROM unnest($1::text[], $19::json[]) u(id, events), json_array_elements(u.events) x
         RETURNING 1),
  ob AS (INSERT INTO outbox (request_id, item_id, position, item, delivered_at)
         SELECT u.id, x->>'item_id', (x->>'position')::int, x->'item', u.delivered->>(x->>'item_id')
         FROM unnest($1::text[], $20::json[], $21::json[]) u(id, items, delivered), json_array_elements(u.items) x
         RETURNING 1)
  SELECT (SELECT count(*) FROM w)::int AS requests, (SELECT count(*) FROM ev)::int AS events, (SELECT count(*) FROM ob)::int AS outbox`;

/** A request as PgStore's INSERT parameters: id, version, the summary columns, the document. */
export const rowOf = (r: Request): unknown[] => [r.id, r.version, ...columns(r), docOf(r)];

/** Rows → one array per column (unnest's input), plus events, outbox and deliveries. */
function batchParams(batch: readonly Request[]): unknown[][] {
  const rows = batch.map(rowOf);
  const params = rows[0]!.map((_, k) => rows.map((row) => row[k]));
  const delivered = (r: Request) => JSON.stringify(Object.fromEntries(r.outbox.filter((o) => o.deliveredAt).map((o) => [o.id, o.deliveredAt])));
  return [...params, batch.map(eventsJson), batch.map(outboxJson), batch.map(delivered)];
}

/**
 * Drops the secondary indexes and the foreign keys of the tables the load fills and returns the
 * statements that put them back, exactly as the migrations defined them (pg_get_indexdef,
 * pg_get_constraintdef): building an index once after the load is several times faster than
 * keeping seven of them up to date row by row.
 */
async function deferIndexes(client: pg.ClientBase): Promise<string[]> {
  const indexes = await client.query<{ name: string; def: string }>(`
    SELECT i.relname AS name, pg_get_indexdef(x.indexrelid) AS def
    FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
    WHERE t.relnamespace = current_schema()::regnamespace AND t.relname IN ('requests', 'request_events', 'outbox')
      AND NOT x.indisprimary AND NOT x.indisunique`);
  const keys = await client.query<{ tab: string; name: string; def: string }>(`
    SELECT c.conrelid::regclass::text AS tab, c.conname AS name, pg_get_constraintdef(c.oid) AS def
    FROM pg_constraint c WHERE c.contype = 'f' AND c.connamespace = current_schema()::regnamespace`);
  for (const k of keys.rows) await client.query(`ALTER TABLE ${k.tab} DROP CONSTRAINT ${k.name}`);
  for (const i of indexes.rows) await client.query(`DROP INDEX ${i.name}`);
  return [...indexes.rows.map((i) => i.def), ...keys.rows.map((k) => `ALTER TABLE ${k.tab} ADD CONSTRAINT ${k.name} ${k.def}`)];
}

/** Inserts a batch of requests in one statement (one transaction): what the load does batch after batch. */
export async function insertBatch(client: pg.ClientBase, batch: readonly Request[]): Promise<{ requests: number; events: number; outbox: number }> {
  return (await client.query<{ requests: number; events: number; outbox: number }>(BATCH_INSERT, batchParams(batch))).rows[0]!;
}

export interface LoadReport {
  readonly loaded: boolean;
  readonly mark: LoadMark;
  readonly rows?: { requests: number; events: number; outbox: number };
  readonly vacuumSeconds?: number;
}

/**
 * The bench's schema with `count` requests: reused when it already holds that many (loading 1M takes
 * minutes), else dropped, migrated and loaded. Batches go in one statement (one transaction) each,
 * while the next batch is generated.
 */
export async function prepareSchema(options: {
  url: string; schema: string; count: number; fresh: boolean; batch: number; reference: Reference; log: (line: string) => void;
}): Promise<LoadReport> {
  const schema = quote(options.schema);
  const admin = new pg.Client({ connectionString: options.url });
  await admin.connect();
  try {
    const mark = await loadMark(admin, schema);
    if (mark && mark.requests === options.count && !options.fresh) {
      // A newer program may have added migrations since the load: they apply to loaded data as to any.
      await PgStore.migrate({ url: options.url, schema, application: 'anyqtama bench-load' });
      return { loaded: false, mark };
    }
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.query(`CREATE SCHEMA ${schema}`);
  } finally {
    await admin.end();
  }
  const pool = new pg.Pool(PgStore.config({ url: options.url, schema, poolSize: 1, application: 'anyqtama bench-load' }));
  const client = await pool.connect();
  try {
    await migrate(client);
    // The load is one big import: a crash means loading again, so no need to wait for each commit's flush.
    await client.query('SET synchronous_commit = off');
    await client.query("SET maintenance_work_mem = '512MB'");
    const deferred = await deferIndexes(client);
    const started = new Date();
    const generator = new RequestGenerator({ reference: options.reference, now: started });
    const totals = { requests: 0, events: 0, outbox: 0 };
    let pending: Promise<void> | null = null;
    let lastLog = performance.now();
    for (let done = 0; done < options.count;) {
      const size = Math.min(options.batch, options.count - done);
      const batch = Array.from({ length: size }, () => generator.next());
      done += size;
      await pending;
      pending = insertBatch(client, batch).then((r) => {
        totals.requests += r.requests;
        totals.events += r.events;
        totals.outbox += r.outbox;
      });
      if (performance.now() - lastLog > 10_000) {
        lastLog = performance.now();
        const rate = Math.round(done / ((Date.now() - started.getTime()) / 1000));
        options.log(`  loaded ${done.toLocaleString('en')} requests (${rate.toLocaleString('en')}/s)`);
      }
    }
    await pending;
    for (const statement of deferred) await client.query(statement);
    for (const [year, last] of generator.lastSequences()) {
      await client.query('INSERT INTO request_sequences (year, last) VALUES ($1, $2) ON CONFLICT (year) DO UPDATE SET last = EXCLUDED.last', [year, last]);
    }
    const loadSeconds = (Date.now() - started.getTime()) / 1000;
    // VACUUM, not only ANALYZE: a running system's tables have been vacuumed (visibility map set, so
    // counting a queue can be an index-only scan); a freshly loaded one has not.
    const v = performance.now();
    await client.query('VACUUM (ANALYZE) requests, request_events, outbox, request_sequences');
    const vacuumSeconds = (performance.now() - v) / 1000;
    const newMark: LoadMark = { requests: options.count, loadedAt: started.toISOString(), seconds: Math.round(loadSeconds * 10) / 10 };
    await client.query(`COMMENT ON SCHEMA ${schema} IS '${JSON.stringify(newMark)}'`);
    return { loaded: true, mark: newMark, rows: totals, vacuumSeconds: Math.round(vacuumSeconds * 10) / 10 };
  } finally {
    client.release();
    await pool.end();
  }
}

export interface RelationSize {
  readonly name: string;
  readonly rows: number;
  /** Heap and TOAST (0 for an index). */
  readonly tableBytes: number;
  readonly indexBytes: number;
  /** pg_total_relation_size: table, TOAST and indexes. */
  readonly totalBytes: number;
}

/** Each table of the schema (largest first), then each index of `requests`. */
export async function relationSizes(pool: pg.Pool): Promise<{ tables: readonly RelationSize[]; requestIndexes: readonly RelationSize[] }> {
  type Row = { name: string; rows: string; table: string; indexes: string; total: string };
  const toSize = (r: Row): RelationSize => ({ name: r.name, rows: Number(r.rows), tableBytes: Number(r.table), indexBytes: Number(r.indexes), totalBytes: Number(r.total) });
  const tables = await pool.query<Row>(`
    SELECT c.relname AS name, c.reltuples::bigint AS rows, pg_table_size(c.oid) AS table, pg_indexes_size(c.oid) AS indexes,
           pg_total_relation_size(c.oid) AS total
    FROM pg_class c WHERE c.relkind = 'r' AND c.relnamespace = current_schema()::regnamespace
    ORDER BY total DESC`);
  const indexes = await pool.query<Row>(`
    SELECT i.relname AS name, i.reltuples::bigint AS rows, 0 AS table, pg_relation_size(i.oid) AS indexes, pg_relation_size(i.oid) AS total
    FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
    WHERE x.indrelid = 'requests'::regclass ORDER BY total DESC`);
  return { tables: tables.rows.map(toSize), requestIndexes: indexes.rows.map(toSize) };
}

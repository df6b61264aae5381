import type { ClientBase } from 'pg';

/** A connection: a pool's client or a client of its own (the migration lock is held on one connection). */
type Queryable = Pick<ClientBase, 'query'>;

/**
 * The PostgreSQL schema, as numbered steps. `anyqtama migrate` applies the missing ones, each in its
 * own transaction, under an advisory lock (two `migrate` at once: the second waits, then finds
 * nothing to do). A process refuses to run on a schema newer than the last step it knows, and asks
 * for `migrate` on an older one: it never changes the schema on its own.
 *
 * Text columns that are sorted or compared (dates, ids) use the "C" collation, so the database
 * orders them exactly as JavaScript's string comparison does in the embedded store.
 */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'requests, events, outbox, users, blobs, chats, audit',
    sql: `
      CREATE TABLE requests (
        id text COLLATE "C" PRIMARY KEY,
        number text COLLATE "C" UNIQUE,
        version integer NOT NULL,
        state text NOT NULL,
        service text NOT NULL,
        office text NOT NULL,
        received_by text NOT NULL,
        channel text NOT NULL,
        -- 'YYYY-MM-DD', or '9999-12-31' when there is no due date: the queue's sort key.
        due_key text COLLATE "C" NOT NULL,
        has_due boolean NOT NULL,
        applicant_iin text NOT NULL,
        applicant_name text NOT NULL,
        -- The name folded as the search folds what is typed (lower case, ё as е).
        applicant_fold text NOT NULL,
        submitted_key text COLLATE "C" NOT NULL,
        updated_at text COLLATE "C" NOT NULL,
        chat_id bigint,
        last_event json,
        -- The request without its history and outbox, which have tables of their own.
        doc json NOT NULL
      );
      CREATE INDEX requests_office_queue ON requests (office, state, due_key, submitted_key, id);
      CREATE INDEX requests_centre_queue ON requests (received_by, state, due_key, submitted_key, id);
      CREATE INDEX requests_due ON requests (due_key, submitted_key, id);
      CREATE INDEX requests_applicant_iin ON requests (applicant_iin);
      CREATE INDEX requests_chat ON requests (chat_id) WHERE chat_id IS NOT NULL;

      CREATE TABLE request_events (
        request_id text COLLATE "C" NOT NULL REFERENCES requests (id),
        seq integer NOT NULL,
        event json NOT NULL,
        PRIMARY KEY (request_id, seq)
      );

      CREATE TABLE outbox (
        request_id text COLLATE "C" NOT NULL REFERENCES requests (id),
        item_id text COLLATE "C" NOT NULL,
        position integer NOT NULL,
        queued bigserial NOT NULL,
        item json NOT NULL,
        delivered_at text,
        -- Steps (messages) Telegram accepted: a resend starts after them.
        steps_done integer NOT NULL DEFAULT 0,
        claimed_by text,
        claimed_until timestamptz,
        PRIMARY KEY (request_id, item_id)
      );
      CREATE INDEX outbox_pending ON outbox (queued) WHERE delivered_at IS NULL;

      CREATE TABLE request_sequences (year integer PRIMARY KEY, last integer NOT NULL);

      CREATE TABLE users (login text COLLATE "C" PRIMARY KEY, doc json NOT NULL);

      CREATE TABLE blobs (sha256 text COLLATE "C" PRIMARY KEY, size integer NOT NULL, content bytea NOT NULL);

      CREATE TABLE chats (chat_id bigint PRIMARY KEY, updated_at text NOT NULL, doc json NOT NULL);

      CREATE TABLE audit (
        id bigserial PRIMARY KEY,
        at text COLLATE "C" NOT NULL,
        actor text NOT NULL,
        kind text NOT NULL,
        entry json NOT NULL
      );
      CREATE INDEX audit_at ON audit (at, id);
      CREATE INDEX audit_actor ON audit (actor, at, id);
    `,
  },
  {
    version: 2,
    name: 'audit digest for store copy',
    // An audit line has no natural key, yet "store copy" run twice must add each copied line once:
    // the copy fills this with the SHA-256 of the line's canonical JSON (and its occurrence among
    // identical lines). Lines this store appends itself leave it null, which UNIQUE allows many times.
    sql: `ALTER TABLE audit ADD COLUMN digest text COLLATE "C" UNIQUE;`,
  },
];

export const LATEST = MIGRATIONS.at(-1)!.version;

export async function ensureMigrationTable(client: Queryable): Promise<void> {
  await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())');
}

/** The highest applied step, or 0 on an empty database. */
export async function schemaVersion(client: Queryable): Promise<number> {
  const table = await client.query<{ exists: boolean }>("SELECT to_regclass('schema_migrations') IS NOT NULL AS exists");
  if (!table.rows[0]!.exists) return 0;
  const found = await client.query<{ v: number | null }>('SELECT max(version) AS v FROM schema_migrations');
  return found.rows[0]!.v ?? 0;
}

const MIGRATE_LOCK = 0x616e7971; // 'anyq'

/** Applies the missing steps; returns those applied. Refuses (throws) on a newer schema. */
export async function migrate(client: Queryable): Promise<{ from: number; to: number; applied: readonly Migration[] }> {
  await client.query('SELECT pg_advisory_lock($1)', [MIGRATE_LOCK]);
  try {
    await ensureMigrationTable(client);
    const from = await schemaVersion(client);
    if (from > LATEST) return { from, to: from, applied: [] };
    const applied: Migration[] = [];
    for (const m of MIGRATIONS.filter((x) => x.version > from)) {
      await client.query('BEGIN');
      try {
        await client.query(m.sql);
        await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
      applied.push(m);
    }
    return { from, to: Math.max(from, LATEST), applied };
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATE_LOCK]);
  }
}

import type { Request } from '../../src/core/request.js';
import type { PgStore } from '../../src/store/pg/pg-store.js';
import { rowOf } from './load.js';

/** Logins of the bench's clerks (worker.ts): their takes are undone before the next run. */
export const BENCH_LOGIN = 'bench-';

/** The request as it was before its last event, a bench clerk's take. */
function beforeTake(r: Request): Request | null {
  const last = r.history.at(-1);
  const previous = r.history.at(-2);
  if (!last || !previous || last.action !== 'take' || !last.by.startsWith(BENCH_LOGIN)) return null;
  const outbox = r.outbox.at(-1)?.at === last.at ? r.outbox.slice(0, -1) : r.outbox;
  return { ...r, state: last.from!, version: r.version - 1, updatedAt: previous.at, history: r.history.slice(0, -1), outbox };
}

const UPDATE = `
  UPDATE requests r SET version = u.version, number = u.number, state = u.state, service = u.service, office = u.office,
    received_by = u.received_by, channel = u.channel, due_key = u.due_key, has_due = u.has_due, applicant_iin = u.applicant_iin,
    applicant_name = u.applicant_name, applicant_fold = u.applicant_fold, submitted_key = u.submitted_key, updated_at = u.updated_at,
    chat_id = u.chat_id, last_event = u.last_event, doc = u.doc
  FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::bool[],
    $11::text[], $12::text[], $13::text[], $14::text[], $15::text[], $16::bigint[], $17::json[], $18::json[])
    AS u(id, version, number, state, service, office, received_by, channel, due_key, has_due, applicant_iin, applicant_name,
         applicant_fold, submitted_key, updated_at, chat_id, last_event, doc)
  WHERE r.id = u.id AND r.version = u.version + 1`;

/**
 * Puts back in SUBMITTED every request a bench clerk took since the load, exactly as it was loaded
 * (same columns from the same mapping, the take's event and outbox row removed), so each run starts
 * from the same queue and runs can repeat on a loaded schema. Returns how many were restored.
 */
export async function restoreTaken(store: PgStore, loadedAt: string): Promise<number> {
  const ids = (await store.pool.query<{ id: string }>(
    "SELECT id FROM requests WHERE state = 'IN_WORK' AND updated_at > $1 AND last_event->>'action' = 'take'", [loadedAt])).rows.map((r) => r.id);
  let restored = 0;
  for (let i = 0; i < ids.length; i += 1000) {
    const chunk = ids.slice(i, i + 1000);
    const requests: Request[] = [];
    let next = 0;
    await Promise.all(Array.from({ length: 8 }, async () => {
      while (next < chunk.length) {
        const r = await store.get(chunk[next++]!);
        const before = r && beforeTake(r);
        if (before) requests.push(before);
      }
    }));
    if (requests.length === 0) continue;
    const rows = requests.map(rowOf);
    const client = await store.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(UPDATE, rows[0]!.map((_, k) => rows.map((row) => row[k])));
      await client.query('DELETE FROM request_events e USING unnest($1::text[], $2::int[]) u(id, seq) WHERE e.request_id = u.id AND e.seq > u.seq',
        [requests.map((r) => r.id), requests.map((r) => r.history.length)]);
      await client.query('DELETE FROM outbox o USING unnest($1::text[], $2::int[]) u(id, n) WHERE o.request_id = u.id AND o.position >= u.n',
        [requests.map((r) => r.id), requests.map((r) => r.outbox.length)]);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
    restored += requests.length;
  }
  return restored;
}

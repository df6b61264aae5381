import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { RequestGenerator } from '../../bench/pg/generate.js';
import { insertBatch } from '../../bench/pg/load.js';
import { restoreTaken } from '../../bench/pg/restore.js';
import { systemClock } from '../../src/app/clock.js';
import { RequestService } from '../../src/app/requests.js';
import { PROJECT_ROOT, SHIPPED_DATA } from '../../src/config/paths.js';
import { loadReference } from '../../src/config/reference.js';
import { freshSchema, openPg, TEST_DATABASE_URL, type TestSchema } from '../store/pg-harness.js';

const run = promisify(execFile);
const dropped: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const drop of dropped) await drop();
});

async function dropSchema(schema: string): Promise<void> {
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  try {
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await admin.end();
  }
}

/** Every stored column of the three tables a request lives in, as text, without ids the database chose (outbox.queued). */
async function tablesOf(schema: TestSchema): Promise<string[]> {
  const store = await openPg(schema);
  try {
    const q = async (sql: string) => (await store.pool.query<{ row: string }>(sql)).rows.map((r) => r.row);
    return [
      ...(await q('SELECT r::text AS row FROM requests r ORDER BY id')),
      ...(await q('SELECT e::text AS row FROM request_events e ORDER BY request_id, seq')),
      ...(await q(`SELECT concat_ws(' ', request_id, item_id, position, item::text, delivered_at, steps_done, claimed_by, claimed_until) AS row
                   FROM outbox ORDER BY request_id, position`)),
    ];
  } finally {
    await store.close();
  }
}

describe('bench/pg', () => {
  it('loads requests into exactly the rows PgStore writes when the app stores them and the notifier delivers', async () => {
    const reference = loadReference(SHIPPED_DATA);
    if (!reference.ok) throw new Error(reference.error.message.key);
    const generator = new RequestGenerator({ reference: reference.value, now: new Date(), seed: 3 });
    const requests = Array.from({ length: 60 }, () => generator.next());
    expect(new Set(requests.map((r) => r.state)).size).toBeGreaterThan(3);

    const loaded = await freshSchema();
    const stored = await freshSchema();
    dropped.push(() => loaded.drop(), () => stored.drop());
    const client = new pg.Client({ connectionString: loaded.schemaUrl });
    await client.connect();
    try {
      expect((await insertBatch(client, requests)).requests).toBe(60);
    } finally {
      await client.end();
    }
    const store = await openPg(stored);
    try {
      for (const r of requests) {
        const created = await store.create(r);
        expect(created.ok).toBe(true);
        for (const item of r.outbox) if (item.deliveredAt) await store.ackOutbox(r.id, item.id, item.deliveredAt);
      }
    } finally {
      await store.close();
    }
    expect(await tablesOf(loaded)).toEqual(await tablesOf(stored));
  });

  it('putting back the requests bench clerks took leaves the tables exactly as loaded', async () => {
    const reference = loadReference(SHIPPED_DATA);
    if (!reference.ok) throw new Error(reference.error.message.key);
    const loadedAt = new Date();
    const generator = new RequestGenerator({ reference: reference.value, now: loadedAt, seed: 5 });
    const requests = Array.from({ length: 80 }, () => generator.next());
    const schema = await freshSchema();
    dropped.push(() => schema.drop());
    const client = new pg.Client({ connectionString: schema.schemaUrl });
    await client.connect();
    try {
      await insertBatch(client, requests);
    } finally {
      await client.end();
    }
    const before = await tablesOf(schema);
    const store = await openPg(schema);
    try {
      const service = new RequestService(store, reference.value, systemClock);
      const submitted = requests.filter((r) => r.state === 'SUBMITTED');
      expect(submitted.length).toBeGreaterThan(3);
      for (const r of submitted) {
        const found = await service.find(r.number!);
        if (!found.ok) throw new Error(found.error.code);
        const taken = await service.actOn(found.value, { action: 'take', actor: { login: `bench-${r.office}-0-0`, role: 'clerk', organisationId: r.office }, channel: 'office' });
        expect(taken.ok).toBe(true);
      }
      expect(await tablesOf(schema)).not.toEqual(before);
      expect(await restoreTaken(store, loadedAt.toISOString())).toBe(submitted.length);
    } finally {
      await store.close();
    }
    expect(await tablesOf(schema)).toEqual(before);
  });

  it('a tiny run prints transitions, look-ups and queue pages, and every acknowledged transition is stored', async () => {
    const schema = `b_${randomBytes(5).toString('hex')}`;
    dropped.push(() => dropSchema(schema));
    const { stdout } = await run(process.execPath, [
      join(PROJECT_ROOT, 'dist', 'bench', 'pg.js'),
      '--url', TEST_DATABASE_URL, '--schema', schema, '--fresh', '--requests', '2000', '--seconds', '2', '--warmup', '0', '--samples', '100', '--page-samples', '10',
    ], { encoding: 'utf8', maxBuffer: 1e8, timeout: 150_000 });

    expect(stdout).toMatch(/loaded 2,000 requests/);
    expect(stdout).toMatch(/\| requests \| 2,000 \|/);
    expect(stdout).toMatch(/^\| 1 \| 8 \|/m);
    expect(stdout).toMatch(/^\| 2 \| 16 \|/m);
    expect(stdout).toMatch(/^\| 2, paced at 500\/s \| 16 \|/m);
    expect(stdout).toMatch(/^\| status look-up \(summaryByNumber\) \| {2}\| [\d.]+ \//m);
    expect(stdout).toMatch(/^\| kzo-archives received \| [\d,]+ \| [\d.]+ \//m);
    expect(stdout).toMatch(/^Targets: /m);
    const json = JSON.parse(stdout.split('\n').find((l) => l.startsWith('json '))!.slice(5)) as {
      runs: Array<{ processes: number; rate: number | null; transitions: number; acknowledged: number; conflicts: number; errors: Record<string, number>; lost: number }>;
    };
    expect(json.runs.map((r) => [r.processes, r.rate])).toEqual([[1, null], [2, null], [2, 500]]);
    for (const r of json.runs) {
      expect(r.transitions).toBeGreaterThan(0);
      expect({ conflicts: r.conflicts, errors: r.errors, lost: r.lost }).toEqual({ conflicts: 0, errors: {}, lost: 0 });
    }

    // Independently of the bench's own check: the last run's takes are in the tables, no more, no less.
    const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await client.connect();
    try {
      const found = await client.query<{ n: number }>(`
        SELECT count(*)::int AS n FROM ${schema}.requests r
        JOIN ${schema}.request_events e ON e.request_id = r.id AND e.seq = r.version
        WHERE r.state = 'IN_WORK' AND e.event->>'action' = 'take' AND e.event->>'by' LIKE 'bench-%'`);
      expect(found.rows[0]!.n).toBe(json.runs.at(-1)!.acknowledged);
    } finally {
      await client.end();
    }
  }, 180_000);
});

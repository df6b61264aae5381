import { describe, expect, it } from 'vitest';
import pg from 'pg';
import type { Store } from '../../src/store/port.js';
import { migrate, LATEST } from '../../src/store/pg/migrations.js';
import { PgStore } from '../../src/store/pg/pg-store.js';
import { storeContract } from './contract.js';
import { aRequest, changed } from './fixtures.js';
import { freshSchema, openPg } from './pg-harness.js';

storeContract('postgres', async () => {
  const schema = await freshSchema();
  return {
    open: () => openPg(schema),
    reopen: async (store: Store) => {
      await store.close();
      return openPg(schema);
    },
    cleanup: () => schema.drop(),
  };
});

describe('postgres store', () => {
  it('refuses an unmigrated database and a newer schema, saying what to do, and migrates once', async () => {
    const schema = await freshSchema({ migrated: false });
    try {
      const before = await PgStore.open({ url: schema.url, schema: schema.schema });
      expect(!before.ok && before.error.message.key).toBe('store.needsMigrate');
      const pool = new pg.Pool(PgStore.config({ url: schema.url, schema: schema.schema }));
      const client = await pool.connect();
      expect((await migrate(client)).applied.length).toBe(LATEST);
      expect((await migrate(client)).applied).toEqual([]);
      await client.query("INSERT INTO schema_migrations (version, name) VALUES ($1, 'from the future')", [LATEST + 1]);
      client.release();
      await pool.end();
      const newer = await PgStore.open({ url: schema.url, schema: schema.schema });
      expect(!newer.ok && newer.error.message.key).toBe('store.newerSchema');
      expect(!newer.ok && newer.error.message.params).toMatchObject({ found: LATEST + 1, supported: LATEST });
    } finally {
      await schema.drop();
    }
  });

  it('says which database it could not reach, without the password', async () => {
    const opened = await PgStore.open({ url: 'postgres://clerk:s3cret@127.0.0.1:1/none' });
    expect(!opened.ok && opened.error.message.key).toBe('store.cannotConnect');
    expect(JSON.stringify(!opened.ok && opened.error.message.params)).not.toContain('s3cret');
  });

  it('keeps a change, its events and its outbox rows together: a refused change leaves none of them', async () => {
    const schema = await freshSchema();
    const store = await openPg(schema);
    try {
      const r = aRequest();
      await store.create(r);
      const next = changed(r, 'IN_WORK');
      expect((await store.save(next, 1)).ok).toBe(true);
      const stale = changed(r, 'REFUSED');
      expect((await store.save(stale, 1)).ok).toBe(false);
      const count = async (table: string) => Number((await store.pool.query(`SELECT count(*) AS n FROM ${table} WHERE request_id = $1`, [r.id])).rows[0].n);
      expect(await count('request_events')).toBe(next.history.length);
      expect(await count('outbox')).toBe(next.outbox.length);
    } finally {
      await store.close();
      await schema.drop();
    }
  });

  it('tells another process which request changed, and not the process that changed it', async () => {
    const schema = await freshSchema();
    const a = await openPg(schema);
    const b = await openPg(schema);
    try {
      const seenByA: Array<string | null> = [];
      const seenByB: Array<string | null> = [];
      a.watch((c) => seenByA.push(c.id));
      b.watch((c) => seenByB.push(c.id));
      await new Promise((r) => setTimeout(r, 300)); // both LISTEN
      const r = aRequest();
      await a.create(r);
      await a.save(changed(r, 'IN_WORK'), 1);
      await expect.poll(() => seenByB, { timeout: 3000 }).toEqual([r.id, r.id]);
      expect(seenByA).toEqual([]);
    } finally {
      await a.close();
      await b.close();
      await schema.drop();
    }
  });

  it('uses its indexes for a queue page, a look-up by number and by the applicant\'s IIN', async () => {
    const schema = await freshSchema();
    const store = await openPg(schema);
    try {
      const plan = async (sql: string, params: unknown[]) => {
        const client = await store.pool.connect();
        try {
          await client.query('SET enable_seqscan = off');
          return JSON.stringify((await client.query(`EXPLAIN (FORMAT JSON) ${sql}`, params)).rows[0]);
        } finally {
          await client.query('RESET enable_seqscan');
          client.release();
        }
      };
      expect(await plan("SELECT id FROM requests WHERE office = $1 AND state = ANY($2::text[]) ORDER BY due_key, submitted_key, id LIMIT 50", ['kzo-archives', ['SUBMITTED']])).toContain('requests_office_queue');
      expect(await plan('SELECT id FROM requests WHERE number = $1', ['26-000001-9'])).toContain('requests_number_key');
      expect(await plan('SELECT id FROM requests WHERE applicant_iin = $1', ['850305400010'])).toContain('requests_applicant_iin');
    } finally {
      await store.close();
      await schema.drop();
    }
  });
});

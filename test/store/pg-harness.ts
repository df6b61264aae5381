import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { PgStore } from '../../src/store/pg/pg-store.js';

/**
 * PostgreSQL for tests: the machine's server (127.0.0.1:5432, trust auth, database `test`), or
 * ANYQTAMA_TEST_DATABASE_URL. Each harness works in a schema of its own, dropped at the end, so tests
 * run side by side. When the server is not there the tests fail: they never skip (.ci/run starts it).
 */
export const TEST_DATABASE_URL = process.env.ANYQTAMA_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestSchema {
  readonly url: string;
  readonly schema: string;
  /** The URL with the schema as its search_path: what a child process is given. */
  readonly schemaUrl: string;
  drop(): Promise<void>;
}

/** A fresh schema, migrated unless `migrated: false`. */
export async function freshSchema(options: { migrated?: boolean; url?: string } = {}): Promise<TestSchema> {
  const url = options.url ?? TEST_DATABASE_URL;
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`CREATE SCHEMA ${schema}`);
  } finally {
    await admin.end();
  }
  if (options.migrated !== false) await PgStore.migrate({ url, schema });
  const separator = url.includes('?') ? '&' : '?';
  return {
    url,
    schema,
    schemaUrl: `${url}${separator}options=${encodeURIComponent(`-c search_path=${schema}`)}`,
    async drop() {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      try {
        await c.query(`DROP SCHEMA ${schema} CASCADE`);
      } finally {
        await c.end();
      }
    },
  };
}

export async function openPg(schema: TestSchema): Promise<PgStore> {
  const opened = await PgStore.open({ url: schema.url, schema: schema.schema, poolSize: 4 });
  if (!opened.ok) throw new Error(`${opened.error.message.key} ${JSON.stringify(opened.error.message.params)}`);
  return opened.value;
}

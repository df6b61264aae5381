import { domainError, fail, ok, type DomainError, type Result } from '../core/result.js';
import { digestStore, type StoreDigest } from '../store/digest.js';
import type { CopyOutcome } from '../store/pg/import.js';
import { StoreUnavailable } from '../store/port.js';
import { openEmbedded } from './context.js';

/**
 * The commands that work on a PostgreSQL database as a whole rather than through the storage
 * port: `migrate` (its schema) and `store copy` (filling it from an embedded store). With
 * context.ts, the only place of the command line that wires store adapters (ARCHITECTURE.md); the
 * pg modules load only when one of these commands runs.
 */

export interface Migrated {
  readonly from: number;
  readonly to: number;
  readonly applied: readonly { readonly version: number; readonly name: string }[];
}

/** Applies the schema steps the database lacks; a database migrated by a newer program is refused. */
export async function migratePostgres(url: string): Promise<Result<Migrated, DomainError>> {
  const pg = (await import('pg')).default;
  const { migrate, LATEST } = await import('../store/pg/migrations.js');
  const { PgStore, redact } = await import('../store/pg/pg-store.js');
  const client = new pg.Client(PgStore.config({ url, application: 'anyqtama migrate' }));
  try {
    await client.connect();
  } catch (error) {
    const reason = (error as { code?: string }).code ?? (error as Error).message;
    return fail(domainError('STORE_FAILED', { key: 'store.cannotConnect', params: { url: redact(url), reason } }));
  }
  try {
    const done = await migrate(client);
    if (done.from > LATEST) return fail(domainError('STORE_FAILED', { key: 'store.newerSchema', params: { found: done.from, supported: LATEST } }));
    return ok({ from: done.from, to: done.to, applied: done.applied.map(({ version, name }) => ({ version, name })) });
  } finally {
    await client.end().catch(() => undefined);
  }
}

export interface StoreCopy {
  /** The target's URL without its password, for messages. */
  readonly to: string;
  readonly outcome: CopyOutcome;
  /** Both sides read back through the storage port after the copy, checksummed by the same code (store/digest.ts). */
  readonly source: StoreDigest;
  readonly target: StoreDigest;
}

/**
 * Copies the embedded store in `dir` into PostgreSQL at `url` (which must be migrated). The
 * source is opened with its lock, so a running `serve` on it is named. A database error stops the
 * copy; the batches already committed stay, and the next run goes on.
 */
export async function copyToPostgres(dir: string, url: string, commandLine: string): Promise<Result<StoreCopy, DomainError>> {
  const { PgStore, isUnavailable, redact } = await import('../store/pg/pg-store.js');
  const { copyStore } = await import('../store/pg/import.js');
  const target = await PgStore.open({ url, application: 'anyqtama store copy' });
  if (!target.ok) return target;
  // Only the account owning the embedded store (or root) may copy it out (data-dir.ts).
  const source = await openEmbedded(dir, commandLine);
  if (!source.ok) {
    await target.value.close();
    return source;
  }
  try {
    const outcome = await copyStore(source.value, target.value);
    return ok({ to: redact(url), outcome, source: await digestStore(source.value), target: await digestStore(target.value) });
  } catch (error) {
    const reason = error instanceof StoreUnavailable ? error.reason : (error as { code?: string }).code ?? (isUnavailable(error) ? (error as Error).message : null);
    if (!reason) throw error;
    return fail(domainError('STORE_FAILED', { key: 'store.copy.interrupted', params: { reason } }));
  } finally {
    await source.value.close();
    await target.value.close();
  }
}

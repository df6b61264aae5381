import { mkdir, readdir, readFile, truncate } from 'node:fs/promises';
import { join } from 'node:path';
import type { AuditEntry, AuditFilter } from '../port.js';
import { AppendLog } from './append-log.js';
import { syncDirectory } from '../durable-file.js';
import { DIR_MODE } from './permissions.js';

/** Days of entries kept in memory besides the one being written: the throttle check reads the last minutes only. */
const CACHED_DAYS = 3;
const FILE = /^(\d{4}-\d{2}-\d{2})\.jsonl$/;

/**
 * The embedded store's audit log: one append-only JSON-lines file per UTC day under `audit/`.
 * Day files keep the look-up throttle's question ("this actor's failures in the last ten minutes")
 * to one small file, and let an office archive or delete old days without touching the rest.
 * An entry is acknowledged once fsynced (AppendLog); a line torn by a crash is cut off before the
 * day is appended to again, so it cannot swallow the next entry.
 */
export class AuditLog {
  private current: { day: string; entries: AuditEntry[]; log: AppendLog } | null = null;
  private readonly cache = new Map<string, AuditEntry[]>();
  /** Opening and switching day files happen one at a time; the fsyncs themselves still group-commit. */
  private chain: Promise<unknown> = Promise.resolve();

  private constructor(private readonly dir: string) {}

  static async open(dir: string): Promise<AuditLog> {
    await mkdir(dir, { recursive: true, mode: DIR_MODE });
    return new AuditLog(dir);
  }

  append(entry: AuditEntry): Promise<void> {
    const day = dayOf(entry.at);
    const opened = this.serial(() => this.openDay(day));
    return opened.then(async (current) => {
      await current.log.append(entry);
      // Only what is on disk is listed.
      current.entries.push(entry);
    });
  }

  async list(filter: AuditFilter): Promise<AuditEntry[]> {
    await this.serial(async () => undefined);
    const since = filter.since ? Date.parse(filter.since) : null;
    const fromDay = since !== null && !Number.isNaN(since) ? dayOf(filter.since!) : '';
    const limit = filter.limit ?? Number.POSITIVE_INFINITY;
    const days = (await this.days()).filter((d) => d >= fromDay).sort().reverse();
    const out: AuditEntry[] = [];
    for (const day of days) {
      const entries = await this.entriesOf(day);
      for (let i = entries.length - 1; i >= 0 && out.length < limit; i--) {
        const e = entries[i]!;
        if (filter.kind && e.kind !== filter.kind) continue;
        if (filter.actor && e.actor !== filter.actor) continue;
        if (since !== null && Date.parse(e.at) < since) continue;
        out.push(e);
      }
      if (out.length >= limit) break;
    }
    return out;
  }

  async close(): Promise<void> {
    await this.serial(async () => {
      await this.current?.log.close();
      this.current = null;
    });
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const run = this.chain.then(work, work);
    this.chain = run.catch(() => undefined);
    return run;
  }

  private path(day: string): string {
    return join(this.dir, `${day}.jsonl`);
  }

  private async days(): Promise<string[]> {
    const names = await readdir(this.dir);
    const days = new Set(names.flatMap((n) => FILE.exec(n)?.[1] ?? []));
    if (this.current) days.add(this.current.day);
    return [...days];
  }

  /** The day's file, ready to append to: the previous day's file is closed first (its pending lines flushed). */
  private async openDay(day: string): Promise<{ day: string; entries: AuditEntry[]; log: AppendLog }> {
    if (this.current?.day === day) return this.current;
    if (this.current) {
      const previous = this.current;
      this.current = null;
      await previous.log.close();
      this.remember(previous.day, previous.entries);
    }
    const text = await readFile(this.path(day), 'utf8').catch(() => null);
    if (text !== null && text.length > 0 && !text.endsWith('\n')) {
      await truncate(this.path(day), Buffer.byteLength(text.slice(0, text.lastIndexOf('\n') + 1)));
    }
    const entries = text === null ? [] : parse(text);
    this.cache.delete(day);
    const log = await AppendLog.open(this.path(day), entries.length);
    if (text === null) await syncDirectory(this.dir);
    this.current = { day, entries, log };
    return this.current;
  }

  private async entriesOf(day: string): Promise<readonly AuditEntry[]> {
    if (this.current?.day === day) return this.current.entries;
    const cached = this.cache.get(day);
    if (cached) return cached;
    const text = await readFile(this.path(day), 'utf8').catch(() => '');
    const entries = parse(text);
    this.remember(day, entries);
    return entries;
  }

  private remember(day: string, entries: AuditEntry[]): void {
    this.cache.delete(day);
    this.cache.set(day, entries);
    while (this.cache.size > CACHED_DAYS) this.cache.delete(this.cache.keys().next().value as string);
  }
}

function dayOf(at: string): string {
  const ms = Date.parse(at);
  if (Number.isNaN(ms)) throw new Error(`audit entry without a date-time: ${at}`);
  return new Date(ms).toISOString().slice(0, 10);
}

/** Lines of a day file; a torn last line (killed mid-append) is skipped. */
function parse(text: string): AuditEntry[] {
  const out: AuditEntry[] = [];
  for (const line of text.split('\n')) {
    if (!line) continue;
    try {
      out.push(JSON.parse(line) as AuditEntry);
    } catch {
      // Only the last line can be torn: AppendLog truncates a failed batch.
    }
  }
  return out;
}

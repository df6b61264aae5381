import { createReadStream } from 'node:fs';
import { mkdir, open, readdir, rename, stat, truncate, unlink, writeFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { RequestSummary } from '../port.js';
import { AppendLog } from './append-log.js';
import { QueueIndex } from './queue-index.js';
import { fillTempFile, syncDirectory } from '../durable-file.js';
import { diskErrorCode } from '../port.js';
import { DIR_MODE, FILE_MODE } from './permissions.js';

/**
 * The embedded store's in-memory index of every request, made durable as a snapshot plus an
 * append-only journal (one line per change, group-committed). Start-up reads one snapshot and a
 * short journal instead of every request file, so it stays fast at 100k requests; compaction
 * writes a new snapshot in small chunks so it never blocks the event loop for long.
 *
 * Files: snapshot-<g>.jsonl (complete, renamed into place) and journal-<g>.jsonl (changes made
 * after snapshot g was cut). Start-up loads the newest snapshot s and replays journals >= s.
 */
type Line = { t: 'put'; e: RequestSummary } | { t: 'del'; id: string };

const CHUNK = 500;

export interface OpenedIndex {
  readonly index: IndexJournal;
  /** Ids changed since the snapshot when the last run did not close cleanly: their files must be checked. */
  readonly suspect: readonly string[];
}

export class IndexJournal {
  private readonly entries = new Map<string, RequestSummary>();
  private readonly byNumber = new Map<string, string>();
  /** Queue pages in due order without scanning (queue-index.ts). */
  readonly queues = new QueueIndex();
  /** Requests with outbox items not yet delivered: the notifier's work list. */
  readonly pending = new Set<string>();
  private compacting: Promise<void> | null = null;
  /**
   * Memory holds something the journal does not (a repair or a compensating line the disk refused):
   * this run must not be marked clean, so the next start-up checks the recent files again.
   */
  private unclean = false;
  private readonly inFlight = new Set<Promise<void>>();

  private constructor(
    private readonly dir: string,
    /** The snapshot this run started from: files of older generations are never read again. */
    private readonly base: number,
    private generation: number,
    private log: AppendLog,
    private readonly compactAfter: number,
  ) {}

  static async open(dir: string, compactAfter: number): Promise<OpenedIndex> {
    await mkdir(dir, { recursive: true, mode: DIR_MODE });
    const names = await readdir(dir);
    const gens = (prefix: string) =>
      names.flatMap((n) => (n.startsWith(prefix) && n.endsWith('.jsonl') ? [Number(n.slice(prefix.length, -6))] : [])).sort((a, b) => a - b);
    const snapshot = gens('snapshot-').at(-1) ?? 0;
    const journals = gens('journal-').filter((g) => g >= snapshot);
    const clean = await readFile(join(dir, 'clean'), 'utf8').catch(() => null);
    await unlink(join(dir, 'clean')).catch(() => undefined);

    const generation = journals.at(-1) ?? snapshot;
    const probe = new IndexJournal(dir, snapshot, generation, null as unknown as AppendLog, compactAfter);
    if (names.includes(`snapshot-${snapshot}.jsonl`)) await probe.replay(join(dir, `snapshot-${snapshot}.jsonl`), null);
    const touched = new Set<string>();
    let lastLines = 0;
    let refusal: unknown = null;
    for (const g of journals) {
      const replayed = await probe.replay(join(dir, `journal-${g}.jsonl`), touched);
      lastLines = replayed.good;
      refusal ??= replayed.refusal;
    }
    const journal = join(dir, `journal-${generation}.jsonl`);
    // A disk that refuses writes (read-only, or a torn line it would not let us cut off) still
    // opens for reading: the journal then refuses every change with the disk's error.
    if (!refusal) {
      try {
        probe.log = await AppendLog.open(journal, lastLines);
      } catch (error) {
        if (!diskErrorCode(error)) throw error;
        refusal = error;
      }
    }
    if (refusal) {
      probe.log = AppendLog.refusing(journal, lastLines, refusal);
      probe.unclean = true;
    }
    const suspect = clean === `${generation}:${lastLines}` ? [] : [...touched];
    return { index: probe, suspect };
  }

  /**
   * Removes what interrupted compactions left behind: snapshots and journals of generations older
   * than the snapshot this run loaded (start-up reads snapshot s and journals >= s only, so no
   * later start-up reads them either) and unfinished `.snapshot-N.jsonl.tmp` files. Call it right
   * after `open`, before any change: the caller holds the store's lock, so no other process
   * compacts, and no compaction of this one has started. Returns the names and bytes removed.
   */
  async removeStaleGenerations(): Promise<{ readonly files: readonly string[]; readonly bytes: number }> {
    if (this.compacting) return { files: [], bytes: 0 };
    const stale = (await readdir(this.dir)).filter((name) => {
      const generation = /^(?:snapshot|journal)-(\d+)\.jsonl$/.exec(name)?.[1];
      if (generation !== undefined) return Number(generation) < this.base;
      return /^\.snapshot-\d+\.jsonl\.tmp$/.test(name);
    });
    let bytes = 0;
    const files: string[] = [];
    for (const name of stale) {
      const path = join(this.dir, name);
      try {
        const { size } = await stat(path);
        await unlink(path);
        bytes += size;
        files.push(name);
      } catch {
        // Left for the next start-up: deleting garbage must never stop the store from opening.
      }
    }
    if (files.length > 0) await syncDirectory(this.dir).catch(() => undefined);
    return { files, bytes };
  }

  /**
   * Reads a snapshot or journal; a torn last line (killed mid-append) is cut off. Returns the good
   * line count, and the disk's error if it would not let the torn line be cut off (then nothing may
   * be appended after it: the line would hide every later one).
   */
  private async replay(path: string, touched: Set<string> | null): Promise<{ good: number; refusal: unknown }> {
    let good = 0;
    let goodBytes = 0;
    let torn = false;
    const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
    for await (const text of lines) {
      let line: Line;
      try {
        line = JSON.parse(text) as Line;
      } catch {
        torn = true;
        break;
      }
      this.apply(line);
      if (touched) touched.add(line.t === 'put' ? line.e.id : line.id);
      good++;
      goodBytes += Buffer.byteLength(text) + 1;
    }
    let refusal: unknown = null;
    if (torn) {
      await truncate(path, goodBytes).catch((error: unknown) => {
        if (!diskErrorCode(error)) throw error;
        refusal = error;
      });
    }
    return { good, refusal };
  }

  private apply(line: Line): void {
    if (line.t === 'put') this.set(line.e);
    else this.remove(line.id);
  }

  /** Changes the in-memory index only; the caller has made the change durable (see `write`). */
  set(entry: RequestSummary): void {
    const old = this.entries.get(entry.id);
    if (old) this.queues.remove(old);
    if (old?.number && old.number !== entry.number) this.byNumber.delete(old.number);
    this.entries.set(entry.id, entry);
    if (entry.number) this.byNumber.set(entry.number, entry.id);
    this.queues.add(entry);
    if (entry.pendingOutbox.length > 0) this.pending.add(entry.id);
    else this.pending.delete(entry.id);
  }

  remove(id: string): void {
    const old = this.entries.get(id);
    if (!old) return;
    if (old.number) this.byNumber.delete(old.number);
    this.queues.remove(old);
    this.pending.delete(id);
    this.entries.delete(id);
  }

  /**
   * Makes one change durable: the journal line first, then `durable` (the request file), then
   * memory. A crash in between leaves a journal line newer than the file; the next start-up finds
   * it among the `suspect` ids and trusts the file. If `durable` fails (full disk), a compensating
   * line restores the previous entry and the error goes to the caller: nothing was changed.
   */
  async commit(entry: RequestSummary, durable: () => Promise<void>): Promise<void> {
    const previous = this.entries.get(entry.id);
    const work = (async () => {
      await this.log.append({ t: 'put', e: entry } satisfies Line);
      try {
        await durable();
      } catch (error) {
        // The journal now says `entry`, the file does not: a compensating line says the old entry
        // again. If the disk refuses that too, the next start-up must check the file (`unclean`).
        await this.log.append((previous ? { t: 'put', e: previous } : { t: 'del', id: entry.id }) satisfies Line).catch(() => {
          this.unclean = true;
        });
        throw error;
      }
      this.set(entry);
    })();
    this.inFlight.add(work);
    try {
      await work;
    } finally {
      this.inFlight.delete(work);
    }
    if (this.log.lineCount >= this.compactAfter && !this.compacting) {
      // A compaction that fails (full disk) is tried again after the next change; the old snapshot
      // and journals stay valid, so nothing waits on it and its error must not go unhandled.
      this.compacting = this.compact()
        .catch(() => undefined)
        .finally(() => (this.compacting = null));
    }
  }

  /**
   * Start-up's recovery: memory takes the request file's summary. The journal line can wait: if the
   * disk refuses it (full), the run is marked unclean and the next start-up repairs again, so a
   * full disk never stops a store from opening for reading.
   */
  async repair(entry: RequestSummary): Promise<void> {
    await this.log.append({ t: 'put', e: entry } satisfies Line).catch(() => {
      this.unclean = true;
    });
    this.set(entry);
  }

  /** Drops an entry whose request file never reached the disk (start-up; tolerates a full disk as `repair` does). */
  async forget(id: string): Promise<void> {
    await this.log.append({ t: 'del', id } satisfies Line).catch(() => {
      this.unclean = true;
    });
    this.remove(id);
  }

  get(id: string): RequestSummary | undefined {
    return this.entries.get(id);
  }

  idOfNumber(number: string): string | undefined {
    return this.byNumber.get(number);
  }

  values(): IterableIterator<RequestSummary> {
    return this.entries.values();
  }

  get size(): number {
    return this.entries.size;
  }

  /**
   * Cuts a new snapshot: switch appends to journal g+1, let the changes already in journal g reach
   * memory, then write the entries (immutable objects, so a shallow copy is a consistent picture)
   * in chunks that leave the event loop free between them.
   */
  private async compact(): Promise<void> {
    const next = this.generation + 1;
    const nextLog = await AppendLog.open(join(this.dir, `journal-${next}.jsonl`));
    // Switch and list the changes already under way in one synchronous step: every change whose
    // line went to the old journal is in `started`, and reaches memory before the picture is taken.
    const previousLog = this.log;
    this.log = nextLog;
    this.generation = next;
    const started = [...this.inFlight];
    await Promise.allSettled(started);
    await previousLog.close();
    const picture = [...this.entries.values()];

    const temp = join(this.dir, `.snapshot-${next}.jsonl.tmp`);
    // A full disk leaves no half snapshot to fill it further; the journals still hold everything.
    await fillTempFile(temp, async (file) => {
      for (let i = 0; i < picture.length; i += CHUNK) {
        const chunk = picture.slice(i, i + CHUNK).map((e) => JSON.stringify({ t: 'put', e }) + '\n').join('');
        await file.write(chunk);
      }
    });
    await rename(temp, join(this.dir, `snapshot-${next}.jsonl`));
    await syncDirectory(this.dir);
    // Every older generation, not only the last: a compaction the disk refused left its journal.
    const stale = (await readdir(this.dir)).filter((n) => {
      const g = /^(?:journal|snapshot)-(\d+)\.jsonl$/.exec(n)?.[1];
      return g !== undefined && Number(g) < next;
    });
    await Promise.all(stale.map((n) => unlink(join(this.dir, n)).catch(() => undefined)));
  }

  /** Flushes, and records that this run ended cleanly so the next start-up need not check files. */
  async close(): Promise<void> {
    await Promise.allSettled([...this.inFlight]);
    await this.compacting;
    const lines = this.log.lineCount;
    await this.log.close();
    if (this.unclean) {
      await unlink(join(this.dir, 'clean')).catch(() => undefined);
      return;
    }
    try {
      await writeFile(join(this.dir, 'clean'), `${this.generation}:${lines}`, { mode: FILE_MODE });
      await syncDirectory(this.dir);
    } catch {
      // A full disk: without the marker the next start-up checks the recent files, which is safe.
      await unlink(join(this.dir, 'clean')).catch(() => undefined);
    }
  }
}

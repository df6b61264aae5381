/**
 * One `serve` process of bench/pg: its own PgStore pool and RequestService, built as
 * src/cli/context.ts builds them (reference data from the repository's data folder, the clock from
 * the environment, the change feed from other processes on), and a number of clerks' sessions
 * acting at once. Each clerk takes requests of its office into work the way the TUI does: read the
 * request (`requests.find`), then `requests.actOn(request, { action: 'take' })`.
 *
 * Driven by messages from bench/pg.ts (child_process.fork): `prepare`, then `go`; answers `ready`,
 * then `done` with every latency and every acknowledged transition.
 */
import { appendFileSync } from 'node:fs';
import { clockFromEnv } from '../../src/app/clock.js';
import { RequestService } from '../../src/app/requests.js';
import { SHIPPED_DATA } from '../../src/config/paths.js';
import { loadReference } from '../../src/config/reference.js';
import type { Actor } from '../../src/core/request.js';
import { PgStore } from '../../src/store/pg/pg-store.js';

export interface Slot {
  /** The clerk's office: every number given is a SUBMITTED request of it. */
  readonly office: string;
  readonly numbers: readonly string[];
}

export type ToWorker =
  | { type: 'prepare'; url: string; schema: string; poolSize: number; index: number; slots: readonly Slot[]; screens: boolean }
  /** `everyMs`: each clerk starts a transition this often (an open loop at a given rate); absent: as fast as they can. */
  | { type: 'go'; seconds: number; warmupSeconds: number; everyMs?: number };

export interface WorkerResult {
  type: 'done';
  index: number;
  /** find + actOn, per acknowledged transition after the warm-up, ms. */
  latencies: number[];
  findMs: number[];
  actMs: number[];
  /** Paced runs: how late each transition started after it was due (waiting for the clerk's previous one), ms. */
  lateMs: number[];
  /** [request id, stored version] of every transition the store acknowledged, warm-up included. */
  acknowledged: Array<[string, number]>;
  conflicts: number;
  /** Refusals other than a conflict, by error code; and the request found not SUBMITTED any more. */
  errors: Record<string, number>;
  /** Clerks that ran out of requests before the time was up. */
  exhausted: number;
  /** The measured time (after the warm-up) and this process's CPU time in it. */
  elapsedMs: number;
  cpuMs: number;
  /** Changes other processes made that this one heard (NOTIFY) and read back for its screens. */
  heard: number;
  /** With open queue screens: the time of each reload of a clerk's first page that a change caused, ms. */
  screenReloads: number[];
  /** Reloads started (some may not have finished when the time was up). */
  screenReloadsStarted: number;
}

export type FromWorker = { type: 'ready'; index: number } | WorkerResult | { type: 'failed'; index: number; error: string };

/** Sends, then calls `then` once the message is handed over (disconnecting earlier could drop it). */
const send = (message: FromWorker, then?: () => void) => process.send!(message, undefined, {}, () => then?.());

let service: RequestService;
let store: PgStore;
let slots: readonly Slot[] = [];
let index = 0;
let screens = false;

async function prepare(message: Extract<ToWorker, { type: 'prepare' }>): Promise<void> {
  index = message.index;
  slots = message.slots;
  screens = message.screens;
  const reference = loadReference(SHIPPED_DATA);
  if (!reference.ok) throw new Error(`reference data: ${reference.error.message.key}`);
  const opened = await PgStore.open({ url: message.url, schema: message.schema, poolSize: message.poolSize, application: `anyqtama bench-serve ${index}` });
  if (!opened.ok) throw new Error(`${opened.error.message.key} ${JSON.stringify(opened.error.message.params)}`);
  store = opened.value;
  service = new RequestService(store, reference.value, clockFromEnv());
  // Warm up: connections open, statements and code paths run once (reads only: nothing changes).
  for (let round = 0; round < 5; round++) {
    await Promise.all(slots.map(async (slot) => {
      const number = slot.numbers.at(-1 - round);
      if (number) await service.find(number);
    }));
  }
}

const sleepUntil = (at: number) => new Promise((r) => setTimeout(r, Math.max(0, at - performance.now())));

async function go(seconds: number, warmupSeconds: number, everyMs: number | undefined): Promise<WorkerResult> {
  const result: WorkerResult = {
    type: 'done', index, latencies: [], findMs: [], actMs: [], lateMs: [], acknowledged: [], conflicts: 0, errors: {}, exhausted: 0, elapsedMs: 0, cpuMs: 0, heard: 0, screenReloads: [], screenReloadsStarted: 0,
  };
  const own = new Set<string>();
  service.changes.on('changed', (request) => {
    if (!own.has(`${request.id} ${request.version}`)) result.heard++;
  });
  const error = (code: string) => (result.errors[code] = (result.errors[code] ?? 0) + 1);
  let running = true;
  if (screens) {
    // Each clerk has the "received" tab of the queue open: the TUI's useLoad reloads it on every
    // change of any request, here or in another process (tui/hooks/use-load.ts, screens/queue.tsx).
    service.changes.on('changed', () => {
      if (!running) return;
      for (const slot of slots) {
        const t = performance.now();
        result.screenReloadsStarted++;
        void service.list({ states: ['SUBMITTED'], office: slot.office, order: 'due', limit: 20, offset: 0 }).then(
          () => result.screenReloads.push(performance.now() - t),
          (e: unknown) => error(`queue screen reload thrown: ${(e as Error).message}`),
        );
      }
    });
  }
  const trace: string[] | null = process.env.BENCH_PG_TRACE ? [] : null;
  const started = performance.now();
  // The first seconds after the queues were put back run on cold caches (the machine pages out what
  // PostgreSQL's own buffers do not hold) and unoptimised code: they run the same, but are not counted.
  const measuredFrom = started + warmupSeconds * 1000;
  const end = measuredFrom + seconds * 1000;
  let cpu = process.cpuUsage();
  setTimeout(() => (cpu = process.cpuUsage()), warmupSeconds * 1000);
  let heardBefore = 0;
  setTimeout(() => (heardBefore = result.heard), warmupSeconds * 1000);
  await Promise.all(slots.map(async (slot, s) => {
    const clerk: Actor = { login: `bench-${slot.office}-${index}-${s}`, role: 'clerk', organisationId: slot.office, fullName: 'Bench Clerk' };
    let next = 0;
    // Paced: clerks start in turn, spread over the interval; a transition's time counts from when it
    // was due to start, so one that had to wait for a slow predecessor shows it (no coordinated omission).
    let due = started + (everyMs ? (everyMs * s) / slots.length : 0);
    while (performance.now() < end) {
      const number = slot.numbers[next++];
      if (!number) {
        result.exhausted++;
        return;
      }
      if (everyMs) {
        await sleepUntil(due);
        if (due >= end) return;
      }
      const start = performance.now();
      const t0 = everyMs ? due : start;
      const counted = start >= measuredFrom;
      if (everyMs && counted) result.lateMs.push(start - due);
      due += everyMs ?? 0;
      // An exception (not a Result) is a finding too: counted under its message, and the clerk goes on.
      const found = await service.find(number).catch((e: unknown) => ({ ok: false as const, error: { code: `thrown: ${(e as Error).message}` } }));
      const t1 = performance.now();
      if (!found.ok) {
        error(found.error.code);
        continue;
      }
      if (found.value.state !== 'SUBMITTED') {
        error(`not SUBMITTED (${found.value.state})`);
        continue;
      }
      own.add(`${found.value.id} ${found.value.version + 1}`);
      const acted = await service.actOn(found.value, { action: 'take', actor: clerk, channel: 'office' })
        .catch((e: unknown) => ({ ok: false as const, error: { code: `thrown: ${(e as Error).message}` } }));
      const t2 = performance.now();
      // BENCH_PG_TRACE=file: one line per transition (when due, started, read, stored; epoch ms), to look for stalls.
      if (trace) trace.push(`${index} ${s} ${(performance.timeOrigin + t0).toFixed(1)} ${(performance.timeOrigin + start).toFixed(1)} ${(performance.timeOrigin + t1).toFixed(1)} ${(performance.timeOrigin + t2).toFixed(1)}`);
      if (acted.ok) {
        result.acknowledged.push([acted.value.id, acted.value.version]);
        if (!counted) continue;
        result.latencies.push(t2 - t0);
        result.findMs.push(t1 - start);
        result.actMs.push(t2 - t1);
      } else if (acted.error.code === 'CONFLICT') {
        result.conflicts++;
      } else {
        error(acted.error.code);
      }
    }
  }));
  running = false;
  result.elapsedMs = performance.now() - measuredFrom;
  result.heard -= heardBefore;
  if (trace) appendFileSync(process.env.BENCH_PG_TRACE!, `${trace.join('\n')}\n`);
  const used = process.cpuUsage(cpu);
  result.cpuMs = (used.user + used.system) / 1000;
  return result;
}

process.on('message', (message: ToWorker) => {
  const run = async () => {
    if (message.type === 'prepare') {
      await prepare(message);
      send({ type: 'ready', index });
    } else {
      const result = await go(message.seconds, message.warmupSeconds, message.everyMs);
      // Let the last notifications of the other process arrive, then report before closing: with
      // queue screens open, reloads may still be queued for minutes (the parent then ends this process).
      await new Promise((r) => setTimeout(r, 300));
      send(result, () => void store.close().finally(() => process.disconnect()));
    }
  };
  run().catch((error: unknown) => {
    process.exitCode = 1;
    send({ type: 'failed', index, error: (error as Error).stack ?? String(error) }, () => process.disconnect());
  });
});

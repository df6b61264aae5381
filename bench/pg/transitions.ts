import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { PgStore } from '../../src/store/pg/pg-store.js';
import { busyPercent, cpuTimes, percentiles, round, type Percentiles } from './stats.js';
import type { FromWorker, Slot, ToWorker, WorkerResult } from './worker.js';

export interface TransitionRun {
  readonly processes: number;
  /** Transitions a second asked for (each clerk paced), or null: as many as the clerks manage back to back. */
  readonly rate: number | null;
  readonly clerks: number;
  readonly seconds: number;
  /** Counted after the warm-up. */
  readonly transitions: number;
  readonly perSecond: number;
  /** Acknowledged in all, warm-up included: each is looked for in the tables. */
  readonly acknowledged: number;
  readonly latency: Percentiles;
  /** From the actual start (without waiting for the clerk's previous transition). */
  readonly find: Percentiles;
  readonly actOn: Percentiles;
  /** Paced runs: how late transitions started. */
  readonly late: Percentiles | null;
  /** WAL written during the run, per transition (pg_current_wal_lsn), KB. */
  readonly walKbPerTransition: number;
  /** Checkpoints during the run (pg_stat_bgwriter). */
  readonly checkpoints: number;
  readonly conflicts: number;
  readonly errors: Record<string, number>;
  /** Acknowledged, but not found stored as acknowledged (state, version, take event, status notice). */
  readonly lost: number;
  readonly exhaustedClerks: number;
  /** Busy share of the machine's CPU during the run (both cores), %. */
  readonly machineBusy: number;
  /** CPU time of the serve processes per transition, ms. */
  readonly serveCpuPerTransition: number;
  /** Changes made by the other serve process that each heard and read back (NOTIFY → store.get). */
  readonly heard: number;
  /** A status look-up every 50 ms from another connection during the run. */
  readonly lookupDuring: Percentiles;
  /** Clerks' queue screens open (reloaded on every change), and the time of those reloads. */
  readonly screens: (Percentiles & { started: number }) | null;
}

/**
 * The heads of the offices' "received" queues (SUBMITTED, soonest due first, as the TUI lists them),
 * dealt to the clerks: clerk k works for office k mod 5, and the clerks of an office take its queue
 * in turns, so no two ever take the same request.
 */
export async function dealQueues(store: PgStore, offices: readonly string[], clerks: number, perOffice: number): Promise<Slot[]> {
  const slots: Array<{ office: string; numbers: string[] }> = Array.from({ length: clerks }, (_, k) => ({ office: offices[k % offices.length]!, numbers: [] }));
  for (const office of offices) {
    const mine = slots.filter((s) => s.office === office);
    if (mine.length === 0) continue;
    const numbers = (await store.pool.query<{ number: string }>(
      "SELECT number FROM requests WHERE office = $1 AND state = 'SUBMITTED' ORDER BY due_key, submitted_key, id LIMIT $2", [office, perOffice])).rows;
    numbers.forEach((n, i) => mine[i % mine.length]!.numbers.push(n.number));
  }
  return slots;
}

function waitFor<T extends FromWorker['type']>(child: ChildProcess, type: T): Promise<Extract<FromWorker, { type: T }>> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: FromWorker) => {
      if (message.type === 'failed') reject(new Error(`serve process ${message.index}: ${message.error}`));
      else if (message.type === type) resolve(message as Extract<FromWorker, { type: T }>);
    };
    child.on('message', onMessage);
    child.once('exit', (code) => reject(new Error(`serve process exited (${code}) before '${type}'`)));
  });
}

/** Every acknowledged transition, looked for in the tables: IN_WORK at that version, its take event and its undelivered status notice. */
async function countStored(store: PgStore, acknowledged: ReadonlyArray<[string, number]>): Promise<number> {
  const found = await store.pool.query<{ n: number }>(`
    SELECT count(DISTINCT a.id)::int AS n FROM unnest($1::text[], $2::int[]) a(id, v)
    JOIN requests r ON r.id = a.id AND r.version = a.v AND r.state = 'IN_WORK'
    JOIN request_events e ON e.request_id = a.id AND e.seq = a.v AND e.event->>'action' = 'take' AND e.event->>'to' = 'IN_WORK'
    WHERE EXISTS (SELECT 1 FROM outbox o WHERE o.request_id = a.id AND o.delivered_at IS NULL AND o.item->>'kind' = 'status' AND o.item->>'state' = 'IN_WORK')`,
  [acknowledged.map((a) => a[0]), acknowledged.map((a) => a[1])]);
  return found.rows[0]!.n;
}

/** `processes` serve processes with `slots` clerks between them, for `seconds`; then checks that nothing acknowledged was lost. */
export async function runTransitions(options: {
  store: PgStore; url: string; schema: string; processes: number; slots: readonly Slot[]; seconds: number; poolSize: number; lookup: () => Promise<void>;
  screens?: boolean;
  /** Total transitions a second to drive, spread evenly over the clerks; absent: as fast as they can. */
  rate?: number;
  /** Run this long first without counting. */
  warmupSeconds: number;
}): Promise<TransitionRun> {
  const { processes, slots } = options;
  const workerPath = fileURLToPath(new URL('./worker.js', import.meta.url));
  const children = Array.from({ length: processes }, () => fork(workerPath, [], { env: { ...process.env, CI: '' }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }));
  try {
    const perProcess = Math.ceil(slots.length / processes);
    await Promise.all(children.map((child, index) => {
      const ready = waitFor(child, 'ready');
      const message: ToWorker = { type: 'prepare', url: options.url, schema: options.schema, poolSize: options.poolSize, index, slots: slots.slice(index * perProcess, (index + 1) * perProcess), screens: options.screens ?? false };
      child.send(message);
      return ready;
    }));
    const done = children.map((child) => waitFor(child, 'done'));
    const server = async () => (await options.store.pool.query<{ lsn: string; checkpoints: number }>(
      'SELECT pg_current_wal_lsn()::text AS lsn, (checkpoints_timed + checkpoints_req)::int AS checkpoints FROM pg_stat_bgwriter')).rows[0]!;
    const everyMs = options.rate ? (1000 * slots.length) / options.rate : undefined;
    for (const child of children) child.send({ type: 'go', seconds: options.seconds, warmupSeconds: options.warmupSeconds, ...(everyMs ? { everyMs } : {}) } satisfies ToWorker);
    await new Promise((r) => setTimeout(r, options.warmupSeconds * 1000));
    const serverBefore = await server();
    const before = cpuTimes();
    const during: number[] = [];
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        const t = performance.now();
        await options.lookup();
        during.push(performance.now() - t);
        await new Promise((r) => setTimeout(r, Math.max(0, 50 - (performance.now() - t))));
      }
    })();
    const results: WorkerResult[] = await Promise.all(done);
    const after = cpuTimes();
    sampling = false;
    await sampler;
    const serverAfter = await server();
    const wal = (await options.store.pool.query<{ bytes: string }>('SELECT pg_wal_lsn_diff($1::pg_lsn, $2::pg_lsn)::bigint AS bytes', [serverAfter.lsn, serverBefore.lsn])).rows[0]!;
    const all = (pick: (r: WorkerResult) => number[]) => results.flatMap(pick);
    const acknowledged = results.flatMap((r) => r.acknowledged);
    const stored = await countStored(options.store, acknowledged);
    const measured = results.reduce((s, r) => s + r.latencies.length, 0);
    const elapsed = Math.max(...results.map((r) => r.elapsedMs)) / 1000;
    const errors: Record<string, number> = {};
    for (const r of results) for (const [code, n] of Object.entries(r.errors)) errors[code] = (errors[code] ?? 0) + n;
    return {
      processes,
      rate: options.rate ?? null,
      clerks: slots.length,
      seconds: round(elapsed, 1),
      transitions: measured,
      perSecond: Math.round(measured / elapsed),
      latency: percentiles(all((r) => r.latencies)),
      find: percentiles(all((r) => r.findMs)),
      actOn: percentiles(all((r) => r.actMs)),
      late: options.rate ? percentiles(all((r) => r.lateMs)) : null,
      walKbPerTransition: round(Number(wal.bytes) / 1024 / Math.max(1, measured), 1),
      checkpoints: serverAfter.checkpoints - serverBefore.checkpoints,
      conflicts: results.reduce((s, r) => s + r.conflicts, 0),
      errors,
      acknowledged: acknowledged.length,
      lost: acknowledged.length - stored,
      exhaustedClerks: results.reduce((s, r) => s + r.exhausted, 0),
      machineBusy: busyPercent(before, after),
      serveCpuPerTransition: round(results.reduce((s, r) => s + r.cpuMs, 0) / Math.max(1, measured)),
      heard: results.reduce((s, r) => s + r.heard, 0),
      lookupDuring: percentiles(during),
      screens: options.screens ? { ...percentiles(all((r) => r.screenReloads)), started: results.reduce((s, r) => s + r.screenReloadsStarted, 0) } : null,
    };
  } finally {
    for (const child of children) if (child.exitCode === null) child.kill();
  }
}

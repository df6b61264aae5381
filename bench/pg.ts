/**
 * bench/pg: the PostgreSQL store at 1 000 000 requests (issue 7). Loads the requests once into a
 * schema of their own (reused by later runs), then measures, through the same RequestService a
 * clerk's screen uses: transitions (find + actOn 'take') from 1 and 2 `serve` processes with 8
 * clerks each, and the reads of the screens and the call-centre (status look-up, opening a
 * request, queue pages) idle and with a few in flight. Prints tables and a JSON line.
 *
 *   npm run build && npm run bench:pg                     # 1M requests in schema bench_pg (loaded on first run)
 *   node dist/bench/pg.js --requests 20000 --seconds 5    # a quick run (schema bench_pg_20000)
 *   node dist/bench/pg.js --fresh                         # reload; also --schema, --url, --processes 1,2, --warmup 3,
 *       --concurrency 8, --pool 10, --rate 500 (the paced run; 0: none), --samples 2000 (look-ups),
 *       --page-samples 300, --read-seconds 10 (at most, per read and mode), --in-flight 4, --batch 1000,
 *       --screens (one more run with every clerk's queue screen open, reloaded on each change as the TUI does)
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import { SHIPPED_DATA } from '../src/config/paths.js';
import { loadReference } from '../src/config/reference.js';
import { PgStore } from '../src/store/pg/pg-store.js';
import { OFFICE_SHARE } from './pg/generate.js';
import { prepareSchema, relationSizes } from './pg/load.js';
import { seeded } from './pg/people.js';
import { numberSource, readCases } from './pg/reads.js';
import { restoreTaken } from './pg/restore.js';
import { percentiles, sample, spread, type Percentiles } from './pg/stats.js';
import { dealQueues, runTransitions, type TransitionRun } from './pg/transitions.js';

const TARGET = { perSecond: 500, p99: 20, lookupP99: 2 };

const { values } = parseArgs({
  options: {
    url: { type: 'string', default: process.env.ANYQTAMA_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test' },
    schema: { type: 'string' },
    requests: { type: 'string', default: '1000000' },
    fresh: { type: 'boolean', default: false },
    screens: { type: 'boolean', default: false },
    rate: { type: 'string', default: '500' },
    seconds: { type: 'string', default: '20' },
    warmup: { type: 'string', default: '3' },
    processes: { type: 'string', default: '1,2' },
    concurrency: { type: 'string', default: '8' },
    pool: { type: 'string', default: '10' },
    samples: { type: 'string', default: '2000' },
    'page-samples': { type: 'string', default: '300' },
    'read-seconds': { type: 'string', default: '10' },
    'in-flight': { type: 'string', default: '4' },
    batch: { type: 'string', default: '1000' },
  },
});
const int = (name: keyof typeof values) => {
  const n = Number(values[name]);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name}: a whole number ≥ 1, got ${String(values[name])}`);
  return n;
};
const count = int('requests');
const seconds = int('seconds');
const warmup = Number(values.warmup);
if (!(warmup >= 0)) throw new Error(`--warmup: seconds ≥ 0, got ${values.warmup}`);
const concurrency = int('concurrency');
const poolSize = int('pool');
const inFlight = int('in-flight');
const processCounts = values.processes!.split(',').map(Number);
const url = values.url!;
// Another count gets a schema of its own: a quick run must not throw away the 1M load.
const schema = values.schema ?? (count === 1_000_000 ? 'bench_pg' : `bench_pg_${count}`);
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
const table = (header: readonly string[], rows: ReadonlyArray<readonly unknown[]>) => {
  console.log(`| ${header.join(' | ')} |`);
  console.log(`|${header.map(() => '---').join('|')}|`);
  for (const row of rows) console.log(`| ${row.join(' | ')} |`);
};

/** The machine is shared: what else ran is part of every figure. */
const loadAverage = () => `load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`;

/** Waits (up to a minute) until no query of an earlier run is still executing: a killed serve process's last queries finish on the server. */
async function quiesce(store: PgStore): Promise<void> {
  for (let i = 0; i < 120; i++) {
    const busy = await store.pool.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name LIKE 'anyqtama bench-serve%' AND state = 'active'");
    if (busy.rows[0]!.n === 0) return;
    await new Promise((r) => setTimeout(r, 500));
  }
}

const reference = loadReference(SHIPPED_DATA);
if (!reference.ok) throw new Error(`reference data: ${reference.error.message.key}`);

const load = await prepareSchema({ url, schema, count, fresh: values.fresh!, batch: int('batch'), reference: reference.value, log: (line) => console.log(line) });
const opened = await PgStore.open({ url, schema, poolSize, application: 'anyqtama bench' });
if (!opened.ok) throw new Error(`${opened.error.message.key} ${JSON.stringify(opened.error.message.params)}`);
const store = opened.value;
try {
  const server = (await store.pool.query<{ v: string; sb: string; sc: string }>(
    "SELECT current_setting('server_version') AS v, current_setting('shared_buffers') AS sb, current_setting('synchronous_commit') AS sc")).rows[0]!;
  console.log(`bench/pg — node ${process.version}, PostgreSQL ${server.v} (shared_buffers ${server.sb}, synchronous_commit ${server.sc}), ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, schema ${schema}, ${loadAverage()}`);
  console.log(load.loaded
    ? `loaded ${count.toLocaleString('en')} requests (${load.rows!.events.toLocaleString('en')} events, ${load.rows!.outbox.toLocaleString('en')} outbox rows) in ${load.mark.seconds} s (${Math.round(count / load.mark.seconds).toLocaleString('en')} requests/s), then VACUUM ANALYZE ${load.vacuumSeconds} s`
    : `reusing ${count.toLocaleString('en')} requests loaded at ${load.mark.loadedAt} (the load took ${load.mark.seconds} s; --fresh reloads)`);

  const sizes = await relationSizes(store.pool);
  console.log('\nTables (pg_total_relation_size; table = heap + TOAST):\n');
  table(['table', 'rows', 'table MB', 'indexes MB', 'total MB'], sizes.tables.filter((t) => t.totalBytes > 64 * 1024).map((t) => [t.name, t.rows.toLocaleString('en'), mb(t.tableBytes), mb(t.indexBytes), mb(t.totalBytes)]));
  console.log(`\nIndexes of requests: ${sizes.requestIndexes.map((i) => `${i.name} ${mb(i.totalBytes)} MB`).join(', ')}`);

  const randomNumber = await numberSource(store, seeded(11));
  const lookup = async () => {
    const number = randomNumber();
    if (!(await store.summaryByNumber(number))) throw new Error(`look-up: ${number} not found`);
  };

  const offices = Object.keys(OFFICE_SHARE);

  // Reads first, on a quiet server, with the queues as loaded (a previous run's takes put back).
  await restoreTaken(store, load.mark.loadedAt);
  await store.pool.query('VACUUM (ANALYZE) requests, request_events, outbox');
  await quiesce(store);
  console.log(`\nreads (${loadAverage()})…`);
  const cases = readCases(store, randomNumber, offices.slice(0, 2), reference.value.offices.timezoneOffsetMinutes);
  const reads: Array<{ name: string; kind: string; rows: number | null; idle: Percentiles; loaded: Percentiles }> = [];
  const budget = int('read-seconds') * 1000;
  for (const c of cases) {
    const n = c.kind === 'look-up' ? int('samples') : int('page-samples');
    await sample(Math.min(20, n), 1, c.run, budget / 4);
    const idle = percentiles(await sample(n, 1, c.run, budget));
    const loaded = percentiles(await sample(n, inFlight, c.run, budget));
    reads.push({ name: c.name, kind: c.kind, rows: c.rows ?? null, idle, loaded });
  }

  // Transitions: each run starts from the same queues (the previous run's takes put back, vacuumed).
  const runs: TransitionRun[] = [];
  const most = Math.max(...processCounts);
  const rate = Number(values.rate);
  const transitions = async (processes: number, screens: boolean, paced?: number) => {
    const restored = await restoreTaken(store, load.mark.loadedAt);
    await store.pool.query('VACUUM (ANALYZE) requests, request_events, outbox');
    await quiesce(store);
    const slots = await dealQueues(store, offices, processes * concurrency, (warmup + seconds) * 1500);
    const available = slots.reduce((s, slot) => s + slot.numbers.length, 0);
    console.log(`\n${processes} serve process${processes > 1 ? 'es' : ''}, ${concurrency} clerks each${screens ? ' with their queue screens open' : ''}${paced ? `, paced at ${paced} transitions/s` : ', back to back'}, ${warmup} s warm-up + ${seconds} s ` +
      `(${restored} taken requests of the previous run put back first; ${available.toLocaleString('en')} SUBMITTED requests dealt; ${loadAverage()})…`);
    runs.push(await runTransitions({ store, url, schema, processes, slots, seconds, warmupSeconds: warmup, poolSize, lookup, screens, ...(paced ? { rate: paced } : {}) }));
  };

  for (const processes of processCounts) await transitions(processes, false);
  if (rate > 0) await transitions(most, false, rate);

  // Last, as it may leave the server busy for a while: the clerks' queue screens open.
  if (values.screens) await transitions(most, true);

  console.log('\nTransitions (find + actOn take, ms: p50 / p95 / p99 / max; paced: from when each was due to start; find and actOn: from the actual start):\n');
  table(
    ['serve processes', 'clerks', 'transitions', 'per second', 'latency', 'find p99', 'actOn p99', 'started late p99', 'conflicts', 'errors', 'lost', 'machine CPU', 'serve CPU ms/transition', 'WAL KB/transition', 'checkpoints', 'heard from the other', 'look-up during, p50 / p99'],
    runs.map((r) => [
      `${r.processes}${r.rate ? `, paced at ${r.rate}/s` : ''}${r.screens ? ', queue screens open' : ''}`, r.clerks, r.transitions.toLocaleString('en'), `**${r.perSecond}**`, spread(r.latency), r.find.p99, r.actOn.p99, r.late?.p99 ?? '—', r.conflicts,
      Object.entries(r.errors).map(([k, n]) => `${k}: ${n}`).join(', ') || 0, r.lost, `${r.machineBusy} %`, r.serveCpuPerTransition, r.walKbPerTransition, r.checkpoints, r.heard,
      `${r.lookupDuring.p50} / ${r.lookupDuring.p99}`,
    ]),
  );
  for (const r of runs) if (r.screens) console.log(`Queue screens open: ${r.screens.started.toLocaleString('en')} reloads of a clerk's first page started (every change reloads every open screen), ${r.screens.count.toLocaleString('en')} finished in time, ms ${spread(r.screens)}`);
  for (const r of runs) if (r.exhaustedClerks > 0) console.log(`(${r.processes} process run: ${r.exhaustedClerks} clerks ran out of SUBMITTED requests before ${seconds} s: a small load)`);

  console.log(`\nReads (ms, p50 / p95 / p99 / max, and how many): one at a time, and ${inFlight} in flight; up to ${int('samples')} per look-up, ${int('page-samples')} per queue page, ${int('read-seconds')} s at most each\n`);
  table(['read', 'queue rows', 'one at a time', 'n', `${inFlight} in flight`, 'n'],
    reads.map((r) => [r.name, r.rows?.toLocaleString('en') ?? '', spread(r.idle), r.idle.count, spread(r.loaded), r.loaded.count]));

  const saturated = runs.filter((r) => !r.screens && !r.rate);
  const two = saturated.find((r) => r.processes === 2) ?? saturated.at(-1)!;
  // The latency target is about the rate the target names: the paced run, when there is one.
  const atRate = runs.find((r) => r.rate && !r.screens) ?? two;
  const lookupP99 = Math.max(reads[0]!.idle.p99, reads[0]!.loaded.p99);
  const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');
  console.log(`\nTargets: ≥ ${TARGET.perSecond} transitions/s over ${two.processes} processes: ${two.perSecond} (${verdict(two.perSecond >= TARGET.perSecond)}); ` +
    `transition p99 ≤ ${TARGET.p99} ms${atRate.rate ? ` at ${atRate.rate}/s` : ''}: ${atRate.latency.p99} (${verdict(atRate.latency.p99 <= TARGET.p99)}); ` +
    `look-up p99 ≤ ${TARGET.lookupP99} ms: ${lookupP99} (${verdict(lookupP99 <= TARGET.lookupP99)})`);
  console.log(`json ${JSON.stringify({ requests: count, schema, load, sizes, runs, reads })}`);
} finally {
  await store.close();
}

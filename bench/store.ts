/**
 * bench/store: the embedded store at 1k, 10k and 100k requests. For each size a fresh child
 * process fills a store through the same RequestService a clerk's screen uses, restarts it, and
 * measures: submit, transition (take), status look-up (by number, cold and warm), a queue page,
 * the longest event-loop stall, start-up time and memory. Prints a table and JSON lines.
 *
 *   npm run build && node dist/bench/store.js [--sizes 1000,10000,100000] [--samples 2000]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { clockFromEnv } from '../src/app/clock.js';
import { RequestService } from '../src/app/requests.js';
import { loadReference } from '../src/config/reference.js';
import type { Actor } from '../src/core/request.js';
import { exampleAnswers } from '../src/core/services/examples.js';
import { LowdbStore } from '../src/store/lowdb/lowdb-store.js';

const clerk: Actor = { login: 'kzo-clerk', role: 'clerk', organisationId: 'kzo-archives', fullName: 'Bench Clerk' };

function stats(samples: number[]): { median: number; p99: number; max: number } {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
  return { median: round(at(0.5)), p99: round(at(0.99)), max: round(s.at(-1) ?? 0) };
}
const round = (ms: number) => Math.round(ms * 1000) / 1000;

async function timed<T>(samples: number[], work: () => Promise<T>): Promise<T> {
  const t = performance.now();
  const out = await work();
  samples.push(performance.now() - t);
  return out;
}

async function openService(dir: string): Promise<{ service: RequestService; store: LowdbStore }> {
  const reference = loadReference(dir);
  if (!reference.ok) throw new Error(reference.error.message.key);
  const opened = await LowdbStore.open({ dataDir: dir, command: 'bench' });
  if (!opened.ok) throw new Error(opened.error.message.key);
  return { store: opened.value, service: new RequestService(opened.value, reference.value, clockFromEnv()) };
}

/** One size, in this (child) process. */
async function measure(size: number, samples: number): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), 'aq-bench-'));
  try {
    // Fill through the real path, 32 intake desks at once.
    let { service, store } = await openService(dir);
    const fillStart = performance.now();
    let next = 0;
    await Promise.all(Array.from({ length: 32 }, async () => {
      while (next < size) {
        next++;
        const r = await service.submit({ serviceId: 'archive-certificate', channel: 'office', answers: exampleAnswers('archive-certificate'), actor: clerk, lang: 'kk' });
        if (!r.ok) throw new Error(r.error.message.key);
      }
    }));
    const fillSeconds = (performance.now() - fillStart) / 1000;
    await store.close();

    // Start-up: open the store and the reference data as `anyqtama serve` does.
    const before = process.memoryUsage();
    const startT = performance.now();
    ({ service, store } = await openService(dir));
    const startupMs = performance.now() - startT;
    global.gc?.();
    const memory = process.memoryUsage();

    const stall = monitorEventLoopDelay({ resolution: 1 });
    stall.enable();
    const submitted = (await service.list({ states: ['SUBMITTED'], limit: samples * 2, order: 'submitted' })).items;
    const submit: number[] = [];
    const transition: number[] = [];
    const lookup: number[] = [];
    const openCold: number[] = [];
    const openWarm: number[] = [];
    const queue: number[] = [];
    for (let i = 0; i < samples; i++) {
      await timed(submit, () => service.submit({ serviceId: 'archive-certificate', channel: 'office', answers: exampleAnswers('archive-certificate'), actor: clerk, lang: 'kk' }));
      const target = submitted[i % submitted.length]!;
      // Status look-up (call-centre, bot): state, dates and last event from the index.
      await timed(lookup, () => service.lookup(target.number!));
      // Opening the whole request (clerk's screen): first read from disk (cold), then cached (warm).
      await timed(openCold, () => service.find(target.number!));
      const found = await timed(openWarm, () => service.find(target.number!));
      if (found.ok && found.value.state === 'SUBMITTED') {
        await timed(transition, () => service.actOn(found.value, { action: 'take', actor: clerk, channel: 'office' }));
      }
      if (i % 10 === 0) await timed(queue, () => service.list({ office: 'kzo-archives', states: ['SUBMITTED', 'IN_WORK'], order: 'due', limit: 20 }));
    }
    stall.disable();
    await store.close();
    return {
      size,
      fillSeconds: round(fillSeconds),
      startupMs: round(startupMs),
      rssMB: Math.round(memory.rss / 1e6),
      heapMB: Math.round(memory.heapUsed / 1e6),
      heapGrowthMB: Math.round((memory.heapUsed - before.heapUsed) / 1e6),
      submitMs: stats(submit),
      transitionMs: stats(transition),
      lookupMs: stats(lookup),
      openColdMs: stats(openCold),
      openWarmMs: stats(openWarm),
      queuePageMs: stats(queue),
      longestStallMs: round(stall.max / 1e6),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const { values } = parseArgs({ options: { sizes: { type: 'string' }, samples: { type: 'string' }, child: { type: 'string' } } });
const samples = Number(values.samples ?? 2000);
if (values.child) {
  process.stdout.write(JSON.stringify(await measure(Number(values.child), samples)) + '\n');
} else {
  const sizes = (values.sizes ?? '1000,10000,100000').split(',').map(Number);
  const self = fileURLToPath(import.meta.url);
  console.log(`bench/store — node ${process.version}, ${samples} samples per operation, fsync on every write`);
  const header = ['requests', 'fill s', 'start-up ms', 'RSS MB', 'submit med/p99', 'transition med/p99', 'status look-up med/p99', 'open cold med/p99', 'open warm med/p99', 'queue page med/p99', 'longest stall ms'];
  console.log(header.join(' | '));
  for (const size of sizes) {
    const out = execFileSync(process.execPath, ['--expose-gc', self, '--child', String(size), '--samples', String(samples)], { encoding: 'utf8', maxBuffer: 1e7, env: { ...process.env, CI: '' } });
    const r = JSON.parse(out) as Record<string, { median: number; p99: number }> & Record<string, number>;
    const mp = (k: string) => `${r[k]!.median} / ${r[k]!.p99}`;
    console.log([size, r.fillSeconds, r.startupMs, r.rssMB, mp('submitMs'), mp('transitionMs'), mp('lookupMs'), mp('openColdMs'), mp('openWarmMs'), mp('queuePageMs'), r.longestStallMs].join(' | '));
    console.log(`json ${out.trim()}`);
  }
}

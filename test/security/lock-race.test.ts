import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it, onTestFinished } from 'vitest';
import { DIST_LOCK, freshRounds, histogram, killAll, serialRounds } from './race.js';

// M1: several processes starting together on a store whose lock a dead process left behind.
// Uses the compiled lock (npm test builds first). Two forms of the race, 6 processes a round:
// - ROUNDS rounds with 6 long-lived processes, each taking the lock in a fresh stale store per
//   round through a new open file (cheap, so 200 rounds take seconds);
// - FRESH rounds with 6 freshly started processes per round (the literal "started together";
//   each process start costs ~70 ms of CPU, so on a loaded 2-core machine 200 such rounds take
//   minutes: ANYQTAMA_RACE_FRESH_ROUNDS=200 for the full figure).
// ANYQTAMA_RACE_BEFORE=<commit> (e.g. 845be07) also measures the former lock as it was at that
// commit, in both forms, for before/after figures; that measurement only prints.
const ROUNDS = Number(process.env.ANYQTAMA_RACE_ROUNDS ?? 200);
const FRESH = Number(process.env.ANYQTAMA_RACE_FRESH_ROUNDS ?? 10);
const PROCS = 6;

async function measure(lock: string, label: string, form: 'serial' | 'fresh'): Promise<number[]> {
  const base = await mkdtemp(join(tmpdir(), 'aq-race-'));
  onTestFinished(() => rm(base, { recursive: true, force: true }));
  onTestFinished(killAll);
  const started = Date.now();
  const rounds = form === 'serial' ? ROUNDS : FRESH;
  const counts = await (form === 'serial' ? serialRounds : freshRounds)(lock, base, rounds, PROCS);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const how = form === 'serial' ? `${PROCS} long-lived processes` : `${PROCS} processes started together`;
  console.log(`${label}: owners per round over ${rounds} rounds of ${how} on a stale lock: ${JSON.stringify(histogram(counts))} (${seconds} s)`);
  return counts;
}

describe('the store lock with processes starting together on a stale lock (M1)', () => {
  it(`lets exactly one of ${PROCS} in, every one of ${ROUNDS} rounds`, async () => {
    expect(histogram(await measure(DIST_LOCK, 'flock lock', 'serial'))).toEqual({ 1: ROUNDS });
  }, 120_000);

  it(`lets exactly one of ${PROCS} freshly started processes in, every one of ${FRESH} rounds`, async () => {
    expect(histogram(await measure(DIST_LOCK, 'flock lock', 'fresh'))).toEqual({ 1: FRESH });
  }, 60_000 + FRESH * 3_000);

  it.runIf(process.env.ANYQTAMA_RACE_BEFORE)('before: the former PID lock (measurement only)', async () => {
    const commit = process.env.ANYQTAMA_RACE_BEFORE!;
    const source = execFileSync('git', ['show', `${commit}:src/store/lowdb/lock.ts`], { encoding: 'utf8' });
    const dir = await mkdtemp(join(tmpdir(), 'aq-oldlock-'));
    onTestFinished(() => rm(dir, { recursive: true, force: true }));
    const file = join(dir, 'lock-old.mjs');
    await writeFile(file, ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText);
    await measure(file, `former lock (${commit})`, 'serial');
    await measure(file, `former lock (${commit})`, 'fresh');
  }, 120_000 + FRESH * 3_000);
});

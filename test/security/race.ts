import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export const CHILD = fileURLToPath(new URL('./lock-child.mjs', import.meta.url));
export const DIST_LOCK = fileURLToPath(new URL('../../dist/src/store/lowdb/lock.js', import.meta.url));
/** Above any pid_max (at most 2^22 on Linux): a holder that is surely dead. */
export const DEAD_PID = 2 ** 22 + 12345;

export interface Contender {
  readonly child: ChildProcess;
  /**
   * The first line not yet taken that is, or starts with, one of `words` (taken now, the whole
   * line). Rejects if the child's output ends first.
   */
  line(...words: string[]): Promise<string>;
  /** After the child exited and its output was read to the end. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Every contender not yet known to have exited: a test's clean-up kills them (`killAll`). */
const live = new Set<Contender>();

/** Starts lock-child.mjs with `lock` (a lock module or 'store'), `dir` and `args`. */
export function contender(lock: string, dir: string, args: string[] = [], env: NodeJS.ProcessEnv = {}, command?: string[]): Contender {
  const argv = [...(command ?? [process.execPath]), CHILD, lock, dir, ...args];
  const child = spawn(argv[0]!, argv.slice(1), { stdio: ['pipe', 'pipe', 'inherit'], env: { ...process.env, ...env } });
  const unread: string[] = [];
  const all: string[] = [];
  const waiters: { words: string[]; resolve: (text: string) => void; reject: (e: Error) => void }[] = [];
  const matches = (text: string, words: string[]) => words.some((w) => text === w || text.startsWith(`${w} `));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('close', (code, signal) => resolve({ code, signal })));
  child.on('error', () => undefined);
  child.stdin!.on('error', () => undefined); // written after the child exited
  createInterface({ input: child.stdout! }).on('line', (text) => {
    all.push(text);
    const waiter = waiters.find((w) => matches(text, w.words));
    if (!waiter) return void unread.push(text);
    waiters.splice(waiters.indexOf(waiter), 1);
    waiter.resolve(text);
  });
  const me: Contender = {
    child,
    exited,
    line(...words) {
      const i = unread.findIndex((t) => matches(t, words));
      if (i >= 0) return Promise.resolve(unread.splice(i, 1)[0]!);
      if (child.stdout!.readableEnded) return Promise.reject(new Error(`lock child ended before ${words.join('/')}; it said: ${all.join(' | ')}`));
      return new Promise((resolve, reject) => waiters.push({ words, resolve, reject }));
    },
  };
  live.add(me);
  void exited.then(({ code, signal }) => {
    live.delete(me);
    for (const w of waiters.splice(0)) w.reject(new Error(`lock child exited (${code ?? signal}) before ${w.words.join('/')}; it said: ${all.join(' | ')}`));
  });
  return me;
}

export function kill(all: Iterable<Contender>): void {
  for (const c of all) if (c.child.exitCode === null && c.child.signalCode === null) c.child.kill('SIGKILL');
}

/** For a test's clean-up: no contender outlives it, even one prepared for a round that never ran. */
export function killAll(): void {
  kill([...live]);
}

/** A lock file as a holder left it: the given content, no process holding it. */
export async function staleLock(dir: string, holder: Partial<{ pid: number; host: string; command: string; since: string }> = {}): Promise<void> {
  const content = { pid: DEAD_PID, host: hostname(), command: 'anyqtama serve', since: '2026-12-01T00:00:00.000Z', ...holder };
  await writeFile(join(dir, 'store.lock'), JSON.stringify(content));
}

async function staleDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  await staleLock(dir);
}

/** Waits for one answer from each; owners hold until all have answered. Returns the owner count. */
async function answers(all: readonly Contender[]): Promise<number> {
  const said = await Promise.all(all.map((c) => c.line('OWNER', 'HELD')));
  return said.filter((a) => a.startsWith('OWNER')).length;
}

/**
 * Freshly started processes, `procs` a round: each round a stale lock, its contenders started and
 * loaded (READY), then released together by GO on their stdin. Owners hold until every contender
 * has answered, so a second owner can only come from the lock letting two in, never from one
 * releasing early. The next round's processes start while a round races (start-up is what costs).
 */
export async function freshRounds(lock: string, base: string, rounds: number, procs: number): Promise<number[]> {
  const prepare = async (round: number) => {
    const dir = join(base, `r${round}`);
    await staleDir(dir);
    const all = Array.from({ length: procs }, () => contender(lock, dir));
    await Promise.all(all.map((c) => c.line('READY')));
    return all;
  };
  const counts: number[] = [];
  let next: Promise<Contender[]> | null = prepare(0);
  try {
    for (let round = 0; round < rounds; round++) {
      const current: Contender[] = await next!;
      next = round + 1 < rounds ? prepare(round + 1) : null;
      next?.catch(() => undefined); // awaited in the next turn
      for (const c of current) c.child.stdin!.write('GO\n');
      counts.push(await answers(current));
      for (const c of current) c.child.stdin!.end('END\n');
      await Promise.all(current.map((c) => c.exited));
      await rm(join(base, `r${round}`), { recursive: true, force: true });
    }
  } finally {
    killAll();
  }
  return counts;
}

/**
 * The same race with `procs` long-lived processes (started once) and a fresh stale lock each
 * round: each process takes the lock through a new open file, as a new process would, released
 * together by "GO <dir>". Far cheaper than starting processes, so many rounds fit in seconds.
 */
export async function serialRounds(lock: string, base: string, rounds: number, procs: number): Promise<number[]> {
  const all = Array.from({ length: procs }, () => contender(lock, base, ['--serial']));
  const counts: number[] = [];
  try {
    await Promise.all(all.map((c) => c.line('READY')));
    for (let round = 0; round < rounds; round++) {
      const dir = join(base, `r${round}`);
      await staleDir(dir);
      for (const c of all) c.child.stdin!.write(`GO ${dir}\n`);
      counts.push(await answers(all));
      for (const c of all) c.child.stdin!.write('END\n');
      await Promise.all(all.map((c) => c.line('DONE')));
      await rm(dir, { recursive: true, force: true });
    }
    for (const c of all) c.child.stdin!.end();
    await Promise.all(all.map((c) => c.exited));
  } finally {
    killAll();
  }
  return counts;
}

/** owners-per-round → rounds, e.g. { 1: 200 } */
export function histogram(counts: readonly number[]): Record<number, number> {
  const out: Record<number, number> = {};
  for (const n of counts) out[n] = (out[n] ?? 0) + 1;
  return out;
}

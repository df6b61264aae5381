// A contender for the store's lock, kept small so that many start quickly.
//   node lock-child.mjs <lock module | "store"> <data dir> [--hold] [--grandchild] [--serial]
// It loads the lock module (the compiled dist/src/store/lowdb/lock.js, or an older lock.js with
// the same acquireLock) or, with "store", the compiled LowdbStore, prints READY, and waits for a
// line GO on stdin: a barrier, so that every contender has started and loaded before any tries
// (with ANYQTAMA_GO=now it tries at once). It then prints "OWNER <pid> <ms the take took>" or
// "HELD <holder pid>"; an owner holds until a line END (or the end of stdin), releases and exits.
// --hold: an owner never exits by itself (the test kills it). --grandchild: the owner first
// starts a long `sleep`, which would inherit the lock's descriptor if it were not close-on-exec,
// and prints "GRANDCHILD <pid>". --serial: one process for many rounds: each "GO <dir>" takes
// the lock in <dir>, each END releases it (if owned) and answers DONE; it exits at end of stdin.
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';

const [what, firstDir] = process.argv.slice(2);
const flags = new Set(process.argv.slice(4));
const queue = [];
let wake = null;
const lines = createInterface({ input: process.stdin });
lines.on('line', (line) => {
  queue.push(line.trim());
  wake?.();
});
lines.on('close', () => {
  queue.push('EOF');
  wake?.();
});
async function next() {
  while (queue.length === 0) await new Promise((resolve) => (wake = resolve));
  wake = null;
  return queue.shift();
}

let take;
if (what === 'store') {
  const { LowdbStore } = await import(pathToFileURL(resolve(import.meta.dirname, '../../dist/src/store/lowdb/lowdb-store.js')).href);
  take = async (dir) => {
    const opened = await LowdbStore.open({ dataDir: dir, command: 'lock-child' });
    if (opened.ok) return { ok: true, release: () => opened.value.close() };
    return { ok: false, holder: opened.error.message.params?.pid === undefined ? null : { pid: opened.error.message.params.pid } };
  };
} else {
  const { acquireLock } = await import(pathToFileURL(resolve(what)).href);
  take = (dir) => acquireLock(join(dir, 'store.lock'), 'lock-child');
}

async function attempt(dir) {
  const asked = performance.now();
  const lock = await take(dir);
  const took = Math.round(performance.now() - asked);
  if (!lock.ok) {
    process.stdout.write(`HELD ${lock.holder ? lock.holder.pid : 'unknown'}\n`);
    return null;
  }
  if (flags.has('--grandchild')) {
    const sleeper = spawn('sleep', ['60'], { stdio: 'ignore', detached: true });
    sleeper.unref();
    process.stdout.write(`GRANDCHILD ${sleeper.pid}\n`);
  }
  process.stdout.write(`OWNER ${process.pid} ${took}\n`);
  return lock;
}

process.stdout.write('READY\n');
if (flags.has('--serial')) {
  for (;;) {
    const line = await next();
    if (line === 'EOF') process.exit(0);
    if (!line.startsWith('GO ')) continue;
    const lock = await attempt(line.slice(3));
    while (!['END', 'EOF'].includes(await next()));
    await lock?.release();
    process.stdout.write('DONE\n');
  }
}
if (process.env.ANYQTAMA_GO !== 'now') while (!['GO', 'EOF'].includes(await next()));
const lock = await attempt(firstDir);
if (!lock) process.exit(0);
if (flags.has('--hold')) setInterval(() => undefined, 1 << 30);
else {
  while (!['END', 'EOF'].includes(await next()));
  await lock.release();
  process.exit(0);
}

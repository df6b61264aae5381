import { spawn } from 'node:child_process';
import { copyFile, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, onTestFinished } from 'vitest';
import { LowdbStore } from '../../src/store/lowdb/lowdb-store.js';
import { aRequest, changed } from './fixtures.js';

// m5: a compaction interrupted by kill -9 left its generation behind for good. The store's open
// now removes every generation older than the snapshot it loads, and unfinished .tmp snapshots.
const CHILD = fileURLToPath(new URL('./burst-child.mjs', import.meta.url));

async function openAt(dir: string, compactAfter = 25): Promise<LowdbStore> {
  const opened = await LowdbStore.open({ dataDir: dir, command: 'test', compactAfter });
  if (!opened.ok) throw new Error(opened.error.message.key);
  return opened.value;
}

/** The index files start-up does not read (older than the newest snapshot, or .tmp), with their size. */
async function leftovers(indexDir: string): Promise<{ names: string[]; bytes: number }> {
  const names = await readdir(indexDir);
  const generation = (prefix: string, n: string) => (n.startsWith(prefix) && n.endsWith('.jsonl') ? Number(n.slice(prefix.length, -6)) : NaN);
  const live = Math.max(0, ...names.map((n) => generation('snapshot-', n)).filter((g) => !Number.isNaN(g)));
  const stale = names.filter((n) => n.endsWith('.tmp') || generation('snapshot-', n) < live || generation('journal-', n) < live);
  let bytes = 0;
  for (const n of stale) bytes += (await stat(join(indexDir, n))).size;
  return { names: stale.sort(), bytes };
}

describe('index generations left by interrupted compactions (m5)', () => {
  it('are removed at open, and only those: the live generation and every request stay', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'aq-gens-'));
    onTestFinished(() => rm(dir, { recursive: true, force: true }));
    let store = await openAt(dir);
    const rs = Array.from({ length: 120 }, () => aRequest());
    for (const r of rs) await store.create(r);
    for (const r of rs.slice(0, 40)) await store.save(changed(r, 'IN_WORK'), 1);
    await store.close();
    const index = join(dir, 'index');
    const live = (await readdir(index)).sort();
    const g = Number(live.find((n) => n.startsWith('snapshot-'))!.slice(9, -6));
    expect(g).toBeGreaterThan(3);
    // What kills during compactions leave: a finished older snapshot that was never deleted, older
    // journals, a half-written snapshot of the generation after the live one, and one of an older one.
    await copyFile(join(index, `snapshot-${g}.jsonl`), join(index, `snapshot-${g - 2}.jsonl`));
    await writeFile(join(index, `journal-${g - 2}.jsonl`), '{"t":"del","id":"x"}\n');
    await writeFile(join(index, `journal-${g - 1}.jsonl`), '');
    await writeFile(join(index, `.snapshot-${g + 1}.jsonl.tmp`), '{"t":"put","e":{"id":"half');
    await writeFile(join(index, `.snapshot-${g - 1}.jsonl.tmp`), '');
    await writeFile(join(index, 'notes.txt'), 'not the index\'s');
    expect((await leftovers(index)).names).toHaveLength(5);

    store = await openAt(dir);
    expect((await readdir(index)).sort()).toEqual([...live.filter((n) => n !== 'clean'), 'notes.txt'].sort());
    expect((await store.list({ limit: 500 })).total).toBe(120);
    expect((await store.list({ states: ['IN_WORK'], limit: 500 })).total).toBe(40);
    for (const r of rs) expect((await store.get(r.id))?.version).toBe(rs.indexOf(r) < 40 ? 2 : 1);
    await store.close();
  });

  it('do not pile up over kill -9 during compactions, and every acknowledged change survives', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'aq-killgens-'));
    onTestFinished(() => rm(dir, { recursive: true, force: true }));
    const acked = new Map<string, number>();
    let found = 0;
    let foundBytes = 0;
    for (let round = 0; round < 8; round++) {
      // compactAfter 20: a compaction is under way most of the time, so the kill often lands in one.
      const child = spawn(process.execPath, [CHILD, dir, '20'], { stdio: ['ignore', 'pipe', 'inherit'] });
      onTestFinished(() => void child.kill('SIGKILL'));
      const target = 150 + Math.floor(Math.random() * 300);
      let seen = 0;
      await new Promise<void>((resolve, reject) => {
        child.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`burst exited: ${code}`))));
        createInterface({ input: child.stdout }).on('line', (line) => {
          const [word, id, version] = line.split(' ');
          if (word !== 'ACK' || !id) return;
          acked.set(id, Math.max(acked.get(id) ?? 0, Number(version)));
          if (++seen === target) child.kill('SIGKILL');
        });
      });
      const before = await leftovers(join(dir, 'index'));
      found += before.names.length;
      foundBytes += before.bytes;
      const store = await openAt(dir, 20);
      // Recovery may start a compaction of this run at once (its .tmp is live), so right after
      // open only the older snapshots and journals are checked, and everything after close.
      const now = await readdir(join(dir, 'index'));
      expect(before.names.filter((n) => !n.endsWith('.tmp') && now.includes(n)), `round ${round}`).toEqual([]);
      for (const [id, version] of acked) expect((await store.get(id))?.version, id).toBeGreaterThanOrEqual(version);
      await store.close();
      expect(await leftovers(join(dir, 'index')), `round ${round}`).toEqual({ names: [], bytes: 0 });
    }
    console.log(`8 kills during a burst with compactAfter 20: ${found} stale index files (${foundBytes} bytes) found before the reopens, 0 after each reopen`);
  }, 120_000);
});

import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, onTestFinished } from 'vitest';
import { LowdbStore } from '../../src/store/lowdb/lowdb-store.js';

const CHILD = fileURLToPath(new URL('./burst-child.mjs', import.meta.url));

/** Runs the burst until `acks` writes were acknowledged, then kills it with SIGKILL. */
async function burstThenKill(dir: string, acks: number): Promise<Map<string, number>> {
  const child = spawn(process.execPath, [CHILD, dir], { stdio: ['ignore', 'pipe', 'inherit'] });
  const acked = new Map<string, number>();
  const lines = createInterface({ input: child.stdout });
  await new Promise<void>((resolve, reject) => {
    child.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`burst exited early: ${code}`))));
    lines.on('line', (line) => {
      const [word, id, version] = line.split(' ');
      if (word !== 'ACK' || !id) return;
      acked.set(id, Math.max(acked.get(id) ?? 0, Number(version)));
      if (acked.size + [...acked.values()].reduce((a, b) => a + b - 1, 0) === acks) child.kill('SIGKILL');
    });
  });
  return acked;
}

async function everyFileParses(dir: string): Promise<number> {
  let files = 0;
  for (const shard of await readdir(join(dir, 'requests'))) {
    for (const name of await readdir(join(dir, 'requests', shard))) {
      if (!name.endsWith('.json')) continue;
      JSON.parse(await readFile(join(dir, 'requests', shard, name), 'utf8'));
      files++;
    }
  }
  for (const name of await readdir(join(dir, 'index'))) {
    if (!name.endsWith('.jsonl')) continue;
    for (const line of (await readFile(join(dir, 'index', name), 'utf8')).split('\n')) if (line) JSON.parse(line);
  }
  return files;
}

describe('the embedded store killed with SIGKILL in the middle of a write burst', () => {
  it('keeps every acknowledged change and only valid files, over three kills and restarts', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'aq-kill-'));
    onTestFinished(() => rm(dir, { recursive: true, force: true }));
    const everAcked = new Map<string, number>();
    for (const acks of [400, 900, 1500]) {
      const acked = await burstThenKill(dir, acks);
      for (const [id, v] of acked) everAcked.set(id, Math.max(everAcked.get(id) ?? 0, v));
      const opened = await LowdbStore.open({ dataDir: dir, command: 'check', compactAfter: 150 });
      expect(opened.ok).toBe(true);
      if (!opened.ok) return;
      const store = opened.value;
      for (const [id, version] of everAcked) {
        const doc = await store.get(id);
        expect(doc, `acknowledged request ${id} lost`).not.toBeNull();
        expect(doc!.version).toBeGreaterThanOrEqual(version);
      }
      const listed = await store.list({ limit: 100_000 });
      for (const s of listed.items) expect((await store.get(s.id))!.version).toBe(s.version);
      await store.close();
      expect(await everyFileParses(dir)).toBeGreaterThanOrEqual(everAcked.size);
    }
    await rm(dir, { recursive: true, force: true });
  }, 120_000);
});

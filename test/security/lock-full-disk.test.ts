import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { acquireLock } from '../../src/store/lowdb/lock.js';
import { LowdbStore } from '../../src/store/lowdb/lowdb-store.js';
import { aRequest } from '../store/fixtures.js';

// m1 (the lock's part): on a full disk the former lock could not write its temp file, so every
// command (reads too) failed and left an empty store.lock.<pid>.<hex> behind. flock needs no
// space; only the holder's name may not fit, and the lock is held all the same. A 64 KB tmpfs
// stands for the full disk: mounting needs root.
const root = process.getuid?.() === 0;

async function fullDisk(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'aq-fulldisk-'));
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k,mode=0700', 'tmpfs', dir]);
  onTestFinished(async () => {
    execFileSync('umount', [dir]);
    await rm(dir, { recursive: true, force: true });
  });
  return dir;
}

async function fill(dir: string): Promise<void> {
  await writeFile(join(dir, 'fill'), Buffer.alloc(1 << 20)).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOSPC') throw error;
  });
}

describe.skipIf(!root)(`the store lock on a full disk${root ? '' : ' — skipped: needs root to mount a small tmpfs'}`, () => {
  it('is taken without its holder\'s name, leaves no file behind, and a second taker is told it is held', async () => {
    const disk = await fullDisk();
    await fill(disk);
    const lock = await acquireLock(join(disk, 'store.lock'), 'anyqtama status');
    expect(lock.ok).toBe(true);
    expect((await readdir(disk)).sort()).toEqual(['fill', 'store.lock']);
    expect((await stat(join(disk, 'store.lock'))).size).toBe(0); // the name did not fit
    expect(await acquireLock(join(disk, 'store.lock'), 'second')).toEqual({ ok: false, holder: null });
    if (lock.ok) await lock.release();
    expect((await readdir(disk)).sort()).toEqual(['fill', 'store.lock']);
  });

  it('lets a reading command open a store made before the disk filled up, and find its request', async () => {
    const disk = await fullDisk();
    const dir = join(disk, 'data');
    const made = await LowdbStore.open({ dataDir: dir, command: 'submit' });
    if (!made.ok) throw new Error(made.error.message.key);
    const request = aRequest();
    await made.value.create(request);
    await made.value.close();
    await fill(disk);
    const opened = await LowdbStore.open({ dataDir: dir, command: 'anyqtama status' });
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    expect((await opened.value.get(request.id))?.id).toBe(request.id);
    await opened.value.close();
    expect((await readdir(dir)).filter((n) => n.startsWith('store.lock'))).toEqual(['store.lock']);
  });
});

import { execFileSync } from 'node:child_process';
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { LowdbStore } from '../../src/store/lowdb/lowdb-store.js';
import { aRequest, changed } from '../store/fixtures.js';
import { isRoot, mountTmpfs, NEEDS_ROOT, type Tmpfs } from './tmpfs.js';

/**
 * Everything in opening the embedded store except the lock, on a disk that takes no write: full
 * (ENOSPC) and read-only (EROFS). The lock is replaced here by one that writes nothing, standing in
 * for the flock another branch brings (lock.ts today writes a temp file first, so a real open on a
 * full disk still fails there: see disk-cli.test.ts). Reads answer; writes are refused with the
 * kk/ru message; the store is as it was once the disk has room again.
 */
vi.mock('../../src/store/lowdb/lock.js', () => ({
  acquireLock: async () => ({ ok: true, release: async () => undefined }),
}));

let fs: Tmpfs | null = null;
beforeAll(() => {
  if (isRoot) fs = mountTmpfs('open-store');
});
afterAll(() => fs?.unmount());

async function seed(data: string, unclean: boolean) {
  const opened = await LowdbStore.open({ dataDir: data, command: 'test' });
  if (!opened.ok) throw new Error(opened.error.message.key);
  const kept = [aRequest(), aRequest(), aRequest()];
  for (const r of kept) expect((await opened.value.create(r)).ok).toBe(true);
  await opened.value.close();
  // An unclean stop: start-up then checks the recent requests' files (recovery).
  if (unclean) await rm(join(data, 'index', 'clean'));
  return kept;
}

async function readsAndRefuses(data: string, kept: ReturnType<typeof aRequest>[], key: string, reason: string) {
  const opened = await LowdbStore.open({ dataDir: data, command: 'test' });
  if (!opened.ok) throw new Error(opened.error.message.key);
  const store = opened.value;
  expect((await store.list({ limit: 10 })).total).toBe(3);
  expect(await store.getByNumber(kept[1]!.number!)).toEqual(kept[1]);
  const refused = await store.save(changed(kept[0]!, 'IN_WORK'), 1);
  expect(!refused.ok && refused.error.message).toEqual({ key, params: { reason } });
  await expect(store.putBlob(new Uint8Array(8192).fill(7))).rejects.toMatchObject({ name: 'StoreDiskFailed', code: reason });
  expect((await store.get(kept[0]!.id))!.state).toBe('SUBMITTED');
  await store.close();
}

describe.skipIf(!isRoot)(`opening the embedded store on a disk that takes no write (${NEEDS_ROOT})`, () => {
  it('full (ENOSPC), after an unclean stop: reads answer, a save says "out of space", nothing changed', async () => {
    const disk = fs!;
    const kept = await seed(disk.data, true);
    await disk.fill();
    try {
      await readsAndRefuses(disk.data, kept, 'store.full.change', 'ENOSPC');
    } finally {
      await disk.free();
    }
    const again = await LowdbStore.open({ dataDir: disk.data, command: 'test' });
    if (!again.ok) throw new Error(again.error.message.key);
    expect((await again.value.save(changed(kept[0]!, 'IN_WORK'), 1)).ok).toBe(true);
    await again.value.close();
    expect((await readdir(join(disk.data, 'index'))).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    await rm(disk.data, { recursive: true });
  });

  it('read-only (EROFS), after an unclean stop: reads answer, a save names the code, nothing changed', async () => {
    const disk = fs!;
    const kept = await seed(disk.data, true);
    execFileSync('mount', ['-o', 'remount,ro', disk.dir]);
    try {
      await readsAndRefuses(disk.data, kept, 'store.disk.change', 'EROFS');
    } finally {
      execFileSync('mount', ['-o', 'remount,rw', disk.dir]);
    }
    const again = await LowdbStore.open({ dataDir: disk.data, command: 'test' });
    if (!again.ok) throw new Error(again.error.message.key);
    expect((await again.value.get(kept[0]!.id))!.state).toBe('SUBMITTED');
    expect((await again.value.save(changed(kept[0]!, 'IN_WORK'), 1)).ok).toBe(true);
    await again.value.close();
    await rm(disk.data, { recursive: true });
  });
});

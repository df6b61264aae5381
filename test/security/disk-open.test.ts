import { execFileSync } from 'node:child_process';
import { appendFile, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IndexJournal } from '../../src/store/lowdb/index-journal.js';
import { LowdbStore } from '../../src/store/lowdb/lowdb-store.js';
import { summarise } from '../../src/store/lowdb/summary.js';
import { aRequest } from '../store/fixtures.js';
import { isRoot, mountTmpfs, NEEDS_ROOT, type Tmpfs } from './tmpfs.js';

/**
 * Opening the embedded store to read must not need a write (findings m1): the recovery after an
 * unclean stop puts the request file's word into memory even when the disk refuses its journal
 * line, and the run is then never marked clean, so the next start-up repairs again. The disk here
 * is a tmpfs remounted read-only (EROFS): every write fails, deterministically.
 */
let fs: Tmpfs | null = null;
beforeAll(() => {
  if (isRoot) fs = mountTmpfs('ro-open');
});
afterAll(() => fs?.unmount());

const remount = (mode: 'ro' | 'rw') => execFileSync('mount', ['-o', `remount,${mode}`, fs!.dir]);

describe.skipIf(!isRoot)(`the index's start-up recovery on a disk that refuses writes (${NEEDS_ROOT})`, () => {
  it('repairs in memory, closes without a clean mark, and the next start-up on a writable disk repairs for good', async () => {
    const data = fs!.data;
    const opened = await LowdbStore.open({ dataDir: data, command: 'test' });
    if (!opened.ok) throw new Error(opened.error.message.key);
    const kept = [aRequest(), aRequest(), aRequest()];
    for (const r of kept) expect((await opened.value.create(r)).ok).toBe(true);
    await opened.value.close();
    // A crash after the journal line of version 2 and before its file: the journal is ahead of the file.
    const index = join(data, 'index');
    await rm(join(index, 'clean'));
    const journal = (await readdir(index)).find((n) => n.startsWith('journal-'))!;
    await appendFile(join(index, journal), `${JSON.stringify({ t: 'put', e: { ...summarise(kept[0]!), version: 2, state: 'IN_WORK' } })}\n`);

    remount('ro');
    try {
      const { index: journalIndex, suspect } = await IndexJournal.open(index, 10_000);
      expect(suspect).toContain(kept[0]!.id);
      expect(journalIndex.get(kept[0]!.id)!.version).toBe(2);
      await journalIndex.repair(summarise(kept[0]!)); // the journal line is refused (EROFS): memory only
      expect(journalIndex.get(kept[0]!.id)!.version).toBe(1);
      await journalIndex.forget(kept[2]!.id);
      expect(journalIndex.get(kept[2]!.id)).toBeUndefined();
      await journalIndex.close(); // no clean mark can be written, and none is wanted
    } finally {
      remount('rw');
    }
    expect(await readdir(index)).not.toContain('clean');

    const again = await LowdbStore.open({ dataDir: data, command: 'test' });
    if (!again.ok) throw new Error(again.error.message.key);
    const store = again.value;
    expect((await store.get(kept[0]!.id))!.version).toBe(1);
    expect((await store.list({ limit: 10 })).items.find((s) => s.id === kept[0]!.id)!.state).toBe('SUBMITTED');
    // The forget was memory only on the read-only disk: the file is there, so the request is back.
    expect(await store.get(kept[2]!.id)).toEqual(kept[2]);
    await store.close();
  });
});

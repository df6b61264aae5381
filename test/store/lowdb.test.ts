import { mkdtemp, rm, writeFile, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LowdbStore } from '../../src/store/lowdb/lowdb-store.js';
import type { Store } from '../../src/store/port.js';
import { storeContract } from './contract.js';
import { aRequest, changed } from './fixtures.js';

async function openAt(dir: string, compactAfter?: number): Promise<LowdbStore> {
  const opened = await LowdbStore.open({ dataDir: dir, command: 'test', ...(compactAfter ? { compactAfter } : {}) });
  if (!opened.ok) throw new Error(opened.error.message.key);
  return opened.value;
}

storeContract('lowdb', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'aq-store-'));
  return {
    open: () => openAt(dir),
    reopen: async (store: Store) => {
      await store.close();
      return openAt(dir);
    },
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
});

describe('lowdb store on disk', () => {
  it('lets only one process open it, and names the holder to the second', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'aq-lock-'));
    const first = await openAt(dir);
    const second = await LowdbStore.open({ dataDir: dir, command: 'second' });
    expect(second.ok).toBe(false);
    if (!second.ok) {
      expect(second.error.code).toBe('STORE_LOCKED');
      expect(second.error.message.params).toMatchObject({ pid: process.pid, command: 'test' });
    }
    await first.close();
    const third = await openAt(dir);
    await third.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('takes over a lock left by a process that was killed', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'aq-stale-'));
    const dead = 2 ** 22 + 12345; // above pid_max's default: no such process
    await writeFile(join(dir, 'store.lock'), JSON.stringify({ pid: dead, host: (await import('node:os')).hostname(), command: 'killed', since: 'x' }));
    const store = await openAt(dir);
    await store.create(aRequest());
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('writes one small file per change, not the whole store', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'aq-small-'));
    const store = await openAt(dir);
    const rs = Array.from({ length: 50 }, () => aRequest());
    for (const r of rs) await store.create(r);
    const shards = await readdir(join(dir, 'requests'));
    const files = (await Promise.all(shards.map((s) => readdir(join(dir, 'requests', s))))).flat();
    expect(files.filter((f) => f.endsWith('.json'))).toHaveLength(50);
    const one = await readFile(join(dir, 'requests', rs[0]!.id.slice(0, 2), `${rs[0]!.id}.json`), 'utf8');
    expect(one.length).toBeLessThan(4000);
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('stays complete through index compactions while changes keep arriving', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'aq-compact-'));
    let store = await openAt(dir, 25);
    const rs = Array.from({ length: 120 }, () => aRequest());
    await Promise.all(rs.map((r) => store.create(r)));
    await Promise.all(rs.slice(0, 60).map((r) => store.save(changed(r, 'IN_WORK'), 1)));
    await store.close();
    const index = await readdir(join(dir, 'index'));
    expect(index.filter((n) => n.startsWith('journal-'))).toHaveLength(1);
    store = await openAt(dir, 25);
    expect((await store.list({ limit: 500 })).total).toBe(120);
    expect((await store.list({ states: ['IN_WORK'], limit: 500 })).total).toBe(60);
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('refuses a store written by a newer version and changes nothing in it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'aq-format-'));
    await writeFile(join(dir, 'store.json'), JSON.stringify({ format: 99 }));
    const opened = await LowdbStore.open({ dataDir: dir, command: 'test' });
    expect(!opened.ok && opened.error.message.key).toBe('store.newerFormat');
    // Only the lock file is new: it is taken before anything is read, and never removed.
    expect((await readdir(dir)).sort()).toEqual(['store.json', 'store.lock']);
    await rm(dir, { recursive: true, force: true });
  });
});

describe('the lock file', () => {
  it('with unreadable content and no process holding it is simply taken', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'aq-badlock-'));
    await writeFile(join(dir, 'store.lock'), '{not json');
    const store = await openAt(dir);
    expect(JSON.parse(await readFile(join(dir, 'store.lock'), 'utf8'))).toMatchObject({ pid: process.pid, command: 'test' });
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('held by a process that could not write its name (full disk) refuses, and says not to delete the file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'aq-noname-'));
    const first = await openAt(dir);
    await writeFile(join(dir, 'store.lock'), ''); // what a holder on a full disk leaves
    const opened = await LowdbStore.open({ dataDir: dir, command: 'test' });
    expect(opened.ok).toBe(false);
    if (!opened.ok) {
      expect(opened.error.code).toBe('STORE_LOCKED');
      expect(opened.error.message).toEqual({ key: 'store.lockUnreadable', params: { path: join(dir, 'store.lock') } });
    }
    await first.close();
    await rm(dir, { recursive: true, force: true });
  });
});

import { mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireLock } from '../../src/store/lowdb/lock.js';

// flock(2) locks belong to an open file description, so a second acquireLock in this same process
// (a second open()) conflicts exactly as a second process would. Cross-process cases, kills and
// the start-up race are in test/security/lock*.test.ts.
describe('the store lock', () => {
  let dir = '';
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('names a live holder to the second taker, and is free again after release', async () => {
    dir = await mkdtemp(join(tmpdir(), 'aq-held-'));
    const path = join(dir, 'store.lock');
    const first = await acquireLock(path, 'first');
    expect(first.ok).toBe(true);
    const second = await acquireLock(path, 'second');
    expect(second).toMatchObject({ ok: false, holder: { pid: process.pid, command: 'first' } });
    if (first.ok) await first.release();
    if (first.ok) await first.release(); // twice is harmless
    const third = await acquireLock(path, 'third');
    expect(third.ok).toBe(true);
    if (third.ok) await third.release();
  });

  it('writes no temp files, keeps the file (0600) after release, and removes the former lock\'s leftovers', async () => {
    dir = await mkdtemp(join(tmpdir(), 'aq-files-'));
    const path = join(dir, 'store.lock');
    // What the former link() lock left behind on a full disk.
    await writeFile(`${path}.4242.0badc0de`, '');
    await writeFile(`${path}.17.deadbeef`, '');
    await writeFile(join(dir, 'store.lock.keep'), 'not ours');
    const lock = await acquireLock(path, 'anyqtama serve');
    expect(lock.ok).toBe(true);
    expect((await readdir(dir)).sort()).toEqual(['store.lock', 'store.lock.keep']);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect(JSON.parse(await readFile(path, 'utf8'))).toMatchObject({ pid: process.pid, command: 'anyqtama serve' });
    if (lock.ok) await lock.release();
    expect((await readdir(dir)).sort()).toEqual(['store.lock', 'store.lock.keep']);
  });

  it('takes a lock file whatever it says when no process holds it: dead, foreign, own or reused PID, garbage', async () => {
    dir = await mkdtemp(join(tmpdir(), 'aq-stale-'));
    const path = join(dir, 'store.lock');
    for (const content of [
      JSON.stringify({ pid: 2 ** 22 + 12345, host: 'old-container-4f1a', command: 'anyqtama serve', since: 'x' }),
      JSON.stringify({ pid: process.pid, host: 'this', command: 'me', since: 'x' }),
      JSON.stringify({ pid: 1, host: 'init', command: 'anyqtama serve', since: 'x' }),
      '{not json',
      '',
    ]) {
      await writeFile(path, content, { mode: 0o644 });
      const lock = await acquireLock(path, 'next');
      expect(lock.ok, content).toBe(true);
      expect(JSON.parse(await readFile(path, 'utf8'))).toMatchObject({ pid: process.pid, command: 'next' });
      expect((await stat(path)).mode & 0o777).toBe(0o600);
      if (lock.ok) await lock.release();
    }
  });

  it('says held without a name when the holder could not write one, after a short wait for it', async () => {
    dir = await mkdtemp(join(tmpdir(), 'aq-noname-'));
    const path = join(dir, 'store.lock');
    const first = await acquireLock(path, 'first');
    await writeFile(path, ''); // a holder on a full disk could not write its name
    const started = Date.now();
    expect(await acquireLock(path, 'second')).toEqual({ ok: false, holder: null });
    expect(Date.now() - started).toBeLessThan(2_000);
    if (first.ok) await first.release();
  });

  it('is taken by a second taker when the holder lets go while it waits for the holder\'s name', async () => {
    dir = await mkdtemp(join(tmpdir(), 'aq-letgo-'));
    const path = join(dir, 'store.lock');
    const first = await acquireLock(path, 'first');
    await writeFile(path, ''); // no name yet: the second one looks again for a moment
    if (first.ok) setTimeout(() => void first.release(), 40);
    const second = await acquireLock(path, 'second');
    expect(second.ok).toBe(true);
    if (second.ok) await second.release();
  });

  it('refuses a symlink planted as the lock and does not touch its target', async () => {
    dir = await mkdtemp(join(tmpdir(), 'aq-link-'));
    const target = join(dir, 'precious');
    await writeFile(target, 'keep me');
    await symlink(target, join(dir, 'store.lock'));
    await expect(acquireLock(join(dir, 'store.lock'), 'x')).rejects.toMatchObject({ code: 'ELOOP' });
    expect(await readFile(target, 'utf8')).toBe('keep me');
  });
});

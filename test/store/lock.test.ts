import { mkdtemp, rm } from 'node:fs/promises';
import * as fs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

// The race is a few microseconds wide between two processes; node's own link() is wrapped so that
// the holder lets go exactly inside it: after the second process's link() failed, before it reads
// who holds the lock. The lock module itself runs unchanged.
const race = { releaseOnConflict: false };
vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof fs>();
  return {
    ...real,
    link: async (from: string, to: string) => {
      try {
        await real.link(from, to);
      } catch (error) {
        if (race.releaseOnConflict && (error as NodeJS.ErrnoException).code === 'EEXIST') {
          race.releaseOnConflict = false;
          await real.unlink(to);
        }
        throw error;
      }
    },
  };
});

const { acquireLock } = await import('../../src/store/lowdb/lock.js');

describe('the store lock', () => {
  let dir = '';
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('is taken by the second process when the holder lets go while it looks, never called unreadable', async () => {
    dir = await mkdtemp(join(tmpdir(), 'aq-race-'));
    const path = join(dir, 'store.lock');
    const first = await acquireLock(path, 'first');
    expect(first.ok).toBe(true);
    race.releaseOnConflict = true;
    const second = await acquireLock(path, 'second');
    expect(race.releaseOnConflict).toBe(false); // the release did happen inside the window
    expect(second.ok).toBe(true);
    if (second.ok) await second.release();
  });

  it('names a live holder to the second process', async () => {
    dir = await mkdtemp(join(tmpdir(), 'aq-held-'));
    const path = join(dir, 'store.lock');
    const first = await acquireLock(path, 'first');
    const second = await acquireLock(path, 'second');
    expect(second).toMatchObject({ ok: false, holder: { pid: process.pid, command: 'first' } });
    if (first.ok) await first.release();
  });
});

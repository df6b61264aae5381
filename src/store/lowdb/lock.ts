import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { link, readFile, unlink, writeFile } from 'node:fs/promises';
import { unlinkSync } from 'node:fs';

/** Who holds the embedded store, written into its lock file. */
export interface LockHolder {
  readonly pid: number;
  readonly host: string;
  readonly command: string;
  readonly since: string;
}

/** `holder` is null when the lock file cannot be read: it is then treated as held, never as stale. */
export type LockOutcome = { readonly ok: true; readonly release: () => Promise<void> } | { readonly ok: false; readonly holder: LockHolder | null };

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Only one process may open the embedded store: two lowdb writers on one file lose half the
 * writes (ARCHITECTURE.md). The lock is a file created with O_EXCL holding the owner's pid, like
 * PostgreSQL's postmaster.pid: a lock left by a killed process is recognised by its dead pid and
 * taken over, while a live holder is named to the second process. (proper-lockfile judges
 * staleness by mtime, which would let a second process in beside a busy holder.)
 */
export async function acquireLock(path: string, command: string): Promise<LockOutcome> {
  const me: LockHolder = { pid: process.pid, host: hostname(), command, since: new Date().toISOString() };
  // Written in full to a private file, then linked into place: link() fails if the lock exists,
  // and a reader never sees a lock file without its holder written in it.
  const temp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}`;
  await writeFile(temp, JSON.stringify(me));
  try {
    // A few rounds: between our failed link() and reading the holder, the holder may release
    // (the file is gone: try again) or a dead holder's lock may be cleared (try again).
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        await link(temp, path);
        const onExit = () => {
          try { unlinkSync(path); } catch { /* already gone */ }
        };
        process.once('exit', onExit);
        return {
          ok: true,
          release: async () => {
            process.off('exit', onExit);
            await unlink(path).catch(() => undefined);
          },
        };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        const holder = await readHolder(path);
        if (holder === 'gone') continue;
        if (!holder || holder.host !== me.host || alive(holder.pid)) {
          return { ok: false, holder };
        }
        // The holder died without releasing (kill -9, power cut): the lock is stale.
        await unlink(path).catch(() => undefined);
      }
    }
    const holder = await readHolder(path);
    return { ok: false, holder: holder === 'gone' ? null : holder };
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}

/** 'gone' when the holder released the lock after our link() failed: the caller tries again. */
async function readHolder(path: string): Promise<LockHolder | null | 'gone'> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'gone';
    return null; // unreadable: report the lock as held rather than risk two writers
  }
  try {
    return JSON.parse(text) as LockHolder;
  } catch {
    return null;
  }
}

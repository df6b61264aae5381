import { closeSync, constants, fstatSync, fchmodSync, ftruncateSync, openSync, readdirSync, readSync, unlinkSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** Who holds the embedded store, written into its lock file for other processes' messages. */
export interface LockHolder {
  readonly pid: number;
  readonly host: string;
  readonly command: string;
  readonly since: string;
}

/**
 * `holder` is null when the lock is held but its file does not say by whom (the holder could not
 * write it, e.g. on a full disk, or this user may not open the file).
 */
export type LockOutcome = { readonly ok: true; readonly release: () => Promise<void> } | { readonly ok: false; readonly holder: LockHolder | null };

/** The part of the fs-ext addon used here (flock(2); fs-ext ships no types). */
interface FsExt {
  flockSync(fd: number, flags: 'exnb' | 'un'): void;
}

let addon: FsExt | null = null;

/** fs-ext is a CommonJS native addon: an ES module loads it through createRequire. */
function fsExt(): FsExt {
  if (!addon) {
    try {
      addon = createRequire(import.meta.url)('fs-ext') as FsExt;
    } catch (error) {
      throw new Error(`The store lock needs the native addon fs-ext (flock), which did not load: ${(error as Error).message}. Run \`npm rebuild fs-ext\`.`);
    }
  }
  return addon;
}

/** How long a process that found the lock taken waits for the holder to write who it is. */
const HOLDER_WAIT_MS = 250;
const HOLDER_POLL_MS = 25;

/**
 * Only one process may open the embedded store: two lowdb writers on one file lose half the
 * writes (ARCHITECTURE.md). The lock is flock(2) on `store.lock`, taken without waiting. The
 * kernel releases it when the holder's last descriptor closes, which includes any death of the
 * process (kill -9, OOM, power cut), so there is nothing to judge stale: no PID or hostname is
 * compared, and a lock file left by a dead process (or by the former PID/link lock) is simply
 * locked by the next one. The file is created once and never unlinked: unlinking a flock'ed file
 * would let one process lock the old inode while another creates and locks a new one.
 *
 * The holder writes who it is into the file after it has the lock; that text is only for the
 * message another process prints, never for deciding anything. Node opens files with O_CLOEXEC,
 * so a child process the holder spawns does not inherit (and keep) the lock.
 */
export async function acquireLock(path: string, command: string): Promise<LockOutcome> {
  const flock = fsExt();
  const fd = openLockFile(path);
  const deadline = Date.now() + HOLDER_WAIT_MS;
  for (;;) {
    try {
      flock.flockSync(fd, 'exnb');
      return held(fd, path, command);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN' && (error as NodeJS.ErrnoException).code !== 'EWOULDBLOCK') {
        closeSync(fd);
        throw error;
      }
    }
    const holder = readHolder(fd);
    // A holder that has just taken the lock may not have written its name yet: look again
    // briefly (and try the lock again: it may have let go meanwhile).
    if (holder || Date.now() >= deadline) {
      closeSync(fd);
      return { ok: false, holder };
    }
    await sleep(HOLDER_POLL_MS);
  }
}

/**
 * Opens the lock file read-write, creating it (0600) if missing. O_NOFOLLOW: a symlink planted as
 * store.lock must not make us truncate its target. A file we may not write (another user's, a
 * read-only mount) is opened read-only: flock works on it all the same, only the name is not written.
 */
function openLockFile(path: string): number {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDWR | constants.O_CREAT | constants.O_NOFOLLOW, 0o600);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EACCES' && code !== 'EPERM' && code !== 'EROFS') throw error;
    fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW);
  }
  if (!fstatSync(fd).isFile()) {
    closeSync(fd);
    throw new Error(`The store lock ${path} is not a regular file.`);
  }
  return fd;
}

function held(fd: number, path: string, command: string): LockOutcome {
  const me: LockHolder = { pid: process.pid, host: hostname(), command, since: new Date().toISOString() };
  try {
    fchmodSync(fd, 0o600); // a lock file made by an older version may be 0644
  } catch {
    /* not ours to change (read-only): the lock holds all the same */
  }
  try {
    ftruncateSync(fd, 0);
    writeSync(fd, `${JSON.stringify(me)}\n`, 0);
  } catch {
    // A full disk: the lock is held all the same; others are told it is held without a name.
  }
  removeFormerTempFiles(path);
  let released = false;
  return {
    ok: true,
    release: async () => {
      if (released) return;
      released = true;
      try {
        fsExt().flockSync(fd, 'un');
      } finally {
        closeSync(fd);
      }
    },
  };
}

/**
 * The former lock wrote `store.lock.<pid>.<8 hex>` and linked it into place; on a full disk or a
 * kill it left them behind. Only the lock holder removes them, so none is in use.
 */
function removeFormerTempFiles(path: string): void {
  const pattern = new RegExp(`^${basename(path).replace(/\./g, '\\.')}\\.\\d+\\.[0-9a-f]{8}$`);
  try {
    for (const name of readdirSync(dirname(path))) {
      if (pattern.test(name)) unlinkSync(join(dirname(path), name));
    }
  } catch {
    /* best effort */
  }
}

/** The holder's name from the locked file, or null when it is empty or not a holder record. */
function readHolder(fd: number): LockHolder | null {
  const buffer = Buffer.alloc(4096);
  let length: number;
  try {
    length = readSync(fd, buffer, 0, buffer.length, 0);
  } catch {
    return null;
  }
  const text = buffer.subarray(0, length).toString('utf8').split('\n')[0] ?? '';
  try {
    const holder = JSON.parse(text) as Partial<LockHolder> | null;
    if (!holder || typeof holder.pid !== 'number') return null;
    return { pid: holder.pid, host: String(holder.host ?? '?'), command: String(holder.command ?? '?'), since: String(holder.since ?? '?') };
  } catch {
    return null;
  }
}

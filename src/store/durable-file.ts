import { randomBytes } from 'node:crypto';
import { lstat, mkdir, open, readFile, rename, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { DIR_MODE, FILE_MODE } from './modes.js';

/**
 * Files written so that a power cut leaves the old or the new content: the embedded store's
 * documents and journals, and small markers beside a store (the demo's "already seeded" file),
 * whichever adapter holds the requests. No lowdb here: any writer of the data folder may use it.
 */

/**
 * Writes `data` to `path` so that a reader sees either the old or the new content, never a mix,
 * and returns only once the new content survives a power cut: temp file, fsync, rename, fsync of
 * the directory. lowdb's own JSONFile (steno) renames without fsync and uses one fixed temp name
 * per file, which two writers share; hence this writer (and lowdb/durable-file.ts's adapter on it).
 */
export async function writeFileDurably(path: string, data: string | Uint8Array): Promise<void> {
  const dir = dirname(path);
  const temp = join(dir, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  await fillTempFile(temp, (file) => file.writeFile(data));
  try {
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await syncDirectory(dir);
}

/**
 * Creates `temp` (owner only: requests, scans, users' keys and chats are personal data, whatever
 * the umask), lets `fill` write it, and fsyncs it. On a failure (a full disk) the half-written file
 * is removed, so it cannot fill the disk further, and the error goes on. Renaming is the caller's.
 */
export async function fillTempFile(temp: string, fill: (file: FileHandle) => Promise<unknown>): Promise<void> {
  const file = await open(temp, 'w', FILE_MODE);
  try {
    await fill(file);
    await file.sync();
  } catch (error) {
    await file.close();
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await file.close();
}

/**
 * mkdir -p with the store's folder mode. Node's recursive mkdir reports a read-only disk as ENOENT
 * (libuv walks up on any error); the first missing folder is then made once more without
 * `recursive`, so the caller learns the disk's real code (EROFS) and can say so.
 */
export async function makeDir(path: string): Promise<void> {
  try {
    await mkdir(path, { recursive: true, mode: DIR_MODE });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    let missing = path;
    for (let parent = dirname(missing); parent !== missing; parent = dirname(parent)) {
      if (await lstat(parent).then(() => true, () => false)) break;
      missing = parent;
    }
    await mkdir(missing, { mode: DIR_MODE });
    throw error;
  }
}

export async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export async function readJson<T>(path: string): Promise<T | null> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as T;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

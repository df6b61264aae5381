import { chmod, lstat, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { t, type MessageRef } from '../../core/i18n/catalogue.js';

export { DIR_MODE, FILE_MODE } from '../modes.js';

/** Bits that let the group or others in. */
const OPEN = 0o077;

export interface Tightened {
  readonly files: number;
  readonly dirs: number;
  /** Entries whose mode could not be changed (owned by someone else, a read-only disk). */
  readonly failed: number;
  /** Whether the whole tree was walked (a looser data dir or top-level entry was found). */
  readonly walked: boolean;
}

/**
 * Takes group and other bits off every file and folder of a store that was written with a looser
 * umask (the code before 0.x set no modes: files 0644, folders 0755), keeping the owner's bits, and
 * says once how many were changed. The whole tree is walked only when the data dir or one of its
 * top-level entries is open to others: once the data dir is 0700 nothing below it can be reached by
 * anyone else, so a store already put right (every start after the first) costs one readdir here,
 * not a walk of 100k request files. Symbolic links are not followed. Never throws: a mode that
 * cannot be changed is reported, not a reason to refuse to open.
 */
export async function tightenPermissions(dir: string, warn: (message: MessageRef) => void = toStderr): Promise<Tightened> {
  const counts = { files: 0, dirs: 0, failed: 0, reason: '' };
  const top = await lstat(dir).catch(() => null);
  if (!top?.isDirectory()) return { ...counts, walked: false };
  const names = await readdir(dir).catch(() => [] as string[]);
  let loose = (top.mode & OPEN) !== 0;
  for (const name of names) {
    if (loose) break;
    // The lock is lock.ts's file, made a moment ago by this very process (0600 under the program's
    // umask): a library caller's umask alone must not set off a walk and a message at every open.
    if (name.startsWith('store.lock')) continue;
    const st = await lstat(join(dir, name)).catch(() => null);
    if (st && (st.isFile() || st.isDirectory()) && (st.mode & OPEN) !== 0) loose = true;
  }
  if (!loose) return { ...counts, walked: false };

  const fix = async (path: string, mode: number, kind: 'files' | 'dirs') => {
    if ((mode & OPEN) === 0) return;
    try {
      await chmod(path, mode & 0o700);
      counts[kind] += 1;
    } catch (error) {
      counts.failed += 1;
      counts.reason ||= (error as NodeJS.ErrnoException).code ?? 'error';
    }
  };
  const walk = async (folder: string, mode: number): Promise<void> => {
    await fix(folder, mode, 'dirs');
    const entries = await readdir(folder).catch(() => [] as string[]);
    for (const name of entries) {
      const path = join(folder, name);
      const st = await lstat(path).catch(() => null);
      if (!st) continue;
      if (st.isDirectory()) await walk(path, st.mode);
      else if (st.isFile()) await fix(path, st.mode, 'files');
      // Links are not followed; sockets (the control socket) and the rest are left alone.
    }
  };
  await walk(dir, top.mode);
  if (counts.files + counts.dirs > 0) warn({ key: 'store.permissions.tightened', params: { dir, files: counts.files, dirs: counts.dirs } });
  if (counts.failed > 0) warn({ key: 'store.permissions.failed', params: { dir, count: counts.failed, reason: counts.reason } });
  return { files: counts.files, dirs: counts.dirs, failed: counts.failed, walked: true };
}

/** Without a front-end's language (a library caller): Kazakh, then Russian, on stderr. */
function toStderr(message: MessageRef): void {
  process.stderr.write(`${t('kk', message.key, message.params)}\n${t('ru', message.key, message.params)}\n`);
}

import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A real small file system for disk-full tests: a tmpfs, which only root may mount. Tests skip
 * with this reason elsewhere; `unmount` is called in afterAll whatever happened.
 */
export const isRoot = process.getuid?.() === 0;
export const NEEDS_ROOT = 'needs root to mount a small tmpfs (a real full disk)';

export interface Tmpfs {
  /** The mount point. */
  readonly dir: string;
  /** A data dir on it (not yet made); the filler lives beside it, not in it. */
  readonly data: string;
  /** Fills the file system until it refuses another byte (a file named `filler`). */
  fill(): Promise<void>;
  /** Removes the filler: the disk has room again. */
  free(): Promise<void>;
  unmount(): void;
}

export function mountTmpfs(label: string, size = '8m'): Tmpfs {
  const dir = mkdtempSync(join(tmpdir(), `aq-${label}-`));
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size},mode=0700`, 'tmpfs', dir]);
  const filler = join(dir, 'filler');
  let mounted = true;
  return {
    dir,
    data: join(dir, 'data'),
    async fill() {
      const chunk = Buffer.alloc(64 * 1024, 1);
      for (;;) {
        try {
          await writeFile(filler, chunk, { flag: 'a' });
        } catch {
          break;
        }
      }
      for (const small of [4096, 512, 64, 1]) {
        try { for (;;) await writeFile(filler, Buffer.alloc(small, 1), { flag: 'a' }); } catch { /* next size */ }
      }
    },
    async free() {
      await unlink(filler).catch(() => undefined);
    },
    unmount() {
      if (!mounted) return;
      mounted = false;
      try {
        execFileSync('umount', [dir]);
      } catch {
        execFileSync('umount', ['-l', dir]);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

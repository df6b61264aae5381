import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The project folder, found from this file whether it runs compiled (dist/src/config) or from
 * source under the test runner (src/config), so the reference data shipped in data/ is found
 * whatever the working directory.
 */
function findProjectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'anyqtama') return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('anyqtama: cannot find the project folder (package.json)');
    dir = parent;
  }
}

export const PROJECT_ROOT = findProjectRoot();
export const SHIPPED_DATA = join(PROJECT_ROOT, 'data');

/** The runtime store's folder: --data-dir, else ANYQTAMA_DATA_DIR, else data/runtime (git-ignored). */
export function resolveDataDir(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return resolve(flag ?? env.ANYQTAMA_DATA_DIR ?? join(SHIPPED_DATA, 'runtime'));
}

/**
 * An office overrides any shipped reference file by putting a file of the same relative name in
 * its data directory (e.g. DATA_DIR/calendar/2027.json after a new government decree).
 */
export function referencePath(dataDir: string, relative: string): string {
  const own = join(dataDir, relative);
  return existsSync(own) ? own : join(SHIPPED_DATA, relative);
}

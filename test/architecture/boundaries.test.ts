import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// ARCHITECTURE.md: "Front-ends import no store adapter and no key code; the CLI's context is the
// one place that wires adapters." TypeScript's own pre-processor lists a file's imports (static,
// `import type`, re-exports and `import()`), so no parser of ours and no new dependency.

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const FRONT_ENDS = ['src/tui', 'src/bot', 'src/ssh', 'src/cli'];
/** They open the store and build the services (wiring.ts: PostgreSQL for `migrate` and `store copy`): wiring adapters is their job. */
const WIRING = new Set(['src/cli/context.ts', 'src/cli/wiring.ts', 'src/cli/tui-services.ts']);

/** A store adapter, or the code that holds and opens signing keys. */
const forbidden = (target: string): boolean =>
  /^src\/store\/(lowdb|pg)(\/|$)/.test(target) || /^src\/documents\/pki(\/|$)/.test(target) || target === 'src/documents/keys';

/**
 * Today's offenders (issue 14), each to move behind a desk in src/app; remove a line when its import
 * goes. `file -> imported module` (without extension).
 */
const ALLOWED = new Set([
]);

const posix = (path: string) => path.split(sep).join('/');

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The repository-relative modules (without extension) a file imports; packages are left out. */
function importsOf(file: string): string[] {
  const { importedFiles } = ts.preProcessFile(readFileSync(join(ROOT, file), 'utf8'), true, true);
  return importedFiles
    .map((f) => f.fileName)
    .filter((spec) => spec.startsWith('.'))
    .map((spec) => posix(relative(ROOT, resolve(ROOT, dirname(file), spec))).replace(/\.(js|jsx|ts|tsx|mjs)$/, ''));
}

const files = FRONT_ENDS.flatMap(sourceFiles).filter((f) => !WIRING.has(f));
const found = new Set(files.flatMap((file) => importsOf(file).filter(forbidden).map((target) => `${file} -> ${target}`)));

describe('front-ends reach the store and keys only through src/app', () => {
  it('reads every front-end file', () => {
    // A walker that silently found nothing would let everything pass.
    expect(files.length).toBeGreaterThan(50);
    expect(files).toContain('src/tui/screens/decide.tsx');
    expect(files).toContain('src/bot/bot.ts');
    expect(files.some((f) => f.startsWith('src/ssh/'))).toBe(true);
  });

  it('no front-end imports a store adapter or key code that it did not import before', () => {
    expect([...found].filter((pair) => !ALLOWED.has(pair)).sort()).toEqual([]);
  });

  it('the list of old offenders names only imports that still exist, so a fix shortens it', () => {
    expect([...ALLOWED].filter((pair) => !found.has(pair)).sort()).toEqual([]);
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

// TypeScript's own pre-processor lists a file's imports (static, `import type`, re-exports and
// `import()`), so no parser of ours and no new dependency.

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

const posix = (path: string) => path.split(sep).join('/');

/** The .ts and .tsx files under a repository folder, as repository paths. */
export function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The repository-relative modules (without extension) a file imports; packages are left out. */
export function importsOf(file: string): string[] {
  const { importedFiles } = ts.preProcessFile(readFileSync(join(ROOT, file), 'utf8'), true, true);
  return importedFiles
    .map((f) => f.fileName)
    .filter((spec) => spec.startsWith('.'))
    .map((spec) => posix(relative(ROOT, resolve(ROOT, dirname(file), spec))).replace(/\.(js|jsx|ts|tsx|mjs)$/, ''));
}

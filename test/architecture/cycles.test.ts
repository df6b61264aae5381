import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importsOf, ROOT, sourceFiles } from './imports.js';

// STYLE.md: the bot is a stack of small composers. An import loop among them (it was nine files,
// through one type-only import) means no file can be read, tested or moved on its own. Type-only
// imports count: they tie the files together for a reader just the same (imports.ts lists them).

const CHECKED = ['src/bot'];

/** The source files a file imports, as repository paths with their extension. */
const importedFiles = (file: string): string[] =>
  importsOf(file).flatMap((base) => ['.ts', '.tsx'].map((ext) => base + ext).filter((path) => existsSync(join(ROOT, path))));

/** The import loops a depth-first walk meets (at least one if there is any), as the files around each from its smallest name. */
function cyclesOf(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const found = new Map<string, string[]>();
  const done = new Set<string>();
  const walk = (file: string, path: string[], onPath: Set<string>): void => {
    for (const next of graph.get(file) ?? []) {
      if (onPath.has(next)) {
        const loop = path.slice(path.indexOf(next));
        const start = loop.indexOf([...loop].sort()[0]!);
        const canonical = [...loop.slice(start), ...loop.slice(0, start)];
        found.set(canonical.join(' -> '), canonical);
      } else if (!done.has(next) && graph.has(next)) {
        onPath.add(next);
        walk(next, [...path, next], onPath);
        onPath.delete(next);
      }
    }
    done.add(file);
  };
  for (const file of [...graph.keys()].sort()) if (!done.has(file)) walk(file, [file], new Set([file]));
  return [...found.values()];
}

describe('no import loops', () => {
  const files = CHECKED.flatMap(sourceFiles);
  const graph = new Map(files.map((file) => [file, importedFiles(file)] as const));

  it('reads the bot and follows its imports', () => {
    // A walker that silently found nothing would let everything pass.
    expect(files.length).toBeGreaterThan(20);
    expect(graph.get('src/bot/bot.ts')).toContain('src/bot/conversation.ts');
  });

  it('finds a loop where there is one, type-only imports included', () => {
    const loop = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts', 'd.ts']],
      ['c.ts', ['a.ts']],
      ['d.ts', []],
    ]);
    expect(cyclesOf(loop)).toEqual([['a.ts', 'b.ts', 'c.ts']]);
    expect(cyclesOf(new Map([['a.ts', ['a.ts']]]))).toEqual([['a.ts']]);
  });

  it('src/bot has none: its composers and helpers import downwards only', () => {
    expect(cyclesOf(graph).map((loop) => loop.join(' -> '))).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { importsOf, sourceFiles } from './imports.js';

// ARCHITECTURE.md: "Front-ends import no store adapter and no key code; the CLI's context is the
// one place that wires adapters." Imports as TypeScript's pre-processor lists them (imports.ts).

const FRONT_ENDS = ['src/tui', 'src/bot', 'src/ssh', 'src/cli'];
/** They open the store and build the services (wiring.ts: PostgreSQL for `migrate` and `store copy`): wiring adapters is their job. */
const WIRING = new Set(['src/cli/context.ts', 'src/cli/wiring.ts', 'src/cli/tui-services.ts']);

/** A store adapter, or the code that holds and opens signing keys. */
const forbidden = (target: string): boolean =>
  /^src\/store\/(lowdb|pg)(\/|$)/.test(target) || /^src\/documents\/pki(\/|$)/.test(target) || target === 'src/documents/keys';

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

  it('the check sees an adapter import where one is: in the wiring files it leaves out', () => {
    // Without this a predicate that matched nothing would pass every front-end.
    const wired = [...WIRING].flatMap((file) => importsOf(file).filter(forbidden));
    expect(wired).toContain('src/store/lowdb/lowdb-store');
  });

  it('no front-end imports a store adapter or key code (issue 14 emptied the list of old offenders)', () => {
    expect([...found].sort()).toEqual([]);
  });
});

/**
 * Guards the one-line fix of ink 6.8.0's incremental rendering (patches/ink+6.8.0.patch): without
 * it every changed line lands one row too low, so a clerk sees two highlighted rows and duplicated
 * request lines. A 20-row list app runs on a real pseudo-terminal; the screen is rebuilt from the
 * byte stream by a real terminal emulator and compared after every key.
 *
 * The runner's CI=true is kept (and set if missing): the app must work with it, as `anyqtama tui`
 * must when a daemon or a CI job starts it.
 */
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterEach, describe, expect, test } from 'vitest';
import { startTerm, type Term } from './term.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const FIXTURE = fileURLToPath(new URL('../fixtures/tui/list.mjs', import.meta.url));
const COUNT = 20;
const FIRST_ITEM_ROW = 1; // row 0 is the title

type Move = 'up' | 'down';

const open: Term[] = [];
afterEach(() => {
  for (const term of open.splice(0)) term.kill();
});

/** The list app at 80x24, drawn and quiet, with its first screen as a clerk sees it. */
async function startList(mode: 'incremental' | 'full'): Promise<{ term: Term; first: string[] }> {
  const term = startTerm({
    command: process.execPath,
    args: [FIXTURE, ...(mode === 'full' ? ['--full'] : [])],
    cwd: ROOT,
    env: { ...process.env, CI: 'true' },
    cols: 80,
    rows: 24,
  });
  open.push(term);
  await term.waitFor(`Selected 1/${COUNT}`);
  await term.settle();
  return { term, first: term.screen() };
}

/** What the screen must show with `selected` highlighted: the first screen with the marker and status moved. */
function expectedScreen(first: readonly string[], selected: number): string[] {
  return first.map((line, y) => {
    const item = y - FIRST_ITEM_ROW;
    if (item >= 0 && item < COUNT) return (item === selected ? '>' : ' ') + line.slice(1);
    return line.replace(`Selected 1/${COUNT}`, `Selected ${selected + 1}/${COUNT}`);
  });
}

function dump(screen: readonly string[]): string {
  return screen.map((line, y) => `${String(y).padStart(2)}|${line}`).join('\n');
}

/** Everything a clerk would notice on the list after a key. */
function checkScreen(term: Term, first: readonly string[], selected: number, after: readonly Move[]): void {
  const screen = term.screen();
  const context = `after ${after.join(',') || 'nothing'}\n${dump(screen)}`;
  // Exactly one highlighted row, and it is the selected one.
  expect(term.highlightedRows(), context).toEqual([FIRST_ITEM_ROW + selected]);
  // Every request line once, nothing written over the title, status or the blank rows below.
  const items = screen.slice(FIRST_ITEM_ROW, FIRST_ITEM_ROW + COUNT).map((line) => line.slice(1));
  expect(new Set(items).size, context).toBe(COUNT);
  expect(screen, context).toEqual(expectedScreen(first, selected));
}

/** Plays the moves, checking the screen after each one. */
async function play(term: Term, first: readonly string[], moves: readonly Move[]): Promise<number[]> {
  let selected = 0;
  const bytes: number[] = [];
  for (let i = 0; i < moves.length; i++) {
    const move = moves[i]!;
    const next = move === 'down' ? Math.min(COUNT - 1, selected + 1) : Math.max(0, selected - 1);
    // A move against the end of the list changes nothing, so no output is awaited for it.
    bytes.push(await term.press(move, { expectOutput: next !== selected }));
    selected = next;
    checkScreen(term, first, selected, moves.slice(0, i + 1));
  }
  return bytes;
}

const moveArb = fc.oneof({ arbitrary: fc.constant<Move>('down'), weight: 3 }, { arbitrary: fc.constant<Move>('up'), weight: 2 });
const downAndBack: Move[] = [...Array<Move>(COUNT + 1).fill('down'), 'up', 'up', 'up'];

describe('ink incremental rendering through a real terminal (patched ink 6.8.0)', () => {
  test('after any sequence of up/down moves: one highlighted row, the right one, no duplicated or stale lines', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(moveArb, { minLength: 1, maxLength: 24 }), async (moves) => {
        const { term, first } = await startList('incremental');
        checkScreen(term, first, 0, []);
        try {
          await play(term, first, moves);
        } finally {
          term.kill();
        }
      }),
      // Each run is a fresh process on a pty; shrinking would start dozens more, so the first
      // failing sequence is reported as found. The example walks past both ends of the list.
      { numRuns: 4, endOnFailure: true, examples: [[downAndBack]] },
    );
  }, 120_000);

  test("Ink's default full redraw shows the same screens", async () => {
    const { term, first } = await startList('full');
    await play(term, first, ['down', 'down', 'down', 'up', 'down']);
  });

  test('a cursor move costs fewer bytes with incremental rendering than with the full redraw', async ({ annotate }) => {
    const moves: Move[] = [...Array<Move>(10).fill('down'), ...Array<Move>(10).fill('up')];
    const perMode: Record<string, number[]> = {};
    for (const mode of ['incremental', 'full'] as const) {
      const { term, first } = await startList(mode);
      perMode[mode] = await play(term, first, moves);
      term.kill();
    }
    const incremental = perMode.incremental!;
    const full = perMode.full!;
    await annotate(`bytes per move on a 20-row list, incremental: ${incremental.join(' ')}; full redraw: ${full.join(' ')}`);
    // Incremental rewrites the two changed rows and the status line; the full redraw all 22 lines.
    expect(Math.max(...incremental)).toBeLessThan(Math.min(...full));
    expect(Math.max(...incremental) * 3).toBeLessThan(Math.min(...full));
  });
});

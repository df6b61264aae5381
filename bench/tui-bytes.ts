/**
 * bench/tui-bytes: the bytes the clerk's TUI writes per action, which is what a slow SSH link has
 * to carry. Drives a scripted session (bench/tui-session.ts: log in, queue, 20 cursor moves, open
 * a request, back, search, resize) through a real pseudo-terminal, once with incremental rendering
 * and once with Ink's default full redraw, and checks the issue's targets: ≤ 400 bytes per cursor
 * move on a 20-row page, ≤ 4 KB for the first full screen, full redraw only on resize.
 *
 *   npm run build && npm run bench:tui [-- --fixture] [--json] [--verbose] [--check]
 *       [--lang ru] [--size 80x24 --size 100x30] [--search TEXT]
 *
 * Each size gets its own session on a fresh copy of the seeded data; the first size's session
 * ends by resizing to the second size. --fixture drives test/fixtures/tui/queue.mjs (same keys)
 * instead of `anyqtama tui`. --check exits 1 when a target is missed.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startTerm, type Term } from './term.js';
import { clerkSession, seedClerkQueue, type Before, type Category, type Step } from './tui-session.js';

const ROOT = fileURLToPath(new URL(import.meta.url.includes('/dist/') ? '../../' : '../', import.meta.url));
const MODES = ['incremental', 'full'] as const;
type Mode = (typeof MODES)[number];
const TARGETS = { moveBytes: 400, firstScreenBytes: 4096 };

interface StepResult {
  readonly label: string;
  readonly category: Category;
  readonly bytes: number;
  /** Lines erased (ESC[2K) and whether the whole terminal was cleared (ESC[2J): a full redraw. */
  readonly erasedLines: number;
  readonly cleared: boolean;
  readonly fullRedraw: boolean;
}

interface Summary {
  readonly firstScreen: number;
  readonly queueScreen: number;
  readonly moves: readonly number[];
  readonly moveMedian: number;
  readonly moveMax: number;
  readonly open: number;
  readonly back: number;
  readonly search: number;
  readonly resize: number | null;
  readonly total: number;
  readonly fullRedraws: readonly string[];
}

const count = (haystack: string, needle: string) => haystack.split(needle).length - 1;
const sum = (list: readonly number[]) => list.reduce((a, b) => a + b, 0);
function median(list: readonly number[]): number {
  const sorted = [...list].sort((a, b) => a - b);
  if (sorted.length === 0) return 0;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : Math.round((sorted[mid - 1]! + sorted[mid]!) / 2);
}

/** Rows of the frame on screen: up to the last non-blank row. */
function frameHeight(screen: readonly string[]): number {
  for (let y = screen.length - 1; y >= 0; y--) if (screen[y]!.trim() !== '') return y + 1;
  return 0;
}

function beforeOf(term: Term | undefined): Before {
  if (!term) return { screen: [], highlighted: '' };
  const screen = term.screen();
  const row = term.highlightedRows()[0];
  return { screen, highlighted: row === undefined ? '' : screen[row]! };
}

async function runSession(
  launch: (mode: Mode) => { command: string; args: string[] },
  mode: Mode,
  size: { cols: number; rows: number },
  steps: readonly Step[],
): Promise<StepResult[]> {
  const results: StepResult[] = [];
  let term: Term | undefined;
  try {
    for (const step of steps) {
      const before = beforeOf(term);
      const offset = term?.bytesTotal() ?? 0;
      const action = step.action;
      if (action.kind === 'start') {
        term = startTerm({ ...launch(mode), cwd: ROOT, cols: size.cols, rows: size.rows });
        await term.settle({ expectOutput: true, quietMs: 300, maxMs: 20_000 });
      } else if (!term) {
        throw new Error(`step "${step.label}" comes before the session started`);
      } else if (action.kind === 'press') {
        await term.press(action.key);
      } else if (action.kind === 'type') {
        for (const char of action.text) await term.type(char, { maxMs: 2000 });
      } else {
        await term.resize(action.cols, action.rows, { expectOutput: false, quietMs: 300 });
      }
      const until = step.until;
      if (until && term) {
        await term.waitFor(typeof until === 'function' ? (screen) => until(screen, before) : until, 15_000);
        await term.settle({ quietMs: 150 });
      }
      const out = term!.outputSince(offset).toString('utf8');
      const erasedLines = count(out, '\x1b[2K');
      const cleared = out.includes('\x1b[2J');
      const height = frameHeight(before.screen);
      results.push({
        label: step.label, category: step.category, bytes: Buffer.byteLength(out), erasedLines, cleared,
        fullRedraw: cleared || (height > 0 && erasedLines >= height),
      });
    }
  } finally {
    term?.kill();
    await Promise.race([term?.exited, new Promise((resolve) => setTimeout(resolve, 3000))]);
  }
  return results;
}

function summarise(steps: readonly StepResult[]): Summary {
  const of = (category: Category) => sum(steps.filter((s) => s.category === category).map((s) => s.bytes));
  const moves = steps.filter((s) => s.category === 'move').map((s) => s.bytes);
  return {
    firstScreen: of('first'),
    queueScreen: of('queue'),
    moves,
    moveMedian: median(moves),
    moveMax: Math.max(0, ...moves),
    open: of('open'),
    back: of('back'),
    search: of('search'),
    resize: steps.some((s) => s.category === 'resize') ? of('resize') : null,
    total: sum(steps.map((s) => s.bytes)),
    fullRedraws: steps.filter((s) => s.fullRedraw && s.category !== 'resize').map((s) => s.label),
  };
}

function parseSize(text: string): { cols: number; rows: number } {
  const match = /^(\d+)x(\d+)$/.exec(text);
  if (!match) throw new Error(`--size takes COLSxROWS, e.g. 80x24, not ${text}`);
  return { cols: Number(match[1]), rows: Number(match[2]) };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      fixture: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
      check: { type: 'boolean', default: false },
      lang: { type: 'string', default: 'ru' },
      size: { type: 'string', multiple: true },
      search: { type: 'string' },
      login: { type: 'string', default: 'kzo-clerk' },
      password: { type: 'string', default: 'anyqtama-demo' },
    },
  });
  const sizes = (values.size?.length ? values.size : ['80x24', '100x30']).map(parseSize);
  const work = mkdtempSync(join(tmpdir(), 'anyqtama-tui-bench-'));
  try {
    let search = values.search ?? '751003';
    let launch: (mode: Mode) => { command: string; args: string[] };
    let baseDir = '';
    if (values.fixture) {
      launch = (mode) => ({ command: process.execPath, args: [join(ROOT, 'test/fixtures/tui/queue.mjs'), '--render', mode] });
    } else {
      const seeded = await seedClerkQueue(ROOT, join(work, 'base'));
      baseDir = seeded.dataDir;
      search = values.search ?? seeded.search;
      let run = 0;
      launch = (mode) => {
        // Every session on its own copy: nothing one session does can change the next one's screens.
        const dir = join(work, `run-${++run}`);
        cpSync(baseDir, dir, { recursive: true });
        return { command: process.execPath, args: [join(ROOT, 'bin/anyqtama.js'), 'tui', '--data-dir', dir, '--lang', values.lang, '--render', mode] };
      };
    }
    const sessions = [];
    for (const [i, size] of sizes.entries()) {
      const resizeTo = i === 0 ? sizes[1] : undefined;
      const steps = clerkSession({ login: values.login, password: values.password, search, ...(resizeTo ? { resizeTo } : {}) });
      const modes = {} as Record<Mode, { steps: StepResult[]; summary: Summary }>;
      for (const mode of MODES) {
        const results = await runSession(launch, mode, size, steps);
        modes[mode] = { steps: results, summary: summarise(results) };
      }
      sessions.push({ cols: size.cols, rows: size.rows, resizeTo: resizeTo ?? null, modes });
    }
    const targets = sessions.map(({ cols, rows, modes: { incremental: { summary } } }) => ({
      size: `${cols}x${rows}`,
      moveWithin: summary.moveMax <= TARGETS.moveBytes,
      firstScreenWithin: summary.firstScreen <= TARGETS.firstScreenBytes && summary.queueScreen <= TARGETS.firstScreenBytes,
      fullRedrawOnlyOnResize: summary.fullRedraws.length === 0,
    }));
    const report = {
      app: values.fixture ? 'test/fixtures/tui/queue.mjs' : 'anyqtama tui', node: process.version, lang: values.lang,
      login: values.login, search, targetBytes: TARGETS, sessions, targets,
    };
    if (values.json) console.log(JSON.stringify(report, null, 2));
    else printReport(report, values.verbose);
    const missed = targets.some((t) => !t.moveWithin || !t.firstScreenWithin || !t.fullRedrawOnlyOnResize);
    if (values.check && missed) process.exitCode = 1;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

type Report = {
  app: string; node: string; lang: string; login: string; search: string;
  sessions: { cols: number; rows: number; resizeTo: { cols: number; rows: number } | null; modes: Record<Mode, { steps: StepResult[]; summary: Summary }> }[];
};

function printReport(report: Report, verbose: boolean): void {
  const line = (label: string, a: string | number, b: string | number) => console.log(`${label.padEnd(40)} ${String(a).padStart(12)} ${String(b).padStart(12)}`);
  console.log(`${report.app}, node ${report.node}, lang ${report.lang}, ${report.login}; bytes the app wrote to the terminal per action`);
  for (const session of report.sessions) {
    const { incremental, full } = session.modes;
    const to = session.resizeTo ? ` → ${session.resizeTo.cols}x${session.resizeTo.rows}` : '';
    console.log(`\n${session.cols}x${session.rows}${to}`);
    line('action', 'incremental', 'full redraw');
    const mark = (s: StepResult) => (s.fullRedraw ? '*' : '');
    incremental.steps.forEach((step, i) => {
      const other = full.steps[i]!;
      if (step.category === 'move' && !verbose) {
        // One line for all moves, where the first one was.
        if (incremental.steps[i - 1]?.category !== 'move') {
          line(`${incremental.summary.moves.length} cursor moves, all`, sum(incremental.summary.moves), sum(full.summary.moves));
        }
        return;
      }
      line(step.label, `${step.bytes}${mark(step)}`, `${other.bytes}${mark(other)}`);
    });
    const a = incremental.summary;
    const b = full.summary;
    console.log('');
    line('first full screen (log-in)', a.firstScreen, b.firstScreen);
    line('queue after log-in', a.queueScreen, b.queueScreen);
    line(`cursor move, median (${a.moves.length} moves)`, a.moveMedian, b.moveMedian);
    line('cursor move, max', a.moveMax, b.moveMax);
    line('open request / back', `${a.open} / ${a.back}`, `${b.open} / ${b.back}`);
    line('search (/, typing, Enter)', a.search, b.search);
    if (a.resize !== null) line('resize', a.resize, b.resize ?? '');
    line('session total', a.total, b.total);
    const ok = (pass: boolean) => (pass ? 'ok' : 'MISSED');
    console.log(
      `targets (incremental): cursor move ≤ ${TARGETS.moveBytes} B: ${ok(a.moveMax <= TARGETS.moveBytes)} (max ${a.moveMax}); ` +
        `first screen ≤ ${TARGETS.firstScreenBytes} B: ${ok(Math.max(a.firstScreen, a.queueScreen) <= TARGETS.firstScreenBytes)}; ` +
        `full redraw only on resize: ${ok(a.fullRedraws.length === 0)}${a.fullRedraws.length ? ` (also on: ${a.fullRedraws.join(', ')})` : ''}`,
    );
  }
  console.log('\n* = the whole frame was erased and written again (or the terminal cleared)');
}

await main();

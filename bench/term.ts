/**
 * A real terminal for tests and benchmarks: the program runs on a kernel pseudo-terminal
 * (node-pty) and everything it writes is fed to a real terminal emulator (@xterm/headless), so
 * what `screen()` returns is what a clerk would see, and `bytesTotal()` is what the link carried.
 *
 * Lives under bench/ because the bandwidth bench is compiled with the app (tsconfig.build takes
 * src and bench only); the end-to-end tests import it through test/tui/term.ts.
 */
import xtermHeadless from '@xterm/headless';
import * as pty from 'node-pty';

const { Terminal } = xtermHeadless;

export interface StartTermOptions {
  readonly command: string;
  readonly args: readonly string[];
  readonly cwd?: string;
  /** Passed as is (default: this process's environment); only TERM is added when it is missing. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly cols?: number;
  readonly rows?: number;
}

export type Key = 'up' | 'down' | 'left' | 'right' | 'enter' | 'escape' | 'tab' | 'pageDown' | 'pageUp' | 'backspace' | 'home' | 'end';

export interface SettleOptions {
  /** The output counts as done after this long without a byte (default 120 ms). */
  readonly quietMs?: number;
  /** Give up waiting after this long in all (default 5000 ms). */
  readonly maxMs?: number;
  /**
   * Wait for the first byte before timing the quiet period (default true), so a slow machine
   * does not make a reaction look empty. Pass false for a key that may change nothing.
   */
  readonly expectOutput?: boolean;
}

export interface Term {
  /** Every row of the visible screen, trailing blanks trimmed. */
  screen(): string[];
  /** The screen as one string, rows joined by newlines. */
  text(): string;
  /** Rows (0-based) holding any cell in inverse video or with a non-default background. */
  highlightedRows(): number[];
  /** Sends raw input (a string is sent as UTF-8). */
  write(keys: string): void;
  /** Sends a named key (or literal text) and resolves with the bytes the program wrote in reaction. */
  press(key: Key | string, options?: SettleOptions): Promise<number>;
  /** Sends text and resolves with the bytes the program wrote in reaction. */
  type(text: string, options?: SettleOptions): Promise<number>;
  /**
   * Resolves once the screen shows the text, matches the pattern or satisfies the predicate;
   * throws with the screen on timeout.
   */
  waitFor(expected: string | RegExp | ((screen: string[]) => boolean), timeoutMs?: number): Promise<void>;
  /** Resolves when output has been quiet (see SettleOptions) and the emulator has parsed all of it. */
  settle(options?: SettleOptions): Promise<void>;
  /** All bytes received from the program so far. */
  bytesTotal(): number;
  /** The raw bytes received since the given offset (an earlier bytesTotal()). */
  outputSince(offset: number): Buffer;
  /** Resizes the pty and the emulator; resolves with the bytes the program wrote in reaction. */
  resize(cols: number, rows: number, options?: SettleOptions): Promise<number>;
  readonly cols: number;
  readonly rows: number;
  /** The program's exit code. */
  readonly exited: Promise<number>;
  kill(): void;
}

/** What a terminal sends for each key (xterm's normal cursor-key mode, as Ink expects). */
export const KEYS: Readonly<Record<Key, string>> = {
  up: '\x1b[A',
  down: '\x1b[B',
  right: '\x1b[C',
  left: '\x1b[D',
  home: '\x1b[H',
  end: '\x1b[F',
  enter: '\r',
  escape: '\x1b',
  tab: '\t',
  pageUp: '\x1b[5~',
  pageDown: '\x1b[6~',
  backspace: '\x7f',
};

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function startTerm(options: StartTermOptions): Term {
  let cols = options.cols ?? 80;
  let rows = options.rows ?? 24;
  const baseEnv = options.env ?? process.env;
  // A terminal always names itself; without TERM colour libraries fall back to no colour at all.
  const env = { ...baseEnv, TERM: baseEnv.TERM || 'xterm-256color' };
  const xterm = new Terminal({ cols, rows, allowProposedApi: true, scrollback: 1000 });
  const child = pty.spawn(options.command, [...options.args], {
    name: env.TERM,
    cols,
    rows,
    cwd: options.cwd ?? process.cwd(),
    env,
    encoding: null, // raw bytes: the byte count is what a link carries, and UTF-8 split across reads stays intact
  });

  const chunks: Buffer[] = [];
  let total = 0;
  let lastDataAt = Date.now();
  let parsing = 0; // writes handed to the emulator and not yet parsed
  let alive = true;
  let disposed = false;

  child.onData((data: Buffer | string) => {
    const chunk = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    chunks.push(chunk);
    total += chunk.byteLength;
    lastDataAt = Date.now();
    if (disposed) return;
    parsing++;
    xterm.write(chunk, () => {
      parsing--;
    });
  });
  // Answers the emulator gives to the program's queries (cursor position, device attributes),
  // as a real terminal would.
  xterm.onData((answer) => {
    if (alive) child.write(answer);
  });
  const exited = new Promise<number>((resolve) => {
    child.onExit(({ exitCode }) => {
      alive = false;
      resolve(exitCode);
    });
  });

  const screen = (): string[] => {
    const buffer = xterm.buffer.active;
    const lines: string[] = [];
    for (let y = 0; y < xterm.rows; y++) lines.push(buffer.getLine(buffer.viewportY + y)?.translateToString(true) ?? '');
    return lines;
  };

  const settle = async (settleOptions: SettleOptions = {}, startedAt = total): Promise<void> => {
    const quietMs = settleOptions.quietMs ?? 120;
    const deadline = Date.now() + (settleOptions.maxMs ?? 5000);
    if (settleOptions.expectOutput ?? true) {
      while (total === startedAt && alive && Date.now() < deadline) await sleep(5);
    }
    // A fresh quiet period from now: bytes that arrived before the key was sent do not count.
    const waitFrom = Date.now();
    while (Date.now() < deadline) {
      const quietSince = Math.max(lastDataAt, waitFrom);
      if (Date.now() - quietSince >= quietMs && parsing === 0) return;
      await sleep(Math.min(20, quietMs));
    }
  };

  const send = async (data: string, settleOptions?: SettleOptions): Promise<number> => {
    await settle({ quietMs: 0, expectOutput: false }); // the emulator has caught up with earlier output
    const before = total;
    child.write(data);
    await settle(settleOptions, before);
    return total - before;
  };

  return {
    screen,
    text: () => screen().join('\n'),
    highlightedRows() {
      const buffer = xterm.buffer.active;
      const found: number[] = [];
      const cell = buffer.getNullCell();
      for (let y = 0; y < xterm.rows; y++) {
        const line = buffer.getLine(buffer.viewportY + y);
        if (!line) continue;
        for (let x = 0; x < xterm.cols; x++) {
          if (!line.getCell(x, cell)) continue;
          if (cell.isInverse() || !cell.isBgDefault()) {
            found.push(y);
            break;
          }
        }
      }
      return found;
    },
    write(keys) {
      child.write(keys);
    },
    press: (key, settleOptions) => send(Object.hasOwn(KEYS, key) ? KEYS[key as Key] : key, settleOptions),
    type: (text, settleOptions) => send(text, settleOptions),
    async waitFor(expected, timeoutMs = 10_000) {
      const matches = () => {
        if (typeof expected === 'function') return expected(screen());
        const text = screen().join('\n');
        if (typeof expected === 'string') return text.includes(expected);
        expected.lastIndex = 0; // a /g pattern remembers where it last matched
        return expected.test(text);
      };
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        if (parsing === 0 && matches()) return;
        if (!alive && parsing === 0) break;
        await sleep(20);
      }
      if (matches()) return;
      throw new Error(
        `screen did not show ${typeof expected === 'function' ? 'what was awaited' : String(expected)} within ${timeoutMs} ms${alive ? '' : ' (the program has exited)'}; screen:\n` +
          screen().map((line, y) => `${String(y).padStart(2)}|${line}`).join('\n'),
      );
    },
    settle: (settleOptions) => settle({ expectOutput: false, ...settleOptions }),
    bytesTotal: () => total,
    outputSince(offset) {
      const all = Buffer.concat(chunks);
      return all.subarray(offset);
    },
    async resize(newCols, newRows, settleOptions) {
      await settle({ quietMs: 0, expectOutput: false });
      const before = total;
      cols = newCols;
      rows = newRows;
      xterm.resize(newCols, newRows);
      child.resize(newCols, newRows);
      await settle(settleOptions, before);
      return total - before;
    },
    get cols() {
      return cols;
    },
    get rows() {
      return rows;
    },
    exited,
    kill() {
      if (alive) child.kill();
      if (!disposed) xterm.dispose();
      disposed = true;
      parsing = 0;
    },
  };
}

import { EventEmitter } from 'node:events';
import { render, type Instance } from 'ink';
import type { ReactElement } from 'react';

/**
 * Renders an Ink element into a fake terminal and drives it with key bytes, the way
 * ink-testing-library does (written out here rather than added as a dependency). Ink runs in
 * debug mode, which writes each whole frame as plain text: what is asserted is the frame a clerk
 * would see, not the escape sequences that draw it (the pseudo-terminal tests cover those).
 */

class FakeStdout extends EventEmitter {
  readonly isTTY = false;
  frames: string[] = [];
  constructor(
    readonly columns: number,
    readonly rows: number,
  ) {
    super();
  }
  write(frame: string): boolean {
    this.frames.push(frame);
    return true;
  }
}

class FakeStdin extends EventEmitter {
  readonly isTTY = true;
  private pending: string[] = [];
  write(data: string): void {
    this.pending.push(data);
    this.emit('readable');
  }
  read(): string | null {
    return this.pending.shift() ?? null;
  }
  setEncoding(): void {}
  setRawMode(): void {}
  resume(): void {}
  pause(): void {}
  ref(): void {}
  unref(): void {}
}

export const KEY = {
  up: '\u001b[A',
  down: '\u001b[B',
  right: '\u001b[C',
  left: '\u001b[D',
  tab: '\t',
  shiftTab: '\u001b[Z',
  enter: '\r',
  escape: '\u001b',
  backspace: '\u007f',
  ctrlU: '\u0015',
  ctrlS: '\u0013',
  ctrlD: '\u0004',
  f2: '\u001bOQ',
  f3: '\u001bOR',
  space: ' ',
} as const;

export interface Terminal {
  /** The last frame, as lines. */
  lines(): string[];
  frame(): string;
  /** Every frame drawn so far. */
  frames(): string[];
  /** Sends each item as one key event (a string longer than one character arrives as a paste). */
  press(...keys: string[]): Promise<void>;
  /** Types text one character at a time, as a person does. */
  type(text: string): Promise<void>;
  rerender(element: ReactElement): void;
  unmount(): void;
}

// React may schedule the render of a key's update on the next turns of the event loop.
const tick = async () => {
  for (let i = 0; i < 3; i++) await new Promise<void>((resolve) => setImmediate(resolve));
};

export async function renderInTerminal(element: ReactElement, columns = 80, rows = 24): Promise<Terminal> {
  const stdout = new FakeStdout(columns, rows);
  const stdin = new FakeStdin();
  const instance: Instance = render(element, {
    stdout: stdout as unknown as NodeJS.WriteStream,
    stderr: stdout as unknown as NodeJS.WriteStream,
    stdin: stdin as unknown as NodeJS.ReadStream,
    debug: true,
    exitOnCtrlC: false,
    patchConsole: false,
  });
  await tick();
  const frame = () => stdout.frames[stdout.frames.length - 1] ?? '';
  return {
    frame,
    lines: () => frame().split('\n'),
    frames: () => [...stdout.frames],
    async press(...keys) {
      for (const k of keys) {
        stdin.write(k);
        // A lone Esc is held back by Ink for a moment in case a sequence follows.
        await tick();
      }
    },
    async type(text) {
      for (const ch of Array.from(text)) {
        stdin.write(ch);
        await tick();
      }
    },
    rerender: (el) => instance.rerender(el),
    unmount: () => instance.unmount(),
  };
}

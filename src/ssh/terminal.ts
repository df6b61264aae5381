import { PassThrough } from 'node:stream';
import { TerminalOutput, type TerminalSize } from '../tui/terminal.js';

/** Key bytes from the client, dressed as the TTY stdin Ink expects. */
export type ChannelInput = PassThrough & {
  readonly isTTY: true;
  setRawMode(mode: boolean): ChannelInput;
  ref(): ChannelInput;
  unref(): ChannelInput;
};

/**
 * The input side: a stream of its own rather than the channel itself, so the server can watch
 * the keys (idle time) without taking them from Ink, and Ink's raw-mode and ref calls, which mean
 * nothing here (the client's terminal is already raw), are no-ops.
 */
export function channelInput(): ChannelInput {
  const input = new PassThrough() as PassThrough & { isTTY?: boolean; setRawMode?: unknown; ref?: unknown; unref?: unknown };
  input.isTTY = true;
  input.setRawMode = () => input;
  input.ref = () => input;
  input.unref = () => input;
  return input as ChannelInput;
}

const LF = 0x0a;
const CR = 0x0d;

/**
 * There is no kernel pty on the server side to turn "\n" into "\r\n" (the client's terminal only
 * moves down a line on LF), so it is done here. `previous` is the last byte of the previous chunk,
 * so a CR LF split between two writes is not doubled.
 */
export function toCrlf(chunk: Buffer, previous: number | undefined): Buffer {
  let count = 0;
  for (let i = 0; i < chunk.length; i++) if (chunk[i] === LF && (i > 0 ? chunk[i - 1] : previous) !== CR) count++;
  if (count === 0) return chunk;
  const out = Buffer.allocUnsafe(chunk.length + count);
  let j = 0;
  for (let i = 0; i < chunk.length; i++) {
    const byte = chunk[i]!;
    if (byte === LF && (i > 0 ? chunk[i - 1] : previous) !== CR) out[j++] = CR;
    out[j++] = byte;
  }
  return out;
}

/** The output side: Ink's frames, one write each, with line ends fixed, into `send`. */
export function channelOutput(send: (bytes: Buffer) => void, size: TerminalSize): TerminalOutput {
  let last: number | undefined;
  return new TerminalOutput((chunk) => {
    if (chunk.length === 0) return;
    const fixed = toCrlf(chunk, last);
    last = chunk[chunk.length - 1];
    send(fixed);
  }, size);
}

/** The largest and smallest terminal a session is drawn for. */
export interface TerminalLimits {
  readonly max: TerminalSize;
  readonly min: TerminalSize;
}

/**
 * 400×200 holds any real screen (a 4K monitor with a small font is about 380×100); the TUI lays
 * out and draws every cell it is given, so a client asking for 65535×65535 would otherwise have
 * the daemon build frames of four billion cells (findings 2026-12, B2). Below 20×5 nothing fits.
 */
export const TERMINAL_LIMITS: TerminalLimits = { max: { columns: 400, rows: 200 }, min: { columns: 20, rows: 5 } };

/** The size a session is drawn for, given what the client asked; `limited` when that differs. */
export function fitTerminal(columns: number, rows: number, limits: TerminalLimits = TERMINAL_LIMITS): TerminalSize & { readonly limited: boolean } {
  const fit = (value: number, min: number, max: number) => Math.min(max, Math.max(min, Math.floor(value)));
  const fitted = { columns: fit(columns, limits.min.columns, limits.max.columns), rows: fit(rows, limits.min.rows, limits.max.rows) };
  return { ...fitted, limited: fitted.columns !== columns || fitted.rows !== rows };
}

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

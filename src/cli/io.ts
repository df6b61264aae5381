import { terminalSafe } from '../core/text-safety.js';

/** Where a command writes; tests pass their own to read what a user would see. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** Raw bytes to standard output (`anyqtama pdf N -o -` piped into a printer queue). */
  writeBinary(bytes: Uint8Array): void;
  readonly env: NodeJS.ProcessEnv;
}

// What a command prints may hold stored text (names, answers, notes) from before intake cleaned it.
export const processIo: Io = {
  out: (text) => process.stdout.write(terminalSafe(text.endsWith('\n') ? text : `${text}\n`)),
  err: (text) => process.stderr.write(terminalSafe(text.endsWith('\n') ? text : `${text}\n`)),
  writeBinary: (bytes) => process.stdout.write(bytes),
  env: process.env,
};

/** Where a command writes; tests pass their own to read what a user would see. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** Raw bytes to standard output (`anyqtama pdf N -o -` piped into a printer queue). */
  writeBinary(bytes: Uint8Array): void;
  readonly env: NodeJS.ProcessEnv;
}

export const processIo: Io = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  writeBinary: (bytes) => process.stdout.write(bytes),
  env: process.env,
};

import { join } from 'node:path';
import { z } from 'zod';

/**
 * The control socket: how the command line reaches a running `serve` that holds the embedded
 * store (the way `docker`, `pg_ctl` or `tailscale` talk to their daemon). A Unix-domain socket in
 * the data dir, owner only (0600 in a 0700 folder), so whoever can connect could have opened the
 * store's files anyway. One connection runs one command: the client sends one request line, the
 * server answers with frames (one JSON object a line) and ends with the exit code.
 */
export const CONTROL_SOCKET = 'control.sock';
export const PROTOCOL = 1;

export const controlSocketPath = (dataDir: string): string => join(dataDir, CONTROL_SOCKET);

/** Linux keeps 108 bytes for a socket's path (sun_path), with its terminating zero. */
export const MAX_SOCKET_PATH = 107;

/** A request line larger than this is not a command line (a client gone wrong): the connection is closed. */
export const MAX_REQUEST_BYTES = 1024 * 1024;

export const controlRequest = z.object({
  v: z.literal(PROTOCOL),
  /** The command's words as the user typed them, paths made absolute by the client. */
  argv: z.array(z.string().max(64 * 1024)).max(1000),
  /** The client's working folder: where a document is written when no -o names a file. */
  cwd: z.string().min(1).max(4096),
  /** The client's ANYQTAMA_* settings (clock, language, new password, key passphrase); nothing else. */
  env: z.record(z.string().regex(/^ANYQTAMA_[A-Z0-9_]+$/), z.string().max(64 * 1024)),
  /** The operating-system account that ran the command, for the audit. */
  osUser: z.string().min(1).max(256),
});
export type ControlRequest = z.infer<typeof controlRequest>;

/** What the server sends back: lines of standard output and error, raw bytes, and the exit code last. */
export type ControlFrame =
  | { readonly out: string }
  | { readonly err: string }
  | { readonly bin: string }
  | { readonly exit: number };

/** Environment settings a command may read from the caller; the store's and the bot's own are the daemon's. */
export function forwardedEnv(env: NodeJS.ProcessEnv): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    if (value === undefined || !/^ANYQTAMA_[A-Z0-9_]+$/.test(key)) continue;
    if (key === 'ANYQTAMA_DATA_DIR' || key === 'ANYQTAMA_DATABASE_URL' || key.startsWith('ANYQTAMA_TELEGRAM_')) continue;
    kept[key] = value;
  }
  return kept;
}

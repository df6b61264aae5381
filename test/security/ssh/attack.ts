import { readdirSync, readFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import ssh2, { type ClientChannel } from 'ssh2';
import type { ServeHandle } from '../../ssh/helpers.js';

/**
 * What an attacker does to `anyqtama serve` (findings 2026-12, section 6), as small tools the
 * security tests share with test/ssh/helpers.ts's clerks. Nothing here renders a screen: an
 * attacker's terminal of 65535×65535 would not fit in the test process either.
 */

export const PASSWORD = 'anyqtama-demo';
export const RIGHT = '\x1b[C';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Resolves when `check` holds, polling; throws `what` after `timeoutMs`. */
export async function until(check: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await sleep(20);
  }
}

/** The daemon's resident memory in MB, from /proc. */
export function rssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
  return Math.round(Number(line?.replace(/\D+/g, '') ?? 0) / 1024);
}

/** The daemon's open file descriptors. */
export const openFds = (pid: number) => readdirSync(`/proc/${pid}/fd`).length;

/**
 * Stops the daemon; a daemon whose event loop is pinned (today's code under a huge pty) does not
 * answer SIGTERM, so after a few seconds it is killed.
 */
export async function stopHard(serve: ServeHandle | undefined): Promise<void> {
  if (!serve || serve.child.exitCode !== null) return;
  const killer = setTimeout(() => serve.child.kill('SIGKILL'), 5000);
  await serve.stop();
  clearTimeout(killer);
}

export interface RawTerminal {
  /** The first 64 KB received, as text (a frame of a huge terminal is not kept). */
  text(): string;
  bytes(): number;
  /** A window-change request. */
  resize(cols: number, rows: number): void;
  close(): void;
}

/** Logs in and opens a shell with a pty of any size, keeping almost nothing of what arrives. */
export function rawTerminal(options: { port: number; login: string; cols: number; rows: number }): Promise<RawTerminal> {
  const client = new ssh2.Client();
  let kept = '';
  let total = 0;
  return new Promise((resolve, reject) => {
    client.once('error', reject);
    client.once('ready', () => {
      client.shell({ term: 'xterm-256color', cols: options.cols, rows: options.rows }, (error, channel: ClientChannel) => {
        if (error) return reject(error);
        const take = (chunk: Buffer) => {
          total += chunk.length;
          if (kept.length < 65_536) kept += chunk.toString('utf8');
        };
        channel.on('data', take);
        channel.stderr.on('data', take);
        client.on('error', () => undefined);
        resolve({
          text: () => kept,
          bytes: () => total,
          resize: (cols, rows) => channel.setWindow(rows, cols, 0, 0),
          close: () => client.destroy(),
        });
      });
    });
    client.connect({ host: '127.0.0.1', port: options.port, username: options.login, password: PASSWORD, readyTimeout: 60_000 });
  });
}

export interface Flood {
  /** Sockets the server has not closed. */
  open(): number;
  /** Sockets that connected or were refused: the flood is in place when this is all of them. */
  settled(): number;
  closeAll(): void;
}

/**
 * Opens `count` TCP connections that never say a word, spread over source addresses 127.0.0.2,
 * 127.0.0.3, … (`perAddress` from each), so limits per address cannot hide the global one. With
 * `reconnectMs`, each socket the server closes is opened again after that long, as an attacker
 * that keeps its flood up does.
 */
export function idleSockets(port: number, count: number, perAddress: number, options: { reconnectMs?: number } = {}): Flood {
  const sockets = new Set<Socket>();
  let open = 0;
  let settled = 0;
  let stopped = false;
  const start = (localAddress: string, first: boolean) => {
    const socket = connect({ host: '127.0.0.1', port, localAddress });
    sockets.add(socket);
    let counted = !first;
    const settle = () => {
      if (!counted) settled++;
      counted = true;
    };
    socket.on('connect', () => {
      open++;
      settle();
      socket.once('close', () => open--);
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      settle();
      sockets.delete(socket);
      if (!stopped && options.reconnectMs !== undefined) setTimeout(() => !stopped && start(localAddress, false), options.reconnectMs);
    });
    // Reading is what notices the server's close.
    socket.resume();
  };
  for (let i = 0; i < count; i++) {
    const n = 2 + Math.floor(i / perAddress);
    start(`127.0.${Math.floor(n / 256)}.${n % 256}`, true);
  }
  return {
    open: () => open,
    settled: () => settled,
    closeAll() {
      stopped = true;
      for (const socket of sockets) socket.destroy();
    },
  };
}

/**
 * A clerk who logs in the way OpenSSH does by default (keyboard-interactive) and takes
 * `typingMs` to type the password; resolves whether the log-in succeeded.
 */
export function slowTypist(options: { port: number; login: string; typingMs: number }): Promise<boolean> {
  const client = new ssh2.Client();
  return new Promise((resolve) => {
    const done = (ok: boolean) => {
      client.removeAllListeners('error');
      client.on('error', () => undefined);
      client.end();
      resolve(ok);
    };
    client.on('keyboard-interactive', (_name, _instructions, _lang, _prompts, finish) => setTimeout(() => finish([PASSWORD]), options.typingMs));
    client.once('ready', () => done(true));
    client.once('error', () => done(false));
    client.once('close', () => done(false));
    client.connect({ host: '127.0.0.1', port: options.port, username: options.login, tryKeyboard: true, authHandler: ['keyboard-interactive'], readyTimeout: 30_000 });
  });
}

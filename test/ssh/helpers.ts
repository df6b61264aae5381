import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import xtermHeadless from '@xterm/headless';
import ssh2, { type ClientChannel, type ConnectConfig } from 'ssh2';
import { afterEach } from 'vitest';
import { BIN, cleanEnv, HANG_MS, NOW, PROJECT } from '../cli/helpers.js';

const { Terminal } = xtermHeadless;

/**
 * End-to-end helpers for `anyqtama serve`: the compiled command runs as a child process, clients
 * connect with ssh2's Client, and what the server sends is fed to a real terminal emulator
 * (@xterm/headless), so `screen()` is what a clerk's terminal would show.
 */

export interface ServeOptions {
  /** --idle-minutes (fractions allowed). */
  readonly idleMinutes?: number;
  /** Added to the child's environment (which has CI=true and the pinned ANYQTAMA_NOW). */
  readonly env?: Readonly<Record<string, string>>;
  readonly args?: readonly string[];
  /** A command the daemon runs under, e.g. ['prlimit', '--nofile=1024:1024', '--'] for the file limit of a stock system. */
  readonly prefix?: readonly string[];
}

export interface ServeHandle {
  readonly port: number;
  /** SHA256:... as `serve --json` printed it. */
  readonly fingerprint: string;
  readonly child: ChildProcess;
  /** What the daemon wrote so far (its log goes to stderr). */
  stdout(): string;
  stderr(): string;
  /** Sends SIGTERM and resolves when the daemon has exited. */
  stop(): Promise<{ code: number | null; stdout: string; stderr: string }>;
}

/** The test runner's environment without any ANYQTAMA_* setting but the suite's, CI=true on purpose: the daemon must not depend on it. */
function serveEnv(extra: Readonly<Record<string, string>> = {}): NodeJS.ProcessEnv {
  return { ...cleanEnv(), CI: 'true', ANYQTAMA_NOW: NOW, ...extra };
}

/**
 * Starts `anyqtama serve --port 0 --json` on the data dir and waits until it listens (its first
 * line), however long a busy machine takes; HANG_MS only catches a daemon that never starts.
 */
export function startServe(dataDir: string, options: ServeOptions = {}): Promise<ServeHandle> {
  const args = [BIN, 'serve', '--port', '0', '--json', '--data-dir', dataDir, ...(options.idleMinutes ? ['--idle-minutes', String(options.idleMinutes)] : []), ...(options.args ?? [])];
  const [command, ...before] = [...(options.prefix ?? []), process.execPath];
  const child = spawn(command!, [...before, ...args], { cwd: PROJECT, env: serveEnv(options.env), stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`serve did not start within ${HANG_MS / 1000} s:\n${stdout}\n${stderr}`));
    }, HANG_MS);
    const onData = () => {
      const line = stdout.split('\n')[0];
      if (!stdout.includes('\n') || !line) return;
      clearTimeout(timer);
      child.stdout!.off('data', onData);
      const started = JSON.parse(line) as { port: number; fingerprint: string };
      resolve({
        port: started.port,
        fingerprint: started.fingerprint,
        child,
        stdout: () => stdout,
        stderr: () => stderr,
        async stop() {
          if (child.exitCode === null) child.kill('SIGTERM');
          const code = await exited;
          return { code, stdout, stderr };
        },
      });
    };
    child.stdout!.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited (${code}) before listening:\n${stdout}\n${stderr}`));
    });
  });
}

/** SHA256:... of a host key blob, computed here independently of the server's code. */
export const fingerprintOf = (key: Buffer) => `SHA256:${createHash('sha256').update(key).digest('base64').replace(/=+$/, '')}`;

export interface SessionOptions {
  readonly port: number;
  readonly login: string;
  readonly password?: string;
  /** OpenSSH private key text (e.g. from ssh2's utils.generateKeyPairSync). */
  readonly privateKey?: string;
  readonly cols?: number;
  readonly rows?: number;
  readonly term?: string;
  /** Variables sent with the session (OpenSSH SendEnv), e.g. NO_COLOR. */
  readonly env?: Readonly<Record<string, string>>;
  /** When given, the host key must have this fingerprint. */
  readonly fingerprint?: string;
  /** The address to connect from (127.0.0.x stands for another machine). */
  readonly localAddress?: string;
}

export interface SshSession {
  /** The visible screen, rows joined by newlines, trailing blanks trimmed. */
  screen(): string;
  /** The visible rows. */
  lines(): string[];
  /** Rows (0-based) with any cell in inverse video or a non-default background. */
  highlightedRows(): number[];
  /** Sends keys (raw: '\x1b[B' is the down arrow, '\r' Enter). */
  write(keys: string): void;
  /** Resolves when the screen shows `expected`; throws with the screen after `timeoutMs` (30 s: a busy machine is slow, a passing wait ends at once). */
  waitFor(expected: string | RegExp, timeoutMs?: number): Promise<void>;
  /** Resolves once nothing has arrived for `quietMs` and the emulator has parsed everything. */
  settle(quietMs?: number): Promise<void>;
  /** Tells the server the window changed (and resizes the emulator). */
  resize(cols: number, rows: number): void;
  /** Bytes received from the server on the channel so far. */
  bytes(): number;
  /** Everything received, as text. */
  output(): string;
  /** Resolves when the server closed the session. */
  readonly closed: Promise<void>;
  /** Ends the connection politely. */
  close(): void;
  /** Drops the connection without a word, as a lost link does. */
  drop(): void;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function connectConfig(options: SessionOptions): ConnectConfig {
  return {
    host: '127.0.0.1',
    port: options.port,
    username: options.login,
    readyTimeout: HANG_MS,
    ...(options.password !== undefined ? { password: options.password } : {}),
    ...(options.privateKey !== undefined ? { privateKey: options.privateKey } : {}),
    ...(options.fingerprint ? { hostVerifier: (key: Buffer) => fingerprintOf(key) === options.fingerprint } : {}),
    ...(options.localAddress ? { localAddress: options.localAddress } : {}),
  };
}

/** Logs in and opens a shell with a pty; rejects when the log-in is refused. */
export function sshSession(options: SessionOptions): Promise<SshSession> {
  const cols = options.cols ?? 80;
  const rows = options.rows ?? 24;
  const client = new ssh2.Client();
  const xterm = new Terminal({ cols, rows, allowProposedApi: true, scrollback: 1000 });
  let total = 0;
  let parsing = 0;
  let lastDataAt = Date.now();
  const received: Buffer[] = [];
  return new Promise((resolve, reject) => {
    client.once('error', reject);
    client.once('ready', () => {
      client.shell({ term: options.term ?? 'xterm-256color', cols, rows }, { env: { ...(options.env ?? {}) } }, (error, channel: ClientChannel) => {
        if (error) return reject(error);
        channel.on('data', (chunk: Buffer) => {
          received.push(chunk);
          total += chunk.length;
          lastDataAt = Date.now();
          parsing++;
          xterm.write(chunk, () => parsing--);
        });
        channel.stderr.on('data', (chunk: Buffer) => received.push(chunk));
        // Answers to the program's terminal queries, as a real terminal gives them.
        xterm.onData((answer) => channel.writable && channel.write(answer));
        // Resolves once the emulator has also parsed the last bytes (the reason for the close).
        const closed = new Promise<void>((done) => channel.once('close', () => xterm.write('', () => done())));
        client.on('error', () => undefined);
        const lines = () => {
          const buffer = xterm.buffer.active;
          return Array.from({ length: xterm.rows }, (_, y) => buffer.getLine(buffer.viewportY + y)?.translateToString(true) ?? '');
        };
        const settle = async (quietMs = 150) => {
          const deadline = Date.now() + 5000;
          const from = Date.now();
          while (Date.now() < deadline && (Date.now() - Math.max(lastDataAt, from) < quietMs || parsing > 0)) await sleep(20);
        };
        resolve({
          screen: () => lines().join('\n'),
          lines,
          highlightedRows() {
            const buffer = xterm.buffer.active;
            const cell = buffer.getNullCell();
            const found: number[] = [];
            for (let y = 0; y < xterm.rows; y++) {
              const line = buffer.getLine(buffer.viewportY + y);
              for (let x = 0; line && x < xterm.cols; x++) {
                if (line.getCell(x, cell) && (cell.isInverse() || !cell.isBgDefault())) {
                  found.push(y);
                  break;
                }
              }
            }
            return found;
          },
          write: (keys) => void channel.write(keys),
          async waitFor(expected, timeoutMs = 30_000) {
            const matches = () => (typeof expected === 'string' ? lines().join('\n').includes(expected) : expected.test(lines().join('\n')));
            const deadline = Date.now() + timeoutMs;
            while (Date.now() < deadline) {
              if (parsing === 0 && matches()) return;
              await sleep(20);
            }
            if (matches()) return;
            throw new Error(`screen did not show ${String(expected)} within ${timeoutMs} ms; screen:\n${lines().map((l, y) => `${String(y).padStart(2)}|${l}`).join('\n')}`);
          },
          settle,
          resize(newCols, newRows) {
            xterm.resize(newCols, newRows);
            channel.setWindow(newRows, newCols, 0, 0);
          },
          bytes: () => total,
          output: () => Buffer.concat(received).toString('utf8'),
          closed,
          close() {
            client.end();
            xterm.dispose();
          },
          drop() {
            client.destroy();
            xterm.dispose();
          },
        });
      });
    });
    client.connect(connectConfig(options));
  });
}

/**
 * Opens the refusal screen of the request shown and fills it as a clerk would: the first reason
 * ticked, the justification typed, the cursor left on the confirmation. The caller presses Enter.
 */
export async function fillRefusal(session: SshSession, number: string, justification = 'Сұратылған кезеңнің құжаттары мұрағатқа түспеген'): Promise<void> {
  const down = '\x1b[B';
  session.write('r');
  await session.waitFor(`${number}: дәлелді бас тарту`);
  session.write(' ');
  session.write(down.repeat(6)); // past the reasons, onto the justification
  await session.settle(150);
  session.write('\x1b[A');
  await session.settle(150);
  session.write(justification);
  session.write(down);
  await session.settle(150);
}

/** What a test opened (SSH sessions, daemons): closed after each test, the latest first. */
export function closedAfterEach(): Array<SshSession | ServeHandle> {
  const open: Array<SshSession | ServeHandle> = [];
  afterEach(async () => {
    for (const thing of open.splice(0).reverse()) {
      if ('stop' in thing) await thing.stop();
      else thing.close();
    }
  });
  return open;
}

export interface LoginAttempt {
  readonly ok: boolean;
  /** What the server asked with, in order: the password prompt, then why it failed or when to try again. */
  readonly prompts: readonly string[];
}

/**
 * One keyboard-interactive log-in, the way OpenSSH logs in by default: answers the first
 * prompt with the password, records the next prompt (where the server says what went wrong)
 * and gives up there.
 */
export function tryKeyboardLogin(options: { port: number; login: string; password: string; localAddress?: string }): Promise<LoginAttempt> {
  const client = new ssh2.Client();
  const prompts: string[] = [];
  let answered = false;
  return new Promise((resolve) => {
    const done = (ok: boolean) => {
      client.removeAllListeners('error');
      client.on('error', () => undefined);
      client.end();
      resolve({ ok, prompts });
    };
    client.on('keyboard-interactive', (_name, _instructions, _lang, asked, finish) => {
      prompts.push(...asked.map((p) => p.prompt));
      if (answered) return done(false);
      answered = true;
      finish([options.password]);
    });
    client.once('ready', () => done(true));
    client.once('error', () => done(false));
    client.connect({
      host: '127.0.0.1', port: options.port, username: options.login, tryKeyboard: true, authHandler: ['keyboard-interactive'], readyTimeout: HANG_MS,
      ...(options.localAddress ? { localAddress: options.localAddress } : {}),
    });
  });
}

/** Runs one command over SSH (exec) and returns its exit code and output, for refusals. */
export function sshExec(options: SessionOptions, command: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const client = new ssh2.Client();
  return new Promise((resolve, reject) => {
    client.once('error', reject);
    client.once('ready', () => {
      client.exec(command, (error, channel) => {
        if (error) return reject(error);
        let stdout = '';
        let stderr = '';
        let code: number | null = null;
        channel.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
        channel.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
        channel.on('exit', (c: number | null) => (code = c));
        channel.on('close', () => {
          client.end();
          resolve({ code, stdout, stderr });
        });
      });
    });
    client.connect(connectConfig(options));
  });
}

/** Opens a shell without a pty (like `ssh host < file`), returning what the server answered. */
export function shellWithoutPty(options: SessionOptions): Promise<{ code: number | null; output: string }> {
  const client = new ssh2.Client();
  return new Promise((resolve, reject) => {
    client.once('error', reject);
    client.once('ready', () => {
      client.shell(false, (error, channel) => {
        if (error) return reject(error);
        let output = '';
        let code: number | null = null;
        channel.on('data', (d: Buffer) => (output += d.toString('utf8')));
        channel.stderr.on('data', (d: Buffer) => (output += d.toString('utf8')));
        channel.on('exit', (c: number | null) => (code = c));
        channel.on('close', () => {
          client.end();
          resolve({ code, output });
        });
      });
    });
    client.connect(connectConfig(options));
  });
}

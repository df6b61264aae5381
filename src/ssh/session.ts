import type { ServerChannel, Session } from 'ssh2';
import { t } from '../core/i18n/catalogue.js';
import type { Lang } from '../core/i18n/text.js';
import type { User } from '../store/port.js';
import type { TerminalOutput } from '../tui/terminal.js';
import { channelInput, channelOutput, fitTerminal, TERMINAL_LIMITS, type ChannelInput, type TerminalLimits } from './terminal.js';

/** The terminal program a session runs; the SSH side knows nothing more of it. */
export interface TerminalApp {
  /** Ends the program now; called at most once by the server. */
  unmount(): void;
  /** Resolves when the program ended by itself (the clerk logged out) or was unmounted. */
  waitUntilExit(): Promise<void>;
}

export interface TerminalAppStart {
  readonly stdin: ChannelInput;
  readonly stdout: TerminalOutput;
  /** Who logged in over SSH. */
  readonly user: User;
  readonly lang: Lang;
  /** No colour: TERM=dumb, or the client sent NO_COLOR. */
  readonly plain: boolean;
  /** TERM as the client's pty request gave it. */
  readonly term: string;
  /** The client's address, for logs and throttling of log-ins inside the program. */
  readonly source: string;
}

export type StartTerminalApp = (start: TerminalAppStart) => TerminalApp;

export interface SessionOptions {
  readonly user: User;
  /** The client's address. */
  readonly source: string;
  readonly lang: Lang;
  /** The session ends after this long without a key from the client. */
  readonly idleMs: number;
  readonly start: StartTerminalApp;
  /** Called once when the session is over, whatever ended it. */
  readonly onEnd: () => void;
  /** The terminal sizes a session is drawn for (TERMINAL_LIMITS unless given). */
  readonly terminal?: TerminalLimits;
  /**
   * Output bytes waiting for a client that does not read them (the channel's window is shut, or
   * its TCP link is) before the session is ended. Default 2 MB: minutes of lag on a slow link.
   */
  readonly maxUnsentBytes?: number;
  /** Bytes the connection's socket holds unsent (a client may open a huge SSH window and not read TCP). */
  readonly socketBacklog?: () => number;
  /** For the daemon's log: why a session was cut. */
  readonly log?: (line: string) => void;
}

interface Pty {
  term: string;
  cols: number;
  rows: number;
}

const MAX_UNSENT = 2 * 1024 * 1024;

/** Minutes as a person reads them: whole where whole, else one decimal. */
const minutesOf = (ms: number) => {
  const minutes = ms / 60_000;
  return Number.isInteger(minutes) ? String(minutes) : minutes.toFixed(1);
};

/**
 * One SSH session channel: a terminal program in a pty-backed shell, nothing else. Exec and
 * subsystem requests are answered with a message and an exit status; a shell without a pty is
 * told it needs a terminal. The program is unmounted exactly once, whichever comes first:
 * the clerk logs out, the channel or connection closes, the idle timer fires, the server stops.
 */
export class ShellSession {
  private pty: Pty | null = null;
  private readonly env = new Map<string, string>();
  private channel: ServerChannel | null = null;
  private output: TerminalOutput | null = null;
  private input: ChannelInput | null = null;
  private app: TerminalApp | null = null;
  private idle: NodeJS.Timeout | null = null;
  private ended = false;
  /** The size the client asked for, when it was outside the limits and the clerk has not been told yet. */
  private limitedFrom: { cols: number; rows: number } | null = null;
  private toldLimited = false;
  private resizeScheduled = false;

  constructor(
    session: Session,
    private readonly options: SessionOptions,
  ) {
    session.on('pty', (accept, _reject, info) => {
      this.pty = { term: info.term || 'xterm', ...this.fit(info.cols || 80, info.rows || 24) };
      accept?.();
    });
    session.on('env', (accept, _reject, info) => {
      this.env.set(info.key, info.val);
      accept?.();
    });
    session.on('window-change', (accept, _reject, info) => {
      if (this.pty) {
        // A client that knows only its size in pixels sends 0 for columns and rows: keep the last.
        Object.assign(this.pty, this.fit(info.cols || this.pty.cols, info.rows || this.pty.rows));
        this.scheduleResize();
      }
      accept?.();
    });
    session.on('shell', (accept) => {
      const channel = accept();
      if (channel) this.shell(channel);
    });
    session.on('exec', (accept, _reject, info) => this.refuse(accept(), t(this.lang, 'ssh.execRefused', { command: info.command })));
    session.on('subsystem', (accept, _reject, info) => this.refuse(accept(), t(this.lang, 'ssh.subsystemRefused', { name: info.name })));
    // An sftp client would take any text for protocol bytes: a plain refusal is all it can read.
    session.on('sftp', (_accept, reject) => reject?.());
    session.on('close', () => this.end());
  }

  private get lang(): Lang {
    return this.options.user.lang ?? this.options.lang;
  }

  /** The size to draw for: what the client asked, within the limits; a size outside them is remembered for the note. */
  private fit(cols: number, rows: number): { cols: number; rows: number } {
    const fitted = fitTerminal(cols, rows, this.options.terminal ?? TERMINAL_LIMITS);
    if (fitted.limited && !this.toldLimited) this.limitedFrom = { cols, rows };
    return { cols: fitted.columns, rows: fitted.rows };
  }

  /**
   * A burst of window changes (a client may send thousands in one packet) costs one redraw:
   * the last size wins.
   */
  private scheduleResize(): void {
    if (this.resizeScheduled) return;
    this.resizeScheduled = true;
    setImmediate(() => {
      this.resizeScheduled = false;
      if (this.ended || !this.pty || !this.output) return;
      this.output.resize({ columns: this.pty.cols, rows: this.pty.rows });
      this.tellLimited(true);
    });
  }

  /**
   * Tells the clerk once that the terminal was drawn smaller (or larger) than it asked. Before the
   * program starts the note is a line above its first frame. Later it goes below the drawn area
   * with the cursor saved and restored, so Ink's relative cursor moves still find its frame.
   */
  private tellLimited(running: boolean): void {
    const from = this.limitedFrom;
    if (!from || this.toldLimited || !this.pty || !this.channel) return;
    this.toldLimited = true;
    this.limitedFrom = null;
    const note = t(this.lang, 'ssh.terminalLimited', { cols: this.pty.cols, rows: this.pty.rows, askedCols: from.cols, askedRows: from.rows });
    this.output?.flush();
    this.send(running ? Buffer.from(`\x1b7\x1b[${this.pty.rows + 1};1H\x1b[2K${note}\x1b8`) : Buffer.from(`${note}\r\n`));
  }

  /**
   * Writes to the client unless it stopped reading: output it does not take is held in this
   * process, so past `maxUnsentBytes` the session is cut (nothing more can be said to it).
   */
  private send(bytes: Buffer): void {
    const channel = this.channel;
    if (!channel || !channel.writable || channel.destroyed) return;
    const unsent = channel.writableLength + (this.options.socketBacklog?.() ?? 0);
    if (unsent + bytes.length > (this.options.maxUnsentBytes ?? MAX_UNSENT)) {
      this.options.log?.(`session of ${this.options.user.login} from ${this.options.source} cut: the client left ${unsent} bytes unread`);
      this.cut();
      return;
    }
    channel.write(bytes);
  }

  /** Ends the session without a word: the client is not reading. */
  private cut(): void {
    const channel = this.channel;
    this.channel = null;
    this.end();
    channel?.destroy();
  }

  /** Ends the session; `message` (already in the clerk's language) is shown below the last screen. */
  end(message?: string): void {
    if (this.ended) return;
    this.ended = true;
    if (this.idle) clearTimeout(this.idle);
    this.app?.unmount();
    // Ink wrote its last frame while unmounting; send it before the channel closes.
    this.output?.flush();
    const channel = this.channel;
    if (channel && channel.writable && !channel.destroyed) {
      if (message) channel.write(`\r\n${message}\r\n`);
      channel.exit(0);
      channel.end();
    }
    this.input?.end();
    this.options.onEnd();
  }

  /** Ends the session with the reason in the clerk's language. */
  endWith(key: 'ssh.serverStopping' | 'ssh.loginDisabled'): void {
    this.end(t(this.lang, key));
  }

  private shell(channel: ServerChannel): void {
    this.channel = channel;
    channel.on('error', () => this.end());
    channel.on('close', () => this.end());
    if (!this.pty) {
      this.refuse(channel, t(this.lang, 'ssh.needTerminal'));
      return;
    }
    const pty = this.pty;
    const input = (this.input = channelInput());
    const output = (this.output = channelOutput((bytes) => this.send(bytes), { columns: pty.cols, rows: pty.rows }));
    channel.on('data', (chunk: Buffer) => {
      this.touch();
      // Keys the program has not read yet stay in the client: the channel stops taking more
      // (and ssh2 stops widening its window) until the program catches up.
      if (!input.write(chunk)) {
        channel.pause();
        input.once('drain', () => channel.resume());
      }
    });
    this.touch();
    this.tellLimited(false);
    const plain = pty.term === 'dumb' || this.env.has('NO_COLOR');
    // A program that fails in one session (it could not start, or it ended with an error) ends that
    // session with a word to the clerk; every other session and the daemon go on.
    try {
      this.app = this.options.start({ stdin: input, stdout: output, user: this.options.user, lang: this.lang, plain, term: pty.term, source: this.options.source });
    } catch {
      this.end(t(this.lang, 'ssh.sessionFailed'));
      return;
    }
    void this.app.waitUntilExit().then(() => this.end(), () => this.end(t(this.lang, 'ssh.sessionFailed')));
  }

  /** Any key restarts the idle count; output alone does not (a screen left open is idle). */
  private touch(): void {
    if (this.idle) clearTimeout(this.idle);
    this.idle = setTimeout(() => this.end(t(this.lang, 'ssh.idleClosed', { minutes: minutesOf(this.options.idleMs) })), this.options.idleMs).unref();
  }

  private refuse(channel: ServerChannel | undefined, message: string): void {
    if (!channel) return;
    this.channel = channel;
    // Without a pty the client's own terminal translates line ends; with one, it does not.
    channel.stderr.write(`${message}${this.pty ? '\r\n' : '\n'}`);
    channel.exit(1);
    channel.end();
    this.ended = true;
    this.options.onEnd();
  }
}

import type { Socket } from 'node:net';

/** OpenSSH's MaxStartups start:rate:full, for connections that have not logged in yet. */
export interface Startups {
  /** Up to this many, every connection is taken. */
  readonly start: number;
  /** Percent of new connections dropped at `start`, rising linearly to 100 at `full`. */
  readonly rate: number;
  /** The most connections waiting for log-in at once. */
  readonly full: number;
}

export interface AdmissionOptions {
  /** A connection is closed this long after its TCP accept unless it logged in by then (LoginGraceTime). */
  readonly loginGraceMs: number;
  readonly startups: Startups;
  /** Connections waiting for log-in from one address (OpenSSH's PerSourceMaxStartups). */
  readonly perSource: number;
  /** Open connections of any kind: keeps the daemon's file descriptors bounded. */
  readonly maxConnections: number;
  /** [0, 1), for the random early drop; Math.random unless a test pins it. */
  readonly random?: () => number;
  readonly log?: (line: string) => void;
}

export const DEFAULT_STARTUPS: Startups = { start: 10, rate: 30, full: 100 };

type Refusal = 'total' | 'per-address' | 'full' | 'early-drop' | 'evicted' | 'grace';

/** How far a waiting connection got: connected, said its SSH identification, asked to log in. */
export type Stage = 0 | 1 | 2;

interface Waiting {
  readonly socket: Socket;
  readonly source: string;
  readonly key: string;
  readonly timer: NodeJS.Timeout;
  stage: Stage;
}

/** The key ssh2's connection info gives back for a socket (info.ip, info.port). */
export const connectionKey = (ip: string | undefined, port: number | undefined) => `${ip ?? '?'} ${port ?? 0}`;

const SUMMARY_MS = 10_000;

/**
 * Decides, at TCP accept and before ssh2 reads a byte, whether a connection may try to log in,
 * and closes those that take too long. Without it a socket that never spoke was kept forever and
 * ~1100 of them used up the daemon's file descriptors (findings 2026-12, M2).
 *
 * MaxStartups alone lets a flood from many addresses refuse every clerk. So when the waiting room
 * is full, a connection from an address that holds fewer waiting connections than the biggest
 * holder takes the place of that holder's oldest one; and the random early drop spares an
 * address's first waiting connection. A clerk at an ordinary desk therefore always gets a turn:
 * an attacker must outnumber the clerk's addresses and reconnect faster than a log-in takes.
 */
export class Admission {
  private readonly open = new Set<Socket>();
  private readonly waiting = new Map<string, Waiting>();
  private readonly bySource = new Map<string, Waiting[]>();
  private readonly refused = new Map<Refusal, number>();
  private summary: NodeJS.Timeout | null = null;

  constructor(private readonly options: AdmissionOptions) {}

  /** Takes a new TCP connection or closes it; true when ssh2 may have it. */
  admit(socket: Socket): boolean {
    const source = socket.remoteAddress;
    if (!source) return this.refuse(socket, 'total');
    if (this.open.size >= this.options.maxConnections) return this.refuse(socket, 'total');
    const mine = this.bySource.get(source)?.length ?? 0;
    if (mine >= this.options.perSource) return this.refuse(socket, 'per-address');
    const { start, rate, full } = this.options.startups;
    const count = this.waiting.size;
    if (count >= full) {
      const victim = this.biggestHolderOldest();
      if (!victim || (this.bySource.get(victim.source)?.length ?? 0) <= mine) return this.refuse(socket, 'full');
      this.close(victim, 'evicted');
    } else if (count >= start && mine > 0) {
      const drop = (rate + ((100 - rate) * (count - start)) / Math.max(1, full - start)) / 100;
      if ((this.options.random ?? Math.random)() < drop) return this.refuse(socket, 'early-drop');
    }
    this.take(socket, source);
    return true;
  }

  /** The connection got further (ssh2 read its identification, or it asked to log in). */
  progress(key: string, stage: Stage): void {
    const entry = this.waiting.get(key);
    if (entry && entry.stage < stage) entry.stage = stage;
  }

  /** The connection logged in: no grace time any more, and its place in the waiting room is free. */
  loggedIn(key: string): void {
    const entry = this.waiting.get(key);
    if (entry) this.forget(entry);
  }

  /** The socket of an admitted connection, by ssh2's connection info. */
  socketOf(key: string): Socket | undefined {
    return this.waiting.get(key)?.socket ?? [...this.open].find((s) => connectionKey(s.remoteAddress, s.remotePort) === key);
  }

  /** Connections open now, and how many of them have not logged in. */
  counts(): { open: number; waiting: number } {
    return { open: this.open.size, waiting: this.waiting.size };
  }

  /** The server stops: connections still waiting for log-in are closed (the logged-in ones are the server's to end). */
  stop(): void {
    for (const entry of [...this.waiting.values()]) {
      this.forget(entry);
      entry.socket.destroy();
    }
    if (this.summary) clearTimeout(this.summary);
    this.flushSummary();
  }

  private take(socket: Socket, source: string): void {
    this.open.add(socket);
    const key = connectionKey(source, socket.remotePort);
    // Counted from the accept: a client that never sends its ident, or sends it a byte at a time,
    // runs out of time like any other (ssh2's own timers start only after the ident).
    const timer = setTimeout(() => this.close(entry, 'grace'), this.options.loginGraceMs).unref();
    const entry: Waiting = { socket, source, key, timer, stage: 0 };
    this.waiting.set(key, entry);
    const list = this.bySource.get(source) ?? [];
    list.push(entry);
    this.bySource.set(source, list);
    socket.once('close', () => {
      this.open.delete(socket);
      if (this.waiting.get(key) === entry) this.forget(entry);
    });
  }

  private forget(entry: Waiting): void {
    clearTimeout(entry.timer);
    this.waiting.delete(entry.key);
    const list = this.bySource.get(entry.source);
    if (!list) return;
    const at = list.indexOf(entry);
    if (at >= 0) list.splice(at, 1);
    if (list.length === 0) this.bySource.delete(entry.source);
  }

  /**
   * Among the connections that got least far, the oldest of the address that holds the most
   * waiting connections (at most `full` to look at).
   */
  private biggestHolderOldest(): Waiting | undefined {
    let lowest: Stage = 2;
    for (const entry of this.waiting.values()) if (entry.stage < lowest) lowest = entry.stage;
    let best: { entry: Waiting; held: number } | undefined;
    for (const list of this.bySource.values()) {
      const entry = list.find((e) => e.stage === lowest);
      if (entry && (!best || list.length > best.held)) best = { entry, held: list.length };
    }
    return best?.entry;
  }

  private close(entry: Waiting, why: Refusal): void {
    this.forget(entry);
    this.count(why);
    entry.socket.destroy();
  }

  private refuse(socket: Socket, why: Refusal): false {
    this.count(why);
    socket.destroy();
    return false;
  }

  /**
   * A flood would write a line per socket: the first refusal is logged at once, the rest as one
   * summary line every ten seconds while it lasts.
   */
  private count(why: Refusal): void {
    const first = this.summary === null;
    this.refused.set(why, (this.refused.get(why) ?? 0) + 1);
    if (!first) return;
    this.flushSummary();
    this.summary = setTimeout(() => {
      this.summary = null;
      this.flushSummary();
    }, SUMMARY_MS).unref();
  }

  private flushSummary(): void {
    if (this.refused.size === 0) return;
    const parts = [...this.refused].map(([why, n]) => `${why} ${n}`).join(', ');
    this.refused.clear();
    const { open, waiting } = this.counts();
    this.options.log?.(`connections closed before log-in: ${parts} (open ${open}, waiting for log-in ${waiting})`);
  }
}

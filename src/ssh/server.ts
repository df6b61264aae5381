import { createServer, type AddressInfo } from 'node:net';
import ssh2, { type Connection } from 'ssh2';
import type { Lang } from '../core/i18n/text.js';
import { domainError, fail, ok, type Result } from '../core/result.js';
import type { User } from '../store/port.js';
import { Admission, connectionKey, DEFAULT_STARTUPS, type Startups } from './admission.js';
import { handleLogin, type Authenticator } from './login.js';
import { ShellSession, type StartTerminalApp } from './session.js';
import { TERMINAL_LIMITS, type TerminalLimits } from './terminal.js';

export interface SshServerOptions {
  /** Address to listen on; 127.0.0.1 unless the office opens it to its network. */
  readonly host?: string;
  /** 0 picks a free port (see `SshServer.port`). */
  readonly port?: number;
  /** The host's private key in OpenSSH format (host-key.ts). */
  readonly hostKey: string | Buffer;
  readonly auth: Authenticator;
  /** Starts the terminal program of one session (the clerk TUI). */
  readonly start: StartTerminalApp;
  /** Language of texts before log-in (with the other of kk/ru) and for users who chose none. */
  readonly lang?: Lang;
  /** A session without a key for this long is closed, with a message. Default 15 minutes. */
  readonly idleMs?: number;
  /** A connection that has not logged in this long after its TCP accept is dropped (LoginGraceTime). Default 30 s. */
  readonly loginGraceMs?: number;
  /** Connections waiting for log-in, OpenSSH's MaxStartups start:rate:full. Default 10:30:100. */
  readonly maxStartups?: Startups;
  /**
   * Connections waiting for log-in from one address. Default 20: the counter clerks of a large
   * centre behind one NAT address log in together when it opens.
   */
  readonly perSourceStartups?: number;
  /** Open connections of any kind, logged in or not: bounds the daemon's file descriptors. Default 300. */
  readonly maxConnections?: number;
  /** The largest and smallest terminal a session is drawn for. Default 400×200 and 20×5. */
  readonly terminal?: TerminalLimits;
  /** Output a session may hold for a client that does not read it before the session is cut. Default 2 MB. */
  readonly maxUnsentBytes?: number;
  /** Refused log-in attempts on one connection before it is dropped. Default 6. */
  readonly maxAuthAttempts?: number;
  /** One line per log-in, session and refusal, for the daemon's log. */
  readonly log?: (line: string) => void;
}

export interface SshServer {
  readonly host: string;
  readonly port: number;
  /** Open terminal sessions now. */
  sessions(): number;
  /**
   * Ends every connection of `login` (their sessions told why): an administrator disabled the
   * login, which must not go on working in a session opened before. Returns how many connections.
   */
  endConnectionsOf(login: string): number;
  /** Stops listening, tells every open session the server is stopping and ends it; resolves with how many were open. */
  close(): Promise<number>;
}

const MINUTE = 60_000;

/**
 * The SSH server that hosts clerk sessions: an adapter from ssh2 connections to terminal
 * programs. It knows log-in and terminals, nothing of screens (ARCHITECTURE.md: "ssh2 + Ink in
 * one process"). Every session runs in this process on the shared services.
 */
export async function startSshServer(options: SshServerOptions): Promise<Result<SshServer>> {
  const host = options.host ?? '127.0.0.1';
  const lang = options.lang ?? 'kk';
  const idleMs = options.idleMs ?? 15 * MINUTE;
  const log = options.log ?? (() => undefined);
  const connections = new Set<{ client: Connection; sessions: Set<ShellSession>; login: string | null }>();
  const admission = new Admission({
    loginGraceMs: options.loginGraceMs ?? 30_000,
    startups: options.maxStartups ?? DEFAULT_STARTUPS,
    perSource: options.perSourceStartups ?? 20,
    maxConnections: options.maxConnections ?? 300,
    log,
  });

  const server = new ssh2.Server(
    // Keepalives find links that died without a word (a clerk's modem dropped), so their sessions end too.
    { hostKeys: [options.hostKey], ident: 'anyqtama', keepaliveInterval: 30_000, keepaliveCountMax: 4 },
    (client, info) => {
      const connection: { client: Connection; sessions: Set<ShellSession>; login: string | null } = { client, sessions: new Set<ShellSession>(), login: null };
      connections.add(connection);
      let user: User | null = null;
      const key = connectionKey(info.ip, info.port);
      const socket = admission.socketOf(key);
      // Connections that got further are the last to give way to new ones when the room is full.
      admission.progress(key, 1);
      client.once('authentication', () => admission.progress(key, 2));
      handleLogin(client, {
        auth: options.auth, source: info.ip, lang, maxAttempts: options.maxAuthAttempts ?? 6,
        onUser: (who) => (user = who),
      });
      // A logged-in connection without a session (`ssh -N`, a client that only wants forwarding)
      // is as idle as a session without keys.
      let unused: NodeJS.Timeout | null = null;
      let gone = false;
      const watchUnused = () => {
        if (unused) clearTimeout(unused);
        unused = !gone && connection.sessions.size === 0 ? setTimeout(() => client.end(), idleMs).unref() : null;
      };
      client.on('ready', () => {
        admission.loggedIn(key);
        const who = user!;
        connection.login = who.login;
        log(`login ${who.login} from ${info.ip}`);
        watchUnused();
        client.on('session', (accept) => {
          const session: ShellSession = new ShellSession(accept(), {
            user: who, source: info.ip, lang, idleMs, start: options.start, log,
            terminal: options.terminal ?? TERMINAL_LIMITS,
            ...(options.maxUnsentBytes !== undefined ? { maxUnsentBytes: options.maxUnsentBytes } : {}),
            ...(socket ? { socketBacklog: () => socket.writableLength } : {}),
            onEnd: () => {
              if (connection.sessions.delete(session)) log(`session of ${who.login} from ${info.ip} ended`);
              watchUnused();
            },
          });
          connection.sessions.add(session);
          watchUnused();
        });
      });
      // A reset link is an ordinary end of a connection, not a server failure.
      client.on('error', () => undefined);
      client.on('close', () => {
        gone = true;
        for (const session of [...connection.sessions]) session.end();
        if (unused) clearTimeout(unused);
        connections.delete(connection);
      });
    },
  );

  // The listening socket is ours, not ssh2's: a connection is admitted (or closed) before ssh2
  // spends a byte or a timer on it, and only then handed over.
  const listener = createServer((socket) => {
    socket.on('error', () => undefined);
    if (admission.admit(socket)) server.injectSocket(socket);
  });
  const listening = await new Promise<Result<number>>((resolve) => {
    listener.once('error', (error: NodeJS.ErrnoException) =>
      resolve(fail(domainError('VALIDATION', { key: 'ssh.serve.listenFailed', params: { address: `${host}:${options.port ?? 2222}`, reason: error.code ?? error.message } }))));
    listener.listen(options.port ?? 2222, host, () => resolve(ok((listener.address() as AddressInfo).port)));
  });
  if (!listening.ok) return listening;
  // EMFILE on accept lands here: logged, and the listener goes on accepting.
  listener.on('error', (error: Error) => log(`ssh server error: ${error.message}`));
  server.on('error', (error: Error) => log(`ssh server error: ${error.message}`));

  let closing: Promise<number> | null = null;
  return ok({
    host,
    port: listening.value,
    sessions: () => [...connections].reduce((n, c) => n + c.sessions.size, 0),
    endConnectionsOf(login) {
      let ended = 0;
      for (const connection of connections) {
        if (connection.login !== login) continue;
        ended += 1;
        for (const session of [...connection.sessions]) session.endWith('ssh.loginDisabled');
        connection.client.end();
      }
      if (ended > 0) log(`connections of ${login} ended: login disabled (${ended})`);
      return ended;
    },
    close() {
      closing ??= new Promise<number>((resolve) => {
        let open = 0;
        admission.stop();
        const closed = new Promise<void>((done) => listener.close(() => done()));
        for (const connection of connections) {
          for (const session of [...connection.sessions]) {
            open += 1;
            session.endWith('ssh.serverStopping');
          }
          connection.client.end();
        }
        // A client that never answers the close (a link that died a moment ago) must not keep the
        // daemon from stopping: after a grace period its socket is cut. ssh2 has no public call
        // for that; `_sock` is its net.Socket.
        // (Not unref'd: the grace period must run out even when nothing else keeps the process busy;
        // cleared once every connection is closed, or a stopped daemon would wait it out for nothing.)
        let grace: NodeJS.Timeout | undefined;
        const timeout = new Promise<void>((done) => (grace = setTimeout(done, 3000)));
        void Promise.race([closed, timeout]).then(() => {
          clearTimeout(grace);
          for (const { client } of connections) (client as unknown as { _sock?: { destroy(): void } })._sock?.destroy();
          resolve(open);
        });
      });
      return closing;
    },
  });
}

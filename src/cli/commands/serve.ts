import { hostname } from 'node:os';
import { t } from '../../core/i18n/catalogue.js';
import type { Lang } from '../../core/i18n/text.js';
import { fail } from '../../core/result.js';
import { loadHostKey } from '../../ssh/host-key.js';
import { startSshServer } from '../../ssh/server.js';
import { badValue } from '../args.js';
import { finish, str, type CommandSpec } from '../command.js';
import type { CliContext } from '../context.js';
import { openTuiServices } from '../tui-services.js';

export interface ServeOptions {
  readonly host: string;
  readonly port: number;
  readonly idleMinutes: number;
}

/**
 * Waits for Ctrl+C or a stop from the service manager. The handlers stay installed until
 * `release`: ink's signal-exit re-raises a signal nobody else listens to, which would kill the
 * daemon before it closed the sessions and the store.
 */
function stopSignal(): { stopped: Promise<string>; release(): void } {
  let resolve!: (signal: string) => void;
  const stopped = new Promise<string>((r) => (resolve = r));
  const onInt = () => resolve('SIGINT');
  const onTerm = () => resolve('SIGTERM');
  process.on('SIGINT', onInt);
  process.on('SIGTERM', onTerm);
  return {
    stopped,
    release() {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
    },
  };
}

/** How a clerk connects, as they would type it. */
function sshCommand(host: string, port: number): string {
  const where = host === '0.0.0.0' || host === '::' ? hostname() : host.includes(':') ? `[${host}]` : host;
  return `ssh ${port === 22 ? '' : `-p ${port} `}kzo-clerk@${where}`;
}

/**
 * Runs the SSH server for clerk sessions until SIGINT or SIGTERM, owning the store (its lock)
 * meanwhile. Ink is loaded only here, after the environment is settled: chalk takes its colour
 * level from this daemon's own stdout, which is no terminal, so FORCE_COLOR must be set first;
 * and ink reads CI when imported, which must not switch every clerk's screen off
 * (ARCHITECTURE.md: "ssh2 + Ink in one process").
 */
export async function serve(ctx: CliContext, options: ServeOptions): Promise<number> {
  process.env.FORCE_COLOR ??= '1';
  delete process.env.CI;
  delete process.env.CONTINUOUS_INTEGRATION;
  const opened = await openTuiServices(ctx);
  if (!opened.ok) return finish(ctx, opened, () => undefined);
  const signal = stopSignal();
  // One authenticator for SSH log-ins and the TUI's log-in screen: one throttle count per login.
  const services = opened.value;
  const auth = services.auth;
  try {
    const hostKey = await loadHostKey(ctx.dataDir);
    if (!hostKey.ok) return finish(ctx, hostKey, () => undefined);
    const { startTui } = await import('../../tui/run.js');
    const lang: Lang = ctx.lang === 'en' ? 'ru' : ctx.lang;
    const started = await startSshServer({
      host: options.host, port: options.port, hostKey: hostKey.value.privateKey, auth, lang,
      idleMs: options.idleMinutes * 60_000,
      start: (s) => startTui({ stdin: s.stdin, stdout: s.stdout, services, user: s.user, lang: s.lang, plain: s.plain, source: s.source }),
      log: (line) => ctx.io.err(`${new Date().toISOString()} ${line}`),
    });
    if (!started.ok) return finish(ctx, started, () => undefined);
    const server = started.value;
    const { fingerprint, path, created } = hostKey.value;
    if (ctx.json) ctx.io.out(JSON.stringify({ host: server.host, port: server.port, fingerprint, hostKey: path, hostKeyCreated: created }));
    else {
      if (created) ctx.io.out(t(ctx.lang, 'ssh.serve.hostKeyCreated', { path }));
      ctx.io.out(t(ctx.lang, 'ssh.serve.listening', { address: `${server.host}:${server.port}` }));
      ctx.io.out(t(ctx.lang, 'ssh.serve.fingerprint', { fingerprint }));
      ctx.io.out(t(ctx.lang, 'ssh.serve.howTo', { command: sshCommand(server.host, server.port) }));
      ctx.io.out(t(ctx.lang, 'ssh.serve.noBot'));
      ctx.io.out(t(ctx.lang, 'ssh.serve.stopHint'));
    }
    await signal.stopped;
    const sessions = await server.close();
    ctx.io.out(ctx.json ? JSON.stringify({ stopped: true, sessions }) : t(ctx.lang, 'ssh.serve.stopped', { sessions }));
    return 0;
  } finally {
    await services.store.close();
    signal.release();
    // Everything is closed and stored; a handle some library left open (a half-closed socket,
    // a terminal timer) must not keep a stopped daemon alive under its service manager.
    setTimeout(() => process.exit(process.exitCode ?? 0), 2000).unref();
  }
}

export const serveCommand: CommandSpec = {
  name: 'serve',
  usage: 'anyqtama serve [--port 2222] [--host 127.0.0.1] [--idle-minutes 15]',
  summary: {
    kk: 'Қызметкерлер терминалына арналған SSH сервері',
    ru: 'SSH-сервер для терминалов сотрудников',
    en: 'SSH server for the clerks\' terminal UI',
  },
  options: { port: { type: 'string' }, host: { type: 'string' }, 'idle-minutes': { type: 'string' } },
  async run(ctx, values) {
    const portText = str(values.port) ?? '2222';
    const port = Number(portText);
    if (!/^\d+$/.test(portText) || port > 65535) return finish(ctx, fail(badValue(ctx.lang, '--port', 'ssh.expected.port')), () => undefined);
    const idleText = str(values['idle-minutes']) ?? '15';
    const idleMinutes = Number(idleText);
    // Fractions are allowed: tests use a few seconds.
    if (!/^\d+(\.\d+)?$/.test(idleText) || !(idleMinutes > 0)) return finish(ctx, fail(badValue(ctx.lang, '--idle-minutes', 'ssh.expected.minutes')), () => undefined);
    return serve(ctx, { host: str(values.host) ?? '127.0.0.1', port, idleMinutes });
  },
};

import { hostname } from 'node:os';
import { t } from '../../core/i18n/catalogue.js';
import type { Lang } from '../../core/i18n/text.js';
import { fail } from '../../core/result.js';
import { loadHostKey } from '../../ssh/host-key.js';
import { startSshServer, type SshServerOptions } from '../../ssh/server.js';
import { badValue } from '../args.js';
import { finish, str, type CommandSpec, type Values } from '../command.js';
import type { CliContext } from '../context.js';
import { openTuiServices, type HostedTuiServices } from '../tui-services.js';
import type { BotMode, CitizenBot } from '../../bot/bot.js';
import { StoreUnavailable } from '../../store/port.js';
import { startRetentionSweeps } from '../../app/retention.js';

export interface ServeOptions {
  readonly host: string;
  readonly port: number;
  readonly idleMinutes: number;
  /** Limits before log-in (--login-grace-seconds, --max-startups, --max-startups-per-address, --max-connections); the server's defaults otherwise. */
  readonly limits?: Pick<SshServerOptions, 'loginGraceMs' | 'maxStartups' | 'perSourceStartups' | 'maxConnections'>;
  /** Webhook mode instead of long polling: the public URL, and the local port behind it. */
  readonly webhook?: { readonly url: string; readonly port: number };
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
  const log = (line: string) => ctx.io.err(`${new Date().toISOString()} ${line}`);
  // Log-in penalties go to the daemon's log with the SSH server's lines.
  const opened = await openTuiServices(ctx, { log });
  if (!opened.ok) return finish(ctx, opened, () => undefined);
  const signal = stopSignal();
  const keptRunning = keepRunningOnRejection(log);
  // One authenticator for SSH log-ins and the TUI's log-in screen: one throttle count per login.
  const services = opened.value;
  const auth = services.auth;
  const sweeps = startRetentionSweeps(services.store, ctx.io.env, ctx.lang, log);
  try {
    const hostKey = await loadHostKey(ctx.dataDir);
    if (!hostKey.ok) return finish(ctx, hostKey, () => undefined);
    const { startTui } = await import('../../tui/run.js');
    const lang: Lang = ctx.lang === 'en' ? 'ru' : ctx.lang;
    const started = await startSshServer({
      host: options.host, port: options.port, hostKey: hostKey.value.privateKey, auth, lang,
      idleMs: options.idleMinutes * 60_000, ...options.limits,
      start: (s) => startTui({ stdin: s.stdin, stdout: s.stdout, services, user: s.user, lang: s.lang, plain: s.plain, source: s.source }),
      log,
    });
    if (!started.ok) return finish(ctx, started, () => undefined);
    const server = started.value;
    const { fingerprint, path, created } = hostKey.value;
    if (ctx.json) ctx.io.out(JSON.stringify({ host: server.host, port: server.port, fingerprint, hostKey: path, hostKeyCreated: created, store: services.store.kind }));
    else {
      if (created) ctx.io.out(t(ctx.lang, 'ssh.serve.hostKeyCreated', { path }));
      ctx.io.out(t(ctx.lang, 'ssh.serve.listening', { address: `${server.host}:${server.port}` }));
      ctx.io.out(t(ctx.lang, 'ssh.serve.fingerprint', { fingerprint }));
      ctx.io.out(t(ctx.lang, 'ssh.serve.howTo', { command: sshCommand(server.host, server.port) }));
    }
    const control = await startControl(ctx, services, log, (login) => server.endConnectionsOf(login));
    const bot = startBotInBackground(ctx, services, options, signal.stopped);
    if (!ctx.json) ctx.io.out(t(ctx.lang, 'ssh.serve.stopHint'));
    await signal.stopped;
    // The command line first: a command still running must not find the store closing under it.
    await control?.close();
    const sessions = await server.close();
    await bot.stop();
    ctx.io.out(ctx.json ? JSON.stringify({ stopped: true, sessions }) : t(ctx.lang, 'ssh.serve.stopped', { sessions }));
    return 0;
  } finally {
    await sweeps.stop();
    await services.store.close();
    signal.release();
    keptRunning();
    // Everything is closed and stored; a handle some library left open (a half-closed socket,
    // a terminal timer) must not keep a stopped daemon alive under its service manager.
    setTimeout(() => process.exit(process.exitCode ?? 0), 2000).unref();
  }
}

/**
 * A promise one request left unawaited (a screen refreshing while PostgreSQL restarts, a write a
 * full disk refused) must not end every clerk's session and the bot: one failed request never
 * stops the daemon (findings B1). It is logged by kind and code only, never its message, which may
 * hold personal data. An uncaught exception (broken state) still stops it as Node would.
 * Returns the function that removes the handler.
 */
export function keepRunningOnRejection(log: (line: string) => void): () => void {
  const onRejection = (reason: unknown) => log(rejectionLine(reason));
  process.on('unhandledRejection', onRejection);
  return () => process.off('unhandledRejection', onRejection);
}

/**
 * A log line for an unhandled rejection: the error's class, code and where it was thrown (stack
 * frames name only files and functions), never its message: a message can quote a request's data.
 */
export function rejectionLine(reason: unknown): string {
  if (reason instanceof StoreUnavailable) return `database unavailable: ${reason.reason}`;
  if (!(reason instanceof Error)) return `unhandled rejection (${typeof reason}), the daemon keeps running`;
  const code = (reason as NodeJS.ErrnoException).code;
  const frames = (reason.stack ?? '').split('\n').filter((l) => /^\s+at /.test(l)).slice(0, 3).map((l) => l.trim()).join(' < ');
  return `unhandled rejection ${reason.name}${code ? ` ${code}` : ''}, the daemon keeps running${frames ? ` (${frames})` : ''}`;
}

/**
 * Answers the command line on DATA_DIR/control.sock, so every `anyqtama` command works while this
 * daemon holds the store: it runs here, on the same store and the same request service the
 * clerks' screens and the bot listen to.
 */
async function startControl(ctx: CliContext, services: HostedTuiServices, log: (line: string) => void, loginDisabled: (login: string) => void): Promise<{ close(): Promise<void> } | null> {
  const run = ctx.dispatch;
  if (!run) return null;
  const { startControlServer } = await import('../control/server.js');
  const started = await startControlServer({
    dataDir: ctx.dataDir,
    log,
    run: (request, io) => run(request.argv, io, {
      dataDir: ctx.dataDir,
      ...(ctx.databaseUrl ? { databaseUrl: ctx.databaseUrl } : {}),
      cwd: request.cwd,
      osUser: request.osUser,
      services: { service: services.requests, store: services.store, trust: () => ctx.trust(), reloadTrust: () => ctx.reloadTrust(), loginDisabled },
    }),
  });
  if (!started.ok) {
    const key = started.reason === 'pathTooLong' ? 'control.pathTooLong' : started.reason === 'answered' ? 'control.answered' : 'control.listenFailed';
    const line = t(ctx.lang, key, { path: started.path, reason: started.detail ?? '' });
    if (ctx.json) ctx.io.out(JSON.stringify({ control: 'off', reason: started.reason, path: started.path }));
    else ctx.io.err(line);
    return null;
  }
  if (ctx.json) ctx.io.out(JSON.stringify({ control: started.path }));
  else ctx.io.out(t(ctx.lang, 'control.listening', { path: started.path }));
  return started;
}

/** The bot's settings from the environment: the token never goes on a command line (it would show in `ps`). */
function botSettings(env: NodeJS.ProcessEnv, options: ServeOptions): { token: string; apiRoot?: string; mode: BotMode } | { missing: 'token' | 'secret' } {
  const token = env.ANYQTAMA_TELEGRAM_TOKEN?.trim();
  if (!token) return { missing: 'token' };
  const apiRoot = env.ANYQTAMA_TELEGRAM_API_ROOT?.trim() || undefined;
  if (!options.webhook) return { token, ...(apiRoot ? { apiRoot } : {}), mode: { kind: 'polling' } };
  const secret = env.ANYQTAMA_TELEGRAM_WEBHOOK_SECRET?.trim();
  // Telegram's own rule for secret_token; anything else it would refuse at setWebhook.
  if (!secret || !/^[A-Za-z0-9_-]{1,256}$/.test(secret)) return { missing: 'secret' };
  return { token, ...(apiRoot ? { apiRoot } : {}), mode: { kind: 'webhook', url: options.webhook.url, secret, port: options.webhook.port, host: options.host } };
}

/**
 * Starts the citizen bot beside the SSH server. Without a token the rest runs and says the bot is
 * off; if Telegram cannot be reached at start, it says so and tries again every 30 s, so an office
 * whose link comes up later gets its bot without a restart. On a database several `serve`
 * processes share, only the holder of the lease runs the bot (polling, or the webhook, and the
 * notifications): the others stand by and one takes over within seconds when the holder dies.
 */
function startBotInBackground(ctx: CliContext, services: HostedTuiServices, options: ServeOptions, stopped: Promise<string>): { stop(): Promise<void> } {
  const settings = botSettings(ctx.io.env, options);
  if ('missing' in settings) {
    const line = settings.missing === 'token' ? t(ctx.lang, 'bot.serve.off') : t(ctx.lang, 'bot.serve.noSecret');
    if (ctx.json) ctx.io.out(JSON.stringify({ bot: 'off', reason: settings.missing }));
    else ctx.io.out(line);
    return { stop: async () => undefined };
  }
  const say = (json: Record<string, unknown>, line: string) => ctx.io.out(ctx.json ? JSON.stringify(json) : line);
  const runner = botRunner(ctx, services, settings, stopped, say);
  const store = services.store;
  if (!store.holdLease) {
    runner.start();
    return { stop: () => runner.stop() };
  }
  say({ bot: 'standby' }, t(ctx.lang, 'pg.lease.standby'));
  // Start and stop in the order the lease changed, never two at once.
  let turns: Promise<void> = Promise.resolve();
  const lease = store.holdLease('telegram-bot', (held) => {
    turns = turns.then(async () => {
      if (held) {
        say({ bot: 'leader' }, t(ctx.lang, 'pg.lease.leader'));
        runner.start();
      } else {
        await runner.stop();
        say({ bot: 'standby' }, t(ctx.lang, 'pg.lease.standby'));
      }
    });
  });
  return {
    async stop() {
      await turns;
      await runner.stop();
      await lease.release();
    },
  };
}

/** Starts the bot (retrying while Telegram is unreachable) and stops it, as many times as asked. */
function botRunner(
  ctx: CliContext,
  services: HostedTuiServices,
  settings: { token: string; apiRoot?: string; mode: BotMode },
  stopped: Promise<string>,
  say: (json: Record<string, unknown>, line: string) => void,
): { start(): void; stop(): Promise<void> } {
  const log = (line: string) => ctx.io.err(`${new Date().toISOString()} ${line}`);
  let current: { stopping: boolean; wake: () => void; running: Promise<CitizenBot | null> } | null = null;
  const attempt = async (run: NonNullable<typeof current>, woken: Promise<void>): Promise<CitizenBot | null> => {
    while (!run.stopping) {
      try {
        const { startCitizenBot } = await import('../../bot/bot.js');
        const bot = await startCitizenBot({ token: settings.token, ...(settings.apiRoot ? { apiRoot: settings.apiRoot } : {}), store: services.store, requests: services.requests, mode: settings.mode, log });
        if (run.stopping) return bot;
        const where = settings.mode.kind === 'webhook' ? settings.mode.url : settings.apiRoot ?? 'https://api.telegram.org';
        say({ bot: bot.username, mode: settings.mode.kind, api: where }, t(ctx.lang, settings.mode.kind === 'webhook' ? 'bot.serve.webhook' : 'bot.serve.polling', { username: bot.username, where }));
        return bot;
      } catch (error) {
        const reason = (error as Error).message.slice(0, 200);
        say({ bot: 'unreachable', reason }, t(ctx.lang, 'bot.serve.unreachable', { reason, seconds: 30 }));
        await Promise.race([new Promise((r) => setTimeout(r, 30_000).unref()), stopped, woken]);
      }
    }
    return null;
  };
  return {
    start() {
      if (current) return;
      let wake!: () => void;
      const woken = new Promise<void>((r) => (wake = r));
      const run = { stopping: false, wake, running: Promise.resolve<CitizenBot | null>(null) };
      run.running = attempt(run, woken);
      current = run;
    },
    async stop() {
      const run = current;
      current = null;
      if (!run) return;
      run.stopping = true;
      run.wake();
      const bot = await run.running;
      await bot?.stop();
    },
  };
}

export const serveCommand: CommandSpec = {
  name: 'serve',
  local: true,
  usage: 'anyqtama serve [--port 2222] [--host 127.0.0.1] [--idle-minutes 15] [--login-grace-seconds 30] [--max-startups 10:30:100] [--max-startups-per-address 20] [--max-connections 300] [--webhook URL --webhook-port 8443]',
  summary: {
    kk: 'Қызметкерлер терминалына арналған SSH сервері және азаматтарға арналған Telegram боты',
    ru: 'SSH-сервер для терминалов сотрудников и Telegram-бот для граждан',
    en: 'SSH server for the clerks\' terminal UI and the citizens\' Telegram bot',
  },
  options: {
    port: { type: 'string' }, host: { type: 'string' }, 'idle-minutes': { type: 'string' }, webhook: { type: 'string' }, 'webhook-port': { type: 'string' },
    'login-grace-seconds': { type: 'string' }, 'max-startups': { type: 'string' }, 'max-startups-per-address': { type: 'string' }, 'max-connections': { type: 'string' },
  },
  async run(ctx, values) {
    const portText = str(values.port) ?? '2222';
    const port = Number(portText);
    if (!/^\d+$/.test(portText) || port > 65535) return finish(ctx, fail(badValue(ctx.lang, '--port', 'ssh.expected.port')), () => undefined);
    const idleText = str(values['idle-minutes']) ?? '15';
    const idleMinutes = Number(idleText);
    // Fractions are allowed: tests use a few seconds.
    if (!/^\d+(\.\d+)?$/.test(idleText) || !(idleMinutes > 0)) return finish(ctx, fail(badValue(ctx.lang, '--idle-minutes', 'ssh.expected.minutes')), () => undefined);
    const webhookUrl = str(values.webhook);
    let webhook: ServeOptions['webhook'];
    if (webhookUrl !== undefined) {
      if (!/^https?:\/\/[^\s/]+(\/\S*)?$/.test(webhookUrl)) return finish(ctx, fail(badValue(ctx.lang, '--webhook', 'bot.expected.webhookUrl')), () => undefined);
      const hookPortText = str(values['webhook-port']) ?? '8443';
      const hookPort = Number(hookPortText);
      if (!/^\d+$/.test(hookPortText) || hookPort > 65535) return finish(ctx, fail(badValue(ctx.lang, '--webhook-port', 'ssh.expected.port')), () => undefined);
      webhook = { url: webhookUrl, port: hookPort };
    }
    const limits = limitsOf(values);
    if ('bad' in limits) return finish(ctx, fail(badValue(ctx.lang, limits.bad, limits.bad === '--max-startups' ? 'ssh.expected.startups' : 'ssh.expected.positive')), () => undefined);
    return serve(ctx, { host: str(values.host) ?? '127.0.0.1', port, idleMinutes, limits, ...(webhook ? { webhook } : {}) });
  },
};

/** The limits before log-in from the command line; the name of the first bad option otherwise. */
function limitsOf(values: Values): NonNullable<ServeOptions['limits']> | { bad: string } {
  const limits: { -readonly [K in keyof NonNullable<ServeOptions['limits']>]: NonNullable<ServeOptions['limits']>[K] } = {};
  const grace = str(values['login-grace-seconds']);
  if (grace !== undefined) {
    // Fractions are allowed: tests use a fraction of a second.
    if (!/^\d+(\.\d+)?$/.test(grace) || !(Number(grace) > 0)) return { bad: '--login-grace-seconds' };
    limits.loginGraceMs = Number(grace) * 1000;
  }
  const startups = str(values['max-startups']);
  if (startups !== undefined) {
    const m = /^(\d+):(\d+):(\d+)$/.exec(startups);
    const [start, rate, full] = m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [0, 0, 0];
    if (!m || full < 1 || start > full || rate > 100) return { bad: '--max-startups' };
    limits.maxStartups = { start, rate, full };
  }
  const perAddress = str(values['max-startups-per-address']);
  if (perAddress !== undefined) {
    if (!/^\d+$/.test(perAddress) || Number(perAddress) < 1) return { bad: '--max-startups-per-address' };
    limits.perSourceStartups = Number(perAddress);
  }
  const connections = str(values['max-connections']);
  if (connections !== undefined) {
    if (!/^\d+$/.test(connections) || Number(connections) < 1) return { bad: '--max-connections' };
    limits.maxConnections = Number(connections);
  }
  return limits;
}

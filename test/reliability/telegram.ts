import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { startBotApiServer, type BotApiServer, type RecordedCall } from '../../bench/telegram/server.js';
import { fixedClock } from '../../src/app/clock.js';
import { RequestService } from '../../src/app/requests.js';
import { loadReference } from '../../src/config/reference.js';
import type { Actor } from '../../src/core/request.js';
import { exampleAnswers } from '../../src/core/services/examples.js';
import type { PgStore } from '../../src/store/pg/pg-store.js';
import { NOW, cli, expectExit, type TempDirs } from '../cli/helpers.js';
import { startServe, type ServeHandle } from '../ssh/helpers.js';
import { freshSchema, openPg, type TestSchema } from '../store/pg-harness.js';

/**
 * Two or more compiled `anyqtama serve` processes on one PostgreSQL schema, each with the citizen
 * bot configured against the local Bot API server (bench/telegram/server.ts). Each process reaches
 * that server through a forwarding proxy of its own, so every Bot API call is known by the process
 * that made it: which one polls, which one sends, and when the one taking over began.
 */

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** A Bot API call as the proxy in front of one process saw it. */
export interface TaggedCall {
  /** The process's tag given to `start`. */
  readonly by: string;
  readonly method: string;
  readonly at: number;
}

export interface Serve extends ServeHandle {
  readonly tag: string;
  /** The JSON lines `serve --json` printed about the bot, in order. */
  botLines(): Array<Record<string, unknown>>;
  /** SIGTERM, then SIGKILL if it has not ended within 15 s. */
  end(): Promise<void>;
}

export interface BotCluster {
  readonly schema: TestSchema;
  readonly server: BotApiServer;
  /** Every Bot API call, by process. */
  readonly calls: TaggedCall[];
  /** The test's own store and request service on the schema: it acts as clerks act. */
  readonly store: PgStore;
  readonly requests: RequestService;
  /** Every process started, killed or not. */
  readonly serves: readonly Serve[];
  start(tag: string): Promise<Serve>;
  close(): Promise<void>;
}

/** A migrated schema with the demo's staff, the Bot API server, and nothing started yet. */
export async function startBotCluster(dirs: TempDirs, options: { serverLimits?: { perChatPerSecond?: number; globalPerSecond?: number } } = {}): Promise<BotCluster> {
  const schema = await freshSchema();
  const closers: Array<() => Promise<void>> = [() => schema.drop()];
  const serves: Serve[] = [];
  const close = async () => {
    await Promise.all(serves.map((s) => s.end()));
    for (const c of closers.reverse()) await c().catch(() => undefined);
  };
  try {
    const dataDir = dirs.make('bot-cluster');
    const env = { ANYQTAMA_DATABASE_URL: schema.schemaUrl };
    expectExit(await cli(['demo'], { dataDir, env }), 0);
    const server = await startBotApiServer(options.serverLimits ? { limits: options.serverLimits } : {});
    closers.push(() => server.close());
    const store = await openPg(schema);
    closers.push(() => store.close());
    const reference = loadReference(dataDir);
    if (!reference.ok) throw new Error(reference.error.message.key);
    const requests = new RequestService(store, reference.value, fixedClock(NOW));
    const calls: TaggedCall[] = [];
    return {
      schema, server, calls, store, requests, serves,
      async start(tag) {
        const proxy = await startProxy(server.apiRoot, tag, calls);
        closers.push(() => proxy.close());
        const handle = await startServe(dataDir, {
          env: { ...env, ANYQTAMA_TELEGRAM_TOKEN: server.token, ANYQTAMA_TELEGRAM_API_ROOT: proxy.apiRoot },
        });
        const serve: Serve = { ...handle, tag, botLines: () => botLines(handle.stdout()), end: () => end(handle) };
        serves.push(serve);
        return serve;
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

async function end(serve: ServeHandle): Promise<void> {
  const child = serve.child;
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

function botLines(stdout: string): Array<Record<string, unknown>> {
  return stdout.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Record<string, unknown>).filter((j) => 'bot' in j);
}

/**
 * Forwards everything to the Bot API server and notes who called what. A connection the server
 * drops (unreachable) is dropped towards the process too, and one the process drops (kill -9)
 * towards the server, so a held long poll ends with its process as it would at Telegram.
 */
async function startProxy(target: string, by: string, calls: TaggedCall[]): Promise<{ apiRoot: string; close(): Promise<void> }> {
  const upstream = new URL(target);
  const http: Server = createServer((req, res) => {
    calls.push({ by, method: /\/([A-Za-z]+)\/?$/.exec(req.url ?? '')?.[1] ?? '', at: Date.now() });
    const up = request({ host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
      answer.on('error', () => res.destroy());
    });
    up.on('error', () => req.socket.destroy());
    req.pipe(up);
    res.on('close', () => {
      if (!res.writableFinished) up.destroy();
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;
  return {
    // telegraf resolves `./bot<token>/<method>` against the root: the slash keeps nothing lost.
    apiRoot: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((resolve) => {
      http.closeAllConnections();
      http.close(() => resolve());
    }),
  };
}

const CLERK: Actor = { login: 'kzo-clerk', role: 'clerk', organisationId: 'kzo-archives', iin: '870214400019' };

/**
 * A request filed from the bot by each citizen (chat), then taken into work and its term extended
 * by a clerk: three notices per chat (registered, in work, extended). Returns each chat's number.
 */
export async function threeNoticesEach(cluster: BotCluster, chats: readonly number[]): Promise<Map<number, string>> {
  const numbers = new Map<number, string>();
  for (const chat of chats) {
    const filed = await cluster.requests.submit({
      serviceId: 'archive-certificate', channel: 'bot', lang: 'kk', office: 'kzo-archives',
      answers: exampleAnswers('archive-certificate'),
      actor: { login: `telegram:${chat}`, role: 'citizen' },
      // The example applicant's phone in the registry, as Telegram's contact button shares it.
      verifiedPhone: '+77011234567',
      contact: { telegramChatId: chat },
    });
    if (!filed.ok) throw new Error(`seed: ${filed.error.message.key} ${JSON.stringify(filed.error.message.params)}`);
    numbers.set(chat, filed.value.number!);
  }
  for (const [, number] of numbers) {
    const taken = await cluster.requests.act(number, { action: 'take', actor: CLERK, channel: 'office' });
    if (!taken.ok) throw new Error(`take ${number}: ${taken.error.message.key}`);
  }
  for (const [, number] of numbers) {
    const extended = await cluster.requests.act(number, { action: 'extend', ground: 'MULTIPLE_ORGANISATIONS', actor: CLERK, channel: 'office' });
    if (!extended.ok) throw new Error(`extend ${number}: ${extended.error.message.key}`);
  }
  return numbers;
}

/** The three notices in Kazakh (the requests' language), told apart by their wording. */
export const NOTICES = {
  registered: /тіркелді/,
  inWork: /жұмысқа алынды/,
  extended: /мерзімі .* ұзартылды/,
} as const;
export type Notice = keyof typeof NOTICES;

/** How many times each chat was told each notice of its request (the number must be in the text). */
export function tally(server: BotApiServer, numbers: ReadonlyMap<number, string>): Map<number, Record<Notice | 'other', number>> {
  const out = new Map<number, Record<Notice | 'other', number>>();
  for (const [chat, number] of numbers) {
    const counts = { registered: 0, inWork: 0, extended: 0, other: 0 };
    for (const m of server.user(chat).messages) {
      const text = m.text ?? '';
      const kind = (Object.keys(NOTICES) as Notice[]).find((k) => NOTICES[k].test(text) && text.includes(number));
      counts[kind ?? 'other'] += 1;
    }
    out.set(chat, counts);
  }
  return out;
}

export const delivered = (server: BotApiServer, chats: readonly number[]) => chats.reduce((n, chat) => n + server.user(chat).messages.length, 0);

const isSend = (c: RecordedCall) => !c.dropped && /^send(message|document|photo)$/i.test(c.method);

export interface LimitsReport {
  readonly sends: number;
  /** Two sends into one chat closer than a second less the jitter: [chat, gap ms]. */
  readonly tooClose: Array<[number, number]>;
  /** The least gap between two sends into one chat, ms. */
  readonly leastGapMs: number;
  /** The most sends that arrived within any one second. */
  readonly busiestSecond: number;
  /** The most sends that arrived within any second less the jitter. */
  readonly busiestWithJitter: number;
  readonly rateLimited: number;
  /**
   * Sends into a chat Telegram had just refused with 429, before its retry_after ran out: exact,
   * since a chat has one call under way at a time, so any next call left after the refusal came.
   */
  readonly refusedChatTooSoon: Array<[number, number]>;
  /**
   * Sends that arrived after a 429 was answered and before its retry_after ran out, by how long
   * after the answer they came (ms). Those within `inFlightMs` may have left before the sender
   * could know of the 429; `ignoredPause` are the others: they did not wait.
   */
  readonly duringPause: number[];
  readonly ignoredPause: number[];
}

/**
 * Telegram's limits as the server saw the sends arrive. Arrival times carry the jitter of the
 * sender's own work between deciding to send and sending, so the per-chat second and the overall
 * second are checked less `jitterMs`.
 */
export function limitsKept(calls: readonly RecordedCall[], o: { jitterMs: number; inFlightMs: number }): LimitsReport {
  const sends = calls.filter(isSend).sort((a, b) => a.at - b.at);
  const chatOf = (c: RecordedCall) => Number(c.params.chat_id);
  const lastByChat = new Map<number, number>();
  const tooClose: Array<[number, number]> = [];
  let leastGapMs = Infinity;
  for (const s of sends) {
    const last = lastByChat.get(chatOf(s));
    if (last !== undefined) {
      leastGapMs = Math.min(leastGapMs, s.at - last);
      if (s.at - last < 1000 - o.jitterMs) tooClose.push([chatOf(s), s.at - last]);
    }
    lastByChat.set(chatOf(s), s.at);
  }
  const busiest = (windowMs: number) => {
    let most = 0;
    for (let i = 0, j = 0; i < sends.length; i++) {
      while (sends[i]!.at - sends[j]!.at >= windowMs) j++;
      most = Math.max(most, i - j + 1);
    }
    return most;
  };
  const refusals = sends.filter((s) => s.errorCode === 429 && s.answeredAt !== undefined);
  const paused = (s: RecordedCall, r: RecordedCall) => s.at > r.answeredAt! && s.at < r.answeredAt! + retryAfterOf(r) * 1000;
  const refusedChatTooSoon: Array<[number, number]> = [];
  const duringPause: number[] = [];
  for (const s of sends) {
    const pausedBy = refusals.filter((r) => paused(s, r));
    if (pausedBy.length > 0) duringPause.push(Math.min(...pausedBy.map((r) => s.at - r.answeredAt!)));
    const own = pausedBy.find((r) => chatOf(r) === chatOf(s));
    if (own) refusedChatTooSoon.push([chatOf(s), s.at - own.answeredAt!]);
  }
  return {
    sends: sends.length, tooClose, leastGapMs, busiestSecond: busiest(1000), busiestWithJitter: busiest(1000 - o.jitterMs),
    rateLimited: refusals.length, refusedChatTooSoon, duringPause, ignoredPause: duringPause.filter((ms) => ms > o.inFlightMs),
  };
}

/** Seconds until the last claim on an undelivered item lapses (negative: all lapsed), and who holds them. */
export async function claims(schema: TestSchema): Promise<{ lapseInS: number | null; holders: string[] }> {
  const client = new pg.Client({ connectionString: schema.schemaUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ left: number | null; holders: string[] | null }>(
      `SELECT EXTRACT(EPOCH FROM max(claimed_until) - now())::float AS left, array_agg(DISTINCT claimed_by) AS holders
       FROM outbox WHERE delivered_at IS NULL AND claimed_until IS NOT NULL`);
    return { lapseInS: rows[0]?.left ?? null, holders: rows[0]?.holders ?? [] };
  } finally {
    await client.end();
  }
}

const retryAfterOf = (call: RecordedCall): number => Number(/retry after (\d+)/.exec(call.description ?? '')?.[1] ?? 1);

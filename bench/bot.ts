/**
 * bench/bot: N citizens (default 200) file archival requests through the citizen bot at the same
 * time. The bot runs as in `anyqtama serve`, in a process of its own: the real telegraf client,
 * long polling, the LowdbStore (every chat write fsynced before the reply), the notifier. This
 * process plays Telegram (the local Bot API server of bench/telegram) and the citizens
 * (bench/bot-citizens.ts), who answer at once unless --think-ms is given. Each citizen: /start,
 * language, service, office, start, shares the contact, answers the whole questionnaire, sends one
 * small photo for the employment record and skips the other documents; once every citizen stands
 * at the summary, all confirm. One whole conversation runs first as a warm-up and is not counted.
 *
 * Prints: updates handled and per second (wall time); the time from posting an update to the
 * bot's first message (sent or edited) in that chat after it, overall and per kind of update;
 * the bot process's CPU, its memory before the citizens and with every conversation at the
 * summary (after a full GC), per conversation; the stored size of one conversation; the
 * "registered" notifications (not counted as replies); errors (must be 0: exit code 1 otherwise).
 *
 *   npm run build && npm run bench:bot [-- --conversations 200 --documents photo|skip --think-ms 0]
 *   node dist/bench/bot.js --cpu-prof DIR      # the bot's process also writes a .cpuprofile to DIR
 */
import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { fixedClock } from '../src/app/clock.js';
import { RequestService } from '../src/app/requests.js';
import { startCitizenBot, type CitizenBot } from '../src/bot/bot.js';
import { SHIPPED_DATA } from '../src/config/paths.js';
import { loadReference } from '../src/config/reference.js';
import { seedDemoKeys } from '../src/demo/keys.js';
import { seedDemoUsers } from '../src/demo/seed.js';
import { loadTrustStore } from '../src/documents/pki/trust.js';
import { DocumentService } from '../src/documents/service.js';
import { LowdbStore } from '../src/store/lowdb/lowdb-store.js';
import { answersFor, Citizens, isNotification, KINDS, NOW, type Citizen, type Person } from './bot-citizens.js';
import { startBotApiServer, type BotApiServer } from './telegram/server.js';

type Snapshot = { rss: number; heapUsed: number; external: number; cpuMs: number; stats: CitizenBot['stats'] };
type ToParent = { type: 'ready' } | ({ type: 'memory' } & Snapshot) | { type: 'stopped'; stats: CitizenBot['stats']; maxRss: number; log: string[] };
type ToChild = { type: 'start'; dataDir: string; apiRoot: string; token: string } | { type: 'memory' } | { type: 'stop' };

/** CPU time of this process so far (user and system, all threads), ms. */
function cpuMs(): number {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1000;
}

// ——— the bot's process ———

async function botProcess(): Promise<void> {
  const send = (m: ToParent) => process.send!(m);
  const log: string[] = [];
  let bot: CitizenBot | undefined;
  let store: LowdbStore | undefined;
  const handle = async (m: ToChild) => {
    if (m.type === 'start') {
      // As test/bot/world.ts: the demo's staff and keys, the real RequestService and DocumentService.
      const opened = await LowdbStore.open({ dataDir: m.dataDir, command: 'bench' });
      const reference = loadReference(m.dataDir);
      if (!opened.ok || !reference.ok) throw new Error('cannot open the store or the reference data');
      store = opened.value;
      await seedDemoUsers(store, new Date(NOW));
      await seedDemoKeys(store, m.dataDir, new Date(NOW));
      const documents = new DocumentService(store, reference.value, () => loadTrustStore([join(m.dataDir, 'pki', 'trusted')]).then((x) => x.store));
      const requests = new RequestService(store, reference.value, fixedClock(NOW), { documents });
      // Notifications at production limits (1 s per chat, 30/s overall), the outbox polled every second.
      bot = await startCitizenBot({ token: m.token, apiRoot: m.apiRoot, store, requests, mode: { kind: 'polling' }, limits: { pollMs: 1000 }, log: (line) => log.push(line) });
      send({ type: 'ready' });
    } else if (m.type === 'memory') {
      const cpu = cpuMs();
      for (let i = 0; i < 3; i++) global.gc?.();
      const mem = process.memoryUsage();
      send({ type: 'memory', rss: mem.rss, heapUsed: mem.heapUsed, external: mem.external + mem.arrayBuffers, cpuMs: cpu, stats: { ...bot!.stats } });
    } else {
      await bot?.stop();
      await store?.close();
      send({ type: 'stopped', stats: { ...bot!.stats }, maxRss: process.resourceUsage().maxRSS * 1024, log });
      process.disconnect();
    }
  };
  process.on('message', (m: ToChild) => void handle(m).catch((error: unknown) => {
    process.stderr.write(`bench/bot, the bot's process: ${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  }));
}

function ask<T extends ToParent['type']>(child: ChildProcess, message: ToChild, answer: T): Promise<Extract<ToParent, { type: T }>> {
  return new Promise((resolve, reject) => {
    const gone = (code: number | null) => reject(new Error(`the bot's process exited (${code})`));
    const listener = (m: ToParent) => {
      if (m.type !== answer) return;
      child.off('message', listener).off('exit', gone);
      resolve(m as Extract<ToParent, { type: T }>);
    };
    child.on('message', listener).once('exit', gone);
    child.send(message);
  });
}

/** The bot's process ends by itself once stopped (and writes its profile); killed if it hangs. */
function exited(child: ChildProcess, timeoutMs = 10_000): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill(), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

// ——— the run ———

function quantiles(values: readonly number[]) {
  const s = [...values].sort((a, b) => a - b);
  const at = (x: number) => round(s[Math.min(s.length - 1, Math.floor(x * s.length))] ?? 0);
  return { n: s.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: at(1) };
}
const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;
const mb = (bytes: number) => round(bytes / 1024 / 1024);
const kb = (bytes: number) => round(bytes / 1024);

interface Run {
  n: number;
  citizens: Citizens;
  server: BotApiServer;
  startedAt: number;
  toSummaryMs: number;
  confirmMs: number;
  parentCpuMs: number;
  atSummary: readonly Citizen[];
  confirmed: readonly Citizen[];
  before: Snapshot;
  mid: Snapshot;
  stopped: Extract<ToParent, { type: 'stopped' }>;
  records: readonly number[];
  recordAfter: number;
  notifiedS: readonly number[];
}

function figures(r: Run) {
  const wallS = (r.toSummaryMs + r.confirmMs) / 1000;
  const handled = r.stopped.stats.handled - r.before.stats.handled;
  const calls = r.server.calls.filter((c) => c.at >= r.startedAt);
  const count = (method: string) => calls.filter((c) => c.method.toLowerCase() === method.toLowerCase()).length;
  // telegraf handles a getUpdates batch with Promise.all and polls again only when all of it is done.
  const polls = calls.filter((c) => c.method === 'getUpdates');
  const batchMs = polls.slice(1).map((next, i) => next.at - (polls[i]!.answeredAt ?? next.at));
  const sent = count('sendMessage') + count('editMessageText') + count('sendDocument');
  const perConversation = (a: number, b: number) => kb((b - a) / Math.max(1, r.atSummary.length));
  const botCpuMs = r.mid.cpuMs - r.before.cpuMs;
  const updatesToSummary = r.citizens.samples.filter((s) => s.kind !== 'confirm').length;
  const { samples } = r.citizens;
  return {
    conversations: r.n, reachedSummary: r.atSummary.length, registered: new Set(r.confirmed.map((c) => c.number)).size,
    updatesPosted: r.citizens.posted, updatesHandled: handled, duplicates: r.stopped.stats.duplicates - r.before.stats.duplicates,
    wallSeconds: round(wallS), toSummarySeconds: round(r.toSummaryMs / 1000), confirmSeconds: round(r.confirmMs / 1000),
    updatesPerSecond: Math.round(handled / wallS), botSendsPerSecond: Math.round(sent / wallS),
    getUpdatesCalls: polls.length, updatesPerBatch: round(handled / Math.max(1, polls.length)), batchMs: quantiles(batchMs),
    cpu: {
      botMsPerUpdate: round(botCpuMs / Math.max(1, updatesToSummary), 2),
      botCores: round(botCpuMs / r.toSummaryMs, 2),
      telegramAndCitizensCores: round(r.parentCpuMs / r.toSummaryMs, 2),
    },
    latencyMs: quantiles(samples.map((s) => s.ms)),
    latencyByKindMs: KINDS.map((kind) => ({ kind, ...quantiles(samples.filter((s) => s.kind === kind).map((s) => s.ms)) })).filter((k) => k.n > 0),
    memory: {
      rssMB: { before: mb(r.before.rss), atSummary: mb(r.mid.rss), peak: mb(r.stopped.maxRss) },
      heapMB: { before: mb(r.before.heapUsed), atSummary: mb(r.mid.heapUsed) },
      externalMB: { before: mb(r.before.external), atSummary: mb(r.mid.external) },
      perConversationKB: { rss: perConversation(r.before.rss, r.mid.rss), heap: perConversation(r.before.heapUsed, r.mid.heapUsed), external: perConversation(r.before.external, r.mid.external) },
    },
    chatRecordBytes: { atSummary: r.records[0] ?? 0, atSummaryMedian: quantiles(r.records).p50, allAtSummaryKB: kb(r.records.reduce((a, b) => a + b, 0)), afterConfirm: r.recordAfter },
    notifications: { delivered: r.notifiedS.length, allWithinS: r.notifiedS.length ? round(Math.max(...r.notifiedS)) : null },
    errors: { total: r.citizens.errors.length + r.stopped.stats.failed, failedWaits: r.citizens.errors.length, botFailed: r.stopped.stats.failed, botLogLines: r.stopped.log.length },
  };
}

function print(f: ReturnType<typeof figures>, options: { photo: boolean; thinkMs: number }): void {
  const m = f.memory;
  const pace = options.thinkMs > 0 ? `a pause of ${options.thinkMs} ms on average before each update` : 'instant answers';
  console.log(`bench/bot — node ${process.version}, ${f.conversations} citizens at once (archive-certificate, kzo-archives; ${options.photo ? 'one photo' : 'no documents'}), long polling, ${pace}`);
  console.log(`conversations at the summary ${f.reachedSummary}, registered ${f.registered}`);
  console.log(`updates handled ${f.updatesHandled} (posted ${f.updatesPosted}, duplicates ${f.duplicates}) in ${f.wallSeconds} s (${f.toSummarySeconds} to the summaries + ${f.confirmSeconds} confirming): ${f.updatesPerSecond} updates/s`);
  console.log(`bot messages sent or edited ${f.botSendsPerSecond}/s; getUpdates ${f.getUpdatesCalls} (${f.updatesPerBatch} updates each; a batch took p50 ${f.batchMs.p50} ms, p99 ${f.batchMs.p99}, max ${f.batchMs.max})`);
  console.log(`CPU until the summaries: bot ${f.cpu.botMsPerUpdate} ms per update, ${f.cpu.botCores} cores; Telegram and the citizens (this process) ${f.cpu.telegramAndCitizensCores} cores`);
  console.log(`posting → first reply, ms: p50 ${f.latencyMs.p50}  p95 ${f.latencyMs.p95}  p99 ${f.latencyMs.p99}  max ${f.latencyMs.max}  (${f.latencyMs.n} updates)`);
  console.log(['  kind'.padEnd(10), ...['updates', 'p50', 'p95', 'p99', 'max'].map((c) => c.padStart(8))].join(' '));
  for (const k of f.latencyByKindMs) console.log([`  ${k.kind}`.padEnd(10), ...[k.n, k.p50, k.p95, k.p99, k.max].map((c) => String(c).padStart(8))].join(' '));
  console.log(`bot process memory after GC: RSS ${m.rssMB.before} → ${m.rssMB.atSummary} MB (peak ${m.rssMB.peak}), heap ${m.heapMB.before} → ${m.heapMB.atSummary} MB, external ${m.externalMB.before} → ${m.externalMB.atSummary} MB`);
  console.log(`per conversation at the summary: RSS ${m.perConversationKB.rss} KB, heap ${m.perConversationKB.heap} KB, external ${m.perConversationKB.external} KB`);
  console.log(`stored conversation (bot/chats/NN/<id>.json): ${f.chatRecordBytes.atSummary} B at the summary (median ${f.chatRecordBytes.atSummaryMedian}; all ${f.chatRecordBytes.allAtSummaryKB} KB), ${f.chatRecordBytes.afterConfirm} B after confirming`);
  console.log(`"registered" notifications delivered ${f.notifications.delivered}/${f.registered}, all within ${f.notifications.allWithinS} s of the confirms being posted`);
  console.log(`errors ${f.errors.total} (failed waits ${f.errors.failedWaits}, bot.stats.failed ${f.errors.botFailed}); bot log lines ${f.errors.botLogLines}`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      conversations: { type: 'string', default: '200' }, documents: { type: 'string', default: 'photo' }, 'think-ms': { type: 'string', default: '0' },
      'cpu-prof': { type: 'string' }, child: { type: 'boolean' },
    },
  });
  if (values.child) return botProcess();
  const n = Number(values.conversations);
  const thinkMs = Number(values['think-ms']);
  if (!Number.isInteger(n) || n < 1 || !['photo', 'skip'].includes(values.documents!) || !(thinkMs >= 0)) {
    throw new Error('usage: bench/bot [--conversations 200] [--documents photo|skip] [--think-ms 0] [--cpu-prof DIR]');
  }
  const photo = values.documents === 'photo';
  const registry = JSON.parse(readFileSync(join(SHIPPED_DATA, 'registry', 'persons.json'), 'utf8')) as { persons: Person[] };
  const persons = registry.persons.filter((p) => p.phone);
  const dataDir = await mkdtemp(join(tmpdir(), 'aq-bench-bot-'));
  const chatFile = (c: Citizen) => join(dataDir, 'bot', 'chats', String(c.user.id % 100).padStart(2, '0'), `${c.user.id}.json`);
  const server = await startBotApiServer();
  const profile = values['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${values['cpu-prof']}`] : [];
  const child = fork(fileURLToPath(import.meta.url), ['--child'], { execArgv: ['--expose-gc', ...profile] });
  const citizens = new Citizens(dataDir, { thinkMs, photo });
  // Many citizens are the same registry person: the phone each shares is that person's (R1).
  const citizen = (id: number, i: number): Citizen => {
    const person = persons[i % persons.length]!;
    const lang = i % 2 === 0 ? 'kk' : 'ru';
    return { user: server.user(id, { firstName: person.firstName, languageCode: lang, phone: person.phone! }), lang, phone: person.phone!, answers: answersFor(person) };
  };
  try {
    await ask(child, { type: 'start', dataDir, apiRoot: server.apiRoot, token: server.token }, 'ready');
    // The warm-up, without pauses: what a first conversation costs once (forms compiled, JIT) is not per conversation.
    const warmUp = new Citizens(dataDir, { thinkMs: 0, photo });
    const warm = await warmUp.all([citizen(699_999, 0)], async (c) => {
      await warmUp.toSummary(c);
      await warmUp.confirm(c);
    });
    if (warm.length === 0) throw new Error(`the warm-up conversation failed: ${warmUp.errors.join('; ')}`);
    const before = await ask(child, { type: 'memory' }, 'memory');
    const all = Array.from({ length: n }, (_, i) => citizen(700_000 + i, i));

    const startedAt = Date.now();
    const ownCpu = cpuMs();
    let t = performance.now();
    const atSummary = await citizens.all(all, (c) => citizens.toSummary(c));
    const toSummaryMs = performance.now() - t;
    const parentCpuMs = cpuMs() - ownCpu;
    const mid = await ask(child, { type: 'memory' }, 'memory');
    const records = await Promise.all(atSummary.map((c) => stat(chatFile(c)).then((s) => s.size)));

    t = performance.now();
    const notified = atSummary.map((c) => c.user.waitForMessage(isNotification, 60_000).then(() => (performance.now() - t) / 1000, () => null));
    const confirmed = await citizens.all(atSummary, (c) => citizens.confirm(c));
    const confirmMs = performance.now() - t;
    const recordAfter = confirmed[0] ? (await stat(chatFile(confirmed[0]))).size : 0;
    const notifiedS = (await Promise.all(notified)).filter((s): s is number => s !== null);
    const stopped = await ask(child, { type: 'stop' }, 'stopped');
    await exited(child);

    const f = figures({ n, citizens, server, startedAt, toSummaryMs, confirmMs, parentCpuMs, atSummary, confirmed, before, mid, stopped, records, recordAfter, notifiedS });
    print(f, { photo, thinkMs });
    for (const e of citizens.errors.slice(0, 5)) console.log(`error: ${e}`);
    for (const line of stopped.log.slice(0, 5)) console.log(`bot log: ${line.split('\n')[0]}`);
    console.log(`json ${JSON.stringify(f)}`);
    if (f.errors.total > 0 || f.notifications.delivered < confirmed.length) process.exitCode = 1;
  } finally {
    if (child.exitCode === null) child.kill();
    await server.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

await main();

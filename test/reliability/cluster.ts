import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RequestService } from '../../src/app/requests.js';
import { fixedClock } from '../../src/app/clock.js';
import { loadReference } from '../../src/config/reference.js';
import { exampleAnswers } from '../../src/core/services/examples.js';
import type { ServiceId } from '../../src/core/services/types.js';
import type { PgStore } from '../../src/store/pg/pg-store.js';
import { NOW, TempDirs, cli, expectExit } from '../cli/helpers.js';
import { freshSchema, openPg, type TestSchema } from '../store/pg-harness.js';
import { sshSession, startServe, type ServeHandle, type SshSession } from '../ssh/helpers.js';

/**
 * Several `anyqtama serve` processes on one PostgreSQL schema, driven as clerks drive them: over
 * SSH, through the terminal UI, read back from a terminal emulator.
 */

export const DOWN = '\x1b[B';
export const ESC = '\x1b';
export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
export const numbersOn = (s: SshSession) => s.lines().flatMap((row) => row.match(/\b\d{2}-\d{6}-\d\b/g) ?? []);

export interface Cluster {
  readonly schema: TestSchema;
  /** The configuration folder every process shares (host key, trusted CAs); the data is in the database. */
  readonly dataDir: string;
  readonly serves: ServeHandle[];
  start(): Promise<ServeHandle>;
  /** A store of the test's own on the same schema, to read what the processes stored. */
  store(): Promise<PgStore>;
  close(): Promise<void>;
}

/** A migrated schema with the demo, plus `extra` archive requests registered at each of `offices`. */
export async function startCluster(dirs: TempDirs, options: { url?: string; extra?: number; offices?: readonly string[] } = {}): Promise<Cluster> {
  const schema = await freshSchema(options.url ? { url: options.url } : {});
  const dataDir = dirs.make('cluster');
  const env = { ANYQTAMA_DATABASE_URL: schema.schemaUrl };
  expectExit(await cli(['demo'], { dataDir, env }), 0);
  const opened: PgStore[] = [];
  const own = async () => {
    const s = await openPg(schema);
    opened.push(s);
    return s;
  };
  if (options.extra) {
    const store = await own();
    const reference = loadReference(dataDir);
    if (!reference.ok) throw new Error(reference.error.message.key);
    const service = new RequestService(store, reference.value, fixedClock(NOW));
    const clerks: Record<string, { login: string; iin: string }> = {
      'kzo-archives': { login: 'kzo-clerk', iin: '870214400019' },
      'ast-state-archive': { login: 'ast-clerk', iin: '820630400012' },
    };
    for (const office of options.offices ?? ['kzo-archives']) {
      const clerk = clerks[office]!;
      for (let i = 0; i < options.extra; i++) {
        const submitted = await service.submit({
          serviceId: 'archive-certificate' satisfies ServiceId, channel: 'office', lang: 'kk', office,
          answers: exampleAnswers('archive-certificate'),
          actor: { login: clerk.login, role: 'clerk', organisationId: office, iin: clerk.iin },
        });
        if (!submitted.ok) throw new Error(`seed: ${submitted.error.message.key} ${JSON.stringify(submitted.error.message.params)}`);
      }
    }
  }
  const serves: ServeHandle[] = [];
  return {
    schema,
    dataDir,
    serves,
    async start() {
      const serve = await startServe(dataDir, { env });
      serves.push(serve);
      return serve;
    },
    store: own,
    async close() {
      for (const s of serves) if (s.child.exitCode === null && s.child.signalCode === null) await s.stop();
      for (const s of opened) await s.close().catch(() => undefined);
      await schema.drop().catch(() => undefined);
    },
  };
}

export async function clerkOn(serve: ServeHandle, login = 'kzo-clerk'): Promise<SshSession> {
  const session = await sshSession({ port: serve.port, login, password: 'anyqtama-demo', cols: 100, rows: 30 });
  await session.waitFor(/\d{2}-\d{6}-\d/, 20_000);
  return session;
}

/**
 * Takes the first request of the clerk's "received" queue into work, as a clerk does (Enter, t,
 * Enter), and returns its number once the screen says it was done, or the message shown instead.
 */
export async function takeFirst(s: SshSession, timeoutMs = 15_000): Promise<{ number: string; done: boolean; said: string }> {
  await waitForAny(s, [/\b\d{2}-\d{6}-\d\b/], timeoutMs);
  const number = numbersOn(s)[0]!;
  s.write('\r');
  await s.waitFor(`№ ${number}`, timeoutMs);
  s.write('t');
  await waitForAny(s, [new RegExp(`${number}: (жұмысқа алу|взять в работу)`)], timeoutMs);
  s.write('\r');
  const outcome = await waitForAny(s, [SAID.done, SAID.conflict, SAID.tryAgain], timeoutMs);
  return { number, done: outcome === 0, said: s.screen() };
}

/** What the screen says after a confirmed action, in either language of the demo clerks. */
export const SAID = {
  done: /Орындалды: жұмысқа алу|Выполнено: взять в работу/,
  conflict: /басқа қызметкер өзгертті|изменил другой сотрудник/,
  tryAgain: /Дерекқор уақытша қолжетімсіз|База данных временно недоступна/,
};

/** Index of the first pattern the screen shows. */
export async function waitForAny(s: SshSession, patterns: readonly RegExp[], timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const screen = s.screen();
    const i = patterns.findIndex((p) => p.test(screen));
    if (i >= 0) return i;
    if (Date.now() > deadline) throw new Error(`none of ${patterns.join(', ')} on the screen:\n${screen}`);
    await sleep(25);
  }
}

/** The queue's page line ("1–20, барлығы 31" / "1–20 из 31"): the queue is on screen. */
const QUEUE = /\d+–\d+(, барлығы| из) \d+/;

/** Back to the queue from a request's screen or a decision's (Esc until the queue shows). */
export async function backToQueue(s: SshSession): Promise<void> {
  for (let i = 0; i < 3 && !QUEUE.test(s.screen()); i++) {
    s.write(ESC);
    await s.settle(150);
  }
  await waitForAny(s, [QUEUE], 10_000);
}

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

const PG_BIN = () => {
  const version = execFileSync('ls', ['/usr/lib/postgresql']).toString().trim().split('\n').sort().at(-1)!;
  return `/usr/lib/postgresql/${version}/bin`;
};

/**
 * A PostgreSQL server of the test's own (initdb into a temporary folder, trust auth, its own
 * port), so that restarting it does not disturb other tests using the machine's server. As root
 * (CI), the server runs as the `postgres` user, which initdb requires.
 */
export async function privatePostgres(): Promise<{ url: string; restart(): Promise<void>; stop(): Promise<void>; start(): Promise<void>; destroy(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'aq-pg-'));
  const asRoot = process.getuid?.() === 0;
  if (asRoot) execFileSync('chown', ['postgres', dir]);
  const run = (tool: string, args: string[]) => {
    const cmd = `${PG_BIN()}/${tool}`;
    return asRoot ? execFileSync('runuser', ['-u', 'postgres', '--', cmd, ...args], { stdio: 'pipe' }) : execFileSync(cmd, args, { stdio: 'pipe' });
  };
  const data = join(dir, 'data');
  run('initdb', ['-D', data, '--auth=trust', '-U', 'postgres', '--no-sync']);
  const port = await freePort();
  const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=on -c synchronous_commit=on`;
  const ctl = (args: string[]) => run('pg_ctl', ['-D', data, '-l', join(dir, 'log'), '-w', '-t', '30', ...args]);
  ctl(['-o', opts, 'start']);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    async restart() {
      ctl(['-m', 'fast', '-o', opts, 'restart']);
    },
    async stop() {
      ctl(['-m', 'fast', 'stop']);
    },
    async start() {
      ctl(['-o', opts, 'start']);
    },
    async destroy() {
      try {
        ctl(['-m', 'immediate', 'stop']);
      } catch {
        // already stopped
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}


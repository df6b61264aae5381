import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, inject } from 'vitest';
import { exampleAnswers } from '../../src/core/services/examples.js';
import { SERVICE_IDS, type ServiceId } from '../../src/core/services/types.js';
import { SUITE_ENV } from '../suite-env.js';

/**
 * Runs `anyqtama` the way an office's script does: `node bin/anyqtama.js ...` as a child process,
 * reading its exit code, stdout and stderr. Nothing is imported from the command's own code, so
 * these tests see the compiled dist/ exactly as it ships (`npm run build` first).
 */

export const PROJECT = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = join(PROJECT, 'bin', 'anyqtama.js');

if (!existsSync(join(PROJECT, 'dist', 'src', 'cli', 'main.js'))) {
  throw new Error('test/cli runs the compiled command: run `npm run build` first');
}

/**
 * The pinned clock most tests use: Friday 20 November 2026, 10:00 in Kazakhstan. The example
 * questionnaires hold dates from autumn 2026, so the demo and every example only work from
 * October 2026 on (see the March tests in demo.test.ts and catalogue.test.ts).
 */
export const NOW = '2026-11-20T05:00:00Z';
export const TODAY = '2026-11-20';
/** Friday 20 March 2026, 10:00 in Kazakhstan: the eve of Nauryz (21–23 March, days off moved to 24–25). */
export const NOW_MARCH = '2026-03-20T05:00:00Z';

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly pid: number;
}

export interface CliOptions {
  /** Passed as --data-dir after the command's own arguments. */
  readonly dataDir?: string;
  /** ANYQTAMA_NOW; NOW unless given, null to leave the clock real. */
  readonly now?: string | null;
  readonly env?: Readonly<Record<string, string>>;
  readonly cwd?: string;
}

/**
 * The caller's environment without any ANYQTAMA_* setting, so a developer's shell cannot change a
 * test, plus the suite's own settings (test/suite-env.ts).
 */
export function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('ANYQTAMA_')) env[k] = v;
  return { ...env, ...SUITE_ENV };
}

/**
 * How long a command may run before the test gives up on it. Not a measure of speed: a busy
 * machine may take many times longer than an idle one, so this only catches a command that hangs.
 */
export const HANG_MS = 120_000;

function envOf(options: CliOptions): NodeJS.ProcessEnv {
  const env = cleanEnv();
  const now = options.now === undefined ? NOW : options.now;
  if (now !== null) env.ANYQTAMA_NOW = now;
  return Object.assign(env, options.env ?? {});
}

const argvOf = (args: readonly string[], options: CliOptions) => [BIN, ...args, ...(options.dataDir ? ['--data-dir', options.dataDir] : [])];

/** Starts the command without waiting, for tests that interrupt it. */
export function spawnCli(args: readonly string[], options: CliOptions = {}): ChildProcess {
  return spawn(process.execPath, argvOf(args, options), { env: envOf(options), cwd: options.cwd ?? PROJECT, stdio: 'ignore' });
}

export function cli(args: readonly string[], options: CliOptions = {}): Promise<CliResult> {
  const env = envOf(options);
  const argv = argvOf(args, options);
  return new Promise((resolve, reject) => {
    const child = execFile(process.execPath, argv, { env, cwd: options.cwd ?? PROJECT, timeout: HANG_MS, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error && typeof error.code !== 'number') {
        reject(new Error(`anyqtama ${args.join(' ')} did not finish (${error.killed ? 'killed after timeout' : String(error.code)}):\n${stderr}`));
        return;
      }
      resolve({ code: error ? (error.code as number) : 0, stdout, stderr, pid: child.pid ?? 0 });
    });
  });
}

/** stdout parsed as JSON, with the whole output in the failure message when it is not JSON. */
export function json<T = any>(result: CliResult): T {
  try {
    return JSON.parse(result.stdout) as T;
  } catch {
    throw new Error(`expected JSON on stdout (exit ${result.code}):\n${result.stdout}\n--- stderr:\n${result.stderr}`);
  }
}

/** A failure a person can read: no JavaScript stack trace, no "Node.js v20" crash banner. */
export function expectNoCrash(result: CliResult): void {
  const all = `${result.stdout}\n${result.stderr}`;
  expect(all).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  expect(all).not.toMatch(/^Node\.js v\d+/m);
}

export function expectExit(result: CliResult, code: number): void {
  expect(result.code, `exit code of the command\n--- stdout:\n${result.stdout}\n--- stderr:\n${result.stderr}`).toBe(code);
}

/** Temporary folders under the OS temp dir, removed by `removeAll` (call it in afterAll). */
export class TempDirs {
  private readonly made: string[] = [];

  make(label = 'data'): string {
    const dir = mkdtempSync(join(tmpdir(), `anyqtama-cli-${label}-`));
    this.made.push(dir);
    return dir;
  }

  /** A fresh copy of a data dir, for a test that changes it. */
  copy(from: string): string {
    const dir = this.make('copy');
    cpSync(from, dir, { recursive: true });
    return dir;
  }

  removeAll(): void {
    for (const dir of this.made.splice(0)) rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A data dir with the demo loaded (users of every role, requests in every state). At NOW it is
 * a copy of the data dir test/global-setup.ts seeded once with `anyqtama demo` (the command's
 * own tests are in demo.test.ts); at another time, or outside that setup, the demo runs here.
 */
export async function seededDir(dirs: TempDirs, now: string = NOW): Promise<string> {
  const dir = dirs.make('demo');
  const template = inject('demoTemplate');
  if (template && inject('demoTemplateNow') === now) {
    cpSync(template, dir, { recursive: true, preserveTimestamps: true });
    // The lock file names its last holder's command (for messages only): name this dir, as `demo` here would have.
    const lock = join(dir, 'store.lock');
    if (existsSync(lock)) writeFileSync(lock, readFileSync(lock, 'utf8').split(template).join(dir));
    return dir;
  }
  const seeded = await cli(['demo'], { dataDir: dir, now });
  expectExit(seeded, 0);
  return dir;
}

/** The example questionnaire of every service, as `anyqtama example` prints it, written to files. */
export async function exampleFiles(dir: string): Promise<Record<ServiceId, string>> {
  const files = {} as Record<ServiceId, string>;
  await Promise.all(SERVICE_IDS.map(async (id) => {
    const printed = await cli(['example', id]);
    expectExit(printed, 0);
    const path = join(dir, `${id}.json`);
    writeFileSync(path, printed.stdout);
    files[id] = path;
  }));
  return files;
}

/**
 * The same questionnaires written straight from the project's examples, for tests about other
 * commands: saves six process starts per file (catalogue.test.ts checks `example` prints them).
 */
export function writeExamples(dir: string): Record<ServiceId, string> {
  return Object.fromEntries(SERVICE_IDS.map((id) => [id, writeJson(dir, `${id}.json`, exampleAnswers(id))])) as Record<ServiceId, string>;
}

/** Writes `value` as JSON into `dir/name` and returns the path. */
export function writeJson(dir: string, name: string, value: unknown): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(value, null, 2));
  return path;
}

/** Submits and returns the registered request (as `submit --json` prints it). */
export async function submitted(args: readonly string[], options: CliOptions): Promise<any> {
  const result = await cli(['submit', ...args, '--json'], options);
  expectExit(result, 0);
  return json(result);
}

/** RFC 4180 rows, for reading `export --format csv` and `report --csv`. */
export { parseCsv } from '../app/parse-csv.js';

import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { formatRequestNumber } from '../../src/core/identity/request-number.js';
import { acquireLock } from '../../src/store/lowdb/lock.js';
import { cli, writeExamples, expectExit, expectNoCrash, json, PROJECT, TempDirs, writeJson } from './helpers.js';

/** What every command shares: where the data lives, the reference data, the language, exit codes. */

const dirs = new TempDirs();
let examples: ReturnType<typeof writeExamples>;

beforeAll(async () => {
  examples = writeExamples(dirs.make('examples'));
});
afterAll(() => dirs.removeAll());

/** A request from the bot needs no staff login, so it works in an empty data dir. */
const botArchive = () => ['submit', '--service', 'archive-certificate', '--channel', 'bot', '--office', 'kzo-archives', '--data', examples['archive-certificate']];

describe('the data directory', () => {
  it('ANYQTAMA_DATA_DIR names the same store as --data-dir', async () => {
    const dir = dirs.make();
    const viaEnv = await cli([...botArchive(), '--json'], { env: { ANYQTAMA_DATA_DIR: dir } });
    expectExit(viaEnv, 0);
    const listed = await cli(['list', '--json'], { dataDir: dir });
    expectExit(listed, 0);
    expect(json<{ number: string }[]>(listed).map((r) => r.number)).toEqual([json(viaEnv).number]);
  });

  it('--data-dir wins over ANYQTAMA_DATA_DIR', async () => {
    const flagged = dirs.make();
    const other = dirs.make();
    expectExit(await cli(botArchive(), { dataDir: flagged, env: { ANYQTAMA_DATA_DIR: other } }), 0);
    expect(json(await cli(['list', '--json'], { dataDir: flagged }))).toHaveLength(1);
    expect(json(await cli(['list', '--json'], { dataDir: other }))).toHaveLength(0);
  });

  it('finds the shipped reference data whatever the working directory', async () => {
    const dir = dirs.make();
    const elsewhere = { cwd: tmpdir(), dataDir: dir };
    const services = await cli(['services', '--json'], elsewhere);
    expectExit(services, 0);
    expect(json(services)).toHaveLength(6);
    // Nauryz (21–23 March) and the days moved off it (24–25 March) come from data/calendar/2026.json.
    const due = await cli(['due', '--from', '2026-03-20', '--days', '5', '--working'], elsewhere);
    expectExit(due, 0);
    expect(due.stdout.trim()).toBe('2026-04-01');
    const request = await cli([...botArchive(), '--json'], elsewhere);
    expectExit(request, 0);
    expect(json(request).dueDate).toBe('2026-12-07');
  });

  it('an office that declares an extra day off in its own calendar file gets a later due date', async () => {
    const dir = dirs.make();
    // 20 Nov + 15 calendar days = Sat 5 Dec, moved to Mon 7 Dec; the office makes 7 Dec a day off.
    const before = await cli(['due', '--from', '2026-11-20', '--days', '15', '--calendar'], { dataDir: dir });
    expect(before.stdout.trim()).toBe('2026-12-07');
    const shipped = JSON.parse(readFileSync(join(PROJECT, 'data', 'calendar', '2026.json'), 'utf8')) as Record<string, unknown>;
    writeJson(join(dir, 'calendar'), '2026.json', {
      ...shipped,
      extraDaysOff: [{ date: '2026-12-07', basis: 'Облыс әкімінің шешімі (демо)' }],
    });
    const after = await cli(['due', '--from', '2026-11-20', '--days', '15', '--calendar'], { dataDir: dir });
    expectExit(after, 0);
    expect(after.stdout.trim()).toBe('2026-12-08');
    const request = await cli([...botArchive(), '--json'], { dataDir: dir });
    expectExit(request, 0);
    expect(json(request).dueDate).toBe('2026-12-08');
  });

  it('an office calendar file with a mistake is refused with the file named, not a crash', async () => {
    const dir = dirs.make();
    writeJson(join(dir, 'calendar'), '2026.json', { year: 2026, sources: ['x'], holidays: [{ date: '2026-13-01' }] });
    const due = await cli(['due', '--from', '2026-11-20', '--days', '5', '--working'], { dataDir: dir });
    expect(due.code).not.toBe(0);
    expect(due.stderr).toContain(join(dir, 'calendar', '2026.json'));
    expectNoCrash(due);
  });
});

describe('the language', () => {
  it('--lang picks Kazakh, Russian or English for the same message', async () => {
    const texts = await Promise.all((['kk', 'ru', 'en'] as const).map((lang) => cli(['iin', '850305400011', '--lang', lang])));
    for (const r of texts) expectExit(r, 2);
    const [kk, ru, en] = texts.map((r) => r.stderr);
    expect(kk).toContain('ЖСН');
    expect(ru).toContain('ИИН');
    expect(en).toContain('IIN');
    expect(new Set([kk, ru, en]).size).toBe(3);
  });

  it('Kazakh is the default, and ANYQTAMA_LANG changes it', async () => {
    expect((await cli(['iin', '850305400011'])).stderr).toContain('ЖСН');
    expect((await cli(['iin', '850305400011'], { env: { ANYQTAMA_LANG: 'ru' } })).stderr).toContain('ИИН');
  });

  it('an unknown --lang is bad input, and the message names --lang and the choices', async () => {
    const r = await cli(['services', '--lang', 'de']);
    expectExit(r, 2);
    expect(r.stderr).toContain('--lang');
    expect(r.stderr).toMatch(/kk.*ru.*en/);
    expect(r.stdout).toBe('');
  });
});

describe('unknown commands and options', () => {
  it('an unknown command exits 2 and says so in the reader\'s language', async () => {
    const kk = await cli(['frobnicate']);
    expectExit(kk, 2);
    expect(kk.stderr).toContain('«frobnicate» деген команда жоқ');
    const ru = await cli(['frobnicate', '--lang', 'ru']);
    expectExit(ru, 2);
    expect(ru.stderr).toContain('Команды «frobnicate» нет');
  });

  it('an unknown option exits 2 and names the option', async () => {
    const r = await cli(['list', '--frob']);
    expectExit(r, 2);
    expect(r.stderr).toContain('--frob деген параметр жоқ');
    expect(r.stderr).toContain('--frob');
    expectNoCrash(r);
  });

  it('an unknown option is reported in Russian under ANYQTAMA_LANG=ru', async () => {
    const r = await cli(['list', '--frob'], { env: { ANYQTAMA_LANG: 'ru' } });
    expectExit(r, 2);
    expect(r.stderr).toContain('Нет такого параметра: --frob');
  });

  // --lang is read before the options are checked, so even a mistyped option is explained in it.
  it('an unknown option is reported in Russian when --lang ru is on the same line', async () => {
    const r = await cli(['list', '--frob', '--lang', 'ru']);
    expectExit(r, 2);
    expect(r.stderr).toContain('Нет такого параметра: --frob');
  });

  // Scripts often put global options first (as with git -C).
  it('global options may come before the command', async () => {
    const dir = dirs.make();
    const r = await cli(['--data-dir', dir, 'list', '--json']);
    expectExit(r, 0);
    expect(json(r)).toEqual([]);
  });

  it('no command at all prints the usage and exits 2; help exits 0', async () => {
    const none = await cli([]);
    expectExit(none, 2);
    expect(none.stdout).toContain('anyqtama');
    const help = await cli(['help']);
    expectExit(help, 0);
    for (const command of ['submit', 'status', 'act', 'list', 'due', 'iin', 'users', 'export', 'demo', 'start']) {
      expect(help.stdout).toContain(`anyqtama ${command}`);
    }
  });
});

describe('exit codes scripts rely on', () => {
  it('0 ok, 2 bad input, 3 not found, 4 refused', async () => {
    const dir = dirs.make();
    expectExit(await cli(['iin', '850305400010']), 0);
    expectExit(await cli(['iin', '850305400011']), 2);
    expectExit(await cli(['example', 'no-such-service']), 3);
    expectExit(await cli(['status', formatRequestNumber(2026, 999_999)], { dataDir: dir }), 3);
    expectExit(await cli(botArchive(), { dataDir: dir }), 0);
    // A store that holds a real request never takes demo data: a refused action.
    expectExit(await cli(['demo'], { dataDir: dir }), 4);
  });

  it('1 when another live process holds the store, and the message says who', async () => {
    const dir = dirs.make();
    // This test process holds the store's flock, as `anyqtama tui` would.
    const lock = await acquireLock(join(dir, 'store.lock'), 'anyqtama tui --as kzo-clerk');
    if (!lock.ok) throw new Error('the test could not take the lock');
    onTestFinished(() => lock.release());
    const r = await cli(['list'], { dataDir: dir });
    expectExit(r, 1);
    expect(r.stderr).toContain(String(process.pid));
    expect(r.stderr).toContain('anyqtama tui --as kzo-clerk');
    expectNoCrash(r);
    const asJson = await cli(['list', '--json'], { dataDir: dir });
    expectExit(asJson, 1);
    expect(json(asJson).error.code).toBe('STORE_LOCKED');
  });

  it('a lock left by a process that died is taken over', async () => {
    const dir = dirs.make();
    const dead = await new Promise<number>((resolve) => {
      const child = execFile(process.execPath, ['-e', '0'], () => resolve(child.pid!));
    });
    writeFileSync(join(dir, 'store.lock'), JSON.stringify({ pid: dead, host: hostname(), command: 'anyqtama act', since: '2026-11-20T04:00:00.000Z' }));
    const r = await cli(['list', '--json'], { dataDir: dir });
    expectExit(r, 0);
    expect(json(r)).toEqual([]);
  });
});

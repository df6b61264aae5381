import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, cli, expectExit, expectNoCrash, json, NOW, parseCsv, seededDir, TempDirs, TODAY } from './helpers.js';

/** `list`, `due`, `iin`, `users`, `export`: the everyday look-ups of an office. */

const dirs = new TempDirs();
let store: string;

beforeAll(async () => {
  store = await seededDir(dirs);
});
afterAll(() => dirs.removeAll());

interface Summary {
  number: string | null;
  state: string;
  service: string;
  dueDate: string | null;
  applicantName: string;
  deadlineStatus: string;
}

const list = async (...args: string[]) => {
  const r = await cli(['list', ...args, '--json', '--limit', '1000'], { dataDir: store });
  expectExit(r, 0);
  return json<Summary[]>(r);
};

describe('due', () => {
  it('5 working days from the eve of Nauryz skip 23 March and the days moved to 24–25 March', async () => {
    const r = await cli(['due', '--from', '2026-03-20', '--days', '5', '--working']);
    expectExit(r, 0);
    expect(r.stdout.trim()).toBe('2026-04-01');
  });

  it('--from reads a date as the bot and the counter do (20.3.2026, 20, 3, 2026)', async () => {
    for (const from of ['20.3.2026', '20, 3, 2026']) {
      const r = await cli(['due', '--from', from, '--days', '5', '--working']);
      expectExit(r, 0);
      expect(r.stdout.trim()).toBe('2026-04-01');
    }
  });

  it('15 calendar days from 10 March end on the 25th, a day off, and move to the 26th', async () => {
    const r = await cli(['due', '--from', '2026-03-10', '--days', '15', '--calendar']);
    expectExit(r, 0);
    expect(r.stdout.trim()).toBe('2026-03-26');
  });

  it('--json gives the date and the reasoning; --explain prints the reasoning under the date', async () => {
    const asJson = json(await cli(['due', '--from', '2026-03-10', '--days', '15', '--calendar', '--json']));
    expect(asJson.due).toBe('2026-03-26');
    expect(asJson.explanation.join('\n')).toContain('25.03.2026');
    const explained = await cli(['due', '--from', '2026-03-10', '--days', '15', '--calendar', '--explain', '--lang', 'ru']);
    const [first, ...rest] = explained.stdout.trim().split('\n');
    expect(first).toBe('2026-03-26');
    expect(rest.join('\n')).toContain('25.03.2026');
  });

  it('exactly one of --working and --calendar is needed, and bad dates or day counts are bad input', async () => {
    const cases = [
      ['--from', '2026-03-20', '--days', '5'],
      ['--from', '2026-03-20', '--days', '5', '--working', '--calendar'],
      ['--from', '2026-02-30', '--days', '5', '--working'],
      ['--from', '2026-03-20', '--days', '0', '--working'],
      ['--from', '2026-03-20', '--days', 'five', '--working'],
      ['--days', '5', '--working'],
    ];
    for (const args of cases) {
      const r = await cli(['due', ...args]);
      expectExit(r, 2);
      expect(r.stderr.length, args.join(' ')).toBeGreaterThan(0);
      expectNoCrash(r);
    }
  });
});

describe('iin', () => {
  it('a valid IIN exits 0 and tells the birth date and sex', async () => {
    const kk = await cli(['iin', '850305400010']);
    expectExit(kk, 0);
    expect(kk.stdout).toContain('05.03.1985');
    expect(kk.stdout).toContain('әйел');
    const ru = await cli(['iin', '781115300019', '--lang', 'ru']);
    expect(ru.stdout).toContain('15.11.1978');
    expect(ru.stdout).toContain('мужской');
  });

  it('an IIN typed in groups with spaces is read as one', async () => {
    expectExit(await cli(['iin', '850305', '400010']), 0);
    expectExit(await cli(['iin', '850305 400010']), 0);
  });

  it('a wrong check digit exits 2 and says so, in Kazakh and in Russian', async () => {
    const kk = await cli(['iin', '850305400011']);
    expectExit(kk, 2);
    expect(kk.stderr).toContain('бақылау цифры сәйкес келмейді');
    const ru = await cli(['iin', '850305400011', '--lang', 'ru']);
    expectExit(ru, 2);
    expect(ru.stderr).toContain('контрольная цифра');
  });

  it('too few digits and an impossible birth date get their own reasons', async () => {
    const short = await cli(['iin', '85030540001', '--lang', 'ru']);
    expectExit(short, 2);
    expect(short.stderr).toContain('12');
    const date = await cli(['iin', '851305400010', '--lang', 'ru']);
    expectExit(date, 2);
    expect(date.stderr).toContain('дат');
    expect(date.stderr).not.toBe(short.stderr);
  });

  it('--json of a valid IIN holds the birth date and sex', async () => {
    const r = json(await cli(['iin', '120409500010', '--json']));
    expect(r).toMatchObject({ valid: true, birthDate: '2012-04-09', sex: 'male' });
  });
});

describe('users', () => {
  it('--json lists login and role of each user and never a password hash', async () => {
    const r = await cli(['users', '--json'], { dataDir: store });
    expectExit(r, 0);
    const users = json<Record<string, unknown>[]>(r);
    expect(users.length).toBeGreaterThanOrEqual(11);
    for (const u of users) {
      expect(typeof u.login).toBe('string');
      expect(typeof u.role).toBe('string');
      expect(u).not.toHaveProperty('passwordHash');
    }
    expect(r.stdout).not.toMatch(/scrypt|passwordHash/);
  });

  it('the text list shows each login with its role in the reader\'s language, and no hash', async () => {
    const r = await cli(['users', '--lang', 'ru'], { dataDir: store });
    expectExit(r, 0);
    expect(r.stdout).toMatch(/kzo-clerk\s+сотрудник услугодателя/);
    expect(r.stdout).not.toContain('scrypt');
  });
});

describe('list', () => {
  it('--state shows only requests in that state (any case), and several --state add up', async () => {
    const inWork = await list('--state', 'IN_WORK');
    expect(inWork.length).toBeGreaterThan(0);
    for (const r of inWork) expect(r.state).toBe('IN_WORK');
    expect(await list('--state', 'in_work')).toEqual(inWork);
    const both = await list('--state', 'IN_WORK', '--state', 'SUBMITTED');
    expect(new Set(both.map((r) => r.state))).toEqual(new Set(['IN_WORK', 'SUBMITTED']));
  });

  it('--service shows only that service', async () => {
    const items = await list('--service', 'guardianship-certificate');
    expect(items.length).toBeGreaterThan(0);
    for (const r of items) expect(r.service).toBe('guardianship-certificate');
  });

  it('--overdue shows only open requests whose due date has passed', async () => {
    const all = await list();
    const overdue = await list('--overdue');
    expect(overdue.length).toBeGreaterThan(0);
    for (const r of overdue) {
      expect(['SUBMITTED', 'IN_WORK']).toContain(r.state);
      expect(r.dueDate! < TODAY, `${r.number} due ${r.dueDate}`).toBe(true);
    }
    const expected = all.filter((r) => ['SUBMITTED', 'IN_WORK', 'RETURNED_TO_CENTRE'].includes(r.state) && r.dueDate !== null && r.dueDate < TODAY);
    expect(overdue.map((r) => r.number).sort()).toEqual(expected.map((r) => r.number).sort());
  });

  it('the text list puts the soonest due first and marks overdue requests with "!"', async () => {
    const r = await cli(['list', '--state', 'IN_WORK'], { dataDir: store });
    expectExit(r, 0);
    const dates = [...r.stdout.matchAll(/ (\d{2})\.(\d{2})\.(\d{4}) /g)].map((m) => `${m[3]}-${m[2]}-${m[1]}`);
    expect(dates).toEqual([...dates].sort());
    const overdue = await list('--overdue');
    for (const o of overdue) expect(r.stdout).toMatch(new RegExp(`^! ${o.number}`, 'm'));
  });

  it('an unknown state or service is bad input, with the choices named', async () => {
    const state = await cli(['list', '--state', 'LOST'], { dataDir: store });
    expectExit(state, 2);
    expect(state.stderr).toContain('STORED_UNCOLLECTED');
    expectExit(await cli(['list', '--service', 'passport'], { dataDir: store }), 2);
  });
});

describe('export', () => {
  it('CSV has a header row and one row per request, every row as wide as the header', async () => {
    const r = await cli(['export', '--format', 'csv'], { dataDir: store });
    expectExit(r, 0);
    const rows = parseCsv(r.stdout.replace(/^\uFEFF/, ''));
    const [header, ...body] = rows;
    expect(header).toEqual(expect.arrayContaining(['number', 'service', 'state', 'applicantName', 'dueDate']));
    const all = await list();
    expect(body).toHaveLength(all.length);
    for (const row of body) expect(row).toHaveLength(header!.length);
    const col = (name: string) => header!.indexOf(name);
    const byNumber = new Map(body.map((row) => [row[col('number')], row]));
    for (const s of all.filter((x) => x.number)) {
      const row = byNumber.get(s.number!);
      expect(row, s.number!).toBeDefined();
      expect(row![col('state')]).toBe(s.state);
      expect(row![col('applicantName')]).toBe(s.applicantName);
    }
  });

  it('CSV starts with a byte-order mark so spreadsheets read Kazakh letters', async () => {
    const r = await cli(['export', '--format', 'csv', '--as', 'supervisor'], { dataDir: store });
    expect(r.stdout.startsWith('\uFEFFnumber,')).toBe(true);
    expect(r.stdout).toContain('Нұрланова Айгүл Серікқызы');
  });

  it('JSON holds every request with its number, state and history', async () => {
    const r = await cli(['export', '--format', 'json'], { dataDir: store });
    expectExit(r, 0);
    const docs = json<{ number: string | null; state: string; history: unknown[] }[]>(r);
    expect(docs).toHaveLength((await list()).length);
    for (const d of docs) expect(Array.isArray(d.history)).toBe(true);
  });

  it('-o writes the file and says how many requests went into it', async () => {
    const out = join(dirs.make('export'), 'requests.csv');
    const r = await cli(['export', '--format', 'csv', '-o', out, '--lang', 'ru'], { dataDir: store });
    expectExit(r, 0);
    const count = (await list()).length;
    expect(r.stderr).toContain(String(count));
    expect(parseCsv(readFileSync(out, 'utf8').replace(/^\uFEFF/, ''))).toHaveLength(count + 1);
  });

  it('an unknown format is bad input', async () => {
    const r = await cli(['export', '--format', 'xml'], { dataDir: store });
    expectExit(r, 2);
    expect(r.stderr).toContain('csv');
  });

  // `anyqtama export | head` must end quietly, not with an EPIPE stack trace.
  it('piping into a reader that stops early (head, true) prints no stack trace', async () => {
    const stderr = await new Promise<string>((resolve) => {
      // `true` closes the pipe at once, long before Node has started: the first write meets EPIPE.
      const script = `"${process.execPath}" "${BIN}" list --data-dir "${store}" | true`;
      execFile('/bin/sh', ['-c', script], { env: { ...process.env, ANYQTAMA_NOW: NOW } }, (_error, _stdout, err) => resolve(err));
    });
    expect(stderr).not.toContain('EPIPE');
    expect(stderr).not.toMatch(/^\s+at /m);
  });
});

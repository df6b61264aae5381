import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatRequestNumber } from '../../src/core/identity/request-number.js';
import { LowdbStore } from '../../src/store/lowdb/lowdb-store.js';
import type { AuditEntry } from '../../src/store/port.js';
import { cli, expectExit, expectNoCrash, json, parseCsv, seededDir, TempDirs } from './helpers.js';

const dirs = new TempDirs();
let demo: string;
/** 26-000003-5 in the demo: an archive certificate in work, overdue since 11.11.2026. */
const NUMBER = '26-000003-5';
let applicant: { iin: string; fullName: string; phone?: string };

beforeAll(async () => {
  demo = await seededDir(dirs);
  const status = await cli(['status', NUMBER, '--json', '--as', 'supervisor'], { dataDir: demo });
  expectExit(status, 0);
  applicant = json(status).applicant;
});
afterAll(() => dirs.removeAll());

/** The call-centre's look-ups in the audit log (the command line's own lines, kind `cli`, are tested in test/security). */
async function auditOf(dir: string): Promise<readonly AuditEntry[]> {
  const opened = await LowdbStore.open({ dataDir: dir, command: 'test' });
  if (!opened.ok) throw new Error(opened.error.message.key);
  try {
    return await opened.value.listAudit({ kind: 'lookup' });
  } finally {
    await opened.value.close();
  }
}

function expectMasked(output: string): void {
  expect(output).not.toContain(applicant.iin);
  expect(output).not.toContain(applicant.iin.slice(0, 6));
  for (const part of applicant.fullName.split(' ')) expect(output).not.toContain(part);
  if (applicant.phone) expect(output).not.toContain(applicant.phone.replace(/\D/g, '').slice(-7));
}

describe('anyqtama lookup', () => {
  it('shows the call-centre the state, due date and last event with the IIN and name masked, in text and JSON', async () => {
    const dir = dirs.copy(demo);
    const text = await cli(['lookup', NUMBER, '--as', 'callcentre', '--lang', 'ru'], { dataDir: dir });
    expectExit(text, 0);
    expect(text.stdout).toContain('Состояние: В работе (IN_WORK)');
    expect(text.stdout).toContain('Срок исполнения: 11.11.2026 — ПРОСРОЧЕНА');
    expect(text.stdout).toContain('Последнее событие: 28.10.2026 15:00 · взять в работу → В работе');
    expect(text.stdout).toContain(`ИИН ••••••••${applicant.iin.slice(-4)}`);
    expect(text.stdout).toContain(applicant.fullName.split(' ').map((p) => `${p[0]}.`).join(' '));
    expectMasked(text.stdout + text.stderr);

    const asJson = await cli(['lookup', NUMBER, '--as', 'callcentre', '--json'], { dataDir: dir });
    expectExit(asJson, 0);
    expect(json(asJson)).toMatchObject({ number: NUMBER, state: 'IN_WORK', deadline: 'overdue', dueDate: '2026-11-11', lastEvent: { action: 'take', to: 'IN_WORK' } });
    expectMasked(asJson.stdout);

    const audit = await auditOf(dir);
    expect(audit.map((e) => [e.actor, e.subject, e.outcome, e.source])).toEqual([
      ['callcentre', NUMBER, 'found', 'cli'],
      ['callcentre', NUMBER, 'found', 'cli'],
    ]);
  });

  it('refuses a clerk (FORBIDDEN, exit 4) and logs nothing', async () => {
    const dir = dirs.copy(demo);
    const r = await cli(['lookup', NUMBER, '--as', 'kzo-clerk', '--lang', 'ru'], { dataDir: dir });
    expectExit(r, 4);
    expect(r.stderr).toContain('Роль «clerk» не может искать статус заявки');
    expectNoCrash(r);
    expect(await auditOf(dir)).toEqual([]);
  });

  it('after five failed look-ups refuses the next one, even a real number, and says when to try again in kk and ru', async () => {
    const dir = dirs.copy(demo);
    // A mistyped check digit, three numbers nobody has, a number cut short.
    for (const typed of ['26-000003-4', formatRequestNumber(2026, 999), formatRequestNumber(2026, 998), '26 0003', formatRequestNumber(2026, 997)]) {
      const r = await cli(['lookup', typed, '--as', 'callcentre'], { dataDir: dir });
      expect([2, 3]).toContain(r.code);
    }
    // The clock is pinned at 10:00, so the five failures leave the window at 10:10.
    const kk = await cli(['lookup', NUMBER, '--as', 'callcentre', '--lang', 'kk'], { dataDir: dir });
    expectExit(kk, 4);
    expect(kk.stderr).toContain('Сәтсіз іздеулер тым көп: соңғы 10 минутта 5 рет. Келесі іздеу уақыты: 10:10.');
    expect(kk.stdout).toBe('');
    const ru = await cli(['lookup', NUMBER, '--as', 'callcentre', '--lang', 'ru', '--json'], { dataDir: dir });
    expectExit(ru, 4);
    expect(json(ru).error).toMatchObject({ code: 'THROTTLED', message: 'Слишком много неудачных поисков: 5 за последние 10 мин. Повторить поиск можно в 10:10.' });
    const later = await cli(['lookup', NUMBER, '--as', 'callcentre'], { dataDir: dir, now: '2026-11-20T05:10:00Z' });
    expectExit(later, 0);
    const outcomes = (await auditOf(dir)).map((e) => e.outcome);
    expect(outcomes).toEqual(['found', 'throttled', 'throttled', 'notFound', 'invalid', 'notFound', 'notFound', 'invalid']);
  });
});

describe('anyqtama report', () => {
  it('gives the supervisor figures that match the demo requests', async () => {
    const r = await cli(['report', '--as', 'supervisor', '--json'], { dataDir: demo });
    expectExit(r, 0);
    const report = json(r);
    expect(report.total).toBe(14);
    expect(report.byState.IN_WORK).toBe(5);
    expect(report.overdue.map((o: { number: string }) => o.number)).toEqual([NUMBER]);
    expect(report.dueSoon).toHaveLength(4);
    expect(report.intakeRefusals).toBe(1);
    expect(report.refusalReasons.map((x: { code: string }) => x.code)).toEqual(['R3', 'R9']);
    expect(report.work.find((w: { login: string }) => w.login === 'kzo-clerk').counts.take).toBe(6);
  });

  it('prints text tables with Kazakh headings and keeps to one office', async () => {
    const r = await cli(['report', '--as', 'admin', '--office', 'ekb-employment'], { dataDir: demo });
    expectExit(r, 0);
    expect(r.stdout).toContain('Басшыға арналған есеп');
    expect(r.stdout).toMatch(/Мерзімі жақындаған өтініштер[\s\S]*26-000010-0/);
    expect(r.stdout).not.toContain(NUMBER);
    expect(r.stdout).toContain('ekb-clerk');
  });

  it('writes a CSV a spreadsheet reads, quoting a name with a comma and quotes', async () => {
    const dir = dirs.copy(demo);
    const opened = await LowdbStore.open({ dataDir: dir, command: 'test' });
    if (!opened.ok) throw new Error('store');
    await opened.value.putUser({ login: 'kzo-clerk2', role: 'clerk', organisationId: 'kzo-archives', fullName: 'Әлиев, Марат "Кіші"', createdAt: '2026-11-20T05:00:00Z' });
    await opened.value.close();
    expectExit(await cli(['act', '26-000001-9', 'take', '--as', 'kzo-clerk2'], { dataDir: dir }), 0);

    const file = join(dir, 'report.csv');
    const r = await cli(['report', '--as', 'supervisor', '--csv', file, '--lang', 'ru'], { dataDir: dir });
    expectExit(r, 0);
    expect(r.stderr).toContain(file);
    const text = readFileSync(file, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const rows = parseCsv(text.slice(1));
    expect(rows).toContainEqual(['26-000003-5', 'Архивная справка', 'kzo-archives', 'В работе', '11.11.2026', '9']);
    const clerk = rows.find((row) => row[0] === 'kzo-clerk2')!;
    expect(clerk.slice(0, 4)).toEqual(['kzo-clerk2', 'Әлиев, Марат "Кіші"', '0', '1']);

    const stdout = await cli(['report', '--as', 'supervisor', '--csv', '-', '--lang', 'kk'], { dataDir: dir });
    expectExit(stdout, 0);
    expect(parseCsv(stdout.stdout.slice(1))).toContainEqual(['Мерзімі өткен өтініштер']);
  });

  it('is refused to a clerk and to the call-centre, and a bad period is named', async () => {
    for (const login of ['kzo-clerk', 'callcentre']) {
      const r = await cli(['report', '--as', login, '--lang', 'ru'], { dataDir: demo });
      expectExit(r, 4);
      expect(r.stderr).toContain('не может смотреть отчёт руководителя');
    }
    const bad = await cli(['report', '--as', 'supervisor', '--from', '2026-11-31'], { dataDir: demo });
    expectExit(bad, 2);
    const backwards = await cli(['report', '--as', 'supervisor', '--from', '2026-11-20', '--to', '2026-11-01', '--lang', 'ru'], { dataDir: demo });
    expectExit(backwards, 2);
    expect(backwards.stderr).toContain('Начало периода (20.11.2026) позже его конца (01.11.2026).');
    expectNoCrash(backwards);
  });
});

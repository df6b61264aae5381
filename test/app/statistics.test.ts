import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/app/clock.js';
import { reportCsv, reportTables } from '../../src/app/report-tables.js';
import { RequestService } from '../../src/app/requests.js';
import { mayReadReport, supervisorReport, type SupervisorReport } from '../../src/app/statistics.js';
import { loadReference, type Reference } from '../../src/config/reference.js';
import { render } from '../../src/core/i18n/catalogue.js';
import { seedDemoKeys } from '../../src/demo/keys.js';
import { seedDemo, seedDemoUsers } from '../../src/demo/seed.js';
import { DocumentService } from '../../src/documents/service.js';
import { loadTrustStore } from '../../src/documents/pki/trust.js';
import { LowdbStore } from '../../src/store/lowdb/lowdb-store.js';
import { parseCsv } from './parse-csv.js';

// Friday 20 November 2026, 10:00 in Kazakhstan: the demo's requests fall overdue, due soon and on time around it.
const NOW = '2026-11-20T05:00:00Z';
const TODAY = '2026-11-20';
const COMMA_CLERK = 'Әлиев, Марат "Кіші" Бақытұлы';

let dir: string;
let store: LowdbStore;
let reference: Reference;
let report: SupervisorReport;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'aq-stats-'));
  const opened = await LowdbStore.open({ dataDir: dir, command: 'test' });
  if (!opened.ok) throw new Error('store');
  store = opened.value;
  const loaded = loadReference(dir);
  if (!loaded.ok) throw new Error('reference');
  reference = loaded.value;
  const now = new Date(NOW);
  await seedDemoUsers(store, now);
  const keys = await seedDemoKeys(store, dir, now);
  if (!keys.ok) throw new Error(render('en', keys.error.message));
  const documents = new DocumentService(store, reference, () => loadTrustStore([join(dir, 'pki', 'trusted')]).then((t) => t.store));
  const seeded = await seedDemo(store, reference, now, documents);
  if (!seeded.ok) throw new Error(render('en', seeded.error.message));

  // A second archive clerk whose name holds a comma and quotes, who takes the request received today.
  await store.putUser({ login: 'kzo-clerk2', role: 'clerk', organisationId: 'kzo-archives', fullName: COMMA_CLERK, createdAt: NOW });
  const service = new RequestService(store, reference, fixedClock(NOW), { documents });
  const taken = await service.act('26-000001-9', { action: 'take', actor: { login: 'kzo-clerk2', role: 'clerk', organisationId: 'kzo-archives' }, channel: 'office' });
  if (!taken.ok) throw new Error(render('en', taken.error.message));
  // Two citizens answered the survey (there is no bot yet to record it: written as the bot would).
  for (const [number, q1, q2] of [['26-000007-0', 3, 2], ['26-000006-2', 1, 2]] as const) {
    const r = (await store.getByNumber(number))!;
    const saved = await store.save({ ...r, version: r.version + 1, survey: { q1, q2, at: '2026-11-19T06:00:00.000Z' } }, r.version);
    if (!saved.ok) throw new Error('survey');
  }
  report = await supervisorReport(store, reference, TODAY);
});

afterAll(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

describe("the supervisor's report on the demo office", () => {
  it('counts every received request by state and service, leaving out the questionnaire put aside', () => {
    // 13 demo requests and 1 refused at intake; the draft is not a request.
    expect(report.total).toBe(14);
    expect(report.byState).toMatchObject({ INTAKE_REFUSED: 1, SUBMITTED: 2, IN_WORK: 6, RETURNED_TO_CENTRE: 1, REFUSED: 1, COMPLETED: 1, ISSUED: 1, STORED_UNCOLLECTED: 1 });
    const archive = report.byService.find((s) => s.service === 'archive-certificate')!;
    expect(archive.total).toBe(8);
    expect(archive.byState).toMatchObject({ SUBMITTED: 0, IN_WORK: 4, REFUSED: 1, COMPLETED: 1, ISSUED: 1, STORED_UNCOLLECTED: 1 });
    expect(report.byService.find((s) => s.service === 'guardianship-minor-property-transactions')!.total).toBe(0);
    expect(report.byService.reduce((n, s) => n + s.total, 0)).toBe(report.total);
  });

  it('lists the overdue request with its days late, and those due within two working days', () => {
    expect(report.overdue).toEqual([
      { number: '26-000003-5', service: 'archive-certificate', office: 'kzo-archives', state: 'IN_WORK', dueDate: '2026-11-11', daysLate: 9 },
    ]);
    expect(report.dueSoon.map((r) => r.number)).toEqual(['26-000002-4', '26-000010-0', '26-000013-7', '26-000009-7']);
    expect(report.dueSoon[0]).toMatchObject({ dueDate: '2026-11-23', daysLate: -3 });
  });

  it('counts each member of staff\'s work from the history, never a citizen\'s', () => {
    const kzo = report.work.find((w) => w.login === 'kzo-clerk')!;
    expect(kzo.fullName).toBe('Серікбаева Динара Асқарқызы');
    expect(kzo.counts).toEqual({ register: 5, take: 6, issue: 2, refuse: 1, extend: 1, return: 0, deliver: 1, store: 0 });
    expect(report.work.find((w) => w.login === 'tmr-clerk')!.counts).toMatchObject({ take: 2, return: 1 });
    expect(report.work.find((w) => w.login === 'kzo-clerk2')).toMatchObject({ fullName: COMMA_CLERK, total: 1 });
    expect(report.work.some((w) => w.login.startsWith('citizen') || w.login === 'system')).toBe(false);
    expect(report.work[0]!.login).toBe('kzo-clerk');
  });

  it('counts refusal reasons with the catalogue\'s labels, the intake refusal and the survey answers', () => {
    expect(report.refusalReasons.map((r) => [r.code, r.count, r.stage])).toEqual([['R3', 1, 'intake'], ['R9', 1, 'decision']]);
    expect(report.refusalReasons[1]!.label!.ru).toMatch(/архив/i);
    expect(report.intakeRefusals).toBe(1);
    expect(report.survey).toEqual({ total: 2, q1: { 1: 1, 2: 0, 3: 1 }, q2: { 1: 0, 2: 2, 3: 0 } });
  });

  it('keeps to one office, and to requests received and work done in a period', async () => {
    const ekb = await supervisorReport(store, reference, TODAY, { office: 'ekb-employment' });
    expect(ekb.total).toBe(4); // two unemployed certificates, the home-schooling request, the intake refusal
    expect(ekb.work.map((w) => w.login).sort()).toEqual(['ekb-clerk', 'ekb-operator']);
    const lastWeek = await supervisorReport(store, reference, TODAY, { from: '2026-11-14', to: '2026-11-20' });
    // Received 0–6 days ago: six demo requests and the intake refusal.
    expect(lastWeek.total).toBe(7);
    expect(lastWeek.overdue).toEqual([]);
    // kzo-clerk's takes were 9 days ago or earlier; the refusal 3 days ago, the issue yesterday and today's registration are in.
    expect(lastWeek.work.find((w) => w.login === 'kzo-clerk')!.counts).toMatchObject({ take: 0, issue: 1, refuse: 1, register: 1 });
    expect(lastWeek.survey.total).toBe(2);
    const before = await supervisorReport(store, reference, TODAY, { to: '2026-11-01' });
    expect(before.survey.total).toBe(0);
    expect(before.refusalReasons).toEqual([]);
  });
});

describe('the report as CSV', () => {
  it('is UTF-8 with a BOM, RFC 4180 quoted, with Russian headers and DD.MM.YYYY dates', () => {
    const csv = reportCsv(report, 'ru');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows = parseCsv(csv.slice(1));
    expect(rows).toContainEqual(['Просроченные заявки']);
    expect(rows).toContainEqual(['Номер заявки', 'Услуга', 'Услугодатель', 'Состояние', 'Срок исполнения', 'Просрочка (дней)']);
    expect(rows).toContainEqual(['26-000003-5', 'Архивная справка', 'kzo-archives', 'В работе', '11.11.2026', '9']);
    const clerk = rows.find((r) => r[0] === 'kzo-clerk2')!;
    expect(clerk[1]).toBe(COMMA_CLERK);
    expect(csv).toContain('"Әлиев, Марат ""Кіші"" Бақытұлы"');
    // Every row of a table has as many cells as its header.
    const header = rows.findIndex((r) => r[0] === 'Логин');
    expect(rows[header + 1]).toHaveLength(rows[header]!.length);
  });

  it('has Kazakh headers when asked in Kazakh', () => {
    const rows = parseCsv(reportCsv(report, 'kk').slice(1));
    expect(rows).toContainEqual(['Мерзімі өткен өтініштер']);
    expect(rows.find((r) => r[0] === 'Логин')).toContain('Жұмысқа алынды');
    expect(reportTables(report, 'kk').map((t) => t.id)).toEqual(['summary', 'byState', 'overdue', 'dueSoon', 'work', 'refusals', 'survey']);
  });
});

it('only supervisors and admins may read the report', () => {
  expect(mayReadReport({ login: 'supervisor', role: 'supervisor' }).ok).toBe(true);
  expect(mayReadReport({ login: 'admin', role: 'admin' }).ok).toBe(true);
  for (const role of ['clerk', 'operator', 'callcentre', 'citizen'] as const) {
    const r = mayReadReport({ login: 'x', role });
    expect(!r.ok && r.error.code).toBe('FORBIDDEN');
  }
});

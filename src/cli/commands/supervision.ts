import { clockFromEnv } from '../../app/clock.js';
import { CallCentreLookups, type MaskedStatus } from '../../app/lookups.js';
import { reportCsv, reportTables, type ReportTable } from '../../app/report-tables.js';
import { mayReadReport, supervisorReport, type ReportFilter } from '../../app/statistics.js';
import { formatDate, isIsoDate } from '../../core/calendar/dates.js';
import { t } from '../../core/i18n/catalogue.js';
import { actionName } from '../../core/i18n/labels.js';
import { pick, type Lang } from '../../core/i18n/text.js';
import { findOrganisation } from '../../core/offices.js';
import { domainError, fail, ok, type DomainError, type Result } from '../../core/result.js';
import { findService } from '../../core/services/catalogue.js';
import type { Reference } from '../../config/reference.js';
import { badValue, missing } from '../args.js';
import { finish, str, type CommandSpec, type Values } from '../command.js';
import { actorOf } from '../context.js';
import { stateLabel, writeOutput } from '../output.js';
import { formatDateTime } from '../../core/calendar/dates.js';

/** The masked status as the call-centre reads it out: no line holds the whole IIN or name. */
function lookupLines(s: MaskedStatus, reference: Reference, lang: Lang): string[] {
  const offset = reference.offices.timezoneOffsetMinutes;
  const service = findService(s.service);
  const office = findOrganisation(reference.offices, s.office);
  const lines = [
    `${t(lang, 'cli.status.number')}: ${s.number}`,
    `${t(lang, 'cli.status.service')}: ${service ? pick(service.title, lang) : s.service}`,
    `${t(lang, 'cli.status.state')}: ${stateLabel(lang, s.state)} (${s.state})`,
    `${t(lang, 'cli.status.office')}: ${office ? pick(office.title, lang) : s.office}`,
  ];
  if (s.submittedAt) lines.push(`${t(lang, 'cli.status.submitted')}: ${formatDateTime(s.submittedAt, offset)}`);
  if (s.dueDate) {
    const flag = s.deadline === 'overdue' || s.deadline === 'dueSoon' ? ` — ${t(lang, `cli.deadline.${s.deadline}`)}` : '';
    lines.push(`${t(lang, 'cli.status.due')}: ${formatDate(s.dueDate)}${flag}`);
  }
  if (s.lastEvent) {
    const e = s.lastEvent;
    lines.push(`${t(lang, 'supervision.lookup.lastEvent')}: ${formatDateTime(e.at, offset)} · ${actionName(lang, e.action)} → ${stateLabel(lang, e.to)}`);
  }
  lines.push(`${t(lang, 'cli.status.applicant')}: ${s.applicant.name}, ${t(lang, 'supervision.lookup.iin')} ${s.applicant.iin}`);
  return lines;
}

export const lookupCommand: CommandSpec = {
  name: 'lookup',
  usage: 'anyqtama lookup NUMBER --as LOGIN [--json]',
  summary: { kk: 'Байланыс орталығы: өтініш күйі (жеке деректер жасырылған, іздеу тіркеледі)', ru: 'Контакт-центр: статус заявки (персональные данные скрыты, поиск журналируется)', en: 'Call-centre: a request\'s status, personal data masked, the look-up logged' },
  options: { as: { type: 'string' } },
  async run(ctx, values, positionals) {
    const number = positionals[0];
    const login = str(values.as);
    if (!number) return finish(ctx, fail(missing(ctx.lang, 'NUMBER', 'cli.expected.number')), () => undefined);
    if (!login) return finish(ctx, fail(missing(ctx.lang, '--as', 'cli.expected.login')), () => undefined);
    const result = await ctx.withService(async (service, store) => {
      const actor = await actorOf(store, login);
      if (!actor.ok) return actor;
      const found = await new CallCentreLookups(service, store, clockFromEnv(ctx.io.env)).lookup(actor.value, number, 'cli');
      return found.ok ? ok({ status: found.value, reference: service.reference }) : found;
    });
    return finish(ctx, result, ({ status, reference }) => {
      if (!ctx.json) return ctx.io.out(lookupLines(status, reference, ctx.lang).join('\n'));
      const service = findService(status.service);
      ctx.io.out(JSON.stringify({ ...status, serviceTitle: service ? pick(service.title, ctx.lang) : status.service, stateLabel: stateLabel(ctx.lang, status.state) }, null, 2));
    });
  },
};

function reportFilter(lang: Lang, values: Values): Result<ReportFilter, DomainError> {
  const office = str(values.office);
  const from = str(values.from);
  const to = str(values.to);
  if (from !== undefined && !isIsoDate(from)) return fail(badValue(lang, '--from', 'cli.expected.date'));
  if (to !== undefined && !isIsoDate(to)) return fail(badValue(lang, '--to', 'cli.expected.date'));
  if (from && to && from > to) return fail(domainError('VALIDATION', { key: 'supervision.badPeriod', params: { from: formatDate(from), to: formatDate(to) } }));
  return ok({ ...(office ? { office } : {}), ...(from ? { from } : {}), ...(to ? { to } : {}) });
}

/** A table in plain text: columns padded, numbers right-aligned, all-zero state columns left out. */
function textTable(table: ReportTable, lang: Lang): string[] {
  const width = (s: string) => [...s].length;
  let keep = table.headers.map((_, i) => i);
  if (table.compactZeroColumns) {
    const last = table.headers.length - 1;
    keep = keep.filter((i) => i === 0 || i === last || table.rows.some((r) => typeof r[i] === 'number' && r[i] !== 0));
  }
  const cells = (row: readonly unknown[]) => (table.headers.length ? keep.map((i) => row[i]) : [...row]);
  const rows = table.rows.map((r) => cells(r).map((v) => ({ text: v === null || v === undefined ? '' : String(v), number: typeof v === 'number' })));
  const head = table.headers.length ? cells(table.headers).map((h) => ({ text: String(h), number: false })) : null;
  const all = head ? [head, ...rows] : rows;
  const widths = all.reduce<number[]>((w, row) => row.map((c, i) => Math.max(w[i] ?? 0, width(c.text))), []);
  const line = (row: { text: string; number: boolean }[]) =>
    row.map((c, i) => (c.number ? c.text.padStart(widths[i]!) : c.text.padEnd(widths[i]!))).join('  ').trimEnd();
  const out = [table.title, '-'.repeat(width(table.title))];
  if (head) out.push(line(head));
  if (rows.length === 0) out.push(t(lang, 'supervision.report.empty'));
  for (const row of rows) out.push(line(row));
  return out;
}

export const reportCommand: CommandSpec = {
  name: 'report',
  paths: { options: ['csv'] },
  usage: 'anyqtama report --as LOGIN [--office ID] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--csv FILE|-] [--json]',
  summary: { kk: 'Басшының есебі: күйлер, мерзімдер, қызметкерлер жұмысы, бас тартулар, сауалнама', ru: 'Отчёт руководителя: состояния, сроки, работа сотрудников, отказы, анкетирование', en: 'Supervisor\'s report: states, deadlines, staff work, refusals, survey' },
  options: { as: { type: 'string' }, office: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, csv: { type: 'string' } },
  async run(ctx, values) {
    const login = str(values.as);
    if (!login) return finish(ctx, fail(missing(ctx.lang, '--as', 'cli.expected.login')), () => undefined);
    const filter = reportFilter(ctx.lang, values);
    if (!filter.ok) return finish(ctx, filter, () => undefined);
    const csvPath = str(values.csv);
    const result = await ctx.withService(async (service, store) => {
      const actor = await actorOf(store, login);
      if (!actor.ok) return actor;
      const allowed = mayReadReport(actor.value);
      if (!allowed.ok) return allowed;
      const office = filter.value.office;
      if (office && !findOrganisation(service.reference.offices, office)) {
        return fail(domainError('VALIDATION', { key: 'supervision.unknownOffice', params: { office } }));
      }
      return ok(await supervisorReport(store, service.reference, service.moment().today, filter.value));
    });
    if (!result.ok || csvPath === undefined || csvPath === '-') {
      return finish(ctx, result, (report) => {
        if (csvPath === '-') ctx.io.out(reportCsv(report, ctx.lang));
        else if (ctx.json) ctx.io.out(JSON.stringify(report, null, 2));
        else ctx.io.out(reportTables(report, ctx.lang).map((table) => textTable(table, ctx.lang).join('\n')).join('\n\n'));
      });
    }
    const written = writeOutput(csvPath, reportCsv(result.value, ctx.lang));
    return finish(ctx, written, () => ctx.io.err(t(ctx.lang, 'supervision.csvWritten', { path: csvPath })));
  },
};


import { formatDate } from '../core/calendar/dates.js';
import { t, type MessageKey } from '../core/i18n/catalogue.js';
import { pick, type Lang } from '../core/i18n/text.js';
import type { State } from '../core/request.js';
import { findService } from '../core/services/catalogue.js';
import { SURVEY } from '../core/survey.js';
import { csvLines, UTF8_BOM, type Cell } from './csv.js';
import { REPORTED_STATES, WORK_ACTIONS, type DeadlineRow, type SupervisorReport, type WorkAction } from './statistics.js';

/** One table of the report, already in the reader's language: the CSV, the CLI and a screen all print these. */
export interface ReportTable {
  readonly id: 'summary' | 'byState' | 'overdue' | 'dueSoon' | 'work' | 'refusals' | 'survey';
  readonly title: string;
  readonly headers: readonly string[];
  readonly rows: readonly (readonly Cell[])[];
  /** Numeric columns that are zero in every row may be left out on a narrow screen (state columns). */
  readonly compactZeroColumns?: boolean;
}

const WORK_COLUMN: Readonly<Record<WorkAction, MessageKey>> = {
  register: 'supervision.col.registered',
  take: 'supervision.col.taken',
  issue: 'supervision.col.issued',
  refuse: 'supervision.col.refused',
  extend: 'supervision.col.extended',
  return: 'supervision.col.returned',
  deliver: 'supervision.col.delivered',
  store: 'supervision.col.stored',
};

const serviceName = (id: string, lang: Lang) => {
  const service = findService(id);
  return service ? pick(service.shortTitle, lang) : id;
};
const stateName = (state: State, lang: Lang) => t(lang, `state.${state}`);

function period(report: SupervisorReport, lang: Lang): string {
  const { from, to } = report.filter;
  if (!from && !to) return t(lang, 'supervision.report.allTime');
  return `${from ? formatDate(from) : '…'} – ${to ? formatDate(to) : '…'}`;
}

function deadlineTable(id: 'overdue' | 'dueSoon', rows: readonly DeadlineRow[], lang: Lang): ReportTable {
  const c = (key: MessageKey) => t(lang, key);
  return {
    id,
    title: c(id === 'overdue' ? 'supervision.section.overdue' : 'supervision.section.dueSoon'),
    headers: [c('supervision.col.number'), c('supervision.col.service'), c('supervision.col.office'), c('supervision.col.state'), c('supervision.col.dueDate'),
      c(id === 'overdue' ? 'supervision.col.daysLate' : 'supervision.col.daysLeft')],
    rows: rows.map((r) => [r.number, serviceName(r.service, lang), r.office, stateName(r.state, lang), formatDate(r.dueDate), id === 'overdue' ? r.daysLate : -r.daysLate]),
  };
}

/** The report as tables with kk/ru headers and DD.MM.YYYY dates, in the order a supervisor reads it. */
export function reportTables(report: SupervisorReport, lang: Lang): ReportTable[] {
  const c = (key: MessageKey) => t(lang, key);
  const office = report.filter.office ?? c('supervision.report.allOffices');
  const totals = REPORTED_STATES.map((s) => report.byState[s]);
  return [
    {
      id: 'summary',
      title: c('supervision.report.title'),
      headers: [],
      rows: [
        [c('supervision.report.generated'), formatDate(report.today)],
        [c('supervision.report.period'), period(report, lang)],
        [c('supervision.report.office'), office],
        [c('supervision.col.total'), report.total],
        [c('supervision.section.intake'), report.intakeRefusals],
      ],
    },
    {
      id: 'byState',
      title: c('supervision.section.byState'),
      headers: [c('supervision.col.service'), ...REPORTED_STATES.map((s) => stateName(s, lang)), c('supervision.col.total')],
      rows: [
        ...report.byService.map((row) => [serviceName(row.service, lang), ...REPORTED_STATES.map((s) => row.byState[s]), row.total]),
        [c('supervision.col.total'), ...totals, report.total],
      ],
      compactZeroColumns: true,
    },
    deadlineTable('overdue', report.overdue, lang),
    deadlineTable('dueSoon', report.dueSoon, lang),
    {
      id: 'work',
      title: c('supervision.section.work'),
      headers: [c('supervision.col.login'), c('supervision.col.name'), ...WORK_ACTIONS.map((a) => c(WORK_COLUMN[a])), c('supervision.col.total')],
      rows: report.work.map((w) => [w.login, w.fullName ?? '', ...WORK_ACTIONS.map((a) => w.counts[a]), w.total]),
    },
    {
      id: 'refusals',
      title: c('supervision.section.refusals'),
      headers: [c('supervision.col.code'), c('supervision.col.reason'), c('supervision.col.count')],
      rows: report.refusalReasons.map((r) => [r.code, r.label ? pick(r.label, lang) : '', r.count]),
    },
    {
      id: 'survey',
      title: c('supervision.section.survey'),
      headers: [c('supervision.col.question'), c('supervision.col.answer'), c('supervision.col.count')],
      rows: [
        ...SURVEY.questions.flatMap((q) => q.answers.map((a) => [`${q.number}. ${pick(q.text, lang)}`, `${a.value}) ${pick(a.label, lang)}`, report.survey[q.id][a.value]])),
        [c('supervision.survey.answered'), '', report.survey.total],
      ],
    },
  ];
}

/**
 * The report as one CSV file (see csv.ts for the format): UTF-8 with a BOM, each table as a
 * title line, its header line and its rows, tables apart by an empty line.
 */
export function reportCsv(report: SupervisorReport, lang: Lang): string {
  const blocks = reportTables(report, lang).map((table) =>
    csvLines([[table.title], ...(table.headers.length ? [table.headers] : []), ...table.rows]));
  return UTF8_BOM + blocks.join('\r\n');
}

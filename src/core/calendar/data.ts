import { z } from 'zod';
import { catalogue, type MessageKey } from '../i18n/catalogue.js';
import { fill, type Text } from '../i18n/text.js';
import { domainError, fail, ok, type DomainError, type FieldProblem, type Result } from '../result.js';
import { isIsoDate, isWeekend } from './dates.js';

/**
 * One year of the production calendar, as kept in `data/calendar/<year>.json`. Offices edit these
 * files by hand each year (holiday dates of Kurban ait, government transfers), so every mistake is
 * reported with the entry it is in. Days moved off a weekend holiday are NOT listed: the calendar
 * computes them (calendar.ts), so the file holds only what a decree or the law names.
 */
const isoDate = z.string().refine(isIsoDate);
const name = z.strictObject({ kk: z.string().trim().min(1), ru: z.string().trim().min(1), en: z.string().trim().min(1).optional() });
const basis = z.string().trim().min(1);

const holiday = z.strictObject({
  date: isoDate,
  name,
  /** Religious holidays (Orthodox Christmas, Kurban ait) are days off but never moved off a weekend. */
  religious: z.boolean(),
});

const decreeTransfer = z.strictObject({
  /** A working weekday that becomes a day off… */
  dayOff: isoDate,
  /** …in exchange for a weekend day that is worked. */
  workday: isoDate,
  basis,
});

/** An office's own correction, for anything the rules above do not capture. */
const extraDay = z.strictObject({ date: isoDate, basis, name: name.optional() });

type Problem =
  | 'notObject' | 'year' | 'sources' | 'date' | 'name' | 'religious' | 'basis' | 'shape'
  | 'unknownKey' | 'outsideYear' | 'duplicate' | 'dayOffNotWeekday' | 'workdayNotWeekend';

function issue(ctx: z.RefinementCtx, problem: Problem, path: (string | number)[]): void {
  ctx.addIssue({ code: 'custom', message: problem, path, params: { problem } });
}

export const calendarYearSchema = z
  .strictObject({
    year: z.number().int().min(1991).max(2200),
    sources: z.array(z.string().trim().min(1)).min(1),
    holidays: z.array(holiday),
    decreeTransfers: z.array(decreeTransfer),
    extraDaysOff: z.array(extraDay),
    extraWorkdays: z.array(extraDay),
    note: z.string().optional(),
  })
  .superRefine((cal, ctx) => {
    // zod runs this even when a date above was malformed (that issue is "continuable"), so every
    // check first makes sure it holds a real date; the malformed one is already reported.
    const inYear = (iso: string) => !isIsoDate(iso) || iso.startsWith(`${cal.year}-`);
    const weekend = (iso: string) => isIsoDate(iso) && isWeekend(iso);
    const seen = new Set<string>();
    cal.holidays.forEach((h, i) => {
      if (!inYear(h.date)) issue(ctx, 'outsideYear', ['holidays', i, 'date']);
      else if (seen.has(h.date)) issue(ctx, 'duplicate', ['holidays', i, 'date']);
      seen.add(h.date);
    });
    cal.decreeTransfers.forEach((t, i) => {
      // The worked day may fall in the year before (a December Saturday for a January day off).
      if (!inYear(t.dayOff)) issue(ctx, 'outsideYear', ['decreeTransfers', i, 'dayOff']);
      else if (weekend(t.dayOff) || seen.has(t.dayOff)) issue(ctx, 'dayOffNotWeekday', ['decreeTransfers', i, 'dayOff']);
      if (isIsoDate(t.workday) && (!weekend(t.workday) || seen.has(t.workday))) issue(ctx, 'workdayNotWeekend', ['decreeTransfers', i, 'workday']);
    });
    for (const list of ['extraDaysOff', 'extraWorkdays'] as const) {
      cal[list].forEach((d, i) => {
        if (!inYear(d.date)) issue(ctx, 'outsideYear', [list, i, 'date']);
      });
    }
  });

export type CalendarYear = z.infer<typeof calendarYearSchema>;
export type Holiday = CalendarYear['holidays'][number];

function problemOf(zodIssue: z.core.$ZodIssue): Problem {
  const own = (zodIssue as { params?: { problem?: Problem } }).params?.problem;
  if (own) return own;
  if (zodIssue.code === 'unrecognized_keys') return 'unknownKey';
  const last = zodIssue.path.at(-1);
  switch (last) {
    case 'date': case 'dayOff': case 'workday': return 'date';
    case 'name': case 'kk': case 'ru': case 'en': return 'name';
    case 'year': case 'religious': case 'basis': case 'sources': return last;
    default: return zodIssue.path[0] === 'sources' ? 'sources' : 'shape';
  }
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v = input;
  for (const p of path) v = v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[p] : undefined;
  return v;
}

/** `holidays[3].date = "2026-13-01"`: the JSON path as a person searches the file for it, and what is there. */
export function entryName(input: unknown, zodIssue: z.core.$ZodIssue): string {
  const path = zodIssue.path.filter((p): p is string | number => typeof p !== 'symbol');
  const keys = zodIssue.code === 'unrecognized_keys' ? [...path, zodIssue.keys.join(', ')] : path;
  const where = keys.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('') || '(root)';
  const value = zodIssue.code === 'unrecognized_keys' ? undefined : valueAt(input, path);
  const shown = value === undefined || (typeof value === 'object' && value !== null) ? '' : ` = ${JSON.stringify(value)}`;
  const entry = keys.length > 2 ? valueAt(input, path.slice(0, 2)) : undefined;
  const entryDate = valueAt(entry, ['date']) ?? valueAt(entry, ['dayOff']);
  const context = typeof entryDate === 'string' && entryDate !== value ? ` (${entryDate})` : '';
  return `${where}${shown}${context}`;
}

function sentence(problem: Problem, params: Record<string, string | number>): Text {
  const text = catalogue[`calendar.data.${problem}` satisfies MessageKey];
  return { kk: fill(text.kk, params), ru: fill(text.ru, params), ...(text.en ? { en: fill(text.en, params) } : {}) };
}

/**
 * Checks one year file. On failure the message names the first bad entry (path and value) and
 * says what it should be; `fields` lists every bad entry the same way.
 */
export function parseCalendarYear(json: unknown): Result<CalendarYear, DomainError> {
  const year = valueAt(json, ['year']);
  const yearShown = typeof year === 'number' ? year : '?';
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    const params = { year: yearShown, entry: '(root)' };
    return fail(domainError('VALIDATION', { key: 'calendar.data.notObject', params }, {
      fields: [{ path: '(root)', label: { kk: '(root)', ru: '(root)' }, expected: sentence('notObject', params) }],
    }));
  }
  const parsed = calendarYearSchema.safeParse(json);
  if (parsed.success) return ok(parsed.data);
  const problems = parsed.error.issues.map((i) => ({ problem: problemOf(i), entry: entryName(json, i), path: i.path.join('.') }));
  const fields: FieldProblem[] = problems.map(({ problem, entry, path }) => ({
    path: path || '(root)',
    label: { kk: entry, ru: entry },
    expected: sentence(problem, { year: yearShown, entry }),
  }));
  const first = problems[0]!;
  return fail(domainError('VALIDATION', { key: `calendar.data.${first.problem}`, params: { year: yearShown, entry: first.entry } }, { fields }));
}

import { t } from '../i18n/catalogue.js';
import { pick, type Lang, type Text } from '../i18n/text.js';
import type { DayInfo, DayKind, WorkCalendar } from './calendar.js';
import { addDays, addMonths, compareDates, formatDate, yearOf } from './dates.js';

/**
 * Due dates of requests, with the reasoning a clerk can read out to a citizen. Counting starts
 * the day after submission, and a term in calendar days or months that ends on a day off ends on
 * the next working day instead: the usual rule of Kazakh law on computing terms (see the Law
 * "On administrative procedures" of 27 Nov 2000, art. 12-1, which the seed regulations cite).
 */
export type DueUnit = 'calendar' | 'working' | 'months';

export interface SkippedDay {
  readonly date: string;
  readonly kind: DayKind;
  readonly name?: Text;
}

export interface DueExplanation {
  readonly submittedOn: string;
  readonly rule: { readonly unit: DueUnit; readonly amount: number };
  /** The first day that counts toward the term (for working days: the first working day after submission). */
  readonly firstCountedDay: string;
  /** Non-working days passed over (working-day terms) or rolled over at the end (calendar and month terms). */
  readonly skipped: readonly SkippedDay[];
  /** Where a calendar or month term really ended before it was moved off a day off. */
  readonly rolledFrom?: string;
  /** Years the calendar does not know that the computation relied on: weekends only were assumed. */
  readonly unknownYears: readonly number[];
  readonly due: string;
}

export interface Due {
  readonly due: string;
  readonly explanation: DueExplanation;
}

/** Reads the calendar and remembers which unknown years it had to guess for. */
class Reader {
  readonly skipped: SkippedDay[] = [];
  readonly #unknown = new Set<number>();
  constructor(private readonly cal: WorkCalendar) {}

  info(iso: string): DayInfo {
    const day = this.cal.dayInfo(iso);
    if (!day.known) this.#unknown.add(yearOf(iso));
    return day;
  }

  skip(day: DayInfo): void {
    this.skipped.push(day.name ? { date: day.date, kind: day.kind, name: day.name } : { date: day.date, kind: day.kind });
  }

  /** The day itself if it is a working day, else the next working day; skipped days are recorded. */
  rollForward(iso: string): string {
    let day = this.info(iso);
    while (!day.working) {
      this.skip(day);
      day = this.info(addDays(day.date, 1));
    }
    return day.date;
  }

  unknownYears(): number[] {
    return [...this.#unknown].sort((a, b) => a - b);
  }
}

function requireAmount(amount: number): void {
  // Terms come from service definitions, never from a person typing: a bad one is a bug.
  if (!Number.isInteger(amount) || amount < 1) throw new RangeError(`a term must be a whole number ≥ 1, got ${amount}`);
}

function endOnWorkingDay(cal: WorkCalendar, submittedOn: string, unit: DueUnit, amount: number, lastDay: string): Due {
  const reader = new Reader(cal);
  const due = reader.rollForward(lastDay);
  const explanation: DueExplanation = {
    submittedOn,
    rule: { unit, amount },
    firstCountedDay: addDays(submittedOn, 1),
    skipped: reader.skipped,
    ...(due !== lastDay ? { rolledFrom: lastDay } : {}),
    unknownYears: reader.unknownYears(),
    due,
  };
  return { due, explanation };
}

/** A term in calendar days (archives: 15 or 30). Days off inside the term count; only the last day must be a working day. */
export function dueByCalendarDays(cal: WorkCalendar, submittedOn: string, days: number): Due {
  requireAmount(days);
  return endOnWorkingDay(cal, submittedOn, 'calendar', days, addDays(submittedOn, days));
}

/** Astana's "up to 6 months": the same day `months` later (or that month's last day), then the next working day. */
export function dueByMonths(cal: WorkCalendar, submittedOn: string, months: number): Due {
  requireAmount(months);
  return endOnWorkingDay(cal, submittedOn, 'months', months, addMonths(submittedOn, months));
}

/** The n-th working day after the submission day (S1-D: 10 working days; S3: 5). */
export function dueByWorkingDays(cal: WorkCalendar, submittedOn: string, n: number): Due {
  requireAmount(n);
  const reader = new Reader(cal);
  let day = submittedOn;
  let first: string | undefined;
  for (let counted = 0; counted < n; ) {
    day = addDays(day, 1);
    const info = reader.info(day);
    if (!info.working) reader.skip(info);
    else {
      counted++;
      first ??= day;
    }
  }
  const explanation: DueExplanation = {
    submittedOn,
    rule: { unit: 'working', amount: n },
    firstCountedDay: first!,
    skipped: reader.skipped,
    unknownYears: reader.unknownYears(),
    due: day,
  };
  return { due: day, explanation };
}

/** The working day `n` working days before `iso` ("due soon" starts 2 working days before the due date). */
export function workingDaysBefore(cal: WorkCalendar, iso: string, n: number): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`a count of working days must be a whole number ≥ 0, got ${n}`);
  let day = iso;
  for (let counted = 0; counted < n; ) {
    day = addDays(day, -1);
    if (cal.isWorkingDay(day)) counted++;
  }
  return day;
}

/**
 * Working days in (fromExclusive, toInclusive]: from today to the due date, how many are left.
 * Negative when `toInclusive` is earlier, so an overdue request reads as "−3 working days".
 */
export function workingDaysBetween(cal: WorkCalendar, fromExclusive: string, toInclusive: string): number {
  const order = compareDates(fromExclusive, toInclusive);
  if (order > 0) return -workingDaysBetween(cal, toInclusive, fromExclusive);
  let count = 0;
  for (let day = addDays(fromExclusive, 1); compareDates(day, toInclusive) <= 0; day = addDays(day, 1)) {
    if (cal.isWorkingDay(day)) count++;
  }
  return count;
}

function unitWord(unit: DueUnit, amount: number, lang: Lang): string {
  // Russian has three noun forms after numbers (1 день, 3 дня, 5 дней); Kazakh and English fewer.
  const category = new Intl.PluralRules(lang).select(amount);
  const form = category === 'one' ? 'one' : category === 'few' ? 'few' : 'many';
  return t(lang, `calendar.unit.${unit}.${form}`);
}

function describeDay(day: SkippedDay, lang: Lang): string {
  const what =
    day.kind === 'moved-day-off' && day.name ? t(lang, 'calendar.explain.movedDay', { name: pick(day.name, lang) })
    : day.name ? pick(day.name, lang)
    : t(lang, `calendar.kind.${day.kind}`);
  return t(lang, 'calendar.explain.day', { date: formatDate(day.date), what });
}

/** The explanation as lines of text, dates written DD.MM.YYYY. */
export function explainDue(explanation: DueExplanation, lang: Lang): string[] {
  const e = explanation;
  const lines = [
    t(lang, 'calendar.explain.submittedOn', { date: formatDate(e.submittedOn) }),
    t(lang, 'calendar.explain.rule', { amount: e.rule.amount, unit: unitWord(e.rule.unit, e.rule.amount, lang) }),
    t(lang, 'calendar.explain.firstCountedDay', { date: formatDate(e.firstCountedDay) }),
  ];
  if (e.skipped.length > 0) {
    lines.push(t(lang, 'calendar.explain.skipped', { days: e.skipped.map((d) => describeDay(d, lang)).join(', ') }));
  }
  if (e.rolledFrom) {
    lines.push(t(lang, 'calendar.explain.rolled', { from: formatDate(e.rolledFrom), to: formatDate(e.due) }));
  }
  lines.push(t(lang, 'calendar.explain.due', { date: formatDate(e.due) }));
  if (e.unknownYears.length > 0) lines.push(t(lang, 'calendar.explain.unknownYears', { years: e.unknownYears.join(', ') }));
  return lines;
}

import type { Text } from '../i18n/text.js';
import { domainError, fail, ok, type DomainError, type Result } from '../result.js';
import type { CalendarYear } from './data.js';
import { addDays, compareDates, isWeekend, yearOf } from './dates.js';

export type DayKind =
  | 'workday'
  | 'weekend'
  | 'holiday'
  | 'moved-day-off' // a weekday off because a holiday fell on a Saturday or Sunday
  | 'decree-day-off'
  | 'decree-workday'
  | 'extra-day-off'
  | 'extra-workday';

export interface DayInfo {
  readonly date: string;
  readonly working: boolean;
  readonly kind: DayKind;
  /** The holiday's name; for a moved day off, the holiday it stands in for. */
  readonly name?: Text;
  /** False when the year is not in the calendar: only Saturdays and Sundays were taken as days off. */
  readonly known: boolean;
}

interface Special {
  readonly kind: DayKind;
  readonly name?: Text;
}

const WORKING_KINDS: ReadonlySet<DayKind> = new Set(['workday', 'decree-workday', 'extra-workday']);

/**
 * Precedence when one date is named twice: an office's own correction wins over a decree, a decree
 * over the law, the law over the computed moves. So an office that disagrees with a computed move
 * lists that day in `extraWorkdays` and the day it prefers in `extraDaysOff`.
 */
const PRECEDENCE: readonly DayKind[] = ['extra-workday', 'extra-day-off', 'decree-workday', 'decree-day-off', 'holiday', 'moved-day-off'];

/**
 * Days a weekend holiday moves to. Law "On holidays in the RK" art. 5, applied by the Labour Code's
 * articles on days off (84–85): when a holiday falls on a day off, the day off moves to the next
 * working day after the holiday; the religious days off (Orthodox Christmas, first day of Kurban
 * ait, Labour Code art. 84 para 5) are never moved. Several weekend holidays take consecutive working days: Nauryz 21–23 Mar 2026 falls
 * on Sat, Sun, Mon, so 24 and 25 Mar are off. The next working day is searched among Monday–Friday
 * dates that are not already off for another reason (a decree day off, an office's extra day off).
 */
function movedDaysOff(years: readonly CalendarYear[], taken: ReadonlySet<string>): Map<string, Special> {
  const holidays = years.flatMap((y) => y.holidays).sort((a, b) => compareDates(a.date, b.date));
  const holidayDates = new Set(holidays.map((h) => h.date));
  const moved = new Map<string, Special>();
  for (const h of holidays) {
    if (h.religious || !isWeekend(h.date)) continue;
    let day = addDays(h.date, 1);
    while (isWeekend(day) || holidayDates.has(day) || moved.has(day) || taken.has(day)) day = addDays(day, 1);
    moved.set(day, { kind: 'moved-day-off', name: h.name });
  }
  return moved;
}

function specialDays(years: readonly CalendarYear[]): Map<string, Special> {
  const byKind = new Map<DayKind, Map<string, Special>>(PRECEDENCE.map((k) => [k, new Map()]));
  const put = (kind: DayKind, date: string, name?: Text) => byKind.get(kind)!.set(date, name ? { kind, name } : { kind });
  for (const y of years) {
    y.holidays.forEach((h) => put('holiday', h.date, h.name));
    y.decreeTransfers.forEach((t) => { put('decree-day-off', t.dayOff); put('decree-workday', t.workday); });
    y.extraDaysOff.forEach((d) => put('extra-day-off', d.date, d.name));
    y.extraWorkdays.forEach((d) => put('extra-workday', d.date, d.name));
  }
  const taken = new Set([...byKind.get('decree-day-off')!.keys(), ...byKind.get('extra-day-off')!.keys()]);
  byKind.set('moved-day-off', movedDaysOff(years, taken));
  const days = new Map<string, Special>();
  // Lowest precedence first, so a stronger kind overwrites it.
  for (const kind of [...PRECEDENCE].reverse()) for (const [date, s] of byKind.get(kind)!) days.set(date, s);
  return days;
}

/**
 * The working-day calendar of Kazakhstan's five-day week, as public offices keep it. Built from the
 * year files; a year it was not given falls back to "Saturday and Sunday off" and every answer for
 * such a day carries `known: false`, so a due date computed into that year can be flagged.
 */
export class WorkCalendar {
  readonly #years: ReadonlySet<number>;
  readonly #days: ReadonlyMap<string, Special>;

  private constructor(years: readonly CalendarYear[]) {
    this.#years = new Set(years.map((y) => y.year));
    this.#days = specialDays(years);
  }

  /** Two files claiming the same year is a data mistake (e.g. 2026.json saying "year": 2025). */
  static build(years: readonly CalendarYear[]): Result<WorkCalendar, DomainError> {
    const seen = new Set<number>();
    for (const y of years) {
      if (seen.has(y.year)) return fail(domainError('VALIDATION', { key: 'calendar.data.duplicateYear', params: { year: y.year } }));
      seen.add(y.year);
    }
    return ok(new WorkCalendar(years));
  }

  knows(year: number): boolean {
    return this.#years.has(year);
  }

  /** Years the calendar was built from, in order. */
  years(): number[] {
    return [...this.#years].sort((a, b) => a - b);
  }

  dayInfo(iso: string): DayInfo {
    const known = this.knows(yearOf(iso));
    const special = this.#days.get(iso);
    if (special) return { date: iso, working: WORKING_KINDS.has(special.kind), ...special, known };
    return isWeekend(iso)
      ? { date: iso, working: false, kind: 'weekend', known }
      : { date: iso, working: true, kind: 'workday', known };
  }

  isWorkingDay(iso: string): boolean {
    return this.dayInfo(iso).working;
  }
}

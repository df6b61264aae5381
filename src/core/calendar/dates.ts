/**
 * Civil dates as ISO strings, YYYY-MM-DD.
 *
 * Why our own helpers rather than a date library: none is installed, and deadlines need only
 * whole civil days (no times, no time zones, no locale). Each day is turned into a day number
 * through UTC midnight, where every day is exactly 86 400 000 ms long, so adding days can never
 * slip across a DST change or the server's local zone. The traps avoided: `new Date('2026-03-21')`
 * parses as UTC but `getDate()` reads local time; `Date.UTC(50, …)` means 1950, so the year is set
 * with `setUTCFullYear` instead.
 */
const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parts(iso: string): [number, number, number] | null {
  const m = ISO_DATE.exec(iso);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null;
}

function utcMs(year: number, month: number, day: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return d.getTime();
}

/** A real calendar date written YYYY-MM-DD (so 2026-02-30 is not one). */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const p = parts(value);
  if (!p) return false;
  const [y, m, d] = p;
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

function requireIso(iso: string): [number, number, number] {
  const p = isIsoDate(iso) ? parts(iso) : null;
  // A malformed date here is a caller's bug: user input is validated before it reaches the calendar.
  if (!p) throw new RangeError(`not an ISO date: ${iso}`);
  return p;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(utcMs(year, month + 1, 0)).getUTCDate();
}

/** Days since 1970-01-01. */
export function toDayNumber(iso: string): number {
  const [y, m, d] = requireIso(iso);
  return Math.round(utcMs(y, m, d) / MS_PER_DAY);
}

export function fromDayNumber(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
  return fromDayNumber(toDayNumber(iso) + days);
}

/** Calendar days from `from` to `to`: 1 for consecutive days, negative when `to` is earlier. */
export function calendarDaysBetween(from: string, to: string): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** ISO weekday: 1 Monday … 7 Sunday. */
export function weekday(iso: string): number {
  // 1970-01-01 was a Thursday (ISO 4).
  return ((((toDayNumber(iso) + 3) % 7) + 7) % 7) + 1;
}

/** Saturday or Sunday: the days off of the five-day week that public offices work. */
export function isWeekend(iso: string): boolean {
  return weekday(iso) >= 6;
}

/** Zero-padded ISO dates sort as strings, so comparing them needs no parsing. */
export function compareDates(a: string, b: string): -1 | 0 | 1 {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function yearOf(iso: string): number {
  return requireIso(iso)[0];
}

/**
 * The same day `months` later; when that month is shorter, its last day (31 Aug + 6 months =
 * 28 or 29 Feb): a term in months ends so under the Law "On administrative procedures"
 * of 27 Nov 2000, art. 12-1 para 3 (the law the seed regulations are approved under).
 */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = requireIso(iso);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const day = Math.min(d, daysInMonth(year, month));
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** DD.MM.YYYY, the way dates are written on Kazakh and Russian documents. */
export function formatDate(iso: string): string {
  const [y, m, d] = requireIso(iso);
  return `${String(d).padStart(2, '0')}.${String(m).padStart(2, '0')}.${String(y).padStart(4, '0')}`;
}

/** DD.MM.YYYY HH:MM at a fixed UTC offset (Kazakhstan: +300 minutes). */
export function formatDateTime(iso: string, offsetMinutes: number): string {
  const local = new Date(new Date(iso).getTime() + offsetMinutes * 60_000).toISOString();
  return `${formatDate(local.slice(0, 10))} ${local.slice(11, 16)}`;
}

import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WorkCalendar } from '../../src/core/calendar/calendar.js';
import { parseCalendarYear, type CalendarYear } from '../../src/core/calendar/data.js';
import { addDays, fromDayNumber, toDayNumber, formatDate, isIsoDate, weekday, addMonths, calendarDaysBetween } from '../../src/core/calendar/dates.js';
import {
  dueByCalendarDays, dueByMonths, dueByWorkingDays, explainDue, workingDaysBefore, workingDaysBetween,
} from '../../src/core/calendar/due.js';
import { render } from '../../src/core/i18n/catalogue.js';
import type { DomainError } from '../../src/core/result.js';

function rawYear(year: number): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(`../../data/calendar/${year}.json`, import.meta.url), 'utf8')) as Record<string, unknown>;
}

function loadYear(year: number): CalendarYear {
  const parsed = parseCalendarYear(rawYear(year));
  if (!parsed.ok) throw new Error(render('ru', parsed.error.message));
  return parsed.value;
}

function build(years: CalendarYear[]): WorkCalendar {
  const built = WorkCalendar.build(years);
  if (!built.ok) throw new Error(render('ru', built.error.message));
  return built.value;
}

const cal = build([loadYear(2025), loadYear(2026), loadYear(2027)]);

function daysOfKind(year: number, kind: string): string[] {
  const out: string[] = [];
  for (let d = `${year}-01-01`; d <= `${year}-12-31`; d = addDays(d, 1)) if (cal.dayInfo(d).kind === kind) out.push(d);
  return out;
}

function parseError(json: unknown): DomainError {
  const parsed = parseCalendarYear(json);
  if (parsed.ok) throw new Error('expected the calendar file to be refused');
  return parsed.error;
}

describe('the production calendar 2025–2027', () => {
  it('moves a weekend holiday to exactly the days the Labour Ministry announced', () => {
    expect(daysOfKind(2025, 'moved-day-off')).toEqual(['2025-03-10', '2025-03-24', '2025-03-25', '2025-07-07', '2025-09-01', '2025-10-27']);
    expect(daysOfKind(2026, 'moved-day-off')).toEqual(['2026-03-09', '2026-03-24', '2026-03-25', '2026-05-11', '2026-10-26']);
    expect(daysOfKind(2027, 'moved-day-off')).toEqual(['2027-01-04', '2027-03-24', '2027-05-03', '2027-05-10']);
  });

  it('names the holiday a moved day off stands in for', () => {
    expect(cal.dayInfo('2026-03-25')).toMatchObject({ working: false, kind: 'moved-day-off', name: { kk: 'Наурыз мейрамы' }, known: true });
  });

  it('keeps Kurban ait and Orthodox Christmas as days off but never moves them off a weekend', () => {
    expect(cal.dayInfo('2026-05-27')).toMatchObject({ working: false, kind: 'holiday', name: { kk: 'Құрбан айт' } });
    expect(cal.isWorkingDay('2026-05-28')).toBe(true);
    expect(cal.dayInfo('2027-05-16').kind).toBe('holiday'); // a Sunday
    expect(cal.isWorkingDay('2027-05-17')).toBe(true);
  });

  it('has Constitution Day on 30 Aug 2025 and 15 Mar 2027, and 31 Aug 2026 is a working day', () => {
    expect(cal.dayInfo('2025-08-30').name?.ru).toBe('День Конституции');
    expect(cal.dayInfo('2027-03-15').name?.ru).toBe('День Конституции');
    expect(cal.dayInfo('2026-08-31')).toMatchObject({ working: true, kind: 'workday' });
    expect(cal.isWorkingDay('2026-08-30')).toBe(false); // an ordinary Sunday
  });

  it('follows the 2025 decree: Friday 3 Jan off, Sunday 5 Jan worked', () => {
    expect(cal.dayInfo('2025-01-03')).toMatchObject({ working: false, kind: 'decree-day-off' });
    expect(cal.dayInfo('2025-01-05')).toMatchObject({ working: true, kind: 'decree-workday' });
    expect(dueByWorkingDays(cal, '2024-12-31', 1).due).toBe('2025-01-05');
  });

  it('says when it does not know a year and falls back to weekends only', () => {
    expect(cal.knows(2028)).toBe(false);
    expect(cal.years()).toEqual([2025, 2026, 2027]);
    expect(cal.dayInfo('2028-01-01')).toMatchObject({ working: false, kind: 'weekend', known: false });
    expect(cal.dayInfo('2028-01-03')).toMatchObject({ working: true, kind: 'workday', known: false });
  });

  it('marks the 2027 Constitution Day as unconfirmed for the office that edits the file', () => {
    expect(loadYear(2027).note).toMatch(/НЕ ПОДТВЕРЖДЕНО: 15 марта/);
  });
});

describe('due dates', () => {
  it('ends 15 calendar days from 10.03.2026 on 26.03.2026, because 25.03 is a Nauryz day off', () => {
    const { due, explanation } = dueByCalendarDays(cal, '2026-03-10', 15);
    expect(due).toBe('2026-03-26');
    expect(explanation).toMatchObject({ firstCountedDay: '2026-03-11', rolledFrom: '2026-03-25', unknownYears: [] });
    expect(explanation.skipped).toEqual([{ date: '2026-03-25', kind: 'moved-day-off', name: expect.objectContaining({ kk: 'Наурыз мейрамы' }) }]);
  });

  it('passes over all five Nauryz days off when counting working days', () => {
    const { due, explanation } = dueByWorkingDays(cal, '2026-03-20', 5);
    expect(due).toBe('2026-04-01');
    expect(explanation.firstCountedDay).toBe('2026-03-26');
    expect(explanation.skipped.map((d) => d.date)).toEqual(['2026-03-21', '2026-03-22', '2026-03-23', '2026-03-24', '2026-03-25', '2026-03-28', '2026-03-29']);
    expect(explanation.rolledFrom).toBeUndefined();
  });

  it('counts 10 working days across the May 2026 holidays (1, 7, 9 May and the moved 11 May)', () => {
    expect(dueByWorkingDays(cal, '2026-04-30', 10).due).toBe('2026-05-19');
  });

  it('skips Kurban ait on Wednesday 27 May 2026', () => {
    expect(dueByWorkingDays(cal, '2026-05-26', 1).due).toBe('2026-05-28');
    expect(dueByCalendarDays(cal, '2026-05-12', 15)).toMatchObject({ due: '2026-05-28', explanation: { rolledFrom: '2026-05-27' } });
  });

  it('crosses New Year 2027: 1–2 Jan, the moved 4 Jan and Christmas on 7 Jan are off', () => {
    expect(dueByWorkingDays(cal, '2026-12-30', 3).due).toBe('2027-01-06');
    const { due, explanation } = dueByWorkingDays(cal, '2026-12-30', 4);
    expect(due).toBe('2027-01-08');
    expect(explanation.skipped.map((d) => `${d.date} ${d.kind}`)).toEqual([
      '2027-01-01 holiday', '2027-01-02 holiday', '2027-01-03 weekend', '2027-01-04 moved-day-off', '2027-01-07 holiday',
    ]);
  });

  it('flags a due date computed into 2028, a year the calendar does not know', () => {
    const { due, explanation } = dueByWorkingDays(cal, '2027-12-30', 5);
    expect(due).toBe('2028-01-06');
    expect(explanation.unknownYears).toEqual([2028]);
    expect(explainDue(explanation, 'ru').at(-1)).toContain('2028');
    expect(dueByCalendarDays(cal, '2027-12-01', 15).explanation.unknownYears).toEqual([]);
  });

  it('ends "up to 6 months" on the same day, the month end when shorter, then the next working day', () => {
    expect(dueByMonths(cal, '2026-03-10', 6).due).toBe('2026-09-10');
    expect(dueByMonths(cal, '2026-08-31', 6)).toMatchObject({ due: '2027-03-01', explanation: { rolledFrom: '2027-02-28' } });
  });

  it('shows a request as due soon from 2 working days before its due date', () => {
    expect(workingDaysBefore(cal, '2026-03-26', 2)).toBe('2026-03-19');
    expect(workingDaysBefore(cal, '2026-06-03', 0)).toBe('2026-06-03');
  });

  it('counts working days left until the due date, negative once overdue', () => {
    expect(workingDaysBetween(cal, '2026-03-20', '2026-04-01')).toBe(5);
    expect(workingDaysBetween(cal, '2026-04-01', '2026-03-20')).toBe(-5);
    expect(workingDaysBetween(cal, '2026-03-20', '2026-03-20')).toBe(0);
  });

  it('treats a term that is not a whole positive number as a programming error', () => {
    expect(() => dueByWorkingDays(cal, '2026-03-20', 0)).toThrow(RangeError);
    expect(() => dueByCalendarDays(cal, '2026-02-30', 15)).toThrow(RangeError);
  });
});

describe('explaining a due date', () => {
  it('tells a Kazakh reader the rule, the skipped Nauryz days and the due date', () => {
    const lines = explainDue(dueByWorkingDays(cal, '2026-03-20', 5).explanation, 'kk');
    expect(lines[0]).toBe('Тапсырылған күні: 20.03.2026');
    expect(lines[1]).toBe('Ереже: 5 жұмыс күні');
    expect(lines[2]).toBe('Есептеу басталатын күн: 26.03.2026');
    expect(lines[3]).toMatch(/^Өткізілген демалыс\/мереке күндері: 21\.03\.2026 \(Наурыз мейрамы\), /);
    expect(lines[3]).toContain('24.03.2026 (Наурыз мейрамы, ауыстырылған демалыс)');
    expect(lines[3]).toContain('28.03.2026 (демалыс күні)');
    expect(lines.at(-1)).toBe('Орындау мерзімі: 01.04.2026');
  });

  it('says when the last day fell on a day off and where it moved', () => {
    const lines = explainDue(dueByCalendarDays(cal, '2026-03-10', 15).explanation, 'kk');
    expect(lines[1]).toBe('Ереже: 15 күнтізбелік күн');
    expect(lines).toContain('Соңғы күн демалысқа түсті, келесі жұмыс күніне ауыстырылды: 25.03.2026 → 26.03.2026');
  });

  it('uses the right Russian and English word forms after numbers', () => {
    const rule = (e: ReturnType<typeof dueByWorkingDays>, lang: 'ru' | 'en') => explainDue(e.explanation, lang)[1];
    expect(rule(dueByCalendarDays(cal, '2026-03-10', 15), 'ru')).toBe('Правило: 15 календарных дней');
    expect(rule(dueByWorkingDays(cal, '2026-03-10', 1), 'ru')).toBe('Правило: 1 рабочий день');
    expect(rule(dueByWorkingDays(cal, '2026-03-10', 3), 'ru')).toBe('Правило: 3 рабочих дня');
    expect(rule(dueByMonths(cal, '2026-03-10', 6), 'ru')).toBe('Правило: 6 месяцев');
    expect(rule(dueByMonths(cal, '2026-03-10', 6), 'en')).toBe('Rule: 6 months');
    expect(rule(dueByWorkingDays(cal, '2026-03-10', 1), 'en')).toBe('Rule: 1 working day');
  });

  it('writes dates as DD.MM.YYYY', () => {
    expect(formatDate('2026-03-05')).toBe('05.03.2026');
  });
});

describe('calendar files edited by hand', () => {
  it('accepts the shipped 2025, 2026 and 2027 files', () => {
    for (const year of [2025, 2026, 2027]) expect(parseCalendarYear(rawYear(year)).ok).toBe(true);
  });

  it('names the entry with an impossible date', () => {
    const json = rawYear(2026);
    (json.holidays as { date: string }[])[3]!.date = '2026-13-08';
    const error = parseError(json);
    expect(error.code).toBe('VALIDATION');
    expect(render('ru', error.message)).toBe(
      'Календарь на 2026 год, holidays[3].date = "2026-13-08": нужна существующая дата в виде ГГГГ-ММ-ДД (например, 2026-03-21).',
    );
    expect(render('kk', error.message)).toContain('holidays[3].date = "2026-13-08"');
  });

  it('names the holiday whose Kazakh name is missing by its date', () => {
    const json = rawYear(2026);
    (json.holidays as { name: { kk: string } }[])[8]!.name.kk = ' ';
    expect(render('kk', parseError(json).message)).toBe(
      '2026 жылғы күнтізбе, holidays[8].name.kk = " " (2026-05-07): атауы қазақша (kk) және орысша (ru) толтырылуы керек.',
    );
  });

  it('points at a misspelt field', () => {
    const json = rawYear(2026);
    const h = (json.holidays as Record<string, unknown>[])[2]!;
    h.religous = h.religious;
    delete h.religious;
    const fields = parseError(json).fields!.map((f) => f.label.ru);
    expect(fields).toContain('holidays[2].religous (2026-01-07)');
    expect(fields).toContain('holidays[2].religious (2026-01-07)');
  });

  it('refuses a decree that gives a Saturday off or makes a weekday "worked"', () => {
    const json = rawYear(2025);
    json.decreeTransfers = [{ dayOff: '2025-01-04', workday: '2025-01-06', basis: 'test' }];
    const error = parseError(json);
    expect(error.message.key).toBe('calendar.data.dayOffNotWeekday');
    expect(error.fields!.map((f) => f.path)).toEqual(['decreeTransfers.0.dayOff', 'decreeTransfers.0.workday']);
  });

  it('refuses a holiday of another year and a holiday listed twice', () => {
    const json = rawYear(2026);
    const holidays = json.holidays as { date: string }[];
    holidays[0]!.date = '2025-01-01';
    holidays[2]!.date = '2026-01-02';
    const rendered = parseError(json).fields!.map((f) => f.expected.ru);
    expect(rendered).toEqual([
      'Календарь на 2026 год, holidays[0].date = "2025-01-01": дата должна относиться к 2026 году.',
      'Календарь на 2026 год, holidays[2].date = "2026-01-02": эта дата указана в списке праздников дважды.',
    ]);
  });

  it('refuses something that is not a calendar at all', () => {
    expect(parseError([]).message.key).toBe('calendar.data.notObject');
    expect(parseError({ year: 2026 }).fields!.length).toBeGreaterThan(1);
  });

  it('refuses two files for the same year', () => {
    const built = WorkCalendar.build([loadYear(2026), loadYear(2026)]);
    expect(built.ok).toBe(false);
    if (!built.ok) expect(render('ru', built.error.message)).toContain('2026');
  });
});

describe('date arithmetic', () => {
  it('knows weekdays, leap years and month ends without local-time surprises', () => {
    expect(weekday('2026-03-21')).toBe(6);
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-11-15', 3)).toBe('2027-02-15');
    expect(calendarDaysBetween('2026-03-10', '2026-03-25')).toBe(15);
    expect(fromDayNumber(toDayNumber('0099-06-30'))).toBe('0099-06-30');
  });
});

describe('working-day terms, for any submission day in 2025–2027', () => {
  const firstDay = toDayNumber('2025-01-01');
  const lastDay = toDayNumber('2027-12-31');

  it('end on a working day after the submission day with exactly n working days in between', () => {
    fc.assert(
      fc.property(fc.integer({ min: firstDay, max: lastDay }), fc.integer({ min: 1, max: 40 }), (day, n) => {
        const submittedOn = fromDayNumber(day);
        const { due, explanation } = dueByWorkingDays(cal, submittedOn, n);
        expect(cal.isWorkingDay(due)).toBe(true);
        expect(due > submittedOn).toBe(true);
        expect(workingDaysBetween(cal, submittedOn, due)).toBe(n);
        expect(explanation.skipped.every((d) => !cal.isWorkingDay(d.date))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

import { localDate } from '../../src/app/clock.js';
import { addDays } from '../../src/core/calendar/dates.js';
import { formatRequestNumber } from '../../src/core/identity/request-number.js';
import { OPEN_STATES, type State } from '../../src/core/request.js';
import type { ListFilter } from '../../src/store/port.js';
import type { PgStore } from '../../src/store/pg/pg-store.js';
import type { Random } from './people.js';

export interface ReadCase {
  readonly name: string;
  /** Look-ups are what the ≤ 2 ms target is about; queue pages are reported beside them. */
  readonly kind: 'look-up' | 'queue page';
  readonly run: () => Promise<void>;
  /** Requests in the queue (the page's total), once it has run. */
  rows?: number;
}

/** A random registered number: every sequence from 1 to the year's last was given to a request. */
export async function numberSource(store: PgStore, random: Random): Promise<() => string> {
  const years = (await store.pool.query<{ year: number; last: number }>('SELECT year, last FROM request_sequences ORDER BY year')).rows;
  const total = years.reduce((s, y) => s + y.last, 0);
  if (total === 0) throw new Error('no registered requests in the schema');
  return () => {
    let n = Math.floor(random() * total);
    for (const y of years) {
      if (n < y.last) return formatRequestNumber(2000 + y.year, n + 1);
      n -= y.last;
    }
    throw new Error('unreachable');
  };
}

/** The TUI's tabs (tui/screens/queue-tabs.ts) a clerk opens most. */
function tabs(today: string): Array<[string, Pick<ListFilter, 'states' | 'dueOnOrBefore'>]> {
  return [
    ['received', { states: ['SUBMITTED'] as State[] }],
    ['in work', { states: ['IN_WORK'] as State[] }],
    ['overdue', { states: OPEN_STATES, dueOnOrBefore: addDays(today, -1) }],
    ['done', { states: ['COMPLETED', 'REFUSED', 'STORED_UNCOLLECTED', 'ISSUED'] as State[] }],
  ];
}

/**
 * What a clerk's screen and the call-centre read: a status look-up by number (summaryByNumber, what
 * requests.lookup calls after parsing the number), opening a whole request (getByNumber, what
 * requests.find calls), and queue pages of 20 of the busiest offices, first and later pages.
 * A look-up that finds nothing throws: every number asked for exists.
 */
export function readCases(store: PgStore, randomNumber: () => string, offices: readonly string[], timezoneOffsetMinutes: number): ReadCase[] {
  const today = localDate(new Date(), timezoneOffsetMinutes);
  const cases: ReadCase[] = [
    {
      name: 'status look-up (summaryByNumber)',
      kind: 'look-up',
      run: async () => {
        const number = randomNumber();
        if (!(await store.summaryByNumber(number))) throw new Error(`look-up: ${number} not found`);
      },
    },
    {
      name: 'open request (getByNumber)',
      kind: 'look-up',
      run: async () => {
        const number = randomNumber();
        if (!(await store.getByNumber(number))) throw new Error(`open: ${number} not found`);
      },
    },
  ];
  for (const office of offices) {
    for (const [tab, filter] of tabs(today)) {
      for (const offset of tab === 'received' || tab === 'done' ? [0, 2000] : [0]) {
        const c: ReadCase = {
          name: `${office} ${tab}${offset ? `, rows ${offset + 1}–${offset + 20}` : ''}`,
          kind: 'queue page',
          run: async () => {
            c.rows = (await store.list({ ...filter, office, order: 'due', limit: 20, offset })).total;
          },
        };
        cases.push(c);
      }
    }
  }
  return cases;
}

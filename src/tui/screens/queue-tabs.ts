import { addDays } from '../../core/calendar/dates.js';
import type { WorkCalendar } from '../../core/calendar/calendar.js';
import { workingDaysBefore } from '../../core/calendar/due.js';
import type { MessageKey } from '../../core/i18n/catalogue.js';
import { DUE_SOON_WORKING_DAYS } from '../../core/lifecycle/deadline.js';
import { OPEN_STATES, RESULT_STATES, type Role } from '../../core/request.js';
import type { ListFilter } from '../../store/port.js';

export const TABS = ['received', 'inWork', 'dueSoon', 'overdue', 'returned', 'done', 'drafts'] as const;
export type Tab = (typeof TABS)[number];

export function tabsFor(role: Role): readonly Tab[] {
  // Drafts are kept at a counter: only those who take requests in resume them.
  return role === 'clerk' || role === 'operator' ? TABS : TABS.filter((t) => t !== 'drafts');
}

export const tabLabel = (tab: Tab): MessageKey => `tui.tab.${tab}`;

/** The last date that is still "due soon" today: within DUE_SOON_WORKING_DAYS working days. */
export function dueSoonUntil(calendar: WorkCalendar, today: string): string {
  let last = today;
  for (let d = 0; d <= 21; d++) {
    const date = addDays(today, d);
    if (workingDaysBefore(calendar, date, DUE_SOON_WORKING_DAYS) <= today) last = date;
  }
  return last;
}

/** What each tab lists, within the user's scope (access.ts). */
export function tabFilter(tab: Tab, calendar: WorkCalendar, today: string): ListFilter {
  switch (tab) {
    case 'received':
      return { states: ['SUBMITTED'] };
    case 'inWork':
      return { states: ['IN_WORK'] };
    case 'dueSoon':
      return { states: OPEN_STATES, dueOnOrAfter: today, dueOnOrBefore: dueSoonUntil(calendar, today) };
    case 'overdue':
      return { states: OPEN_STATES, dueOnOrBefore: addDays(today, -1) };
    case 'returned':
      return { states: ['RETURNED_TO_CENTRE'] };
    case 'done':
      return { states: RESULT_STATES };
    case 'drafts':
      return { states: ['DRAFT'] };
  }
}

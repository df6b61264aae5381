import type { WorkCalendar } from '../calendar/calendar.js';
import { dueByCalendarDays, dueByMonths, dueByWorkingDays, workingDaysBefore } from '../calendar/due.js';
import { OPEN_STATES, type DueInfo, type Request, type State } from '../request.js';
import type { Channel, DeadlineRule, ExtensionGround, ServiceDef } from '../services/types.js';

/** Working days before the due date from which a request shows as "due soon". */
export const DUE_SOON_WORKING_DAYS = 2;

export function ruleFor(service: ServiceDef, channel: Channel): DeadlineRule {
  return service.deadlineByChannel?.[channel] ?? service.deadline;
}

function dueFor(
  calendar: WorkCalendar,
  submittedOn: string,
  term: ExtensionGround['extendedTo'],
  source: string,
): DueInfo {
  if (term.unit === 'months') {
    const r = dueByMonths(calendar, submittedOn, term.months);
    return { dueDate: r.due, rule: { unit: 'months', amount: term.months, source }, explanation: r.explanation };
  }
  const r = term.unit === 'calendar'
    ? dueByCalendarDays(calendar, submittedOn, term.days)
    : dueByWorkingDays(calendar, submittedOn, term.days);
  return { dueDate: r.due, rule: { unit: term.unit, amount: term.days, source }, explanation: r.explanation };
}

/** The due date set at registration: the service's term for the channel, counted from the day after. */
export function initialDue(service: ServiceDef, channel: Channel, submittedOn: string, calendar: WorkCalendar): DueInfo {
  const rule = ruleFor(service, channel);
  return dueFor(calendar, submittedOn, rule, rule.source);
}

/** The due date after a lawful extension: the ground's whole term, still counted from submission. */
export function extendedDue(ground: ExtensionGround, submittedOn: string, calendar: WorkCalendar): DueInfo {
  return dueFor(calendar, submittedOn, ground.extendedTo, ground.source);
}

/** Last day to return Centre documents, for services and channels where returning is lawful. */
export function returnDeadline(service: ServiceDef, channel: Channel, submittedOn: string, calendar: WorkCalendar): string | undefined {
  if (!service.returnToCentre || (channel !== 'centre' && channel !== 'mobile')) return undefined;
  return dueByWorkingDays(calendar, submittedOn, service.returnToCentre.workingDays).due;
}

export type DeadlineStatus = 'closed' | 'onTime' | 'dueSoon' | 'overdue';

/** Overdue: past the due date and still owed. Due soon: within 2 working days of it. */
export function deadlineStatus(request: Pick<Request, 'state' | 'due'>, today: string, calendar: WorkCalendar): DeadlineStatus {
  return deadlineStatusOf(request.state, request.due?.dueDate ?? null, today, calendar);
}

/** The same, from a summary's state and due date (queues list summaries, not whole requests). */
export function deadlineStatusOf(state: State, due: string | null, today: string, calendar: WorkCalendar): DeadlineStatus {
  if (!OPEN_STATES.includes(state) || !due) return 'closed';
  if (today > due) return 'overdue';
  return today >= workingDaysBefore(calendar, due, DUE_SOON_WORKING_DAYS) ? 'dueSoon' : 'onTime';
}

import { calendarDaysBetween } from '../core/calendar/dates.js';
import { deadlineStatusOf } from '../core/lifecycle/deadline.js';
import { findRefusal, type RefusalStage } from '../core/refusals.js';
import { STATES, type Action, type Actor, type Request, type Role, type State } from '../core/request.js';
import { domainError, fail, ok, type Result } from '../core/result.js';
import { SERVICE_IDS, type ServiceId } from '../core/services/types.js';
import { summariseSurvey, type SurveyAnswer, type SurveySummary } from '../core/survey.js';
import type { Text } from '../core/i18n/text.js';
import type { Reference } from '../config/reference.js';
import type { RequestReader, UserStore } from '../store/port.js';
import { localDate } from './clock.js';

/** Who may see the report: it names members of staff and their output. */
export const REPORT_ROLES: readonly Role[] = ['supervisor', 'admin'];

export function mayReadReport(actor: Actor): Result<true> {
  return REPORT_ROLES.includes(actor.role)
    ? ok(true)
    : fail(domainError('FORBIDDEN', { key: 'supervision.reportForbidden', params: { role: actor.role } }));
}

export interface ReportFilter {
  /** A provider office or the centre that received the request (as the store's list filter). */
  readonly office?: string;
  /** Local dates (YYYY-MM-DD), both included. */
  readonly from?: string;
  readonly to?: string;
}

/** States a report counts: a DRAFT is a questionnaire put aside, not yet a request. */
export type ReportedState = Exclude<State, 'DRAFT'>;
export const REPORTED_STATES = STATES.filter((s): s is ReportedState => s !== 'DRAFT');

export interface ServiceCounts {
  readonly service: ServiceId;
  readonly total: number;
  readonly byState: Readonly<Record<ReportedState, number>>;
}

export interface DeadlineRow {
  readonly number: string;
  readonly service: ServiceId;
  readonly office: string;
  readonly state: State;
  readonly dueDate: string;
  /** Calendar days past the due date; 0 or less when due soon (−2: due in two days). */
  readonly daysLate: number;
}

/** The actions counted per member of staff, each from the history events they made. */
export const WORK_ACTIONS = ['register', 'take', 'issue', 'refuse', 'extend', 'return', 'deliver', 'store'] as const;
export type WorkAction = (typeof WORK_ACTIONS)[number];

export interface StaffWork {
  readonly login: string;
  /** From the user list; null for a login no longer there. */
  readonly fullName: string | null;
  readonly role: Role;
  readonly counts: Readonly<Record<WorkAction, number>>;
  readonly total: number;
}

export interface ReasonCount {
  readonly code: string;
  /** The refusal catalogue's short label; null for a code it does not know. */
  readonly label: Text | null;
  readonly stage: RefusalStage | null;
  readonly count: number;
}

export interface SupervisorReport {
  readonly today: string;
  readonly filter: ReportFilter;
  /** Requests received in the period (registered or refused at intake). */
  readonly total: number;
  readonly byState: Readonly<Record<ReportedState, number>>;
  /** Every service of the catalogue, in catalogue order, also those with no request. */
  readonly byService: readonly ServiceCounts[];
  /** Requests received in the period that are overdue today, most overdue first. */
  readonly overdue: readonly DeadlineRow[];
  readonly dueSoon: readonly DeadlineRow[];
  /** Actions made in the period, per login, most active first. */
  readonly work: readonly StaffWork[];
  /** Reason codes of refusals and returns made in the period, most frequent first. */
  readonly refusalReasons: readonly ReasonCount[];
  /** Surveys answered in the period (SPEC §5.11). */
  readonly survey: SurveySummary;
  /** Requests refused at intake in the period. */
  readonly intakeRefusals: number;
}

const zeroStates = (): Record<ReportedState, number> => Object.fromEntries(REPORTED_STATES.map((s) => [s, 0])) as Record<ReportedState, number>;
const zeroWork = (): Record<WorkAction, number> => Object.fromEntries(WORK_ACTIONS.map((a) => [a, 0])) as Record<WorkAction, number>;
const STAFF_ROLES: ReadonlySet<Role> = new Set(['clerk', 'operator', 'callcentre', 'supervisor', 'admin']);

/**
 * The supervisor's view (issue 5). Two kinds of figure, both read from the requests themselves:
 * counts and deadline lists cover the requests *received* in the period (by registration date,
 * or intake refusal date); work, refusal reasons and survey answers count what *happened* in the
 * period (history events, survey dates), whenever the request came in. The office filter keeps
 * requests decided by or received at that office.
 *
 * Cost: the store's list gives summaries, and the history, reasons and survey are only in the
 * whole request, so every request is read once (one file each on the embedded store, minus its
 * cache). That is seconds at 100k requests: right for a report asked for now and then, wrong for
 * a screen redrawn on every key.
 */
export async function supervisorReport(store: RequestReader & Pick<UserStore, 'listUsers'>, reference: Reference, today: string, filter: ReportFilter = {}): Promise<SupervisorReport> {
  const offset = reference.offices.timezoneOffsetMinutes;
  const dayOf = (iso: string) => localDate(new Date(iso), offset);
  const inPeriod = (day: string) => (!filter.from || day >= filter.from) && (!filter.to || day <= filter.to);

  const byState = zeroStates();
  const perService = new Map<ServiceId, Record<ReportedState, number>>(SERVICE_IDS.map((id) => [id, zeroStates()]));
  const overdue: DeadlineRow[] = [];
  const dueSoon: DeadlineRow[] = [];
  const work = new Map<string, { role: Role; counts: Record<WorkAction, number> }>();
  const reasons = new Map<string, number>();
  const surveys: SurveyAnswer[] = [];
  let total = 0;
  let intakeRefusals = 0;

  const page = await store.list({ ...(filter.office ? { office: filter.office } : {}), limit: Number.MAX_SAFE_INTEGER });
  for (const summary of page.items) {
    if (summary.state === 'DRAFT') continue;
    const request = await store.get(summary.id);
    if (!request) continue;
    const state = request.state as ReportedState;

    if (inPeriod(receivedOn(request, dayOf))) {
      total += 1;
      byState[state] += 1;
      const row = perService.get(request.service);
      if (row) row[state] += 1;
      const due = request.due?.dueDate ?? null;
      const status = deadlineStatusOf(request.state, due, today, reference.calendar);
      if (due && request.number && (status === 'overdue' || status === 'dueSoon')) {
        const line = { number: request.number, service: request.service, office: request.office, state: request.state, dueDate: due, daysLate: calendarDaysBetween(due, today) };
        (status === 'overdue' ? overdue : dueSoon).push(line);
      }
    }
    if (request.intakeRefusal && inPeriod(dayOf(request.intakeRefusal.at))) intakeRefusals += 1;

    for (const event of request.history) {
      if (!inPeriod(dayOf(event.at))) continue;
      if (event.action === 'refuse' || event.action === 'return' || event.action === 'refuseIntake') {
        for (const code of event.reasons ?? []) reasons.set(code, (reasons.get(code) ?? 0) + 1);
      }
      if (!STAFF_ROLES.has(event.role) || !isWorkAction(event.action)) continue;
      const entry = work.get(event.by) ?? { role: event.role, counts: zeroWork() };
      entry.counts[event.action] += 1;
      work.set(event.by, entry);
    }
    if (request.survey && inPeriod(dayOf(request.survey.at))) surveys.push({ q1: request.survey.q1, q2: request.survey.q2 });
  }

  const users = new Map((await store.listUsers()).map((u) => [u.login, u]));
  const byDue = (a: DeadlineRow, b: DeadlineRow) => a.dueDate.localeCompare(b.dueDate) || a.number.localeCompare(b.number);
  return {
    today,
    filter,
    total,
    byState,
    byService: [...perService].map(([service, counts]) => ({ service, byState: counts, total: REPORTED_STATES.reduce((n, s) => n + counts[s], 0) })),
    overdue: overdue.sort(byDue),
    dueSoon: dueSoon.sort(byDue),
    work: [...work]
      .map(([login, w]) => ({ login, fullName: users.get(login)?.fullName ?? null, role: w.role, counts: w.counts, total: WORK_ACTIONS.reduce((n, a) => n + w.counts[a], 0) }))
      .sort((a, b) => b.total - a.total || a.login.localeCompare(b.login)),
    refusalReasons: [...reasons]
      .map(([code, count]) => {
        const refusal = findRefusal(code);
        return { code, label: refusal?.label ?? null, stage: refusal?.stage ?? null, count };
      })
      .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code)),
    survey: summariseSurvey(surveys),
    intakeRefusals,
  };
}

/** The local date a request came in: registration, else the intake refusal, else its creation. */
function receivedOn(request: Request, dayOf: (iso: string) => string): string {
  return request.submittedOn ?? dayOf(request.intakeRefusal?.at ?? request.createdAt);
}

function isWorkAction(action: Action): action is WorkAction {
  return (WORK_ACTIONS as readonly string[]).includes(action);
}

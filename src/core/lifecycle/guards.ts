import { findRefusal, isRefusalCode } from '../refusals.js';
import type { MessageKey, Params } from '../i18n/catalogue.js';
import { domainError, type DomainError, type ErrorCode } from '../result.js';
import type { Request } from '../request.js';
import type { Command, TransitionContext } from './context.js';
import { ROLE_CHANNELS } from './channels.js';
import type { GuardName } from './table.js';
import { calendarDaysBetween, formatDate } from '../calendar/dates.js';

/** A guard returns null when it holds, or the error saying why not. */
type Guard = (request: Request, command: Command, ctx: TransitionContext) => DomainError | null;

/** Missing or wrong parameters are bad input; a rule that forbids the act now is a refused transition. */
const refuse = (code: ErrorCode, key: MessageKey, params?: Params): DomainError =>
  domainError(code, params ? { key, params } : { key });

/** Days a result waits for its owner before it may be put into storage, unless the office says otherwise. */
const DEFAULT_UNCOLLECTED_DAYS = 30;

const ownOrganisation: Guard = (request, { actor }) => {
  if (actor.role === 'system') return null;
  if (actor.role === 'clerk' && actor.organisationId === request.office) return null;
  if (actor.role === 'operator' && actor.organisationId === request.receivedBy) return null;
  return refuse('FORBIDDEN', 'lifecycle.guard.notYourOrganisation', { number: request.number ?? '—' });
};

/** Registration happens at the desk of the request's own channel, by the role that sits there. */
const channelMatchesRole: Guard = (request, { actor, channel }) => {
  return ROLE_CHANNELS[actor.role]?.some((c) => c === channel) && channel === request.channel
    ? null
    : refuse('FORBIDDEN', 'lifecycle.guard.channelRole', { channel: request.channel, role: actor.role });
};

const decisionReasons: Guard = (_request, { reasons = [], note }, { service }) => {
  if (reasons.length === 0) return refuse('VALIDATION', 'lifecycle.guard.reasonRequired');
  const bad = reasons.find((r) => !isRefusalCode(r) || !service.refusalReasons.includes(r) || findRefusal(r)?.stage !== 'decision');
  if (bad) return refuse('VALIDATION', 'lifecycle.guard.reasonNotForService', { code: bad, allowed: service.refusalReasons.join(', ') });
  if (!note?.trim()) return refuse('VALIDATION', 'lifecycle.guard.justificationRequired');
  return null;
};

const intakeReasons: Guard = (_request, { reasons = [] }) => {
  if (reasons.length === 0) return refuse('VALIDATION', 'lifecycle.guard.reasonRequired');
  const bad = reasons.find((r) => findRefusal(r)?.stage !== 'intake');
  return bad ? refuse('VALIDATION', 'lifecycle.guard.notIntakeReason', { code: bad }) : null;
};

const extensionGround: Guard = (request, { ground }, { service, office, today }) => {
  const grounds = service.extensionGrounds;
  if (grounds.length === 0) return refuse('GUARD_FAILED', 'lifecycle.guard.noExtension');
  if (request.extension) return refuse('GUARD_FAILED', 'lifecycle.guard.alreadyExtended', { date: formatDate(request.extension.on) });
  // An extension is decided while the term runs; once it has passed, the request is simply overdue.
  if (request.due && today > request.due.dueDate) return refuse('GUARD_FAILED', 'lifecycle.guard.extensionTooLate', { date: formatDate(request.due.dueDate) });
  const codes = grounds.map((g) => g.code).join(', ');
  const found = grounds.find((g) => g.code === ground);
  if (!found) return refuse('VALIDATION', 'lifecycle.guard.groundRequired', { allowed: codes });
  const optedIn = office?.extensionGrounds?.[service.id]?.includes(found.code) ?? false;
  if (found.officeOptIn && !optedIn) return refuse('GUARD_FAILED', 'lifecycle.guard.groundNotForOffice', { code: found.code });
  return null;
};

const returnWindow: Guard = (request, { note }, { service, today }) => {
  if (!service.returnToCentre) return refuse('GUARD_FAILED', 'lifecycle.guard.noReturn');
  if (request.channel !== 'centre' && request.channel !== 'mobile') return refuse('GUARD_FAILED', 'lifecycle.guard.returnOnlyCentre');
  if (request.returnBy && today > request.returnBy) return refuse('GUARD_FAILED', 'lifecycle.guard.returnTooLate', { date: formatDate(request.returnBy) });
  if (!note?.trim()) return refuse('VALIDATION', 'lifecycle.guard.justificationRequired');
  return null;
};

const uncollectedOnly: Guard = (request, _command, { office, today }) => {
  const decidedOn = request.decision?.decidedOn;
  const days = office?.storesUncollected?.days ?? DEFAULT_UNCOLLECTED_DAYS;
  if (!decidedOn || calendarDaysBetween(decidedOn, today) < days) {
    return refuse('GUARD_FAILED', 'lifecycle.guard.notYetUncollected', { days });
  }
  return null;
};

const GUARDS: Readonly<Record<GuardName, Guard>> = {
  ownOrganisation,
  channelMatchesRole,
  decisionReasons,
  intakeReasons,
  extensionGround,
  returnWindow,
  uncollectedOnly,
};

export function checkGuards(names: readonly GuardName[], request: Request, command: Command, ctx: TransitionContext): DomainError | null {
  for (const name of names) {
    const failed = GUARDS[name](request, command, ctx);
    if (failed) return failed;
  }
  return null;
}

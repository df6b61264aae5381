import { parseRequestNumber } from '../core/identity/request-number.js';
import { deadlineStatusOf, type DeadlineStatus } from '../core/lifecycle/deadline.js';
import type { Actor, Role, State } from '../core/request.js';
import { domainError, fail, ok, type Result } from '../core/result.js';
import type { ServiceId } from '../core/services/types.js';
import type { AuditEntry, AuditStore, RequestSummary } from '../store/port.js';
import { localDate, type Clock } from './clock.js';
import { auditedFailures, LOOKUP_THROTTLE, lookupAllowedAt, type LookupThrottle } from './lookup-throttle.js';
import { maskIin, maskName } from './masking.js';
import type { RequestService } from './requests.js';
import { orUnavailable } from './unavailable.js';

/** Who may read a request's status by number (issue 5): clerks work from their own queue instead. */
export const LOOKUP_ROLES: readonly Role[] = ['callcentre', 'operator', 'supervisor', 'admin'];

/** What the call-centre reads out: dates and state, and just enough of the applicant to confirm the caller. */
export interface MaskedStatus {
  readonly number: string;
  readonly service: ServiceId;
  readonly state: State;
  readonly submittedAt: string | null;
  /** Local (UTC+5) date of registration. */
  readonly submittedOn: string | null;
  readonly dueDate: string | null;
  readonly deadline: DeadlineStatus;
  readonly office: string;
  readonly lastEvent: RequestSummary['lastEvent'];
  /** `••••••••1234` and `С. Д. А.`: never the whole IIN or name. */
  readonly applicant: { readonly iin: string; readonly name: string };
}

export interface LookupOptions {
  /** Failed look-ups (not found, invalid number) an actor may make within the window. Default: LOOKUP_THROTTLE. */
  readonly maxFailures?: number;
  readonly windowMinutes?: number;
}

/**
 * What an audit line says was looked up: the request number, and nothing of a person. A typed
 * near-number ("26-00012") is kept as typed, so guessing shows in the log; anything else (an IIN,
 * a phone or a name typed into the number field by mistake) is logged as "?" only. The request
 * number, who, the outcome and when are enough to answer "who looked at this request".
 */
export function auditSubject(input: string): string {
  const parsed = parseRequestNumber(input);
  if (parsed.ok) return parsed.value;
  const typed = input.trim();
  return /^\d{2}-[\d-]{0,10}$/.test(typed) ? typed : '?';
}

/**
 * The call-centre's status look-up. Every look-up is written to the audit log before the answer
 * is shown (no log, no answer), and an actor whose look-ups keep failing is refused for a while:
 * guessing numbers to find someone's request must be slow and visible.
 */
export class CallCentreLookups {
  private readonly rule: LookupThrottle;

  constructor(
    private readonly requests: RequestService,
    private readonly store: AuditStore,
    private readonly clock: Clock,
    options: LookupOptions = {},
  ) {
    this.rule = {
      maxFailures: Math.max(1, options.maxFailures ?? LOOKUP_THROTTLE.maxFailures),
      windowMs: options.windowMinutes !== undefined ? options.windowMinutes * 60_000 : LOOKUP_THROTTLE.windowMs,
    };
  }

  /** `source` says where the look-up came from (`ssh:ADDRESS`, `tui`, `cli`) for the audit log. */
  lookup(actor: Actor, numberInput: string, source: string): Promise<Result<MaskedStatus>> {
    // The database away (a restart): "try again", never an exception under the operator's screen.
    return orUnavailable(async () => {
      if (!LOOKUP_ROLES.includes(actor.role)) {
        return fail(domainError('FORBIDDEN', { key: 'supervision.lookupForbidden', params: { role: actor.role } }));
      }
      const now = this.clock.now();
      const subject = auditSubject(numberInput);
      const audit = (outcome: AuditEntry['outcome']) =>
        this.store.appendAudit({ at: now.toISOString(), actor: actor.login, role: actor.role, kind: 'lookup', subject, outcome, source }).then(
          () => true,
          () => false,
        );
      const notLogged = () => fail(domainError('STORE_FAILED', { key: 'store.writeFailed', params: { reason: 'audit' } }));

      const retryAt = await this.throttledUntil(actor.login, now);
      if (retryAt) {
        if (!(await audit('throttled'))) return notLogged();
        const minutes = this.rule.windowMs / 60_000;
        return fail(domainError('THROTTLED', { key: 'supervision.throttled', params: { count: this.rule.maxFailures, minutes, time: this.localTime(retryAt) } }));
      }
      const found = await this.requests.lookup(numberInput);
      const outcome = found.ok ? 'found' : found.error.code === 'INVALID_NUMBER' ? 'invalid' : 'notFound';
      if (!(await audit(outcome))) return notLogged();
      return found.ok ? ok(this.masked(found.value)) : found;
    });
  }

  /** When the actor may look up again, or null if they may now. Throttled look-ups do not count as failures. */
  private async throttledUntil(login: string, now: Date): Promise<Date | null> {
    return lookupAllowedAt(await auditedFailures(this.store, login, now.getTime(), this.rule), now.getTime(), this.rule);
  }

  /** HH:MM in Kazakhstan, rounded up so that trying at the minute named is never refused. */
  private localTime(at: Date): string {
    const minute = Math.ceil(at.getTime() / 60_000) * 60_000;
    const local = new Date(minute + this.requests.reference.offices.timezoneOffsetMinutes * 60_000);
    return local.toISOString().slice(11, 16);
  }

  private masked(s: RequestSummary): MaskedStatus {
    const { calendar, offices } = this.requests.reference;
    const today = localDate(this.clock.now(), offices.timezoneOffsetMinutes);
    return {
      number: s.number ?? '',
      service: s.service,
      state: s.state,
      submittedAt: s.submittedAt,
      submittedOn: s.submittedAt ? localDate(new Date(s.submittedAt), offices.timezoneOffsetMinutes) : null,
      dueDate: s.dueDate,
      deadline: deadlineStatusOf(s.state, s.dueDate, today, calendar),
      office: s.office,
      lastEvent: s.lastEvent ? { at: s.lastEvent.at, action: s.lastEvent.action, to: s.lastEvent.to } : null,
      applicant: { iin: maskIin(s.applicantIin), name: maskName(s.applicantName) },
    };
  }
}

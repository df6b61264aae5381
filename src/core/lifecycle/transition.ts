import { domainError, fail, ok, type DomainError, type Result } from '../result.js';
import type { Decision, HistoryEvent, OutboxItem, Request, State } from '../request.js';
import type { Command, TransitionContext } from './context.js';
import { extendedDue, initialDue, returnDeadline } from './deadline.js';
import { checkGuards } from './guards.js';
import { validateForm } from '../forms/validate.js';
import { TRANSITIONS } from './table.js';
import { safeText } from '../text-safety.js';
import { isRefusalCode, type RefusalCode } from '../refusals.js';

/** What the outside world may react to: the TUI redraws, the notifier reads the outbox. */
export interface RequestChanged {
  readonly type: 'request.changed';
  readonly requestId: string;
  readonly number: string | null;
  readonly action: Command['action'];
  readonly from: State;
  readonly to: State;
  readonly at: string;
}

export interface Transitioned {
  readonly request: Request;
  readonly events: readonly RequestChanged[];
}

type Patch = Partial<Omit<Request, 'id' | 'version' | 'history' | 'outbox'>>;

interface Effect {
  readonly patch: Patch;
  readonly outbox?: OutboxItem['kind'];
  readonly dueDate?: string;
}

/** The command's reasons as refusal codes: the guards have refused any other by now. */
function codes(reasons: readonly string[] = []): RefusalCode[] {
  return reasons.filter(isRefusalCode);
}

function decision(command: Command, ctx: TransitionContext, outcome: Decision['outcome']): Decision {
  return {
    outcome,
    reasons: codes(command.reasons),
    ...(command.note?.trim() ? { note: command.note.trim() } : {}),
    ...(command.content ? { content: structuredClone(command.content) } : {}),
    by: command.actor.login,
    ...(command.actor.fullName ? { byName: command.actor.fullName } : {}),
    at: ctx.now,
    decidedOn: ctx.today,
  };
}

/** What each action changes besides state, history and version. Guards have already passed. */
function effectOf(request: Request, command: Command, ctx: TransitionContext): Result<Effect> {
  const { service, calendar, today, now } = ctx;
  switch (command.action) {
    case 'register': {
      if (!command.number) return fail(domainError('VALIDATION', { key: 'lifecycle.numberRequired' }));
      const due = initialDue(service, request.channel, today, calendar);
      const returnBy = returnDeadline(service, request.channel, today, calendar);
      return ok({
        patch: { number: command.number, submittedAt: now, submittedOn: today, due, ...(returnBy ? { returnBy } : {}) },
        outbox: 'registered',
        dueDate: due.dueDate,
      });
    }
    case 'refuseIntake':
      return ok({ patch: { intakeRefusal: { reasons: codes(command.reasons), at: now } } });
    case 'extend': {
      const ground = service.extensionGrounds.find((g) => g.code === command.ground)!;
      if (!request.due || !request.submittedOn) return fail(domainError('GUARD_FAILED', { key: 'lifecycle.guard.noExtension' }));
      const due = extendedDue(ground, request.submittedOn, calendar);
      return ok({
        patch: { due, extension: { ground: ground.code, at: now, on: ctx.today, previousDue: request.due.dueDate, by: command.actor.login } },
        outbox: 'extended',
        dueDate: due.dueDate,
      });
    }
    case 'issue': {
      // The certificate's content is checked like a questionnaire: each bad field is named.
      const content = validateForm(service.resultForm, command.content ?? {}, today);
      if (!content.ok) return fail({ ...content.error, message: { key: 'lifecycle.resultInvalid', params: content.error.message.params ?? {} } });
      return ok({ patch: { decision: decision({ ...command, content: content.value }, ctx, 'issued') }, outbox: 'result' });
    }
    case 'refuse':
      return ok({ patch: { decision: decision(command, ctx, 'refused') }, outbox: 'result' });
    case 'return':
      // The return is reason R8 of the refusal catalogue; the clerk's note is its justification.
      return ok({ patch: { decision: { ...decision(command, ctx, 'returned'), reasons: ['R8'] } }, outbox: 'returned' });
    case 'take':
    case 'deliver':
    case 'store':
      return ok({ patch: {}, outbox: 'status' });
  }
}

/**
 * The note (a justification, a return's reasons) and the signer's name as they will be stored and
 * drawn on clerks' terminals: cleaned before the guards read them, so a note of escape sequences
 * alone counts as no note.
 */
function withSafeText(command: Command): Command {
  const { note, actor } = command;
  return {
    ...command,
    ...(note !== undefined ? { note: safeText(note, { multiline: true }) } : {}),
    ...(actor.fullName !== undefined ? { actor: { ...actor, fullName: safeText(actor.fullName) } } : {}),
  };
}

/**
 * The lifecycle as one pure function: the request, a command and the context in; the next
 * request and its events out, or a typed refusal with a kk/ru message. Nothing is stored or sent
 * here; the caller saves the result with a compare-and-set on `version`.
 */
export function transition(request: Request, given: Command, ctx: TransitionContext): Result<Transitioned> {
  const command = withSafeText(given);
  const row = TRANSITIONS[command.action];
  const params = { action: command.action, state: request.state, number: request.number ?? '—' };
  if (!row.from.includes(request.state)) {
    return fail(domainError('ILLEGAL_TRANSITION', { key: 'lifecycle.illegal', params }));
  }
  if (!row.roles.includes(command.actor.role)) {
    return fail(domainError('FORBIDDEN', { key: 'lifecycle.forbiddenRole', params: { ...params, role: command.actor.role } }));
  }
  const refused: DomainError | null = checkGuards(row.guards, request, command, ctx);
  if (refused) return fail(refused);
  const effect = effectOf(request, command, ctx);
  if (!effect.ok) return effect;

  const to: State = row.to === 'same' ? request.state : row.to;
  const note = command.note?.trim();
  const event: HistoryEvent = {
    seq: request.history.length + 1,
    at: ctx.now,
    by: command.actor.login,
    role: command.actor.role,
    channel: command.channel,
    action: command.action,
    from: request.state,
    to,
    ...(command.reasons?.length ? { reasons: [...command.reasons] } : {}),
    ...(command.ground ? { reasons: [command.ground] } : {}),
    ...(note ? { note } : {}),
    ...(effect.value.dueDate ? { dueDate: effect.value.dueDate } : {}),
    ...(command.via ? { via: command.via } : {}),
  };
  const next: Request = {
    ...request,
    ...effect.value.patch,
    state: to,
    version: request.version + 1,
    updatedAt: ctx.now,
    history: [...request.history, event],
    outbox: effect.value.outbox
      ? [...request.outbox, {
          id: ctx.newId(),
          kind: effect.value.outbox,
          at: ctx.now,
          state: to,
          ...(effect.value.dueDate ? { dueDate: effect.value.dueDate } : {}),
        }]
      : request.outbox,
  };
  return ok({
    request: next,
    events: [{ type: 'request.changed', requestId: next.id, number: next.number, action: command.action, from: request.state, to, at: ctx.now }],
  });
}

import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { WorkCalendar } from '../../src/core/calendar/calendar.js';
import { parseCalendarYear, type CalendarYear } from '../../src/core/calendar/data.js';
import { render, type MessageKey } from '../../src/core/i18n/catalogue.js';
import { formatRequestNumber } from '../../src/core/identity/request-number.js';
import type { Command, TransitionContext } from '../../src/core/lifecycle/context.js';
import { transition, type Transitioned } from '../../src/core/lifecycle/transition.js';
import { findOrganisation, parseOffices, type OfficesConfig, type Organisation } from '../../src/core/offices.js';
import type { Actor, Request, Role } from '../../src/core/request.js';
import type { DomainError, ErrorCode, Result } from '../../src/core/result.js';
import { findService } from '../../src/core/services/catalogue.js';
import type { Channel, ServiceDef, ServiceId } from '../../src/core/services/types.js';

/**
 * What the lifecycle tests share: the real calendar and offices from data/, the demo people as
 * applicants, and short ways to build a request in a given state. Everything else is the core's.
 */

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8'));
}

function unwrap<T>(result: Result<T, DomainError>, what: string): T {
  if (!result.ok) throw new Error(`${what}: ${render('ru', result.error.message)}`);
  return result.value;
}

const years = [2025, 2026, 2027].map((y) => unwrap<CalendarYear>(parseCalendarYear(readJson(`data/calendar/${y}.json`)), `calendar ${y}`));
export const calendar: WorkCalendar = unwrap(WorkCalendar.build(years), 'calendar');
export const offices: OfficesConfig = unwrap(parseOffices(readJson('data/offices.json')), 'offices');

export function org(id: string): Organisation {
  const found = findOrganisation(offices, id);
  if (!found) throw new Error(`no organisation ${id} in data/offices.json`);
  return found;
}

export function service(id: ServiceId): ServiceDef {
  return findService(id)!;
}

/** The demo applicant of each service (shared brief). */
const APPLICANTS: Record<ServiceId, Request['applicant']> = {
  'archive-certificate': { iin: '850305400010', fullName: 'Нұрланова Айгүл Серікқызы', phone: '+77011234567' },
  'unemployed-certificate': { iin: '781115300019', fullName: 'Сейітов Ерлан Қайратұлы', phone: '+77051112233' },
  'disabled-child-homeschool-support': { iin: '900712400015', fullName: 'Әбдірахманова Гүлнар Маратқызы', phone: '+77023334455' },
  'guardianship-minor-deposits-inheritance': { iin: '880522400016', fullName: 'Жұмабаева Сәуле Ерболқызы', phone: '+77774445566' },
  'guardianship-minor-property-transactions': { iin: '880522400016', fullName: 'Жұмабаева Сәуле Ерболқызы', phone: '+77774445566' },
  'guardianship-certificate': { iin: '880522400016', fullName: 'Жұмабаева Сәуле Ерболқызы', phone: '+77774445566' },
};

/** Ten in the morning in Kazakhstan (UTC+5) on `day`. */
export const morningOf = (day: string): string => `${day}T05:00:00.000Z`;

export interface CtxOptions {
  readonly office?: Organisation | undefined;
  readonly service?: ServiceDef;
  readonly now?: string;
}

/** The context a front-end would pass on `today`; ids are numbered so outbox items can be told apart. */
export function ctxFor(request: Pick<Request, 'service' | 'office'>, today: string, options: CtxOptions = {}): TransitionContext {
  let next = 0;
  return {
    now: options.now ?? morningOf(today),
    today,
    calendar,
    service: options.service ?? service(request.service),
    office: 'office' in options ? options.office : findOrganisation(offices, request.office),
    newId: () => `outbox-${++next}`,
  };
}

export interface DraftOptions {
  readonly channel: Channel;
  readonly office: string;
  /** The centre that took it in (centre/mobile); the office itself or "bot" otherwise. */
  readonly receivedBy?: string;
  readonly createdOn?: string;
}

/** A request as RequestService.buildDraft makes it, before registration. */
export function draft(serviceId: ServiceId, options: DraftOptions): Request {
  const at = morningOf(options.createdOn ?? '2026-03-20');
  const receivedBy = options.receivedBy ?? (options.channel === 'bot' ? 'bot' : options.office);
  return {
    id: `req-${serviceId}-${options.channel}`,
    number: null,
    version: 1,
    service: serviceId,
    channel: options.channel,
    lang: 'kk',
    office: options.office,
    receivedBy,
    state: 'DRAFT',
    applicant: APPLICANTS[serviceId],
    answers: {},
    attachments: [],
    paperDocuments: [],
    createdAt: at,
    updatedAt: at,
    submittedAt: null,
    submittedOn: null,
    due: null,
    history: [],
    outbox: [],
  };
}

/** Staff as the TUI logs them in: a clerk of a provider office, an operator of a centre. */
export const clerkOf = (office: string): Actor => ({ login: `clerk.${office}`, role: 'clerk', organisationId: office, fullName: 'Ахметова Роза Қанатқызы' });
export const operatorOf = (centre: string): Actor => ({ login: `operator.${centre}`, role: 'operator', organisationId: centre });
export const citizen: Actor = { login: 'tg:880522400016', role: 'citizen', iin: '880522400016' };
export const systemActor: Actor = { login: 'system', role: 'system' };

/** Who, of `role`, would act on this request, and from which channel; roles with no desk get 'office'. */
export function actorFor(role: Role, request: Request): { actor: Actor; channel: Command['channel'] } {
  switch (role) {
    case 'citizen': return { actor: citizen, channel: 'bot' };
    case 'clerk': return { actor: clerkOf(request.office), channel: 'office' };
    case 'operator': return { actor: operatorOf(request.receivedBy), channel: request.channel === 'mobile' ? 'mobile' : 'centre' };
    case 'system': return { actor: systemActor, channel: 'system' };
    default: return { actor: { login: `${role}.1`, role, organisationId: request.office }, channel: 'office' };
  }
}

let sequence = 0;
export const nextNumber = (): string => formatRequestNumber(2026, ++sequence);

/** Runs a transition that must succeed. */
export function step(request: Request, command: Command, ctx: TransitionContext): Transitioned {
  const result = transition(request, command, ctx);
  if (!result.ok) throw new Error(`${command.action} failed: ${render('ru', result.error.message)}`);
  return result.value;
}

/** A draft registered on `day` through the channel's own desk (bot, office clerk or centre operator). */
export function registeredOn(day: string, serviceId: ServiceId, options: DraftOptions): Request {
  const d = draft(serviceId, { ...options, createdOn: day });
  const role: Role = options.channel === 'bot' ? 'citizen' : options.channel === 'office' ? 'clerk' : 'operator';
  const { actor, channel } = actorFor(role, d);
  return step(d, { action: 'register', actor, channel, number: nextNumber() }, ctxFor(d, day)).request;
}

/** Registered on `submittedOn` and taken into work the same day by the office's clerk. */
export function inWork(submittedOn: string, serviceId: ServiceId, options: DraftOptions): Request {
  const r = registeredOn(submittedOn, serviceId, options);
  return step(r, { action: 'take', actor: clerkOf(r.office), channel: 'office' }, ctxFor(r, submittedOn)).request;
}

/** Freezes every object and array inside, so any write by the code under test throws. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/** A refusal with this code and message, readable in Kazakh and Russian with every blank filled. */
export function expectRefused(result: Result<Transitioned>, code: ErrorCode, key?: MessageKey): DomainError {
  expect(result.ok).toBe(false);
  if (result.ok) throw new Error('unreachable');
  expect(result.error.code).toBe(code);
  if (key) expect(result.error.message.key).toBe(key);
  const kk = render('kk', result.error.message);
  const ru = render('ru', result.error.message);
  for (const text of [kk, ru]) {
    expect(text.trim()).not.toBe('');
    expect(text).not.toMatch(/\{\w+\}/);
  }
  expect(kk).not.toBe(ru);
  return result.error;
}

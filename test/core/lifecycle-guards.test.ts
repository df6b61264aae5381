import { describe, expect, it } from 'vitest';
import type { Command } from '../../src/core/lifecycle/context.js';
import { transition } from '../../src/core/lifecycle/transition.js';
import { exampleResult } from '../../src/core/services/examples.js';
import { REFUSAL_CODES, REFUSALS } from '../../src/core/refusals.js';
import type { Action, Actor, Request } from '../../src/core/request.js';
import { SERVICES } from '../../src/core/services/catalogue.js';
import type { ServiceDef } from '../../src/core/services/types.js';
import {
  clerkOf, ctxFor, deepFreeze, draft, expectRefused, morningOf, nextNumber, operatorOf, org, registeredOn, service, step, systemActor,
} from './lifecycle-fixtures.js';

// Guardianship certificate for Жұмабаева, taken in at the Timiryazev centre on 20.03.2026, in work.
const atCentre = { channel: 'centre', office: 'tmr-education', receivedBy: 'tmr-centre' } as const;
const inWork: Request = deepFreeze({ ...registeredOn('2026-03-20', 'guardianship-certificate', atCentre), state: 'IN_WORK' });
const NOTE = 'Қорғаншы тағайындау туралы әкім шешімінің көшірмесі қоса берілмеген.';

function issuedOn(request: Request, day: string): Request {
  return deepFreeze({ ...request, state: 'COMPLETED', decision: { outcome: 'issued', reasons: [], by: 'clerk.tmr-education', at: morningOf(day), decidedOn: day } });
}

const act = (request: Request, action: Action, actor: Actor, extra: Partial<Command> = {}, day = '2026-03-26', ctx = ctxFor(request, day)) =>
  transition(request, { action, actor, channel: actor.role === 'operator' ? 'centre' : actor.role === 'system' ? 'system' : 'office', ...extra }, ctx);

describe('staff act only on their own organisation\'s requests', () => {
  const completed = issuedOn(inWork, '2026-03-27');
  const cases: [Action, Request, Partial<Command>][] = [
    ['take', { ...inWork, state: 'SUBMITTED' }, {}],
    ['issue', inWork, { content: exampleResult(inWork.service) }],
    ['refuse', inWork, { reasons: ['R7'], note: NOTE }],
    ['return', inWork, { note: NOTE }],
    ['deliver', completed, {}],
    ['store', completed, {}],
  ];

  it.each(cases)('a clerk of another office cannot %s a Timiryazev request', (action, request, extra) => {
    const error = expectRefused(act(request, action, clerkOf('ekb-employment'), extra, '2026-04-30'), 'FORBIDDEN', 'lifecycle.guard.notYourOrganisation');
    expect(error.message.params).toMatchObject({ number: request.number });
  });

  it.each(cases)('the Timiryazev office\'s own clerk can %s it', (action, request, extra) => {
    expect(act(request, action, clerkOf('tmr-education'), extra, action === 'store' ? '2026-04-30' : '2026-03-26').ok).toBe(true);
  });

  it('a clerk of another archive cannot extend the Kyzylorda archive\'s request', () => {
    const archive = { ...registeredOn('2026-03-10', 'archive-certificate', { channel: 'office', office: 'kzo-archives' }), state: 'IN_WORK' as const };
    expectRefused(act(archive, 'extend', clerkOf('ast-archives'), { ground: 'MULTIPLE_ORGANISATIONS' }), 'FORBIDDEN', 'lifecycle.guard.notYourOrganisation');
  });

  it('a clerk whose account names no office cannot act at all', () => {
    expectRefused(act(inWork, 'issue', { login: 'clerk.nobody', role: 'clerk' }), 'FORBIDDEN', 'lifecycle.guard.notYourOrganisation');
  });

  it('a centre operator hands over only what their own centre took in', () => {
    expect(act(completed, 'deliver', operatorOf('tmr-centre')).ok).toBe(true);
    expectRefused(act(completed, 'deliver', operatorOf('kzo-centre')), 'FORBIDDEN', 'lifecycle.guard.notYourOrganisation');
    const fromBot = issuedOn({ ...inWork, channel: 'bot', receivedBy: 'bot' }, '2026-03-27');
    expectRefused(act(fromBot, 'deliver', operatorOf('tmr-centre')), 'FORBIDDEN', 'lifecycle.guard.notYourOrganisation');
  });

  it('a centre operator puts into storage only what their own centre took in', () => {
    expect(act(completed, 'store', operatorOf('tmr-centre'), {}, '2026-04-26').ok).toBe(true);
    expectRefused(act(completed, 'store', operatorOf('ekb-centre'), {}, '2026-04-26'), 'FORBIDDEN', 'lifecycle.guard.notYourOrganisation');
  });

  it('the bot (system) hands a result over to the citizen\'s personal cabinet', () => {
    const fromBot = issuedOn({ ...inWork, channel: 'bot', receivedBy: 'bot' }, '2026-03-27');
    expect(act(fromBot, 'deliver', systemActor).ok).toBe(true);
  });
});

describe('registration is done at the desk of the channel', () => {
  const unemployed = draft('unemployed-certificate', { channel: 'office', office: 'ekb-employment' });
  const wrongDesk: [string, Actor, Command['channel']][] = [
    ['a citizen outside the bot', { login: 'tg:781115300019', role: 'citizen' }, 'office'],
    ['a clerk at a centre', clerkOf('ekb-employment'), 'centre'],
    ['a clerk in the bot', clerkOf('ekb-employment'), 'bot'],
    ['an operator at the office', operatorOf('ekb-centre'), 'office'],
  ];

  it.each(wrongDesk)('%s cannot register a request', (_who, actor, channel) => {
    const result = transition(unemployed, { action: 'register', actor, channel, number: nextNumber() }, ctxFor(unemployed, '2026-03-20'));
    expectRefused(result, 'FORBIDDEN', 'lifecycle.guard.channelRole');
  });

  it('an operator at a mobile centre may register', () => {
    const mobile = draft('guardianship-certificate', { channel: 'mobile', office: 'tmr-education', receivedBy: 'tmr-centre' });
    const result = transition(mobile, { action: 'register', actor: operatorOf('tmr-centre'), channel: 'mobile', number: nextNumber() }, ctxFor(mobile, '2026-03-20'));
    expect(result.ok).toBe(true);
  });

  it('a request cannot be registered without the number the store allocated', () => {
    expectRefused(
      transition(unemployed, { action: 'register', actor: clerkOf('ekb-employment'), channel: 'office' }, ctxFor(unemployed, '2026-03-20')),
      'VALIDATION', 'lifecycle.numberRequired',
    );
  });

  it('a registered request carries its number, the moment and local day of submission', () => {
    const ctx = ctxFor(unemployed, '2026-03-20', { now: '2026-03-19T20:30:00.000Z' }); // 01:30 on 20.03 in Ekibastuz
    const r = step(unemployed, { action: 'register', actor: clerkOf('ekb-employment'), channel: 'office', number: '2026-000777' }, ctx).request;
    expect(r).toMatchObject({ number: '2026-000777', submittedAt: '2026-03-19T20:30:00.000Z', submittedOn: '2026-03-20' });
  });

  // BUG (guards.ts channelMatchesRole, lines 26–31): the guard compares the actor's role with the
  // command's channel, never with the request's own channel, so a clerk at the office registers a
  // request marked as taken in at a centre, which then gets the centre's due date and return window.
  it('a clerk at the office cannot register a request taken in at a centre', () => {
    const atEkbCentre = draft('unemployed-certificate', { channel: 'centre', office: 'ekb-employment', receivedBy: 'ekb-centre' });
    const result = transition(atEkbCentre, { action: 'register', actor: clerkOf('ekb-employment'), channel: 'office', number: nextNumber() }, ctxFor(atEkbCentre, '2026-03-20'));
    expectRefused(result, 'FORBIDDEN', 'lifecycle.guard.channelRole');
  });
});

describe('a motivated refusal (SPEC §4)', () => {
  const refuse = (request: Request, extra: Partial<Command>, svc?: ServiceDef) =>
    act(request, 'refuse', clerkOf(request.office), extra, '2026-03-26', ctxFor(request, '2026-03-26', svc ? { service: svc } : {}));

  it('cannot be given without a refusal reason', () => {
    expectRefused(refuse(inWork, { note: NOTE }), 'VALIDATION', 'lifecycle.guard.reasonRequired');
    expectRefused(refuse(inWork, { reasons: [], note: NOTE }), 'VALIDATION', 'lifecycle.guard.reasonRequired');
  });

  it.each([undefined, '', '   \n'])('cannot be given without a written justification (note %j)', (note) => {
    expectRefused(refuse(inWork, { reasons: ['R7'], ...(note === undefined ? {} : { note }) }), 'VALIDATION', 'lifecycle.guard.justificationRequired');
  });

  it('names the refused code and the codes the service allows', () => {
    const error = expectRefused(refuse(inWork, { reasons: ['R9'], note: NOTE }), 'VALIDATION', 'lifecycle.guard.reasonNotForService');
    expect(error.message.params).toEqual({ code: 'R9', allowed: 'R7' });
  });

  it('is refused when one of several reasons does not apply', () => {
    const error = expectRefused(refuse(inWork, { reasons: ['R7', 'R10'], note: NOTE }), 'VALIDATION', 'lifecycle.guard.reasonNotForService');
    expect(error.message.params).toMatchObject({ code: 'R10' });
  });

  it('cannot use an unknown code', () => {
    expectRefused(refuse(inWork, { reasons: ['R99'], note: NOTE }), 'VALIDATION', 'lifecycle.guard.reasonNotForService');
  });

  // Each service × each code of the catalogue: accepted exactly when the service lists it and it is a decision-stage code.
  const matrix = SERVICES.flatMap((svc) => REFUSAL_CODES.map((code) => [svc.id, code, svc.refusalReasons.includes(code) && REFUSALS[code].stage === 'decision'] as const));

  it.each(matrix)('%s, reason %s: accepted = %s', (serviceId, code, accepted) => {
    const office = service(serviceId).providerKind === 'archive' ? 'kzo-archives' : serviceId.startsWith('guardianship') ? 'tmr-education' : 'ekb-employment';
    const request = deepFreeze({ ...registeredOn('2026-03-20', serviceId, { channel: 'bot', office }), state: 'IN_WORK' as const });
    const result = refuse(request, { reasons: [code], note: NOTE });
    if (!accepted) {
      expectRefused(result, 'VALIDATION', 'lifecycle.guard.reasonNotForService');
      return;
    }
    if (!result.ok) throw new Error('expected the refusal to be accepted');
    expect(result.value.request.state).toBe('REFUSED');
    expect(result.value.request.decision).toMatchObject({ outcome: 'refused', reasons: [code], note: NOTE, by: `clerk.${office}`, at: morningOf('2026-03-26') });
  });

  it('the codes each service may refuse with are those of its regulation', () => {
    const allowed = Object.fromEntries(SERVICES.map((s) => [s.id, [...s.refusalReasons].sort()]));
    expect(allowed).toEqual({
      'archive-certificate': ['R7', 'R9'],
      'unemployed-certificate': ['R10', 'R7'],
      'disabled-child-homeschool-support': ['R7'],
      'guardianship-minor-deposits-inheritance': ['R7'],
      'guardianship-minor-property-transactions': ['R7'],
      'guardianship-certificate': ['R7'],
    });
  });

  it('cannot use an intake code or R8 (return to centre) even if a service listed it', () => {
    const careless: ServiceDef = { ...service('guardianship-certificate'), refusalReasons: ['R7', 'R8', 'R1', 'R3', 'R5a'] };
    for (const code of ['R8', 'R1', 'R3', 'R5a']) {
      const error = expectRefused(refuse(inWork, { reasons: [code], note: NOTE }, careless), 'VALIDATION', 'lifecycle.guard.reasonNotForService');
      expect(error.message.params).toMatchObject({ code });
    }
    expect(refuse(inWork, { reasons: ['R7'], note: NOTE }, careless).ok).toBe(true);
  });
});

describe('a refusal at intake (SPEC §4 R1–R5)', () => {
  const unemployed = draft('unemployed-certificate', { channel: 'office', office: 'ekb-employment' });
  const refuseIntake = (reasons?: string[]) =>
    act(unemployed, 'refuseIntake', systemActor, reasons ? { reasons } : {}, '2026-03-20');

  it.each(REFUSAL_CODES.filter((c) => REFUSALS[c].stage === 'intake'))('is given with intake code %s and leaves the request without a number', (code) => {
    const result = refuseIntake([code]);
    if (!result.ok) throw new Error('expected success');
    const r = result.value.request;
    expect(r).toMatchObject({ state: 'INTAKE_REFUSED', number: null, due: null, intakeRefusal: { reasons: [code], at: morningOf('2026-03-20') } });
    expect(r.outbox).toEqual([]);
  });

  it.each(REFUSAL_CODES.filter((c) => REFUSALS[c].stage !== 'intake'))('cannot be given with %s, a code for after registration', (code) => {
    const error = expectRefused(refuseIntake([code]), 'VALIDATION', 'lifecycle.guard.notIntakeReason');
    expect(error.message.params).toEqual({ code });
  });

  it('cannot be given without a code', () => {
    expectRefused(refuseIntake(), 'VALIDATION', 'lifecycle.guard.reasonRequired');
    expectRefused(refuseIntake([]), 'VALIDATION', 'lifecycle.guard.reasonRequired');
  });
});

describe('storing a result nobody came for', () => {
  const completed = issuedOn(inWork, '2026-03-27');
  const store = (request: Request, day: string, office = org('tmr-education')) =>
    act(request, 'store', clerkOf(request.office), {}, day, ctxFor(request, day, { office }));

  it('waits 30 days after the decision when the office sets no period', () => {
    expect(org('tmr-education').storesUncollected).toBeUndefined();
    const error = expectRefused(store(completed, '2026-04-25'), 'GUARD_FAILED', 'lifecycle.guard.notYetUncollected');
    expect(error.message.params).toEqual({ days: 30 });
    expect(store(completed, '2026-04-26').ok).toBe(true);
  });

  it('waits the period the office set (Astana: 30 days)', () => {
    const astana = issuedOn({ ...registeredOn('2026-03-10', 'archive-certificate', { channel: 'office', office: 'ast-archives' }), state: 'IN_WORK' }, '2026-03-27');
    expect(store(astana, '2026-04-25', org('ast-archives')).ok).toBe(false);
    expect(store(astana, '2026-04-26', org('ast-archives')).ok).toBe(true);
  });

  it('follows an office that keeps results for a shorter period', () => {
    const quick = { ...org('tmr-education'), storesUncollected: { days: 10 } };
    const error = expectRefused(store(completed, '2026-04-05', quick), 'GUARD_FAILED', 'lifecycle.guard.notYetUncollected');
    expect(error.message.params).toEqual({ days: 10 });
    expect(store(completed, '2026-04-06', quick).ok).toBe(true);
  });

  it('applies to refusals nobody came for too', () => {
    const refused = deepFreeze({ ...completed, state: 'REFUSED' as const });
    expect(store(refused, '2026-04-26').ok).toBe(true);
  });

  it('a stored result can still be handed over when the citizen comes', () => {
    const stored = step(completed, { action: 'store', actor: clerkOf('tmr-education'), channel: 'office' }, ctxFor(completed, '2026-04-26')).request;
    const handed = step(stored, { action: 'deliver', actor: operatorOf('tmr-centre'), channel: 'centre' }, ctxFor(stored, '2026-05-04')).request;
    expect(handed.state).toBe('ISSUED');
  });

  // A decision signed at 00:30 on 28.03 in Kazakhstan is 19:30 UTC on 27.03: the period counts
  // from the local day, 28.03, not from the UTC date of `at`.
  it('counts the period from the local day of the decision, not the UTC one', () => {
    const lateNight = deepFreeze({ ...completed, decision: { ...completed.decision!, at: '2026-03-27T19:30:00.000Z', decidedOn: '2026-03-28' } });
    expectRefused(store(lateNight, '2026-04-26'), 'GUARD_FAILED', 'lifecycle.guard.notYetUncollected');
  });
});

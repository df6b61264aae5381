import { describe, expect, it } from 'vitest';
import { deadlineStatus, deadlineStatusOf } from '../../src/core/lifecycle/deadline.js';
import { transition } from '../../src/core/lifecycle/transition.js';
import { STATES, type Request } from '../../src/core/request.js';
import type { Channel, ServiceId } from '../../src/core/services/types.js';
import {
  calendar, clerkOf, ctxFor, deepFreeze, expectRefused, inWork, morningOf, offices, registeredOn, step, type CtxOptions,
} from './lifecycle-fixtures.js';

const PROVIDER: Record<ServiceId, string> = {
  'archive-certificate': 'kzo-archives',
  'unemployed-certificate': 'ekb-employment',
  'disabled-child-homeschool-support': 'ekb-employment',
  'guardianship-minor-deposits-inheritance': 'tmr-education',
  'guardianship-minor-property-transactions': 'tmr-education',
  'guardianship-certificate': 'tmr-education',
};
const CENTRE: Partial<Record<ServiceId, string>> = {
  'archive-certificate': 'kzo-centre',
  'unemployed-certificate': 'ekb-centre',
  'guardianship-minor-deposits-inheritance': 'tmr-centre',
  'guardianship-minor-property-transactions': 'tmr-centre',
  'guardianship-certificate': 'tmr-centre',
};
const GUARDIANSHIP: ServiceId[] = ['guardianship-minor-deposits-inheritance', 'guardianship-minor-property-transactions', 'guardianship-certificate'];

const where = (serviceId: ServiceId, channel: Channel) => ({
  channel,
  office: PROVIDER[serviceId],
  ...(channel === 'centre' || channel === 'mobile' ? { receivedBy: CENTRE[serviceId]! } : {}),
});

const register = (day: string, serviceId: ServiceId, channel: Channel, office?: string): Request =>
  registeredOn(day, serviceId, { ...where(serviceId, channel), ...(office ? { office } : {}) });

describe('the due date a citizen is given at registration', () => {
  // Friday 20.03.2026, before Nauryz: 21–23 March are the holiday, 24–25 March the days moved off the weekend.
  const cases: [ServiceId, Channel, string, string, 'calendar' | 'working', number][] = [
    ['archive-certificate', 'office', '2026-03-20', '2026-04-06', 'calendar', 15], // 04.04 is a Saturday
    ['archive-certificate', 'centre', '2026-03-20', '2026-04-06', 'calendar', 15],
    ['archive-certificate', 'bot', '2026-03-20', '2026-04-06', 'calendar', 15],
    ['archive-certificate', 'office', '2026-03-10', '2026-03-26', 'calendar', 15], // 25.03 is a Nauryz day off
    ['archive-certificate', 'office', '2026-04-01', '2026-04-16', 'calendar', 15],
    ['unemployed-certificate', 'office', '2026-03-20', '2026-03-26', 'working', 1],
    ['unemployed-certificate', 'bot', '2026-03-20', '2026-03-26', 'working', 1],
    ['unemployed-certificate', 'centre', '2026-03-20', '2026-03-30', 'working', 3],
    ['unemployed-certificate', 'office', '2026-03-02', '2026-03-03', 'working', 1], // counting starts the next day
    ['unemployed-certificate', 'office', '2026-03-06', '2026-03-10', 'working', 1], // 9 March stands in for 8 March
    ['disabled-child-homeschool-support', 'office', '2026-03-20', '2026-04-08', 'working', 10],
    ['disabled-child-homeschool-support', 'bot', '2026-03-20', '2026-04-08', 'working', 10],
    ...GUARDIANSHIP.flatMap((s) => (['centre', 'mobile', 'bot'] as const).map(
      (c) => [s, c, '2026-03-20', '2026-04-01', 'working', 5] as [ServiceId, Channel, string, string, 'working', number],
    )),
  ];

  it.each(cases)('%s via %s, submitted %s: due %s (%s days: %i)', (serviceId, channel, submitted, due, unit, amount) => {
    const r = register(submitted, serviceId, channel);
    expect(r.submittedOn).toBe(submitted);
    expect(r.due).toMatchObject({ dueDate: due, rule: { unit, amount } });
    expect(r.due!.rule.source).toMatch(/S[0-4]|inferred/);
    expect(r.history.at(-1)!.dueDate).toBe(due);
  });
});

describe('returning Centre documents (S3 A1 T2 step 8)', () => {
  const NOTE = 'Қамқорлыққа алынушының ЖСН-і туу туралы куәлікке сәйкес келмейді.';
  const takenAtCentre = (serviceId: ServiceId = 'guardianship-certificate', channel: Channel = 'centre') =>
    deepFreeze(step(register('2026-03-20', serviceId, channel), { action: 'take', actor: clerkOf('tmr-education'), channel: 'office' }, ctxFor({ service: serviceId, office: 'tmr-education' }, '2026-03-26')).request);
  const giveBack = (request: Request, day: string, extra: { note?: string } = { note: NOTE }) =>
    transition(request, { action: 'return', actor: clerkOf(request.office), channel: 'office', ...extra }, ctxFor(request, day));

  it('the last day to return is fixed at registration: 3 working days, Nauryz not counted', () => {
    expect(register('2026-03-20', 'guardianship-certificate', 'centre').returnBy).toBe('2026-03-30');
    expect(register('2026-03-20', 'guardianship-certificate', 'mobile').returnBy).toBe('2026-03-30');
  });

  it('nothing can be returned from a request the citizen sent through the bot, or of a service with no return', () => {
    expect(register('2026-03-20', 'guardianship-certificate', 'bot')).not.toHaveProperty('returnBy');
    expect(register('2026-03-20', 'archive-certificate', 'centre')).not.toHaveProperty('returnBy');
    expect(register('2026-03-20', 'unemployed-certificate', 'centre')).not.toHaveProperty('returnBy');
  });

  it.each(GUARDIANSHIP)('%s: a clerk returns faulty Centre documents on the last day, with the reasons written', (serviceId) => {
    const result = giveBack(takenAtCentre(serviceId), '2026-03-30');
    if (!result.ok) throw new Error('expected success');
    const r = result.value.request;
    expect(r.state).toBe('RETURNED_TO_CENTRE');
    expect(r.decision).toMatchObject({ outcome: 'returned', note: NOTE, by: 'clerk.tmr-education', at: morningOf('2026-03-30') });
    expect(r.outbox.at(-1)).toMatchObject({ kind: 'returned', state: 'RETURNED_TO_CENTRE' });
  });

  it('documents taken in by a mobile centre can be returned too', () => {
    expect(giveBack(takenAtCentre('guardianship-certificate', 'mobile'), '2026-03-27').ok).toBe(true);
  });

  it('after the third working day the clerk must decide instead', () => {
    const error = expectRefused(giveBack(takenAtCentre(), '2026-03-31'), 'GUARD_FAILED', 'lifecycle.guard.returnTooLate');
    expect(error.message.params).toEqual({ date: '30.03.2026' });
  });

  it('cannot be done without a written justification', () => {
    expectRefused(giveBack(takenAtCentre(), '2026-03-27', {}), 'VALIDATION', 'lifecycle.guard.justificationRequired');
    expectRefused(giveBack(takenAtCentre(), '2026-03-27', { note: '  ' }), 'VALIDATION', 'lifecycle.guard.justificationRequired');
  });

  it('a request from the bot cannot be "returned to the centre"', () => {
    const fromBot = deepFreeze({ ...register('2026-03-20', 'guardianship-certificate', 'bot'), state: 'IN_WORK' as const });
    expectRefused(giveBack(fromBot, '2026-03-23'), 'GUARD_FAILED', 'lifecycle.guard.returnOnlyCentre');
  });

  it('the archive service has no return to the centre', () => {
    const archive = deepFreeze({ ...register('2026-03-20', 'archive-certificate', 'centre'), state: 'IN_WORK' as const });
    expectRefused(giveBack(archive, '2026-03-23'), 'GUARD_FAILED', 'lifecycle.guard.noReturn');
  });
});

describe('extending the archive term (S0 A1; S2 A1 T3 step 6)', () => {
  const archiveInWork = (submitted: string, office = 'kzo-archives') => deepFreeze(inWork(submitted, 'archive-certificate', { channel: 'office', office }));
  const extend = (request: Request, ground: string | undefined, day = '2026-03-16', options: CtxOptions = {}) =>
    transition(request, { action: 'extend', actor: clerkOf(request.office), channel: 'office', ...(ground ? { ground } : {}) }, ctxFor(request, day, options));

  it.each(['MULTIPLE_ORGANISATIONS', 'OLD_DOCUMENTS'])('on %s, 15 calendar days become 30, still counted from submission', (ground) => {
    const before = archiveInWork('2026-03-10');
    expect(before.due!.dueDate).toBe('2026-03-26');
    const result = extend(before, ground);
    if (!result.ok) throw new Error('expected success');
    const r = result.value.request;
    expect(r.state).toBe('IN_WORK');
    expect(r.due).toMatchObject({ dueDate: '2026-04-09', rule: { unit: 'calendar', amount: 30 } });
    expect(r.extension).toEqual({ ground, at: morningOf('2026-03-16'), on: '2026-03-16', previousDue: '2026-03-26', by: 'clerk.kzo-archives' });
    expect(r.history.at(-1)).toMatchObject({ action: 'extend', from: 'IN_WORK', to: 'IN_WORK', reasons: [ground], dueDate: '2026-04-09' });
    expect(r.outbox.at(-1)).toMatchObject({ kind: 'extended', state: 'IN_WORK', dueDate: '2026-04-09' });
  });

  it.each([
    ['2026-03-20', '2026-04-06', '2026-04-20'], // 19.04 is a Sunday
    ['2026-04-10', '2026-04-27', '2026-05-12'], // 10.05 is a Sunday, 11.05 stands in for Victory Day
  ])('submitted %s: due %s, extended to %s', (submitted, due, extended) => {
    const before = archiveInWork(submitted);
    expect(before.due!.dueDate).toBe(due);
    const result = extend(before, 'MULTIPLE_ORGANISATIONS', submitted);
    expect(result.ok && result.value.request.due!.dueDate).toBe(extended);
  });

  it('cannot be extended a second time', () => {
    const once = deepFreeze(step(archiveInWork('2026-03-10'), { action: 'extend', actor: clerkOf('kzo-archives'), channel: 'office', ground: 'OLD_DOCUMENTS' }, ctxFor({ service: 'archive-certificate', office: 'kzo-archives' }, '2026-03-16')).request);
    for (const ground of ['MULTIPLE_ORGANISATIONS', 'OLD_DOCUMENTS']) {
      const error = expectRefused(extend(once, ground, '2026-03-20'), 'GUARD_FAILED', 'lifecycle.guard.alreadyExtended');
      expect(error.message.params).toEqual({ date: '16.03.2026' });
    }
  });

  it('the 6-month ground is switched on for exactly the two Astana archive bodies', () => {
    const optedIn = offices.organisations.filter((o) => o.extensionGrounds?.['archive-certificate']?.includes('SPECIAL_CASE')).map((o) => o.id);
    expect(optedIn.sort()).toEqual(['ast-archives', 'ast-state-archive']);
  });

  it('the Kyzylorda archive cannot extend to 6 months', () => {
    const error = expectRefused(extend(archiveInWork('2026-03-10'), 'SPECIAL_CASE'), 'GUARD_FAILED', 'lifecycle.guard.groundNotForOffice');
    expect(error.message.params).toEqual({ code: 'SPECIAL_CASE' });
  });

  it('without the office\'s configuration the 6-month ground is refused, the 30-day ones are not', () => {
    expectRefused(extend(archiveInWork('2026-03-10', 'ast-state-archive'), 'SPECIAL_CASE', '2026-03-16', { office: undefined }), 'GUARD_FAILED', 'lifecycle.guard.groundNotForOffice');
    expect(extend(archiveInWork('2026-03-10'), 'OLD_DOCUMENTS', '2026-03-16', { office: undefined }).ok).toBe(true);
  });

  it.each(['ast-archives', 'ast-state-archive'])('%s may extend to 6 months from submission, ending on a working day', (office) => {
    const on10March = extend(archiveInWork('2026-03-10', office), 'SPECIAL_CASE');
    expect(on10March.ok && on10March.value.request.due).toMatchObject({ dueDate: '2026-09-10', rule: { unit: 'months', amount: 6 } });
    const on20March = extend(archiveInWork('2026-03-20', office), 'SPECIAL_CASE', '2026-03-26'); // 20.09.2026 is a Sunday
    expect(on20March.ok && on20March.value.request.due!.dueDate).toBe('2026-09-21');
  });

  it.each([undefined, 'HOLIDAYS'])('needs one of the service\'s grounds (given: %s)', (ground) => {
    const error = expectRefused(extend(archiveInWork('2026-03-10'), ground), 'VALIDATION', 'lifecycle.guard.groundRequired');
    expect(error.message.params).toEqual({ allowed: 'MULTIPLE_ORGANISATIONS, OLD_DOCUMENTS, SPECIAL_CASE' });
  });

  it.each(['unemployed-certificate', 'disabled-child-homeschool-support', ...GUARDIANSHIP] as ServiceId[])(
    '%s has no lawful extension',
    (serviceId) => {
      const r = deepFreeze({ ...register('2026-03-20', serviceId, 'bot'), state: 'IN_WORK' as const });
      expectRefused(extend(r, 'MULTIPLE_ORGANISATIONS', '2026-03-26'), 'GUARD_FAILED', 'lifecycle.guard.noExtension');
    },
  );
});

describe('overdue and due-soon marks on a clerk\'s queue', () => {
  // Archive request submitted 10.03.2026, due Thursday 26.03; 20.03 and 19.03 are the two working
  // days before it, because 23–25 March are days off.
  const request = deepFreeze(inWork('2026-03-10', 'archive-certificate', { channel: 'office', office: 'kzo-archives' }));

  it.each([
    ['2026-03-18', 'onTime'],
    ['2026-03-19', 'dueSoon'],
    ['2026-03-23', 'dueSoon'],
    ['2026-03-26', 'dueSoon'],
    ['2026-03-27', 'overdue'],
  ])('on %s the request shows as %s', (today, status) => {
    expect(deadlineStatus(request, today, calendar)).toBe(status);
  });

  it('in an ordinary week "due soon" starts two working days before the due date', () => {
    const extended = step(request, { action: 'extend', actor: clerkOf('kzo-archives'), channel: 'office', ground: 'OLD_DOCUMENTS' }, ctxFor(request, '2026-03-25')).request;
    expect(extended.due!.dueDate).toBe('2026-04-09');
    expect(['2026-03-27', '2026-04-06', '2026-04-07', '2026-04-09', '2026-04-10'].map((d) => deadlineStatus(extended, d, calendar)))
      .toEqual(['onTime', 'onTime', 'dueSoon', 'dueSoon', 'overdue']);
  });

  it.each(STATES)('a request in %s is overdue only while the office still owes the result', (state) => {
    const expected = state === 'SUBMITTED' || state === 'IN_WORK' ? 'overdue' : 'closed';
    expect(deadlineStatus({ ...request, state }, '2026-05-01', calendar)).toBe(expected);
    expect(deadlineStatusOf(state, request.due!.dueDate, '2026-05-01', calendar)).toBe(expected);
  });

  it('a request with no due date yet is never overdue', () => {
    expect(deadlineStatusOf('SUBMITTED', null, '2026-05-01', calendar)).toBe('closed');
  });
});

describe('an extension is decided while the term runs', () => {
  const archive = registeredOn('2026-03-10', 'archive-certificate', { channel: 'office', office: 'kzo-archives' });
  const inWork = { ...archive, state: 'IN_WORK' as const };
  it('is refused once the due date has passed, naming the date', () => {
    const late = transition(inWork, { action: 'extend', actor: clerkOf('kzo-archives'), channel: 'office', ground: 'OLD_DOCUMENTS' }, ctxFor(inWork, '2026-03-27'));
    const error = expectRefused(late, 'GUARD_FAILED', 'lifecycle.guard.extensionTooLate');
    expect(error.message.params).toEqual({ date: '26.03.2026' });
  });
  it('is still possible on the due date itself', () => {
    const onTheDay = transition(inWork, { action: 'extend', actor: clerkOf('kzo-archives'), channel: 'office', ground: 'OLD_DOCUMENTS' }, ctxFor(inWork, '2026-03-26'));
    expect(onTheDay.ok).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import type { Command } from '../../src/core/lifecycle/context.js';
import { TRANSITIONS, actionsFrom } from '../../src/core/lifecycle/table.js';
import { transition } from '../../src/core/lifecycle/transition.js';
import { exampleResult } from '../../src/core/services/examples.js';
import { ACTIONS, ROLES, STATES, type Action, type Decision, type OutboxItem, type Request, type Role, type State } from '../../src/core/request.js';
import {
  actorFor, ctxFor, deepFreeze, draft, expectRefused, morningOf, nextNumber, registeredOn,
} from './lifecycle-fixtures.js';

/**
 * The lifecycle table of SPEC §3.3, written out here by hand rather than read from table.ts, so a
 * changed row in the code shows up as a failing test instead of a silently changed expectation.
 */
const EXPECTED: Record<Action, { from: State[]; to: State; roles: Role[] }> = {
  register: { from: ['DRAFT'], to: 'SUBMITTED', roles: ['citizen', 'clerk', 'operator'] },
  refuseIntake: { from: ['DRAFT'], to: 'INTAKE_REFUSED', roles: ['system', 'clerk', 'operator'] },
  take: { from: ['SUBMITTED'], to: 'IN_WORK', roles: ['clerk'] },
  issue: { from: ['IN_WORK'], to: 'COMPLETED', roles: ['clerk'] },
  refuse: { from: ['IN_WORK'], to: 'REFUSED', roles: ['clerk'] },
  extend: { from: ['IN_WORK'], to: 'IN_WORK', roles: ['clerk'] },
  return: { from: ['IN_WORK'], to: 'RETURNED_TO_CENTRE', roles: ['clerk'] },
  deliver: { from: ['COMPLETED', 'REFUSED', 'STORED_UNCOLLECTED'], to: 'ISSUED', roles: ['clerk', 'operator', 'system'] },
  store: { from: ['COMPLETED', 'REFUSED'], to: 'STORED_UNCOLLECTED', roles: ['clerk', 'operator'] },
};

/** What the citizen is told after each action (SPEC §6.2); null: nothing, the request never existed for them. */
const OUTBOX: Record<Action, OutboxItem['kind'] | null> = {
  register: 'registered', refuseIntake: null, take: 'status', issue: 'result', refuse: 'result',
  extend: 'extended', return: 'returned', deliver: 'status', store: 'status',
};

// Guardianship certificate for Жұмабаева, taken in at the Timiryazev centre on Friday 20.03.2026.
const atCentre = { channel: 'centre', office: 'tmr-education', receivedBy: 'tmr-centre' } as const;
const guardianship = registeredOn('2026-03-20', 'guardianship-certificate', atCentre);
const decided = (outcome: Decision['outcome'], day: string): Request => ({
  ...guardianship,
  decision: { outcome, reasons: [], by: 'clerk.tmr-education', at: morningOf(day), decidedOn: day },
});
// Archive certificate for Нұрланова at the Kyzylorda archive, submitted Tuesday 10.03.2026.
const archive = registeredOn('2026-03-10', 'archive-certificate', { channel: 'office', office: 'kzo-archives' });

/** A request and a command for each action that every guard accepts; only state and role vary. */
interface Scenario {
  readonly request: (role: Role) => Request;
  readonly today: string;
  readonly role: Role;
  readonly command: Omit<Command, 'action' | 'actor' | 'channel'>;
}

// Registration is done where the request was taken in: the bot, the office or the centre.
const draftFor = (role: Role): Request =>
  role === 'citizen' ? draft('unemployed-certificate', { channel: 'bot', office: 'ekb-employment' })
  : role === 'operator' ? draft('unemployed-certificate', { channel: 'centre', office: 'ekb-employment', receivedBy: 'ekb-centre' })
  : draft('unemployed-certificate', { channel: 'office', office: 'ekb-employment' });

const SCENARIOS: Record<Action, Scenario> = {
  register: { request: draftFor, today: '2026-03-20', role: 'clerk', command: { number: nextNumber() } },
  refuseIntake: { request: draftFor, today: '2026-03-20', role: 'system', command: { reasons: ['R3'] } },
  take: { request: () => guardianship, today: '2026-03-26', role: 'clerk', command: {} },
  issue: { request: () => guardianship, today: '2026-03-26', role: 'clerk', command: { content: exampleResult('guardianship-certificate') } },
  refuse: {
    request: () => guardianship, today: '2026-03-26', role: 'clerk',
    command: { reasons: ['R7'], note: 'Қорғаншы тағайындау туралы әкім шешімінің көшірмесі қоса берілмеген.' },
  },
  extend: { request: () => archive, today: '2026-03-16', role: 'clerk', command: { ground: 'MULTIPLE_ORGANISATIONS' } },
  return: {
    request: () => guardianship, today: '2026-03-26', role: 'clerk',
    command: { note: 'Қамқорлыққа алынушының ЖСН-і туу туралы куәлікке сәйкес келмейді.' },
  },
  deliver: { request: () => decided('issued', '2026-03-27'), today: '2026-03-30', role: 'clerk', command: {} },
  // 27.03 + 30 calendar days: the earliest day an uncollected result may go into storage.
  store: { request: () => decided('issued', '2026-03-27'), today: '2026-04-26', role: 'clerk', command: {} },
};

function attempt(action: Action, state: State, role = SCENARIOS[action].role) {
  const s = SCENARIOS[action];
  const request = deepFreeze({ ...s.request(role), state });
  const snapshot = structuredClone(request);
  const { actor, channel } = actorFor(role, request);
  const ctx = ctxFor(request, s.today);
  const result = transition(request, { action, actor, channel, ...s.command }, ctx);
  // Whatever happened, the request that was read is exactly as it was.
  expect(request).toEqual(snapshot);
  return { request, actor, channel, ctx, result };
}

describe('the lifecycle table (SPEC §3.3)', () => {
  it('is the one written in the specification', () => {
    for (const action of ACTIONS) {
      const row = TRANSITIONS[action];
      const to = row.to === 'same' ? 'IN_WORK' : row.to;
      expect({ from: [...row.from], to, roles: [...row.roles] }, action).toEqual(EXPECTED[action]);
    }
  });

  it.each(ROLES)('offers a %s exactly the actions the table allows from each state', (role) => {
    for (const state of STATES) {
      const expected = ACTIONS.filter((a) => EXPECTED[a].from.includes(state) && EXPECTED[a].roles.includes(role));
      expect(actionsFrom(state, role), state).toEqual(expected);
    }
  });
});

describe.each(ACTIONS)('"%s" from every state', (action) => {
  const legal = EXPECTED[action].from;

  it.each(legal)('from %s succeeds and lands in the state the table names', (state) => {
    const { request, result } = attempt(action, state);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.request.state).toBe(EXPECTED[action].to);
    expect(result.value.request.version).toBe(request.version + 1);
    expect(result.value.request.id).toBe(request.id);
  });

  it.each(STATES.filter((s) => !legal.includes(s)))('from %s is refused as an illegal step and changes nothing', (state) => {
    const { result } = attempt(action, state);
    const error = expectRefused(result, 'ILLEGAL_TRANSITION', 'lifecycle.illegal');
    expect(error.message.params).toMatchObject({ action, state });
  });
});

describe.each(ACTIONS)('who may "%s"', (action) => {
  const from = EXPECTED[action].from[0]!;

  it.each(EXPECTED[action].roles)('a %s may', (role) => {
    expect(attempt(action, from, role).result.ok).toBe(true);
  });

  it.each(ROLES.filter((r) => !EXPECTED[action].roles.includes(r)))('a %s may not, and nothing changes', (role) => {
    const error = expectRefused(attempt(action, from, role).result, 'FORBIDDEN', 'lifecycle.forbiddenRole');
    expect(error.message.params).toMatchObject({ action, role });
  });
});

describe('every change leaves a trace', () => {
  it.each(ACTIONS)('"%s" appends exactly one history line saying who, when, from where, from which state to which', (action) => {
    const s = SCENARIOS[action];
    const state = EXPECTED[action].from[0]!;
    const { request, actor, channel, ctx, result } = attempt(action, state);
    if (!result.ok) throw new Error('expected success');
    const next = result.value.request;
    expect(next.history).toHaveLength(request.history.length + 1);
    expect(next.history.slice(0, -1)).toEqual(request.history);
    const line = next.history.at(-1)!;
    expect(line).toMatchObject({
      seq: request.history.length + 1, at: ctx.now, by: actor.login, role: actor.role, channel, action, from: state, to: EXPECTED[action].to,
    });
    const reasons = s.command.ground ? [s.command.ground] : s.command.reasons;
    if (reasons) expect(line.reasons).toEqual(reasons);
    else expect(line).not.toHaveProperty('reasons');
    if (s.command.note) expect(line.note).toBe(s.command.note);
    else expect(line).not.toHaveProperty('note');
    expect(next.updatedAt).toBe(ctx.now);
    expect(result.value.events).toEqual([
      { type: 'request.changed', requestId: request.id, number: next.number, action, from: state, to: EXPECTED[action].to, at: ctx.now },
    ]);
  });

  it('a history note is kept without the spaces typed around it', () => {
    const s = SCENARIOS.refuse;
    const { actor, channel } = actorFor('clerk', guardianship);
    const request = { ...guardianship, state: 'IN_WORK' as const };
    const result = transition(request, { action: 'refuse', actor, channel, reasons: ['R7'], note: `  ${s.command.note}\n` }, ctxFor(request, s.today));
    if (!result.ok) throw new Error('expected success');
    expect(result.value.request.history.at(-1)!.note).toBe(s.command.note);
    expect(result.value.request.decision!.note).toBe(s.command.note);
  });

  it('a request walked from draft to handed over has one line per step and a version per step', () => {
    let r = draft('guardianship-certificate', atCentre);
    const steps: [Action, Role, string, Omit<Command, 'action' | 'actor' | 'channel'>][] = [
      ['register', 'operator', '2026-03-20', { number: nextNumber() }],
      ['take', 'clerk', '2026-03-26', {}],
      ['issue', 'clerk', '2026-03-27', { content: exampleResult('guardianship-certificate') }],
      ['deliver', 'operator', '2026-03-30', {}],
    ];
    for (const [action, role, day, extra] of steps) {
      const result = transition(r, { action, ...actorFor(role, r), ...extra }, ctxFor(r, day));
      if (!result.ok) throw new Error(`${action} refused`);
      r = result.value.request;
    }
    expect(r.state).toBe('ISSUED');
    expect(r.version).toBe(5);
    expect(r.history.map((h) => [h.seq, h.action, h.from, h.to])).toEqual([
      [1, 'register', 'DRAFT', 'SUBMITTED'], [2, 'take', 'SUBMITTED', 'IN_WORK'], [3, 'issue', 'IN_WORK', 'COMPLETED'], [4, 'deliver', 'COMPLETED', 'ISSUED'],
    ]);
    expect(r.outbox.map((o) => o.kind)).toEqual(['registered', 'status', 'result', 'status']);
  });
});

describe('what the citizen is told (outbox)', () => {
  it.each(ACTIONS)('after "%s" the outbox gets the right notice, stamped with the new state', (action) => {
    const { request, ctx, result } = attempt(action, EXPECTED[action].from[0]!);
    if (!result.ok) throw new Error('expected success');
    const next = result.value.request;
    const kind = OUTBOX[action];
    if (kind === null) {
      expect(next.outbox).toEqual(request.outbox);
      return;
    }
    expect(next.outbox).toHaveLength(request.outbox.length + 1);
    const item = next.outbox.at(-1)!;
    expect(item).toMatchObject({ id: 'outbox-1', kind, at: ctx.now, state: EXPECTED[action].to });
    expect(item).not.toHaveProperty('deliveredAt');
    // Only notices that set or move the due date carry one.
    if (kind === 'registered' || kind === 'extended') expect(item.dueDate).toBe(next.due!.dueDate);
    else expect(item).not.toHaveProperty('dueDate');
  });
});

describe('the lifecycle is a pure function', () => {
  it.each(ACTIONS)('"%s" never writes into the request it was given (deep-frozen input)', (action) => {
    // attempt() freezes the input and compares it with a copy afterwards; a write would throw.
    const { request, result } = attempt(action, EXPECTED[action].from[0]!);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value.request).not.toBe(request);
  });

  it('gives the same answer for the same request, command and day', () => {
    const s = SCENARIOS.refuse;
    const request = deepFreeze({ ...guardianship, state: 'IN_WORK' as const });
    const command: Command = { action: 'refuse', ...actorFor('clerk', request), ...s.command };
    expect(transition(request, command, ctxFor(request, s.today))).toEqual(transition(request, command, ctxFor(request, s.today)));
  });
});

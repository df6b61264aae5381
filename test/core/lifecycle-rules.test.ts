import { describe, expect, it } from 'vitest';
import { channelOf, ROLE_CHANNELS } from '../../src/core/lifecycle/channels.js';
import { TRANSITIONS } from '../../src/core/lifecycle/table.js';
import { transition } from '../../src/core/lifecycle/transition.js';
import { RESULT_STATES, type Actor } from '../../src/core/request.js';
import type { ServiceDef } from '../../src/core/services/types.js';
import { citizen, clerkOf, ctxFor, draft, nextNumber, operatorOf } from './lifecycle-fixtures.js';

// Rules every front-end reads from the core instead of keeping its own copy (issue 14).

describe('each role registers through its own desk', () => {
  const desks: Array<[string, Actor, 'office' | 'centre' | 'bot']> = [
    ['a clerk', clerkOf('tmr-education'), 'office'],
    ['an operator', operatorOf('tmr-centre'), 'centre'],
    ['a citizen', citizen, 'bot'],
  ];
  it.each(desks)('%s acts through the channel the registration guard expects of them', (_who, actor, channel) => {
    expect(channelOf(actor.role)).toBe(channel);
    const d = draft('archive-certificate', { channel, office: 'tmr-education', ...(channel === 'centre' ? { receivedBy: 'tmr-centre' } : {}) });
    const registered = transition(d, { action: 'register', actor, channel: channelOf(actor.role), number: nextNumber() }, ctxFor(d, '2026-03-20'));
    expect(registered.ok).toBe(true);
  });

  it('staff with no desk of their own act as the office does', () => {
    for (const role of ['supervisor', 'admin', 'callcentre'] as const) {
      expect(ROLE_CHANNELS[role]).toBeUndefined();
      expect(channelOf(role)).toBe('office');
    }
  });
});

describe('the result is out once it is issued or refused, until it is handed over or stored', () => {
  it('the result states are exactly where issuing, refusing, handing over and storing lead', () => {
    const reached = new Set((['issue', 'refuse', 'deliver', 'store'] as const).map((a) => TRANSITIONS[a].to));
    expect(new Set(RESULT_STATES)).toEqual(reached);
  });
});

describe('each action says what it needs and whether its result is signed', () => {
  const rows = Object.entries(TRANSITIONS);

  it('a signed result is exactly a decision that puts the result out: issuing and refusing', () => {
    const signed = rows.filter(([, row]) => row.signed).map(([action]) => action);
    const decided = rows.filter(([, row]) => row.from.includes('IN_WORK') && row.to !== 'same' && RESULT_STATES.includes(row.to)).map(([action]) => action);
    expect(signed).toEqual(decided);
    expect(signed).toEqual(['issue', 'refuse']);
  });

  it.each(rows)('%s asks for reasons and a ground exactly where its guards check them', (_action, row) => {
    expect(row.needs.reasons === 'decision').toBe(row.guards.includes('decisionReasons'));
    expect(row.needs.reasons === 'intake').toBe(row.guards.includes('intakeReasons'));
    expect(row.needs.ground === true).toBe(row.guards.includes('extensionGround'));
  });

  it('a refusal asks for a justification and a return for its reasons in writing; an extension may carry a note', () => {
    expect(TRANSITIONS.refuse.needs.note).toBe('justification');
    expect(TRANSITIONS.return.needs.note).toBe('reasons');
    expect(TRANSITIONS.extend.needs.note).toBe('optional');
    expect(TRANSITIONS.issue.needs.content).toBe(true);
  });
});

describe('refusal reasons are codes of the refusal catalogue', () => {
  it('a service listing a code the catalogue lacks does not compile', () => {
    // @ts-expect-error 'R99' is not a RefusalCode
    const reasons: ServiceDef['refusalReasons'] = ['R99'];
    expect(reasons).toHaveLength(1);
  });

  it('a refusal with a code the catalogue lacks is refused, and stores only catalogue codes', () => {
    const d = draft('archive-certificate', { channel: 'office', office: 'tmr-education' });
    const refused = transition(d, { action: 'refuseIntake', actor: clerkOf('tmr-education'), channel: 'office', reasons: ['R99'] }, ctxFor(d, '2026-03-20'));
    expect(refused.ok).toBe(false);
    const kept = transition(d, { action: 'refuseIntake', actor: clerkOf('tmr-education'), channel: 'office', reasons: ['R1'] }, ctxFor(d, '2026-03-20'));
    expect(kept.ok && kept.value.request.intakeRefusal?.reasons).toEqual(['R1']);
  });
});

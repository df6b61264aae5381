import { describe, expect, it } from 'vitest';
import { transition } from '../../src/core/lifecycle/transition.js';
import type { Request } from '../../src/core/request.js';
import { clerkOf, ctxFor, deepFreeze, expectRefused, registeredOn } from '../core/lifecycle-fixtures.js';

/** A clerk's note goes into the history and the refusal letter, and is read on other clerks' terminals. */
const atCentre = { channel: 'centre', office: 'tmr-education', receivedBy: 'tmr-centre' } as const;
const inWork: Request = deepFreeze({ ...registeredOn('2026-03-20', 'guardianship-certificate', atCentre), state: 'IN_WORK' });
const clerk = { ...clerkOf('tmr-education'), fullName: 'Ахметова\u202E Роза\x1b[5m' };
const refuse = (note: string) =>
  transition(inWork, { action: 'refuse', actor: clerk, channel: 'office', reasons: ['R7'], note }, ctxFor(inWork, '2026-03-26'));

describe('a refusal\'s justification', () => {
  it('is stored without escape sequences or overrides, its words and line breaks kept, and so is the signer\'s name', () => {
    const result = refuse('Шешімнің көшірмесі\x1b]0;PWNED\x07 жоқ.\n\u202EҚосымша: R7');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { request } = result.value;
    expect(request.decision?.note).toBe('Шешімнің көшірмесі жоқ.\nҚосымша: R7');
    expect(request.history.at(-1)?.note).toBe('Шешімнің көшірмесі жоқ.\nҚосымша: R7');
    expect(request.decision?.byName).toBe('Ахметова Роза');
  });

  it('made of escape sequences alone counts as no justification', () => {
    expectRefused(refuse('\x1b[31m\x1b]0;x\x07\u202E'), 'VALIDATION', 'lifecycle.guard.justificationRequired');
  });
});

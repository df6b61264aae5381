import { describe, expect, it } from 'vitest';
import { failuresLeft, LOOKUP_THROTTLE, lookupAllowedAt, recentFailures } from '../../src/app/lookup-throttle.js';

// One rule for guessing request numbers, used by the call-centre's look-up and the bot's status check.
const T0 = Date.parse('2026-03-10T05:00:00.000Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();

describe('status look-ups pause after repeated failures, at every door alike', () => {
  it('five failures within ten minutes pause look-ups; four do not', () => {
    expect(LOOKUP_THROTTLE).toEqual({ maxFailures: 5, windowMs: 10 * 60_000 });
    const four = [at(0), at(1), at(2), at(3)];
    expect(lookupAllowedAt(four, T0 + 4 * 60_000)).toBeNull();
    expect(failuresLeft(four, T0 + 4 * 60_000)).toBe(1);
    expect(lookupAllowedAt([...four, at(4)], T0 + 4 * 60_000)?.toISOString()).toBe(at(10));
    expect(failuresLeft([...four, at(4)], T0 + 4 * 60_000)).toBe(0);
  });

  it('the pause ends when the failure that reached the limit leaves the window, whatever order the failures come in', () => {
    const newestFirst = [at(9), at(8), at(7), at(6), at(5), at(1)];
    expect(lookupAllowedAt(newestFirst, T0 + 9 * 60_000)?.toISOString()).toBe(at(15));
  });

  it('a failure exactly one window old no longer counts', () => {
    const failures = [at(0), at(1), at(2), at(3), at(4)];
    expect(lookupAllowedAt(failures, T0 + 10 * 60_000)).toBeNull();
    expect(recentFailures(failures, T0 + 10 * 60_000)).toEqual([at(1), at(2), at(3), at(4)]);
  });

  it('a stricter rule can be passed (the call-centre\'s options)', () => {
    expect(lookupAllowedAt([at(0), at(1)], T0 + 60_000, { maxFailures: 2, windowMs: 5 * 60_000 })?.toISOString()).toBe(at(5));
  });
});

import type { AuditEntry, AuditStore } from '../store/port.js';

/**
 * The one rule for status look-ups by number, for the call-centre (lookups.ts) and for the
 * citizen's status check in the bot (citizen-desk.ts): this many failed look-ups within the window,
 * then a pause. Guessing numbers to find someone's request must be slow, whichever door it is tried
 * through. Both doors write every look-up to the audit log before answering, and the failures are
 * read back from there (auditedFailures); the rest is pure, with `now` passed in.
 */
export interface LookupThrottle {
  /** Failed look-ups (not found, invalid number, wrong digits) allowed within the window. */
  readonly maxFailures: number;
  readonly windowMs: number;
}

export const LOOKUP_THROTTLE: LookupThrottle = { maxFailures: 5, windowMs: 10 * 60_000 };

/** The failures (ISO times, any order) still inside the window at `now`, oldest first. */
export function recentFailures(failures: readonly string[], now: number, rule: LookupThrottle = LOOKUP_THROTTLE): string[] {
  return failures.filter((at) => now - Date.parse(at) < rule.windowMs).sort((a, b) => Date.parse(a) - Date.parse(b));
}

/**
 * When a look-up is allowed again, or null if it is allowed now. Once the failure that put the
 * count at the limit leaves the window, one more look-up is allowed; a failure exactly one window
 * old has just left it.
 */
export function lookupAllowedAt(failures: readonly string[], now: number, rule: LookupThrottle = LOOKUP_THROTTLE): Date | null {
  const recent = recentFailures(failures, now, rule);
  if (recent.length < rule.maxFailures) return null;
  return new Date(Date.parse(recent[recent.length - rule.maxFailures]!) + rule.windowMs);
}

/** Failed look-ups left before the pause. */
export function failuresLeft(failures: readonly string[], now: number, rule: LookupThrottle = LOOKUP_THROTTLE): number {
  return Math.max(0, rule.maxFailures - recentFailures(failures, now, rule).length);
}

/** The outcomes that count as failed: a number not found (or the wrong IIN digits for it), or no number at all. */
const FAILED: ReadonlySet<AuditEntry['outcome']> = new Set(['notFound', 'invalid']);

/** An actor's failed look-ups still inside the window, as the audit log has them (the pause outlives a restart). */
export async function auditedFailures(audit: Pick<AuditStore, 'listAudit'>, actor: string, now: number, rule: LookupThrottle = LOOKUP_THROTTLE): Promise<string[]> {
  const since = new Date(now - rule.windowMs).toISOString();
  const recent = await audit.listAudit({ kind: 'lookup', actor, since });
  return recentFailures(recent.filter((e) => FAILED.has(e.outcome)).map((e) => e.at), now, rule);
}

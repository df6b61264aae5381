import type { Clock } from '../app/clock.js';
import type { ClerkDesk } from '../app/clerk-desk.js';
import type { CallCentreLookups } from '../app/lookups.js';
import type { Reference } from '../config/reference.js';
import type { StaffAuthenticator } from '../app/auth.js';

/**
 * Everything a TUI session needs from the rest of the system: desks of src/app, never the store.
 * One set is shared by every session of a process (`anyqtama serve` hosts many), so a decision
 * made in one session is seen by all.
 */
export interface TuiServices {
  /** Clerks', operators' and supervisors' work: open, queue, decide, counter intake, the report. */
  readonly clerk: ClerkDesk;
  readonly reference: Reference;
  readonly clock: Clock;
  /** The data folder: decisions' PDFs are written under DATA_DIR/out/. */
  readonly dataDir: string;
  /** Staff log-in (src/app/auth.ts StaffAuthenticator): checks, throttles and logs attempts. */
  readonly auth: StaffAuthenticator;
  /** The call-centre's masked, logged, throttled status look-up. */
  readonly lookups: CallCentreLookups;
}

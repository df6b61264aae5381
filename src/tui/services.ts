import type { Clock } from '../app/clock.js';
import type { CallCentreLookups } from '../app/lookups.js';
import type { RequestService } from '../app/requests.js';
import type { Reference } from '../config/reference.js';
import type { StaffAuthenticator } from '../app/auth.js';
import type { RequestReader, UserStore } from '../store/port.js';

/**
 * Everything a TUI session needs from the rest of the system. One set is shared by every session
 * of a process (`anyqtama serve` hosts many), so a decision made in one session is seen by all.
 */
export interface TuiServices {
  /**
   * Screens read requests here (the request and intake screens, the supervisor's report), past the
   * desks in src/app: to go once RequestService answers them (issue 14). Read-only, so no screen
   * writes to the store.
   */
  readonly store: RequestReader & Pick<UserStore, 'listUsers'>;
  readonly requests: RequestService;
  readonly reference: Reference;
  readonly clock: Clock;
  /** The data folder: decisions' PDFs are written under DATA_DIR/out/. */
  readonly dataDir: string;
  /** Staff log-in (src/app/auth.ts StaffAuthenticator): checks, throttles and logs attempts. */
  readonly auth: StaffAuthenticator;
  /** The call-centre's masked, logged, throttled status look-up. */
  readonly lookups: CallCentreLookups;
}

import { clockFromEnv, systemClock } from '../app/clock.js';
import { StaffAuthenticator } from '../app/auth.js';
import { ClerkDesk } from '../app/clerk-desk.js';
import { CallCentreLookups } from '../app/lookups.js';
import type { RequestService } from '../app/requests.js';
import { ok, type DomainError, type Result } from '../core/result.js';
import type { Store } from '../store/port.js';
import type { TuiServices } from '../tui/services.js';
import type { CliContext } from './context.js';

/**
 * The TUI's services plus what they were built on: the process that opened the store closes it,
 * sweeps it, leases it, and hands the request service to the bot and the control socket.
 */
export interface HostedTuiServices extends TuiServices {
  readonly store: Store;
  readonly requests: RequestService;
}

/**
 * Opens the store and builds the one set of services every TUI session of this process shares
 * (`anyqtama tui` has one session, `anyqtama serve` many). The caller closes the store.
 */
export async function openTuiServices(ctx: CliContext, options: { readonly log?: (line: string) => void } = {}): Promise<Result<HostedTuiServices, DomainError>> {
  const opened = await ctx.open();
  if (!opened.ok) return opened;
  const { store, service } = opened.value;
  const clock = clockFromEnv(ctx.io.env);
  return ok({
    store,
    requests: service,
    clerk: new ClerkDesk(service, store),
    reference: service.reference,
    clock,
    dataDir: ctx.dataDir,
    // Log-in locks run out in real time, even when the business clock is pinned (ANYQTAMA_NOW).
    auth: new StaffAuthenticator(store, systemClock, options.log ? { log: options.log } : {}),
    lookups: new CallCentreLookups(service, store, clock),
  });
}

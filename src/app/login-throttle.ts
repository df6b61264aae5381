export interface ThrottleOptions {
  /** Failed passwords of one login from one address, within `windowMs`, that cost nothing. Default 3. */
  readonly freeFailures?: number;
  /** The wait after the next failure of that pair; each further failure doubles it, up to `maxDelayMs`. Default 1 s and 15 min. */
  readonly firstDelayMs?: number;
  readonly maxDelayMs?: number;
  /** How long failures are remembered. Default 15 min. */
  readonly windowMs?: number;
  /**
   * Different logins that failed from one address within `windowMs` before password log-ins from
   * that address wait (password spraying). Default 50: far more than an office behind one NAT
   * address mistypes in a quarter of an hour.
   */
  readonly sprayLogins?: number;
  /** The first such wait; doubles each time the address sprays again, up to `maxSprayLockMs`. Default 1 min and 1 h. */
  readonly sprayLockMs?: number;
  readonly maxSprayLockMs?: number;
  /** A login that logged in from an address within this long is not held back by that address's spray wait. Default 30 days. */
  readonly knownForMs?: number;
  /** Failures of one login from all addresses within `windowMs` that are reported (and each further such number). Default 20. */
  readonly reportFailures?: number;
  /** One line per wait imposed and per reported guessing, for the daemon's log. */
  readonly log?: (line: string) => void;
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const DEFAULTS: Required<Omit<ThrottleOptions, 'log'>> = {
  freeFailures: 3,
  firstDelayMs: SECOND,
  maxDelayMs: 15 * MINUTE,
  windowMs: 15 * MINUTE,
  sprayLogins: 50,
  sprayLockMs: MINUTE,
  maxSprayLockMs: 60 * MINUTE,
  knownForMs: 30 * 24 * 60 * MINUTE,
  reportFailures: 20,
};

/** Entries each map may hold: the oldest go first, so a flood of addresses cannot grow the daemon. */
const MAX_ENTRIES = 50_000;

interface Pair {
  /** Failures in a row, until a quiet `windowMs` after the last failure and its wait forgets them. */
  failures: number;
  last: number;
  until: number;
}

interface Source {
  /** Logins that failed from this address, with the time of the last failure. */
  logins: Map<string, number>;
  until: number;
  locks: number;
}

/**
 * How long a password log-in must wait, after failures, in the manner of OpenSSH 9.8's
 * PerSourcePenalties and fail2ban rather than an account lock-out (findings 2026-12, M3: five
 * wrong passwords from anywhere used to lock a clerk out for 15 minutes and more):
 *
 * - guesses at one login from one address: a few are free, then each waits twice as long as the
 *   one before (1 s, 2 s, 4 s … 15 min). Nothing stops the clerk at another desk;
 * - one address failing with many different logins (spraying) makes password log-ins from it
 *   wait, except for logins that logged in from it before, so an office behind one NAT address
 *   keeps working while someone in it sprays;
 * - a login guessed at from many addresses is never locked (that would be the lock-out weapon
 *   again): it is reported to the log for the administrator, and the scrypt cost and password
 *   rules carry the rest. Public keys are never throttled.
 *
 * Everything is in memory: a restart forgets it, which costs an attacker a restart they cannot cause.
 */
export class LoginThrottle {
  private readonly options: Required<Omit<ThrottleOptions, 'log'>>;
  private readonly pairs = new Map<string, Pair>();
  private readonly sources = new Map<string, Source>();
  /** Login and address pairs that logged in, with when. */
  private readonly known = new Map<string, number>();
  /** Recent failures of each login from any address, only for the report. */
  private readonly byLogin = new Map<string, Array<{ at: number; source: string }>>();

  constructor(
    private readonly now: () => number,
    private readonly settings: ThrottleOptions = {},
  ) {
    this.options = { ...DEFAULTS, ...settings };
  }

  /** How long a password log-in of `login` from `source` must wait now; 0 when it may go ahead. */
  waitMs(login: string, source: string): number {
    const now = this.now();
    const pair = this.pairs.get(pairKey(login, source));
    const pairWait = pair ? Math.max(0, pair.until - now) : 0;
    const address = this.sources.get(source);
    const sourceWait = address && !this.isKnown(login, source, now) ? Math.max(0, address.until - now) : 0;
    return Math.max(pairWait, sourceWait);
  }

  /** Counts a failed password; returns the wait it imposed on this pair or address (0: none). */
  failure(login: string, source: string): number {
    const now = this.now();
    const pairWait = this.pairFailure(login, source, now);
    const sourceWait = this.sourceFailure(login, source, now);
    this.report(login, source, now);
    return Math.max(pairWait, this.isKnown(login, source, now) ? 0 : sourceWait);
  }

  /** A right password: this pair starts afresh and is known from now on. */
  success(login: string, source: string): void {
    const key = pairKey(login, source);
    this.pairs.delete(key);
    this.known.delete(key);
    this.known.set(key, this.now());
    trim(this.known);
  }

  private pairFailure(login: string, source: string, now: number): number {
    const key = pairKey(login, source);
    const quiet = (p: Pair) => now - Math.max(p.last, p.until) >= this.options.windowMs;
    const found = this.pairs.get(key);
    // Counted from the last failure, not in a sliding window: waits that grow past the window
    // would otherwise let old failures fall out and the wait shrink back to a second.
    const pair = found && !quiet(found) ? found : { failures: 0, last: now, until: 0 };
    this.pairs.delete(key);
    this.pairs.set(key, pair);
    trim(this.pairs, quiet);
    pair.failures += 1;
    pair.last = now;
    const over = pair.failures - this.options.freeFailures;
    if (over <= 0) return 0;
    const wait = Math.min(this.options.firstDelayMs * 2 ** Math.min(over - 1, 30), this.options.maxDelayMs);
    pair.until = now + wait;
    this.log(`log-in penalty: ${printable(login)} from ${printable(source)} waits ${duration(wait)} after ${pair.failures} wrong passwords`);
    return wait;
  }

  private sourceFailure(login: string, source: string, now: number): number {
    const address = this.sources.get(source) ?? { logins: new Map<string, number>(), until: 0, locks: 0 };
    this.sources.delete(source);
    this.sources.set(source, address);
    trim(this.sources, (s) => s.until < now && [...s.logins.values()].every((at) => now - at > this.options.windowMs));
    for (const [name, at] of address.logins) if (now - at >= this.options.windowMs) address.logins.delete(name);
    address.logins.delete(login);
    address.logins.set(login, now);
    if (address.logins.size < this.options.sprayLogins || address.until > now) return Math.max(0, address.until - now);
    const wait = Math.min(this.options.sprayLockMs * 2 ** Math.min(address.locks, 30), this.options.maxSprayLockMs);
    address.until = now + wait;
    address.locks += 1;
    address.logins.clear();
    this.log(`log-in penalty: address ${printable(source)} failed with ${this.options.sprayLogins} different logins; password log-ins from it wait ${duration(wait)}, except logins that used it before`);
    return wait;
  }

  private report(login: string, source: string, now: number): void {
    const recent = (this.byLogin.get(login) ?? []).filter((f) => now - f.at < this.options.windowMs);
    recent.push({ at: now, source });
    this.byLogin.delete(login);
    this.byLogin.set(login, recent);
    trim(this.byLogin, (list) => list.every((f) => now - f.at >= this.options.windowMs));
    if (recent.length % this.options.reportFailures !== 0) return;
    const addresses = new Set(recent.map((f) => f.source)).size;
    this.log(`password guessing at ${printable(login)}: ${recent.length} wrong passwords from ${addresses} addresses in ${duration(this.options.windowMs)}; the login is not locked`);
  }

  private isKnown(login: string, source: string, now: number): boolean {
    const at = this.known.get(pairKey(login, source));
    return at !== undefined && now - at < this.options.knownForMs;
  }

  private log(line: string): void {
    this.settings.log?.(line);
  }
}

const pairKey = (login: string, source: string) => `${login}\n${source}`;

/**
 * Keeps a map bounded: first drops entries `stale` says are over, then, if still too big, the
 * oldest (maps keep insertion order, and entries are re-inserted when used).
 */
function trim<V>(map: Map<string, V>, stale?: (value: V) => boolean): void {
  if (map.size <= MAX_ENTRIES) return;
  if (stale) for (const [key, value] of map) if (stale(value)) map.delete(key);
  for (const key of map.keys()) {
    if (map.size <= MAX_ENTRIES * 0.9) break;
    map.delete(key);
  }
}

/** A login or address as typed by anyone: no control characters (a forged log line), not too long. */
function printable(text: string): string {
  const clean = text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
  return JSON.stringify(clean.length > 64 ? `${clean.slice(0, 64)}…` : clean);
}

function duration(ms: number): string {
  return ms < MINUTE ? `${Math.ceil(ms / SECOND)} s` : `${Math.round(ms / MINUTE)} min`;
}

import { domainError, fail, ok, type DomainError, type Result } from '../core/result.js';
import type { Store, User } from '../store/port.js';
import type { Clock } from './clock.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { KeyedSerial } from '../core/serial.js';
import { orUnavailable } from './unavailable.js';

export interface ThrottleOptions {
  /** Failed password log-ins for one login within `windowMs` before it is locked. */
  readonly maxFailures?: number;
  /** Failed password log-ins from one address (any login) within `windowMs` before it is locked: higher, since an office shares one address. */
  readonly maxSourceFailures?: number;
  readonly windowMs?: number;
  /** The first lock; each further lock of the same login or address lasts twice as long, up to `maxLockMs`. */
  readonly lockMs?: number;
  readonly maxLockMs?: number;
}

const MINUTE = 60_000;
const DEFAULTS: Required<ThrottleOptions> = {
  maxFailures: 5,
  maxSourceFailures: 20,
  windowMs: 15 * MINUTE,
  lockMs: 15 * MINUTE,
  maxLockMs: 24 * 60 * MINUTE,
};

/** The public key a client offered: its algorithm name and the key in SSH wire format. */
export interface OfferedKey {
  readonly algo: string;
  readonly data: Buffer;
}

interface Attempts {
  /** Times (ms) of failures inside the window. */
  failures: number[];
  lockedUntil: number;
  /** Locks so far: the next one lasts lockMs · 2^locks. */
  locks: number;
}

const failed = (): DomainError => domainError('FORBIDDEN', { key: 'auth.failed' });

/**
 * Staff log-in for every front-end (SSH, the TUI's log-in screen): checks a password or a public
 * key against the store and slows down guessing. Unknown login and wrong password get the same
 * answer, and take the same time, so nobody learns which logins exist. Failure counts live in
 * memory: a restart forgets them, which costs an attacker a restart they cannot cause.
 *
 * The clock should be real time even when the business clock is pinned (ANYQTAMA_NOW):
 * a lock must run out.
 */
export class StaffAuthenticator {
  private readonly options: Required<ThrottleOptions>;
  private readonly byLogin = new Map<string, Attempts>();
  private readonly bySource = new Map<string, Attempts>();
  /** Password checks of one login run one after another, so parallel guesses cannot slip past the count. */
  private readonly queues = new KeyedSerial<string>();
  private dummyHash: Promise<string> | null = null;

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    options: ThrottleOptions = {},
  ) {
    this.options = { ...DEFAULTS, ...options };
  }

  /** Checks a password. `source` is where the attempt comes from (an IP address, 'local'). */
  password(login: string, password: string, source: string): Promise<Result<User>> {
    return orUnavailable(() => this.queues.run(login, async () => {
      const lock = this.locked(login, source);
      if (lock) return fail(lock);
      const user = await this.store.getUser(login);
      // An unknown login still costs one scrypt, so the answer's timing does not tell it apart.
      const matches = user?.passwordHash
        ? await verifyPassword(password, user.passwordHash)
        : (await verifyPassword(password, await this.dummy()), false);
      if (!user || !matches) {
        const now = this.now();
        const loginLocked = this.recordFailure(this.byLogin, login, now, this.options.maxFailures);
        const sourceLocked = this.recordFailure(this.bySource, source, now, this.options.maxSourceFailures);
        return fail(loginLocked || sourceLocked ? this.locked(login, source) ?? failed() : failed());
      }
      // Only someone who knows the password learns that the account is disabled.
      if (user.disabled) return fail(domainError('FORBIDDEN', { key: 'app.userDisabled', params: { login } }));
      this.byLogin.delete(login);
      return ok(user);
    }));
  }

  /**
   * Whether `key` is one of the user's public keys. The caller checks the signature (the SSH
   * protocol's part). A key cannot be guessed, so an offered key that does not fit is not counted
   * as a failure (clients offer every key they hold) and a login locked by password guesses still
   * opens with its key: guessing at a clerk's password cannot lock the clerk out. An address that
   * is locked stays locked for every method.
   */
  async publicKey(login: string, key: OfferedKey, source: string): Promise<Result<User>> {
    const locked = this.remaining(this.bySource, source);
    if (locked > 0) return fail(throttled(locked));
    const found = await orUnavailable(async () => ok(await this.store.getUser(login)));
    if (!found.ok) return found;
    const user = found.value;
    if (!user || !(user.publicKeys ?? []).some((line) => sameKey(line, key))) return fail(failed());
    if (user.disabled) return fail(domainError('FORBIDDEN', { key: 'app.userDisabled', params: { login } }));
    return ok(user);
  }

  private now(): number {
    return this.clock.now().getTime();
  }

  private dummy(): Promise<string> {
    this.dummyHash ??= hashPassword('no such login');
    return this.dummyHash;
  }

  /** The THROTTLED answer a password log-in would get now, or null: lets a front-end say so before asking for the password. */
  locked(login: string, source: string): DomainError | null {
    const ms = Math.max(this.remaining(this.byLogin, login), this.remaining(this.bySource, source));
    return ms > 0 ? throttled(ms) : null;
  }

  private remaining(map: Map<string, Attempts>, key: string): number {
    const entry = map.get(key);
    if (!entry) return 0;
    const now = this.now();
    // A quiet day after the last lock forgets the record, and with it the growing lock length.
    if (entry.failures.every((at) => now - at > this.options.windowMs) && now - entry.lockedUntil > this.options.maxLockMs) {
      map.delete(key);
      return 0;
    }
    return Math.max(0, entry.lockedUntil - now);
  }

  /** Counts a failure; true when it locked the login or address. */
  private recordFailure(map: Map<string, Attempts>, key: string, now: number, max: number): boolean {
    this.sweep(map, now);
    const entry = map.get(key) ?? { failures: [], lockedUntil: 0, locks: 0 };
    map.set(key, entry);
    entry.failures = entry.failures.filter((at) => now - at < this.options.windowMs);
    entry.failures.push(now);
    if (entry.failures.length < max) return false;
    entry.lockedUntil = now + Math.min(this.options.lockMs * 2 ** entry.locks, this.options.maxLockMs);
    entry.locks += 1;
    entry.failures = [];
    return true;
  }

  /** Keeps the maps small when many logins or addresses are tried. */
  private sweep(map: Map<string, Attempts>, now: number): void {
    if (map.size < 1000) return;
    for (const [key, entry] of map) {
      if (entry.lockedUntil < now && entry.failures.every((at) => now - at > this.options.windowMs)) map.delete(key);
    }
  }
}

function throttled(ms: number): DomainError {
  return domainError('THROTTLED', { key: 'auth.throttled', params: { minutes: Math.max(1, Math.ceil(ms / MINUTE)) } });
}

/** An OpenSSH public key line ("ssh-ed25519 AAAA... comment") holds the key's wire format in base64. */
function sameKey(line: string, key: OfferedKey): boolean {
  const [, base64] = line.trim().split(/\s+/);
  if (!base64) return false;
  return Buffer.from(base64, 'base64').equals(key.data);
}

import { domainError, fail, ok, type DomainError, type Result } from '../core/result.js';
import type { User, UserStore } from '../store/port.js';
import type { Clock } from './clock.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { KeyedSerial } from '../core/serial.js';
import { orUnavailable } from './unavailable.js';
import { LoginThrottle, type ThrottleOptions } from './login-throttle.js';

export type { ThrottleOptions } from './login-throttle.js';

/** The public key a client offered: its algorithm name and the key in SSH wire format. */
export interface OfferedKey {
  readonly algo: string;
  readonly data: Buffer;
}

const failed = (): DomainError => domainError('FORBIDDEN', { key: 'auth.failed' });

/**
 * Staff log-in for every front-end (SSH, the TUI's log-in screen): checks a password or a public
 * key against the store and slows down guessing (login-throttle.ts: per login and address, never
 * a lock of the login itself). Unknown login and wrong password get the same answer, and take the
 * same time, so nobody learns which logins exist.
 *
 * The clock should be real time even when the business clock is pinned (ANYQTAMA_NOW):
 * a wait must run out.
 */
export class StaffAuthenticator {
  private readonly throttle: LoginThrottle;
  /**
   * Password checks of one login from one address run one after another, so parallel guesses
   * cannot slip past the count. Per pair, not per login: guesses at a clerk's login from
   * many addresses are checked side by side on the thread pool, not one by one ahead of the clerk.
   */
  private readonly queues = new KeyedSerial<string>();
  private dummyHash: Promise<string> | null = null;

  constructor(
    private readonly store: UserStore,
    private readonly clock: Clock,
    options: ThrottleOptions = {},
  ) {
    this.throttle = new LoginThrottle(() => this.clock.now().getTime(), options);
  }

  /** Checks a password. `source` is where the attempt comes from (an IP address, 'local'). */
  password(login: string, password: string, source: string): Promise<Result<User>> {
    return orUnavailable(() => this.queues.run(`${login}\n${source}`, async () => {
      const lock = this.locked(login, source);
      if (lock) return fail(lock);
      const user = await this.store.getUser(login);
      // An unknown login still costs one scrypt, so the answer's timing does not tell it apart.
      const matches = user?.passwordHash
        ? await verifyPassword(password, user.passwordHash)
        : (await verifyPassword(password, await this.dummy()), false);
      if (!user || !matches) {
        const waitMs = this.throttle.failure(login, source);
        return fail(waitMs > 0 ? throttled(waitMs) : failed());
      }
      // Only someone who knows the password learns that the account is disabled.
      if (user.disabled) return fail(domainError('FORBIDDEN', { key: 'app.userDisabled', params: { login } }));
      this.throttle.success(login, source);
      return ok(user);
    }));
  }

  /**
   * Whether `key` is one of the user's public keys. The caller checks the signature (the SSH
   * protocol's part). A key cannot be guessed, so it is never throttled: an offered key that does
   * not fit is not counted as a failure (clients offer every key they hold), and a clerk with a
   * registered key gets in whatever guesses were made at their password or from their address.
   */
  async publicKey(login: string, key: OfferedKey, _source: string): Promise<Result<User>> {
    const found = await orUnavailable(async () => ok(await this.store.getUser(login)));
    if (!found.ok) return found;
    const user = found.value;
    if (!user || !(user.publicKeys ?? []).some((line) => sameKey(line, key))) return fail(failed());
    if (user.disabled) return fail(domainError('FORBIDDEN', { key: 'app.userDisabled', params: { login } }));
    return ok(user);
  }

  private dummy(): Promise<string> {
    this.dummyHash ??= hashPassword('no such login');
    return this.dummyHash;
  }

  /** The THROTTLED answer a password log-in would get now, or null: lets a front-end say so before asking for the password. */
  locked(login: string, source: string): DomainError | null {
    const ms = this.throttle.waitMs(login, source);
    return ms > 0 ? throttled(ms) : null;
  }
}

function throttled(ms: number): DomainError {
  // A wait of seconds said in minutes ("1 min") would send a clerk away for nothing; up to two
  // minutes it is said in seconds.
  if (ms <= 120_000) return domainError('THROTTLED', { key: 'auth.throttledSeconds', params: { seconds: Math.max(1, Math.ceil(ms / 1000)) } });
  return domainError('THROTTLED', { key: 'auth.throttled', params: { minutes: Math.ceil(ms / 60_000) } });
}

/** An OpenSSH public key line ("ssh-ed25519 AAAA... comment") holds the key's wire format in base64: the key without its comment. */
export const keyOfLine = (line: string): string | undefined => line.trim().split(/\s+/)[1];

function sameKey(line: string, key: OfferedKey): boolean {
  const base64 = keyOfLine(line);
  if (!base64) return false;
  return Buffer.from(base64, 'base64').equals(key.data);
}

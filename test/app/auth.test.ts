import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StaffAuthenticator, type OfferedKey } from '../../src/app/auth.js';
import type { Clock } from '../../src/app/clock.js';
import { hashPassword } from '../../src/app/passwords.js';
import { render } from '../../src/core/i18n/catalogue.js';
import type { Result } from '../../src/core/result.js';
import { LowdbStore } from '../../src/store/lowdb/lowdb-store.js';
import type { User } from '../../src/store/port.js';

const MINUTE = 60_000;

/** A clock the test moves by hand. */
function manualClock(start = Date.parse('2026-11-20T05:00:00Z')): Clock & { advance(ms: number): void } {
  let at = start;
  return { now: () => new Date(at), advance: (ms) => (at += ms) };
}

/** An ed25519 public key as an OpenSSH line, and as the client offers it (wire format). */
function sshKey(comment: string): { line: string; offered: OfferedKey } {
  const { publicKey } = generateKeyPairSync('ed25519');
  const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32);
  const name = Buffer.from('ssh-ed25519');
  const wire = Buffer.concat([u32(name.length), name, u32(raw.length), raw]);
  return { line: `ssh-ed25519 ${wire.toString('base64')} ${comment}`, offered: { algo: 'ssh-ed25519', data: wire } };
}
const u32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
};

const message = (result: Result<User>) => (result.ok ? 'ok' : render('ru', result.error.message));
const code = (result: Result<User>) => (result.ok ? 'ok' : result.error.code);

let dir: string;
let store: LowdbStore;
const clerkKey = sshKey('clerk@laptop');
const strangerKey = sshKey('someone@else');

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'aq-auth-'));
  const opened = await LowdbStore.open({ dataDir: dir, command: 'auth test' });
  if (!opened.ok) throw new Error(opened.error.message.key);
  store = opened.value;
  const passwordHash = await hashPassword('correct horse');
  const base = { role: 'clerk' as const, organisationId: 'kzo-archives', createdAt: '2026-01-01T00:00:00Z', passwordHash };
  for (const login of ['kzo-clerk', 'second-clerk', 'third-clerk']) await store.putUser({ ...base, login, fullName: login, publicKeys: [clerkKey.line] });
  await store.putUser({ ...base, login: 'gone-clerk', fullName: 'Gone', disabled: true, publicKeys: [clerkKey.line] });
});

afterAll(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

describe('staff log-in with a password', () => {
  it('lets a clerk in with the right password', async () => {
    const auth = new StaffAuthenticator(store, manualClock());
    const result = await auth.password('kzo-clerk', 'correct horse', '10.0.0.1');
    expect(result.ok && result.value.login).toBe('kzo-clerk');
  });

  it('answers an unknown login exactly as a wrong password, so logins cannot be guessed', async () => {
    const auth = new StaffAuthenticator(store, manualClock());
    const wrong = await auth.password('kzo-clerk', 'wrong horse', '10.0.0.1');
    const unknown = await auth.password('nobody', 'correct horse', '10.0.0.1');
    expect(wrong).toEqual(unknown);
    expect(message(wrong)).toBe('Неверный логин или пароль.');
  });

  it('refuses a disabled member of staff, and says so only to one who knows the password', async () => {
    const auth = new StaffAuthenticator(store, manualClock());
    expect(message(await auth.password('gone-clerk', 'correct horse', '10.0.0.1'))).toContain('заблокирован');
    expect(message(await auth.password('gone-clerk', 'wrong horse', '10.0.0.1'))).toBe('Неверный логин или пароль.');
  });

  it('locks a login after five failures in a row, even for the right password, and says when to try again', async () => {
    const clock = manualClock();
    const auth = new StaffAuthenticator(store, clock);
    for (let i = 0; i < 4; i++) expect(code(await auth.password('kzo-clerk', `guess ${i}`, '10.0.0.2'))).toBe('FORBIDDEN');
    const fifth = await auth.password('kzo-clerk', 'guess 5', '10.0.0.2');
    expect(code(fifth)).toBe('THROTTLED');
    expect(message(fifth)).toBe('Слишком много неудачных попыток входа. Повторите через 15 мин.');
    clock.advance(5 * MINUTE);
    const right = await auth.password('kzo-clerk', 'correct horse', '10.0.0.3');
    expect(message(right)).toContain('через 10 мин');
    // Another clerk is not affected by the lock on this login.
    expect(code(await auth.password('second-clerk', 'correct horse', '10.0.0.2'))).toBe('ok');
    clock.advance(10 * MINUTE);
    expect(code(await auth.password('kzo-clerk', 'correct horse', '10.0.0.2'))).toBe('ok');
  });

  it('makes each further lock of the same login last twice as long', async () => {
    const clock = manualClock();
    const auth = new StaffAuthenticator(store, clock, { maxFailures: 2, lockMs: 10 * MINUTE });
    await auth.password('kzo-clerk', 'a', 'x');
    expect(message(await auth.password('kzo-clerk', 'b', 'x'))).toContain('через 10 мин');
    clock.advance(10 * MINUTE);
    await auth.password('kzo-clerk', 'c', 'x');
    expect(message(await auth.password('kzo-clerk', 'd', 'x'))).toContain('через 20 мин');
  });

  it('forgets failures older than the window', async () => {
    const clock = manualClock();
    const auth = new StaffAuthenticator(store, clock);
    for (let i = 0; i < 4; i++) await auth.password('kzo-clerk', `guess ${i}`, '10.0.0.4');
    clock.advance(16 * MINUTE);
    expect(code(await auth.password('kzo-clerk', 'guess again', '10.0.0.4'))).toBe('FORBIDDEN');
    expect(code(await auth.password('kzo-clerk', 'correct horse', '10.0.0.4'))).toBe('ok');
  });

  it('locks an address that tries many logins, for every login and method', async () => {
    const auth = new StaffAuthenticator(store, manualClock(), { maxSourceFailures: 4 });
    const logins = ['kzo-clerk', 'second-clerk', 'third-clerk', 'nobody'];
    const answers = [];
    for (const login of logins) answers.push(code(await auth.password(login, 'spray', '192.0.2.9')));
    expect(answers).toEqual(['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'THROTTLED']);
    expect(code(await auth.password('second-clerk', 'correct horse', '192.0.2.9'))).toBe('THROTTLED');
    expect(code(await auth.publicKey('second-clerk', clerkKey.offered, '192.0.2.9'))).toBe('THROTTLED');
    // The same clerk from their own desk is let in.
    expect(code(await auth.password('second-clerk', 'correct horse', '10.0.0.5'))).toBe('ok');
  });

  it('counts guesses made in parallel, so opening many connections at once does not help', async () => {
    const auth = new StaffAuthenticator(store, manualClock());
    const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => auth.password('third-clerk', `parallel ${i}`, `10.1.0.${i}`)));
    expect(answers.map(code).filter((c) => c === 'THROTTLED')).toHaveLength(4);
  });
});

describe('staff log-in with a public key', () => {
  it('lets a clerk in with a registered key and refuses any other key', async () => {
    const auth = new StaffAuthenticator(store, manualClock());
    expect(code(await auth.publicKey('kzo-clerk', clerkKey.offered, '10.0.0.6'))).toBe('ok');
    const stranger = await auth.publicKey('kzo-clerk', strangerKey.offered, '10.0.0.6');
    expect(message(stranger)).toBe('Неверный логин или пароль.');
    expect(await auth.publicKey('nobody', clerkKey.offered, '10.0.0.6')).toEqual(stranger);
  });

  it('refuses a disabled member of staff even with a registered key', async () => {
    const auth = new StaffAuthenticator(store, manualClock());
    expect(message(await auth.publicKey('gone-clerk', clerkKey.offered, '10.0.0.6'))).toContain('заблокирован');
  });

  it('still lets the clerk in with their key while guesses at their password have locked it', async () => {
    const auth = new StaffAuthenticator(store, manualClock(), { maxFailures: 2 });
    await auth.password('second-clerk', 'a', '198.51.100.1');
    expect(code(await auth.password('second-clerk', 'b', '198.51.100.2'))).toBe('THROTTLED');
    expect(code(await auth.publicKey('second-clerk', clerkKey.offered, '10.0.0.7'))).toBe('ok');
  });

  it('does not count keys a client offers and the clerk does not have as failures', async () => {
    const auth = new StaffAuthenticator(store, manualClock(), { maxFailures: 2, maxSourceFailures: 2 });
    for (let i = 0; i < 5; i++) await auth.publicKey('kzo-clerk', strangerKey.offered, '10.0.0.8');
    expect(code(await auth.password('kzo-clerk', 'correct horse', '10.0.0.8'))).toBe('ok');
  });
});

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

  it('makes one address wait longer after each wrong password past the third, and says how long', async () => {
    const clock = manualClock();
    const auth = new StaffAuthenticator(store, clock);
    for (let i = 0; i < 3; i++) expect(code(await auth.password('kzo-clerk', `guess ${i}`, '10.0.0.2'))).toBe('FORBIDDEN');
    const fourth = await auth.password('kzo-clerk', 'guess 4', '10.0.0.2');
    expect(message(fourth)).toBe('Слишком много неудачных попыток входа. Повторите через 1 с.');
    // While it waits, not even the right password is checked from that address.
    expect(code(await auth.password('kzo-clerk', 'correct horse', '10.0.0.2'))).toBe('THROTTLED');
    clock.advance(1000);
    expect(message(await auth.password('kzo-clerk', 'guess 5', '10.0.0.2'))).toContain('через 2 с');
    clock.advance(2000);
    expect(message(await auth.password('kzo-clerk', 'guess 6', '10.0.0.2'))).toContain('через 4 с');
    clock.advance(4000);
    expect(code(await auth.password('kzo-clerk', 'correct horse', '10.0.0.2'))).toBe('ok');
  });

  it('never locks the clerk out: guesses from many addresses leave the right password from another desk working', async () => {
    const lines: string[] = [];
    const auth = new StaffAuthenticator(store, manualClock(), { log: (line) => lines.push(line) });
    for (let a = 1; a <= 6; a++) for (let i = 0; i < 5; i++) await auth.password('kzo-clerk', `guess ${a}.${i}`, `203.0.113.${a}`);
    expect(code(await auth.password('kzo-clerk', 'correct horse', '10.0.0.3'))).toBe('ok');
    // Each address waits (its fifth guess came too early to be checked), and the guessing is
    // reported with the login and where it came from.
    expect(code(await auth.password('kzo-clerk', 'correct horse', '203.0.113.1'))).toBe('THROTTLED');
    expect(lines).toContain('log-in penalty: "kzo-clerk" from "203.0.113.6" waits 1 s after 4 wrong passwords');
    expect(lines).toContain('password guessing at "kzo-clerk": 20 wrong passwords from 5 addresses in 15 min; the login is not locked');
  });

  it('doubles the wait up to fifteen minutes, and forgets the failures after a quiet quarter of an hour', async () => {
    const clock = manualClock();
    const auth = new StaffAuthenticator(store, clock);
    const waits: string[] = [];
    for (let n = 1; n <= 16; n++) {
      waits.push(message(await auth.password('second-clerk', `guess ${n}`, '10.0.0.4')));
      // Each guess comes the moment the previous wait is over.
      if (n > 3) clock.advance(Math.min(2 ** (n - 4) * 1000, 15 * MINUTE));
    }
    expect(waits[12]).toContain('через 9 мин'); // 512 s
    expect(waits[13]).toContain('через 15 мин');
    expect(waits[15]).toContain('через 15 мин');
    clock.advance(16 * MINUTE);
    expect(code(await auth.password('second-clerk', 'guess again', '10.0.0.4'))).toBe('FORBIDDEN');
    expect(code(await auth.password('second-clerk', 'correct horse', '10.0.0.4'))).toBe('ok');
  });

  it('holds back an address that sprays many logins, but not a clerk who logged in from it before, nor another address', async () => {
    const lines: string[] = [];
    const auth = new StaffAuthenticator(store, manualClock(), { sprayLogins: 4, log: (line) => lines.push(line) });
    // second-clerk works behind the office address and logged in from it this morning.
    expect(code(await auth.password('second-clerk', 'correct horse', '192.0.2.9'))).toBe('ok');
    const answers = [];
    for (const login of ['nobody-1', 'nobody-2', 'nobody-3', 'nobody-4']) answers.push(code(await auth.password(login, 'spray', '192.0.2.9')));
    expect(answers).toEqual(['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'THROTTLED']);
    expect(lines).toContain('log-in penalty: address "192.0.2.9" failed with 4 different logins; password log-ins from it wait 1 min, except logins that used it before');
    // A login new to this address waits; the clerk known here and any registered key do not.
    expect(message(await auth.password('third-clerk', 'correct horse', '192.0.2.9'))).toContain('через 60 с');
    expect(code(await auth.password('second-clerk', 'correct horse', '192.0.2.9'))).toBe('ok');
    expect(code(await auth.publicKey('third-clerk', clerkKey.offered, '192.0.2.9'))).toBe('ok');
    // The same clerk from their own desk is let in.
    expect(code(await auth.password('third-clerk', 'correct horse', '10.0.0.5'))).toBe('ok');
  });

  it('lets an office behind one address mistype: twenty failures with different logins hold nobody back', async () => {
    const auth = new StaffAuthenticator(store, manualClock());
    for (let i = 0; i < 20; i++) expect(code(await auth.password(`nobody-${i}`, 'typo', '192.0.2.60'))).toBe('FORBIDDEN');
    expect(code(await auth.password('third-clerk', 'correct horse', '192.0.2.60'))).toBe('ok');
  });

  it('counts guesses made in parallel, so opening many connections at once does not help', async () => {
    const auth = new StaffAuthenticator(store, manualClock());
    const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => auth.password('third-clerk', `parallel ${i}`, '10.1.0.1')));
    expect(answers.map(code).filter((c) => c === 'THROTTLED')).toHaveLength(5);
  });

  it('keeps control characters of a typed login out of the log', async () => {
    const lines: string[] = [];
    const auth = new StaffAuthenticator(store, manualClock(), { freeFailures: 0, log: (line) => lines.push(line) });
    await auth.password('x\n2026-12-07T00:00:00Z login admin', 'a', '10.2.0.1');
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain('\n');
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

  it('still lets the clerk in with their key from the very address that guesses at their password', async () => {
    const auth = new StaffAuthenticator(store, manualClock(), { freeFailures: 1, sprayLogins: 1 });
    await auth.password('second-clerk', 'a', '198.51.100.1');
    expect(code(await auth.password('second-clerk', 'b', '198.51.100.1'))).toBe('THROTTLED');
    expect(code(await auth.publicKey('second-clerk', clerkKey.offered, '198.51.100.1'))).toBe('ok');
  });

  it('does not count keys a client offers and the clerk does not have as failures', async () => {
    const auth = new StaffAuthenticator(store, manualClock(), { freeFailures: 1, sprayLogins: 2 });
    for (let i = 0; i < 5; i++) await auth.publicKey('kzo-clerk', strangerKey.offered, '10.0.0.8');
    expect(code(await auth.password('kzo-clerk', 'correct horse', '10.0.0.8'))).toBe('ok');
  });
});

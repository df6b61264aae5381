import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AdminDesk, type SshKey } from '../../src/app/admin-desk.js';
import { verifyPassword } from '../../src/app/passwords.js';
import type { NewStaff } from '../../src/app/staff.js';
import { render } from '../../src/core/i18n/catalogue.js';
import type { DomainError, Result } from '../../src/core/result.js';
import { loadTrustStore, type TrustStore } from '../../src/documents/pki/trust.js';
import { ed25519KeyPair } from '../../src/ssh/host-key.js';
import { parsePublicKeys } from '../../src/ssh/keys.js';
import { LowdbStore } from '../../src/store/lowdb/lowdb-store.js';
import type { AuditEntry, User } from '../../src/store/port.js';

/**
 * The administrator's desk on a real embedded store: every change to staff, keys and trust is an
 * active administrator's, whoever else asks is refused with nothing changed, and each attempt
 * leaves one audit line saying who, from which OS account, and whether it was done.
 */

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'pki');
const fixture = (name: string) => ({ bytes: readFileSync(join(FIXTURES, name)), name });
const PASSPHRASE = { given: 'test-only' };
const NOW = '2026-11-20T05:00:00.000Z';
const created = '2026-01-01T00:00:00.000Z';

const STAFF: readonly User[] = [
  { login: 'boss', role: 'admin', fullName: 'Бас Әкімші', createdAt: created },
  { login: 'old-boss', role: 'admin', fullName: 'Бұрынғы Әкімші', disabled: true, createdAt: created },
  { login: 'kzo-clerk', role: 'clerk', fullName: 'Серікбаева Динара Асқарқызы', organisationId: 'kzo-archives', iin: '870214400019', createdAt: created },
];
const NEW_CLERK: NewStaff = { login: 'new-clerk', role: 'clerk', fullName: 'Жаңа Қызметкер', organisationId: 'kzo-archives' };

let dir: string;
let trustDir: string;
let store: LowdbStore;
let desk: AdminDesk;
let reloads = 0;

function sshKey(comment: string): SshKey {
  const parsed = parsePublicKeys(ed25519KeyPair(comment).public);
  if (parsed.kind !== 'public') throw new Error('ssh key');
  return parsed.keys[0]!;
}

async function openDesk(users: readonly User[]): Promise<void> {
  dir = await mkdtemp(join(tmpdir(), 'aq-admin-desk-'));
  trustDir = join(dir, 'pki', 'trusted');
  const opened = await LowdbStore.open({ dataDir: dir, command: 'admin desk test' });
  if (!opened.ok) throw new Error(opened.error.message.key);
  store = opened.value;
  for (const user of users) await store.putUser(user);
  let trust: Promise<TrustStore> | null = null;
  reloads = 0;
  desk = new AdminDesk({
    store,
    moment: () => ({ now: NOW, today: NOW.slice(0, 10) }),
    origin: { source: 'test', osUser: 'office-os-account' },
    trust: {
      dir: trustDir,
      load: () => (trust ??= loadTrustStore([trustDir]).then(({ store: loaded }) => loaded)),
      reload: () => {
        trust = null;
        reloads += 1;
      },
    },
  });
}

beforeEach(() => openDesk(STAFF));
afterEach(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

const audit = async () => [...(await store.listAudit({ kind: 'cli' }))].reverse() as AuditEntry[];
const trusted = () => readdirSync(trustDir, { withFileTypes: true }).map((e) => e.name).sort();
/** The value of a change that must succeed; its message in Russian if it did not. */
async function done<T>(result: Promise<Result<T, DomainError>>): Promise<T> {
  const r = await result;
  if (!r.ok) throw new Error(render('ru', r.error.message));
  return r.value;
}
const refusal = (result: Result<unknown, DomainError>) => (result.ok ? null : { code: result.error.code, kk: render('kk', result.error.message), ru: render('ru', result.error.message) });

/** Every change an administrator makes at the desk, done as `as`; each would change the store or the trust folder if allowed. */
function everyChange(as: string | undefined): Array<[string, () => Promise<Result<unknown, DomainError>>]> {
  return [
    ['users add', () => desk.addStaff(as, NEW_CLERK, 'a-long-password')],
    ['users add (an admin)', () => desk.addStaff(as, { login: 'new-boss', role: 'admin', fullName: 'Жаңа Әкімші' })],
    ['users disable', () => desk.setDisabled(as, 'kzo-clerk', true)],
    ['users enable', () => desk.setDisabled(as, 'old-boss', false)],
    ['users password', () => desk.setPassword(as, 'kzo-clerk', 'a-long-password')],
    ['users key add', () => desk.addSshKeys(as, 'kzo-clerk', [sshKey('someone@laptop')])],
    ['users key remove', () => desk.removeSshKey(as, 'kzo-clerk', 1)],
    ['keys add', () => desk.registerSigningKey(as, 'kzo-clerk', fixture('valid.p12'), PASSPHRASE)],
    ['keys remove', () => desk.removeSigningKey(as, 'kzo-clerk')],
    ['keys trust', () => desk.trustCa(as, fixture('ca.pem'))],
    ['keys crl', () => desk.installCrl(as, fixture('crl.pem'))],
  ];
}

describe('who may change staff, keys and trust', () => {
  const refusals: Array<[string, string | undefined, { code: string; ru: string }]> = [
    ['a clerk', 'kzo-clerk', { code: 'FORBIDDEN', ru: 'Это действие выполняет только администратор (admin); роль kzo-clerk — clerk.' }],
    ['a disabled administrator', 'old-boss', { code: 'FORBIDDEN', ru: 'Пользователь «old-boss» заблокирован.' }],
    ['a login nobody has', 'ghost', { code: 'NOT_FOUND', ru: 'Пользователя «ghost» нет. Список: `anyqtama users`.' }],
    ['nobody named, while the store has an administrator', undefined, { code: 'VALIDATION', ru: 'Укажите, кто выполняет действие: --as LOGIN (список: `anyqtama users`).' }],
  ];

  it.each(refusals)('%s is refused every change, in kk and ru, nothing changes, and each attempt is audited', async (_who, as, expected) => {
    await store.putUser({ ...STAFF[2]!, publicKeys: [sshKey('dinara@kzo-archive').line] });
    const before = JSON.stringify(await store.listUsers());
    const changes = everyChange(as);
    for (const [command, change] of changes) {
      const refused = refusal(await change());
      expect(refused, command).toMatchObject(expected);
      expect(refused!.kk, command).not.toBe(refused!.ru);
    }
    expect(JSON.stringify(await store.listUsers())).toBe(before);
    expect(() => trusted()).toThrow(/ENOENT/);
    expect(reloads).toBe(0);
    const lines = await audit();
    expect(lines.map((e) => e.command)).toEqual(changes.map(([command]) => command.replace(' (an admin)', '')));
    for (const line of lines) {
      expect(line).toMatchObject({ kind: 'cli', actor: as ?? '', outcome: 'refused', source: 'test', osUser: 'office-os-account', at: NOW });
    }
  });

  it('an administrator makes every change, and each is audited as done with their role', async () => {
    const added = await done(desk.addStaff('boss', NEW_CLERK, 'a-long-password'));
    expect(added).toMatchObject({ login: 'new-clerk', role: 'clerk', organisationId: 'kzo-archives', hasPassword: true, createdAt: NOW });
    expect(added).not.toHaveProperty('passwordHash');
    expect(await done(desk.setDisabled('boss', 'new-clerk', true))).toBe('new-clerk');
    expect((await store.getUser('new-clerk'))?.disabled).toBe(true);
    await done(desk.setDisabled('boss', 'new-clerk', false));
    expect((await store.getUser('new-clerk'))?.disabled).toBeUndefined();
    await done(desk.setPassword('boss', 'kzo-clerk', 'жаңа құпиясөз 2026'));
    expect(await verifyPassword('жаңа құпиясөз 2026', (await store.getUser('kzo-clerk'))!.passwordHash!)).toBe(true);

    const key = sshKey('dinara@kzo-archive');
    expect(await done(desk.addSshKeys('boss', 'kzo-clerk', [key]))).toEqual({ login: 'kzo-clerk', keys: [{ fingerprint: key.fingerprint, added: true }] });
    // The same key again, under another comment, is the same key.
    const again = { ...key, line: key.line.replace('dinara@kzo-archive', 'laptop') };
    expect((await done(desk.addSshKeys('boss', 'kzo-clerk', [again]))).keys).toEqual([{ fingerprint: key.fingerprint, added: false }]);
    expect(await done(desk.sshKeys('kzo-clerk'))).toEqual([key.line]);
    expect(await done(desk.removeSshKey('boss', 'kzo-clerk', 1))).toEqual({ login: 'kzo-clerk', line: key.line });

    // Before the CA is trusted, its staff certificates are refused.
    const untrusted = await desk.registerSigningKey('boss', 'kzo-clerk', fixture('valid.p12'), PASSPHRASE);
    expect(refusal(untrusted)?.code).toBe('GUARD_FAILED');
    expect((await done(desk.trustCa('boss', fixture('ca.pem')))).subject).toBe('Anyqtama TEST CA — NOT FOR PRODUCTION');
    expect(await done(desk.installCrl('boss', fixture('crl.pem')))).toMatchObject({ issuer: 'Anyqtama TEST CA — NOT FOR PRODUCTION', revoked: 1 });
    expect(trusted().map((name) => name.replace(/^[0-9a-f]{16}/, 'CA'))).toEqual(['CA.crl', 'CA.pem']);
    expect(reloads).toBe(2);
    const registered = await done(desk.registerSigningKey('boss', 'kzo-clerk', fixture('valid.p12'), PASSPHRASE));
    expect(registered).toMatchObject({ registeredBy: 'boss', registeredAt: NOW });
    expect(registered).not.toHaveProperty('p12');
    expect((await done(desk.checkSigningKey('kzo-clerk', PASSPHRASE))).serial).toBe(registered.serial);
    await done(desk.removeSigningKey('boss', 'kzo-clerk'));
    expect((await store.getUser('kzo-clerk'))?.signingKey).toBeUndefined();

    expect((await audit()).map((e) => [e.command, e.actor, e.role, e.subject, e.outcome])).toEqual([
      ['users add', 'boss', 'admin', 'new-clerk', 'done'],
      ['users disable', 'boss', 'admin', 'new-clerk', 'done'],
      ['users enable', 'boss', 'admin', 'new-clerk', 'done'],
      ['users password', 'boss', 'admin', 'kzo-clerk', 'done'],
      ['users key add', 'boss', 'admin', 'kzo-clerk', 'done'],
      ['users key add', 'boss', 'admin', 'kzo-clerk', 'done'],
      ['users key remove', 'boss', 'admin', 'kzo-clerk', 'done'],
      ['keys add', 'boss', 'admin', 'kzo-clerk', 'refused'],
      ['keys trust', 'boss', 'admin', 'ca.pem', 'done'],
      ['keys crl', 'boss', 'admin', 'crl.pem', 'done'],
      ['keys add', 'boss', 'admin', 'kzo-clerk', 'done'],
      ['keys remove', 'boss', 'admin', 'kzo-clerk', 'done'],
    ]);
  });

  it('a store without an active administrator takes its first one with nobody named, and only an admin', async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
    await openDesk([STAFF[1]!]);
    expect(refusal(await desk.addStaff(undefined, NEW_CLERK))?.code).toBe('VALIDATION');
    const first = await desk.addStaff(undefined, { login: 'first-boss', role: 'admin', fullName: 'Бірінші Әкімші' }, 'a-long-password');
    expect(first.ok).toBe(true);
    expect(refusal(await desk.addStaff(undefined, { login: 'second-boss', role: 'admin', fullName: 'Екінші Әкімші' }))?.code).toBe('VALIDATION');
    expect((await audit()).map((e) => [e.actor, e.subject, e.outcome])).toEqual([['', 'new-clerk', 'refused'], ['', 'first-boss', 'done'], ['', 'second-boss', 'refused']]);
  });

  it('the last active administrator cannot be disabled: nobody could enable anyone again', async () => {
    const refused = refusal(await desk.setDisabled('boss', 'boss', true));
    expect(refused).toMatchObject({ code: 'FORBIDDEN' });
    expect(refused!.ru).toContain('единственный активный администратор');
    expect((await store.getUser('boss'))?.disabled).toBeUndefined();
  });

  it('bad input an administrator gives is refused by the desk too: a password too short, a key number out of range, a login nobody has', async () => {
    expect(refusal(await desk.setPassword('boss', 'kzo-clerk', 'short'))?.ru).toContain('не короче 8');
    expect(refusal(await desk.setPassword('boss', 'kzo-clerk', undefined))?.code).toBe('VALIDATION');
    await desk.addSshKeys('boss', 'kzo-clerk', [sshKey('one'), sshKey('two')]);
    expect(refusal(await desk.removeSshKey('boss', 'kzo-clerk', 3))?.ru).toContain('номер ключа 1–2');
    expect(refusal(await desk.setDisabled('boss', 'ghost', true))?.code).toBe('NOT_FOUND');
    expect(refusal(await desk.addStaff('boss', { ...NEW_CLERK, login: 'kzo-clerk' }))?.code).toBe('CONFLICT');
  });
});

describe('who sees which signing keys', () => {
  beforeEach(async () => {
    // A CA whose revocation list is missing signs nothing (R5c): both are installed first.
    await done(desk.trustCa('boss', fixture('ca.pem')));
    await done(desk.installCrl('boss', fixture('crl.pem')));
    await done(desk.registerSigningKey('boss', 'kzo-clerk', fixture('valid.p12'), PASSPHRASE));
    await store.putUser({ login: 'ast-clerk', role: 'clerk', fullName: 'Иванова Ольга Петровна', organisationId: 'ast-archives', createdAt: created });
  });

  it('an administrator sees every holder, anyone else only their own key, a disabled admin nothing', async () => {
    const holders = async (as: string) => {
      const r = await desk.signingKeys(as);
      return r.ok ? r.value.holders.map((h) => h.login) : r.error.code;
    };
    expect(await holders('boss')).toEqual(['kzo-clerk']);
    expect(await holders('kzo-clerk')).toEqual(['kzo-clerk']);
    expect(await holders('ast-clerk')).toEqual([]);
    expect(await holders('old-boss')).toBe('FORBIDDEN');
    const listed = await desk.signingKeys('boss');
    expect(listed.ok && listed.value.holders[0]).not.toHaveProperty('p12');
  });

  it('a key that does not open with the passphrase given is not ready to sign', async () => {
    expect(refusal(await desk.checkSigningKey('kzo-clerk', { given: 'wrong' }))?.code).toBe('FORBIDDEN');
    expect(refusal(await desk.checkSigningKey('ast-clerk', PASSPHRASE))?.code).toBe('GUARD_FAILED');
  });
});

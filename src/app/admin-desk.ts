import { domainError, fail, ok, type DomainError, type Result } from '../core/result.js';
import { describe as describeCertificate, type CertificateSummary } from '../documents/pki/certificate.js';
import { credentialFor, givenPassphrase, registerKey, type PassphraseSources } from '../documents/keys.js';
import { addCrl, addTrustedCa, type InstalledCrl, type TrustedCa } from '../documents/pki/trust-files.js';
import type { TrustStore } from '../documents/pki/trust.js';
import { signatureProblem } from '../documents/service.js';
import type { AuditStore, SigningKey, User, UserStore } from '../store/port.js';
import { activeStaff, adminOf } from './access.js';
import { keyOfLine } from './auth.js';
import { auditCommand, type CommandOrigin } from './command-audit.js';
import { hashPassword } from './passwords.js';
import { activeAdmins, checkPassword, staffView, type NewStaff, type StaffView } from './staff.js';

/**
 * The administrator's desk: staff accounts, their SSH and signing keys, and the CAs and
 * revocation lists the office trusts. Every change is an administrator's, checked once here
 * (access.ts adminOf: a disabled admin is refused like anyone else) and written to the audit log
 * (kind `cli`, the OS account) whether it was done or refused. Front-ends reach key and PKI code
 * only through here.
 */

/** The office's own folder of trusted CAs and revocation lists, and the trust store read from it. */
export interface TrustFolder {
  /** Where new CAs and lists are written (DATA_DIR/pki/trusted). */
  readonly dir: string;
  load(): Promise<TrustStore>;
  /** Forget the loaded trust store: a CA or list was added. */
  reload(): void;
}

export interface AdminDeskOptions {
  readonly store: UserStore & Pick<AuditStore, 'appendAudit'>;
  /** Now, and today's date in Kazakhstan (RequestService.moment). */
  readonly moment: () => { readonly now: string; readonly today: string };
  readonly trust: TrustFolder;
  readonly origin: CommandOrigin;
}

/** A file an administrator handed over: its bytes, and its name for messages and the audit. */
export interface GivenFile {
  readonly bytes: Uint8Array;
  readonly name: string;
}

export type KeyHolder = Omit<SigningKey, 'p12'> & { readonly login: string; readonly fullName: string };

const unknownUser = (login: string): DomainError => domainError('NOT_FOUND', { key: 'app.unknownUser', params: { login } });

export class AdminDesk {
  constructor(private readonly options: AdminDeskOptions) {}

  private get store() {
    return this.options.store;
  }

  private audited<T>(command: string, as: string | undefined, subject: string, work: () => Promise<Result<T, DomainError>>): Promise<Result<T, DomainError>> {
    return auditCommand(this.store, { ...this.options.origin, now: () => this.options.moment().now }, { command, as, subject }, work);
  }

  /** An administrator's action: the one admin check first, the audit line after, whatever came of it. */
  private act<T>(command: string, as: string | undefined, subject: string, work: (admin: User) => Promise<Result<T, DomainError>>): Promise<Result<T, DomainError>> {
    return this.audited(command, as, subject, async () => {
      const admin = await adminOf(this.store, as);
      return admin.ok ? work(admin.value) : admin;
    });
  }

  /** `act` on one member of staff, who must exist. */
  private actOn<T>(command: string, as: string | undefined, login: string, work: (user: User, admin: User) => Promise<Result<T, DomainError>>): Promise<Result<T, DomainError>> {
    return this.act(command, as, login, async (admin) => {
      const user = await this.store.getUser(login);
      return user ? work(user, admin) : fail(unknownUser(login));
    });
  }

  // Staff accounts

  /**
   * Every account, without password hashes or keys: for seeing who is who. Like each read here
   * (SSH key lines, one's own signing key, a key check with its passphrase) it asks no admin,
   * as `anyqtama users` never did: whoever runs it owns the data folder.
   */
  async staff(): Promise<StaffView[]> {
    return (await this.store.listUsers()).map(staffView);
  }

  /**
   * Adds a member of staff. The very first administrator of a new office's store is the one
   * exception to the admin check: while the store has no active administrator, an admin account
   * is added with nobody named (the OS account that did it is audited).
   */
  addStaff(as: string | undefined, staff: NewStaff, password?: string): Promise<Result<StaffView, DomainError>> {
    return this.audited('users add', as, staff.login, async () => {
      const users = await this.store.listUsers();
      const first = !as && staff.role === 'admin' && activeAdmins(users).length === 0;
      if (!first) {
        const admin = await adminOf(this.store, as);
        if (!admin.ok) return admin;
      }
      if (users.some((u) => u.login === staff.login)) return fail(domainError('CONFLICT', { key: 'users.add.exists', params: { login: staff.login } }));
      const user: User = { ...staff, ...(password ? { passwordHash: await hashPassword(password) } : {}), createdAt: this.options.moment().now };
      await this.store.putUser(user);
      return ok(staffView(user));
    });
  }

  /**
   * Disables or enables a login: a disabled member of staff can no longer log in, act or sign, and
   * keeps their history. The last active administrator cannot be disabled (nobody could undo it).
   */
  setDisabled(as: string | undefined, login: string, disabled: boolean): Promise<Result<string, DomainError>> {
    return this.actOn(disabled ? 'users disable' : 'users enable', as, login, async (user) => {
      if (disabled && user.role === 'admin' && !user.disabled && activeAdmins(await this.store.listUsers()).length <= 1) {
        return fail(domainError('FORBIDDEN', { key: 'users.disable.lastAdmin', params: { login: user.login } }));
      }
      const { disabled: _was, ...rest } = user;
      await this.store.putUser(disabled ? { ...rest, disabled: true } : rest);
      return ok(user.login);
    });
  }

  /** Sets a password; only its hash is kept. `password` undefined: none was given. */
  setPassword(as: string | undefined, login: string, password: string | undefined): Promise<Result<string, DomainError>> {
    return this.actOn('users password', as, login, async (user) => {
      const checked = checkPassword(password);
      if (!checked.ok) return checked;
      await this.store.putUser({ ...user, passwordHash: await hashPassword(checked.value) });
      return ok(user.login);
    });
  }

  // SSH keys (staff log-in over SSH)

  /** A member of staff's SSH public key lines, numbered from 1 in this order. */
  async sshKeys(login: string): Promise<Result<readonly string[], DomainError>> {
    const user = await this.store.getUser(login);
    return user ? ok(user.publicKeys ?? []) : fail(unknownUser(login));
  }

  /** Adds SSH public keys (already parsed, as "type base64 comment" lines); one already there is left as it is. */
  addSshKeys(as: string | undefined, login: string, keys: readonly SshKey[]): Promise<Result<{ login: string; keys: { fingerprint: string; added: boolean }[] }, DomainError>> {
    return this.actOn('users key add', as, login, async (user) => {
      const have = new Set((user.publicKeys ?? []).map(wireOf));
      const added = keys.filter((k) => !have.has(wireOf(k.line)));
      await this.store.putUser({ ...user, publicKeys: [...(user.publicKeys ?? []), ...added.map((k) => k.line)] });
      return ok({ login: user.login, keys: keys.map((k) => ({ fingerprint: k.fingerprint, added: added.includes(k) })) });
    });
  }

  /** Removes the `n`th SSH key (from 1, as `sshKeys` lists them); returns the removed line. */
  removeSshKey(as: string | undefined, login: string, n: number): Promise<Result<{ login: string; line: string }, DomainError>> {
    return this.actOn('users key remove', as, login, async (user) => {
      const keys = user.publicKeys ?? [];
      if (keys.length === 0) return fail(domainError('NOT_FOUND', { key: 'users.key.none', params: { login: user.login } }));
      if (!Number.isInteger(n) || n < 1 || n > keys.length) return fail(domainError('VALIDATION', { key: 'users.key.badNumber', params: { count: keys.length } }));
      await this.store.putUser({ ...user, publicKeys: keys.filter((_, i) => i !== n - 1) });
      return ok({ login: user.login, line: keys[n - 1]! });
    });
  }

  // Signing keys (staff certificates)

  /**
   * Who holds which signing key: every holder for an administrator, one's own key for anyone else
   * (a disabled login sees nothing). `today` is for warnings of keys about to expire.
   */
  async signingKeys(as: string | undefined): Promise<Result<{ holders: KeyHolder[]; today: string }, DomainError>> {
    const admin = await adminOf(this.store, as);
    const self = admin.ok ? null : await activeStaff(this.store, as);
    if (self && !self.ok) return self;
    const users = self ? [self.value] : await this.store.listUsers();
    const holders = users.flatMap(({ login, fullName, signingKey }) => {
      if (!signingKey) return [];
      const { p12: _secret, ...key } = signingKey;
      return [{ login, fullName, ...key }];
    });
    return ok({ holders, today: this.options.moment().today });
  }

  /**
   * Registers a member of staff's certificate (PKCS#12) after the checks signing runs (R5). It
   * opens only with the holder's own passphrase, given explicitly: never the demo one.
   */
  registerSigningKey(as: string | undefined, login: string, file: GivenFile, passphrase: PassphraseSources): Promise<Result<Omit<SigningKey, 'p12'>, DomainError>> {
    return this.actOn('keys add', as, login, async (user, admin) => {
      const given = (await givenPassphrase(passphrase)) ?? fail(domainError('VALIDATION', { key: 'documents.passphraseNeeded', params: { login: user.login } }));
      if (!given.ok) return given;
      const registered = await registerKey(this.store, {
        user, p12: file.bytes, fileName: file.name, passphrase: given.value, registeredBy: admin.login,
        now: new Date(this.options.moment().now), trust: await this.options.trust.load(),
      });
      if (!registered.ok) return registered;
      const { p12: _secret, ...key } = registered.value;
      return ok(key);
    });
  }

  removeSigningKey(as: string | undefined, login: string): Promise<Result<void, DomainError>> {
    return this.actOn('keys remove', as, login, async (user) => {
      const { signingKey: _removed, ...rest } = user;
      await this.store.putUser(rest);
      return ok(undefined);
    });
  }

  /** Whether a member of staff's key opens with their passphrase and passes today's signing checks: the holder's own test. */
  async checkSigningKey(login: string, passphrase: PassphraseSources): Promise<Result<CertificateSummary, DomainError>> {
    const user = await this.store.getUser(login);
    if (!user) return fail(unknownUser(login));
    const credential = await credentialFor(this.store, { login: user.login, role: user.role, ...(user.iin ? { iin: user.iin } : {}) }, passphrase);
    if (!credential.ok) return credential;
    if (!user.iin) return fail(domainError('VALIDATION', { key: 'documents.staffIinMissing', params: { login: user.login } }));
    const { certificate, chain } = credential.value;
    const problem = signatureProblem(certificate, user.iin, new Date(this.options.moment().now), await this.options.trust.load(), chain);
    return problem ? fail(problem) : ok(describeCertificate(certificate));
  }

  // Trust: CAs and revocation lists

  /** Trusts a CA certificate: staff certificates it issued may then be registered and sign. */
  trustCa(as: string | undefined, file: GivenFile): Promise<Result<TrustedCa, DomainError>> {
    return this.act('keys trust', as, file.name, () => this.changingTrust(() => addTrustedCa(this.options.trust.dir, file.bytes, file.name)));
  }

  /** Installs a revocation list signed by a trusted CA: its revoked certificates no longer sign or verify. */
  installCrl(as: string | undefined, file: GivenFile): Promise<Result<InstalledCrl, DomainError>> {
    return this.act('keys crl', as, file.name, async () =>
      this.changingTrust(async () => addCrl(this.options.trust.dir, file.bytes, file.name, await this.options.trust.load())));
  }

  private async changingTrust<T>(change: () => Promise<Result<T, DomainError>>): Promise<Result<T, DomainError>> {
    const changed = await change();
    if (changed.ok) this.options.trust.reload();
    return changed;
  }
}

/** An SSH public key as the front-end parsed it (src/ssh/keys.ts parsePublicKeys). */
export interface SshKey {
  /** "type base64 comment", as stored. */
  readonly line: string;
  readonly fingerprint: string;
}

/** Two lines of one key match whatever their comments say. */
const wireOf = (line: string) => keyOfLine(line) ?? line;

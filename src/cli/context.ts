import type { RequestService } from '../app/requests.js';
import type { Lang } from '../core/i18n/text.js';
import type { Actor } from '../core/request.js';
import { domainError, fail, ok, type DomainError, type Result } from '../core/result.js';
import { loadReference, type Reference } from '../config/reference.js';
import { diskErrorCode, type Store, type UserStore } from '../store/port.js';
import { diskProblem } from '../app/unavailable.js';
import { render, type MessageRef } from '../core/i18n/catalogue.js';
import type { AdminDesk } from '../app/admin-desk.js';
import { auditCommand, type AuditedCommand, type CommandOrigin } from '../app/command-audit.js';
import { osUser, ownerProblem } from './data-dir.js';
import type { Io } from './io.js';
import { join, resolve } from 'node:path';
import { SHIPPED_DATA } from '../config/paths.js';
import type { TrustStore } from '../documents/pki/trust.js';

/**
 * What a running `serve` lends a command handed to it through the control socket: its open store
 * and the one request service every clerk's screen and the bot listen to, so a change made from
 * the command line reaches them at once.
 */
export interface HostedServices {
  readonly service: RequestService;
  readonly store: Store;
  trust(): Promise<TrustStore>;
  reloadTrust(): void;
  /** An administrator disabled `login`: the daemon ends that login's open sessions. */
  loginDisabled?(login: string): void;
}

export interface ContextExtras {
  /** Set when the command runs inside `serve` for a command line that reached it over the control socket. */
  readonly host?: HostedServices;
  /** The user's working folder (the client's, for a command run inside `serve`). */
  readonly cwd?: string;
  /** The operating-system account that ran the command, for the audit. */
  readonly osUser?: string;
  /** Runs a whole command line (main.ts's `run`): how `serve` answers the control socket without importing the dispatcher. */
  readonly dispatch?: Dispatch;
}

/** The `anyqtama` command as a function: words, where its output goes, and the daemon it runs inside, if any. */
export type Dispatch = (argv: readonly string[], io: Io, hosted?: HostedRun) => Promise<number>;

/** A command line that reached a running `serve` over its control socket, run inside it. */
export interface HostedRun {
  readonly dataDir: string;
  readonly databaseUrl?: string;
  readonly cwd: string;
  readonly osUser: string;
  readonly services: HostedServices;
}

/** What every command gets: the reader's language, output mode, data folder and how to open the store. */
export class CliContext {
  private referenceCache: Result<Reference, DomainError> | null = null;
  readonly cwd: string;
  readonly osUser: string;
  readonly host: HostedServices | undefined;
  readonly dispatch: Dispatch | undefined;

  constructor(
    readonly io: Io,
    readonly lang: Lang,
    readonly json: boolean,
    readonly dataDir: string,
    readonly commandLine: string,
    /** PostgreSQL instead of the embedded store in `dataDir` (--database-url, ANYQTAMA_DATABASE_URL). */
    readonly databaseUrl?: string,
    extras: ContextExtras = {},
  ) {
    this.host = extras.host;
    this.dispatch = extras.dispatch;
    this.cwd = extras.cwd ?? process.cwd();
    this.osUser = extras.osUser ?? osUser();
  }

  /** A path the user typed, as a full path from their working folder. */
  path(typed: string): string {
    return resolve(this.cwd, typed);
  }

  /** The CAs this office trusts and their revocation lists: DATA_DIR/pki/trusted, then data/pki/trusted. */
  trustDirs(): string[] {
    return [join(this.dataDir, 'pki', 'trusted'), join(SHIPPED_DATA, 'pki', 'trusted')];
  }

  private trustCache: Promise<TrustStore> | null = null;

  trust(): Promise<TrustStore> {
    if (this.host) return this.host.trust();
    // node-forge comes with it: loaded by the commands that check a signature, not by every one.
    this.trustCache ??= import('../documents/pki/trust.js').then(({ loadTrustStore }) => loadTrustStore(this.trustDirs())).then(({ store, problems }) => {
      for (const problem of problems) this.io.err(problem);
      return store;
    });
    return this.trustCache;
  }

  /** Forgets the loaded trust store, after `keys trust` or `keys crl` changed it. */
  reloadTrust(): void {
    if (this.host) return this.host.reloadTrust();
    this.trustCache = null;
  }

  reference(): Result<Reference, DomainError> {
    this.referenceCache ??= loadReference(this.dataDir);
    return this.referenceCache;
  }

  /** Opens the store (taking its lock) and the service on it; the caller must close the store. */
  async open(): Promise<Result<{ service: RequestService; store: Store }, DomainError>> {
    if (this.host) return ok({ service: this.host.service, store: this.host.store });
    const reference = this.reference();
    if (!reference.ok) return reference;
    const store = await this.openStore();
    if (!store.ok) return store;
    // The service and what it signs with (pdfkit, its fonts, node-forge) load with the first store a command opens.
    const [{ RequestService }, { DocumentService }, { clockFromEnv }] = await Promise.all([
      import('../app/requests.js'), import('../documents/service.js'), import('../app/clock.js'),
    ]);
    const documents = new DocumentService(store.value, reference.value, () => this.trust());
    return ok({ store: store.value, service: new RequestService(store.value, reference.value, clockFromEnv(this.io.env), { documents }) });
  }

  /** The store alone: PostgreSQL when a database URL is set, else the embedded store (taking its lock). */
  async openStore(): Promise<Result<Store, DomainError>> {
    // Inside `serve` the daemon's own store: whoever asked must not close it (withService does not).
    if (this.host) return ok(this.host.store);
    if (this.databaseUrl) {
      const { PgStore } = await import('../store/pg/pg-store.js');
      return PgStore.open({ url: this.databaseUrl, application: `anyqtama ${this.commandLine.split(' ')[1] ?? ''}`.trim(), log: (line) => this.io.err(`${new Date().toISOString()} ${line}`) });
    }
    return openEmbedded(this.dataDir, this.commandLine, (message) => this.io.err(render(this.lang, message)));
  }

  /**
   * Runs `work` with the store open, then writes what was done to the audit log (kind `cli`): the
   * command, the `--as` login and its role, the OS account that ran it, the subject and whether it
   * was done or refused. Every command that changes the store, and every read that shows personal
   * data in full, goes through here. A change the log could not take is reported (exit 1).
   */
  async audited<T>(
    what: AuditedCommand<NoInfer<T>>,
    work: (service: RequestService, store: Store) => Promise<Result<T, DomainError>>,
  ): Promise<Result<T, DomainError>> {
    return this.withService((service, store) => auditCommand(store, { ...this.origin(), now: () => service.moment().now }, what, () => work(service, store)));
  }

  /** Who runs this command, for the audit: `cli`, or `cli:control` inside `serve`, and the OS account. */
  origin(): CommandOrigin {
    return { source: this.host ? 'cli:control' : 'cli', osUser: this.osUser };
  }

  /** Runs `work` at the administrator's desk (users, keys, trust) on the open store, and closes it. */
  atAdminDesk<T>(work: (desk: AdminDesk) => Promise<Result<T, DomainError>>): Promise<Result<T, DomainError>> {
    // The desk and the key code it brings (node-forge, the PKCS#12 reader) load for admin commands only.
    return this.withService(async (service, store) => {
      const { AdminDesk } = await import('../app/admin-desk.js');
      return work(new AdminDesk({
        store, moment: () => service.moment(), origin: this.origin(),
        trust: { dir: this.trustDirs()[0]!, load: () => this.trust(), reload: () => this.reloadTrust() },
      }));
    });
  }

  /** Runs `work` with the store open, and always closes it. */
  async withService<T>(work: (service: RequestService, store: Store) => Promise<Result<T, DomainError>>): Promise<Result<T, DomainError>> {
    const opened = await this.open();
    if (!opened.ok) return opened;
    try {
      return await work(opened.value.service, opened.value.store);
    } finally {
      if (!this.host) await opened.value.store.close();
    }
  }
}

/**
 * Opens the embedded store in `dir`: only as the account owning the folder, or root (data-dir.ts),
 * and a folder that cannot hold a store (read-only, not a folder, a name too long) is a message, not a stack trace.
 */
export async function openEmbedded(dir: string, command: string, warn?: (message: MessageRef) => void): Promise<Result<Store, DomainError>> {
  const notOwner = ownerProblem(dir);
  if (notOwner) return fail(notOwner);
  try {
    const { LowdbStore } = await import('../store/lowdb/lowdb-store.js');
    return await LowdbStore.open({ dataDir: dir, command, ...(warn ? { warn } : {}) });
  } catch (error) {
    // A disk that refuses what opening must write (the lock, a new store's files): a message, not a stack trace.
    const disk = diskErrorCode(error);
    if (disk) return fail(diskProblem(disk, 'open'));
    const code = (error as NodeJS.ErrnoException).code;
    if (!code || !['ENOTDIR', 'EISDIR', 'ENAMETOOLONG', 'EACCES', 'EPERM', 'EROFS', 'ELOOP', 'EEXIST', 'ENOENT', 'EINVAL'].includes(code)) throw error;
    return fail(domainError('VALIDATION', { key: 'securityCli.dataDirUnusable', params: { dir, reason: code } }));
  }
}

/** The member of staff named by --as, as an actor of the lifecycle. */
export async function actorOf(store: Pick<UserStore, 'getUser'>, login: string): Promise<Result<Actor, DomainError>> {
  const user = await store.getUser(login);
  if (!user) return fail(domainError('NOT_FOUND', { key: 'app.unknownUser', params: { login } }));
  if (user.disabled) return fail(domainError('FORBIDDEN', { key: 'app.userDisabled', params: { login } }));
  return ok({
    login: user.login,
    role: user.role,
    fullName: user.fullName,
    ...(user.organisationId ? { organisationId: user.organisationId } : {}),
    ...(user.iin ? { iin: user.iin } : {}),
  });
}

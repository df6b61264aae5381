import { clockFromEnv } from '../app/clock.js';
import { RequestService } from '../app/requests.js';
import type { Lang } from '../core/i18n/text.js';
import type { Actor } from '../core/request.js';
import { domainError, fail, ok, type DomainError, type Result } from '../core/result.js';
import { loadReference, type Reference } from '../config/reference.js';
import { LowdbStore } from '../store/lowdb/lowdb-store.js';
import { diskErrorCode, type Store } from '../store/port.js';
import { diskProblem } from '../app/unavailable.js';
import { render } from '../core/i18n/catalogue.js';
import type { Io } from './io.js';
import { join } from 'node:path';
import { SHIPPED_DATA } from '../config/paths.js';
import { DocumentService } from '../documents/service.js';
import { loadTrustStore, type TrustStore } from '../documents/pki/trust.js';

/** What every command gets: the reader's language, output mode, data folder and how to open the store. */
export class CliContext {
  private referenceCache: Result<Reference, DomainError> | null = null;

  constructor(
    readonly io: Io,
    readonly lang: Lang,
    readonly json: boolean,
    readonly dataDir: string,
    readonly commandLine: string,
    /** PostgreSQL instead of the embedded store in `dataDir` (--database-url, ANYQTAMA_DATABASE_URL). */
    readonly databaseUrl?: string,
  ) {}

  /** The CAs this office trusts and their revocation lists: DATA_DIR/pki/trusted, then data/pki/trusted. */
  trustDirs(): string[] {
    return [join(this.dataDir, 'pki', 'trusted'), join(SHIPPED_DATA, 'pki', 'trusted')];
  }

  private trustCache: Promise<TrustStore> | null = null;

  trust(): Promise<TrustStore> {
    this.trustCache ??= loadTrustStore(this.trustDirs()).then(({ store, problems }) => {
      for (const problem of problems) this.io.err(problem);
      return store;
    });
    return this.trustCache;
  }

  /** Forgets the loaded trust store, after `keys trust` or `keys crl` changed it. */
  reloadTrust(): void {
    this.trustCache = null;
  }

  reference(): Result<Reference, DomainError> {
    this.referenceCache ??= loadReference(this.dataDir);
    return this.referenceCache;
  }

  /** Opens the store (taking its lock) and the service on it; the caller must close the store. */
  async open(): Promise<Result<{ service: RequestService; store: Store }, DomainError>> {
    const reference = this.reference();
    if (!reference.ok) return reference;
    const store = await this.openStore();
    if (!store.ok) return store;
    const documents = new DocumentService(store.value, reference.value, () => this.trust());
    return ok({ store: store.value, service: new RequestService(store.value, reference.value, clockFromEnv(this.io.env), { documents }) });
  }

  /** The store alone: PostgreSQL when a database URL is set, else the embedded store (taking its lock). */
  async openStore(): Promise<Result<Store, DomainError>> {
    if (this.databaseUrl) {
      const { PgStore } = await import('../store/pg/pg-store.js');
      return PgStore.open({ url: this.databaseUrl, application: `anyqtama ${this.commandLine.split(' ')[1] ?? ''}`.trim(), log: (line) => this.io.err(`${new Date().toISOString()} ${line}`) });
    }
    try {
      return await LowdbStore.open({ dataDir: this.dataDir, command: this.commandLine, warn: (message) => this.io.err(render(this.lang, message)) });
    } catch (error) {
      // A disk that refuses what opening must write (the lock, a new store's files): a message, not a stack trace.
      const disk = diskErrorCode(error);
      if (disk) return fail(diskProblem(disk, 'open'));
      throw error;
    }
  }

  /** Runs `work` with the store open, and always closes it. */
  async withService<T>(work: (service: RequestService, store: Store) => Promise<Result<T, DomainError>>): Promise<Result<T, DomainError>> {
    const opened = await this.open();
    if (!opened.ok) return opened;
    try {
      return await work(opened.value.service, opened.value.store);
    } finally {
      await opened.value.store.close();
    }
  }
}

/** The member of staff named by --as, as an actor of the lifecycle. */
export async function actorOf(store: Store, login: string): Promise<Result<Actor, DomainError>> {
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

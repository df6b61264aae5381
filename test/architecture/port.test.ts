import { describe, expect, expectTypeOf, it } from 'vitest';
import type { AdminDeskOptions } from '../../src/app/admin-desk.js';
import type { StaffAuthenticator } from '../../src/app/auth.js';
import type { CitizenDesk } from '../../src/app/citizen-desk.js';
import type { ClerkDesk } from '../../src/app/clerk-desk.js';
import type { CallCentreLookups } from '../../src/app/lookups.js';
import type { RequestService } from '../../src/app/requests.js';
import type { RetentionStore } from '../../src/app/retention.js';
import type { supervisorReport } from '../../src/app/statistics.js';
import type { CitizenBotOptions } from '../../src/bot/bot.js';
import type { ConversationDeps } from '../../src/bot/turn.js';
import type { NoticeSources } from '../../src/bot/notices.js';
import type { NotifierOptions } from '../../src/bot/notifier.js';
import type { DocumentService } from '../../src/documents/service.js';
import type { StoreContents } from '../../src/store/digest.js';
import { LowdbStore } from '../../src/store/lowdb/lowdb-store.js';
import { PgStore } from '../../src/store/pg/pg-store.js';
import type {
  AuditStore,
  BlobStore,
  ChangeFeed,
  ChatStore,
  OutboxStore,
  RequestReader,
  RequestStore,
  Store,
  StoreLifecycle,
  StoreScans,
  UserStore,
} from '../../src/store/port.js';
import type { TuiServices } from '../../src/tui/services.js';

// The type assertions below are checked by `npm run typecheck` (tsconfig.json includes test/);
// vitest runs only the runtime half. A consumer's reach widening past what it uses fails the typecheck.

interface Parts {
  RequestReader: RequestReader;
  RequestStore: Omit<RequestStore, keyof RequestReader>;
  OutboxStore: OutboxStore;
  UserStore: UserStore;
  BlobStore: BlobStore;
  ChatStore: ChatStore;
  AuditStore: AuditStore;
  StoreScans: StoreScans;
  ChangeFeed: ChangeFeed;
  StoreLifecycle: StoreLifecycle;
}

/** Each part's own members, by name: the port's map for a reader of this test. */
const PARTS = {
  RequestReader: ['get', 'getByNumber', 'summaryByNumber', 'list'],
  RequestStore: ['create', 'save', 'nextSequence', 'sweepDrafts'],
  OutboxStore: ['pendingOutbox', 'claimOutbox', 'releaseOutbox', 'outboxProgress', 'ackOutbox'],
  UserStore: ['listUsers', 'getUser', 'putUser'],
  BlobStore: ['putBlob', 'getBlob', 'blobSize'],
  ChatStore: ['getChat', 'putChat', 'sweepChats'],
  AuditStore: ['appendAudit', 'listAudit'],
  StoreScans: ['scanRequests', 'scanBlobs', 'scanChats'],
  ChangeFeed: ['watch'],
  StoreLifecycle: ['kind', 'holdLease', 'close'],
} as const satisfies { [P in keyof Parts]: readonly (keyof Parts[P])[] };

/** Optional where an adapter has no second process to hear from or share with. */
const OPTIONAL = new Set<string>(['watch', 'holdLease']);

type Listed<P extends keyof Parts> = (typeof PARTS)[P][number];
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

describe('the storage port, split by who uses it', () => {
  it('lists every part in full, and the parts together are the whole Store', () => {
    expectTypeOf<{ [P in keyof Parts]: Exact<Listed<P>, keyof Parts[P]> }>().toEqualTypeOf<{ [P in keyof Parts]: true }>();
    expectTypeOf<Listed<keyof Parts>>().toEqualTypeOf<keyof Store>();
    expectTypeOf<Store>().toMatchTypeOf<RequestStore & OutboxStore & UserStore & BlobStore & ChatStore & AuditStore & StoreScans & ChangeFeed & StoreLifecycle>();
  });

  it('gives each method of the store to exactly one part', () => {
    const names = Object.values(PARTS).flat();
    expect(names.length).toBe(31);
    expect(new Set(names).size).toBe(names.length);
  });

  it('is implemented in full by the embedded and the PostgreSQL store', () => {
    for (const adapter of [LowdbStore, PgStore]) {
      const missing = Object.values(PARTS)
        .flat()
        .filter((name) => name !== 'kind' && !OPTIONAL.has(name))
        .filter((name) => typeof (adapter.prototype as unknown as Record<string, unknown>)[name] !== 'function');
      expect(missing, adapter.name).toEqual([]);
    }
    expectTypeOf<LowdbStore>().toMatchTypeOf<Store>();
    expectTypeOf<PgStore>().toMatchTypeOf<Store>();
  });
});

/** The store a consumer was given, as the names of the methods it may call. */
type Reach<T> = keyof T & string;
type Readers = keyof RequestReader;

describe('each consumer is handed only the part of the store it uses', () => {
  it('staff log-in sees only staff accounts', () => {
    expectTypeOf<Reach<ConstructorParameters<typeof StaffAuthenticator>[0]>>().toEqualTypeOf<keyof UserStore>();
  });

  it('the admin desk changes staff accounts and writes audit lines, and reads no request', () => {
    expectTypeOf<Reach<AdminDeskOptions['store']>>().toEqualTypeOf<keyof UserStore | 'appendAudit'>();
  });

  it('the call-centre look-up only writes and reads its audit lines (requests come through the request service)', () => {
    expectTypeOf<Reach<ConstructorParameters<typeof CallCentreLookups>[1]>>().toEqualTypeOf<keyof AuditStore>();
  });

  it('the request service writes requests and files and hears of other processes, and touches no staff, chats or outbox', () => {
    expectTypeOf<Reach<RequestService['store']>>().toEqualTypeOf<keyof RequestStore | keyof BlobStore | 'watch'>();
  });

  it('retention can delete old chats and drafts and nothing else', () => {
    expectTypeOf<Reach<RetentionStore>>().toEqualTypeOf<'sweepChats' | 'sweepDrafts'>();
  });

  it('the supervisor report only reads', () => {
    expectTypeOf<Reach<Parameters<typeof supervisorReport>[0]>>().toEqualTypeOf<Readers | 'listUsers'>();
  });

  it('documents read requests and a signer, and keep PDFs', () => {
    expectTypeOf<Reach<ConstructorParameters<typeof DocumentService>[0]>>().toEqualTypeOf<Readers | keyof BlobStore | 'getUser'>();
  });

  it('the notifier cannot change a request', () => {
    expectTypeOf<Reach<NotifierOptions['store']>>().toEqualTypeOf<keyof OutboxStore | Readers | 'getBlob'>();
    expectTypeOf<Reach<NoticeSources['store']>>().toEqualTypeOf<'getBlob'>();
  });

  it('the citizen desk keeps files and its audit lines and reads a request for the survey; the rest goes through the request service', () => {
    expectTypeOf<Reach<ConstructorParameters<typeof CitizenDesk>[1]>>().toEqualTypeOf<'get' | 'putBlob' | keyof AuditStore>();
  });

  it('the bot\'s conversation holds no store: requests, files and the audit log only through the citizen desk', () => {
    expectTypeOf<keyof ConversationDeps>().toEqualTypeOf<'desk' | 'download'>();
    // startCitizenBot wires the desk and the notifier: it is handed their parts and its chats.
    expectTypeOf<Reach<CitizenBotOptions['store']>>().toEqualTypeOf<'getChat' | 'putChat' | 'putBlob' | 'getBlob' | keyof AuditStore | Readers | keyof OutboxStore>();
  });

  it('the clerk desk reads requests and staff, and writes only through the request service', () => {
    expectTypeOf<Reach<ConstructorParameters<typeof ClerkDesk>[1]>>().toEqualTypeOf<Readers | 'getUser' | 'listUsers'>();
  });

  it('TUI screens are handed desks, not the store', () => {
    expectTypeOf<'store' extends keyof TuiServices ? true : false>().toEqualTypeOf<false>();
  });

  it('a checksum or copy of the store writes nothing to its source', () => {
    expectTypeOf<Reach<StoreContents>>().toEqualTypeOf<keyof StoreScans | 'listUsers' | 'listAudit'>();
  });
});

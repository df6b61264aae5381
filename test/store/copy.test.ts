import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Request } from '../../src/core/request.js';
import { differingParts, digestStore } from '../../src/store/digest.js';
import { LowdbStore } from '../../src/store/lowdb/lowdb-store.js';
import { copyStore } from '../../src/store/pg/import.js';
import type { PgStore } from '../../src/store/pg/pg-store.js';
import type { AuditEntry, BotChat, Store } from '../../src/store/port.js';
import { NOW, seededDir, TempDirs } from '../cli/helpers.js';
import { aRequest, changed } from './fixtures.js';
import { freshSchema, openPg, type TestSchema } from './pg-harness.js';

const dirs = new TempDirs();
let demo: string;

beforeAll(async () => {
  demo = await seededDir(dirs);
}, 120_000);
afterAll(() => dirs.removeAll());

async function openLowdb(dir: string): Promise<LowdbStore> {
  const opened = await LowdbStore.open({ dataDir: dir, command: 'copy test' });
  if (!opened.ok) throw new Error(opened.error.message.key);
  return opened.value;
}

const chat = (chatId: number, updatedAt: string): BotChat => ({
  chatId, userId: Math.abs(chatId), lang: 'ru', phone: '+77011234567', phoneSharedAt: NOW, lastUpdateId: 42,
  flow: { step: 'documents', answers: { children: [{ iin: '150101500019', name: 'Ә' }], note: null } },
  failedChecks: [NOW], createdAt: NOW, updatedAt,
});

const lookup: AuditEntry = { at: NOW, actor: 'callcentre', role: 'callcentre', kind: 'lookup', subject: '26-000001-5', outcome: 'notFound', source: 'cli' };

/**
 * A copy of the demo office with what the demo does not make: bot conversations (one a group, with
 * a negative id), look-ups in the audit log (two of them identical), an outbox item the notifier
 * delivered, one it got half-way through, and a scanned document.
 */
async function demoOffice(): Promise<string> {
  const dir = dirs.copy(demo);
  const store = await openLowdb(dir);
  try {
    const pending = await store.pendingOutbox(10);
    await store.ackOutbox(pending[0]!.requestId, pending[0]!.item.id, NOW);
    await store.outboxProgress(pending[1]!.requestId, pending[1]!.item.id, 2);
    await store.putChat(chat(5550001, NOW));
    await store.putChat(chat(-100200300, NOW));
    await store.appendAudit(lookup);
    await store.appendAudit(lookup);
    await store.appendAudit({ ...lookup, subject: '26-000002-3', outcome: 'found' });
    await store.putBlob(Buffer.from('%PDF-1.4 a scanned birth certificate'));
  } finally {
    await store.close();
  }
  return dir;
}

/** Both stores open on a fresh copy of the demo office and a fresh schema, closed and dropped afterwards. */
async function withStores(work: (source: LowdbStore, target: PgStore, schema: TestSchema) => Promise<void>): Promise<void> {
  const dir = await demoOffice();
  const schema = await freshSchema();
  const source = await openLowdb(dir);
  const target = await openPg(schema);
  try {
    await work(source, target, schema);
  } finally {
    await source.close();
    await target.close();
    await schema.drop();
  }
}

async function all<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of items) out.push(x);
  return out;
}

const byLogin = <T extends { login: string }>(xs: readonly T[]) => [...xs].sort((a, b) => a.login.localeCompare(b.login));

describe('copying an embedded store into PostgreSQL', () => {
  it('brings every request, signed document, blob, user, conversation and audit line over, with the same checksum on both sides', async () => {
    await withStores(async (source, target) => {
      const outcome = await copyStore(source, target);
      const [before, after] = [await digestStore(source), await digestStore(target)];
      expect(after.checksum).toBe(before.checksum);
      expect(after.counts).toEqual(before.counts);
      expect(before.counts).toMatchObject({ chats: 2, audit: 3, delivered: 1 });
      expect(before.counts.signatures).toBeGreaterThanOrEqual(4);
      expect(before.counts.requests).toBeGreaterThanOrEqual(14);
      expect(outcome.copied).toEqual({
        requests: before.counts.requests, events: before.counts.events, outbox: before.counts.outbox, delivered: 1,
        blobs: before.counts.blobs, users: before.counts.users, chats: 2, audit: 3, sequences: 1,
      });
      expect(outcome).toMatchObject({ numberClashes: [], newerInTarget: [], damagedBlobs: [] });

      for (const request of await all(source.scanRequests())) expect(await target.get(request.id)).toEqual(request);
      for (const hash of await all(source.scanBlobs())) expect(Buffer.from((await target.getBlob(hash))!)).toEqual(Buffer.from((await source.getBlob(hash))!));
      expect(byLogin(await target.listUsers())).toEqual(byLogin(await source.listUsers()));
      expect(await target.getChat(-100200300)).toEqual(await source.getChat(-100200300));
      expect(await target.listAudit({})).toEqual(await source.listAudit({}));

      // The notifier on PostgreSQL neither repeats the delivered notice nor the steps Telegram accepted.
      const claimed = await target.claimOutbox('pg-notifier', 100, 60_000);
      const progressed = (await all(source.scanRequests())).flatMap((r) => r.outbox).find((o) => o.stepsDone === 2)!;
      expect(claimed.find((e) => e.item.id === progressed.id)?.stepsDone).toBe(2);
      const delivered = (await all(source.scanRequests())).flatMap((r) => r.outbox).find((o) => o.deliveredAt)!;
      expect(claimed.map((e) => e.item.id)).not.toContain(delivered.id);
    });
  });

  it('adds nothing when run again, and brings over a request changed in the source since, but never undoes one changed in the target', async () => {
    await withStores(async (source, target) => {
      await copyStore(source, target);
      const again = await copyStore(source, target);
      expect(Object.values(again.copied).every((n) => n === 0)).toBe(true);
      expect((await digestStore(target)).checksum).toBe((await digestStore(source)).checksum);

      const requests = (await all(source.scanRequests())).filter((r) => r.state === 'SUBMITTED');
      const inSource = requests[0]!;
      const moved = await source.save(changed(inSource, 'IN_WORK'), inSource.version);
      expect(moved.ok).toBe(true);
      const pending = (await source.pendingOutbox(10)).find((e) => e.requestId !== inSource.id)!;
      await source.ackOutbox(pending.requestId, pending.item.id, NOW);

      const update = await copyStore(source, target);
      expect(update.copied).toMatchObject({ requests: 1, events: 1, outbox: 1, delivered: 1, users: 0, blobs: 0, audit: 0, chats: 0 });
      expect(await target.get(inSource.id)).toEqual(await source.get(inSource.id));
      expect((await digestStore(target)).checksum).toBe((await digestStore(source)).checksum);

      const inTarget = (await target.get(requests[1]!.id))!;
      expect((await target.save(changed(inTarget, 'IN_WORK'), inTarget.version)).ok).toBe(true);
      const stale = await copyStore(source, target);
      expect(stale.copied.requests).toBe(0);
      expect(stale.newerInTarget).toEqual([inTarget.number]);
      expect((await target.get(inTarget.id))!.state).toBe('IN_WORK');
      expect(differingParts(await digestStore(source), await digestStore(target))).toEqual(['requests']);
    });
  });

  it('continues the numbering after the highest number copied', async () => {
    await withStores(async (source, target) => {
      await copyStore(source, target);
      const highest = Math.max(...(await all(source.scanRequests())).filter((r) => r.number?.startsWith('26-')).map((r) => Number(r.number!.split('-')[1])));
      expect(highest).toBeGreaterThan(0);
      expect(await target.nextSequence(2026)).toBe(highest + 1);
    });
  });

  it('finishes a copy that was interrupted half-way when run again', async () => {
    await withStores(async (source, target) => {
      // The source as it is, but its requests stop coming after five: a lost connection, a Ctrl-C.
      const failing: Store = Object.create(source, {
        scanRequests: {
          value: async function* () {
            let n = 0;
            for await (const r of source.scanRequests()) {
              if (n++ === 5) throw new Error('interrupted');
              yield r;
            }
          },
        },
      });
      await expect(copyStore(failing, target, { batch: 2 })).rejects.toThrow('interrupted');
      const partial = await digestStore(target);
      expect(partial.counts.requests).toBe(4);

      const resumed = await copyStore(source, target, { batch: 2 });
      const total = (await digestStore(source)).counts.requests;
      expect(resumed.copied.requests).toBe(total - 4);
      expect((await digestStore(target)).checksum).toBe((await digestStore(source)).checksum);
    });
  });

  it('leaves alone a request the target already holds under the same number, and says which', async () => {
    await withStores(async (source, target) => {
      const first = (await all(source.scanRequests())).find((r) => r.number) as Request;
      const other = aRequest({ number: first.number });
      expect((await target.create(other)).ok).toBe(true);
      const outcome = await copyStore(source, target);
      expect(outcome.numberClashes).toEqual([first.number]);
      expect((await target.getByNumber(first.number!))!.id).toBe(other.id);
      expect(await target.get(first.id)).toBeNull();
    });
  });
});

import { describe, expect, it, beforeEach, afterEach } from 'vitest';
import type { AuditEntry, BotChat, Store } from '../../src/store/port.js';
import { aRequest, changed } from './fixtures.js';

/**
 * The storage contract. Every adapter runs this same suite (lowdb now, PostgreSQL later):
 * `open` gives a store on fresh storage; `reopen` closes it and opens the same storage again.
 */
export interface StoreHarness {
  open(): Promise<Store>;
  reopen(store: Store): Promise<Store>;
  cleanup(): Promise<void>;
}

export function storeContract(name: string, makeHarness: () => Promise<StoreHarness>): void {
  describe(`${name} store contract`, () => {
    let harness: StoreHarness;
    let store: Store;

    beforeEach(async () => {
      harness = await makeHarness();
      store = await harness.open();
    });
    afterEach(async () => {
      await store.close();
      await harness.cleanup();
    });

    it('finds a stored request by id and by number, exactly as it was stored', async () => {
      const r = aRequest();
      expect((await store.create(r)).ok).toBe(true);
      expect(await store.get(r.id)).toEqual(r);
      expect(await store.getByNumber(r.number!)).toEqual(r);
      expect(await store.get('no-such-id')).toBeNull();
      expect(await store.getByNumber('26-999999-0')).toBeNull();
      const summary = await store.summaryByNumber(r.number!);
      expect(summary).toMatchObject({ id: r.id, state: 'SUBMITTED', dueDate: '2026-04-06', lastEvent: { action: 'register', to: 'SUBMITTED' } });
      expect(await store.summaryByNumber('26-999999-0')).toBeNull();
    });

    it('refuses to create a request whose id already exists', async () => {
      const r = aRequest();
      await store.create(r);
      const again = await store.create({ ...r, state: 'IN_WORK' });
      expect(again.ok).toBe(false);
      if (!again.ok) expect(again.error.code).toBe('CONFLICT');
      expect((await store.get(r.id))!.state).toBe('SUBMITTED');
    });

    it('saves a change made on the current version', async () => {
      const r = aRequest();
      await store.create(r);
      const next = changed(r, 'IN_WORK');
      const saved = await store.save(next, r.version);
      expect(saved.ok).toBe(true);
      expect((await store.getByNumber(r.number!))!.state).toBe('IN_WORK');
      expect((await store.get(r.id))!.version).toBe(2);
    });

    it('refuses a change made on a stale version and keeps what was stored', async () => {
      const r = aRequest();
      await store.create(r);
      await store.save(changed(r, 'IN_WORK'), 1);
      const stale = await store.save(changed(r, 'REFUSED'), 1);
      expect(stale.ok).toBe(false);
      if (!stale.ok) {
        expect(stale.error.code).toBe('CONFLICT');
        expect(stale.error.message.key).toBe('store.conflict');
      }
      expect((await store.get(r.id))!.state).toBe('IN_WORK');
    });

    it('of two clerks acting on one request at the same moment, one succeeds and one gets a conflict', async () => {
      const r = aRequest();
      await store.create(r);
      const results = await Promise.all([store.save(changed(r, 'IN_WORK'), 1), store.save(changed(r, 'IN_WORK'), 1)]);
      expect(results.filter((x) => x.ok)).toHaveLength(1);
      const lost = results.find((x) => !x.ok);
      expect(lost && !lost.ok && lost.error.code).toBe('CONFLICT');
      expect((await store.get(r.id))!.history).toHaveLength(2);
    });

    it('says NOT_FOUND when saving a request it never stored', async () => {
      const r = aRequest();
      const saved = await store.save(changed(r, 'IN_WORK'), 1);
      expect(!saved.ok && saved.error.code).toBe('NOT_FOUND');
    });

    it('lists by state, service, office, applicant IIN, due date and text, soonest due first, in pages', async () => {
      const a = aRequest({ due: { dueDate: '2026-04-10', rule: { unit: 'calendar', amount: 15, source: 't' }, explanation: {} } });
      const b = aRequest({ state: 'IN_WORK', due: { dueDate: '2026-04-01', rule: { unit: 'calendar', amount: 15, source: 't' }, explanation: {} } });
      const c = aRequest({ service: 'unemployed-certificate', office: 'ekb-employment', receivedBy: 'ekb-centre', applicant: { iin: '781115300019', fullName: 'Сейітов Ерлан Қайратұлы' } });
      for (const r of [a, b, c]) await store.create(r);
      const ids = async (f: Parameters<Store['list']>[0]) => (await store.list(f)).items.map((i) => i.id);
      // b is due 01.04, c 06.04 (fixture default), a 10.04.
      expect(await ids({ order: 'due' })).toEqual([b.id, c.id, a.id]);
      expect(await ids({ states: ['IN_WORK'] })).toEqual([b.id]);
      expect(await ids({ service: 'unemployed-certificate' })).toEqual([c.id]);
      expect(await ids({ office: 'ekb-employment' })).toEqual([c.id]);
      expect(await ids({ receivedBy: 'ekb-centre' })).toEqual([c.id]);
      expect(await ids({ applicantIin: '781115300019' })).toEqual([c.id]);
      expect(new Set(await ids({ dueOnOrBefore: '2026-04-06' }))).toEqual(new Set([b.id, c.id]));
      expect(await ids({ dueOnOrAfter: '2026-04-02', dueOnOrBefore: '2026-04-06' })).toEqual([c.id]);
      expect(await ids({ text: 'сейітов' })).toEqual([c.id]);
      expect(await ids({ text: '7811153' })).toEqual([c.id]);
      expect(await ids({ text: a.number!.replace(/-/g, ' ') })).toEqual([a.id]);
      const page = await store.list({ order: 'due', limit: 2, offset: 1 });
      expect(page.total).toBe(3);
      expect(page.items).toHaveLength(2);
      expect(page.items[0]!.id).not.toBe(b.id);
    });

    it('pages a queue of several states in due order, requests without a due date last and out of date ranges', async () => {
      const due = (dueDate: string) => ({ dueDate, rule: { unit: 'calendar' as const, amount: 15, source: 't' }, explanation: {} });
      const made = [
        aRequest({ due: due('2026-04-03') }),
        aRequest({ state: 'IN_WORK', due: due('2026-04-01') }),
        aRequest({ state: 'IN_WORK', due: due('2026-04-05') }),
        aRequest({ due: null }),
        aRequest({ state: 'COMPLETED', due: due('2026-04-02') }),
        aRequest({ due: due('2026-04-04') }),
      ];
      for (const r of made) await store.create(r);
      const [a, b, c, none, , d] = made;
      const ids = async (f: Parameters<Store['list']>[0]) => (await store.list(f)).items.map((i) => i.id);
      const open = ['SUBMITTED', 'IN_WORK'] as const;
      expect(await ids({ states: [...open], order: 'due' })).toEqual([b!.id, a!.id, d!.id, c!.id, none!.id]);
      const page = await store.list({ states: [...open], order: 'due', limit: 2, offset: 2 });
      expect(page.items.map((i) => i.id)).toEqual([d!.id, c!.id]);
      expect(page.total).toBe(5);
      expect(await ids({ states: ['SUBMITTED'], order: 'due' })).toEqual([a!.id, d!.id, none!.id]);
      expect(await ids({ states: [...open], dueOnOrBefore: '2026-04-04' })).toEqual([b!.id, a!.id, d!.id]);
      expect(await ids({ states: [...open], dueOnOrAfter: '2026-04-04' })).toEqual([d!.id, c!.id]);
    });

    it('hands out increasing sequence numbers that continue after a restart', async () => {
      const first = await store.nextSequence(2026);
      const second = await store.nextSequence(2026);
      expect(second).toBeGreaterThan(first);
      await store.create(aRequest({ seq: second }));
      store = await harness.reopen(store);
      expect(await store.nextSequence(2026)).toBeGreaterThan(second);
    });

    it('keeps what the citizen must be told until the notifier confirms it, across saves and restarts', async () => {
      const r = aRequest();
      await store.create(r);
      const pending = await store.pendingOutbox(10);
      expect(pending.map((p) => p.item.id)).toEqual([r.outbox[0]!.id]);
      expect(pending[0]!.number).toBe(r.number);
      await store.ackOutbox(r.id, r.outbox[0]!.id, '2026-03-20T05:01:00.000Z');
      await store.ackOutbox(r.id, r.outbox[0]!.id, '2026-03-20T05:02:00.000Z');
      expect(await store.pendingOutbox(10)).toEqual([]);
      // A clerk's save made from a copy read before the acknowledgement must not resurrect it.
      const next = changed(r, 'IN_WORK');
      await store.save(next, 1);
      const after = await store.pendingOutbox(10);
      expect(after.map((p) => p.item.id)).toEqual([next.outbox[1]!.id]);
      store = await harness.reopen(store);
      expect((await store.pendingOutbox(10)).map((p) => p.item.id)).toEqual([next.outbox[1]!.id]);
      const stored = await store.get(r.id);
      expect(stored!.outbox[0]!.deliveredAt).toBe('2026-03-20T05:01:00.000Z');
      expect(stored!.version).toBe(2);
    });

    it('lets one sender at a time claim a notification, the next from the step the first reached once its claim lapsed', async () => {
      const r = aRequest();
      await store.create(r);
      await store.save(changed(r, 'IN_WORK'), 1);
      const first = r.outbox[0]!.id;
      const a = await store.claimOutbox('sender-a', 10, 200);
      // Only the request's first undelivered item: its notices go in order.
      expect(a.map((e) => e.item.id)).toEqual([first]);
      expect(a[0]!.stepsDone ?? 0).toBe(0);
      expect(await store.claimOutbox('sender-b', 10, 200)).toEqual([]);
      expect((await store.claimOutbox('sender-a', 10, 200)).map((e) => e.item.id)).toEqual([first]);
      // A sender that stops politely gives its claims up at once.
      await store.releaseOutbox('sender-a');
      expect((await store.claimOutbox('sender-c', 10, 1)).map((e) => e.item.id)).toEqual([first]);
      await store.outboxProgress(r.id, first, 1);
      await store.outboxProgress(r.id, first, 1);
      await new Promise((resolve) => setTimeout(resolve, 250));
      const b = await store.claimOutbox('sender-b', 10, 60_000);
      expect(b.map((e) => [e.item.id, e.stepsDone])).toEqual([[first, 1]]);
      await store.ackOutbox(r.id, first, '2026-03-20T05:03:00.000Z');
      const next = await store.claimOutbox('sender-b', 10, 60_000);
      expect(next).toHaveLength(1);
      expect(next[0]!.item.kind).toBe('status');
      expect(next[0]!.item.id).not.toBe(first);
      expect((await store.get(r.id))!.outbox[0]).toMatchObject({ stepsDone: 1, deliveredAt: '2026-03-20T05:03:00.000Z' });
    });

    it('keeps users and their changes', async () => {
      await store.putUser({ login: 'kzo-clerk', role: 'clerk', fullName: 'A', organisationId: 'kzo-archives', createdAt: 't' });
      await store.putUser({ login: 'admin', role: 'admin', fullName: 'B', createdAt: 't' });
      await store.putUser({ login: 'kzo-clerk', role: 'clerk', fullName: 'A2', organisationId: 'kzo-archives', createdAt: 't' });
      store = await harness.reopen(store);
      expect((await store.getUser('kzo-clerk'))!.fullName).toBe('A2');
      expect((await store.listUsers()).map((u) => u.login).sort()).toEqual(['admin', 'kzo-clerk']);
      expect(await store.getUser('nobody')).toBeNull();
    });

    it('stores attachments by content hash, once', async () => {
      const content = new TextEncoder().encode('scan of an identity card');
      const hash = await store.putBlob(content);
      expect(hash).toMatch(/^[0-9a-f]{64}$/);
      expect(await store.putBlob(content)).toBe(hash);
      expect(Buffer.from((await store.getBlob(hash))!).toString()).toBe('scan of an identity card');
      expect(await store.getBlob('0'.repeat(64))).toBeNull();
      expect(await store.getBlob('../../etc/passwd')).toBeNull();
      // The size is read without the content (a bot upload is not read back to be filed).
      expect(await store.blobSize(hash)).toBe(content.byteLength);
      expect(await store.blobSize('0'.repeat(64))).toBeNull();
      expect(await store.blobSize('../../etc/passwd')).toBeNull();
    });

    it('keeps every call-centre look-up in the audit log, across a restart, newest first', async () => {
      const entry = (at: string, actor: string, outcome: AuditEntry['outcome'], subject = '26-000001-9'): AuditEntry =>
        ({ at, actor, role: 'callcentre', kind: 'lookup', subject, outcome, source: 'ssh:10.0.0.5' });
      // Across a UTC midnight, so an adapter that splits by day is read across days.
      const written = [
        entry('2026-03-19T23:58:00.000Z', 'callcentre', 'found'),
        entry('2026-03-20T00:01:00.000Z', 'callcentre', 'notFound', '26-000404-1'),
        entry('2026-03-20T05:00:00.000Z', 'supervisor', 'found'),
        entry('2026-03-20T05:02:00.000Z', 'callcentre', 'invalid', '26-00'),
      ];
      for (const e of written) await store.appendAudit(e);
      expect(await store.listAudit({})).toEqual([...written].reverse());
      store = await harness.reopen(store);
      expect(await store.listAudit({})).toEqual([...written].reverse());
      expect((await store.listAudit({ actor: 'callcentre' })).map((e) => e.outcome)).toEqual(['invalid', 'notFound', 'found']);
      expect((await store.listAudit({ since: '2026-03-20T00:00:00.000Z' })).map((e) => e.at)).toEqual([written[3]!.at, written[2]!.at, written[1]!.at]);
      expect((await store.listAudit({ actor: 'callcentre', limit: 2 })).map((e) => e.subject)).toEqual(['26-00', '26-000404-1']);
      expect(await store.listAudit({ kind: 'login' })).toEqual([]);
      await store.appendAudit(entry('2026-03-20T05:03:00.000Z', 'callcentre', 'throttled'));
      expect((await store.listAudit({ limit: 1 }))[0]!.outcome).toBe('throttled');
    });

    it('keeps what the operator\'s command line did (kind cli: command, --as login, OS account) beside the look-ups, each kind listed apart', async () => {
      const lookup: AuditEntry = { at: '2026-03-20T05:00:00.000Z', actor: 'callcentre', role: 'callcentre', kind: 'lookup', subject: '26-000001-9', outcome: 'found', source: 'cli' };
      const changed: AuditEntry = {
        at: '2026-03-20T05:01:00.000Z', actor: 'admin', role: 'admin', kind: 'cli', subject: 'kzo-clerk', outcome: 'done', source: 'cli', command: 'users password', osUser: 'anyqtama',
      };
      const refused: AuditEntry = { ...changed, at: '2026-03-20T05:02:00.000Z', actor: 'kzo-clerk', role: 'clerk', outcome: 'refused', command: 'keys remove' };
      for (const e of [lookup, changed, refused]) await store.appendAudit(e);
      store = await harness.reopen(store);
      expect(await store.listAudit({ kind: 'cli' })).toEqual([refused, changed]);
      expect(await store.listAudit({ kind: 'lookup' })).toEqual([lookup]);
      expect(await store.listAudit({ actor: 'admin' })).toEqual([changed]);
    });

    it('acknowledges audit entries written at the same moment only once all of them are kept', async () => {
      const many = Array.from({ length: 30 }, (_, i): AuditEntry =>
        ({ at: `2026-03-20T05:00:${String(i).padStart(2, '0')}.000Z`, actor: `op${i % 3}`, role: 'operator', kind: 'lookup', subject: `s${i}`, outcome: 'found' }));
      await Promise.all(many.map((e) => store.appendAudit(e)));
      store = await harness.reopen(store);
      const listed = await store.listAudit({});
      expect(new Set(listed.map((e) => e.subject))).toEqual(new Set(many.map((e) => e.subject)));
      expect(await store.listAudit({ actor: 'op1' })).toHaveLength(10);
    });

    it('keeps each Telegram chat\'s conversation, across a restart, and lists a chat\'s own requests', async () => {
      expect(await store.getChat(501)).toBeNull();
      const chat: BotChat = {
        chatId: 501, userId: 501, lang: 'kk', phone: '+77011234567', phoneSharedAt: '2026-03-20T05:00:00.000Z',
        lastUpdateId: 17, flow: { step: 'questionnaire', answers: { applicant: { lastName: 'Нұрланова' } } },
        createdAt: '2026-03-20T05:00:00.000Z', updatedAt: '2026-03-20T05:00:00.000Z',
      };
      await store.putChat(chat);
      await store.putChat({ ...chat, chatId: 502, userId: 502, lang: 'ru', flow: null });
      await store.putChat({ ...chat, lastUpdateId: 18, updatedAt: '2026-03-20T05:01:00.000Z' });
      const mine = [aRequest({ contact: { telegramChatId: 501 } }), aRequest({ contact: { telegramChatId: 501 } })];
      for (const r of [...mine, aRequest({ contact: { telegramChatId: 502 } }), aRequest()]) await store.create(r);
      store = await harness.reopen(store);
      expect(await store.getChat(501)).toEqual({ ...chat, lastUpdateId: 18, updatedAt: '2026-03-20T05:01:00.000Z' });
      expect((await store.getChat(502))!.flow).toBeNull();
      const listed = await store.list({ chatId: 501, order: 'submitted' });
      expect(new Set(listed.items.map((s) => s.number))).toEqual(new Set(mine.map((r) => r.number)));
      expect(listed.total).toBe(2);
      expect((await store.list({ chatId: 999 })).total).toBe(0);
    });

    it('forgets abandoned chats and untouched drafts after the retention period, and nothing else', async () => {
      const chat = (chatId: number, updatedAt: string): BotChat => ({
        chatId, userId: chatId, phone: '+77011234567', flow: { step: 'questionnaire' }, createdAt: '2026-01-01T00:00:00.000Z', updatedAt,
      });
      await store.putChat(chat(601, '2026-02-17T23:59:59.000Z'));
      await store.putChat(chat(602, '2026-02-18T00:00:00.000Z'));
      await store.putChat(chat(-603, '2026-03-01T00:00:00.000Z'));
      const draft = (updatedAt: string) => aRequest({
        number: null, state: 'DRAFT', submittedAt: null, submittedOn: null, due: null, history: [], outbox: [], createdAt: updatedAt, updatedAt,
      });
      const oldDraft = draft('2026-02-01T00:00:00.000Z');
      const freshDraft = draft('2026-02-18T00:00:00.000Z');
      const oldFiled = aRequest({ updatedAt: '2026-01-01T00:00:00.000Z' });
      for (const r of [oldDraft, freshDraft, oldFiled]) expect((await store.create(r)).ok).toBe(true);

      const before = '2026-02-18T00:00:00.000Z';
      expect(await store.sweepChats(before)).toBe(1);
      expect(await store.sweepDrafts(before)).toBe(1);
      expect(await store.getChat(601)).toBeNull();
      expect(await store.getChat(602)).not.toBeNull();
      expect(await store.getChat(-603)).not.toBeNull();
      expect(await store.get(oldDraft.id)).toBeNull();
      expect(await store.get(freshDraft.id)).toEqual(freshDraft);
      expect(await store.get(oldFiled.id)).toEqual(oldFiled);
      expect((await store.list({ states: ['DRAFT'] })).items.map((s) => s.id)).toEqual([freshDraft.id]);
      // A second sweep finds nothing more, and the deletions outlive a restart.
      expect(await store.sweepChats(before)).toBe(0);
      expect(await store.sweepDrafts(before)).toBe(0);
      store = await harness.reopen(store);
      expect(await store.get(oldDraft.id)).toBeNull();
      expect(await store.getChat(601)).toBeNull();
      const chats: number[] = [];
      for await (const c of store.scanChats()) chats.push(c.chatId);
      expect(chats.sort((a, b) => a - b)).toEqual([-603, 602]);
    });

    it('finds everything again after a restart', async () => {
      const rs = Array.from({ length: 20 }, () => aRequest());
      for (const r of rs) await store.create(r);
      await store.save(changed(rs[3]!, 'IN_WORK'), 1);
      store = await harness.reopen(store);
      expect((await store.list({ limit: 100 })).total).toBe(20);
      expect((await store.getByNumber(rs[3]!.number!))!.state).toBe('IN_WORK');
      expect((await store.get(rs[7]!.id))).toEqual(rs[7]);
    });
  });
}

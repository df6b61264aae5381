import { createHash, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CitizenDesk, type Citizen } from '../../src/app/citizen-desk.js';
import { fixedClock } from '../../src/app/clock.js';
import { LOOKUP_THROTTLE } from '../../src/app/lookup-throttle.js';
import { RequestService } from '../../src/app/requests.js';
import { loadReference } from '../../src/config/reference.js';
import { exampleAnswers } from '../../src/core/services/examples.js';
import { LowdbStore } from '../../src/store/lowdb/lowdb-store.js';

/** Friday 20 March 2026, 10:00 in Kazakhstan. */
const NOW = '2026-03-20T05:00:00Z';
const filer: Citizen = { chatId: 501, userId: 501 };
const other: Citizen = { chatId: 502, userId: 502 };
/** A small JPEG-looking photo. */
const PHOTO = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4, 5, 6, 7, 8]);

let dir: string;
let store: LowdbStore;
let requests: RequestService;
let desk: CitizenDesk;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'aq-desk-'));
  const opened = await LowdbStore.open({ dataDir: dir, command: 'test' });
  if (!opened.ok) throw new Error('store');
  store = opened.value;
  const reference = loadReference(dir);
  if (!reference.ok) throw new Error('reference');
  requests = new RequestService(store, reference.value, fixedClock(NOW));
  desk = new CitizenDesk(requests, store);
});
afterEach(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

/** An archival certificate filed through the desk by `filer`; its number. */
async function filed(): Promise<string> {
  const r = await desk.file(filer, {
    serviceId: 'archive-certificate', office: 'kzo-archives', answers: exampleAnswers('archive-certificate'),
    attachments: [], phone: '+77011234567', lang: 'kk', requestId: randomUUID(),
  });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value.number!;
}

describe('the citizen desk: files', () => {
  it('keeps a file as it arrives, by its hash, and files the application with it without storing it again', async () => {
    const kept = await desk.keepFile({ name: 'passport.jpg', mediaType: 'image/jpeg', content: PHOTO, documentId: 'identity' });
    expect(kept.ok).toBe(true);
    if (!kept.ok) return;
    const sha256 = createHash('sha256').update(PHOTO).digest('hex');
    expect(kept.value).toEqual({ name: 'passport.jpg', mediaType: 'image/jpeg', sha256, size: PHOTO.byteLength, documentId: 'identity' });
    expect(Buffer.from((await store.getBlob(sha256))!)).toEqual(Buffer.from(PHOTO));

    const r = await desk.file(filer, {
      serviceId: 'archive-certificate', office: 'kzo-archives', answers: exampleAnswers('archive-certificate'),
      attachments: [kept.value], phone: '+77011234567', lang: 'kk', requestId: randomUUID(),
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.attachments.map((a) => a.sha256)).toEqual([sha256]);
    expect(r.value.contact?.telegramChatId).toBe(filer.chatId);
    expect(r.value.channel).toBe('bot');
  });

  it('refuses a file of a type offices do not take, or an empty one, and keeps nothing', async () => {
    const text = await desk.keepFile({ name: 'notes.txt', mediaType: 'text/plain', content: PHOTO, documentId: 'identity' });
    expect(!text.ok && text.error.code).toBe('VALIDATION');
    const empty = await desk.keepFile({ name: 'scan.pdf', mediaType: 'application/pdf', content: new Uint8Array(), documentId: 'identity' });
    expect(!empty.ok && empty.error.code).toBe('VALIDATION');
    const blobs: string[] = [];
    for await (const sha of store.scanBlobs()) blobs.push(sha);
    expect(blobs).toEqual([]);
  });
});

describe('the citizen desk: status checks', () => {
  it('shows the citizen their own request by number without the IIN digits, and logs nothing', async () => {
    const number = await filed();
    const check = await desk.checkNumber(filer, number.replaceAll('-', ' '));
    expect(check.ok && check.value.kind).toBe('shown');
    expect(await store.listAudit({ kind: 'lookup' })).toEqual([]);
  });

  it('says what is wrong with something that is not a request number, without counting it', async () => {
    const check = await desk.checkNumber(other, 'hello');
    expect(check.ok && check.value.kind).toBe('invalid');
    expect(await store.listAudit({ kind: 'lookup' })).toEqual([]);
  });

  it('shows someone else\'s request only with the last four IIN digits; each check is logged, the digits never', async () => {
    const number = await filed();
    const asked = await desk.checkNumber(other, number);
    expect(asked.ok && asked.value).toEqual({ kind: 'askDigits', number });
    expect(await desk.checkDigits(other, number, '12')).toEqual({ ok: true, value: { kind: 'notDigits' } });
    const wrong = await desk.checkDigits(other, number, '1111');
    expect(wrong.ok && wrong.value).toEqual({ kind: 'noMatch', left: LOOKUP_THROTTLE.maxFailures - 1 });
    const right = await desk.checkDigits(other, number, '00 10');
    expect(right.ok && right.value.kind === 'shown' && right.value.status).toMatchObject({ request: { number }, resultOut: false, overdue: false });

    const audited = await store.listAudit({ actor: 'telegram:502' });
    expect(audited.map((e) => e.outcome)).toEqual(['found', 'notFound']);
    expect(audited.every((e) => e.subject === number && e.source === 'bot' && e.role === 'citizen' && e.kind === 'lookup')).toBe(true);
    expect(JSON.stringify(audited)).not.toMatch(/1111|0010/);
  });

  it('pauses the checks of a citizen after five failures, as the call-centre\'s; the pause outlives a restart and touches nobody else', async () => {
    const number = await filed();
    const answers = [];
    for (let i = 0; i < LOOKUP_THROTTLE.maxFailures; i++) answers.push(await desk.checkDigits(other, number, '9999'));
    const until = new Date(Date.parse(NOW) + LOOKUP_THROTTLE.windowMs).toISOString();
    expect(answers.map((a) => a.ok && a.value)).toEqual([
      ...[4, 3, 2, 1].map((left) => ({ kind: 'noMatch', left })),
      { kind: 'paused', until },
    ]);

    // A new desk on the same store (a restart) reads the failures back from the audit log.
    const restarted = new CitizenDesk(requests, store);
    expect(await restarted.checkNumber(other, number)).toEqual({ ok: true, value: { kind: 'paused', until } });
    expect(await restarted.checkDigits(other, number, '0010')).toEqual({ ok: true, value: { kind: 'paused', until } });
    const audited = await store.listAudit({ actor: 'telegram:502' });
    expect(audited.map((e) => e.outcome)).toEqual(['throttled', 'throttled', ...Array(LOOKUP_THROTTLE.maxFailures).fill('notFound')]);

    const third: Citizen = { chatId: 503, userId: 503 };
    const fresh = await restarted.checkNumber(third, number);
    expect(fresh.ok && fresh.value.kind).toBe('askDigits');
  });
});

describe('the citizen desk: own requests, documents, survey', () => {
  it('lists the chat\'s own requests only, and opens no one else\'s', async () => {
    const number = await filed();
    const mine = await desk.ownRequests(filer);
    expect(mine.ok && mine.value.filed.map((s) => s.number)).toEqual([number]);
    const theirs = await desk.ownRequests(other);
    expect(theirs.ok && theirs.value).toEqual({ filed: [], total: 0 });
    expect((await desk.ownRequest(filer, number)).ok).toBe(true);
    const notMine = await desk.ownRequest(other, number);
    expect(!notMine.ok && notMine.error.code).toBe('NOT_FOUND');
  });

  it('gives a result document only to the chat that filed the request, and only once there is one', async () => {
    const number = await filed();
    expect(await desk.resultDocument(other, number)).toEqual({ kind: 'notYours' });
    expect(await desk.resultDocument(filer, number)).toEqual({ kind: 'none' });
  });

  it('takes survey answers only from the chat that filed the request, and not before its result', async () => {
    const number = await filed();
    const request = await requests.find(number);
    if (!request.ok) throw new Error('filed');
    const id = request.value.id;
    const foreign = await desk.surveyTarget(other, id);
    expect(!foreign.ok && foreign.error.code).toBe('NOT_FOUND');
    const target = await desk.surveyTarget(filer, id);
    expect(target.ok && target.value).toEqual({ lang: 'kk', number, answered: false });
    const early = await desk.answerSurvey(filer, id, { q1: 3, q2: 3 });
    expect(!early.ok && early.error.code).toBe('GUARD_FAILED');
  });
});

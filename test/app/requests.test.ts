import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fixedClock } from '../../src/app/clock.js';
import { RequestService } from '../../src/app/requests.js';
import { loadReference } from '../../src/config/reference.js';
import { render } from '../../src/core/i18n/catalogue.js';
import type { Actor } from '../../src/core/request.js';
import { exampleAnswers } from '../../src/core/services/examples.js';
import { LowdbStore } from '../../src/store/lowdb/lowdb-store.js';

const clerk: Actor = { login: 'kzo-clerk', role: 'clerk', organisationId: 'kzo-archives', fullName: 'Серікбаева Динара' };
const tmrOperator: Actor = { login: 'tmr-operator', role: 'operator', organisationId: 'tmr-centre' };
const ekbOperator: Actor = { login: 'ekb-operator', role: 'operator', organisationId: 'ekb-centre' };
const citizen: Actor = { login: 'citizen:781115300019', role: 'citizen' };

let dir: string;
let store: LowdbStore;
let service: RequestService;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'aq-app-'));
  const opened = await LowdbStore.open({ dataDir: dir, command: 'test' });
  if (!opened.ok) throw new Error('store');
  store = opened.value;
  const reference = loadReference(dir);
  if (!reference.ok) throw new Error('reference');
  // Friday 20 March 2026, 10:00 in Kazakhstan.
  service = new RequestService(store, reference.value, fixedClock('2026-03-20T05:00:00Z'));
});
afterEach(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

describe('registering a request', () => {
  it('gives a number with a check digit and the due date of the service, counted from the next day', async () => {
    const r = await service.submit({ serviceId: 'archive-certificate', channel: 'office', answers: exampleAnswers('archive-certificate'), actor: clerk, lang: 'kk' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.number).toBe('26-000001-9');
    expect(r.value.state).toBe('SUBMITTED');
    expect(r.value.due!.dueDate).toBe('2026-04-06'); // 15 calendar days from 21.03 end on Sunday 05.04
    expect(r.value.outbox.map((o) => o.kind)).toEqual(['registered']);
    expect((await service.lookup('26 000001 9')).ok).toBe(true);
  });

  it('names every bad field and stores nothing', async () => {
    const answers = exampleAnswers('archive-certificate') as Record<string, Record<string, unknown>>;
    answers.applicant!.iin = '850305400011';
    answers.applicant!.phone = '12';
    const r = await service.submit({ serviceId: 'archive-certificate', channel: 'office', answers, actor: clerk, lang: 'kk' });
    expect(!r.ok && r.error.code).toBe('VALIDATION');
    if (!r.ok) expect(r.error.fields!.map((f) => f.path).sort()).toEqual(['applicant.iin', 'applicant.phone']);
    expect((await store.list({})).total).toBe(0);
  });

  it('refuses intake when the person registry does not know the applicant (R3), and keeps the refusal without a number', async () => {
    const answers = exampleAnswers('unemployed-certificate') as Record<string, Record<string, unknown>>;
    Object.assign(answers.applicant!, { iin: '770707300012', lastName: 'Белгісіз', firstName: 'Адам', birthDate: '07.07.1977' });
    const r = await service.submit({ serviceId: 'unemployed-certificate', channel: 'centre', answers, actor: ekbOperator, lang: 'ru' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('INTAKE_REFUSED');
    expect(r.error.reasons).toEqual(['R3']);
    expect(render('ru', r.error.message)).toContain('770707300012');
    const kept = await store.list({ states: ['INTAKE_REFUSED'] });
    expect(kept.total).toBe(1);
    expect(kept.items[0]!.number).toBeNull();
    const doc = await store.get(kept.items[0]!.id);
    expect(doc!.intakeRefusal!.reasons).toEqual(['R3']);
  });

  it('refuses a citizen whose Telegram-verified phone is not the registry\'s (R1)', async () => {
    const r = await service.submit({ serviceId: 'unemployed-certificate', channel: 'bot', answers: exampleAnswers('unemployed-certificate'), actor: citizen, lang: 'kk', verifiedPhone: '+77770000000' });
    expect(!r.ok && r.error.reasons).toEqual(['R1']);
    const ok = await service.submit({ serviceId: 'unemployed-certificate', channel: 'bot', answers: exampleAnswers('unemployed-certificate'), actor: citizen, lang: 'kk', verifiedPhone: '8 (705) 111-22-33' });
    expect(ok.ok).toBe(true);
  });

  it('accepts a representative only under a notarised power of attorney (R4a, R4b)', async () => {
    const withPoa = (number: string) => {
      const answers = exampleAnswers('guardianship-certificate') as Record<string, unknown>;
      answers.representative = { iin: '700101300015', lastName: 'Қасымов', firstName: 'Бауыржан', patronymic: 'Төлегенұлы', poaNumber: number, poaIssuedOn: '10.01.2026' };
      return service.submit({ serviceId: 'guardianship-certificate', channel: 'centre', answers, actor: tmrOperator, lang: 'kk' });
    };
    expect((await withPoa('2026/1234')).ok).toBe(true);
    const unknown = await withPoa('2026/9999');
    expect(!unknown.ok && unknown.error.reasons).toEqual(['R4a']);
    const byEmployer = await withPoa('2026/0777');
    expect(!byEmployer.ok && byEmployer.error.code).toBe('INTAKE_REFUSED');
  });

  it('asks which office when several provide the service, and routes a centre to the providers of its region', async () => {
    const r = await service.submit({ serviceId: 'archive-certificate', channel: 'bot', answers: exampleAnswers('archive-certificate'), actor: { login: 'citizen:850305400010', role: 'citizen' }, lang: 'kk' });
    expect(!r.ok && r.error.message.key).toBe('app.officeRequired');
    const viaCentre = await service.submit({ serviceId: 'guardianship-certificate', channel: 'centre', answers: exampleAnswers('guardianship-certificate'), actor: tmrOperator, lang: 'kk' });
    expect(viaCentre.ok && viaCentre.value.office).toBe('tmr-education');
    expect(viaCentre.ok && viaCentre.value.receivedBy).toBe('tmr-centre');
    expect(viaCentre.ok && viaCentre.value.returnBy).toBe('2026-03-30');
  });

  it('stores attachments by content hash and refuses types offices cannot open', async () => {
    const content = Buffer.from('%PDF-1.4 scan');
    const r = await service.submit({ serviceId: 'archive-certificate', channel: 'office', answers: exampleAnswers('archive-certificate'), actor: clerk, lang: 'kk', attachments: [{ name: 'id.pdf', mediaType: 'application/pdf', content, documentId: 'identity-document' }] });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const a = r.value.attachments[0]!;
    expect(a.sha256).toBe(createHash('sha256').update(content).digest('hex'));
    expect(Buffer.from((await store.getBlob(a.sha256))!).toString()).toBe('%PDF-1.4 scan');
    const bad = await service.submit({ serviceId: 'archive-certificate', channel: 'office', answers: exampleAnswers('archive-certificate'), actor: clerk, lang: 'kk', attachments: [{ name: 'virus.exe', mediaType: 'application/octet-stream', content }] });
    expect(!bad.ok && bad.error.message.key).toBe('app.attachmentType');
  });

  it('files a file already stored (a bot upload) by its hash: not read back, not stored again; a missing one is named', async () => {
    const content = Buffer.from('%PDF-1.4 photo of a passport');
    const sha256 = await store.putBlob(content);
    const reads = vi.spyOn(store, 'getBlob');
    const writes = vi.spyOn(store, 'putBlob');
    const stored = { name: 'passport.pdf', mediaType: 'application/pdf', sha256, size: content.byteLength, documentId: 'identity-document' };
    const r = await service.submit({ serviceId: 'archive-certificate', channel: 'bot', answers: exampleAnswers('archive-certificate'), actor: citizen, lang: 'ru', office: 'kzo-archives', attachments: [stored] });
    expect(r.ok && r.value.attachments.map((a) => [a.name, a.sha256, a.size])).toEqual([['passport.pdf', sha256, content.byteLength]]);
    expect(reads).not.toHaveBeenCalled();
    expect(writes).not.toHaveBeenCalled();
    const gone = await service.submit({ serviceId: 'archive-certificate', channel: 'bot', answers: exampleAnswers('archive-certificate'), actor: citizen, lang: 'ru', office: 'kzo-archives', attachments: [{ ...stored, sha256: 'f'.repeat(64) }] });
    expect(!gone.ok && render('ru', gone.error.message)).toBe('Файл «passport.pdf» не найден на сервере. Отправьте его ещё раз.');
    const tooBig = await service.submit({ serviceId: 'archive-certificate', channel: 'bot', answers: exampleAnswers('archive-certificate'), actor: citizen, lang: 'ru', office: 'kzo-archives', attachments: [{ ...stored, size: 21 * 1024 * 1024 }] });
    expect(!tooBig.ok && tooBig.error.message.key).toBe('app.attachmentSize');
  });
});

describe('two clerks at once', () => {
  it('both open the same request and take it: one succeeds, the other is told it changed', async () => {
    const r = await service.submit({ serviceId: 'archive-certificate', channel: 'office', answers: exampleAnswers('archive-certificate'), actor: clerk, lang: 'kk' });
    if (!r.ok) throw new Error('submit');
    const other: Actor = { ...clerk, login: 'kzo-clerk-2' };
    const [a, b] = await Promise.all([
      service.actOn(r.value, { action: 'take', actor: clerk, channel: 'office' }),
      service.actOn(r.value, { action: 'take', actor: other, channel: 'office' }),
    ]);
    expect([a.ok, b.ok].filter(Boolean)).toHaveLength(1);
    const loser = a.ok ? b : a;
    expect(!loser.ok && loser.error.code).toBe('CONFLICT');
    if (!loser.ok) expect(render('kk', loser.error.message)).toContain(r.value.number!);
    const stored = await store.get(r.value.id);
    expect(stored!.history.filter((e) => e.action === 'take')).toHaveLength(1);
  });

  it('a typo in the number is "invalid number", a well-formed unknown one "not found"', async () => {
    expect((await service.find('26-000001-8')).ok === false && (await service.find('26-000001-8'))).toMatchObject({ error: { code: 'INVALID_NUMBER' } });
    expect(await service.find('26-000001-9')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('a draft kept at the counter', () => {
  it('is resumed later and registered under the same id, with the files attached the first time', async () => {
    const answers = exampleAnswers('archive-certificate') as Record<string, unknown>;
    const file = { name: 'passport.pdf', mediaType: 'application/pdf', content: new TextEncoder().encode('%PDF-1.4 test') };
    const draft = await service.saveDraft({ serviceId: 'archive-certificate', channel: 'office', answers: { applicant: answers.applicant }, actor: clerk, lang: 'kk', attachments: [file] });
    expect(draft.ok).toBe(true);
    if (!draft.ok) return;
    expect((await service.drafts('kzo-archives')).map((d) => d.id)).toEqual([draft.value.id]);

    const resumed = await service.saveDraft({ serviceId: 'archive-certificate', channel: 'office', answers, actor: clerk, lang: 'kk', draftId: draft.value.id });
    expect(resumed.ok && resumed.value.version).toBe(2);

    const registered = await service.submit({ serviceId: 'archive-certificate', channel: 'office', answers, actor: clerk, lang: 'kk', draftId: draft.value.id });
    expect(registered.ok).toBe(true);
    if (!registered.ok) return;
    expect(registered.value.id).toBe(draft.value.id);
    expect(registered.value.state).toBe('SUBMITTED');
    expect(registered.value.attachments.map((a) => a.name)).toEqual(['passport.pdf']);
    expect(await service.drafts('kzo-archives')).toEqual([]);
  });

  it('cannot be registered twice: the second attempt is told the draft is gone', async () => {
    const answers = exampleAnswers('archive-certificate');
    const draft = await service.saveDraft({ serviceId: 'archive-certificate', channel: 'office', answers, actor: clerk, lang: 'ru' });
    if (!draft.ok) throw new Error('draft');
    expect((await service.submit({ serviceId: 'archive-certificate', channel: 'office', answers, actor: clerk, lang: 'ru', draftId: draft.value.id })).ok).toBe(true);
    const again = await service.submit({ serviceId: 'archive-certificate', channel: 'office', answers, actor: clerk, lang: 'ru', draftId: draft.value.id });
    expect(!again.ok && render('ru', again.error.message)).toContain('черновик');
    expect((await store.list({})).total).toBe(1);
  });

  it('tells open screens about every stored change', async () => {
    const seen: string[] = [];
    service.changes.on('changed', (r) => seen.push(r.state));
    await service.submit({ serviceId: 'archive-certificate', channel: 'office', answers: exampleAnswers('archive-certificate'), actor: clerk, lang: 'kk' });
    expect(seen).toEqual(['SUBMITTED']);
  });
});

describe('a citizen filing through the bot', () => {
  const principal = { iin: '880522400016', lastName: 'Жұмабаева', firstName: 'Сәуле' };
  const attorney = { iin: '700101300015', lastName: 'Қасымов', firstName: 'Бауыржан' };
  const archiveFor = (who: typeof principal, representative?: Record<string, string>) => {
    const answers = exampleAnswers('archive-certificate') as Record<string, unknown>;
    const applicant = answers.applicant as Record<string, unknown>;
    Object.assign(applicant, { ...who, birthDate: `${who.iin.slice(4, 6)}.${who.iin.slice(2, 4)}.19${who.iin.slice(0, 2)}` });
    delete applicant.patronymic;
    return representative ? { ...answers, representative } : answers;
  };
  const viaBot = (answers: unknown, verifiedPhone: string) =>
    service.submit({ serviceId: 'archive-certificate', channel: 'bot', office: 'kzo-archives', answers, actor: citizen, lang: 'kk', verifiedPhone, contact: { telegramChatId: 4242 } });

  it("matches the phone against the representative's own record when a representative files", async () => {
    const poa = { ...attorney, poaNumber: '2026/1234', poaIssuedOn: '15.01.2026' };
    const principalsPhone = await viaBot(archiveFor(principal, poa), '+77774445566');
    expect(!principalsPhone.ok && principalsPhone.error.reasons).toEqual(['R1']);
    if (!principalsPhone.ok) expect(render('kk', principalsPhone.error.message)).toContain('авторизациялаудан бас тартылды');
    const own = await viaBot(archiveFor(principal, poa), '+77015556677');
    expect(own.ok && own.value.state).toBe('SUBMITTED');
  });

  it('accepts a representative in the bot only under a notarised power of attorney, even for an archive', async () => {
    // 2026/0777 was certified by an employer: fine at an archive's counter, not remotely (R4b).
    const employerPoa = { iin: '680930300889', lastName: 'Байжанов', firstName: 'Нұржан', poaNumber: '2026/0777', poaIssuedOn: '20.01.2026' };
    const seitov = { iin: '781115300019', lastName: 'Сейітов', firstName: 'Ерлан' };
    const r = await viaBot(archiveFor(seitov, employerPoa), '+77059990022');
    expect(!r.ok && r.error.reasons).toEqual(['R4b']);
    const atCounter = await service.submit({ serviceId: 'archive-certificate', channel: 'office', answers: archiveFor(seitov, employerPoa), actor: clerk, lang: 'kk' });
    expect(atCounter.ok).toBe(true);
  });

  it('takes the survey answers once, only from the chat that filed, only after the result', async () => {
    const filed = await viaBot(archiveFor(principal), '+77774445566');
    if (!filed.ok) throw new Error(render('en', filed.error.message));
    const early = await service.answerSurvey(filed.value.id, 4242, { q1: 3, q2: 2 });
    expect(!early.ok && early.error.code).toBe('GUARD_FAILED');
    if (!early.ok) expect(render('ru', early.error.message)).toContain(filed.value.number!);
    // The result is out (as the lifecycle leaves it after a signed refusal).
    const decided = await store.save({ ...filed.value, version: filed.value.version + 1, state: 'REFUSED' }, filed.value.version);
    if (!decided.ok) throw new Error('save');
    expect((await service.answerSurvey(filed.value.id, 999, { q1: 3, q2: 2 })).ok).toBe(false);
    const bad = await service.answerSurvey(filed.value.id, 4242, { q1: 4, q2: 'x' });
    expect(!bad.ok && bad.error.fields!.map((f) => f.path)).toEqual(['q1', 'q2']);
    const answered = await service.answerSurvey(filed.value.id, 4242, { q1: '3', q2: 2 });
    expect(answered.ok && answered.value.survey).toEqual({ q1: 3, q2: 2, at: '2026-03-20T05:00:00.000Z' });
    const again = await service.answerSurvey(filed.value.id, 4242, { q1: 1, q2: 1 });
    expect(!again.ok && again.error.code).toBe('CONFLICT');
    expect((await store.get(filed.value.id))!.survey!.q1).toBe(3);
  });
});

describe('a submission repeated with the same request id', () => {
  it('files once and answers the repeat with the request it registered', async () => {
    const input = { serviceId: 'archive-certificate', channel: 'office' as const, answers: exampleAnswers('archive-certificate'), actor: clerk, lang: 'kk' as const, requestId: 'b0e1c7a2-0000-4000-8000-000000000001' };
    const first = await service.submit(input);
    const again = await service.submit(input);
    expect(first.ok && again.ok && again.value.number).toBe(first.ok ? first.value.number : 'x');
    expect((await store.list({})).total).toBe(1);
  });
});

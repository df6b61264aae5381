import { afterEach, describe, expect, it } from 'vitest';
import { exampleAnswers, exampleResult } from '../../src/core/services/examples.js';
import type { TestUser } from '../../bench/telegram/server.js';
import { filedRequest, fillQuestionnaire, freePort, greet, isPrompt, skipDocuments, startArchive, startService, startWorld, toContact, type BotWorld } from './world.js';

let world: BotWorld;
afterEach(async () => {
  await world?.close();
});

const hasButton = (data: string) => (m: { inlineButtons: { data?: string }[][] }) => m.inlineButtons.flat().some((b) => b.data === data);

/** The archive form asks first whether a legal entity applies: no, then the applicant's IIN. */
async function toApplicant(user: TestUser): Promise<void> {
  const iin = user.waitForMessage(isPrompt);
  await user.pressButton('a:organisation|no');
  await iin;
}

/** Sends `text` and returns every bot message up to the next question. */
async function say(user: TestUser, text: string): Promise<string> {
  const before = user.messages.length;
  const prompt = user.waitForMessage(isPrompt);
  await user.sendText(text);
  await prompt;
  return user.messages.slice(before).map((m) => m.text ?? '').join('\n---\n');
}

describe('the questionnaire forgives and explains', () => {
  it('names the field and asks again on bad answers, stickers, 4096 characters, emoji and other scripts', async () => {
    world = await startWorld();
    const citizen = world.server.user(2001, { languageCode: 'kk' });
    await greet(citizen, 'kk');
    await startArchive(citizen, '+77011234567');
    await toApplicant(citizen);
    expect(citizen.lastMessage()!.text).toContain('ЖСН');

    const typo = await say(citizen, '850305400011');
    expect(typo).toMatch(/ЖСН[^\n]*12 цифр/);
    expect(citizen.lastMessage()!.text).toContain('ЖСН');

    const sticker = citizen.waitForMessage(isPrompt);
    await citizen.sendSticker();
    await sticker;
    expect(citizen.messages.at(-2)!.text).toMatch(/мәтінмен жазыңыз/);

    await say(citizen, '850305400010');
    expect(citizen.lastMessage()!.text).toContain('Тегі');
    for (const bad of ['А'.repeat(4096), '😀😀😀', 'محمد', '   ']) {
      const reply = await say(citizen, bad);
      expect(reply).toMatch(/Тегі/);
      expect(citizen.lastMessage()!.text).toContain('Тегі');
    }
    const flow = (await world.store.getChat(2001))!.flow as { form: { answers: { applicant: Record<string, unknown> } } };
    expect(flow.form.answers.applicant).toEqual({ iin: '850305400010', phone: '+77011234567' });
    expect(world.bot.stats.failed).toBe(0);
  });

  it('takes two answers sent at once in their order: one update per chat at a time', async () => {
    world = await startWorld();
    const citizen = world.server.user(2002, { languageCode: 'ru' });
    await greet(citizen, 'ru');
    await startArchive(citizen, '+77011234567');
    await toApplicant(citizen);
    const third = citizen.waitForMessage((m) => isPrompt(m) && /Имя/.test(m.text ?? ''));
    await Promise.all([citizen.sendText('850305400010'), citizen.sendText('Нұрланова')]);
    await third;
    const flow = (await world.store.getChat(2002))!.flow as { form: { answers: { applicant: Record<string, unknown> } } };
    expect(flow.form.answers.applicant).toMatchObject({ iin: '850305400010', lastName: 'Нұрланова' });
  });

  it('continues where the citizen was after the bot restarts', async () => {
    world = await startWorld();
    const citizen = world.server.user(2003, { languageCode: 'kk' });
    await greet(citizen, 'kk');
    await startArchive(citizen, '+77011234567');
    await toApplicant(citizen);
    await say(citizen, '850305400010');
    await world.restartBot();
    const next = await say(citizen, 'Нұрланова');
    expect(next).toContain('Аты');
    const flow = (await world.store.getChat(2003))!.flow as { form: { answers: { applicant: Record<string, unknown> } } };
    expect(flow.form.answers.applicant).toMatchObject({ iin: '850305400010', lastName: 'Нұрланова' });
  });

  it('refuses a contact that is not the citizen\'s own, wrong file types and oversized files, with a clear message', async () => {
    world = await startWorld();
    const citizen = world.server.user(2004, { languageCode: 'ru' });
    await greet(citizen, 'ru');
    await toContact(citizen, 'archive-certificate', 'kzo-archives');
    const notOwn = citizen.waitForMessage(/контакт другого человека/);
    await citizen.shareContact('+77011234567', { own: false });
    await notOwn;

    const first = citizen.waitForMessage(isPrompt);
    await citizen.shareContact('+77011234567');
    await first;
    await fillQuestionnaire(world, citizen, 'archive-certificate', exampleAnswers('archive-certificate') as Record<string, unknown>, 'ru');
    expect(((await world.store.getChat(2004))!.flow as { stage: string }).stage).toBe('files');

    const docx = citizen.waitForMessage(/не принимается/);
    await citizen.sendDocument(new TextEncoder().encode('PK\u0003\u0004 word'), 'справка.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect((await docx).text).toContain('справка.docx');

    const getFiles = world.server.callsOf('getFile').length;
    const big = citizen.waitForMessage(/слишком большой/);
    await citizen.sendRaw({ document: { file_id: 'big-scan', file_unique_id: 'big-scan-u', file_name: 'скан.pdf', mime_type: 'application/pdf', file_size: 25 * 1024 * 1024 } });
    expect((await big).text).toMatch(/скан\.pdf.*25\.0 MB.*20 МБ/s);
    expect(world.server.callsOf('getFile').length).toBe(getFiles);

    const text = citizen.waitForMessage(/ожидается фото или файл/);
    await citizen.sendText('вот');
    await text;
    expect(((await world.store.getChat(2004))!.flow as { files: unknown[] }).files).toEqual([]);

    // A wrong photo can be taken back before going on.
    const received = citizen.waitForMessage(/Принято/);
    await citizen.sendPhoto(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]));
    expect((await received).inlineButtons.flat().map((b) => b.data)).toEqual(['next', 'drop', 'back', 'cancel']);
    const dropped = citizen.waitForMessage(/удалён/);
    await citizen.pressButton('drop');
    expect((await dropped).text).toContain('photo.jpg');
    expect(((await world.store.getChat(2004))!.flow as { files: unknown[] }).files).toEqual([]);
    expect(world.bot.stats.failed).toBe(0);
  });

  it('refuses intake when the shared phone is not the one the registry holds for the IIN (R1)', async () => {
    world = await startWorld();
    const citizen = world.server.user(2005, { languageCode: 'kk' });
    await greet(citizen, 'kk');
    await startArchive(citizen, '+77000000001');
    await fillQuestionnaire(world, citizen, 'archive-certificate', exampleAnswers('archive-certificate') as Record<string, unknown>, 'kk');
    await skipDocuments(world, citizen);
    const refused = citizen.waitForMessage(/авторизациялаудан бас тартылды/);
    await citizen.pressButton('ok');
    expect((await refused).text).toContain('850305400010');
    const kept = await world.store.list({ states: ['INTAKE_REFUSED'] });
    expect(kept.total).toBe(1);
    expect(kept.items[0]!.number).toBeNull();
    expect((await world.store.getChat(2005))!.flow).toBeNull();
  });

  it('edits an answer from the summary and comes back to it', async () => {
    world = await startWorld();
    const citizen = world.server.user(2006, { languageCode: 'ru' });
    await greet(citizen, 'ru');
    await startArchive(citizen, '+77011234567');
    await fillQuestionnaire(world, citizen, 'archive-certificate', exampleAnswers('archive-certificate') as Record<string, unknown>, 'ru');
    await skipDocuments(world, citizen);
    const menu = citizen.waitForMessage(hasButton('sum'));
    await citizen.pressButton('edit');
    await menu;
    const section = citizen.waitForMessage(hasButton('sum'));
    await citizen.pressButton('e:subject');
    await section;
    const asked = citizen.waitForMessage(isPrompt);
    await citizen.pressButton('e:subject.birthYear');
    expect((await asked).text).toContain('Год рождения');
    // The year no longer matches the date of birth: the group's check asks for the date next.
    const date = citizen.waitForMessage(isPrompt);
    await citizen.sendText('1986');
    expect((await date).text).toMatch(/Дата рождения: дата рождения должна совпадать с годом рождения/);
    const summary = citizen.waitForMessage(hasButton('ok'));
    await citizen.sendText('05.03.1986');
    await summary;
    const text = citizen.messages.slice(-3).map((m) => m.text).join('\n');
    expect(text).toContain('Год рождения: 1986');
    expect(text).toContain('05.03.1986');
  });
});

describe('status by number', () => {
  it('answers anyone only after the last four digits of the IIN, and pauses after five wrong tries', async () => {
    world = await startWorld();
    const filer = world.server.user(3001, { languageCode: 'kk' });
    const number = await filedRequest(world, filer);

    const other = world.server.user(3002, { languageCode: 'ru' });
    await greet(other, 'ru', `status_${number}`);
    const digits = other.waitForMessage(/последние 4 цифры ИИН/);
    await other.pressButton('lang:ru');
    expect((await digits).text).toContain(number);
    const wrong = other.waitForMessage(/не совпали/);
    await other.sendText('1111');
    expect((await wrong).text).toContain('4');
    const card = other.waitForMessage(/Статус:/);
    await other.sendText('0010');
    const shown = (await card).text!;
    expect(shown).toContain(number);
    expect(shown).toContain('Поступило');
    expect(shown).not.toContain('Нұрланова');
    expect(shown).not.toContain('850305400010');

    for (let i = 0; i < 4; i++) {
      const asked = other.waitForMessage(/последние 4 цифры/);
      await other.sendCommand('start', `status_${number}`);
      await asked;
      const reply = other.waitForMessage(/не совпали|Слишком много/);
      await other.sendText('9999');
      await reply;
    }
    const asked = other.waitForMessage(/Слишком много|последние 4 цифры/);
    await other.sendCommand('start', `status_${number}`);
    expect((await asked).text).toMatch(/Слишком много неудачных попыток/);
    // Every check of someone else's request is in the audit log, as the call-centre's are.
    const audited = await world.store.listAudit({ actor: 'telegram:3002' });
    expect(audited.map((e) => e.outcome)).toEqual(['throttled', 'notFound', 'notFound', 'notFound', 'notFound', 'found', 'notFound']);
    expect(audited.every((e) => e.subject === number && e.source === 'bot' && e.role === 'citizen')).toBe(true);

    // The filer sees their own request without the check.
    const own = filer.waitForMessage(/Мәртебесі:/);
    await filer.sendCommand('status');
    await filer.sendText(number);
    expect((await own).text).toContain(number);
  });
});

describe('notifications reach the citizen whatever Telegram does', () => {
  it('holds them while Telegram is unreachable and after a restart, then delivers each exactly once; honours 429 retry_after', async () => {
    world = await startWorld({ limits: { pollMs: 300 } });
    const citizen = world.server.user(4001, { languageCode: 'kk' });
    const number = await filedRequest(world, citizen);
    const { actor, credential } = await world.clerk('kzo-clerk');

    world.server.setUnreachable(true);
    expect((await world.requests.act(number, { action: 'take', actor, channel: 'office' })).ok).toBe(true);
    await expect.poll(() => world.bot.notifier.stats.failed, { timeout: 20_000 }).toBeGreaterThan(0);
    // The process stops with the notification unsent; a new one starts once Telegram is back.
    await world.bot.stop();
    world.server.setUnreachable(false);
    const inWork = citizen.waitForMessage(/Жұмыста/, 20_000);
    world.bot = await world.startBot();
    await inWork;

    world.server.failNext('sendMessage', 1, { code: 429, retryAfter: 2 });
    const before = Date.now();
    const resultText = citizen.waitForMessage(/нәтиже дайын/, 20_000);
    expect((await world.requests.act(number, { action: 'issue', actor, channel: 'office', content: exampleResult('archive-certificate'), credential })).ok).toBe(true);
    await resultText;
    expect(Date.now() - before).toBeGreaterThanOrEqual(2000);
    await citizen.waitForMessage((m) => m.inlineButtons.flat().some((b) => b.data?.startsWith('sv1:')), 10_000);

    const texts = citizen.messages.map((m) => m.text ?? '');
    expect(texts.filter((t) => /Жұмыста/.test(t))).toHaveLength(1);
    expect(texts.filter((t) => /нәтиже дайын/.test(t))).toHaveLength(1);
    expect(citizen.documents).toHaveLength(1);
    await expect.poll(async () => (await world.store.getByNumber(number))!.outbox.every((o) => o.deliveredAt)).toBe(true);
  });
});

describe('updates the bot must survive', () => {
  it('ignores malformed updates and keeps answering everyone else', async () => {
    world = await startWorld();
    world.server.pushUpdate({ message: { text: 'no chat, no sender' } });
    world.server.pushUpdate({ callback_query: { id: 'x' } });
    world.server.pushUpdate({ message: { message_id: 1, date: 0, chat: { id: 'abc', type: 'private' }, from: { id: 'abc' }, text: '/start' } });
    world.server.pushUpdate({ edited_message: { message_id: 1, date: 0, chat: { id: 5, type: 'private' }, text: 'edit' } });
    const citizen = world.server.user(5001, { languageCode: 'kk' });
    await greet(citizen, 'kk');
    expect(world.bot.stats.failed).toBe(0);
  });

  it('answers a QR code link with the verification of the signed document', async () => {
    world = await startWorld();
    const citizen = world.server.user(5002, { languageCode: 'kk' });
    const number = await filedRequest(world, citizen);
    const { actor, credential } = await world.clerk('kzo-clerk');
    await world.requests.act(number, { action: 'take', actor, channel: 'office' });
    const issued = await world.requests.act(number, { action: 'issue', actor, channel: 'office', content: exampleResult('archive-certificate'), credential });
    if (!issued.ok) throw new Error('issue');
    const code = issued.value.decision!.document!.code;
    const checker = world.server.user(5003, { languageCode: 'ru' });
    await greet(checker, 'ru', `v_${number}_${code}`);
    const verdict = checker.waitForMessage(/Проверка документа/);
    await checker.pressButton('lang:ru');
    expect((await verdict).text).toContain(number);
  });
});

describe('webhook mode', () => {
  it('takes updates Telegram posts with the secret token and refuses posts without it', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}/telegram/hook`;
    world = await startWorld({ mode: { kind: 'webhook', url, secret: 'office-secret_42', port } });
    expect(world.server.webhook).toEqual({ url, secretToken: 'office-secret_42' });
    const citizen = world.server.user(6001, { languageCode: 'kk' });
    await greet(citizen, 'kk');
    const forged = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ update_id: 999999, message: { message_id: 1, date: 0, chat: { id: 6001, type: 'private' }, from: { id: 6001 }, text: '/cancel' } }) });
    expect(forged.status).toBe(403);
  });
});

describe('a representative in the bot', () => {
  const forZhumabayeva = (representative: Record<string, string>) => ({ ...exampleAnswers('guardianship-certificate'), representative });

  it('files for the applicant under a notarised power of attorney, with their own phone', async () => {
    world = await startWorld();
    const attorney = world.server.user(8001, { languageCode: 'ru' });
    await greet(attorney, 'ru');
    await startService(attorney, 'guardianship-certificate', '+77015556677');
    await fillQuestionnaire(world, attorney, 'guardianship-certificate', forZhumabayeva({ iin: '700101300015', lastName: 'Қасымов', firstName: 'Бауыржан', poaNumber: '2026/1234', poaIssuedOn: '15.01.2026' }), 'ru');
    await skipDocumentsWithScans(world, attorney);
    const accepted = attorney.waitForMessage(/принята/);
    await attorney.pressButton('ok');
    const number = /(\d{2}-\d{6}-\d)/.exec((await accepted).text ?? '')![1]!;
    const request = (await world.store.getByNumber(number))!;
    expect(request.applicant.iin).toBe('880522400016');
    expect(request.answers.representative).toMatchObject({ iin: '700101300015', poaNumber: '2026/1234' });
  });

  it('is refused when the power of attorney was not certified by a notary (R4b)', async () => {
    world = await startWorld();
    // 2026/0777: Сейітов's PoA to Байжанов, certified by an employer.
    const attorney = world.server.user(8002, { languageCode: 'ru' });
    await greet(attorney, 'ru');
    await startArchive(attorney, '+77059990022');
    const archive = exampleAnswers('archive-certificate') as Record<string, Record<string, unknown>>;
    archive.applicant = { ...archive.applicant, iin: '781115300019', lastName: 'Сейітов', firstName: 'Ерлан', patronymic: 'Қайратұлы', birthDate: '15.11.1978' };
    await fillQuestionnaire(world, attorney, 'archive-certificate', { ...archive, representative: { iin: '680930300889', lastName: 'Байжанов', firstName: 'Нұржан', poaNumber: '2026/0777', poaIssuedOn: '20.01.2026' } }, 'ru');
    await skipDocuments(world, attorney);
    const refused = attorney.waitForMessage(/удостоверена не нотариусом/);
    await attorney.pressButton('ok');
    expect((await refused).text).toContain('2026/0777');
    expect((await world.store.list({ states: ['INTAKE_REFUSED'] })).total).toBe(1);
  });
});

/** Sends a scan for every required document and skips the rest. */
async function skipDocumentsWithScans(w: BotWorld, user: TestUser): Promise<void> {
  for (let i = 0; i < 10 && ((await w.store.getChat(user.id))!.flow as { stage: string }).stage === 'files'; i++) {
    if (/ — обязательно| — міндетті$/m.test(user.lastMessage()!.text ?? '')) {
      const received = user.waitForMessage((m) => m.inlineButtons.flat().some((b) => b.data === 'next'));
      await user.sendDocument(Buffer.from(`%PDF-1.4 scan ${i}`), `scan-${i}.pdf`, 'application/pdf');
      await received;
    }
    const next = user.waitForMessage(isPrompt);
    await user.pressButton('next');
    await next;
  }
}

describe('starting and stopping', () => {
  it('a bot stopped the moment it started (a lease lost at once, SIGTERM during start) stops polling for good', async () => {
    world = await startWorld();
    await world.bot.stop();
    world.bot = await world.startBot();
    // No wait for its first poll: telegraf starts polling only after launch() returned.
    await world.bot.stop();
    const polls = world.server.callsOf('getUpdates').length;
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(world.server.callsOf('getUpdates').length).toBe(polls);
  });
});

import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { supervisorReport } from '../../src/app/statistics.js';
import { formatDate } from '../../src/core/calendar/dates.js';
import { exampleAnswers, exampleResult } from '../../src/core/services/examples.js';
import type { TestUser } from '../../bench/telegram/server.js';
import { fillQuestionnaire, greet, isPrompt, startArchive, startWorld, toContact, type BotWorld } from './world.js';

/** A small JPEG-looking photo: the bot stores bytes as sent, whatever they depict. */
const PHOTO = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('employment record, page 1'), Buffer.alloc(2048, 7)]);
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

let world: BotWorld;
afterEach(async () => {
  await world?.close();
});

/** Through the document requests: the photo for the employment record, nothing for the rest. */
async function attachDocuments(world: BotWorld, user: TestUser, photo: Uint8Array | null): Promise<void> {
  for (let i = 0; i < 10; i++) {
    const flow = (await world.store.getChat(user.id))!.flow as { stage: string; doc: number };
    if (flow.stage !== 'files') return;
    const asking = user.lastMessage()!.text ?? '';
    if (photo && /Еңбек кітапшасы|Трудовая книжка/.test(asking)) {
      const received = user.waitForMessage(/Қабылданды|Принято/);
      await user.sendPhoto(photo);
      await received;
    }
    const next = user.waitForMessage(isPrompt);
    await user.pressButton('next');
    await next;
  }
}

describe('a citizen files an archival request through the bot and gets the certificate', () => {
  it('asks step by step, registers, pushes every change, delivers the signed PDF and takes the survey', async () => {
    world = await startWorld();
    const citizen = world.server.user(1001, { firstName: 'Айгүл', languageCode: 'kk' });
    await greet(citizen, 'kk');
    // The language message was edited to show the choice.
    expect(citizen.messages.some((m) => m.edited && /қазақша/.test(m.text ?? ''))).toBe(true);
    await startArchive(citizen, '+7 701 123 45 67');
    expect(citizen.messages.some((m) => /Нөмір расталды: \+77011234567/.test(m.text ?? ''))).toBe(true);

    const answers = exampleAnswers('archive-certificate') as Record<string, unknown>;
    await fillQuestionnaire(world, citizen, 'archive-certificate', answers, 'kk');
    await attachDocuments(world, citizen, PHOTO);
    const summary = citizen.lastMessage()!;
    expect(summary.inlineButtons.flat().map((b) => b.data)).toEqual(expect.arrayContaining(['ok', 'edit', 'cancel']));
    const summaryText = citizen.messages.slice(-3).map((m) => m.text).join('\n');
    expect(summaryText).toContain('Нұрланова');
    expect(summaryText).toMatch(/Еңбек кітапшасы[^\n]*: 1 файл/);
    expect(citizen.actions).toContain('typing');

    const accepted = citizen.waitForMessage(/өтініш қабылданды/);
    const details = citizen.waitForMessage(/Өтінішіңіз тіркелді/, 10_000);
    await citizen.pressButton('ok');
    const number = /(\d{2}-\d{6}-\d)/.exec((await accepted).text ?? '')![1]!;
    const request = (await world.store.getByNumber(number))!;
    expect(request).toMatchObject({ channel: 'bot', state: 'SUBMITTED', office: 'kzo-archives', lang: 'kk', contact: { telegramChatId: 1001 } });
    // Registered on Friday 20.11: 15 calendar days end on Saturday 05.12, so the next working day.
    expect(formatDate(request.due!.dueDate)).toBe('07.12.2026');
    expect((await details).text).toContain(number);
    expect((await details).text).toContain('07.12.2026');
    expect(request.attachments).toEqual([expect.objectContaining({ documentId: 'employment-record', mediaType: 'image/jpeg', size: PHOTO.byteLength, sha256: sha256(PHOTO) })]);
    expect(Buffer.from((await world.store.getBlob(sha256(PHOTO)))!)).toEqual(PHOTO);
    expect((await world.store.getChat(1001))!.flow).toBeNull();

    // A clerk takes it into work and issues the certificate through the core.
    const { actor, credential } = await world.clerk('kzo-clerk');
    const inWork = citizen.waitForMessage(/Жұмыста/, 10_000);
    const taken = await world.requests.act(number, { action: 'take', actor, channel: 'office' });
    expect(taken.ok).toBe(true);
    expect((await inWork).text).toContain(number);

    const pdf = new Promise<void>((resolve) => {
      const timer = setInterval(() => citizen.documents.length > 0 && (clearInterval(timer), resolve()), 50);
    });
    const survey = citizen.waitForMessage((m) => m.inlineButtons.flat().some((b) => b.data?.startsWith('sv1:')), 15_000);
    const issued = await world.requests.act(number, { action: 'issue', actor, channel: 'office', content: exampleResult('archive-certificate'), credential });
    expect(issued.ok).toBe(true);
    await pdf;
    const document = citizen.documents[0]!;
    expect(document.fileName).toMatch(new RegExp(`${number}.*\\.pdf$`));
    expect(Buffer.from(document.bytes).subarray(0, 5).toString()).toBe('%PDF-');
    const signed = issued.ok ? issued.value.decision!.document!.files : null;
    expect(Object.values(signed!)).toContain(sha256(document.bytes));
    expect(world.server.callsOf('sendChatAction').length).toBeGreaterThan(0);

    // The survey, exactly as SPEC §5.11: two questions, three answers each.
    const q1 = await survey;
    expect(q1.text).toContain('Электрондық мемлекеттік қызметті көрсету үдерісінің сапасына және нәтижесіне қанағаттанасыз ба?');
    expect(q1.inlineButtons.flat().map((b) => b.text)).toEqual(['1) қанағаттанған жоқпын', '2) ішінара қанағаттанамын', '3) қанағаттанамын']);
    const q2 = citizen.waitForMessage(/ақпараттың сапасына қанағаттанасыз ба/);
    await citizen.pressButton('3) қанағаттанамын');
    const q2message = await q2;
    expect(q2message.inlineButtons.flat()).toHaveLength(3);
    const thanks = citizen.waitForMessage(/Рақмет/);
    await citizen.pressButton('2) ішінара қанағаттанамын');
    await thanks;
    expect((await world.store.getByNumber(number))!.survey).toMatchObject({ q1: 3, q2: 2 });
    const report = await supervisorReport(world.store, world.reference, '2026-11-20');
    expect(report.survey.q1[3]).toBe(1);
    expect(report.survey.q2[2]).toBe(1);
    // The answered question's message shows the answer (editMessageText), its buttons gone.
    expect(citizen.messages.find((m) => m.messageId === q1.messageId)!.text).toContain('✓ 3) қанағаттанамын');

    // My requests, and the PDF again on request.
    const mine = citizen.waitForMessage(/Сіздің өтініштеріңіз/);
    await citizen.sendCommand('my');
    expect((await mine).text).toContain(number);
    expect(world.server.callsOf('setMyCommands').length).toBeGreaterThanOrEqual(2);
    expect(world.server.callsOf('answerCallbackQuery').length).toBeGreaterThan(5);
  }, 120_000);
});

describe('the documents a service requires', () => {
  it('asks for each required document and cannot be moved past it without a file', async () => {
    world = await startWorld();
    const mother = world.server.user(1101, { languageCode: 'ru' });
    await greet(mother, 'ru');
    // One office provides it: straight to what will be asked, with the documents and their limits.
    const intro = await toContact(mother, 'disabled-child-homeschool-support');
    expect(intro.text).toMatch(/Свидетельство о рождении[^\n]* — обязательно/);
    expect(intro.text).toContain('не больше 20 МБ');
    const first = mother.waitForMessage(isPrompt);
    await mother.shareContact('+77023334455');
    await first;
    await fillQuestionnaire(world, mother, 'disabled-child-homeschool-support', exampleAnswers('disabled-child-homeschool-support') as Record<string, unknown>, 'ru');

    const sent: string[] = [];
    for (let i = 0; i < 10; i++) {
      const flow = (await world.store.getChat(1101))!.flow as { stage: string; doc: number };
      if (flow.stage !== 'files') break;
      const asking = mother.lastMessage()!;
      const buttons = asking.inlineButtons.flat().map((b) => b.data);
      if (/ — обязательно/.test(asking.text ?? '')) {
        expect(buttons).not.toContain('next');
        const scan = Buffer.from(`%PDF-1.4 scan ${i}`);
        const received = mother.waitForMessage((m) => /Принято/.test(m.text ?? '') && m.inlineButtons.flat().some((b) => b.data === 'next'));
        await mother.sendDocument(scan, `скан-${i}.pdf`, 'application/pdf');
        await received;
        sent.push(sha256(scan));
      } else expect(buttons).toContain('next');
      const next = mother.waitForMessage(isPrompt);
      await mother.pressButton('next');
      await next;
    }
    expect(sent).toHaveLength(4);
    const accepted = mother.waitForMessage(/принята/);
    await mother.pressButton('ok');
    const number = /(\d{2}-\d{6}-\d)/.exec((await accepted).text ?? '')![1]!;
    const request = (await world.store.getByNumber(number))!;
    expect(request.attachments.map((a) => a.documentId).sort()).toEqual(['birth-certificate', 'disability-certificate', 'pmpc-conclusion', 'school-certificate']);
    expect(request.attachments.map((a) => a.sha256).sort()).toEqual([...sent].sort());
  });
});

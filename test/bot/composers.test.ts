import { createHash, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Composer, Context, Telegram } from 'telegraf';
import type { Update } from 'telegraf/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CitizenDesk } from '../../src/app/citizen-desk.js';
import { fixedClock } from '../../src/app/clock.js';
import { RequestService } from '../../src/app/requests.js';
import { decode, encode, type CallbackData } from '../../src/bot/callback-data.js';
import { applyFiles } from '../../src/bot/composers/apply-files.js';
import { privateOnly } from '../../src/bot/composers/private-only.js';
import type { BotContext } from '../../src/bot/context.js';
import { conversation } from '../../src/bot/conversation.js';
import type { ApplyFlow, Flow } from '../../src/bot/flow.js';
import { readUpdate } from '../../src/bot/incoming.js';
import * as q from '../../src/bot/questionnaire.js';
import { Turn, type ConversationDeps } from '../../src/bot/turn.js';
import { loadReference } from '../../src/config/reference.js';
import { t } from '../../src/core/i18n/catalogue.js';
import { findService } from '../../src/core/services/catalogue.js';
import { exampleAnswers } from '../../src/core/services/examples.js';
import type { BotChat } from '../../src/store/port.js';
import { LowdbStore } from '../../src/store/lowdb/lowdb-store.js';

// The grammY way (STYLE.md): a real telegraf Context built from a literal update, the composer's
// middleware called directly, no network. The Telegram client refuses every call: a composer only
// collects replies on ctx.turn; storing the chat and sending are keep-chat.ts's.

const NOW = '2026-11-20T05:00:00Z';
const BOT = { id: 1, is_bot: true, first_name: 'Anyqtama', username: 'anyqtama_test_bot', can_join_groups: false, can_read_all_group_messages: false, supports_inline_queries: false } as const;
const PHOTO = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 9, 8, 7, 6, 5, 4, 3, 2, 1]);

const offline = Object.assign(new Telegram('1:offline'), {
  callApi: () => Promise.reject(new Error('a composer called Telegram itself')),
});

let dir: string;
let store: LowdbStore;
let deps: ConversationDeps;
let sequence = 0;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'aq-composers-'));
  const opened = await LowdbStore.open({ dataDir: dir, command: 'test' });
  if (!opened.ok) throw new Error('store');
  store = opened.value;
  const reference = loadReference(dir);
  if (!reference.ok) throw new Error('reference');
  const desk = new CitizenDesk(new RequestService(store, reference.value, fixedClock(NOW)), store);
  deps = { desk, download: async () => PHOTO };
});
afterAll(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

const person = (id: number) => ({ id, is_bot: false, first_name: 'Айгүл', language_code: 'kk' });
const privateChat = (id: number) => ({ id, type: 'private' as const, first_name: 'Айгүл' });

function message(chatId: number, fields: Record<string, unknown>, chat: object = privateChat(chatId)): Update {
  return { update_id: ++sequence, message: { message_id: sequence, date: 0, chat, from: person(chatId), ...fields } } as Update;
}
const command = (chatId: number, text: string, chat?: object): Update =>
  message(chatId, { text, entities: [{ type: 'bot_command', offset: 0, length: text.split(' ')[0]!.length }] }, chat);
const typed = (chatId: number, text: string): Update => message(chatId, { text });
const photo = (chatId: number): Update => message(chatId, { photo: [{ file_id: 'ph1', file_unique_id: 'u1', width: 10, height: 10, file_size: PHOTO.byteLength }] });
const press = (chatId: number, data: string): Update => ({
  update_id: ++sequence,
  callback_query: { id: `cb${sequence}`, from: person(chatId), chat_instance: '1', data, message: { message_id: 7, date: 0, chat: privateChat(chatId), text: '…' } },
} as Update);

/** A chat's record as stored; `lang` null for a chat whose language was never chosen. */
function chatOf(chatId: number, flow: Flow, lang: 'kk' | 'ru' | null = 'kk'): BotChat {
  return { chatId, userId: chatId, flow, ...(lang ? { lang } : {}), createdAt: NOW, updatedAt: NOW };
}

/** Runs one update through a composer; what it said, the chat it would store, and whether it passed the update on. */
async function handle(composer: Composer<BotContext>, update: Update, chat: BotChat) {
  const addressed = readUpdate(update, BOT.username);
  if (!addressed) throw new Error('unreadable update');
  const ctx: BotContext = Object.assign(new Context(update, offline, BOT), { turn: new Turn(deps, chat, addressed) });
  let passedOn = false;
  await composer.middleware()(ctx, async () => {
    passedOn = true;
  });
  const outcome = ctx.turn.outcome();
  const texts = outcome.replies.flatMap((r) => (r.kind === 'text' || r.kind === 'edit' ? [r.text] : []));
  const buttons = outcome.replies.flatMap((r) => (r.kind === 'text' && r.keyboard && 'inline' in r.keyboard ? r.keyboard.inline.flat().map((b) => decode(b.data)) : []));
  return { ...outcome, texts, buttons, flow: outcome.chat.flow as Flow, passedOn };
}

const archive = findService('archive-certificate')!;

/** An archival application at its documents, the questionnaire answered. */
function atFiles(): ApplyFlow {
  const form = q.startQuestionnaire(archive.form, { prefill: exampleAnswers('archive-certificate') });
  return { kind: 'apply', service: 'archive-certificate', office: 'kzo-archives', stage: 'files', requestId: randomUUID(), form, doc: 0, files: [] };
}

describe('composers, each on its own', () => {
  it('a group chat gets one line in both languages for a command, and nothing goes further', async () => {
    const group = { id: -100, type: 'group', title: 'Office' };
    const said = await handle(privateOnly, command(-100, '/start', group), chatOf(-100, null));
    expect(said.texts).toEqual([`${t('kk', 'bot.privateOnly')}\n${t('ru', 'bot.privateOnly')}`]);
    expect(said.passedOn).toBe(false);
    const text = await handle(privateOnly, message(-100, { text: 'hello' }, group), chatOf(-100, null));
    expect([text.texts, text.passedOn]).toEqual([[], false]);
    expect((await handle(privateOnly, typed(5, 'hello'), chatOf(5, null))).passedOn).toBe(true);
  });

  it('the documents step takes its buttons and files only at its own stage and passes the rest on', async () => {
    const form: ApplyFlow = { ...atFiles(), stage: 'form' };
    for (const update of [press(6, 'next'), photo(6), typed(6, 'hello'), press(6, 'svc:archive-certificate')]) {
      const said = await handle(applyFiles, update, chatOf(6, form));
      expect([said.passedOn, said.replies, said.flow]).toEqual([true, [], form]);
    }
  });

  it('a photo for a document is kept by the desk as it arrives, and the application holds only its hash', async () => {
    const said = await handle(applyFiles, photo(7), chatOf(7, atFiles()));
    const flow = said.flow as ApplyFlow;
    const sha256 = createHash('sha256').update(PHOTO).digest('hex');
    expect(flow.files).toEqual([{ document: 'authority', name: 'photo.jpg', mediaType: 'image/jpeg', size: PHOTO.byteLength, sha256 }]);
    expect(Buffer.from((await store.getBlob(sha256))!)).toEqual(Buffer.from(PHOTO));
    expect(said.texts[0]).toContain('photo.jpg');
    // Next and "remove the last file" now stand under it.
    expect(said.buttons.map((b) => b.kind)).toEqual(['next', 'drop', 'back', 'cancel']);
  });
});

describe('the conversation, composed', () => {
  it('asks nothing before the language; a status link waits for the choice and is followed after it', async () => {
    const first = await handle(conversation, command(10, '/start status_26-000001-9'), chatOf(10, null, null));
    expect(first.flow).toEqual({ kind: 'language', payload: 'status_26-000001-9' });
    expect(first.buttons).toEqual([{ kind: 'chooseLanguage', lang: 'kk' }, { kind: 'chooseLanguage', lang: 'ru' }]);
    const typedMeanwhile = await handle(conversation, typed(10, 'hello'), first.chat);
    expect(typedMeanwhile.flow).toEqual(first.flow);

    const chosen = await handle(conversation, press(10, 'lang:ru'), typedMeanwhile.chat);
    expect(chosen.chat.lang).toBe('ru');
    // The link is followed: someone else's number (or none such: nobody learns which exist) asks for the IIN digits.
    expect(chosen.flow).toEqual({ kind: 'status', stage: 'digits', number: '26-000001-9' });
    expect(chosen.texts[0]).toBe(t('ru', 'bot.languageChosen'));
  });

  it('a button of another stage, or data nobody sent, is stale: a notice, and the question where the citizen stands', async () => {
    const flow = atFiles();
    for (const data of ['ok', 'a:applicant.iin|yes', 'e:subject', 'office:kzo-archives', 'nonsense', 'x'.repeat(80)]) {
      const said = await handle(conversation, press(11, data), chatOf(11, flow));
      expect(said.notice, data).toBe(t('kk', 'bot.staleButton'));
      expect(said.flow, data).toEqual(flow);
      expect(said.buttons.map((b) => b.kind), data).toContain('next');
    }
    const atMenu = await handle(conversation, press(11, 'go'), chatOf(11, null));
    expect(atMenu.notice).toBe(t('kk', 'bot.staleButton'));
    expect(atMenu.buttons).toContainEqual({ kind: 'service', service: 'archive-certificate' });
  });

  it('what works anywhere works in the middle of an application without losing it, and cancel ends it', async () => {
    const flow = atFiles();
    const help = await handle(conversation, command(12, '/help'), chatOf(12, flow));
    expect(help.flow).toEqual(flow);
    expect(help.texts[0]).toContain(deps.desk.reference.offices.callCentrePhone);
    const mine = await handle(conversation, press(12, 'my'), chatOf(12, flow));
    expect([mine.flow, mine.texts]).toEqual([flow, [t('kk', 'bot.my.none')]]);
    const cancelled = await handle(conversation, press(12, 'cancel'), chatOf(12, flow));
    expect(cancelled.flow).toBeNull();
    expect(cancelled.texts[0]).toBe(t('kk', 'bot.cancelled'));
  });

  it('a status check of someone else\'s request asks for the IIN digits, then shows it to who knows them', async () => {
    const filed = await deps.desk.file({ chatId: 20, userId: 20 }, {
      serviceId: 'archive-certificate', office: 'kzo-archives', answers: exampleAnswers('archive-certificate'),
      attachments: [], phone: '+77011234567', lang: 'kk', requestId: randomUUID(),
    });
    if (!filed.ok) throw new Error('filed');
    const number = filed.value.number!;
    const asked = await handle(conversation, press(21, 'st'), chatOf(21, null));
    const digits = await handle(conversation, typed(21, number), asked.chat);
    expect(digits.flow).toEqual({ kind: 'status', stage: 'digits', number });
    expect(digits.texts[0]).toBe(t('kk', 'bot.status.askDigits', { number }));
    const card = await handle(conversation, typed(21, '0010'), digits.chat);
    expect(card.flow).toBeNull();
    expect(card.texts[0]).toContain(number);
    expect(card.texts[0]).not.toContain('850305400010');
    // Not theirs: no document button on the card.
    expect(card.buttons).toEqual([{ kind: 'status' }, { kind: 'menu' }]);
  });

  it('every button it draws decodes to what it is, within 64 bytes', async () => {
    const menu = await handle(conversation, command(30, '/start'), chatOf(30, null));
    const drawn: CallbackData[] = menu.buttons.filter((b) => b.kind !== 'stale');
    expect(drawn).toHaveLength(menu.buttons.length);
    for (const data of drawn) expect(Buffer.byteLength(encode(data))).toBeLessThanOrEqual(64);
    expect(drawn.map((b) => b.kind)).toEqual([...Array(drawn.length - 4).fill('service'), 'my', 'status', 'help', 'language']);
  });
});

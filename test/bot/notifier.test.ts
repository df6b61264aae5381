import { copyFile, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TelegramError } from 'telegraf';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Clock } from '../../src/app/clock.js';
import { RequestService } from '../../src/app/requests.js';
import { OutboxNotifier, type Messenger, type NotifierOptions } from '../../src/bot/notifier.js';
import { loadReference, type Reference } from '../../src/config/reference.js';
import { render } from '../../src/core/i18n/catalogue.js';
import type { Lang } from '../../src/core/i18n/text.js';
import type { Actor, Request } from '../../src/core/request.js';
import { exampleAnswers, exampleResult } from '../../src/core/services/examples.js';
import type { ServiceId } from '../../src/core/services/types.js';
import { loadPkcs12, type Credential } from '../../src/documents/pki/pkcs12.js';
import { loadTrustStore, type TrustStore } from '../../src/documents/pki/trust.js';
import { DocumentService } from '../../src/documents/service.js';
import { LowdbStore } from '../../src/store/lowdb/lowdb-store.js';

/**
 * The outbox notifier against the real store, request service and signed documents. Telegram is
 * the boundary: a recording messenger stands in for it and can be told to fail the way Telegram
 * fails (429 with retry_after, 403, network errors). Time is a hand-moved clock.
 */

const FIXTURES = new URL('../fixtures/pki/', import.meta.url).pathname;
/** Friday 20 November 2026, 10:00 in Kazakhstan. */
const NOW = Date.parse('2026-11-20T05:00:00Z');
const SECOND = 1000;

const kzoClerk: Actor = { login: 'kzo-clerk', role: 'clerk', organisationId: 'kzo-archives', fullName: 'Серікбаева Динара Асқарқызы', iin: '870214400019' };
const astClerk: Actor = { ...kzoClerk, login: 'ast-clerk-test', organisationId: 'ast-archives' };
const tmrOperator: Actor = { login: 'tmr-operator', role: 'operator', organisationId: 'tmr-centre' };
const tmrClerk: Actor = { login: 'tmr-clerk', role: 'clerk', organisationId: 'tmr-education' };
const citizen: Actor = { login: 'citizen:850305400010', role: 'citizen' };

class ManualClock implements Clock {
  constructor(public ms: number) {}
  now(): Date {
    return new Date(this.ms);
  }
  advance(ms: number): void {
    this.ms += ms;
  }
}

interface Call {
  readonly at: number;
  readonly chatId: number;
  readonly method: 'sendMessage' | 'sendDocument';
  readonly text: string;
  readonly file?: { source: Buffer; filename: string };
  readonly markup?: unknown;
}

/** Telegram as the notifier sees it: records every attempt; `fail` decides which ones Telegram refuses. */
class RecordingMessenger implements Messenger {
  readonly attempts: Call[] = [];
  readonly delivered: Call[] = [];
  fail: (call: Call) => unknown = () => undefined;
  /** When set, every call waits for it: a slow link. */
  hold: ((call: Call) => Promise<void> | undefined) | null = null;

  constructor(private readonly clock: Clock) {}

  sendMessage(chatId: number, text: string, extra?: { reply_markup?: unknown }): Promise<unknown> {
    return this.handle({ at: this.clock.now().getTime(), chatId, method: 'sendMessage', text, markup: extra?.reply_markup });
  }

  sendDocument(chatId: number, file: { source: Buffer; filename: string }, extra?: { caption?: string }): Promise<unknown> {
    return this.handle({ at: this.clock.now().getTime(), chatId, method: 'sendDocument', text: extra?.caption ?? '', file });
  }

  private async handle(call: Call): Promise<unknown> {
    this.attempts.push(call);
    await this.hold?.(call);
    const error = this.fail(call);
    if (error) throw error;
    this.delivered.push(call);
    return { message_id: this.delivered.length };
  }

  to(chatId: number): Call[] {
    return this.delivered.filter((c) => c.chatId === chatId);
  }
}

const tooManyRequests = (seconds: number) =>
  new TelegramError({ error_code: 429, description: `Too Many Requests: retry after ${seconds}`, parameters: { retry_after: seconds } });
const blocked = () => new TelegramError({ error_code: 403, description: 'Forbidden: bot was blocked by the user' });
const networkDown = () => Object.assign(new Error('request to https://api.telegram.org failed, reason: connect ECONNREFUSED'), { code: 'ECONNREFUSED' });

let dir: string;
let store: LowdbStore;
let reference: Reference;
let trust: TrustStore;
let clock: ManualClock;
let requests: RequestService;
let messenger: RecordingMessenger;
let credential: Credential;
let logs: string[];

async function openStore(): Promise<void> {
  const opened = await LowdbStore.open({ dataDir: dir, command: 'test' });
  if (!opened.ok) throw new Error('store');
  store = opened.value;
  requests = new RequestService(store, reference, clock, { documents: new DocumentService(store, reference, async () => trust) });
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'aq-notify-'));
  await mkdir(join(dir, 'trusted'));
  for (const f of ['ca.pem', 'crl.pem']) await copyFile(join(FIXTURES, f), join(dir, 'trusted', f));
  trust = (await loadTrustStore([join(dir, 'trusted')])).store;
  const ref = loadReference(dir);
  if (!ref.ok) throw new Error('reference');
  reference = ref.value;
  const loaded = loadPkcs12(await readFile(join(FIXTURES, 'valid.p12')), 'test-only');
  if (!loaded.ok) throw new Error('fixture key');
  credential = loaded.value;
  clock = new ManualClock(NOW);
  messenger = new RecordingMessenger(clock);
  logs = [];
  await openStore();
});
afterEach(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

function notifier(extra: Partial<NotifierOptions> = {}): OutboxNotifier {
  return new OutboxNotifier({ store, requests, reference, messenger, clock, log: (line) => logs.push(line), ...extra });
}

/** Drains, moving the clock to each next attempt, until nothing is pending (or `rounds` run out). */
async function deliverAll(n: OutboxNotifier, rounds = 500): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    const report = await n.drain();
    if (report.pending === 0) return;
    clock.ms = Math.max(clock.ms, Date.parse(report.nextAttemptAt!));
  }
  throw new Error('still pending');
}

function must(result: { ok: true; value: Request } | { ok: false; error: { message: Parameters<typeof render>[1] } }): Request {
  if (!result.ok) throw new Error(render('ru', result.error.message));
  return result.value;
}

/** A request a citizen filed in the bot from `chatId`. */
async function fromBot(chatId: number, lang: Lang, office = 'kzo-archives', serviceId: ServiceId = 'archive-certificate'): Promise<Request> {
  return must(await requests.submit({ serviceId, channel: 'bot', answers: exampleAnswers(serviceId), actor: citizen, lang, office, contact: { telegramChatId: chatId } }));
}

const act = async (r: Request, input: Parameters<RequestService['actOn']>[1]) => must(await requests.actOn((await store.get(r.id))!, input));
const take = (r: Request, actor = kzoClerk) => act(r, { action: 'take', actor, channel: 'office' });
const issue = (r: Request, actor = kzoClerk) => act(r, { action: 'issue', actor, channel: 'office', content: exampleResult(r.service), credential });

const texts = (chatId: number) => messenger.to(chatId).map((c) => c.text);

describe('what the citizen reads', () => {
  it.each([
    ['kk', ['Өтінішіңіз тіркелді', 'Нәтиженің дайын болу мерзімі: 07.12.2026', '/status', '8 (7242) 263913, 1414'], ['жұмысқа алынды', '«Жұмыста»'], ['Жаңа мерзім: 21.12.2026 (бұрынғы мерзім: 07.12.2026)', 'Екі немесе одан да көп ұйымдардың құжаттарын зерделеу қажет'], 'Нәтиже берілді'],
    ['ru', ['Ваша заявка зарегистрирована', 'Срок готовности результата: 07.12.2026', '/status', '8 (7242) 263913, 1414'], ['принята в работу', '«В работе»'], ['Новый срок: 21.12.2026 (прежний срок: 07.12.2026)', 'Необходимо изучить документы двух и более организаций'], 'Результат выдан'],
  ] as const)('in %s: registration, work, extension, result and hand-over, each naming the number and the dates', async (lang, registered, inWork, extended, handedOver) => {
    const r = await fromBot(7001, lang);
    clock.advance(3 * 86_400_000); // Monday 23 November
    await take(r);
    clock.advance(86_400_000);
    await act(r, { action: 'extend', actor: kzoClerk, channel: 'office', ground: 'MULTIPLE_ORGANISATIONS' });
    clock.advance(86_400_000);
    await issue(r);
    clock.advance(86_400_000);
    await act(r, { action: 'deliver', actor: kzoClerk, channel: 'office' });
    await deliverAll(notifier());

    const got = texts(7001);
    expect(got).toHaveLength(7); // registered, in work, extended, result text + PDF + survey, handed over
    for (const text of got) expect(text).toContain(r.number!);
    for (const part of registered) expect(got[0]).toContain(part);
    expect(got[0]).toContain('20.11.2026');
    for (const part of inWork) expect(got[1]).toContain(part);
    expect(got[1]).toContain('23.11.2026');
    for (const part of extended) expect(got[2]).toContain(part);
    expect(got[2]).toContain('24.11.2026');
    expect(got[3]).toContain('25.11.2026');
    expect(got[3]).toContain(lang === 'kk' ? 'Мұрағаттық анықтамалар беру' : 'Выдача архивных справок');
    expect(got[6]).toContain(handedOver);
    expect(got[6]).toContain('26.11.2026');
    expect((await store.pendingOutbox(10))).toEqual([]);
  });

  it('a result comes as its text, then the signed PDF, then the survey\'s first question with three buttons', async () => {
    const r = await take(await fromBot(7002, 'kk'));
    const issued = await issue(r);
    await deliverAll(notifier());

    const [text, pdf, survey] = messenger.to(7002).slice(-3);
    expect(text!.method).toBe('sendMessage');
    expect(text!.text).toContain('нәтиже дайын');
    expect(pdf!.method).toBe('sendDocument');
    expect(pdf!.file!.filename).toBe(`${r.number}-certificate.pdf`);
    expect(pdf!.file!.source.subarray(0, 4).toString()).toBe('%PDF');
    const stored = await store.getBlob(issued.decision!.document!.files.kk);
    expect(Buffer.compare(pdf!.file!.source, Buffer.from(stored!))).toBe(0);
    expect(survey!.text).toContain('Электрондық мемлекеттік қызметті көрсету үдерісінің сапасына және нәтижесіне қанағаттанасыз ба?');
    expect(survey!.text).toContain('«Мұрағаттық анықтамалар беру»');
    expect(survey!.markup).toEqual({
      inline_keyboard: [
        [{ text: '1) қанағаттанған жоқпын', callback_data: `sv1:${r.id}:1` }],
        [{ text: '2) ішінара қанағаттанамын', callback_data: `sv1:${r.id}:2` }],
        [{ text: '3) қанағаттанамын', callback_data: `sv1:${r.id}:3` }],
      ],
    });
  });

  it('a motivated refusal names its reasons, sends the signed letter, and later says the result is kept at the office', async () => {
    const r = await take(await fromBot(7003, 'ru', 'ast-archives'), astClerk);
    const refused = await act(r, { action: 'refuse', actor: astClerk, channel: 'office', reasons: ['R9'], note: 'Документы за 1985–1992 годы в архив не поступали.', credential });
    clock.advance(31 * 86_400_000);
    await act(r, { action: 'store', actor: astClerk, channel: 'office' });
    await deliverAll(notifier());

    const got = messenger.to(7003);
    const letter = got.find((c) => c.method === 'sendDocument')!;
    expect(letter.file!.filename).toBe(`${r.number}-refusal.pdf`);
    expect(Buffer.compare(letter.file!.source, Buffer.from((await store.getBlob(refused.decision!.document!.files.ru))!))).toBe(0);
    const text = got[got.indexOf(letter) - 1]!.text;
    expect(text).toContain('мотивированном отказе');
    expect(text).toContain('В архиве нет информации по запрошенным сведениям');
    expect(text).toContain('20.11.2026');
    const last = got.at(-1)!.text;
    expect(last).toContain('Невостребованный результат на хранении');
    expect(last).toContain('21.12.2026');
    expect(last).toContain('ГУ «Управление архивов и документации города Астаны»');
    expect(last).toContain(r.number!);
  });

  it.each([
    ['kk', 'Орталыққа қайтарылды', 'Халыққа қызмет көрсету орталығы, Тимирязев аудандық бөлімі (демо)', 'Қайтару негіздемесі: Сенімхат көшірмесі оқылмайды.'],
    ['ru', 'возвращены в Центр', 'Центр обслуживания населения, Тимирязевский районный отдел (демо)', 'Обоснование возврата: Сенімхат көшірмесі оқылмайды.'],
  ] as const)('in %s: documents returned to the centre are explained with what to do', async (lang, returned, centre, note) => {
    const r = must(await requests.submit({ serviceId: 'guardianship-certificate', channel: 'centre', answers: exampleAnswers('guardianship-certificate'), actor: tmrOperator, lang, contact: { telegramChatId: 7004 } }));
    clock.advance(86_400_000);
    await take(r, tmrClerk);
    await act(r, { action: 'return', actor: tmrClerk, channel: 'office', note: 'Сенімхат көшірмесі оқылмайды.' });
    await deliverAll(notifier());
    const last = texts(7004).at(-1)!;
    for (const part of [r.number!, returned, centre, note, '21.11.2026', '1414']) expect(last).toContain(part);
  });
});

describe('requests without a Telegram chat', () => {
  it('are acknowledged without sending anything, so they never pile up', async () => {
    const r = must(await requests.submit({ serviceId: 'archive-certificate', channel: 'office', answers: exampleAnswers('archive-certificate'), actor: kzoClerk, lang: 'kk' }));
    await take(r);
    const report = await notifier().drain();
    expect(report).toMatchObject({ withoutChat: 2, delivered: 0, pending: 0 });
    expect(messenger.attempts).toEqual([]);
    expect(await store.pendingOutbox(10)).toEqual([]);
    expect((await store.get(r.id))!.outbox.every((o) => o.deliveredAt)).toBe(true);
  });
});

describe('when Telegram refuses or cannot be reached', () => {
  it('a 429 stops all sending, to every chat, for exactly retry_after seconds; then everything goes, once', async () => {
    await fromBot(7101, 'kk');
    let refusedAt = 0;
    messenger.fail = (call) => {
      if (refusedAt > 0) return undefined;
      refusedAt = call.at;
      return tooManyRequests(3);
    };
    const n = notifier();
    expect((await n.drain()).nextAttemptAt).toBe(new Date(refusedAt + 3 * SECOND).toISOString());
    await fromBot(7102, 'ru'); // another chat, during the pause
    clock.ms = refusedAt + 3 * SECOND - 1;
    expect(await n.drain()).toMatchObject({ pending: 2, delivered: 0 });
    expect(messenger.attempts).toHaveLength(1);
    clock.ms = refusedAt + 3 * SECOND;
    await deliverAll(n);
    expect(messenger.attempts.slice(1).every((c) => c.at >= refusedAt + 3 * SECOND)).toBe(true);
    expect(texts(7101)).toHaveLength(1);
    expect(texts(7102)).toHaveLength(1);
    expect(n.stats).toMatchObject({ rateLimited: 1, delivered: 2, retried: 1 });
    expect(logs.join('\n')).toContain('429');
  });

  it('unreachable for a while, then back: retries back off, and every message arrives exactly once', async () => {
    const a = await fromBot(7201, 'kk');
    const b = await take(await fromBot(7202, 'ru'));
    await issue(b);
    messenger.fail = () => networkDown();
    const n = notifier();
    const firstTries: number[] = [];
    for (let i = 0; i < 5; i++) {
      const report = await n.drain();
      firstTries.push(messenger.attempts.filter((c) => c.chatId === 7201).at(-1)!.at);
      clock.ms = Date.parse(report.nextAttemptAt!);
    }
    // 1 s, 2 s, 4 s, 8 s between the tries of one item.
    expect(firstTries.slice(1).map((at, i) => at - firstTries[i]!)).toEqual([1, 2, 4, 8].map((s) => s * SECOND));
    expect(messenger.delivered).toEqual([]);
    messenger.fail = () => undefined;
    await deliverAll(n);
    expect(texts(7201)).toHaveLength(1);
    expect(texts(7202)).toHaveLength(5); // registered, in work, result text, PDF, survey
    expect(new Set(texts(7202)).size).toBe(5);
    expect(await store.pendingOutbox(10)).toEqual([]);
    expect((await store.get(a.id))!.outbox[0]!.deliveredAt).toBeDefined();
  });

  it('a result whose PDF fails goes on from the PDF: the citizen never gets its text twice', async () => {
    const r = await take(await fromBot(7301, 'kk'));
    await issue(r);
    let documentFailures = 0;
    messenger.fail = (call) => (call.method === 'sendDocument' && documentFailures++ < 3 ? networkDown() : undefined);
    await deliverAll(notifier());
    const got = messenger.to(7301);
    expect(got.map((c) => c.method)).toEqual(['sendMessage', 'sendMessage', 'sendMessage', 'sendDocument', 'sendMessage']);
    expect(got.filter((c) => c.text.includes('нәтиже дайын'))).toHaveLength(1);
    expect(messenger.attempts.filter((c) => c.method === 'sendDocument')).toHaveLength(4);
  });

  it('a chat that blocked the bot is kept and tried again after an hour, without holding up other chats', async () => {
    const gone = await fromBot(7401, 'kk');
    await fromBot(7402, 'kk');
    messenger.fail = (call) => (call.chatId === 7401 ? blocked() : undefined);
    const n = notifier();
    const report = await n.drain();
    expect(texts(7402)).toHaveLength(1);
    expect(report.pending).toBe(1);
    expect(Date.parse(report.nextAttemptAt!) - NOW).toBeGreaterThanOrEqual(3600 * SECOND);
    expect(logs.join('\n')).toMatch(/7401.*403/);
    clock.advance(30 * 60 * SECOND);
    await n.drain();
    expect(messenger.attempts.filter((c) => c.chatId === 7401)).toHaveLength(1);
    messenger.fail = () => undefined; // the citizen unblocked the bot
    clock.advance(30 * 60 * SECOND);
    await deliverAll(n);
    expect(texts(7401)).toHaveLength(1);
    expect((await store.get(gone.id))!.outbox[0]!.deliveredAt).toBeDefined();
  });

  it('a chat whose link hangs does not hold up the others', async () => {
    await fromBot(7501, 'kk');
    await fromBot(7502, 'kk');
    let release!: () => void;
    const stuck = new Promise<void>((resolve) => (release = resolve));
    messenger.hold = (call) => (call.chatId === 7501 ? stuck : undefined);
    const draining = notifier().drain();
    await vi.waitFor(() => expect(texts(7502)).toHaveLength(1));
    expect(texts(7501)).toHaveLength(0);
    release();
    await draining;
    expect(texts(7501)).toHaveLength(1);
  });
});

describe('Telegram\'s limits', () => {
  it('with 100 chats: at least 1 s between messages to one chat, at most 30 in any second, nobody waits on another chat', async () => {
    const chats = Array.from({ length: 100 }, (_, i) => 8000 + i);
    for (const chat of chats) await take(await fromBot(chat, 'kk'));
    await deliverAll(notifier());

    expect(messenger.delivered).toHaveLength(200);
    for (const chat of chats) {
      const [first, second] = messenger.to(chat);
      expect(second!.at - first!.at).toBeGreaterThanOrEqual(SECOND);
      expect(first!.text).toContain('тіркелді');
    }
    const times = messenger.attempts.map((c) => c.at).sort((x, y) => x - y);
    for (const start of times) expect(times.filter((at) => at >= start && at < start + SECOND).length).toBeLessThanOrEqual(30);
    // 200 messages at 30 a second need 6–7 seconds, not 100 chats one after another.
    expect(times.at(-1)! - times[0]!).toBeLessThan(8 * SECOND);
  });
});

describe('restarts', () => {
  it('a new notifier on the reopened store sends what was not acknowledged, and nothing that was', async () => {
    const done = await fromBot(7601, 'kk');
    await deliverAll(notifier());
    const unfinished = await take(await fromBot(7602, 'ru'));
    await issue(unfinished);
    messenger.fail = (call) => (call.method === 'sendDocument' ? networkDown() : undefined);
    const first = notifier();
    // Registration, work, the result's text; then its PDF fails and the process stops.
    for (let i = 0; i < 10 && !messenger.attempts.some((c) => c.method === 'sendDocument'); i++) {
      const report = await first.drain();
      clock.ms = Date.parse(report.nextAttemptAt ?? new Date(clock.ms).toISOString());
    }
    await first.stop();
    expect(texts(7602)).toHaveLength(3);
    await store.close();

    await openStore();
    messenger = new RecordingMessenger(clock);
    await deliverAll(notifier());
    expect(texts(7601)).toEqual([]);
    // The result goes on from its PDF: the text Telegram accepted before the stop is not repeated.
    expect(messenger.to(7602).map((c) => c.method)).toEqual(['sendDocument', 'sendMessage']);
    expect(messenger.to(7602)[1]!.text).toContain('оценить качество');
    expect(await store.pendingOutbox(10)).toEqual([]);
    expect((await store.get(done.id))!.outbox[0]!.deliveredAt).toBeDefined();
  });
});

describe('running on its own', () => {
  it('wakes at once on a change, goes through a result step by step, and finds what another service wrote by polling', async () => {
    const real = new OutboxNotifier({ store, requests, reference, messenger, perChatIntervalMs: 20, pollMs: 60_000 });
    real.start();
    try {
      const r = await fromBot(7701, 'kk');
      await vi.waitFor(() => expect(texts(7701)).toHaveLength(1), { timeout: 2000 });
      await take(r);
      await issue(r);
      await vi.waitFor(() => expect(texts(7701)).toHaveLength(5), { timeout: 5000 });
      expect(messenger.to(7701)[3]!.method).toBe('sendDocument');
    } finally {
      await real.stop();
    }

    const polling = new OutboxNotifier({ store, requests, reference, messenger, perChatIntervalMs: 20, pollMs: 50 });
    polling.start();
    try {
      // Another RequestService on the same store: its changes reach this notifier only through the outbox.
      const other = new RequestService(store, reference, clock);
      must(await other.submit({ serviceId: 'archive-certificate', channel: 'bot', answers: exampleAnswers('archive-certificate'), actor: citizen, lang: 'ru', office: 'kzo-archives', contact: { telegramChatId: 7702 } }));
      await vi.waitFor(() => expect(texts(7702)).toHaveLength(1), { timeout: 2000 });
    } finally {
      await polling.stop();
    }
  });

  it('stop() waits for a send under way; its item stays pending', async () => {
    let release!: () => void;
    const stuck = new Promise<void>((resolve) => (release = resolve));
    messenger.hold = () => stuck;
    const n = new OutboxNotifier({ store, requests, reference, messenger, pollMs: 60_000 });
    n.start();
    messenger.fail = () => networkDown();
    await fromBot(7801, 'kk');
    await vi.waitFor(() => expect(messenger.attempts).toHaveLength(1));
    let stopped = false;
    const stopping = n.stop().then(() => (stopped = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(await store.pendingOutbox(10)).toHaveLength(1);
  });
});

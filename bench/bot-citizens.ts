/**
 * The citizens of bench/bot: simulated Telegram users who file an archival request through the
 * citizen bot, each as a registry person with a phone (the phone they share must be the
 * applicant's, R1), answering what the bot asks. What is being asked is read from the stored
 * conversation, as `fillQuestionnaire` in test/bot/world.ts does, so the answers follow the form
 * whatever its order. Every update is timed from its posting to the bot's first message after it.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { documentsFor } from '../src/bot/flow.js';
import * as q from '../src/bot/questionnaire.js';
import { t } from '../src/core/i18n/catalogue.js';
import { findService } from '../src/core/services/catalogue.js';
import { exampleAnswers } from '../src/core/services/examples.js';
import type { BotMessage, TestUser } from './telegram/server.js';

/** Friday 20 November 2026, 10:00 in Kazakhstan, as in the bot's tests; the bot's clock is fixed to it. */
export const NOW = '2026-11-20T05:00:00Z';
const TODAY = '2026-11-20';
const SERVICE = findService('archive-certificate')!;
/** How long a citizen waits for the bot before counting a failed wait. */
const WAIT_MS = 60_000;
/** A small JPEG-looking photo, as in test/bot/citizen.test.ts: the bot keeps the bytes as sent. */
const PHOTO = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('employment record, page 1'), Buffer.alloc(2048, 7)]);

/** A record of data/registry/persons.json. */
export interface Person {
  iin: string;
  lastName: string;
  firstName: string;
  patronymic?: string;
  birthDate: string;
  phone?: string;
  address?: Record<string, string>;
}

export type Kind = 'command' | 'button' | 'text' | 'contact' | 'photo' | 'confirm';
export const KINDS: readonly Kind[] = ['command', 'button', 'text', 'contact', 'photo', 'confirm'];

export interface Citizen {
  readonly user: TestUser;
  readonly lang: 'kk' | 'ru';
  readonly phone: string;
  readonly answers: Record<string, unknown>;
  photoSent?: boolean;
  /** The request number the bot gave on confirming. */
  number?: string;
}

const dmy = (iso: string) => iso.split('-').reverse().join('.');

/** The archive example, filed by `p` about himself or herself. */
export function answersFor(p: Person): Record<string, unknown> {
  const a = p.address;
  const address = a ? [a.locality ?? a.region, a.street, a.house && `${a.house}-үй`, a.flat && `${a.flat}-пәтер`].filter(Boolean).join(', ') : '';
  return {
    ...exampleAnswers('archive-certificate'),
    applicant: {
      iin: p.iin, lastName: p.lastName, firstName: p.firstName, patronymic: p.patronymic, birthDate: dmy(p.birthDate),
      // '' keeps the phone the shared contact filled in.
      phone: '',
      postalAddress: address || 'Қызылорда қ., Абай к-сі, 1-үй',
      postcode: a?.postcode,
    },
    subject: { fullName: [p.lastName, p.firstName, p.patronymic].filter(Boolean).join(' '), birthYear: p.birthDate.slice(0, 4), birthDate: dmy(p.birthDate) },
  };
}

/** A question, a document request or the summary: the last message of a reply, with Cancel or Confirm. */
const isPrompt = (m: BotMessage) => m.inlineButtons.flat().some((b) => b.data === 'cancel' || b.data === 'ok');
const hasButton = (data: string) => (m: BotMessage) => m.inlineButtons.flat().some((b) => b.data === data);
const valueAt = (answers: unknown, path: readonly (string | number)[]): unknown =>
  path.reduce<unknown>((v, p) => (v !== null && typeof v === 'object' ? (v as Record<string | number, unknown>)[p] : undefined), answers);
/** The notifier's "registered" message (first line of notify.registered) answers no update: it is not a reply. */
const notices = (['kk', 'ru'] as const).map((lang) => t(lang, 'notify.registered').split('\n')[0]!);
export const isNotification = (m: BotMessage): boolean => notices.some((n) => m.text?.startsWith(n) ?? false);

type Flow = { stage: string; form: q.QuestionnaireState; doc: number; files: readonly unknown[] } | null;

export class Citizens {
  readonly samples: { kind: Kind; ms: number }[] = [];
  posted = 0;
  readonly errors: string[] = [];

  /** `thinkMs`: mean pause before each update (uniform in 0..2×); 0 for citizens who answer at once. */
  constructor(private readonly dataDir: string, private readonly options: { thinkMs: number; photo: boolean }) {}

  /** Runs `work` for every citizen at once; those that fail are counted as errors and left out. */
  async all(citizens: readonly Citizen[], work: (c: Citizen) => Promise<void>): Promise<Citizen[]> {
    const results = await Promise.allSettled(citizens.map(work));
    results.forEach((r) => r.status === 'rejected' && this.errors.push(String((r.reason as Error).message ?? r.reason).split('\n')[0]!));
    return citizens.filter((_, i) => results[i]!.status === 'fulfilled');
  }

  /** From /start to the summary. */
  async toSummary(c: Citizen): Promise<void> {
    const u = c.user;
    await this.turn(c, 'command', () => u.sendCommand('start'), hasButton('lang:kk'));
    await this.turn(c, 'button', () => u.pressButton(`lang:${c.lang}`), hasButton('svc:archive-certificate'));
    await this.turn(c, 'button', () => u.pressButton('svc:archive-certificate'), hasButton('office:kzo-archives'));
    await this.turn(c, 'button', () => u.pressButton('office:kzo-archives'), hasButton('go'));
    await this.turn(c, 'button', () => u.pressButton('go'), (m) => m.replyButtons.flat().some((b) => b.requestContact));
    await this.turn(c, 'contact', () => u.shareContact(c.phone), isPrompt);
    for (let step = 0; step < 100; step++) {
      const flow = await this.flow(c);
      if (flow?.stage === 'summary') return;
      if (flow?.stage === 'form') await this.answer(c, flow.form);
      else if (flow?.stage === 'files') {
        if (this.options.photo && !c.photoSent && documentsFor(SERVICE)[flow.doc]?.id === 'employment-record') {
          await this.turn(c, 'photo', () => u.sendPhoto(PHOTO), isPrompt);
          if ((await this.flow(c))?.files.length !== 1) throw new Error(`user ${u.id}: the photo was not taken: ${u.lastMessage()?.text}`);
          c.photoSent = true;
        }
        await this.turn(c, 'button', () => u.pressButton('next'), isPrompt);
      } else throw new Error(`user ${u.id}: unexpected conversation ${JSON.stringify(flow)?.slice(0, 200)}`);
    }
    throw new Error(`user ${u.id}: the questionnaire did not end`);
  }

  async confirm(c: Citizen): Promise<void> {
    const reply = await this.turn(c, 'confirm', () => c.user.pressButton('ok'), hasButton('my'));
    const number = /(\d{2}-\d{6}-\d)/.exec(reply.text ?? '')?.[1];
    if (!number) throw new Error(`user ${c.user.id}: no request number in ${JSON.stringify(reply.text)}`);
    c.number = number;
  }

  /** Posts one update and waits for the last message of the reply; the sample is the wait for its first. */
  private async turn(c: Citizen, kind: Kind, post: () => Promise<number>, done: (m: BotMessage) => boolean): Promise<BotMessage> {
    if (this.options.thinkMs > 0) await new Promise((resolve) => setTimeout(resolve, Math.random() * 2 * this.options.thinkMs));
    // Stamped inside the server's listener, when the bot's message arrives, not when this coroutine resumes.
    let repliedAt = 0;
    const first = c.user.waitForMessage((m) => {
      if (isNotification(m)) return false;
      repliedAt = performance.now();
      return true;
    }, WAIT_MS);
    const last = c.user.waitForMessage((m) => !isNotification(m) && done(m), WAIT_MS);
    const postedAt = performance.now();
    await post();
    this.posted += 1;
    const [, message] = await Promise.all([first, last]);
    this.samples.push({ kind, ms: repliedAt - postedAt });
    return message;
  }

  /** The conversation as the bot stored it (DATA_DIR/bot/chats/NN/<id>.json), before replying. */
  private async flow(c: Citizen): Promise<Flow> {
    const chat = JSON.parse(await readFile(join(this.dataDir, 'bot', 'chats', String(c.user.id % 100).padStart(2, '0'), `${c.user.id}.json`), 'utf8')) as { flow: Flow };
    return chat.flow;
  }

  /** One question, answered as fillQuestionnaire in test/bot/world.ts does. */
  private async answer(c: Citizen, form: q.QuestionnaireState): Promise<void> {
    const u = c.user;
    const p = q.prompt(SERVICE.form, form, c.lang, TODAY);
    const path = p.path.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s));
    if (p.kind === 'enterGroup') {
      await this.turn(c, 'button', () => u.pressButton(`a:${p.path}|${valueAt(c.answers, path) === undefined ? 'no' : 'yes'}`), isPrompt);
    } else if (p.kind === 'moreRows') {
      const rows = (valueAt(c.answers, path) as unknown[] | undefined) ?? [];
      const have = ((valueAt(form.answers, path) as unknown[] | undefined) ?? []).length;
      await this.turn(c, 'button', () => u.pressButton(`a:${p.path}|${have < rows.length ? 'more' : 'done'}`), isPrompt);
    } else {
      const value = valueAt(c.answers, path);
      if (value === undefined || value === '') {
        const keep = p.buttons.some((row) => row.some((b) => b.value === q.KEEP));
        await this.turn(c, 'button', () => u.pressButton(keep ? `a:${p.path}|${q.KEEP}` : 'skip'), isPrompt);
      } else await this.turn(c, 'text', () => u.sendText(String(value)), isPrompt);
    }
  }
}

import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBotApiServer, type BotApiServer, type BotMessage, type TestUser } from '../../bench/telegram/server.js';
import { fixedClock, type Clock } from '../../src/app/clock.js';
import { RequestService } from '../../src/app/requests.js';
import { startCitizenBot, type BotMode, type CitizenBot } from '../../src/bot/bot.js';
import * as q from '../../src/bot/questionnaire.js';
import { loadReference, type Reference } from '../../src/config/reference.js';
import { render } from '../../src/core/i18n/catalogue.js';
import type { Actor } from '../../src/core/request.js';
import { findService } from '../../src/core/services/catalogue.js';
import { exampleAnswers } from '../../src/core/services/examples.js';
import { seedDemoKeys } from '../../src/demo/keys.js';
import { seedDemoUsers } from '../../src/demo/seed.js';
import { credentialFor } from '../../src/documents/keys.js';
import type { Credential } from '../../src/documents/pki/pkcs12.js';
import { loadTrustStore } from '../../src/documents/pki/trust.js';
import { DocumentService } from '../../src/documents/service.js';
import { LowdbStore } from '../../src/store/lowdb/lowdb-store.js';

/** Friday 20 November 2026, 10:00 in Kazakhstan. */
export const NOW = '2026-11-20T05:00:00Z';

/**
 * The real thing end to end: a LowdbStore on a temp dir with the demo's staff and keys, the real
 * RequestService and DocumentService, the local Bot API server, and the citizen bot talking to it
 * over HTTP with telegraf.
 */
export interface BotWorld {
  readonly dir: string;
  readonly store: LowdbStore;
  readonly reference: Reference;
  readonly requests: RequestService;
  readonly server: BotApiServer;
  bot: CitizenBot;
  /** Stops the bot (as a crash or restart would) and starts a new one on the same store and server. */
  restartBot(): Promise<void>;
  /** A new bot on the same store and server (after `bot.stop()`). */
  startBot(): Promise<CitizenBot>;
  clerk(login: string): Promise<{ actor: Actor; credential: Credential }>;
  close(): Promise<void>;
}

export interface WorldOptions {
  readonly mode?: BotMode;
  readonly limits?: { perChatIntervalMs?: number; globalPerSecond?: number; pollMs?: number };
  readonly serverLimits?: { perChatPerSecond?: number; globalPerSecond?: number };
  readonly clock?: Clock;
}

/** A store on a temp dir with the demo's staff and their keys, and the real services over it. */
export async function openServices(clock: Clock = fixedClock(NOW)): Promise<{ dir: string; store: LowdbStore; reference: Reference; requests: RequestService }> {
  const dir = await mkdtemp(join(tmpdir(), 'aq-bot-'));
  const opened = await LowdbStore.open({ dataDir: dir, command: 'test' });
  if (!opened.ok) throw new Error('store');
  const store = opened.value;
  const loaded = loadReference(dir);
  if (!loaded.ok) throw new Error('reference');
  const reference = loaded.value;
  await seedDemoUsers(store, new Date(NOW));
  const keys = await seedDemoKeys(store, dir, new Date(NOW));
  if (!keys.ok) throw new Error(render('en', keys.error.message));
  const documents = new DocumentService(store, reference, () => loadTrustStore([join(dir, 'pki', 'trusted')]).then((t) => t.store));
  return { dir, store, reference, requests: new RequestService(store, reference, clock, { documents }) };
}

/** A port nobody listens on now, for a server that must know its port before listening (a webhook URL). */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

export async function startWorld(options: WorldOptions = {}): Promise<BotWorld> {
  const { dir, store, reference, requests } = await openServices(options.clock);
  const server = await startBotApiServer(options.serverLimits ? { limits: options.serverLimits } : {});
  const start = () => startCitizenBot({
    token: server.token, apiRoot: server.apiRoot, store, requests,
    mode: options.mode ?? { kind: 'polling' },
    limits: { perChatIntervalMs: 100, pollMs: 500, ...options.limits },
  });
  const world: BotWorld = {
    dir, store, reference, requests, server,
    bot: await start(),
    startBot: start,
    async restartBot() {
      await world.bot.stop();
      world.bot = await start();
    },
    async clerk(login) {
      const user = (await store.getUser(login))!;
      const actor: Actor = { login, role: user.role, ...(user.organisationId ? { organisationId: user.organisationId } : {}), fullName: user.fullName, ...(user.iin ? { iin: user.iin } : {}) };
      const credential = await credentialFor(store, actor, {});
      if (!credential.ok) throw new Error(render('en', credential.error.message));
      return { actor, credential: credential.value };
    },
    async close() {
      await world.bot.stop();
      await server.close();
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
  return world;
}

/** A message that asks something: every question, document request and the summary has Cancel (or Confirm). */
export const isPrompt = (m: BotMessage): boolean => m.inlineButtons.flat().some((b) => b.data === 'cancel' || b.data === 'ok');

const valueAt = (answers: unknown, path: readonly (string | number)[]): unknown =>
  path.reduce<unknown>((v, p) => (v !== null && typeof v === 'object' ? (v as Record<string | number, unknown>)[p] : undefined), answers);

/**
 * Answers the bot's questions one by one, through Telegram, with `answers` (typed as people type
 * them): what is being asked is read from the conversation the bot stored, so the test follows the
 * form whatever its order. Returns when the bot shows the summary.
 */
export async function fillQuestionnaire(world: BotWorld, user: TestUser, serviceId: string, answers: Record<string, unknown>, lang: 'kk' | 'ru'): Promise<BotMessage> {
  const service = findService(serviceId)!;
  for (let step = 0; step < 200; step++) {
    const chat = await world.store.getChat(user.id);
    const flow = chat?.flow as { stage: string; form: q.QuestionnaireState } | null;
    if (!flow || flow.stage !== 'form') throw new Error(`not in the questionnaire: ${JSON.stringify(flow)?.slice(0, 200)}`);
    const p = q.prompt(service.form, flow.form, lang, '2026-11-20');
    const path = p.path.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s));
    // The question (or the summary) is the last message of a reply: it carries the buttons.
    const reply = user.waitForMessage(isPrompt);
    if (p.kind === 'enterGroup') {
      await user.pressButton(`a:${p.path}|${valueAt(answers, path) === undefined ? 'no' : 'yes'}`);
    } else if (p.kind === 'moreRows') {
      const rows = (valueAt(answers, path) as unknown[] | undefined) ?? [];
      const have = ((valueAt(flow.form.answers, path) as unknown[] | undefined) ?? []).length;
      await user.pressButton(`a:${p.path}|${have < rows.length ? 'more' : 'done'}`);
    } else {
      const value = valueAt(answers, path);
      if (value === undefined || value === '') {
        if (p.buttons.some((row) => row.some((b) => b.value === q.KEEP))) await user.pressButton(`a:${p.path}|${q.KEEP}`);
        else await user.pressButton('skip');
      } else await user.sendText(typeof value === 'boolean' ? (value ? 'yes' : 'no') : String(value));
    }
    const message = await reply;
    if (message.inlineButtons.flat().some((b) => b.data === 'ok')) return message;
    const after = (await world.store.getChat(user.id))?.flow as { stage: string } | null;
    if (after?.stage !== 'form') return message;
  }
  throw new Error('the questionnaire did not end');
}

const hasData = (data: string) => (m: BotMessage): boolean => m.inlineButtons.flat().some((b) => b.data === data);

/** /start, the language, and the menu (with a deep link, only up to the language question). */
export async function greet(user: TestUser, lang: 'kk' | 'ru', payload?: string): Promise<void> {
  const choice = user.waitForMessage(hasData('lang:kk'));
  await user.sendCommand('start', payload);
  await choice;
  if (payload) return;
  const menu = user.waitForMessage(hasData('svc:archive-certificate'));
  await user.pressButton(`lang:${lang}`);
  await menu;
}

/** From the menu to the request for the citizen's contact: the service, its office when asked, the intro. Returns the intro. */
export async function toContact(user: TestUser, serviceId: string, office?: string): Promise<BotMessage> {
  if (office) {
    const offices = user.waitForMessage(hasData(`office:${office}`));
    await user.pressButton(`svc:${serviceId}`);
    await offices;
  }
  const intro = user.waitForMessage(hasData('go'));
  await user.pressButton(office ? `office:${office}` : `svc:${serviceId}`);
  const shown = await intro;
  const contact = user.waitForMessage((m) => m.replyButtons.flat().some((b) => b.requestContact));
  await user.pressButton('go');
  await contact;
  return shown;
}

/** From the menu to a service's first question, with the phone shared. */
export async function startService(user: TestUser, serviceId: string, phone: string, office?: string): Promise<void> {
  await toContact(user, serviceId, office);
  const first = user.waitForMessage(isPrompt);
  await user.shareContact(phone);
  await first;
}

export const startArchive = (user: TestUser, phone: string): Promise<void> => startService(user, 'archive-certificate', phone, 'kzo-archives');

/** Presses Next (or Skip) through the document requests that are left. */
export async function skipDocuments(world: BotWorld, user: TestUser): Promise<void> {
  for (let i = 0; i < 10 && ((await world.store.getChat(user.id))!.flow as { stage: string }).stage === 'files'; i++) {
    const next = user.waitForMessage(isPrompt);
    await user.pressButton('next');
    await next;
  }
}

/** A whole archival request filed by `user` as Нұрланова; returns its number. */
export async function filedRequest(world: BotWorld, user: TestUser): Promise<string> {
  await greet(user, 'kk');
  await startArchive(user, '+77011234567');
  await fillQuestionnaire(world, user, 'archive-certificate', exampleAnswers('archive-certificate') as Record<string, unknown>, 'kk');
  await skipDocuments(world, user);
  const accepted = user.waitForMessage(/өтініш қабылданды/);
  await user.pressButton('ok');
  return /(\d{2}-\d{6}-\d)/.exec((await accepted).text ?? '')![1]!;
}

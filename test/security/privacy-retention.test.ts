import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Request } from '../../src/core/request.js';
import { LowdbStore } from '../../src/store/lowdb/lowdb-store.js';
import type { BotChat } from '../../src/store/port.js';
import { cli, expectExit, expectNoCrash, json, NOW, TempDirs } from '../cli/helpers.js';
import { startServe } from '../ssh/helpers.js';
import { aRequest } from '../store/fixtures.js';

/**
 * Retention of what citizens leave unfinished (issue 13, findings M6): through the compiled
 * command with the clock pinned (ANYQTAMA_NOW), and in a running `serve`.
 */
const dirs = new TempDirs();
afterAll(() => dirs.removeAll());

const daysAgo = (days: number) => new Date(Date.parse(NOW) - days * 86_400_000).toISOString();
const chatFile = (dir: string, chatId: number) => join(dir, 'bot', 'chats', String(chatId % 100).padStart(2, '0'), `${chatId}.json`);

const chat = (chatId: number, at: string): BotChat => ({
  chatId, userId: chatId, lang: 'kk', phone: '+77011234567', phoneSharedAt: at,
  flow: { kind: 'apply', form: { answers: { applicant: { lastName: 'Нұрланова', iin: '850305400010' } } } }, createdAt: at, updatedAt: at,
});
const draft = (at: string): Request => aRequest({
  number: null, state: 'DRAFT', submittedAt: null, submittedOn: null, due: null, history: [], outbox: [], createdAt: at, updatedAt: at,
});

/** A store with a chat and a draft 31 days old, the same 29 days old, and a request filed 60 days ago. */
async function oldAndYoung(): Promise<{ dir: string; oldDraft: Request; youngDraft: Request; filed: Request }> {
  const dir = dirs.make('retention');
  const opened = await LowdbStore.open({ dataDir: dir, command: 'test' });
  if (!opened.ok) throw new Error('store did not open');
  const store = opened.value;
  const oldDraft = draft(daysAgo(31));
  const youngDraft = draft(daysAgo(29));
  const filed = aRequest({ updatedAt: daysAgo(60) });
  for (const r of [oldDraft, youngDraft, filed]) expect((await store.create(r)).ok).toBe(true);
  await store.putChat(chat(7001, daysAgo(31)));
  await store.putChat(chat(7002, daysAgo(29)));
  await store.close();
  return { dir, oldDraft, youngDraft, filed };
}

async function contents(dir: string) {
  const opened = await LowdbStore.open({ dataDir: dir, command: 'test' });
  if (!opened.ok) throw new Error('store did not open');
  const store = opened.value;
  try {
    const requests: string[] = [];
    for await (const r of store.scanRequests()) requests.push(r.id);
    const chats: number[] = [];
    for await (const c of store.scanChats()) chats.push(c.chatId);
    return { requests: new Set(requests), chats: chats.sort() };
  } finally {
    await store.close();
  }
}

describe('anyqtama retention sweep', () => {
  it('deletes a 31-day-old bot conversation and draft and keeps the 29-day-old ones and every filed request', async () => {
    const { dir, oldDraft, youngDraft, filed } = await oldAndYoung();
    const swept = await cli(['retention', 'sweep', '--json'], { dataDir: dir });
    expectExit(swept, 0);
    expect(json(swept)).toEqual({ days: 30, before: daysAgo(30), chats: 1, drafts: 1 });
    const left = await contents(dir);
    expect(left.chats).toEqual([7002]);
    expect(left.requests).toEqual(new Set([youngDraft.id, filed.id]));
    expect(existsSync(chatFile(dir, 7001))).toBe(false);
    expect(existsSync(join(dir, 'requests', oldDraft.id.slice(0, 2), `${oldDraft.id}.json`))).toBe(false);

    const again = await cli(['retention', 'sweep', '--lang', 'ru'], { dataDir: dir });
    expectExit(again, 0);
    expect(again.stdout).toContain('Удалено: переписок с ботом — 0, черновиков заявок — 0.');
  });

  it('reads the period from ANYQTAMA_RETENTION_DAYS and says what it deleted in Kazakh', async () => {
    const { dir } = await oldAndYoung();
    const swept = await cli(['retention', 'sweep'], { dataDir: dir, env: { ANYQTAMA_RETENTION_DAYS: '28' } });
    expectExit(swept, 0);
    expect(swept.stdout).toContain('Сақтау мерзімі — 28 күн');
    expect(swept.stdout).toContain('боттағы сөйлесулер — 2, өтініш жобалары — 2.');
    expect((await contents(dir)).chats).toEqual([]);
  });

  it('refuses a period it cannot read and deletes nothing', async () => {
    const { dir } = await oldAndYoung();
    for (const bad of ['30d', '0', '-5', '99999']) {
      const r = await cli(['retention', 'sweep', '--lang', 'ru'], { dataDir: dir, env: { ANYQTAMA_RETENTION_DAYS: bad } });
      expectExit(r, 2);
      expect(r.stderr).toContain(`Неверное значение ANYQTAMA_RETENTION_DAYS «${bad}»`);
      expectNoCrash(r);
    }
    expect((await contents(dir)).chats).toEqual([7001, 7002]);
  });
});

describe('anyqtama serve', () => {
  it('sweeps at start: the abandoned conversation is gone while the recent one stays', async () => {
    const { dir } = await oldAndYoung();
    const serve = await startServe(dir);
    try {
      await expect.poll(() => existsSync(chatFile(dir, 7001)), { timeout: 10_000 }).toBe(false);
      expect(existsSync(chatFile(dir, 7002))).toBe(true);
      await expect.poll(() => serve.stderr(), { timeout: 5_000 }).toContain('боттағы сөйлесулер — 1, өтініш жобалары — 1');
    } finally {
      await serve.stop();
    }
  });
});

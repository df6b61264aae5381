import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/app/clock.js';
import { auditSubject, CallCentreLookups } from '../../src/app/lookups.js';
import { exampleAnswers } from '../../src/core/services/examples.js';
import { filedRequest, greet, NOW, startWorld, type BotWorld } from '../bot/world.js';

/**
 * Audit lines say who looked at which request, when, from where and with what outcome: nothing
 * of the person the request is about (issue 13). Read as files, as someone with the data dir would.
 */
let world: BotWorld;
afterEach(async () => {
  await world?.close();
});

async function auditLines(dir: string): Promise<Array<Record<string, unknown>>> {
  const folder = join(dir, 'audit');
  const lines: Array<Record<string, unknown>> = [];
  for (const name of (await readdir(folder)).filter((n) => n.endsWith('.jsonl'))) {
    for (const line of (await readFile(join(folder, name), 'utf8')).split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
  }
  return lines;
}

describe('the audit log of status checks', () => {
  it('keeps the number, who, when, from where and the outcome, but no IIN digits, name or phone, after a bot check and call-centre look-ups', async () => {
    world = await startWorld();
    const filer = world.server.user(8001, { languageCode: 'kk' });
    const number = await filedRequest(world, filer);
    const applicant = (exampleAnswers('archive-certificate') as { applicant: Record<string, string> }).applicant;
    const iin = applicant.iin!;

    // A stranger in Telegram guesses the last four digits wrong, then right.
    const other = world.server.user(8002, { languageCode: 'ru' });
    await greet(other, 'ru', `status_${number}`);
    const asked = other.waitForMessage(/последние 4 цифры ИИН/);
    await other.pressButton('lang:ru');
    await asked;
    const wrong = other.waitForMessage(/не совпали/);
    await other.sendText('1111');
    await wrong;
    const card = other.waitForMessage(/Статус:/);
    await other.sendText(iin.slice(-4));
    await card;

    // The call-centre looks the number up, and then types the IIN, a phone and a name into the number field.
    const lookups = new CallCentreLookups(world.requests, world.store, fixedClock(NOW));
    const operator = { login: 'callcentre', role: 'callcentre' as const };
    expect((await lookups.lookup(operator, number, 'ssh:10.0.0.5')).ok).toBe(true);
    for (const typed of [iin, '+7 701 123 45 67', applicant.lastName!]) expect((await lookups.lookup(operator, typed, 'ssh:10.0.0.5')).ok).toBe(false);

    const lines = await auditLines(world.dir);
    expect(lines.map((l) => [l.actor, l.subject, l.outcome])).toEqual([
      ['telegram:8002', number, 'notFound'],
      ['telegram:8002', number, 'found'],
      ['callcentre', number, 'found'],
      ['callcentre', '?', 'invalid'],
      ['callcentre', '?', 'invalid'],
      ['callcentre', '?', 'invalid'],
    ]);
    for (const line of lines) {
      expect(Object.keys(line).sort()).toEqual(['actor', 'at', 'kind', 'outcome', 'role', 'source', 'subject']);
      // Everything but the time and the request number: not even the four digits guessed or the right ones.
      const { at: _at, subject: _subject, ...rest } = line;
      const text = JSON.stringify(rest);
      for (const secret of [iin, iin.slice(-4), '1111', '7011234567', applicant.lastName!, applicant.firstName!]) expect(text).not.toContain(secret);
    }
    const raw = JSON.stringify(lines);
    for (const secret of [iin, '7011234567', applicant.lastName!, applicant.firstName!, applicant.patronymic!]) expect(raw).not.toContain(secret);
  });

  it('logs a mistyped number as typed only when it is shaped like a request number', () => {
    expect(auditSubject('26-000003-5')).toBe('26-000003-5');
    expect(auditSubject(' 26-00012 ')).toBe('26-00012');
    expect(auditSubject('850305400010')).toBe('?');
    expect(auditSubject('+77011234567')).toBe('?');
    expect(auditSubject('Нұрланова')).toBe('?');
  });
});

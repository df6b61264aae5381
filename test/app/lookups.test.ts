import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock, type Clock } from '../../src/app/clock.js';
import { CallCentreLookups } from '../../src/app/lookups.js';
import { RequestService } from '../../src/app/requests.js';
import { loadReference } from '../../src/config/reference.js';
import { render } from '../../src/core/i18n/catalogue.js';
import { formatRequestNumber } from '../../src/core/identity/request-number.js';
import type { Actor, Request } from '../../src/core/request.js';
import { exampleAnswers } from '../../src/core/services/examples.js';
import { LowdbStore } from '../../src/store/lowdb/lowdb-store.js';

const callcentre: Actor = { login: 'callcentre', role: 'callcentre', organisationId: 'callcentre-1414' };
const colleague: Actor = { login: 'callcentre2', role: 'callcentre', organisationId: 'callcentre-1414' };
const clerk: Actor = { login: 'kzo-clerk', role: 'clerk', organisationId: 'kzo-archives' };
/** A well-formed number no request has. */
const MISSING = formatRequestNumber(2026, 404);

let dir: string;
let store: LowdbStore;
let service: RequestService;
let request: Request;
/** The look-ups' clock, moved by the tests: 20 March 2026, 10:00 in Kazakhstan. */
let now: Date;
const clock: Clock = { now: () => new Date(now) };
let lookups: CallCentreLookups;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'aq-lookup-'));
  const opened = await LowdbStore.open({ dataDir: dir, command: 'test' });
  if (!opened.ok) throw new Error('store');
  store = opened.value;
  const reference = loadReference(dir);
  if (!reference.ok) throw new Error('reference');
  now = new Date('2026-03-20T05:00:00Z');
  service = new RequestService(store, reference.value, fixedClock(now));
  const submitted = await service.submit({ serviceId: 'archive-certificate', channel: 'office', answers: exampleAnswers('archive-certificate'), actor: clerk, lang: 'kk' });
  if (!submitted.ok) throw new Error('submit');
  request = submitted.value;
  lookups = new CallCentreLookups(service, store, clock);
});
afterEach(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

const minutes = (n: number) => {
  now = new Date(now.getTime() + n * 60_000);
};

describe('a call-centre look-up', () => {
  it('reads out the state, dates, due date and last event, with the applicant masked', async () => {
    const found = await lookups.lookup(callcentre, request.number!.replace(/-/g, ' '), 'ssh:10.0.0.5');
    expect(found.ok).toBe(true);
    if (!found.ok) return;
    const iin = request.applicant.iin;
    expect(found.value).toEqual({
      number: request.number,
      service: 'archive-certificate',
      state: 'SUBMITTED',
      submittedAt: request.submittedAt,
      submittedOn: '2026-03-20',
      dueDate: '2026-04-06',
      deadline: 'onTime',
      office: 'kzo-archives',
      lastEvent: { at: request.submittedAt, action: 'register', to: 'SUBMITTED' },
      applicant: { iin: `••••••••${iin.slice(-4)}`, name: request.applicant.fullName.split(' ').map((p) => `${p[0]}.`).join(' ') },
    });
    const shown = JSON.stringify(found.value);
    expect(shown).not.toContain(iin);
    expect(shown).not.toContain(iin.slice(0, 8));
    for (const part of request.applicant.fullName.split(' ')) expect(shown).not.toContain(part);
    expect(shown).not.toContain(String((request.applicant as { phone?: string }).phone ?? 'no phone'));
  });

  it('is written to the audit log with who looked, from where and what they got, found or not', async () => {
    await lookups.lookup(callcentre, request.number!, 'ssh:10.0.0.5');
    await lookups.lookup(callcentre, MISSING, 'ssh:10.0.0.5');
    await lookups.lookup({ login: 'supervisor', role: 'supervisor' }, '26-00012', 'tui');
    const log = await store.listAudit({ kind: 'lookup' });
    expect(log).toEqual([
      { at: now.toISOString(), actor: 'supervisor', role: 'supervisor', kind: 'lookup', subject: '26-00012', outcome: 'invalid', source: 'tui' },
      { at: now.toISOString(), actor: 'callcentre', role: 'callcentre', kind: 'lookup', subject: MISSING, outcome: 'notFound', source: 'ssh:10.0.0.5' },
      { at: now.toISOString(), actor: 'callcentre', role: 'callcentre', kind: 'lookup', subject: request.number, outcome: 'found', source: 'ssh:10.0.0.5' },
    ]);
  });

  it('is refused to a clerk and a citizen, and nothing is logged for them', async () => {
    for (const actor of [clerk, { login: 'citizen:850305400010', role: 'citizen' } as Actor]) {
      const r = await lookups.lookup(actor, request.number!, 'cli');
      expect(!r.ok && r.error.code).toBe('FORBIDDEN');
      if (!r.ok) expect(render('ru', r.error.message)).toContain('контакт-центру');
    }
    expect(await store.listAudit({})).toEqual([]);
    for (const role of ['operator', 'supervisor', 'admin'] as const) {
      expect((await lookups.lookup({ login: role, role }, request.number!, 'cli')).ok).toBe(true);
    }
  });
});

describe('repeated failed look-ups', () => {
  async function failFiveTimes(actor: Actor): Promise<void> {
    for (let i = 0; i < 5; i++) {
      const r = await lookups.lookup(actor, i % 2 ? formatRequestNumber(2026, 400 + i) : '26-0004', 'ssh:10.0.0.9');
      expect(r.ok).toBe(false);
      minutes(1);
    }
  }

  it('after five failures in ten minutes, the next look-up is refused even for a real number, saying in kk and ru when to try again', async () => {
    await failFiveTimes(callcentre); // 10:00 … 10:04
    const refused = await lookups.lookup(callcentre, request.number!, 'ssh:10.0.0.9'); // 10:05
    expect(!refused.ok && refused.error.code).toBe('THROTTLED');
    if (refused.ok) return;
    // The first failure, at 10:00, leaves the ten-minute window at 10:10.
    expect(render('kk', refused.error.message)).toBe('Сәтсіз іздеулер тым көп: соңғы 10 минутта 5 рет. Келесі іздеу уақыты: 10:10.');
    expect(render('ru', refused.error.message)).toBe('Слишком много неудачных поисков: 5 за последние 10 мин. Повторить поиск можно в 10:10.');
    expect((await store.listAudit({ limit: 1 }))[0]).toMatchObject({ outcome: 'throttled', subject: request.number, actor: 'callcentre' });
    minutes(4); // 10:09: still refused
    expect((await lookups.lookup(callcentre, request.number!, 'ssh:10.0.0.9')).ok).toBe(false);
    minutes(1); // 10:10: the time the message named
    const again = await lookups.lookup(callcentre, request.number!, 'ssh:10.0.0.9');
    expect(again.ok).toBe(true);
  });

  it('slows only the person who failed, not a colleague', async () => {
    await failFiveTimes(callcentre);
    expect((await lookups.lookup(colleague, request.number!, 'ssh:10.0.0.7')).ok).toBe(true);
    expect((await lookups.lookup(callcentre, request.number!, 'ssh:10.0.0.9')).ok).toBe(false);
  });

  it('forgives failures older than ten minutes, and successes in between do not count', async () => {
    for (let i = 0; i < 4; i++) {
      await lookups.lookup(callcentre, MISSING, 'cli');
      expect((await lookups.lookup(callcentre, request.number!, 'cli')).ok).toBe(true);
    }
    minutes(11);
    for (let i = 0; i < 4; i++) await lookups.lookup(callcentre, MISSING, 'cli');
    expect((await lookups.lookup(callcentre, request.number!, 'cli')).ok).toBe(true);
  });

  it('counts failures across a restart, from the stored audit log', async () => {
    await failFiveTimes(callcentre);
    await store.close();
    const reopened = await LowdbStore.open({ dataDir: dir, command: 'test' });
    if (!reopened.ok) throw new Error('store');
    store = reopened.value;
    const fresh = new CallCentreLookups(new RequestService(store, service.reference, clock), store, clock);
    const r = await fresh.lookup(callcentre, request.number!, 'cli');
    expect(!r.ok && r.error.code).toBe('THROTTLED');
  });
});

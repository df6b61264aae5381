import { copyFile, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClerkDesk } from '../../src/app/clerk-desk.js';
import { fixedClock } from '../../src/app/clock.js';
import { RequestService } from '../../src/app/requests.js';
import { loadReference } from '../../src/config/reference.js';
import { render } from '../../src/core/i18n/catalogue.js';
import { formatRequestNumber } from '../../src/core/identity/request-number.js';
import type { Actor, Request } from '../../src/core/request.js';
import type { Result } from '../../src/core/result.js';
import { exampleAnswers, exampleResult } from '../../src/core/services/examples.js';
import { seedDemoKeys } from '../../src/demo/keys.js';
import { seedDemoUsers } from '../../src/demo/seed.js';
import { registerKey } from '../../src/documents/keys.js';
import { loadTrustStore } from '../../src/documents/pki/trust.js';
import { DocumentService } from '../../src/documents/service.js';
import { LowdbStore } from '../../src/store/lowdb/lowdb-store.js';

/**
 * The clerk's desk over the real embedded store, the real documents service and real keys: the
 * demo's keys (opened with the published demo passphrase) and, for kzo-clerk, the committed
 * TEST-ONLY key test/fixtures/pki/valid.p12 (passphrase "test-only"), which needs its passphrase.
 */

const FIXTURES = new URL('../fixtures/pki/', import.meta.url).pathname;
// Friday 20 March 2026, 10:00 in Kazakhstan.
const NOW = '2026-03-20T05:00:00Z';

const kzoClerk: Actor = { login: 'kzo-clerk', role: 'clerk', organisationId: 'kzo-archives', fullName: 'Серікбаева Динара Асқарқызы', iin: '870214400019' };
const astClerk: Actor = { login: 'ast-clerk', role: 'clerk', organisationId: 'ast-state-archive', fullName: 'Иванова Ольга Петровна', iin: '820630400012' };
const kzoOperator: Actor = { login: 'kzo-operator', role: 'operator', organisationId: 'kzo-centre', fullName: 'Тәжібаев Нұрлан Ерланұлы' };
const callcentre: Actor = { login: 'callcentre', role: 'callcentre', organisationId: 'callcentre-1414' };
const supervisor: Actor = { login: 'supervisor', role: 'supervisor', fullName: 'Басшы Демо' };

let dir: string;
let store: LowdbStore;
let requests: RequestService;
let desk: ClerkDesk;
/** Every store method the desk called, in order: what it read, not only what it returned. */
const calls: string[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'aq-clerk-desk-'));
  const opened = await LowdbStore.open({ dataDir: dir, command: 'test' });
  if (!opened.ok) throw new Error('store');
  store = opened.value;
  const reference = loadReference(dir);
  if (!reference.ok) throw new Error('reference');
  const now = new Date(NOW);
  await seedDemoUsers(store, now);
  const demoKeys = await seedDemoKeys(store, dir, now);
  if (!demoKeys.ok) throw new Error(render('en', demoKeys.error.message));
  // The office trusts its demo CA and the test CA (with its revocation list).
  const testCa = join(dir, 'test-ca');
  await mkdir(testCa);
  for (const f of ['ca.pem', 'crl.pem']) await copyFile(join(FIXTURES, f), join(testCa, f));
  const { store: trust, problems } = await loadTrustStore([join(dir, 'pki', 'trusted'), testCa]);
  expect(problems).toEqual([]);
  const kzo = await store.getUser('kzo-clerk');
  const key = await registerKey(store, { user: kzo!, p12: await readFile(join(FIXTURES, 'valid.p12')), fileName: 'valid.p12', passphrase: 'test-only', registeredBy: 'admin', now, trust });
  if (!key.ok) throw new Error(render('en', key.error.message));
  const documents = new DocumentService(store, reference.value, async () => trust);
  requests = new RequestService(store, reference.value, fixedClock(NOW), { documents });
  const recorded = new Proxy(store, {
    get(target, name, receiver) {
      const value: unknown = Reflect.get(target, name, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        calls.push(String(name));
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  desk = new ClerkDesk(requests, recorded);
});
afterAll(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(render('ru', result.error.message));
  return result.value;
}

/** An archival request registered at the Kyzylorda archive's counter, and taken into work there. */
async function archiveInWork(): Promise<Request> {
  const registered = value(await desk.register(kzoClerk, { serviceId: 'archive-certificate', answers: exampleAnswers('archive-certificate'), lang: 'kk' }));
  return value(await desk.decide(kzoClerk, registered, { action: 'take' }));
}

describe('opening a request at the terminal', () => {
  it('a clerk of another office is refused, in Kazakh and Russian, and the questionnaire is never read for them', async () => {
    const request = await archiveInWork();
    calls.length = 0;
    const opened = await desk.open(astClerk, { number: request.number! });
    expect(opened.ok).toBe(false);
    if (opened.ok) return;
    expect(opened.error.code).toBe('FORBIDDEN');
    expect(render('kk', opened.error.message)).toContain(request.number!);
    expect(render('ru', opened.error.message)).toContain(`не может открыть заявку № ${request.number}`);
    // Nothing of the applicant reached the screen...
    const answered = JSON.stringify(opened);
    expect(answered).not.toContain(request.applicant.iin);
    expect(answered).not.toContain(request.applicant.fullName);
    // ...because the desk checked the index's summary first and never read the whole request.
    expect(calls).toEqual(['summaryByNumber']);
  });

  it('a request named by id (a draft) is refused to another counter without its personal data', async () => {
    const draft = value(await desk.saveDraft(kzoClerk, { serviceId: 'archive-certificate', answers: exampleAnswers('archive-certificate'), lang: 'kk' }));
    const opened = await desk.open(kzoOperator, { id: draft.id });
    expect(!opened.ok && opened.error.code).toBe('FORBIDDEN');
    expect(JSON.stringify(opened)).not.toContain(draft.applicant.iin);
    expect(!(await desk.draft(kzoOperator, draft.id)).ok).toBe(true);
    expect(value(await desk.draft(kzoClerk, draft.id)).answers).toEqual(draft.answers);
  });

  it('the office\'s own clerk and a supervisor open it in full; the call-centre does not', async () => {
    const request = await archiveInWork();
    expect(value(await desk.open(kzoClerk, { number: request.number! })).applicant.iin).toBe(request.applicant.iin);
    expect(value(await desk.open(supervisor, { number: request.number! })).answers).toEqual(request.answers);
    expect((await desk.open(callcentre, { number: request.number! })).ok).toBe(false);
  });

  it('a mistyped number is bad input and an unknown one is not found, before any access check', async () => {
    const typo = await desk.open(astClerk, { number: '26-000001-0' });
    expect(!typo.ok && typo.error.code).toBe('INVALID_NUMBER');
    const unknown = await desk.open(astClerk, { number: formatRequestNumber(2026, 999_998) });
    expect(!unknown.ok && unknown.error.code).toBe('NOT_FOUND');
  });

  it('a viewer who may not open it sees it masked, with the questionnaire withheld', async () => {
    const request = await archiveInWork();
    const seen = value(await desk.view(astClerk, { number: request.number! }));
    expect(seen.full).toBe(false);
    expect(seen.request.answers).toEqual({});
    expect(seen.request.applicant.iin).not.toBe(request.applicant.iin);
    expect(value(await desk.view(kzoClerk, { number: request.number! })).full).toBe(true);
  });
});

describe('deciding with the clerk\'s key', () => {
  it('a wrong passphrase refuses the issue, names the field in Kazakh and Russian, and stores nothing', async () => {
    const request = await archiveInWork();
    const refused = await desk.decide(kzoClerk, request, { action: 'issue', content: exampleResult('archive-certificate'), passphrase: 'guess' });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.code).toBe('FORBIDDEN');
    expect(refused.error.fields?.map((f) => f.path)).toEqual(['passphrase']);
    expect(render('kk', refused.error.message)).toContain('Кілттің құпиясөзі');
    expect(render('ru', refused.error.message)).toContain('Пароль ключа');
    const stored = value(await desk.open(kzoClerk, { number: request.number! }));
    expect(stored.version).toBe(request.version);
    expect(stored.state).toBe('IN_WORK');
    expect(stored.decision).toBeUndefined();
  });

  it('a key that is not a demo key is not opened without its passphrase', async () => {
    const request = await archiveInWork();
    const refused = await desk.decide(kzoClerk, request, { action: 'issue', content: exampleResult('archive-certificate') });
    expect(!refused.ok && refused.error.code).toBe('VALIDATION');
    expect(value(await desk.open(kzoClerk, { number: request.number! })).state).toBe('IN_WORK');
  });

  it('the right passphrase issues the certificate signed with the clerk\'s own certificate', async () => {
    const request = await archiveInWork();
    const issued = value(await desk.decide(kzoClerk, request, { action: 'issue', content: exampleResult('archive-certificate'), passphrase: 'test-only' }));
    expect(issued.state).toBe('COMPLETED');
    expect(issued.decision?.document?.signer).toMatchObject({ login: 'kzo-clerk', iin: '870214400019' });
  });

  it('a demo key opens with the published demo passphrase when none is typed', async () => {
    const registered = value(await desk.register(astClerk, { serviceId: 'archive-certificate', answers: exampleAnswers('archive-certificate'), lang: 'ru' }));
    const taken = value(await desk.decide(astClerk, registered, { action: 'take' }));
    const issued = value(await desk.decide(astClerk, taken, { action: 'issue', content: exampleResult('archive-certificate') }));
    expect(issued.decision?.document?.signer).toMatchObject({ login: 'ast-clerk' });
  });

  it('the channel comes from the role: a clerk acts at the office, an operator takes requests in at the centre', async () => {
    const request = await archiveInWork();
    expect(request.history.map((e) => e.channel)).toEqual(['office', 'office']);
    const atCentre = value(await desk.register(kzoOperator, { serviceId: 'archive-certificate', answers: exampleAnswers('archive-certificate'), lang: 'kk' }));
    expect(atCentre.channel).toBe('centre');
    expect(atCentre.history.at(-1)).toMatchObject({ channel: 'centre', by: 'kzo-operator' });
  });

  it('another office\'s clerk cannot decide on a request they were handed', async () => {
    const request = await archiveInWork();
    const refused = await desk.decide(astClerk, request, { action: 'extend', ground: 'MULTIPLE_ORGANISATIONS' });
    expect(!refused.ok && refused.error.code).toBe('FORBIDDEN');
    expect(value(await desk.open(kzoClerk, { number: request.number! })).version).toBe(request.version);
  });
});

describe('the queue, the counter and the report', () => {
  it('each clerk\'s queue holds their own office\'s requests only', async () => {
    const mine = await archiveInWork();
    const kzo = await desk.queue(kzoClerk, { states: ['IN_WORK'], limit: 500 });
    expect(kzo.items.map((s) => s.number)).toContain(mine.number);
    expect(kzo.items.every((s) => s.office === 'kzo-archives')).toBe(true);
    const ast = await desk.queue(astClerk, { states: ['IN_WORK'], limit: 500 });
    expect(ast.items.map((s) => s.number)).not.toContain(mine.number);
    expect((await desk.queue(callcentre, {})).items).toEqual([]);
  });

  it('the registry fills the applicant for counter staff, and is closed to the call-centre', async () => {
    const iin = (exampleAnswers('archive-certificate') as { applicant: { iin: string } }).applicant.iin;
    const found = value(await desk.prefill(kzoOperator, 'archive-certificate', iin));
    expect(found?.values['applicant.lastName']).toBeTruthy();
    expect(found?.values['applicant.birthDate']).toMatch(/^\d{2}\.\d{2}\.\d{4}$/);
    expect(value(await desk.prefill(kzoOperator, 'archive-certificate', '000000000000'))).toBeNull();
    const refused = await desk.prefill(callcentre, 'archive-certificate', iin);
    expect(!refused.ok && refused.error.code).toBe('FORBIDDEN');
  });

  it('the supervisor reads the report; a clerk is told it is not theirs', async () => {
    await archiveInWork();
    expect(value(await desk.report(supervisor)).today).toBe('2026-03-20');
    const refused = await desk.report(kzoClerk);
    expect(!refused.ok && refused.error.code).toBe('FORBIDDEN');
  });
});

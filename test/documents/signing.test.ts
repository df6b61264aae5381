import { createHash } from 'node:crypto';
import { copyFile, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/app/clock.js';
import { RequestService } from '../../src/app/requests.js';
import { loadReference, type Reference } from '../../src/config/reference.js';
import { render } from '../../src/core/i18n/catalogue.js';
import type { Actor, Request } from '../../src/core/request.js';
import { exampleAnswers, exampleResult } from '../../src/core/services/examples.js';
import { registerKey, unlockKey } from '../../src/documents/keys.js';
import { makeDemoPki } from '../../src/documents/pki/demo.js';
import { loadPkcs12, type Credential } from '../../src/documents/pki/pkcs12.js';
import { loadTrustStore, type TrustStore } from '../../src/documents/pki/trust.js';
import { DocumentService } from '../../src/documents/service.js';
import { LowdbStore } from '../../src/store/lowdb/lowdb-store.js';

/**
 * Signing decisions with staff keys and verifying the documents, through the real store, the
 * real renderer and the committed TEST-ONLY fixtures (test/fixtures/pki, passphrase "test-only").
 */

const FIXTURES = new URL('../fixtures/pki/', import.meta.url).pathname;
const clerk: Actor = { login: 'kzo-clerk', role: 'clerk', organisationId: 'kzo-archives', fullName: 'Серікбаева Динара Асқарқызы', iin: '870214400019' };

async function fixture(name: string): Promise<Credential> {
  const loaded = loadPkcs12(await readFile(join(FIXTURES, name)), 'test-only');
  if (!loaded.ok) throw new Error(`${name}: ${loaded.error}`);
  return loaded.value;
}

let dir: string;
let store: LowdbStore;
let reference: Reference;
let trust: TrustStore;

async function openStore(): Promise<void> {
  const opened = await LowdbStore.open({ dataDir: dir, command: 'test' });
  if (!opened.ok) throw new Error('store');
  store = opened.value;
}

/** The request service and document service as of `now` (ISO). */
function at(now: string): { requests: RequestService; documents: DocumentService } {
  const documents = new DocumentService(store, reference, async () => trust);
  return { documents, requests: new RequestService(store, reference, fixedClock(now), { documents }) };
}

/** An archival request registered on 10 March 2026 and taken into work. */
async function inWork(now = '2026-03-10T05:00:00Z'): Promise<Request> {
  const { requests } = at(now);
  const submitted = await requests.submit({ serviceId: 'archive-certificate', channel: 'office', answers: exampleAnswers('archive-certificate'), actor: clerk, lang: 'kk' });
  if (!submitted.ok) throw new Error(render('ru', submitted.error.message));
  const taken = await requests.actOn(submitted.value, { action: 'take', actor: clerk, channel: 'office' });
  if (!taken.ok) throw new Error(render('ru', taken.error.message));
  return taken.value;
}

async function issue(request: Request, credential: Credential | undefined, now = '2026-03-20T05:00:00Z') {
  return at(now).requests.actOn(request, { action: 'issue', actor: clerk, channel: 'office', content: exampleResult('archive-certificate'), ...(credential ? { credential } : {}) });
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'aq-sign-'));
  // The office trusts the test CA and has its revocation list; the "untrusted" CA is not there.
  await mkdir(join(dir, 'trusted'));
  for (const f of ['ca.pem', 'crl.pem']) await copyFile(join(FIXTURES, f), join(dir, 'trusted', f));
  const loaded = await loadTrustStore([join(dir, 'trusted')]);
  expect(loaded.problems).toEqual([]);
  trust = loaded.store;
  const ref = loadReference(dir);
  if (!ref.ok) throw new Error('reference');
  reference = ref.value;
  await openStore();
});
afterEach(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

describe('issuing signs the certificate with the clerk\'s key', () => {
  it('stores the signed record and every language variant; the file verifies with number, service, signer and date', async () => {
    const issued = await issue(await inWork(), await fixture('valid.p12'));
    if (!issued.ok) throw new Error(render('ru', issued.error.message));
    const document = issued.value.decision!.document!;
    expect(document.template).toBe('archive-certificate');
    expect(document.signer).toMatchObject({ login: 'kzo-clerk', iin: '870214400019' });
    expect(document.code).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);

    const { documents } = at('2026-11-20T05:00:00Z');
    for (const variant of ['kk', 'ru', 'both'] as const) {
      const current = await documents.current(issued.value, variant);
      if (!current.ok) throw new Error('no document');
      expect(createHash('sha256').update(current.value.bytes).digest('hex')).toBe(document.files[variant]);
      const verdict = await documents.verifyFile(current.value.bytes);
      expect(verdict).toMatchObject({ status: 'valid', number: issued.value.number, service: 'archive-certificate', variant, signer: { fullName: clerk.fullName }, signedAt: '2026-03-20T05:00:00.000Z' });
    }
    expect(await documents.verifyCode(issued.value.number!, document.code.toLowerCase().replace('-', ''))).toMatchObject({ status: 'valid' });
    expect(await documents.verifyCode(issued.value.number!, 'ZZZZZ-ZZZZZ')).toEqual({ status: 'unknown' });
  });

  it('without a key nothing is decided', async () => {
    const request = await inWork();
    const result = await issue(request, undefined);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message.key).toBe('documents.keyMissing');
    expect((await store.get(request.id))!.version).toBe(request.version);
  });

  it.each([
    ['expired.p12', 'R5b', 'documents.signature.R5b'],
    ['revoked.p12', 'R5c', 'documents.signature.R5c'],
    ['wrong-iin.p12', 'R5a', 'documents.signature.R5a'],
    ['untrusted.p12', 'R5d', 'documents.signature.R5d'],
  ])('with %s the decision stops with the regulation\'s message (%s) and nothing is stored', async (file, reason, key) => {
    const request = await inWork();
    // 20 November 2026: after the revocation of 1 June 2026.
    const result = await issue(request, await fixture(file), '2026-11-20T05:00:00Z');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ code: 'GUARD_FAILED', reasons: [reason], message: { key } });
    expect(render('kk', result.error.message)).toContain('ЭЦҚ түпнұсқалығының расталмауына байланысты');
    expect(render('ru', result.error.message)).toContain('неподтверждением подлинности ЭЦП');
    const stored = (await store.get(request.id))!;
    expect(stored.version).toBe(request.version);
    expect(stored.state).toBe('IN_WORK');
    expect(stored.decision).toBeUndefined();
  });

  it('a refusal letter is signed the same way, and an archive that found nothing writes its own letter', async () => {
    const refused = await at('2026-03-20T05:00:00Z').requests.actOn(await inWork(), {
      action: 'refuse', actor: clerk, channel: 'office', reasons: ['R9'], note: '1985–1992 жылдардағы қор мұрағатқа тапсырылмаған', credential: await fixture('valid.p12'),
    });
    if (!refused.ok) throw new Error(render('ru', refused.error.message));
    expect(refused.value.decision!.document!.template).toBe('archive-no-information');
    const current = await at('2026-11-20T05:00:00Z').documents.current(refused.value, 'ru');
    if (!current.ok) throw new Error('no document');
    expect(await at('2026-11-20T05:00:00Z').documents.verifyFile(current.value.bytes)).toMatchObject({ status: 'valid', outcome: 'refused' });
  });
});

describe('a signed document cannot be changed unnoticed', () => {
  it('one byte changed in the PDF: altered after signing', async () => {
    const issued = await issue(await inWork(), await fixture('valid.p12'));
    if (!issued.ok) throw new Error('issue');
    const current = await at('2026-11-20T05:00:00Z').documents.current(issued.value, 'kk');
    if (!current.ok) throw new Error('no document');
    const bytes = Buffer.from(current.value.bytes);
    const middle = Math.floor(bytes.length / 2);
    bytes[middle] = bytes[middle]! ^ 0x01;
    expect(await at('2026-11-20T05:00:00Z').documents.verifyFile(bytes)).toEqual({ status: 'altered', number: issued.value.number });
  });

  it('a field changed in the stored decision: the signature no longer matches the record', async () => {
    const issued = await issue(await inWork(), await fixture('valid.p12'));
    if (!issued.ok) throw new Error('issue');
    const decision = issued.value.decision!;
    const forged = { ...issued.value, version: issued.value.version + 1, decision: { ...decision, content: { ...decision.content, period: '1975–1992' } } };
    expect((await store.save(forged, issued.value.version)).ok).toBe(true);
    const current = await at('2026-11-20T05:00:00Z').documents.current(forged, 'kk');
    if (!current.ok) throw new Error('no document');
    expect(await at('2026-11-20T05:00:00Z').documents.verifyFile(current.value.bytes)).toEqual({ status: 'record-altered', number: issued.value.number });
  });

  it('a PDF that is not ours, or garbage, is an unknown document', async () => {
    const { documents } = at('2026-11-20T05:00:00Z');
    expect(await documents.verifyFile(Buffer.from('%PDF-1.4\n%%EOF\n'))).toEqual({ status: 'unknown' });
    expect(await documents.verifyFile(Buffer.from('not a pdf at all'))).toEqual({ status: 'unknown' });
  });
});

describe('what counts is the certificate at signing time', () => {
  it('still valid after a restart, and after the signer\'s certificate was revoked later', async () => {
    // Signed on 20 March 2026 with the key revoked on 1 June 2026.
    const issued = await issue(await inWork(), await fixture('revoked.p12'));
    if (!issued.ok) throw new Error(render('ru', issued.error.message));
    const kk = await at('2026-11-20T05:00:00Z').documents.current(issued.value, 'kk');
    if (!kk.ok) throw new Error('no document');
    await store.close();
    await openStore();
    expect(await at('2026-11-20T05:00:00Z').documents.verifyFile(kk.value.bytes)).toMatchObject({ status: 'valid', number: issued.value.number });
  });

  it('still valid after the signer\'s certificate expired', async () => {
    // A demo CA whose staff certificate runs from 21.03.2023 to 21.03.2026 (three years).
    const pki = await makeDemoPki(join(dir, 'short'), [{ login: 'kzo-clerk', fullName: clerk.fullName!, iin: clerk.iin! }], 'pass', new Date('2023-03-22T00:00:00Z'));
    trust = (await loadTrustStore([join(dir, 'trusted'), join(dir, 'short', 'trusted')])).store;
    const credential = loadPkcs12(await readFile(pki.keys[0]!.p12Path), 'pass');
    if (!credential.ok) throw new Error(credential.error);
    expect(credential.value.certificate.validTo).toMatch(/2026/);
    const issued = await issue(await inWork(), credential.value, '2026-03-16T05:00:00Z');
    if (!issued.ok) throw new Error(render('ru', issued.error.message));
    const code = issued.value.decision!.document!.code;
    // Months later the certificate has expired; the document signed while it was valid still verifies.
    expect(await at('2026-11-20T05:00:00Z').documents.verifyCode(issued.value.number!, code)).toMatchObject({ status: 'valid' });
  });
});

describe('a signer the office no longer trusts', () => {
  it('is reported as a certificate problem at signing time, with the reason and the signing date', async () => {
    const issued = await issue(await inWork(), await fixture('valid.p12'));
    if (!issued.ok) throw new Error('issue');
    // The CA is taken out of the trust folder after the document was signed.
    trust = (await loadTrustStore([join(dir, 'nothing-trusted')])).store;
    const verdict = await at('2026-11-20T05:00:00Z').documents.verifyCode(issued.value.number!, issued.value.decision!.document!.code);
    expect(verdict).toMatchObject({ status: 'certificate', reason: 'R5d', signedAt: '2026-03-20T05:00:00.000Z' });
  });
});

describe('registering a staff key', () => {
  it('runs the signing checks, keeps the file encrypted, and opens only with the passphrase', async () => {
    await store.putUser({ login: 'kzo-clerk', role: 'clerk', fullName: clerk.fullName!, iin: clerk.iin!, organisationId: 'kzo-archives', createdAt: '2026-01-01T00:00:00Z' });
    const user = (await store.getUser('kzo-clerk'))!;
    const base = { user, fileName: 'x.p12', registeredBy: 'admin', now: new Date('2026-11-20T05:00:00Z'), trust };
    const expired = await registerKey(store, { ...base, p12: await readFile(join(FIXTURES, 'expired.p12')), passphrase: 'test-only' });
    expect(!expired.ok && expired.error.message.key).toBe('documents.signature.R5b');
    const wrong = await registerKey(store, { ...base, p12: await readFile(join(FIXTURES, 'valid.p12')), passphrase: 'guess' });
    expect(!wrong.ok && wrong.error.message.key).toBe('documents.p12.wrong-passphrase');
    expect((await store.getUser('kzo-clerk'))!.signingKey).toBeUndefined();

    const added = await registerKey(store, { ...base, p12: await readFile(join(FIXTURES, 'valid.p12')), passphrase: 'test-only' });
    if (!added.ok) throw new Error(render('ru', added.error.message));
    const stored = (await store.getUser('kzo-clerk'))!;
    expect(JSON.stringify(stored)).not.toContain('test-only');
    expect(unlockKey(stored, 'guess').ok).toBe(false);
    expect(unlockKey(stored, 'test-only').ok).toBe(true);
  });
});

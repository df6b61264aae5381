import { spawnSync } from 'node:child_process';
import { generateKeyPairSync, X509Certificate, type KeyObject } from 'node:crypto';
import { copyFile, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import forge from 'node-forge';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../../src/demo/users.js';
import { describe as describeCert, holderName, iinOf } from '../../src/documents/pki/certificate.js';
import { checkCertificate } from '../../src/documents/pki/check.js';
import { crlToPem, makeCrl, parseCrl, verifyCrl } from '../../src/documents/pki/crl.js';
import { makeDemoPki, type DemoStaff } from '../../src/documents/pki/demo.js';
import { issueCertificate, NAME_OIDS } from '../../src/documents/pki/issue.js';
import { loadPkcs12, makePkcs12, type Credential } from '../../src/documents/pki/pkcs12.js';
import { signBytes, verifyBytes } from '../../src/documents/pki/sign.js';
import { loadTrustStore, makeTrustStore, type TrustStore } from '../../src/documents/pki/trust.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'pki');
const PASSPHRASE = 'test-only';
const CLERK_IIN = '870214400019'; // kzo-clerk
const OTHER_IIN = '820630400012'; // ast-clerk
const NOW = new Date('2026-11-24T10:00:00Z');
const REVOKED_ON = new Date('2026-06-01T00:00:00Z');

const fixture = (name: string) => readFile(join(FIXTURES, name));
const certificateOf = (pem: Buffer) => new X509Certificate(pem);

async function open(name: string, passphrase = PASSPHRASE): Promise<Credential> {
  const loaded = loadPkcs12(await fixture(name), passphrase);
  if (!loaded.ok) throw new Error(`${name}: ${loaded.error}`);
  return loaded.value;
}

let work: string;
let trust: TrustStore;
let ca: X509Certificate;
let untrustedCa: X509Certificate;

/** A trust directory as an office keeps it: the test CA and its list, copied from the fixtures. */
async function trustDir(name: string, files: Record<string, Buffer>): Promise<string> {
  const dir = await mkdtemp(join(work, `${name}-`));
  for (const [file, bytes] of Object.entries(files)) await writeFile(join(dir, file), bytes);
  return dir;
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'anyqtama-pki-'));
  ca = certificateOf(await fixture('ca.pem'));
  untrustedCa = certificateOf(await fixture('untrusted-ca.pem'));
  const loaded = await loadTrustStore([await trustDir('trusted', { 'ca.pem': await fixture('ca.pem'), 'crl.pem': await fixture('crl.pem') })]);
  expect(loaded.problems).toEqual([]);
  trust = loaded.store;
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('a staff key file (PKCS#12)', () => {
  it('opens with its passphrase and holds the key, its certificate and the issuing CA', async () => {
    for (const [file, keyType] of [['valid.p12', 'rsa'], ['valid-ec.p12', 'ec']] as const) {
      const credential = await open(file);
      expect(credential.privateKey.asymmetricKeyType).toBe(keyType);
      expect(credential.certificate.checkPrivateKey(credential.privateKey)).toBe(true);
      expect(iinOf(credential.certificate)).toBe(CLERK_IIN);
      expect(credential.chain.map((c) => c.fingerprint256)).toEqual([ca.fingerprint256]);
    }
  });

  it('with a wrong passphrase is reported as a wrong passphrase, for every file', async () => {
    for (const file of ['valid.p12', 'valid-ec.p12', 'expired.p12', 'revoked.p12', 'wrong-iin.p12', 'untrusted.p12']) {
      expect(loadPkcs12(await fixture(file), 'test-onl'), file).toEqual({ ok: false, error: 'wrong-passphrase' });
    }
  });

  it('that is not PKCS#12 at all is named as such, whatever it holds', async () => {
    for (const bytes of [await fixture('ca.pem'), ca.raw, await fixture('README.md'), Buffer.alloc(0)]) {
      expect(loadPkcs12(bytes, PASSPHRASE)).toEqual({ ok: false, error: 'not-pkcs12' });
    }
  });

  it('whose certificate belongs to another key is refused as a mismatch', async () => {
    const mine = await open('valid.p12');
    const other = await open('wrong-iin.p12');
    const mixed = makePkcs12({ privateKey: mine.privateKey, certificate: other.certificate, passphrase: 'x' });
    expect(loadPkcs12(mixed, 'x')).toEqual({ ok: false, error: 'key-mismatch' });
  });

  it('without a key, or without a certificate, says which part is missing', async () => {
    const { privateKey, certificate } = await open('valid.p12');
    const forgeKey = forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs1', format: 'pem' }).toString());
    const forgeCert = forge.pki.certificateFromPem(certificate.toString());
    const p12 = (key: forge.pki.rsa.PrivateKey | null, certs: forge.pki.Certificate[]) =>
      Buffer.from(forge.asn1.toDer(forge.pkcs12.toPkcs12Asn1(key, certs, 'x', { algorithm: 'aes256', generateLocalKeyId: false })).getBytes(), 'binary');
    expect(loadPkcs12(p12(null, [forgeCert]), 'x')).toEqual({ ok: false, error: 'no-key' });
    expect(loadPkcs12(p12(forgeKey, []), 'x')).toEqual({ ok: false, error: 'no-certificate' });
  });

  it('made by makePkcs12 opens in OpenSSL with the passphrase and not without it', async () => {
    const { privateKey, certificate, chain } = await open('valid-ec.p12');
    const path = join(work, 'remade.p12');
    await writeFile(path, makePkcs12({ privateKey, certificate, chain, passphrase: 'пароль-1', friendlyName: 'kzo-clerk' }));
    const read = (pass: string) => spawnSync('openssl', ['pkcs12', '-in', path, '-passin', `pass:${pass}`, '-nokeys', '-clcerts'], { encoding: 'utf8' });
    const right = read('пароль-1');
    expect(right.status, right.stderr).toBe(0);
    expect(right.stdout).toContain('friendlyName: kzo-clerk');
    expect(new X509Certificate(right.stdout.slice(right.stdout.indexOf('-----BEGIN'))).fingerprint256).toBe(certificate.fingerprint256);
    expect(read('пароль-2').status).not.toBe(0);
    expect(ok(loadPkcs12(await readFile(path), 'пароль-1')).certificate.fingerprint256).toBe(certificate.fingerprint256);
    expect(loadPkcs12(await readFile(path), 'пароль-2')).toEqual({ ok: false, error: 'wrong-passphrase' });
  });

  it('made by OpenSSL, modern or legacy 3DES, with a Cyrillic passphrase opens with that passphrase', async () => {
    const keyPath = join(work, 'ec-key.pem');
    const certPath = join(work, 'ec-cert.pem');
    const { privateKey, certificate } = await open('valid-ec.p12');
    await writeFile(keyPath, privateKey.export({ type: 'pkcs8', format: 'pem' }));
    await writeFile(certPath, certificate.toString());
    const legacy = ['-keypbe', 'PBE-SHA1-3DES', '-certpbe', 'PBE-SHA1-3DES', '-macalg', 'sha1'];
    for (const options of [[], legacy]) {
      const out = join(work, 'cyrillic.p12');
      const made = spawnSync('openssl', ['pkcs12', '-export', '-inkey', keyPath, '-in', certPath, '-passout', 'pass:Құпия сөз', '-out', out, ...options], { encoding: 'utf8' });
      expect(made.status, made.stderr).toBe(0);
      expect(ok(loadPkcs12(await readFile(out), 'Құпия сөз')).certificate.fingerprint256).toBe(certificate.fingerprint256);
      expect(loadPkcs12(await readFile(out), 'Құпия соз')).toEqual({ ok: false, error: 'wrong-passphrase' });
    }
  });
});

describe("a staff certificate's holder", () => {
  it('is read the way national certificates carry it: IIN from serialNumber, name from CN and GN', async () => {
    const { certificate } = await open('valid.p12');
    expect(iinOf(certificate)).toBe(CLERK_IIN);
    expect(holderName(certificate)).toBe('СЕРІКБАЕВА ДИНАРА АСҚАРҚЫЗЫ');
    expect(iinOf((await open('wrong-iin.p12')).certificate)).toBe(OTHER_IIN);
    expect(iinOf(ca)).toBeNull();
  });

  it('is summarised with dates, issuer and a serial written the way the revocation list writes it', async () => {
    const { certificate } = await open('revoked.p12');
    const summary = describeCert(certificate);
    expect(summary).toMatchObject({
      subject: 'СЕРІКБАЕВА ДИНАРА',
      issuer: 'Anyqtama TEST CA — NOT FOR PRODUCTION',
      validFrom: '2025-01-01T00:00:00.000Z',
      validTo: '2035-12-31T23:59:59.000Z',
      fingerprint256: certificate.fingerprint256,
    });
    expect(summary.serial).toMatch(/^[1-9a-f][0-9a-f]*$/);
    expect(BigInt(`0x${summary.serial}`)).toBe(BigInt(`0x${certificate.serialNumber}`));
    const crl = parseCrl(await fixture('crl.pem'));
    expect(crl.ok && [...crl.value.revoked.keys()]).toEqual([summary.serial]);
  });
});

describe('the regulation checks of a signing certificate (R5)', () => {
  const check = async (file: string, opts: { iin?: string; at?: Date; store?: TrustStore } = {}) =>
    checkCertificate((await open(file)).certificate, { iin: opts.iin ?? CLERK_IIN, at: opts.at ?? NOW, trust: opts.store ?? trust });

  it('let a valid, unrevoked certificate of the signer from the trusted CA sign', async () => {
    expect(await check('valid.p12')).toEqual({ ok: true });
    expect(await check('valid-ec.p12')).toEqual({ ok: true });
  });

  it('refuse an expired certificate, and one not yet valid, with R5b', async () => {
    expect(await check('expired.p12')).toEqual({ ok: false, reason: 'R5b', detail: 'certificate expired on 2024-12-31' });
    expect(await check('expired.p12', { at: new Date('2024-12-31T12:00:00Z') })).toEqual({ ok: true });
    expect(await check('valid.p12', { at: new Date('2024-12-31T12:00:00Z') })).toEqual({ ok: false, reason: 'R5b', detail: 'certificate is not valid until 2025-01-01' });
  });

  it('refuse a certificate revoked before the moment of signing with R5c, and accept one revoked later', async () => {
    const after = await check('revoked.p12', { at: new Date('2026-06-02T00:00:00Z') });
    expect(after).toMatchObject({ ok: false, reason: 'R5c' });
    expect(!after.ok && after.detail).toMatch(/revoked on 2026-06-01$/);
    expect(await check('revoked.p12', { at: REVOKED_ON })).toMatchObject({ ok: false, reason: 'R5c' });
    expect(await check('revoked.p12', { at: new Date('2026-05-31T23:59:59Z') })).toEqual({ ok: true });
    expect(trust.revokedOn((await open('revoked.p12')).certificate)).toEqual(REVOKED_ON);
    expect(trust.revokedOn((await open('valid.p12')).certificate)).toBeUndefined();
  });

  it("refuse someone else's certificate, or one without an IIN, with R5a, though it is valid and trusted", async () => {
    expect(await check('wrong-iin.p12')).toEqual({ ok: false, reason: 'R5a', detail: `certificate IIN ${OTHER_IIN} is not the signer's IIN ${CLERK_IIN}` });
    expect(await check('wrong-iin.p12', { iin: OTHER_IIN })).toEqual({ ok: true });
    expect(checkCertificate(ca, { iin: CLERK_IIN, at: NOW, trust })).toEqual({ ok: false, reason: 'R5a', detail: 'certificate carries no IIN (subject serialNumber=IIN…)' });
  });

  it('refuse a certificate from a CA the office does not trust with R5d', async () => {
    expect(await check('untrusted.p12')).toMatchObject({ ok: false, reason: 'R5d', detail: expect.stringContaining('not issued by a trusted CA') });
    const nothing = makeTrustStore([], []).store;
    expect(await check('valid.p12', { store: nothing })).toEqual({ ok: false, reason: 'R5d', detail: 'no trusted CA is configured' });
  });

  it('refuse a certificate whose CA signature was tampered with by one byte with R5d', async () => {
    const raw = Buffer.from((await open('valid.p12')).certificate.raw);
    raw[raw.length - 1]! ^= 0x01;
    const tampered = new X509Certificate(raw);
    expect(iinOf(tampered)).toBe(CLERK_IIN);
    expect(checkCertificate(tampered, { iin: CLERK_IIN, at: NOW, trust })).toMatchObject({
      ok: false,
      reason: 'R5d',
      detail: expect.stringContaining('does not verify with the key of "Anyqtama TEST CA — NOT FOR PRODUCTION"'),
    });
  });

  it('refuse to sign blind: without the CA revocation list the answer is R5c, saying the list is missing', async () => {
    const noList = makeTrustStore([{ value: ca, source: 'ca.pem' }], []).store;
    expect(await check('valid.p12', { store: noList })).toEqual({
      ok: false,
      reason: 'R5c',
      detail: 'revocation list of "Anyqtama TEST CA — NOT FOR PRODUCTION" is missing',
    });
  });

  it('run in the order trust, validity, revocation, IIN: the first failing check is the answer', async () => {
    expect(await check('untrusted.p12', { iin: OTHER_IIN })).toMatchObject({ reason: 'R5d' });
    expect(await check('expired.p12', { iin: OTHER_IIN })).toMatchObject({ reason: 'R5b' });
    expect(await check('revoked.p12', { iin: OTHER_IIN })).toMatchObject({ reason: 'R5c' });
  });
});

describe('a CA hierarchy and lists made by our own CA code', () => {
  const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
  const ec = () => generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const name = (cn: string) => [{ oid: NAME_OIDS.country, value: 'KZ' }, { oid: NAME_OIDS.commonName, value: cn }];
  const root = ec();
  const middle = ec();
  const staff = ec();
  const rootCert = issueCertificate({ subject: name('Test root'), publicKey: root.publicKey, signingKey: root.privateKey, ca: true, notBefore: day('2025-01-01'), notAfter: day('2040-01-01') });
  const middleCert = issueCertificate({ subject: name('Test intermediate'), publicKey: middle.publicKey, signingKey: root.privateKey, issuer: rootCert, ca: true, notBefore: day('2025-01-01'), notAfter: day('2035-01-01') });
  const staffCert = issueCertificate({
    subject: [{ oid: NAME_OIDS.commonName, value: 'ОСПАНОВ МАРАТ' }, { oid: NAME_OIDS.serialNumber, value: 'IIN791003300011' }],
    publicKey: staff.publicKey,
    signingKey: middle.privateKey,
    issuer: middleCert,
    ca: false,
    notBefore: day('2026-01-01'),
    notAfter: day('2029-01-01'),
  });
  const list = (issuer: X509Certificate, key: KeyObject, nextUpdate: string, revoked: { serial: string; date: Date }[] = []) =>
    crlToPem(makeCrl({ issuer, issuerKey: key, thisUpdate: day('2026-01-01'), nextUpdate: day(nextUpdate), number: 7n, revoked }));
  const at = day('2026-11-01');
  const iin = '791003300011';

  it('follow an intermediate CA from the key file up to the trusted root, and need each CA list', () => {
    const rootOnly = makeTrustStore([{ value: rootCert, source: 'root.pem' }], [{ value: ok(parseCrl(list(rootCert, root.privateKey, '2027-01-01'))), source: 'root.crl' }]).store;
    expect(checkCertificate(staffCert, { iin, at, trust: rootOnly })).toMatchObject({ ok: false, reason: 'R5d' });
    expect(checkCertificate(staffCert, { iin, at, trust: rootOnly, chain: [middleCert] })).toEqual({
      ok: false,
      reason: 'R5c',
      detail: 'revocation list of "Test intermediate" is missing',
    });
    const both = makeTrustStore(
      [{ value: rootCert, source: 'root.pem' }, { value: middleCert, source: 'middle.pem' }],
      [{ value: ok(parseCrl(list(middleCert, middle.privateKey, '2027-01-01'))), source: 'middle.crl' }],
    );
    expect(both.problems).toEqual([]);
    expect(checkCertificate(staffCert, { iin, at, trust: both.store })).toEqual({ ok: true });
  });

  it('treat a list past its next update as no list at all (R5c)', () => {
    const stale = makeTrustStore([{ value: middleCert, source: 'middle.pem' }], [{ value: ok(parseCrl(list(middleCert, middle.privateKey, '2026-10-01'))), source: 'middle.crl' }]).store;
    expect(checkCertificate(staffCert, { iin, at, trust: stale })).toEqual({
      ok: false,
      reason: 'R5c',
      detail: 'revocation list of "Test intermediate" (middle.crl) is out of date since 2026-10-01',
    });
  });

  it('revoke through makeCrl the way OpenSSL reads it', async () => {
    const serial = describeCert(staffCert).serial;
    const pem = list(middleCert, middle.privateKey, '2049-01-01', [{ serial, date: day('2026-03-01') }]);
    const crl = ok(parseCrl(pem));
    expect(crl.revoked).toEqual(new Map([[serial, day('2026-03-01')]]));
    expect(verifyCrl(crl, middleCert)).toBe(true);
    const store = makeTrustStore([{ value: middleCert, source: 'middle.pem' }], [{ value: crl, source: 'middle.crl' }]).store;
    expect(checkCertificate(staffCert, { iin, at, trust: store })).toMatchObject({ ok: false, reason: 'R5c' });

    const files = { 'chain.pem': rootCert.toString() + middleCert.toString(), 'staff.pem': staffCert.toString(), 'list.crl': pem };
    for (const [file, text] of Object.entries(files)) await writeFile(join(work, file), text);
    const verify = spawnSync('openssl', ['verify', '-CAfile', join(work, 'chain.pem'), '-crl_check', '-CRLfile', join(work, 'list.crl'), join(work, 'staff.pem')], { encoding: 'utf8' });
    expect(verify.stdout + verify.stderr).toContain('certificate revoked');
  });
});

describe('a revocation list', () => {
  it('is read from PEM or DER with its issuer, dates and revoked serials, and verifies against its CA only', async () => {
    const pem = await fixture('crl.pem');
    const der = Buffer.from(pem.toString().replace(/-----[A-Z0-9 ]+-----|\s/g, ''), 'base64');
    for (const input of [pem, pem.toString(), der]) {
      const crl = ok(parseCrl(input));
      expect(crl.issuer).toBe(ca.subject);
      expect(crl.thisUpdate).toEqual(REVOKED_ON);
      expect(crl.nextUpdate).toEqual(new Date('2049-12-31T23:59:59Z'));
      expect([...crl.revoked.values()]).toEqual([REVOKED_ON]);
      expect(crl.signatureAlgorithm).toBe('1.2.840.113549.1.1.11');
      expect(verifyCrl(crl, ca)).toBe(true);
      expect(verifyCrl(crl, untrustedCa)).toBe(false);
    }
    expect(parseCrl(ca.toString())).toEqual({ ok: false, error: 'no "X509 CRL" block in the PEM text' });
    expect(parseCrl(ca.raw)).toMatchObject({ ok: false, error: expect.stringMatching(/^not a revocation list/) });
  });

  it('changed by one byte no longer verifies, and the trust store reports it and does not use it', async () => {
    const revokedSerial = describeCert((await open('revoked.p12')).certificate).serial;
    const der = Buffer.from((await fixture('crl.pem')).toString().replace(/-----[A-Z0-9 ]+-----|\s/g, ''), 'base64');
    const at = der.indexOf(Buffer.from(revokedSerial.padStart(revokedSerial.length + (revokedSerial.length % 2), '0'), 'hex'));
    expect(at).toBeGreaterThan(0);
    der[at]! ^= 0x01; // another serial is now "revoked"; the revoked one no longer is
    const tampered = ok(parseCrl(der));
    expect(tampered.revoked.has(revokedSerial)).toBe(false);
    expect(verifyCrl(tampered, ca)).toBe(false);

    const dir = await trustDir('tampered', { 'ca.pem': await fixture('ca.pem'), 'test-ca.crl': der });
    const loaded = await loadTrustStore([dir]);
    expect(loaded.store.crls).toEqual([]);
    expect(loaded.problems).toEqual([`${join(dir, 'test-ca.crl')}: revocation list of "C=KZ, O=Anyqtama TEST, CN=Anyqtama TEST CA — NOT FOR PRODUCTION" is not signed by a trusted CA; ignored`]);
    const revoked = (await open('revoked.p12')).certificate;
    expect(checkCertificate(revoked, { iin: CLERK_IIN, at: NOW, trust: loaded.store })).toMatchObject({ ok: false, reason: 'R5c', detail: expect.stringContaining('is missing') });
  });
});

describe('a trust directory', () => {
  it('takes CA certificates as anchors and reports what it cannot use', async () => {
    const { certificate } = await open('valid.p12');
    const dir = await trustDir('mixed', {
      'ca.pem': await fixture('ca.pem'),
      'crl.pem': await fixture('crl.pem'),
      'staff.crt': Buffer.from(certificate.raw),
      'broken.pem': Buffer.from('-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n'),
      'notes.txt': Buffer.from('not read'),
    });
    const { store, problems } = await loadTrustStore([dir, join(work, 'no-such-dir')]);
    expect(store.anchors.map((a) => a.fingerprint256)).toEqual([ca.fingerprint256]);
    expect(store.crls.map((c) => c.source)).toEqual([join(dir, 'crl.pem')]);
    expect(problems).toEqual([
      expect.stringMatching(new RegExp(`^${join(dir, 'broken.pem')}: not a certificate`)),
      `${join(dir, 'staff.crt')}: "СЕРІКБАЕВА ДИНАРА" is not a CA certificate; not trusted`,
    ]);
  });

  it('with no CA certificate says so', async () => {
    const { store, problems } = await loadTrustStore([await trustDir('empty', {})]);
    expect(store.anchors).toEqual([]);
    expect(problems).toEqual([expect.stringMatching(/^no trusted CA certificate in .*every signature check will fail$/)]);
  });
});

describe('a detached signature', () => {
  const data = Buffer.from('Шешім № 2026-000123: анықтама берілсін', 'utf8');

  it('made with RSA or EC keys verifies with the certificate, and fails when one byte of the data changes', async () => {
    for (const [file, algorithm] of [['valid.p12', 'sha256WithRSAEncryption'], ['valid-ec.p12', 'ecdsa-with-SHA256']] as const) {
      const credential = await open(file);
      const sig = signBytes(credential, data);
      expect(sig.algorithm).toBe(algorithm);
      const pem = credential.certificate.toString();
      expect(verifyBytes(pem, data, sig)).toBe(true);
      const changed = Buffer.from(data);
      changed[changed.length - 1]! ^= 0x01;
      expect(verifyBytes(pem, changed, sig)).toBe(false);
    }
  });

  it("does not verify with another certificate, another algorithm name or an altered signature", async () => {
    const credential = await open('valid.p12');
    const sig = signBytes(credential, data);
    expect(verifyBytes((await open('wrong-iin.p12')).certificate.toString(), data, sig)).toBe(false);
    expect(verifyBytes(credential.certificate.toString(), data, { ...sig, algorithm: 'sha512WithRSAEncryption' })).toBe(false);
    expect(verifyBytes(credential.certificate.toString(), data, { ...sig, algorithm: 'ecdsa-with-SHA256' })).toBe(false);
    const bytes = Buffer.from(sig.signature, 'base64');
    bytes[0]! ^= 0x01;
    expect(verifyBytes(credential.certificate.toString(), data, { ...sig, signature: bytes.toString('base64') })).toBe(false);
    expect(verifyBytes('not a certificate', data, sig)).toBe(false);
  });

  it('is an ordinary RSA-SHA256 signature OpenSSL verifies', async () => {
    const credential = await open('valid.p12');
    const files = { data: data, sig: Buffer.from(signBytes(credential, data).signature, 'base64'), 'pub.pem': Buffer.from(credential.certificate.publicKey.export({ type: 'spki', format: 'pem' })) };
    for (const [file, bytes] of Object.entries(files)) await writeFile(join(work, file), bytes);
    const verify = spawnSync('openssl', ['dgst', '-sha256', '-verify', join(work, 'pub.pem'), '-signature', join(work, 'sig'), join(work, 'data')], { encoding: 'utf8' });
    expect(verify.stdout.trim()).toBe('Verified OK');
  });
});

describe('the demo PKI', () => {
  const staff: DemoStaff[] = DEMO_USERS.flatMap((u) => (u.iin && u.fullName ? [{ login: u.login, fullName: u.fullName, iin: u.iin }] : []));
  const passphrase = 'demo-pass';

  it('gives every member of staff a key file that opens with the passphrase and passes the R5 checks', async () => {
    const dir = join(work, 'demo');
    const pki = await makeDemoPki(dir, staff, passphrase);
    const { store, problems } = await loadTrustStore([join(dir, 'trusted')]);
    expect(problems).toEqual([]);
    expect(pki.keys.map((k) => k.login)).toEqual(staff.map((s) => s.login));
    for (const key of pki.keys) {
      const person = staff.find((s) => s.login === key.login)!;
      const p12 = await readFile(key.p12Path);
      expect((await stat(key.p12Path)).mode & 0o777).toBe(0o600);
      expect(loadPkcs12(p12, 'wrong')).toEqual({ ok: false, error: 'wrong-passphrase' });
      const { certificate } = ok(loadPkcs12(p12, passphrase));
      expect(describeCert(certificate)).toMatchObject({ serial: key.serial, issuer: 'Anyqtama DEMO CA — NOT FOR PRODUCTION' });
      expect(iinOf(certificate)).toBe(person.iin);
      expect(checkCertificate(certificate, { iin: person.iin, at: new Date(), trust: store })).toEqual({ ok: true });
    }
    const clerk = ok(loadPkcs12(await readFile(pki.keys[0]!.p12Path), passphrase)).certificate;
    expect(holderName(clerk)).toBe('СЕРІКБАЕВА ДИНАРА АСҚАРҚЫЗЫ');

    const other = await makeDemoPki(join(work, 'demo-2'), staff.slice(0, 1), passphrase);
    const stranger = ok(loadPkcs12(await readFile(other.keys[0]!.p12Path), passphrase)).certificate;
    expect(checkCertificate(stranger, { iin: staff[0]!.iin, at: new Date(), trust: store })).toMatchObject({ ok: false, reason: 'R5d' });
  });

  it('passes OpenSSL verification with the revocation list checked', async () => {
    const dir = join(work, 'demo-openssl');
    const pki = await makeDemoPki(dir, staff, passphrase);
    const pems: string[] = [];
    for (const key of pki.keys) {
      const path = join(dir, `${key.login}.pem`);
      await writeFile(path, ok(loadPkcs12(await readFile(key.p12Path), passphrase)).certificate.toString());
      pems.push(path);
    }
    const verify = spawnSync('openssl', ['verify', '-CAfile', pki.caPath, '-crl_check', '-CRLfile', pki.crlPath, ...pems], { encoding: 'utf8' });
    expect(verify.stderr).toBe('');
    expect(verify.stdout.trim().split('\n')).toEqual(pems.map((p) => `${p}: OK`));
    const p12 = spawnSync('openssl', ['pkcs12', '-in', pki.keys[0]!.p12Path, '-passin', `pass:${passphrase}`, '-nokeys'], { encoding: 'utf8' });
    expect(p12.status, p12.stderr).toBe(0);
  });
});

describe('scripts/make-test-pki.sh', () => {
  it('still makes a test PKI that loads and gives every R5 answer', async () => {
    const dir = join(work, 'script');
    const run = spawnSync('bash', [join(import.meta.dirname, '..', '..', 'scripts', 'make-test-pki.sh'), dir], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const trustHere = await trustDir('script-trust', { 'ca.pem': await readFile(join(dir, 'ca.pem')), 'crl.pem': await readFile(join(dir, 'crl.pem')) });
    const { store, problems } = await loadTrustStore([trustHere]);
    expect(problems).toEqual([]);
    const answers: Record<string, string> = {};
    for (const file of ['valid', 'valid-ec', 'expired', 'revoked', 'wrong-iin', 'untrusted']) {
      const { certificate } = ok(loadPkcs12(await readFile(join(dir, `${file}.p12`)), PASSPHRASE));
      const result = checkCertificate(certificate, { iin: CLERK_IIN, at: NOW, trust: store });
      answers[file] = result.ok ? 'ok' : result.reason;
    }
    expect(answers).toEqual({ valid: 'ok', 'valid-ec': 'ok', expired: 'R5b', revoked: 'R5c', 'wrong-iin': 'R5a', untrusted: 'R5d' });
    await copyFile(join(dir, 'README.md'), join(work, 'script-readme.md'));
    expect(await readFile(join(work, 'script-readme.md'), 'utf8')).toContain('TEST-ONLY');
  });
});

function ok<T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!result.ok) throw new Error(`expected success, got ${String(result.error)}`);
  return result.value;
}

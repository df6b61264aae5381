import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, expectExit, expectNoCrash, json, PROJECT, seededDir, submitted, TempDirs, writeExamples } from './helpers.js';

/**
 * `anyqtama act … issue|refuse`, `pdf`, `verify` and `keys`, run as an office's script runs them:
 * the compiled command in a child process, on a demo data dir (demo keys, demo CA) or on one that
 * trusts the committed TEST-ONLY CA (test/fixtures/pki, passphrase "test-only").
 */

const dirs = new TempDirs();
const FIXTURES = join(PROJECT, 'test', 'fixtures', 'pki');
const ARCHIVE_RESULT = ['--field', 'certificateType=Еңбек өтілі туралы', '--field', 'content=1985 жылғы 1 наурыздағы № 12 бұйрықпен корректор болып қабылданды.', '--field', 'basis=Қор № 412, тізімдеме № 2, іс № 17'];
let demo: string;
let work: string;

const pdfText = (path: string) => execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });

beforeAll(async () => {
  demo = await seededDir(dirs);
  work = dirs.make('pdf');
});
afterAll(() => dirs.removeAll());

/** A new archival request at the Kyzylorda archive, taken into work by its clerk. */
async function archiveInWork(dataDir: string): Promise<string> {
  const files = writeExamples(work);
  const request = await submitted(['--service', 'archive-certificate', '--channel', 'office', '--data', files['archive-certificate'], '--as', 'kzo-clerk'], { dataDir });
  expectExit(await cli(['act', request.number, 'take', '--as', 'kzo-clerk'], { dataDir }), 0);
  return request.number as string;
}

describe('issuing with the clerk\'s demo key, then the PDF and its verification', () => {
  it('the catalogue says which fields issuing takes, so a script knows what to pass', async () => {
    const services = json<{ id: string; resultFields: { id: string; required: boolean; label: { kk: string } }[] }[]>(await cli(['services', '--json']));
    const archive = services.find((s) => s.id === 'archive-certificate')!;
    expect(archive.resultFields.filter((f) => f.required).map((f) => f.id)).toEqual(['certificateType', 'period', 'content', 'basis']);
    expect(archive.resultFields.find((f) => f.id === 'basis')!.label.kk).toBe('Негіздеме');
  });

  let number = '';
  let file = '';

  it('issue without the certificate\'s content is refused, naming each missing field in the clerk\'s language', async () => {
    const dataDir = dirs.copy(demo);
    number = await archiveInWork(dataDir);
    const refused = await cli(['act', number, 'issue', '--as', 'kzo-clerk', '--lang', 'ru'], { dataDir });
    expectExit(refused, 2);
    expectNoCrash(refused);
    expect(refused.stderr).toContain('Содержание документа заполнено не полностью');
    expect(refused.stderr).toContain('«Содержание архивной справки»');
    expect(refused.stderr).toContain('«Основание»');
  });

  it('issue with the content signs the certificate and prints its verification code', async () => {
    const dataDir = dirs.copy(demo);
    number = await archiveInWork(dataDir);
    const issued = await cli(['act', number, 'issue', '--as', 'kzo-clerk', ...ARCHIVE_RESULT], { dataDir });
    expectExit(issued, 0);
    const code = /([0-9A-Z]{5}-[0-9A-Z]{5})/.exec(issued.stdout)?.[1];
    expect(code, issued.stdout).toBeDefined();

    file = join(work, 'certificate.pdf');
    const written = await cli(['pdf', number, '-o', file, '--lang', 'both'], { dataDir });
    expectExit(written, 0);
    const text = pdfText(file);
    expect(text).toContain('Мұрағаттық анықтама');
    expect(text).toContain('Архивная справка');
    expect(text).toContain(number);
    expect(text).toContain('корректор болып қабылданды');
    expect(text).toContain(code!);
    // The questionnaire's period is pre-filled into the certificate when the clerk gives none.
    expect(text).toContain('2005–2012');

    const valid = await cli(['verify', file], { dataDir });
    expectExit(valid, 0);
    expect(valid.stdout).toContain('ЖАРАМДЫ');
    expect(valid.stdout).toContain('Серікбаева Динара Асқарқызы');
    expect(valid.stdout).toContain(number);

    const byCode = await cli(['verify', '--number', number.replace(/-/g, ''), '--code', code!.toLowerCase(), '--json'], { dataDir });
    expectExit(byCode, 0);
    expect(json(byCode)).toMatchObject({ status: 'valid', number, template: 'archive-certificate' });

    const wrongCode = await cli(['verify', '--number', number, '--code', 'ABCDE-FGHJK', '--lang', 'ru'], { dataDir });
    expectExit(wrongCode, 3);
    expect(wrongCode.stdout).toContain('НЕИЗВЕСТНЫЙ ДОКУМЕНТ');

    // One byte changed: no longer the document that was signed.
    const bytes = readFileSync(file);
    const middle = Math.floor(bytes.length / 2);
    bytes.writeUInt8(bytes.readUInt8(middle) ^ 0x20, middle);
    const tampered = join(work, 'tampered.pdf');
    writeFileSync(tampered, bytes);
    const altered = await cli(['verify', tampered], { dataDir });
    expectExit(altered, 4);
    expect(altered.stdout).toContain('ЖАРАМСЫЗ');

    // The same number in Kazakh only: the stored, signed variant, byte for byte the same each time.
    const kkA = join(work, 'kk-a.pdf');
    const kkB = join(work, 'kk-b.pdf');
    expectExit(await cli(['pdf', number, '-o', kkA, '--lang', 'kk'], { dataDir }), 0);
    expectExit(await cli(['pdf', number, '-o', kkB, '--lang', 'kk'], { dataDir }), 0);
    expect(readFileSync(kkA).equals(readFileSync(kkB))).toBe(true);
    expect(pdfText(kkA)).not.toContain('Архивная справка');
  });

  it('before a decision the current document is the receipt, and it verifies as a receipt', async () => {
    const dataDir = dirs.copy(demo);
    const fresh = await archiveInWork(dataDir);
    const receipt = join(work, 'receipt.pdf');
    const written = await cli(['pdf', fresh, '-o', receipt, '--lang', 'ru'], { dataDir });
    expectExit(written, 0);
    const text = pdfText(receipt);
    expect(text).toContain('Расписка');
    expect(text).toContain(fresh);
    const verified = await cli(['verify', receipt, '--lang', 'ru'], { dataDir });
    expectExit(verified, 0);
    expect(verified.stdout).toContain('ПОДЛИННАЯ РАСПИСКА');
  });

  it('a refusal needs reasons and a justification, and gives a signed refusal letter', async () => {
    const dataDir = dirs.copy(demo);
    const n = await archiveInWork(dataDir);
    const refused = await cli(['act', n, 'refuse', '--as', 'kzo-clerk', '--reason', 'R7', '--note', 'Басқа тұлға туралы мәлімет сұралған, туыстықты растайтын құжат жоқ.'], { dataDir });
    expectExit(refused, 0);
    const letter = join(work, 'refusal.pdf');
    expectExit(await cli(['pdf', n, '-o', letter], { dataDir }), 0);
    const text = pdfText(letter);
    expect(text).toContain('R7');
    expect(text).toContain('туыстықты растайтын құжат жоқ');
    expectExit(await cli(['verify', letter], { dataDir }), 0);
  });

  it('garbage or a missing file is a clear message, not a crash', async () => {
    const junk = join(work, 'junk.pdf');
    writeFileSync(junk, 'hello');
    const unknown = await cli(['verify', junk], { dataDir: demo });
    expectExit(unknown, 3);
    expectNoCrash(unknown);
    const missing = await cli(['verify', join(work, 'nope.pdf')], { dataDir: demo });
    expectExit(missing, 2);
    expectNoCrash(missing);
    const badLang = await cli(['pdf', '26-000001-9', '--lang', 'de'], { dataDir: demo });
    expectExit(badLang, 2);
    expect(badLang.stderr).toContain('both');
  });
});

describe('an admin registers staff keys against the office\'s trusted CA', () => {
  let dataDir = '';
  const asAdmin = ['--as', 'admin'];
  const passphrase = { ANYQTAMA_KEY_PASSPHRASE: 'test-only' };

  beforeAll(async () => {
    dataDir = dirs.copy(demo);
    expectExit(await cli(['keys', 'trust', join(FIXTURES, 'ca.pem'), ...asAdmin], { dataDir }), 0);
    const crl = await cli(['keys', 'crl', join(FIXTURES, 'crl.pem'), ...asAdmin], { dataDir });
    expectExit(crl, 0);
    expect(crl.stdout).toContain('1');
  });

  it.each([
    ['expired.p12', 'жарамды'],
    ['revoked.p12', 'қайтарып алынған'],
    ['wrong-iin.p12', '820630400012'],
    ['untrusted.p12', 'Untrusted TEST CA'],
  ])('%s is refused with the regulation\'s message and what exactly is wrong', async (file, detail) => {
    const added = await cli(['keys', 'add', 'kzo-clerk', join(FIXTURES, file), ...asAdmin], { dataDir, env: passphrase });
    expectExit(added, 4);
    expect(added.stderr).toContain('ЭЦҚ түпнұсқалығының расталмауына байланысты');
    expect(added.stderr).toContain(detail);
  });

  it('a wrong passphrase or a non-admin is refused; the valid key is registered and signs', async () => {
    const wrong = await cli(['keys', 'add', 'kzo-clerk', join(FIXTURES, 'valid.p12'), ...asAdmin], { dataDir, env: { ANYQTAMA_KEY_PASSPHRASE: 'guess' } });
    expectExit(wrong, 4);
    const clerk = await cli(['keys', 'add', 'kzo-clerk', join(FIXTURES, 'valid.p12'), '--as', 'kzo-clerk'], { dataDir, env: passphrase });
    expectExit(clerk, 4);
    const added = await cli(['keys', 'add', 'kzo-clerk', join(FIXTURES, 'valid.p12'), ...asAdmin], { dataDir, env: passphrase });
    expectExit(added, 0);
    expect(added.stdout).toContain('Anyqtama TEST CA');

    const number = await archiveInWork(dataDir);
    // A real key needs its holder's passphrase: without it, nothing is signed.
    const noPass = await cli(['act', number, 'issue', '--as', 'kzo-clerk', ...ARCHIVE_RESULT], { dataDir });
    expectExit(noPass, 2);
    expect(noPass.stderr).toContain('ANYQTAMA_KEY_PASSPHRASE');
    const passFile = join(work, 'pass.txt');
    writeFileSync(passFile, 'test-only\n');
    const issued = await cli(['act', number, 'issue', '--as', 'kzo-clerk', '--passphrase-file', passFile, ...ARCHIVE_RESULT], { dataDir });
    expectExit(issued, 0);
    const listed = await cli(['keys', 'list', '--as', 'admin', '--json'], { dataDir });
    const rows = json<{ login: string; issuer: string; p12?: string }[]>(listed);
    expect(rows.find((r) => r.login === 'kzo-clerk')).toMatchObject({ issuer: 'Anyqtama TEST CA — NOT FOR PRODUCTION' });
    expect(listed.stdout).not.toMatch(/MII[A-Za-z0-9+/]{40}/); // never the key file itself
    const users = await cli(['users', '--json'], { dataDir });
    expect(users.stdout).not.toMatch(/MII[A-Za-z0-9+/]{40}/);
  });
});

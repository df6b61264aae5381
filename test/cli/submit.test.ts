import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatRequestNumber } from '../../src/core/identity/request-number.js';
import type { ServiceId } from '../../src/core/services/types.js';
import { cli, writeExamples, expectExit, expectNoCrash, json, NOW_MARCH, seededDir, submitted, TempDirs, writeJson } from './helpers.js';

/** `submit` and `status`: registering a request from a questionnaire file and reading it back. */

const dirs = new TempDirs();
let examples: Record<ServiceId, string>;
let store: string;
let work: string;

beforeAll(async () => {
  examples = writeExamples(dirs.make('examples'));
  store = await seededDir(dirs);
  work = dirs.make('files');
});
afterAll(() => dirs.removeAll());

const read = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Record<string, any>;
const archiveAtOffice = (data: string) => ['--service', 'archive-certificate', '--channel', 'office', '--as', 'kzo-clerk', '--data', data];
const count = async (dir: string) => json<unknown[]>(await cli(['list', '--json', '--limit', '1000'], { dataDir: dir })).length;

describe('registering a request', () => {
  it('prints the number and the due date, in the reader\'s language', async () => {
    const kk = await cli(['submit', ...archiveAtOffice(examples['archive-certificate'])], { dataDir: store });
    expectExit(kk, 0);
    expect(kk.stdout).toMatch(/Өтініш тіркелді: № 26-\d{6}-\d\. Орындау мерзімі: 07\.12\.2026\./);
    const ru = await cli(['submit', ...archiveAtOffice(examples['archive-certificate']), '--lang', 'ru'], { dataDir: store });
    expect(ru.stdout).toMatch(/Заявка зарегистрирована: № 26-\d{6}-\d\. Срок исполнения: 07\.12\.2026\./);
  });

  it('the archive certificate submitted on the eve of Nauryz is due 15 calendar days later, moved off the weekend', async () => {
    // Fri 20 Mar 2026 + 15 calendar days = Sat 4 Apr → Mon 6 Apr.
    const request = await submitted(archiveAtOffice(examples['archive-certificate']), { dataDir: store, now: NOW_MARCH });
    expect(request).toMatchObject({ state: 'SUBMITTED', submittedOn: '2026-03-20', dueDate: '2026-04-06' });
  });

  it('a guardianship certificate submitted on the eve of Nauryz skips the holidays and the days moved off them', async () => {
    // 5 working days after Fri 20 Mar: 23 Mar (Nauryz) and 24–25 Mar (moved days off) do not count:
    // 26, 27, 30, 31 Mar, 1 Apr.
    const request = await submitted(
      ['--service', 'guardianship-certificate', '--channel', 'centre', '--as', 'tmr-operator', '--data', examples['guardianship-certificate']],
      { dataDir: store, now: NOW_MARCH },
    );
    expect(request.dueDate).toBe('2026-04-01');
  });
});

describe('a questionnaire with mistakes', () => {
  let bad: string;
  const BAD_PATHS = ['applicant.iin', 'applicant.phone', 'subject.birthYear'];

  beforeAll(() => {
    const answers = read(examples['archive-certificate']);
    answers.applicant.iin = '850305400011'; // check digit wrong
    answers.applicant.phone = 'звоните вечером';
    answers.subject.birthYear = '19x5';
    bad = writeJson(work, 'three-mistakes.json', answers);
  });

  it.each(['kk', 'ru'] as const)('--json names every bad field with what is expected (%s)', async (lang) => {
    const before = await count(store);
    const r = await cli(['submit', ...archiveAtOffice(bad), '--json', '--lang', lang], { dataDir: store });
    expectExit(r, 2);
    const error = json(r).error as { code: string; fields: { path: string; label: string; expected: string }[] };
    expect(error.code).toBe('VALIDATION');
    expect(error.fields.map((f) => f.path).sort()).toEqual([...BAD_PATHS].sort());
    for (const f of error.fields) {
      expect(f.label.length, f.path).toBeGreaterThan(0);
      expect(f.expected.length, f.path).toBeGreaterThan(0);
    }
    const iin = error.fields.find((f) => f.path === 'applicant.iin')!;
    expect(iin.label).toContain(lang === 'kk' ? 'ЖСН' : 'ИИН');
    expect(await count(store)).toBe(before);
  });

  it.each(['kk', 'ru'] as const)('without --json every bad field is named on stderr (%s)', async (lang) => {
    const r = await cli(['submit', ...archiveAtOffice(bad), '--lang', lang], { dataDir: store });
    expectExit(r, 2);
    expect(r.stdout).toBe('');
    for (const path of BAD_PATHS) expect(r.stderr).toContain(`${path}:`);
    expect(r.stderr).toContain(lang === 'kk' ? 'Сауалнамада қате бар' : 'В анкете есть ошибки');
    expect(r.stderr).toContain('3');
    expectNoCrash(r);
  });

  it('a data file that is not JSON is bad input, with the file named', async () => {
    const path = join(work, 'not-json.json');
    writeFileSync(path, '{ "applicant": ');
    const r = await cli(['submit', ...archiveAtOffice(path)], { dataDir: store });
    expectExit(r, 2);
    expect(r.stderr).toContain(path);
  });

  it('a missing data file is bad input', async () => {
    const r = await cli(['submit', ...archiveAtOffice(join(work, 'absent.json'))], { dataDir: store });
    expectExit(r, 2);
    expect(r.stderr).toContain('absent.json');
  });

  it('without --data, --service or --channel the missing option is named', async () => {
    const noData = await cli(['submit', '--service', 'archive-certificate', '--channel', 'office', '--as', 'kzo-clerk'], { dataDir: store });
    expectExit(noData, 2);
    expect(noData.stderr).toContain('--data');
    const noService = await cli(['submit', '--channel', 'office', '--data', examples['archive-certificate']], { dataDir: store });
    expectExit(noService, 2);
    expect(noService.stderr).toContain('--service');
    const badChannel = await cli(['submit', '--service', 'archive-certificate', '--channel', 'fax', '--data', examples['archive-certificate']], { dataDir: store });
    expectExit(badChannel, 2);
    expect(badChannel.stderr).toContain('--channel');
  });

  it('a channel the service does not offer is bad input, with the offered channels listed', async () => {
    const r = await cli(['submit', '--service', 'disabled-child-homeschool-support', '--channel', 'centre', '--as', 'ekb-operator', '--data', examples['disabled-child-homeschool-support']], { dataDir: store });
    expectExit(r, 2);
    expect(r.stderr).toContain('bot');
    expect(r.stderr).toContain('office');
  });

  it('an unknown service is not found (exit 3)', async () => {
    expectExit(await cli(['submit', '--service', 'passport', '--channel', 'office', '--as', 'kzo-clerk', '--data', examples['archive-certificate']], { dataDir: store }), 3);
  });

  it('staff channels need --as; an unknown login is not found (exit 3)', async () => {
    const noLogin = await cli(['submit', '--service', 'archive-certificate', '--channel', 'office', '--data', examples['archive-certificate']], { dataDir: store });
    expectExit(noLogin, 2);
    const unknown = await cli(['submit', '--service', 'archive-certificate', '--channel', 'office', '--as', 'nobody', '--data', examples['archive-certificate']], { dataDir: store });
    expectExit(unknown, 3);
    expect(unknown.stderr).toContain('nobody');
  });

  // A clerk registers at their own office's counter only; the register row itself has no office guard.
  it('a clerk cannot register a request at another office\'s counter', async () => {
    const r = await cli(['submit', ...archiveAtOffice(examples['archive-certificate']), '--office', 'ast-archives'], { dataDir: store });
    expectExit(r, 4);
  });
});

describe('intake refusal', () => {
  it('a person the registry does not know is refused at a centre (exit 4, reason R3), and the refusal is kept', async () => {
    const dir = dirs.copy(store);
    const answers = read(examples['unemployed-certificate']);
    Object.assign(answers.applicant, { iin: '770707300012', lastName: 'Белгісіз', firstName: 'Адам', birthDate: '07.07.1977' });
    const stranger = writeJson(work, 'stranger.json', answers);
    const args = ['submit', '--service', 'unemployed-certificate', '--channel', 'centre', '--as', 'ekb-operator', '--data', stranger];
    const refusedOf = async () => json<{ applicantIin: string; number: string | null }[]>(await cli(['list', '--state', 'INTAKE_REFUSED', '--as', 'supervisor', '--json'], { dataDir: dir }))
      .filter((r) => r.applicantIin === '770707300012');
    const before = (await refusedOf()).length;
    const asJson = await cli([...args, '--json'], { dataDir: dir });
    expectExit(asJson, 4);
    expect(json(asJson).error).toMatchObject({ code: 'INTAKE_REFUSED', reasons: ['R3'] });
    expect(json(asJson).error.message).toContain('770707300012');
    const text = await cli([...args, '--lang', 'ru'], { dataDir: dir });
    expectExit(text, 4);
    expect(text.stderr).toContain('R3');
    // Two attempts, two refusals kept for the supervisor to see; a refused request gets no number.
    const after = await refusedOf();
    expect(after).toHaveLength(before + 2);
    for (const r of after) expect(r.number).toBeNull();
  });
});

describe('attachments', () => {
  // The smallest real files of each kind an office scans: a 1×1 PNG and a one-page PDF header.
  const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a45d0000000049454e44ae426082', 'hex');
  const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
  const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

  it('each attached file is kept with its size and SHA-256, as status --json shows', async () => {
    const png = join(work, 'куәлік.png');
    const pdf = join(work, 'scan.pdf');
    writeFileSync(png, PNG);
    writeFileSync(pdf, PDF);
    const request = await submitted([...archiveAtOffice(examples['archive-certificate']), '--attach', png, '--attach', pdf], { dataDir: store });
    const status = json(await cli(['status', request.number, '--json'], { dataDir: store }));
    expect(status.attachments).toHaveLength(2);
    expect(status.attachments).toEqual(expect.arrayContaining([
      expect.objectContaining({ name: 'куәлік.png', mediaType: 'image/png', size: PNG.length, sha256: sha256(PNG) }),
      expect.objectContaining({ name: 'scan.pdf', mediaType: 'application/pdf', size: PDF.length, sha256: sha256(PDF) }),
    ]));
  });

  it('a program file (.exe) is refused as bad input, with its name, and nothing is registered', async () => {
    const exe = join(work, 'setup.exe');
    writeFileSync(exe, Buffer.from('MZ\x90\x00', 'binary'));
    const before = await count(store);
    const r = await cli(['submit', ...archiveAtOffice(examples['archive-certificate']), '--attach', exe], { dataDir: store });
    expectExit(r, 2);
    expect(r.stderr).toContain('setup.exe');
    expect(await count(store)).toBe(before);
  });

  it('an attachment that does not exist is bad input', async () => {
    const r = await cli(['submit', ...archiveAtOffice(examples['archive-certificate']), '--attach', join(work, 'lost.pdf')], { dataDir: store });
    expectExit(r, 2);
    expect(r.stderr).toContain('lost.pdf');
  });
});

describe('status', () => {
  let number: string;

  beforeAll(async () => {
    number = (await submitted(archiveAtOffice(examples['archive-certificate']), { dataDir: store })).number;
  });

  it('--json shows the number, service, state, due date and a history of who moved it where and when', async () => {
    const r = await cli(['status', number, '--json'], { dataDir: store });
    expectExit(r, 0);
    const s = json(r);
    expect(s).toMatchObject({ number, service: 'archive-certificate', state: 'SUBMITTED', dueDate: '2026-12-07' });
    expect(s.history).toEqual([expect.objectContaining({ at: '2026-11-20T05:00:00.000Z', from: 'DRAFT', to: 'SUBMITTED', by: 'kzo-clerk' })]);
  });

  it('without --json the clerk reads the number, the state and the due date', async () => {
    const r = await cli(['status', number, '--lang', 'ru', '--as', 'kzo-clerk'], { dataDir: store });
    expectExit(r, 0);
    expect(r.stdout).toContain(number);
    expect(r.stdout).toContain('(SUBMITTED)');
    expect(r.stdout).toContain('07.12.2026');
    expect(r.stdout).toContain('Нұрланова Айгүл Серікқызы');
  });

  it('finds the request however the number is typed: spaces, no dashes, a leading "No." or "№"', async () => {
    const digits = number.replace(/-/g, '');
    const typed = [number.replace(/-/g, ' '), digits, `no. ${digits}`, `№${number}`, ` ${number} `, `NO ${number.replace(/-/g, ' ')}`];
    for (const t of typed) {
      const r = await cli(['status', t, '--json'], { dataDir: store });
      expectExit(r, 0);
      expect(json(r).number, t).toBe(number);
    }
  });

  it('a number with one digit changed is an invalid number (exit 2), not "not found"', async () => {
    const digits = number.replace(/-/g, '');
    for (const at of [2, 7, digits.length - 1]) {
      const changed = digits.slice(0, at) + String((Number(digits[at]) + 1) % 10) + digits.slice(at + 1);
      const r = await cli(['status', changed, '--json'], { dataDir: store });
      expectExit(r, 2);
      expect(json(r).error.code, changed).toBe('INVALID_NUMBER');
    }
  });

  it('a well-formed number nobody was given is not found (exit 3)', async () => {
    const unknown = formatRequestNumber(2026, 999_999);
    const r = await cli(['status', unknown], { dataDir: store });
    expectExit(r, 3);
    expect(r.stderr).toContain(unknown);
  });

  it('without a number it is bad input (exit 2)', async () => {
    expectExit(await cli(['status'], { dataDir: store }), 2);
  });
});

import { writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleAnswers } from '../../src/core/services/examples.js';
import { LowdbStore } from '../../src/store/lowdb/lowdb-store.js';
import { cli, expectExit, json, NOW, seededDir, submitted, TempDirs, writeJson } from '../cli/helpers.js';
import { closedAfterEach, sshSession, startServe, type ServeHandle, type SshSession } from '../ssh/helpers.js';

/**
 * Stored text must not command a clerk's terminal (issue 13, findings m6): a window-title
 * sequence, colours and a right-to-left override in an answer. At intake through the compiled
 * command, and on the screen over SSH for text stored before intake cleaned it.
 */
const EVIL = '\x1b]0;PWNED\x07\x1b[31mRED\u202E';
const dirs = new TempDirs();
let template: string;
const open = closedAfterEach();

beforeAll(async () => {
  template = await seededDir(dirs);
});
afterAll(() => dirs.removeAll());

/** Nothing a terminal would obey, or that reorders what the clerk reads. */
function expectInert(text: string): void {
  expect(text).not.toContain('\x1b]');
  expect(text).not.toContain('PWNED');
  expect(text).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
}

describe('a questionnaire with escape sequences, submitted with `submit --data`', () => {
  it('is registered with the answer cleaned: its words kept, the sequences and the override gone', async () => {
    const dir = dirs.copy(template);
    const answers = exampleAnswers('archive-certificate') as Record<string, any>;
    answers.requestedInformation = `${EVIL} жұмыс өтілі туралы`;
    answers.subject.nameChanges = `Серікова${EVIL}`;
    answers.applicant.lastName = 'Нұр\u202Eланова';
    const work = dirs.make('evil');
    const data = writeJson(work, 'evil.json', answers);
    // A file name can carry the same bytes (Linux allows any but / and NUL).
    const scan = join(work, `скан\x1b]0;PWNED\x07\u202E.pdf`);
    writeFileSync(scan, '%PDF-1.4\n%%EOF\n');
    const request = await submitted(['--service', 'archive-certificate', '--channel', 'office', '--as', 'kzo-clerk', '--data', data, '--attach', scan], { dataDir: dir });
    expect(request.attachments.map((a: { name: string }) => a.name)).toEqual(['скан.pdf']);
    expect(request.answers.requestedInformation).toBe('RED жұмыс өтілі туралы');
    expect(request.answers.subject.nameChanges).toBe('СеріковаRED');
    expect(request.applicant.fullName).toBe('Нұрланова Айгүл Серікқызы');
    const file = await readFile(join(dir, 'requests', request.id.slice(0, 2), `${request.id}.json`), 'utf8');
    expectInert(file);
    expect(file).not.toContain('\\u001b');
    const shown = await cli(['status', request.number], { dataDir: dir });
    expectExit(shown, 0);
    expectInert(shown.stdout);
  });
});

describe('a request stored before intake cleaned its text', () => {
  it('is drawn over SSH without the escape sequences or the override reaching the clerk\'s terminal', async () => {
    const dir = dirs.copy(template);
    const received = json<Array<{ number: string }>>(await cli(['list', '--state', 'SUBMITTED', '--office', 'kzo-archives', '--json'], { dataDir: dir, now: NOW }));
    const number = received[0]!.number;
    // Old data, written through the store as `store copy` or an earlier version would have.
    const opened = await LowdbStore.open({ dataDir: dir, command: 'test' });
    if (!opened.ok) throw new Error('store did not open');
    const store = opened.value;
    const request = (await store.getByNumber(number))!;
    const answers = { ...request.answers, requestedInformation: `${EVIL} ескі жазба` };
    const saved = await store.save({
      ...request, version: request.version + 1, answers,
      applicant: { ...request.applicant, fullName: `${EVIL}${request.applicant.fullName}` },
    }, request.version);
    expect(saved.ok).toBe(true);
    await store.close();

    // The command line prints stored text to a terminal too.
    const printed = await cli(['status', number, '--lang', 'ru', '--as', 'kzo-clerk'], { dataDir: dir });
    expectExit(printed, 0);
    expect(printed.stdout).toContain('Заявитель: REDНұрланова');
    expectInert(printed.stdout);

    const serve = await startServe(dir);
    open.push(serve);
    const s = await sshSession({ port: serve.port, login: 'kzo-clerk', password: 'anyqtama-demo', cols: 100, rows: 30 });
    open.push(s);
    await s.waitFor(number);
    s.write('\r');
    await s.waitFor(`№ ${number}`);
    await s.waitFor('ескі жазба');
    await s.settle(200);
    const bytes = s.output();
    expect(bytes).toContain('RED');
    expectInert(bytes);
  });
});

import { existsSync } from 'node:fs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BIN, NOW, PROJECT, TempDirs, cli, json, seededDir } from '../cli/helpers.js';
import { startTerm, type Term } from './term.js';

/**
 * The clerk's terminal end to end: the compiled `anyqtama tui` on a real pseudo-terminal, its
 * output replayed by a real terminal emulator. The runner's own environment keeps CI=true: the
 * TUI must not depend on it (ARCHITECTURE.md: ink writes nothing interactive under CI).
 */
const dirs = new TempDirs();
let template: string;
const terms: Term[] = [];

beforeAll(async () => {
  template = await seededDir(dirs);
});
afterEach(() => {
  for (const term of terms.splice(0)) term.kill();
});

async function copyOfDemo(): Promise<string> {
  const { cp } = await import('node:fs/promises');
  const dir = dirs.make('tui');
  await cp(template, dir, { recursive: true });
  return dir;
}

async function open(dir: string, login: string, options: { lang?: string; cols?: number; rows?: number; password?: string } = {}): Promise<Term> {
  const term = startTerm({
    command: process.execPath,
    args: [BIN, 'tui', '--data-dir', dir, '--lang', options.lang ?? 'ru'],
    cwd: PROJECT,
    env: { ...process.env, CI: 'true', ANYQTAMA_NOW: NOW, TERM: 'xterm-256color' },
    cols: options.cols ?? 80,
    rows: options.rows ?? 24,
  });
  terms.push(term);
  await term.waitFor('Anyqtama');
  await term.type(login);
  await term.press('enter');
  await term.type(options.password ?? 'anyqtama-demo');
  await term.press('enter');
  return term;
}

/** Request numbers on screen, top to bottom. */
const numbersOn = (term: Term) => term.screen().flatMap((row) => row.match(/\b\d{2}-\d{6}-\d\b/g) ?? []);

describe('a clerk at the terminal', () => {
  it('logs in, sees their queue, and after any moves exactly one row is highlighted, with no stale or doubled rows', async () => {
    const dir = await copyOfDemo();
    // The "in work" tab of the Kyzylorda archive, as the store lists it (read before the TUI takes the store).
    const listed = json<Array<{ number: string }>>(await cli(['list', '--state', 'IN_WORK', '--office', 'kzo-archives', '--json'], { dataDir: dir, now: NOW }));
    const expected = listed.map((i) => i.number);
    const term = await open(dir, 'kzo-clerk');
    await term.waitFor(/\d{2}-\d{6}-\d/);
    expect(term.text()).toContain('kzo-clerk');
    await term.press('right');
    await term.waitFor('[Жұмыста]');
    expect(expected.length).toBeGreaterThan(1);
    await term.settle();
    expect(numbersOn(term)).toEqual(expected);

    const moves = ['down', 'down', 'up', 'down', 'down', 'down', 'up', 'up', 'up', 'up', 'down'] as const;
    let at = 0;
    for (const move of moves) {
      const next = Math.max(0, Math.min(expected.length - 1, at + (move === 'down' ? 1 : -1)));
      // A move at either end changes nothing on screen, so there is no output to wait for.
      await term.press(move, { expectOutput: next !== at });
      at = next;
      const highlighted = term.highlightedRows();
      expect(highlighted).toHaveLength(1);
      expect(term.screen()[highlighted[0]!]).toContain(expected[at]);
      expect(term.screen()[highlighted[0]!]!.startsWith('›')).toBe(true);
      expect(numbersOn(term)).toEqual(expected);
    }
  });

  it('opens a request, takes it into work, refuses it with a coded reason, and is shown the signed letter\'s PDF', async () => {
    const dir = await copyOfDemo();
    const term = await open(dir, 'kzo-clerk');
    await term.waitFor('[Түскендер]');
    await term.waitFor(/\d{2}-\d{6}-\d/);
    const number = numbersOn(term)[0]!;
    await term.press('enter');
    await term.waitFor(`№ ${number}`);
    expect(term.text()).toContain('Сауалнама');
    await term.press('t');
    await term.waitFor(`${number}: жұмысқа алу`);
    await term.press('enter');
    await term.waitFor('Орындалды: жұмысқа алу');

    await term.press('r');
    await term.waitFor(`${number}: дәлелді бас тарту`);
    await term.press(' ');
    // Without a justification the refusal is not made, and the clerk is told why.
    for (let i = 0; i < 6; i++) await term.press('down', { expectOutput: false });
    await term.press('enter');
    await term.waitFor('Негіздеме мәтінін жазыңыз');
    await term.press('up');
    await term.type('Сұратылған кезеңнің құжаттары мұрағатқа түспеген');
    await term.press('down');
    await term.press('enter');
    await term.waitFor((screen) => /PDF сақталды:\s*\S+\.pdf/.test(screen.join('')), 20_000);
    const path = term.text().replace(/\n/g, '').match(/PDF сақталды:\s*(\S+?\.pdf)/)![1]!;
    expect(existsSync(path)).toBe(true);
    // Log out (F10 leaves the session): the store is free for the command line again.
    await term.press('\x1b[21~', { expectOutput: false });
    term.kill();
    await term.exited;
    const status = json<{ state: string; decision: { reasons: string[]; document: { code: string } } }>(await cli(['status', number, '--json'], { dataDir: dir, now: NOW }));
    expect(status.state).toBe('REFUSED');
    expect(status.decision.reasons.length).toBe(1);
    const verified = await cli(['verify', path], { dataDir: dir, now: NOW });
    expect(verified.code).toBe(0);
  });

  it('switches between Kazakh and Russian with F2', async () => {
    const dir = await copyOfDemo();
    const term = await open(dir, 'ast-clerk');
    await term.waitFor('Поступившие');
    await term.press('\x1bOQ');
    await term.waitFor('Түскендер');
    await term.press('\x1bOQ');
    await term.waitFor('Поступившие');
  });

  it('a window too small for the screens says so, and the queue comes back when it grows again', async () => {
    const dir = await copyOfDemo();
    const term = await open(dir, 'ast-clerk');
    await term.waitFor('Поступившие');
    await term.resize(50, 12);
    await term.waitFor('Окно слишком маленькое (50×12)');
    await term.resize(80, 24);
    await term.waitFor('Поступившие');
  });

  it('a wrong password is refused with a message, and the log-in screen stays', async () => {
    const dir = await copyOfDemo();
    const term = await open(dir, 'kzo-clerk', { password: 'wrong-password' });
    await term.waitFor(/Неверный|неверн|қате|Қате/);
    expect(term.text()).toContain('Anyqtama');
  });
});

describe('roles', () => {
  it('a clerk cannot see another provider\'s requests, not even by searching their number', async () => {
    const dir = await copyOfDemo();
    const kzo = json<Array<{ number: string }>>(await cli(['list', '--office', 'kzo-archives', '--json'], { dataDir: dir, now: NOW }));
    const foreign = kzo[0]!.number;
    const term = await open(dir, 'ast-clerk');
    await term.waitFor('Поступившие');
    await term.press('/');
    await term.type(foreign);
    await term.press('enter');
    await term.waitFor('Поиск: «');
    await term.settle();
    const rows = term.screen().filter((row) => !row.startsWith('Поиск'));
    expect(rows.join('\n')).not.toContain(foreign);
    expect(term.text()).toContain('В этом списке заявок нет');
  });

  it('the call-centre sees a masked status by number and has no decision screen', async () => {
    const dir = await copyOfDemo();
    const listed = json<Array<{ number: string; applicantIin: string; applicantName: string }>>(await cli(['list', '--office', 'kzo-archives', '--state', 'IN_WORK', '--json', '--as', 'supervisor'], { dataDir: dir, now: NOW }));
    const target = listed[0]!;
    const term = await open(dir, 'callcentre');
    await term.waitFor('Статус заявки');
    await term.type(target.number);
    await term.press('enter');
    await term.waitFor('Персональные данные скрыты');
    const text = term.text();
    expect(text).toContain(target.number);
    expect(text).toContain(target.applicantIin.slice(-4));
    expect(text).not.toContain(target.applicantIin);
    expect(text).not.toContain(target.applicantName.split(' ')[0]);
    // Keys that act on a request elsewhere do nothing here: no decision screen opens.
    for (const key of ['t', 'r', 'i', 'enter']) await term.press(key, { expectOutput: false });
    expect(term.text()).not.toMatch(/Основания отказа|подтвердить/);
  });
});

describe('counter intake', () => {
  it('an operator resumes a saved draft, attaches a scan, registers it and gets the receipt', async () => {
    const dir = await copyOfDemo();
    const scan = `${dir}/passport-scan.pdf`;
    const { writeFileSync } = await import('node:fs');
    writeFileSync(scan, '%PDF-1.4\n% a scan from the counter\n');
    writeFileSync(`${dir}/notes.txt`, 'not a scan');
    const term = await open(dir, 'tmr-operator', { lang: 'kk' });
    await term.waitFor('Жұмыста');
    await term.press('n');
    await term.waitFor('Қызметті таңдаңыз');
    // The saved draft is offered first and highlighted: waited for, since Ink may draw the list
    // before the highlight on a busy machine.
    await term.waitFor((screen) => screen.find((row) => row.startsWith('›'))?.includes('Жобалар') === true);
    await term.press('enter');
    await term.waitFor('ЖСН *');
    await term.press('\x1bOQ'); // F2: the questionnaire is complete
    await term.waitFor('Құжаттар файлдан');
    await term.type(`${dir}/no-such-file.pdf`);
    await term.press('enter');
    await term.waitFor('Файлды оқу мүмкін емес');
    // The mistyped path stays for correcting; Ctrl+U clears it.
    await term.press('\x15');
    await term.press(`${dir}/notes.txt`.replace(/^/, ''), { expectOutput: true });
    await term.press('enter');
    await term.waitFor('PDF, JPEG');
    await term.press('\x15');
    await term.type(scan);
    await term.press('enter');
    await term.waitFor('Қосылды: passport-scan.pdf');
    await term.press('enter');
    await term.waitFor('Тексеріңіз');
    await term.press('enter');
    await term.waitFor((screen) => /Тіркелді: № \d{2}-\d{6}-\d/.test(screen.join('')), 20_000);
    const text = term.screen().join('');
    const number = text.match(/№ (\d{2}-\d{6}-\d)/)![1]!;
    const receipt = text.match(/Қолхат:\s*(\S+?\.pdf)/)![1]!;
    expect(existsSync(receipt)).toBe(true);
    await term.press('\x1b[21~', { expectOutput: false });
    term.kill();
    await term.exited;
    const status = json<{ state: string; attachments: Array<{ name: string }> }>(await cli(['status', number, '--json'], { dataDir: dir, now: NOW }));
    expect(status.state).toBe('SUBMITTED');
    expect(status.attachments.map((a) => a.name)).toEqual(['passport-scan.pdf']);
    const drafts = json<unknown[]>(await cli(['list', '--state', 'DRAFT', '--json'], { dataDir: dir, now: NOW }));
    expect(drafts).toEqual([]);
  });

  it('F3 on the IIN fills the applicant from the person registry', async () => {
    const dir = await copyOfDemo();
    const term = await open(dir, 'ast-clerk');
    await term.waitFor('Поступившие');
    await term.press('n');
    await term.waitFor('Выберите услугу');
    await term.press('enter');
    await term.waitFor('ИИН *');
    await term.type('850305400010');
    await term.press('\x1bOR'); // F3
    await term.waitFor('Нұрланова Айгүл Серікқызы');
    expect(term.text()).toMatch(/Фамилия \*\s+Нұрланова/);
    expect(term.text()).toMatch(/Дата рождения \*\s+05\.03\.1985/);
  });
});

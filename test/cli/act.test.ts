import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatRequestNumber } from '../../src/core/identity/request-number.js';
import type { ServiceId } from '../../src/core/services/types.js';
import { cli, writeExamples, expectExit, expectNoCrash, json, seededDir, submitted, TempDirs, type CliResult } from './helpers.js';

/** `act`: what staff do to a request, and what they are not allowed to do. */

const dirs = new TempDirs();
let examples: Record<ServiceId, string>;
let store: string;

beforeAll(async () => {
  examples = writeExamples(dirs.make('examples'));
  store = await seededDir(dirs);
});
afterAll(() => dirs.removeAll());

/** A fresh archive request registered at the Kyzylorda archive's counter on Fri 20 Nov 2026. */
async function archiveRequest(): Promise<string> {
  const r = await submitted(['--service', 'archive-certificate', '--channel', 'office', '--as', 'kzo-clerk', '--data', examples['archive-certificate']], { dataDir: store });
  return r.number as string;
}

const act = (number: string, ...args: string[]) => cli(['act', number, ...args], { dataDir: store });
const status = async (number: string) => json(await cli(['status', number, '--json'], { dataDir: store }));

describe('the life of a request', () => {
  it('take, extend, issue and deliver move it SUBMITTED → IN_WORK → COMPLETED → ISSUED', async () => {
    const number = await archiveRequest();

    const taken = await act(number, 'take', '--as', 'kzo-clerk', '--json');
    expectExit(taken, 0);
    expect(json(taken)).toMatchObject({ state: 'IN_WORK', dueDate: '2026-12-07' });

    // Documents of two organisations: 30 calendar days from 20 Nov = Sun 20 Dec → Mon 21 Dec.
    const extended = await act(number, 'extend', '--as', 'kzo-clerk', '--reason', 'MULTIPLE_ORGANISATIONS', '--note', 'Екі ұйымның құжаттары', '--json');
    expectExit(extended, 0);
    expect(json(extended)).toMatchObject({ state: 'IN_WORK', dueDate: '2026-12-21' });

    const issued = await act(number, 'issue', '--as', 'kzo-clerk', '--field', 'certificateType=Еңбек өтілі туралы', '--field', 'content=Корректор болып жұмыс істеді.', '--field', 'basis=Қор № 412, іс № 17');
    expectExit(issued, 0);
    expect(issued.stdout).toContain(number);

    const delivered = await act(number, 'deliver', '--as', 'kzo-clerk', '--json');
    expectExit(delivered, 0);
    expect(json(delivered).state).toBe('ISSUED');

    const s = await status(number);
    expect(s.dueDate).toBe('2026-12-21');
    expect(s.history.map((e: { to: string }) => e.to)).toEqual(['SUBMITTED', 'IN_WORK', 'IN_WORK', 'COMPLETED', 'ISSUED']);
    for (const e of s.history) {
      expect(e).toMatchObject({ at: '2026-11-20T05:00:00.000Z', by: 'kzo-clerk' });
      expect(typeof e.from).toBe('string');
    }
  });

  it('without --json the clerk reads the move from one state to the next', async () => {
    const number = await archiveRequest();
    const kk = await act(number, 'take', '--as', 'kzo-clerk');
    expectExit(kk, 0);
    expect(kk.stdout).toContain(`№ ${number}: Түскендер → Жұмыста`);
  });

  it('a refusal needs a reason code; with one, the request is refused', async () => {
    const number = await archiveRequest();
    expectExit(await act(number, 'take', '--as', 'kzo-clerk'), 0);
    const bare = await act(number, 'refuse', '--as', 'kzo-clerk');
    expectExit(bare, 2);
    expect(bare.stderr).toContain('--reason');
    expect((await status(number)).state).toBe('IN_WORK');
    const refused = await act(number, 'refuse', '--as', 'kzo-clerk', '--reason', 'R9', '--note', '1990–1995 жылдардағы қор мұрағатқа тапсырылмаған', '--json');
    expectExit(refused, 0);
    expect(json(refused).state).toBe('REFUSED');
  });

  it('an extension needs a ground the service allows', async () => {
    const number = await archiveRequest();
    expectExit(await act(number, 'take', '--as', 'kzo-clerk'), 0);
    const r = await act(number, 'extend', '--as', 'kzo-clerk', '--reason', 'BECAUSE');
    expectExit(r, 2);
    expect(r.stderr).toContain('MULTIPLE_ORGANISATIONS');
    expect((await status(number)).dueDate).toBe('2026-12-07');
  });

  it('a centre\'s request the provider cannot act on is returned to the centre with a note', async () => {
    const request = await submitted(
      ['--service', 'guardianship-certificate', '--channel', 'centre', '--as', 'tmr-operator', '--data', examples['guardianship-certificate']],
      { dataDir: store },
    );
    expectExit(await act(request.number, 'take', '--as', 'tmr-clerk'), 0);
    const returned = await act(request.number, 'return', '--as', 'tmr-clerk', '--note', 'Сот шешімінің көшірмесі оқылмайды', '--json');
    expectExit(returned, 0);
    expect(json(returned).state).toBe('RETURNED_TO_CENTRE');
  });
});

describe('what staff may not do', () => {
  it('taking a request twice is refused (exit 4) and leaves one take in the history', async () => {
    const number = await archiveRequest();
    expectExit(await act(number, 'take', '--as', 'kzo-clerk'), 0);
    const again = await act(number, 'take', '--as', 'kzo-clerk');
    expectExit(again, 4);
    expect(again.stderr).toContain('IN_WORK');
    expect((await status(number)).history.filter((e: { action: string }) => e.action === 'take')).toHaveLength(1);
  });

  it('a clerk of another office cannot take it (exit 4)', async () => {
    const number = await archiveRequest();
    const r = await act(number, 'take', '--as', 'ast-clerk', '--lang', 'ru');
    expectExit(r, 4);
    expect(r.stderr).toContain(number);
    expect((await status(number)).state).toBe('SUBMITTED');
  });

  it('the call centre reads requests but cannot act on them (exit 4)', async () => {
    const number = await archiveRequest();
    const r = await act(number, 'take', '--as', 'callcentre', '--json');
    expectExit(r, 4);
    expect(json(r).error.code).toBe('FORBIDDEN');
    expect(json(r).error.message).toContain('callcentre');
    expect((await status(number)).state).toBe('SUBMITTED');
  });

  it('an operator cannot take a request into work (exit 4)', async () => {
    const number = await archiveRequest();
    expectExit(await act(number, 'take', '--as', 'kzo-operator'), 4);
  });

  it('an unknown login is not found (exit 3), with the login named', async () => {
    const number = await archiveRequest();
    const r = await act(number, 'take', '--as', 'nobody');
    expectExit(r, 3);
    expect(r.stderr).toContain('nobody');
  });

  it('an unknown action, or no --as, is bad input (exit 2)', async () => {
    const number = await archiveRequest();
    const unknown = await act(number, 'approve', '--as', 'kzo-clerk');
    expectExit(unknown, 2);
    expect(unknown.stderr).toContain('take');
    const noLogin = await act(number, 'take');
    expectExit(noLogin, 2);
    expect(noLogin.stderr).toContain('--as');
  });

  it('acting on a number nobody was given is not found (exit 3); a mistyped one is bad input (exit 2)', async () => {
    const number = await archiveRequest();
    const digits = number.replace(/-/g, '');
    const typo = digits.slice(0, 4) + String((Number(digits[4]) + 5) % 10) + digits.slice(5);
    expectExit(await act(typo, 'take', '--as', 'kzo-clerk'), 2);
    expectExit(await act(formatRequestNumber(2026, 999_998), 'take', '--as', 'kzo-clerk'), 3);
  });
});

describe('two clerks at once', () => {
  /**
   * Two `act take` processes on one request and one data dir. Either the second cannot open the
   * store (the lock) and says who holds it, exit 1, or it opens it after the first and is told
   * the request is already IN_WORK, exit 4. Either way: exactly one take in the history.
   */
  it.each([1, 2, 3])('only one of two simultaneous takes succeeds, and the other is told why (round %i)', async () => {
    const number = await archiveRequest();
    const both = await Promise.all([act(number, 'take', '--as', 'kzo-clerk'), act(number, 'take', '--as', 'kzo-clerk')]);
    const won = both.filter((r) => r.code === 0);
    const lost = both.filter((r) => r.code !== 0);
    expect(won, both.map((r) => `${r.code}: ${r.stdout}${r.stderr}`).join('\n')).toHaveLength(1);
    const [loser] = lost as [CliResult];
    const [winner] = won as [CliResult];
    expectNoCrash(loser);
    if (loser.code === 1) {
      // The lock names the holder: its process id and its command line.
      expect(loser.stderr).toContain(`PID ${winner.pid}`);
      expect(loser.stderr).toContain(`act ${number} take`);
    } else {
      expectExit(loser, 4);
      expect(loser.stderr).toContain('IN_WORK');
    }
    const takes = (await status(number)).history.filter((e: { action: string }) => e.action === 'take');
    expect(takes).toHaveLength(1);
  });
});

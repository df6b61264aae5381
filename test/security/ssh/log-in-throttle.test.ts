import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededDir, TempDirs } from '../../cli/helpers.js';
import { startServe, tryKeyboardLogin, type ServeHandle } from '../../ssh/helpers.js';
import { PASSWORD, stopHard } from './attack.js';

/**
 * Findings 2026-12, M3: five wrong passwords from anywhere locked a clerk out for 15 minutes (and
 * longer each time), and twenty failures from one address locked everyone behind it: throttling
 * was a lock-out weapon. The design is in src/app/login-throttle.ts.
 */
const dirs = new TempDirs();
let serve: ServeHandle;

beforeAll(async () => {
  serve = await startServe(await seededDir(dirs));
});

afterAll(async () => {
  await stopHard(serve);
  dirs.removeAll();
});

const login = (user: string, password: string, localAddress: string) => tryKeyboardLogin({ port: serve.port, login: user, password, localAddress });

describe('guessing at passwords', () => {
  it('does not lock the clerk out: 30 wrong passwords from 6 addresses, then the right one from a 7th gets in', async () => {
    const addresses = ['127.0.0.2', '127.0.0.3', '127.0.0.4', '127.0.0.5', '127.0.0.6', '127.0.0.7'];
    const fourth = await Promise.all(addresses.map(async (address) => {
      const answers = [];
      for (let i = 1; i <= 5; i++) answers.push(await login('kzo-clerk', `guess ${i}`, address));
      expect(answers.map((a) => a.ok)).toEqual([false, false, false, false, false]);
      return answers[3]!.prompts.join('');
    }));
    // The fourth wrong password from an address is told to wait a second.
    for (const prompts of fourth) expect(prompts).toContain('Повторите через 1 с.');
    const started = Date.now();
    expect((await login('kzo-clerk', PASSWORD, '127.0.0.8')).ok).toBe(true);
    console.log(`after 30 wrong passwords from 6 addresses the clerk logged in from a 7th in ${Date.now() - started} ms`);
    // Every penalty is in the daemon's log with the login, the address and how long.
    for (const address of addresses) expect(serve.stderr()).toContain(`log-in penalty: "kzo-clerk" from "${address}" waits 1 s after 4 wrong passwords`);
    expect(serve.stderr()).toMatch(/password guessing at "kzo-clerk": 20 wrong passwords from \d addresses in 15 min; the login is not locked/);
  }, 120_000);

  it('lets an office behind one address work while someone in it tries many logins; only spraying past 50 logins holds back logins new to that address', async () => {
    const office = '127.0.0.60';
    // A clerk of the office logged in this morning.
    expect((await login('ast-clerk', PASSWORD, office)).ok).toBe(true);
    for (let i = 1; i <= 20; i++) expect((await login(`nobody-${i}`, 'spray', office)).ok).toBe(false);
    // Twenty mistyped logins hold nobody back: a clerk new to this address gets in.
    expect((await login('ekb-clerk', PASSWORD, office)).ok).toBe(true);

    for (let i = 21; i <= 50; i++) await login(`nobody-${i}`, 'spray', office);
    expect(serve.stderr()).toContain('log-in penalty: address "127.0.0.60" failed with 50 different logins; password log-ins from it wait 1 min, except logins that used it before');
    // Now a login that never used this address waits; those that did, and everyone elsewhere, get in.
    const newcomer = await login('kzo-operator', PASSWORD, office);
    expect(newcomer).toEqual({ ok: false, prompts: ['Сәтсіз кіру әрекеттері тым көп. 60 секундтан кейін қайталап көріңіз. / Слишком много неудачных попыток входа. Повторите через 60 с.\r\n[Enter] '] });
    expect((await login('ast-clerk', PASSWORD, office)).ok).toBe(true);
    expect((await login('ekb-clerk', PASSWORD, office)).ok).toBe(true);
    expect((await login('kzo-operator', PASSWORD, '127.0.0.61')).ok).toBe(true);
  }, 120_000);
});

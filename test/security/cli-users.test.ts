import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, expectExit, expectNoCrash, json, seededDir, TempDirs } from '../cli/helpers.js';
import { sshSession, startServe, tryKeyboardLogin } from '../ssh/helpers.js';

/**
 * Staff accounts from the command line (issue 13): an administrator adds, disables and enables
 * logins, also while the office is open (serve runs); a new office's store gets its first
 * administrator without one.
 */

const dirs = new TempDirs();
let seeded: string;
const PASSWORD = { ANYQTAMA_NEW_PASSWORD: 'a-long-new-password' };

beforeAll(async () => {
  seeded = await seededDir(dirs);
});
afterAll(() => dirs.removeAll());

describe('users add', () => {
  it('gives a new store its first administrator without --as, and only the first', async () => {
    const dir = dirs.make('new-office');
    const first = await cli(['users', 'add', 'boss', '--role', 'admin', '--name', 'Бас  Әкімші', '--lang', 'ru'], { dataDir: dir, env: PASSWORD });
    expectExit(first, 0);
    expect(first.stdout).toContain('Пользователь «boss» добавлен (администратор');
    const second = await cli(['users', 'add', 'other', '--role', 'admin', '--name', 'Екінші Әкімші', '--lang', 'ru'], { dataDir: dir, env: PASSWORD });
    expectExit(second, 2);
    expect(second.stderr).toContain('--as');
    const byBoss = await cli(['users', 'add', 'other', '--role', 'admin', '--name', 'Екінші Әкімші', '--as', 'boss'], { dataDir: dir });
    expectExit(byBoss, 0);
    expect(byBoss.stdout).toContain('«other»');
    // Without a password it says how to give one.
    expect(byBoss.stdout).toContain('users password other');
    const users = json<Array<{ login: string; role: string; fullName: string; hasPassword: boolean }>>(await cli(['users', '--json'], { dataDir: dir }));
    expect(users.map((u) => [u.login, u.role, u.fullName, u.hasPassword])).toEqual([['boss', 'admin', 'Бас Әкімші', true], ['other', 'admin', 'Екінші Әкімші', false]]);
  });

  it('checks every field and names the one that is wrong', async () => {
    const dir = dirs.copy(seeded);
    const add = (args: string[]) => cli(['users', 'add', ...args, '--as', 'admin', '--lang', 'ru'], { dataDir: dir });
    const cases: Array<[string[], number, string]> = [
      [['Bad Login', '--role', 'clerk', '--name', 'X', '--office', 'kzo-archives'], 2, 'LOGIN'],
      [['newbie', '--role', 'citizen', '--name', 'X'], 2, '--role'],
      [['newbie', '--name', 'X'], 2, '--role'],
      [['newbie', '--role', 'clerk', '--office', 'kzo-archives'], 2, '--name'],
      [['newbie', '--role', 'clerk', '--name', 'X'], 2, '--office'],
      [['newbie', '--role', 'clerk', '--name', 'X', '--office', 'kzo-centre'], 2, 'услугодателя'],
      [['newbie', '--role', 'operator', '--name', 'X', '--office', 'kzo-archives'], 2, 'ЦОН'],
      [['newbie', '--role', 'supervisor', '--name', 'X', '--office', 'kzo-archives'], 2, '--office'],
      [['newbie', '--role', 'clerk', '--name', 'X', '--office', 'kzo-archives', '--iin', '850305400011'], 2, '--iin'],
      [['newbie', '--role', 'clerk', '--name', 'X', '--office', 'kzo-archives', '--user-lang', 'de'], 2, '--user-lang'],
      [['kzo-clerk', '--role', 'clerk', '--name', 'X', '--office', 'kzo-archives'], 4, 'уже существует'],
    ];
    for (const [args, code, named] of cases) {
      const r = await add(args);
      expectExit(r, code);
      expectNoCrash(r);
      expect(r.stderr, args.join(' ')).toContain(named);
    }
    const byClerk = await cli(['users', 'add', 'newbie', '--role', 'clerk', '--name', 'X', '--office', 'kzo-archives', '--as', 'kzo-clerk'], { dataDir: dir });
    expectExit(byClerk, 4);
    const users = json<Array<{ login: string }>>(await cli(['users', '--json'], { dataDir: dir }));
    expect(users.some((u) => u.login === 'newbie')).toBe(false);
  });
});

describe('while serve runs', () => {
  it('an administrator adds a clerk who logs in at once, disables them (no more log-ins), enables them again; the last admin stays', async () => {
    const dir = dirs.copy(seeded);
    const serve = await startServe(dir);
    try {
      const added = await cli(['users', 'add', 'kzo-new', '--role', 'clerk', '--name', 'Жаңа Қызметкер', '--office', 'kzo-archives', '--iin', '850305400010', '--user-lang', 'kk', '--as', 'admin'], { dataDir: dir, env: PASSWORD });
      expectExit(added, 0);
      expect((await tryKeyboardLogin({ port: serve.port, login: 'kzo-new', password: PASSWORD.ANYQTAMA_NEW_PASSWORD })).ok).toBe(true);

      // A session opened before the login is disabled ends at once, saying why.
      const session = await sshSession({ port: serve.port, login: 'kzo-new', password: PASSWORD.ANYQTAMA_NEW_PASSWORD });
      await session.waitFor('kzo-new', 20_000);
      expectExit(await cli(['users', 'disable', 'kzo-new', '--as', 'admin'], { dataDir: dir }), 0);
      await session.closed;
      expect(session.output()).toContain('Әкімші сіздің логиніңізді бұғаттады, сеанс жабылды.');
      expect((await tryKeyboardLogin({ port: serve.port, login: 'kzo-new', password: PASSWORD.ANYQTAMA_NEW_PASSWORD })).ok).toBe(false);
      const acts = await cli(['act', '26-000001-9', 'take', '--as', 'kzo-new'], { dataDir: dir });
      expectExit(acts, 4);

      expectExit(await cli(['users', 'enable', 'kzo-new', '--as', 'admin'], { dataDir: dir }), 0);
      expect((await tryKeyboardLogin({ port: serve.port, login: 'kzo-new', password: PASSWORD.ANYQTAMA_NEW_PASSWORD })).ok).toBe(true);

      const last = await cli(['users', 'disable', 'admin', '--as', 'admin', '--lang', 'ru'], { dataDir: dir });
      expectExit(last, 4);
      expect(last.stderr).toContain('единственный активный администратор');
    } finally {
      await serve.stop();
    }
  });
});

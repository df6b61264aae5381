import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, expectExit, seededDir, TempDirs } from '../cli/helpers.js';
import { startTerm } from '../tui/term.js';
import { shellWithoutPty, sshExec, sshSession, startServe, tryKeyboardLogin, type ServeHandle } from './helpers.js';
import { ed25519KeyPair } from '../../src/ssh/host-key.js';

const PASSWORD = 'anyqtama-demo';
const dirs = new TempDirs();
let serve: ServeHandle;
let keyFile: string;
const key = ed25519KeyPair('ekb-clerk@laptop');

beforeAll(async () => {
  const dir = await seededDir(dirs);
  const keys = dirs.make('keys');
  keyFile = join(keys, 'id_ed25519');
  writeFileSync(keyFile, key.private, { mode: 0o600 });
  writeFileSync(`${keyFile}.pub`, `${key.public}\n`);
  expectExit(await cli(['users', 'key', 'add', 'ekb-clerk', `${keyFile}.pub`, '--as', 'admin'], { dataDir: dir }), 0);
  expectExit(await cli(['users', 'password', 'tmr-clerk', '--as', 'admin'], { dataDir: dir, env: { ANYQTAMA_NEW_PASSWORD: 'new tmr password' } }), 0);
  serve = await startServe(dir);
});

afterAll(async () => {
  await serve?.stop();
  dirs.removeAll();
});

describe('clerks log in over SSH', () => {
  it('shows a clerk who logged in with a password their own screen, though the daemon runs with CI=true', async () => {
    const session = await sshSession({ port: serve.port, login: 'kzo-clerk', password: PASSWORD, fingerprint: serve.fingerprint });
    await session.waitFor('kzo-clerk');
    expect(session.bytes()).toBeGreaterThan(0);
    // Colour and inverse video reach the client: the daemon set chalk's level itself.
    expect(session.output()).toMatch(/\x1b\[[0-9;]*m/);
    session.close();
  });

  it('refuses a wrong password', async () => {
    await expect(sshSession({ port: serve.port, login: 'kzo-clerk', password: 'not the password' })).rejects.toThrow(/authentication/i);
  });

  it('makes a login wait after four wrong passwords from one address, tells the clerk how long, and lets the right password in from elsewhere', async () => {
    const first = await tryKeyboardLogin({ port: serve.port, login: 'ast-operator', password: 'guess 1' });
    expect(first).toEqual({ ok: false, prompts: ['Құпиясөз / Пароль: ', 'Логин немесе құпиясөз қате. / Неверный логин или пароль.\r\nҚұпиясөз / Пароль: '] });
    for (let i = 2; i <= 3; i++) expect((await tryKeyboardLogin({ port: serve.port, login: 'ast-operator', password: `guess ${i}` })).ok).toBe(false);
    const throttled = 'Сәтсіз кіру әрекеттері тым көп. 1 секундтан кейін қайталап көріңіз. / Слишком много неудачных попыток входа. Повторите через 1 с.';
    const fourth = await tryKeyboardLogin({ port: serve.port, login: 'ast-operator', password: 'guess 4' });
    expect(fourth.prompts[1]).toBe(`${throttled}\r\n[Enter] `);
    // Guesses from this address wait; the operator at another desk is not locked out.
    expect((await tryKeyboardLogin({ port: serve.port, login: 'ast-operator', password: PASSWORD, localAddress: '127.0.0.33' })).ok).toBe(true);
    // Other clerks from the same address still get in.
    expect((await tryKeyboardLogin({ port: serve.port, login: 'ast-clerk', password: PASSWORD })).ok).toBe(true);
  });

  it('lets a clerk in with the public key an admin registered, and no other key', async () => {
    const session = await sshSession({ port: serve.port, login: 'ekb-clerk', privateKey: key.private });
    await session.waitFor('ekb-clerk');
    session.close();
    const stranger = ed25519KeyPair('stranger');
    await expect(sshSession({ port: serve.port, login: 'ekb-clerk', privateKey: stranger.private })).rejects.toThrow(/authentication/i);
  });

  it('takes the password an admin set, and no longer the old one', async () => {
    const session = await sshSession({ port: serve.port, login: 'tmr-clerk', password: 'new tmr password' });
    await session.waitFor('tmr-clerk');
    session.close();
    await expect(sshSession({ port: serve.port, login: 'tmr-clerk', password: PASSWORD })).rejects.toThrow(/authentication/i);
  });
});

describe('the server offers the clerk terminal and nothing else', () => {
  it('refuses to run a command, saying why in the clerk\'s language', async () => {
    const result = await sshExec({ port: serve.port, login: 'kzo-clerk', password: PASSWORD }, 'cat /etc/passwd');
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('«cat /etc/passwd» орындалмайды');
  });

  it('tells a client without a terminal to connect with ssh -t', async () => {
    const result = await shellWithoutPty({ port: serve.port, login: 'ast-clerk', password: PASSWORD });
    expect(result.code).toBe(1);
    expect(result.output).toContain('Для терминала сотрудника нужен терминал: подключитесь с ключом ssh -t.');
  });
});

describe('sessions', () => {
  it('redraws at the new size when the clerk resizes the window', async () => {
    const session = await sshSession({ port: serve.port, login: 'kzo-operator', password: PASSWORD, cols: 80, rows: 24 });
    await session.waitFor('kzo-operator');
    await session.settle();
    expect(session.lines().every((line) => line.length <= 80)).toBe(true);
    const before = session.bytes();
    session.resize(120, 30);
    // The header no longer has to be cut at 80 columns.
    await session.waitFor(/^.{81,}$/m);
    expect(session.bytes()).toBeGreaterThan(before);
    expect(session.screen()).toContain('kzo-operator');
    session.close();
  });

  it('marks the selected row without colour for a client that asks for none', async () => {
    const coloured = await sshSession({ port: serve.port, login: 'kzo-clerk', password: PASSWORD });
    const plain = await sshSession({ port: serve.port, login: 'kzo-clerk', password: PASSWORD, env: { NO_COLOR: '1' } });
    const dumb = await sshSession({ port: serve.port, login: 'kzo-clerk', password: PASSWORD, term: 'dumb' });
    for (const session of [coloured, plain, dumb]) {
      await session.waitFor('›');
      await session.settle();
    }
    expect(coloured.highlightedRows()).toHaveLength(1);
    expect(plain.highlightedRows()).toEqual([]);
    expect(dumb.highlightedRows()).toEqual([]);
    for (const session of [coloured, plain, dumb]) session.close();
  });

  it('keeps serving the others when one connection is dropped, and runs two sessions at once', async () => {
    const [first, second] = await Promise.all([
      sshSession({ port: serve.port, login: 'supervisor', password: PASSWORD }),
      sshSession({ port: serve.port, login: 'callcentre', password: PASSWORD }),
    ]);
    await Promise.all([first.waitFor('supervisor'), second.waitFor('callcentre')]);
    expect(first.screen()).not.toContain('callcentre');
    first.drop();
    await expect.poll(() => serve.stderr(), { timeout: 10_000 }).toContain('session of supervisor from 127.0.0.1 ended');
    const before = second.bytes();
    second.resize(100, 26);
    await expect.poll(() => second.bytes(), { timeout: 10_000 }).toBeGreaterThan(before);
    await second.waitFor('callcentre');
    const third = await sshSession({ port: serve.port, login: 'ekb-operator', password: PASSWORD });
    await third.waitFor('ekb-operator');
    second.close();
    third.close();
  });

  const OPENSSH = ['-tt', '-o', 'StrictHostKeyChecking=no', '-o', 'UserKnownHostsFile=/dev/null'];
  const openssh = (args: readonly string[]) =>
    startTerm({ command: 'ssh', args: [...OPENSSH, '-p', String(serve.port), ...args], env: { ...process.env, TERM: 'xterm-256color'} });

  it('works with OpenSSH\'s own client and a registered key', async () => {
    const term = openssh(['-i', keyFile, '-o', 'IdentitiesOnly=yes', '-o', 'PreferredAuthentications=publickey', 'ekb-clerk@127.0.0.1']);
    try {
      await term.waitFor('ekb-clerk', 15_000);
    } finally {
      term.kill();
    }
  });

  it('asks OpenSSH users for the password in Kazakh and Russian, and says when it was wrong', async () => {
    const term = openssh(['-o', 'PubkeyAuthentication=no', '-o', 'PreferredAuthentications=keyboard-interactive', 'kzo-clerk@127.0.0.1']);
    try {
      await term.waitFor('Құпиясөз / Пароль:', 15_000);
      term.write('wrong password\r');
      await term.waitFor('Логин немесе құпиясөз қате. / Неверный логин или пароль.');
      term.write(`${PASSWORD}\r`);
      await term.waitFor('kzo-clerk');
    } finally {
      term.kill();
    }
  });

  it('tells an OpenSSH user who guessed four wrong passwords when to try again', async () => {
    const term = openssh(['-o', 'PubkeyAuthentication=no', '-o', 'PreferredAuthentications=keyboard-interactive', 'tmr-operator@127.0.0.1']);
    const prompts = (lines: string[]) => lines.filter((line) => line.includes('Құпиясөз / Пароль:')).length;
    try {
      for (let i = 1; i <= 4; i++) {
        await term.waitFor((lines) => prompts(lines) >= i, 15_000);
        term.write(`guess ${i}\r`);
      }
      // Long lines wrap at 80 columns: read the rows as one text.
      const told = 'Сәтсіз кіру әрекеттері тым көп. 1 секундтан кейін қайталап көріңіз. / Слишком много неудачных попыток входа. Повторите через 1 с.';
      await term.waitFor((lines) => lines.join('').includes(told));
    } finally {
      term.kill();
    }
  });

  it('prints the fingerprint OpenSSH sees for the host key', () => {
    const scanned = execFileSync('ssh-keyscan', ['-p', String(serve.port), '-t', 'ed25519', '127.0.0.1'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const printed = execFileSync('ssh-keygen', ['-lf', '-'], { input: scanned, encoding: 'utf8' });
    expect(printed).toContain(serve.fingerprint);
  });

  it('on SIGTERM tells open sessions the server is stopping, ends them and exits cleanly', async () => {
    const session = await sshSession({ port: serve.port, login: 'kzo-clerk', password: PASSWORD });
    await session.waitFor('kzo-clerk');
    const stopped = await serve.stop();
    await session.closed;
    expect(session.screen()).toContain('Сервер тоқтатылды, сеанс жабылды. Расталған деректер сақталды.');
    expect(stopped.code).toBe(0);
    expect(stopped.stdout).toContain('{"stopped":true,"sessions":1}');
    session.close();
  });
});

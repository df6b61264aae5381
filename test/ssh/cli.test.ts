import { execFileSync, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../src/app/passwords.js';
import { LowdbStore } from '../../src/store/lowdb/lowdb-store.js';
import { BIN, cli, expectExit, expectNoCrash, json, NOW, PROJECT, seededDir, TempDirs } from '../cli/helpers.js';
import { startServe } from './helpers.js';
import { ed25519KeyPair } from '../../src/ssh/host-key.js';
import ssh2Lib from 'ssh2';

const ssh2Parse = (text: string) => ssh2Lib.utils.parseKey(text);

const dirs = new TempDirs();
let seeded: string;
let keys: string;

beforeAll(async () => {
  seeded = await seededDir(dirs);
  keys = dirs.make('keys');
});

afterAll(() => dirs.removeAll());

/** A fresh ed25519 key pair written as OpenSSH files; returns the paths. */
function keyPair(name: string, comment: string): { priv: string; pub: string } {
  const pair = ed25519KeyPair(comment);
  const priv = join(keys, name);
  writeFileSync(priv, pair.private, { mode: 0o600 });
  writeFileSync(`${priv}.pub`, `${pair.public}\n`);
  return { priv, pub: `${priv}.pub` };
}

const fingerprintBySshKeygen = (pub: string) => execFileSync('ssh-keygen', ['-lf', pub], { encoding: 'utf8' }).split(' ')[1]!;

describe('an admin manages staff SSH keys', () => {
  it('registers a clerk\'s key, with the fingerprint ssh-keygen shows, once', async () => {
    const dir = dirs.copy(seeded);
    const { pub } = keyPair('clerk', 'dinara@kzo-archive');
    const added = await cli(['users', 'key', 'add', 'kzo-clerk', pub, '--as', 'admin'], { dataDir: dir });
    expectExit(added, 0);
    const fingerprint = fingerprintBySshKeygen(pub);
    expect(added.stdout.trim()).toBe(`«kzo-clerk» үшін SSH кілті қосылды: ${fingerprint}`);
    const again = await cli(['users', 'key', 'add', 'kzo-clerk', pub, '--as', 'admin', '--lang', 'ru'], { dataDir: dir });
    expect(again.stdout.trim()).toBe(`Этот ключ уже зарегистрирован для «kzo-clerk»: ${fingerprint}`);
    const list = await cli(['users', 'key', 'list', 'kzo-clerk'], { dataDir: dir });
    expect(list.stdout.trimEnd().split('\n')).toEqual([` 1  ssh-ed25519          ${fingerprint}  dinara@kzo-archive`]);
    const users = json(await cli(['users', '--json'], { dataDir: dir }));
    expect(users.find((u: { login: string }) => u.login === 'kzo-clerk').publicKeys).toBe(1);
  });

  it('removes a key by its number in the list', async () => {
    const dir = dirs.copy(seeded);
    const first = keyPair('first', 'first');
    const second = keyPair('second', 'second');
    for (const k of [first, second]) expectExit(await cli(['users', 'key', 'add', 'ast-clerk', k.pub, '--as', 'admin'], { dataDir: dir }), 0);
    const wrong = await cli(['users', 'key', 'remove', 'ast-clerk', '3', '--as', 'admin', '--lang', 'ru'], { dataDir: dir });
    expectExit(wrong, 2);
    expect(wrong.stderr).toContain('номер ключа 1–2');
    const removed = await cli(['users', 'key', 'remove', 'ast-clerk', '1', '--as', 'admin', '--lang', 'ru'], { dataDir: dir });
    expectExit(removed, 0);
    expect(removed.stdout.trim()).toBe(`Ключ SSH «ast-clerk» удалён: ${fingerprintBySshKeygen(first.pub)}`);
    const list = await cli(['users', 'key', 'list', 'ast-clerk', '--json'], { dataDir: dir });
    expect(json(list)).toEqual([{ n: 1, type: 'ssh-ed25519', fingerprint: fingerprintBySshKeygen(second.pub), comment: 'second' }]);
  });

  it('refuses a private key handed over by mistake, and a file that is no key', async () => {
    const { priv } = keyPair('secret', 'secret');
    const privateKey = await cli(['users', 'key', 'add', 'kzo-clerk', priv, '--as', 'admin'], { dataDir: seeded });
    expectExit(privateKey, 2);
    expect(privateKey.stderr).toContain('жабық кілт. Оны ешкімге бермеңіз');
    const notAKey = join(keys, 'notes.txt');
    writeFileSync(notAKey, 'ssh-ed25519 not-base64 at all\n');
    const garbage = await cli(['users', 'key', 'add', 'kzo-clerk', notAKey, '--as', 'admin', '--lang', 'ru'], { dataDir: seeded });
    expectExit(garbage, 2);
    expect(garbage.stderr).toContain('не открытый ключ SSH');
    expectNoCrash(garbage);
  });

  it('lets only an admin change keys and passwords', async () => {
    const { pub } = keyPair('other', 'other');
    const byClerk = await cli(['users', 'key', 'add', 'kzo-clerk', pub, '--as', 'kzo-clerk', '--lang', 'ru'], { dataDir: seeded });
    expectExit(byClerk, 4);
    expect(byClerk.stderr).toContain('Это действие выполняет только администратор');
    const nobody = await cli(['users', 'password', 'kzo-clerk'], { dataDir: seeded, env: { ANYQTAMA_NEW_PASSWORD: 'long enough password' } });
    expectExit(nobody, 2);
    expect(nobody.stderr).toContain('--as');
  });
});

describe('an admin sets a password', () => {
  it('takes it from a file (its last line end dropped) and stores only its hash', async () => {
    const dir = dirs.copy(seeded);
    const file = join(keys, 'password.txt');
    writeFileSync(file, 'жаңа құпиясөз 2026\n');
    const set = await cli(['users', 'password', 'ekb-clerk', '--as', 'admin', '--password-file', file], { dataDir: dir });
    expectExit(set, 0);
    expect(set.stdout.trim()).toBe('«ekb-clerk» құпиясөзі өзгертілді.');
    const store = await LowdbStore.open({ dataDir: dir, command: 'test' });
    if (!store.ok) throw new Error(store.error.message.key);
    const user = await store.value.getUser('ekb-clerk');
    await store.value.close();
    expect(user?.passwordHash).not.toContain('жаңа');
    expect(await verifyPassword('жаңа құпиясөз 2026', user!.passwordHash!)).toBe(true);
  });

  it('refuses a password shorter than eight characters, and none at all', async () => {
    const short = await cli(['users', 'password', 'ekb-clerk', '--as', 'admin', '--lang', 'ru'], { dataDir: seeded, env: { ANYQTAMA_NEW_PASSWORD: 'qwerty1' } });
    expectExit(short, 2);
    expect(short.stderr).toContain('Пароль должен быть не короче 8 символов.');
    const none = await cli(['users', 'password', 'ekb-clerk', '--as', 'admin'], { dataDir: seeded });
    expectExit(none, 2);
    expect(none.stderr).toContain('ANYQTAMA_NEW_PASSWORD');
  });
});

describe('anyqtama serve', () => {
  it('says where it listens, the host key fingerprint, how to connect and that the bot is not in this version', async () => {
    const dir = dirs.copy(seeded);
    const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--lang', 'ru', '--data-dir', dir], {
      cwd: PROJECT, env: { ...process.env, CI: 'true', ANYQTAMA_NOW: NOW }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    await expect.poll(() => stdout, { timeout: 20_000 }).toContain('Ctrl+C');
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    const port = /127\.0\.0\.1:(\d+)/.exec(stdout)?.[1];
    const pub = execFileSync('ssh-keygen', ['-lf', join(dir, 'ssh', 'host_ed25519.pub')], { encoding: 'utf8' }).split(' ')[1];
    expect(stdout).toContain(`Создан ключ сервера: ${join(dir, 'ssh', 'host_ed25519')}`);
    expect(stdout).toContain(`SSH-сервер ждёт подключений: 127.0.0.1:${port}`);
    expect(stdout).toContain(`Отпечаток ключа сервера: ${pub}`);
    expect(stdout).toContain(`Подключение: ssh -p ${port} kzo-clerk@127.0.0.1`);
    expect(stdout).toContain('Telegram-бот выключен: не задан ANYQTAMA_TELEGRAM_TOKEN');
    expect(stdout).toContain('Сервер остановлен, закрыто сеансов: 0.');
  });

  it('keeps its host key across restarts, readable by its owner only', async () => {
    const dir = dirs.copy(seeded);
    const first = await startServe(dir);
    await first.stop();
    const second = await startServe(dir);
    await second.stop();
    expect(second.fingerprint).toBe(first.fingerprint);
    expect(JSON.parse(second.stdout().split('\n')[0]!).hostKeyCreated).toBe(false);
    const mode = execFileSync('stat', ['-c', '%a', join(dir, 'ssh', 'host_ed25519')], { encoding: 'utf8' }).trim();
    expect(mode).toBe('600');
  });

  it('does not start a second time on the same data, naming the one that runs', async () => {
    const dir = dirs.copy(seeded);
    const running = await startServe(dir);
    try {
      const second = await cli(['serve', '--port', '0'], { dataDir: dir });
      expectExit(second, 1);
      expect(second.stderr).toContain(String(running.child.pid));
    } finally {
      await running.stop();
    }
  });

  it('refuses a port or idle time that cannot be', async () => {
    const port = await cli(['serve', '--port', '70000', '--lang', 'ru'], { dataDir: seeded });
    expectExit(port, 2);
    expect(port.stderr).toContain('номер порта от 0 до 65535');
    const idle = await cli(['serve', '--idle-minutes', '0', '--lang', 'ru'], { dataDir: seeded });
    expectExit(idle, 2);
    expect(idle.stderr).toContain('число минут больше 0');
  });

  it('refuses limits before log-in that cannot be', async () => {
    const startups = await cli(['serve', '--max-startups', '100:30:10', '--lang', 'ru'], { dataDir: seeded });
    expectExit(startups, 2);
    expect(startups.stderr).toContain('начало:процент:предел, например 10:30:100');
    const grace = await cli(['serve', '--login-grace-seconds', '0', '--lang', 'kk'], { dataDir: seeded });
    expectExit(grace, 2);
    expect(grace.stderr).toContain('0-ден үлкен сан');
  });
});

describe('host keys', () => {
  it('are always ones ssh2 reads back (its generator makes a malformed ed25519 key about once in 256)', () => {
    for (let i = 0; i < 1500; i++) {
      const pair = ed25519KeyPair(`k${i}`);
      for (const text of [pair.private, pair.public]) expect(ssh2Parse(text)).not.toBeInstanceOf(Error);
    }
  });
});

import ssh2 from 'ssh2';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { seededDir, TempDirs } from '../cli/helpers.js';
import { sshSession, startServe, type ServeHandle } from './helpers.js';

const PASSWORD = 'anyqtama-demo';
const dirs = new TempDirs();
let serve: ServeHandle;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

// Six seconds of idleness instead of fifteen minutes (--idle-minutes takes fractions).
beforeAll(async () => {
  serve = await startServe(await seededDir(dirs), { idleMinutes: 0.1 });
});

afterAll(async () => {
  await serve?.stop();
  dirs.removeAll();
});

// The three run side by side (three logins on one daemon): each spends its time waiting for the
// idle limit, so one after another they took three limits' worth of the suite's time.
describe.concurrent('idle sessions', () => {
  it('ends a session left without input and tells the clerk why, in their language', async ({ expect }) => {
    const session = await sshSession({ port: serve.port, login: 'ast-clerk', password: PASSWORD });
    await session.waitFor('ast-clerk');
    await session.closed;
    // Read as one text: the message wraps at 80 columns.
    expect(session.lines().join('')).toContain('Сеанс закрыт: 0.1 мин без действий. Подтверждённые данные сохранены; подключитесь снова.');
    await expect.poll(() => serve.stderr()).toContain('session of ast-clerk from 127.0.0.1 ended');
    session.close();
  });

  it('keeps a session open while the clerk types', async ({ expect }) => {
    const session = await sshSession({ port: serve.port, login: 'kzo-clerk', password: PASSWORD });
    await session.waitFor('kzo-clerk');
    let closed = false;
    void session.closed.then(() => (closed = true));
    // Nine seconds in all, a key every second: longer than the six idle seconds.
    for (let i = 0; i < 9; i++) {
      await sleep(1000);
      session.write(i % 2 === 0 ? '\x1b[B' : '\x1b[A');
    }
    expect(closed).toBe(false);
    await session.closed;
    expect(session.lines().join('')).toContain('әрекетсіз тұрғандықтан жабылды');
    session.close();
  });

  it('closes a logged-in connection that opens no session (ssh -N)', async ({ expect }) => {
    const client = new ssh2.Client();
    const closed = new Promise<void>((resolve) => client.once('close', () => resolve()));
    await new Promise<void>((resolve, reject) => {
      client.once('ready', () => resolve());
      client.once('error', reject);
      client.connect({ host: '127.0.0.1', port: serve.port, username: 'ekb-clerk', password: PASSWORD });
    });
    await closed;
    expect(serve.stderr()).toContain('login ekb-clerk from 127.0.0.1');
  });
});

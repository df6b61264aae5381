import { existsSync, lstatSync, readFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, expectExit, expectNoCrash, json, seededDir, TempDirs } from '../cli/helpers.js';
import { DEMO_PASSWORD } from '../../src/demo/users.js';
import { sshSession, startServe, tryKeyboardLogin, type ServeHandle } from '../ssh/helpers.js';

/**
 * The command line while `serve` holds the embedded store (issue 13): every command works the
 * same whether the daemon runs or not, because the daemon answers on DATA_DIR/control.sock and
 * runs the command on its own store.
 */

const dirs = new TempDirs();
let seeded: string;

beforeAll(async () => {
  seeded = await seededDir(dirs);
});
afterAll(() => dirs.removeAll());

/** Waits until `check` holds (no fixed sleep: a loaded machine only makes it take longer). */
async function until(check: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** One raw exchange on the control socket: what a client that is not ours could send. */
function rawExchange(path: string, payload: string | Buffer): Promise<string> {
  return new Promise((resolve) => {
    const socket = createConnection(path);
    let received = '';
    socket.setEncoding('utf8');
    socket.on('data', (d: string) => (received += d));
    socket.on('error', () => undefined);
    socket.on('close', () => resolve(received));
    socket.on('connect', () => socket.write(payload));
  });
}

describe('the command line while serve runs', () => {
  let dir: string;
  let serve: ServeHandle;

  beforeAll(async () => {
    dir = dirs.copy(seeded);
    serve = await startServe(dir);
    // The control socket opens right after the SSH server: serve says so on stdout.
    await until(() => serve.stdout().includes('control.sock'), 'the control socket');
  });
  afterAll(async () => {
    await serve.stop();
  });

  it('answers reading commands from the running store', async () => {
    const status = await cli(['status', '26-000001-9', '--lang', 'ru'], { dataDir: dir });
    expectExit(status, 0);
    expect(status.stdout).toContain('26-000001-9');
    const list = await cli(['list', '--json'], { dataDir: dir });
    expectExit(list, 0);
    expect(json<unknown[]>(list).length).toBeGreaterThan(10);
    const verify = await cli(['verify', '--number', '26-000001-9', '--code', 'NOPE-NOPE'], { dataDir: dir });
    expectNoCrash(verify);
    expect(verify.stderr).not.toContain('PID');
  });

  it('writes files where the user stands, not where the daemon runs', async () => {
    const here = dirs.make('cwd');
    const exported = await cli(['export', '--format', 'csv', '-o', 'all.csv'], { dataDir: dir, cwd: here });
    expectExit(exported, 0);
    expect(readFileSync(join(here, 'all.csv'), 'utf8')).toContain('26-000001-9');
    const pdf = await cli(['pdf', '26-000001-9'], { dataDir: dir, cwd: here });
    expectExit(pdf, 0);
    expect(pdf.stdout).toContain(here);
  });

  it('passes raw bytes through for -o -', async () => {
    const pdf = await cli(['pdf', '26-000001-9', '-o', '-'], { dataDir: dir });
    expectExit(pdf, 0);
    expect(pdf.stdout.startsWith('%PDF-')).toBe(true);
  });

  it('lets an administrator reset a password the running SSH server then accepts', async () => {
    const changed = await cli(['users', 'password', 'ast-clerk', '--as', 'admin'], { dataDir: dir, env: { ANYQTAMA_NEW_PASSWORD: 'new-secret-2026' } });
    expectExit(changed, 0);
    const login = await tryKeyboardLogin({ port: serve.port, login: 'ast-clerk', password: 'new-secret-2026' });
    expect(login.ok).toBe(true);
  });

  it("makes a change through the daemon, so a clerk's open screen shows it at once", async () => {
    const clerk = await sshSession({ port: serve.port, login: 'ekb-clerk', password: DEMO_PASSWORD, cols: 100, rows: 30 });
    try {
      await clerk.waitFor('26-000010-0', 20_000);
      const taken = await cli(['act', '26-000010-0', 'take', '--as', 'ekb-clerk', '--json'], { dataDir: dir });
      expectExit(taken, 0);
      const status = await cli(['status', '26-000010-0', '--json'], { dataDir: dir });
      expect(json(status).state).toBe('IN_WORK');
      // The request leaves the clerk's list of new requests without a key pressed.
      await until(() => !clerk.screen().includes('26-000010-0'), 'the queue to drop the taken request');
    } finally {
      clerk.close();
    }
  });

  it('refuses commands that must own the store, naming the daemon', async () => {
    const demo = await cli(['demo'], { dataDir: dir });
    expect(demo.code).not.toBe(0);
    expect(demo.stderr).toContain(String(serve.child.pid));
    expectNoCrash(demo);
  });

  it('keeps the socket to the owner, and survives hostile clients', async () => {
    const socket = join(dir, 'control.sock');
    const mode = lstatSync(socket).mode;
    expect(lstatSync(socket).isSocket()).toBe(true);
    expect(mode & 0o077).toBe(0);
    expect(await rawExchange(socket, 'this is not json\n')).toContain('"exit":2');
    expect(await rawExchange(socket, `${JSON.stringify({ v: 1, argv: ['serve', '--port', '0'], cwd: '/', env: {}, osUser: 'x' })}\n`)).toContain('"exit":2');
    // A line that never ends is cut off at 1 MB, not buffered for ever.
    expect(await rawExchange(socket, Buffer.alloc(2 * 1024 * 1024, 0x61))).toBe('');
    const still = await cli(['status', '26-000001-9'], { dataDir: dir });
    expectExit(still, 0);
    expect(serve.child.exitCode).toBeNull();
  });
});

describe('after serve', () => {
  it('removes its socket when it stops, and a socket left by a killed daemon does not get in the way', async () => {
    const dir = dirs.copy(seeded);
    const stopped = await startServe(dir);
    await expect.poll(() => existsSync(join(dir, 'control.sock')), { timeout: 20_000 }).toBe(true);
    await stopped.stop();
    expect(existsSync(join(dir, 'control.sock'))).toBe(false);

    const killed = await startServe(dir);
    await expect.poll(() => existsSync(join(dir, 'control.sock')), { timeout: 20_000 }).toBe(true);
    killed.child.kill('SIGKILL');
    await killed.stop();
    expect(existsSync(join(dir, 'control.sock'))).toBe(true);
    const list = await cli(['list', '--json'], { dataDir: dir });
    expectExit(list, 0);
    // And the next serve takes the socket over.
    const next = await startServe(dir);
    try {
      await expect.poll(() => next.stdout(), { timeout: 20_000 }).toContain('control.sock');
      expectExit(await cli(['status', '26-000001-9'], { dataDir: dir }), 0);
    } finally {
      await next.stop();
    }
  });
});

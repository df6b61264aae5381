import { execFileSync } from 'node:child_process';
import { cp } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { NOW, PROJECT, TempDirs, cli, expectExit, json, seededDir } from '../cli/helpers.js';
import { fillRefusal, sshSession, startServe, type ServeHandle, type SshSession } from '../ssh/helpers.js';
import { isRoot, mountTmpfs, NEEDS_ROOT, type Tmpfs } from './tmpfs.js';

/**
 * Findings 2026-12-rel B1, end to end: `anyqtama serve` on a real tmpfs, a clerk over SSH refuses
 * a request (a signed letter) while the disk is full. Before the fix the daemon died with every
 * session and the bot; now the clerk reads why, the request is unchanged, another clerk logs in
 * and reads, and after space is freed the same confirmation makes the decision.
 */
const dirs = new TempDirs();
let template: string;
let fs: Tmpfs | null = null;
const open: Array<SshSession | ServeHandle> = [];

beforeAll(async () => {
  if (!isRoot) return;
  template = await seededDir(dirs);
  fs = mountTmpfs('full-serve', '16m');
});
afterEach(async () => {
  for (const thing of open.splice(0).reverse()) {
    if ('stop' in thing) await thing.stop();
    else thing.close();
  }
});
afterAll(() => {
  fs?.unmount();
  dirs.removeAll();
});

const RIGHT = '\x1b[C';

async function login(port: number, who: string): Promise<SshSession> {
  const session = await sshSession({ port, login: who, password: 'anyqtama-demo', cols: 120, rows: 30 });
  open.push(session);
  await session.waitFor(who);
  return session;
}

describe.skipIf(!isRoot)(`serve on a full disk (${NEEDS_ROOT})`, () => {
  it('a refusal the disk cannot store is a message to that clerk; serve, the other sessions and reads go on; after freeing space it is made', async () => {
    const disk = fs!;
    await cp(template, disk.data, { recursive: true });
    const inWork = json<Array<{ number: string }>>(await cli(['list', '--state', 'IN_WORK', '--office', 'kzo-archives', '--json'], { dataDir: disk.data, now: NOW })).map((r) => r.number);
    const number = inWork[0]!;
    const serve = await startServe(disk.data);
    open.push(serve);

    const clerk = await login(serve.port, 'kzo-clerk');
    clerk.write(RIGHT); // → "in work"
    await clerk.waitFor(number);
    clerk.write('\r');
    await clerk.waitFor(`№ ${number}`);
    await fillRefusal(clerk, number);

    await disk.fill();
    clerk.write('\r');
    await clerk.waitFor('Серверде бос орын қалмады', 20_000);
    expect(clerk.screen()).toContain('Серверде бос орын қалмады: шешім сақталмады. Әкімшіге хабарлаңыз.');
    // The daemon is alive and said nothing of a crash.
    await new Promise((r) => setTimeout(r, 500));
    expect(serve.child.exitCode).toBeNull();
    expect(serve.stderr()).not.toMatch(/throw|ENOSPC/);

    // Another clerk (another office, Russian) logs in and reads the office's queue.
    const other = await login(serve.port, 'ast-clerk');
    await other.waitFor(/\d+–\d+ из \d+/);
    // The same office's second session still lists the request in work: unchanged.
    const second = await login(serve.port, 'kzo-clerk');
    second.write(RIGHT);
    await second.waitFor(number);
    second.write('\r');
    await second.waitFor(`№ ${number}`);
    expect(second.screen()).toContain('Жұмыста');

    await disk.free();
    clerk.write('\r'); // the same confirmation, once there is room
    await clerk.waitFor(/PDF сақталды/, 20_000);
    expect(serve.child.exitCode).toBeNull();

    open.splice(0).reverse().forEach((t) => 'stop' in t || t.close());
    const stopped = await serve.stop();
    expect(stopped.code).toBe(0);
    const status = await cli(['status', number, '--json'], { dataDir: disk.data });
    expectExit(status, 0);
    expect(json<{ state: string }>(status).state).toBe('REFUSED');
    console.log(`serve on a full disk: survived (exit ${stopped.code} on SIGTERM afterwards); clerk saw the kk message; ${number} refused after freeing space`);
  }, 120_000);
});

describe('serve\'s handler of unhandled rejections', () => {
  it('logs the class and code of a rejection nobody awaited, never its message, and the process goes on', () => {
    const serveJs = join(PROJECT, 'dist', 'src', 'cli', 'commands', 'serve.js');
    const script = `
      const { keepRunningOnRejection } = await import(${JSON.stringify(serveJs)});
      keepRunningOnRejection((line) => console.log(line));
      Promise.reject(Object.assign(new Error('refusal for Серікбаев 870214400019'), { code: 'ENOSPC' }));
      Promise.reject('plain');
      setTimeout(() => console.log('still running'), 200);`;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(out).toMatch(/^unhandled rejection Error ENOSPC, the daemon keeps running/m);
    expect(out).toMatch(/^unhandled rejection \(string\), the daemon keeps running$/m);
    expect(out).toMatch(/^still running$/m);
    expect(out).not.toMatch(/870214400019|Серікбаев/);
  });
});

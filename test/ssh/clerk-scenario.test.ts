import { cp } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { NOW, TempDirs, cli, json, seededDir } from '../cli/helpers.js';
import { closedAfterEach, fillRefusal, sshSession, startServe, type ServeHandle, type SshSession } from './helpers.js';

/** The clerk's scenario of test/tui/clerk.test.ts, over SSH against `anyqtama serve`, with ssh2's client. */
const dirs = new TempDirs();
let template: string;
const open = closedAfterEach();

beforeAll(async () => {
  template = await seededDir(dirs);
});

const DOWN = '\x1b[B';
const UP = '\x1b[A';
const numbersOn = (s: SshSession) => s.lines().flatMap((row) => row.match(/\b\d{2}-\d{6}-\d\b/g) ?? []);

async function serving(): Promise<{ dir: string; serve: ServeHandle; inWork: string[]; received: string[] }> {
  const dir = dirs.make('ssh');
  await cp(template, dir, { recursive: true });
  const list = async (state: string) =>
    json<Array<{ number: string }>>(await cli(['list', '--state', state, '--office', 'kzo-archives', '--json'], { dataDir: dir, now: NOW })).map((r) => r.number);
  const inWork = await list('IN_WORK');
  const received = await list('SUBMITTED');
  const serve = await startServe(dir);
  open.push(serve);
  return { dir, serve, inWork, received };
}

async function clerk(port: number): Promise<SshSession> {
  const session = await sshSession({ port, login: 'kzo-clerk', password: 'anyqtama-demo', cols: 80, rows: 24 });
  open.push(session);
  await session.waitFor(/\d{2}-\d{6}-\d/);
  return session;
}

describe('a clerk over SSH', () => {
  it('works the queue: one highlighted row after any moves, opens a request, takes it and refuses it with a signed letter', async () => {
    const { serve, inWork, received } = await serving();
    const s = await clerk(serve.port);
    expect(s.screen()).toContain('kzo-clerk');
    s.write('\x1b[C'); // → "in work"
    await s.waitFor('[Жұмыста]');
    await s.waitFor(inWork[0]!);
    let at = 0;
    for (const key of [DOWN, DOWN, UP, DOWN, UP, UP, DOWN]) {
      s.write(key);
      at = Math.max(0, Math.min(inWork.length - 1, at + (key === DOWN ? 1 : -1)));
      // Wait for the frame (a loaded machine answers late), then check the whole screen.
      await expect.poll(() => s.highlightedRows().map((r) => s.lines()[r]).join('|'), { timeout: 5000 }).toContain(inWork[at]!);
      await s.settle(100);
      const rows = s.highlightedRows();
      expect(rows).toHaveLength(1);
      expect(s.lines()[rows[0]!]).toContain(inWork[at]);
      expect(numbersOn(s)).toEqual(inWork);
    }

    s.write('\x1b[D'); // ← back to "received"
    await s.waitFor(received[0]!);
    s.write('\r');
    await s.waitFor(`№ ${received[0]}`);
    s.write('t');
    await s.waitFor(`${received[0]}: жұмысқа алу`);
    s.write('\r');
    await s.waitFor('Орындалды: жұмысқа алу');
    await fillRefusal(s, received[0]!);
    s.write('\r');
    await s.waitFor(/PDF сақталды/, 20_000);
  });

  it('a decision in one session reaches another clerk\'s open queue without a key pressed', async () => {
    const { serve, received } = await serving();
    const watcher = await clerk(serve.port);
    await watcher.waitFor(received[0]!);
    const actor = await clerk(serve.port);
    await actor.waitFor(received[0]!);
    actor.write('\r');
    await actor.waitFor(`№ ${received[0]}`);
    // "take" and its confirmation in one packet, as a quick typist on a slow link sends them.
    actor.write('t\r');
    await actor.waitFor('Орындалды: жұмысқа алу');
    // The watcher's "received" tab no longer lists the request taken into work.
    await watcher.settle(300);
    await expect.poll(() => numbersOn(watcher).includes(received[0]!), { timeout: 5000 }).toBe(false);
  });
});

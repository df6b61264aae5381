import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededDir, TempDirs } from '../../cli/helpers.js';
import { sshSession, startServe, type ServeHandle, type SshSession } from '../../ssh/helpers.js';
import { PASSWORD, RIGHT, rawTerminal, rssMb, stopHard, until, type RawTerminal } from './attack.js';

/**
 * Findings 2026-12, B2: any logged-in user (call-centre too) asking for a 65535×65535 pty pinned
 * a core and grew the daemon to ~1 GB; nobody could log in for a quarter of an hour.
 */
const dirs = new TempDirs();
let serve: ServeHandle;
const opened: Array<RawTerminal | SshSession> = [];

beforeAll(async () => {
  serve = await startServe(await seededDir(dirs));
});

afterAll(async () => {
  for (const thing of opened) thing.close();
  await stopHard(serve);
  dirs.removeAll();
});

describe('a terminal too big to draw', () => {
  it('does not keep another clerk from logging in and moving the cursor, and the asker is told the size was limited', async () => {
    const pid = serve.child.pid!;
    const rssBefore = rssMb(pid);
    const attacker = await rawTerminal({ port: serve.port, login: 'callcentre', cols: 65535, rows: 65535 });
    opened.push(attacker);
    // And once more as a window-change, the other way in.
    attacker.resize(65535, 65535);

    const started = Date.now();
    const clerk = await sshSession({ port: serve.port, login: 'kzo-clerk', password: PASSWORD });
    opened.push(clerk);
    await clerk.waitFor(/\d{2}-\d{6}-\d/, 20_000);
    // → moves to the "in work" tab.
    clerk.write(RIGHT);
    await clerk.waitFor('[Жұмыста]', 20_000);
    const elapsed = Date.now() - started;
    const rssAfter = rssMb(pid);
    console.log(`huge pty: another clerk logged in and moved the cursor in ${elapsed} ms; daemon RSS ${rssBefore} → ${rssAfter} MB`);
    // Generous for a loaded 2-core machine; under the attack it used to take a quarter of an hour.
    expect(elapsed).toBeLessThan(15_000);
    // Today's daemon grew by 500–900 MB with this terminal.
    expect(rssAfter - rssBefore).toBeLessThan(200);

    // The call-centre login reads Russian.
    const note = 'Размер терминала ограничен до 400×200 (запрошено 65535×65535).';
    await until(() => attacker.text().includes(note), 'the note on the size');
    expect(attacker.text().split(note)).toHaveLength(2);
  });

  it('tells a clerk whose window grew past the limit once, below the screen, and the screen still works', async () => {
    const clerk = await sshSession({ port: serve.port, login: 'ast-clerk', password: PASSWORD, cols: 80, rows: 24 });
    opened.push(clerk);
    await clerk.waitFor('ast-clerk', 20_000);
    clerk.resize(1000, 40);
    const note = 'Размер терминала ограничен до 400×40 (запрошено 1000×40).';
    await clerk.waitFor(note);
    clerk.resize(1200, 40);
    clerk.write(RIGHT);
    await clerk.waitFor('[В работе]');
    await clerk.settle();
    expect(clerk.screen()).toContain('ast-clerk');
    expect(clerk.output().split(note)).toHaveLength(2);
    expect(clerk.output()).not.toContain('(запрошено 1200×40)');
  });
});

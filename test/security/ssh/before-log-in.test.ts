import { cp } from 'node:fs/promises';
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededDir, TempDirs } from '../../cli/helpers.js';
import { sshSession, startServe, type ServeHandle } from '../../ssh/helpers.js';
import { idleSockets, openFds, PASSWORD, slowTypist, stopHard, until, type Flood } from './attack.js';

/**
 * Findings 2026-12, M2 and "before log-in": a TCP connection that never spoke was never closed,
 * a slowloris kept its connection for minutes, and ~1100 idle sockets used up the daemon's file
 * descriptors so that no clerk could log in.
 */
const dirs = new TempDirs();
let template: string;
const serves: ServeHandle[] = [];
const floods: Flood[] = [];

beforeAll(async () => {
  template = await seededDir(dirs);
});

afterAll(async () => {
  for (const flood of floods) flood.closeAll();
  for (const serve of serves) await stopHard(serve);
  dirs.removeAll();
});

/** A daemon on its own copy of the demo data (one daemon per data dir). */
async function serving(options: Parameters<typeof startServe>[1]): Promise<ServeHandle> {
  const dir = dirs.make('security');
  await cp(template, dir, { recursive: true });
  const serve = await startServe(dir, options);
  serves.push(serve);
  return serve;
}

/** Resolves with the milliseconds from connect until the server closed the socket. */
function closedAfter(socket: Socket): Promise<number> {
  const started = Date.now();
  socket.on('error', () => undefined);
  // Read what comes (the server's ident), or the end of the stream is never seen.
  socket.resume();
  return new Promise((resolve) => socket.once('close', () => resolve(Date.now() - started)));
}

describe('connections that do not log in', () => {
  it('are closed after the log-in grace time, counted from the TCP connect: silent ones and slow ones', async () => {
    const serve = await serving({ args: ['--login-grace-seconds', '1'] });

    const silent = connect({ host: '127.0.0.1', port: serve.port });
    const slow = connect({ host: '127.0.0.1', port: serve.port });
    const silentClosed = closedAfter(silent);
    const slowClosed = closedAfter(slow);
    // One byte of the identification every 300 ms: it would take 6 s to say it all.
    const ident = 'SSH-2.0-slowloris_0.1\r\n';
    let sent = 0;
    const drip = setInterval(() => {
      if (sent < ident.length && !slow.destroyed) slow.write(ident[sent++]!);
    }, 300);
    const [silentMs, slowMs] = await Promise.all([silentClosed, slowClosed]);
    clearInterval(drip);
    console.log(`grace 1 s: silent socket closed after ${silentMs} ms, slowloris after ${slowMs} ms (${sent} of ${ident.length} ident bytes sent)`);
    expect(sent).toBeLessThan(ident.length);
    expect(serve.stderr()).toMatch(/connections closed before log-in: grace \d/);
  });

  it('cannot lock clerks out: 1500 idle sockets from 150 addresses against a daemon limited to 1024 files', async () => {
    const serve = await serving({ prefix: ['prlimit', '--nofile=1024:1024', '--'] });
    const pid = serve.child.pid!;
    const flood = idleSockets(serve.port, 1500, 10);
    floods.push(flood);
    await until(() => flood.settled() === 1500, 'all 1500 sockets connected or refused', 60_000);
    const fds = openFds(pid);

    const started = Date.now();
    const clerk = await sshSession({ port: serve.port, login: 'kzo-clerk', password: PASSWORD, localAddress: '127.0.0.1' });
    await clerk.waitFor(/\d{2}-\d{6}-\d/, 20_000);
    const elapsed = Date.now() - started;
    clerk.close();
    // The waiting room holds at most 100 (MaxStartups full); the rest were closed at accept.
    await until(() => flood.open() <= 100, 'at most 100 of the idle sockets held', 10_000);
    console.log(`1500 idle sockets: ${flood.open()} held open by the daemon, daemon fds ${fds}; a clerk got a screen in ${elapsed} ms`);
    expect(serve.stderr()).toMatch(/connections closed before log-in: .*(full|early-drop) \d/);
  }, 120_000);

  it('from one address are held twenty at a time, and the others are closed at once', async () => {
    // No random early drop below 30 waiting, so what closes them is the limit per address.
    const serve = await serving({ args: ['--max-startups', '30:30:100'] });
    const flood = idleSockets(serve.port, 60, 60);
    floods.push(flood);
    await until(() => flood.settled() === 60, 'all 60 sockets connected or refused');
    await until(() => flood.open() <= 20, 'at most 20 held from one address', 10_000);
    expect(serve.stderr()).toMatch(/connections closed before log-in: per-address \d/);
    // Another address is not held back by it.
    const clerk = await sshSession({ port: serve.port, login: 'kzo-clerk', password: PASSWORD });
    await clerk.waitFor('kzo-clerk', 20_000);
    clerk.close();
  });

  it('cannot push out a clerk typing a password: 300 addresses that reconnect each socket the server closes', async () => {
    const serve = await serving({});
    const flood = idleSockets(serve.port, 300, 1, { reconnectMs: 500 });
    floods.push(flood);
    await until(() => flood.settled() === 300, 'all 300 sockets connected or refused', 60_000);
    const started = Date.now();
    // Three seconds at the password prompt while the room churns.
    const ok = await slowTypist({ port: serve.port, login: 'kzo-clerk', typingMs: 3000 });
    flood.closeAll();
    console.log(`reconnecting flood from 300 addresses: a clerk typing for 3 s logged in: ${ok}, in ${Date.now() - started} ms`);
    expect(ok).toBe(true);
    expect(serve.stderr()).toMatch(/connections closed before log-in: .*evicted \d/);
  });
});

import { EventEmitter } from 'node:events';
import { Duplex } from 'node:stream';
import type { ServerChannel, Session } from 'ssh2';
import { describe, expect, it } from 'vitest';
import { ShellSession, type TerminalAppStart } from '../../../src/ssh/session.js';
import type { User } from '../../../src/store/port.js';
import { until } from './attack.js';

/**
 * What one session may hold in the daemon's memory for a client that misbehaves. These drive a
 * ShellSession over a stand-in channel: a real client cannot be made to fill megabytes quickly
 * (Ink sends ~60 bytes per redraw and throttles frames), but an attacker's patient one can.
 */

/** A channel whose client never takes a byte: every write stays buffered, as when its SSH window is shut. */
function stuckChannel() {
  const channel = new Duplex({ read() {}, write(_chunk, _encoding, _done) { /* never acknowledged */ } });
  let destroyed = false;
  return Object.assign(channel, {
    exit: () => undefined,
    stderr: { write: () => true },
    destroy() {
      destroyed = true;
      return channel;
    },
    wasDestroyed: () => destroyed,
  });
}

function shell(channel: ReturnType<typeof stuckChannel>, run: (start: TerminalAppStart) => void) {
  const session = new EventEmitter();
  const lines: string[] = [];
  let ended = false;
  new ShellSession(session as unknown as Session, {
    user: { login: 'callcentre', role: 'callcentre', fullName: 'Demo', createdAt: '2026-01-01T00:00:00Z' } as User,
    source: '127.0.0.9', lang: 'ru', idleMs: 60_000, log: (line) => lines.push(line),
    onEnd: () => (ended = true),
    start: (start) => {
      run(start);
      return { unmount: () => undefined, waitUntilExit: () => new Promise<void>(() => undefined) };
    },
  });
  session.emit('pty', () => undefined, () => undefined, { term: 'xterm', cols: 80, rows: 24 });
  session.emit('shell', () => channel as unknown as ServerChannel, () => undefined);
  return { lines, ended: () => ended };
}

describe('a session whose client does not read', () => {
  it('is cut once 2 MB wait for it, instead of the daemon holding all it would be sent', async () => {
    const channel = stuckChannel();
    const frame = 'x'.repeat(100_000);
    const session = shell(channel, (start) => {
      // 10 MB of frames, one per turn of the event loop, as a busy screen would send them.
      let sent = 0;
      const next = () => {
        if (sent++ < 100 && !session.ended()) {
          start.stdout.write(frame);
          setImmediate(next);
        }
      };
      setImmediate(next);
    });
    await until(() => session.ended(), 'the session ended', 10_000);
    expect(channel.writableLength).toBeLessThanOrEqual(2 * 1024 * 1024);
    expect(channel.wasDestroyed()).toBe(true);
    expect(session.lines.join('\n')).toMatch(/session of callcentre from 127.0.0.9 cut: the client left \d+ bytes unread/);
  });
});

describe('a session sent keys faster than the program reads them', () => {
  it('stops taking them from the channel, so the SSH window holds them back in the client', async () => {
    const channel = stuckChannel();
    let stdin: TerminalAppStart['stdin'] | undefined;
    // A program that never reads its keys: a screen busy with a long query.
    shell(channel, (start) => (stdin = start.stdin));
    // 2 MB of keys arrive (the whole SSH window); what the channel does not take stays in its
    // own buffer, which is the client's window in real life.
    for (let i = 0; i < 64; i++) channel.push(Buffer.alloc(32_768, 0x61));
    await new Promise((resolve) => setImmediate(resolve));
    expect(channel.isPaused()).toBe(true);
    expect(stdin!.writableLength).toBeLessThan(100_000);
    // Once the program reads, keys flow again.
    stdin!.resume();
    await until(() => !channel.isPaused(), 'the channel resumed', 5000);
  });
});

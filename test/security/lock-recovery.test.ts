import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { contender, killAll, staleLock, type Contender } from './race.js';

// M4: a restart must get the store back by itself whatever the former holder's lock file says,
// and a holder killed with SIGKILL must not keep it. Each contender is a fresh process opening
// the compiled store with LowdbStore.open, the call `serve` and every command make.
const NOW = { ANYQTAMA_GO: 'now' };

async function freshDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'aq-recover-'));
  onTestFinished(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

function tracked(c: Contender): Contender {
  onTestFinished(killAll);
  return c;
}

/** A restart of the store's process: it must become the owner on its own, no file removed by hand. */
async function restart(dir: string, command?: string[]): Promise<string> {
  const c = tracked(contender('store', dir, [], NOW, command));
  const answer = await c.line('OWNER', 'HELD');
  c.child.stdin!.end('END\n');
  expect((await c.exited).code).toBe(0);
  return answer;
}

describe('a restart after the holder is gone takes the store back by itself (M4)', () => {
  it('when the lock names another host (the container was re-created)', async () => {
    const dir = await freshDir();
    await staleLock(dir, { pid: 999_999, host: 'old-container-4f1a' });
    expect(await restart(dir)).toMatch(/^OWNER /);
    expect(JSON.parse(await readFile(join(dir, 'store.lock'), 'utf8'))).toMatchObject({ host: hostname(), command: 'lock-child' });
  });

  it('when the lock names a live, unrelated process (the PID was reused)', async () => {
    const dir = await freshDir();
    const unrelated = spawn('sleep', ['30'], { stdio: 'ignore' });
    onTestFinished(() => void unrelated.kill('SIGKILL'));
    await staleLock(dir, { pid: unrelated.pid! });
    expect(await restart(dir)).toMatch(/^OWNER /);
    expect(unrelated.exitCode).toBeNull(); // it was neither killed nor waited for
  });

  const root = process.getuid?.() === 0;
  const unshare = spawnSync('unshare', ['--version']).status === 0;
  const why = !root ? 'needs root for unshare -fp (a new PID namespace)' : 'needs util-linux unshare';
  it.skipIf(!root || !unshare)(`when the new process is PID 1 of a fresh PID namespace and the lock names PID 1 (container restart)${root && unshare ? '' : ` — skipped: ${why}`}`, async () => {
    const dir = await freshDir();
    await staleLock(dir, { pid: 1 });
    const answer = await restart(dir, ['unshare', '-fp', '--mount-proc', process.execPath]);
    expect(answer).toMatch(/^OWNER 1 /); // it really ran as PID 1, the PID the lock names
  });
});

describe('a holder killed with SIGKILL', () => {
  it('keeps others out while it lives, and the next process gets the store at once after the kill', async () => {
    const dir = await freshDir();
    await staleLock(dir);
    const holder = tracked(contender('store', dir, ['--hold', '--grandchild'], NOW));
    const holderPid = Number((await holder.line('OWNER')).split(' ')[1]);
    // The holder started a long-lived child: were the lock's descriptor inherited, that child
    // would keep the lock after the holder's death.
    const grandchild = Number((await holder.line('GRANDCHILD')).split(' ')[1]);
    onTestFinished(() => {
      try {
        process.kill(grandchild, 'SIGKILL');
      } catch {
        /* gone */
      }
    });

    const refused = tracked(contender('store', dir, [], NOW));
    expect(await refused.line('OWNER', 'HELD')).toBe(`HELD ${holderPid}`);
    await refused.exited;

    holder.child.kill('SIGKILL');
    expect((await holder.exited).signal).toBe('SIGKILL');
    expect(() => process.kill(grandchild, 0)).not.toThrow(); // still alive
    // Reaped, so the kernel has closed its descriptors: the very first flock of the next one succeeds.
    const next = tracked(contender('store', dir, [], NOW));
    const answer = await next.line('OWNER', 'HELD');
    expect(answer).toMatch(/^OWNER /);
    console.log(`after SIGKILL of the holder, LowdbStore.open in the next process took ${answer.split(' ')[2]} ms (lock and recovery)`);
    next.child.stdin!.end('END\n');
    expect((await next.exited).code).toBe(0);
  });
});

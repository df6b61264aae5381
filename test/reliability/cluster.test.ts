import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { TempDirs } from '../cli/helpers.js';
import type { SshSession } from '../ssh/helpers.js';
import { backToQueue, clerkOn, numbersOn, privatePostgres, SAID, sleep, startCluster, takeFirst, waitForAny, type Cluster } from './cluster.js';

/**
 * Two `anyqtama serve` processes on one PostgreSQL database, as a region runs them behind one
 * address: clerks on both, a process killed with -9, the database restarted under them.
 */
const dirs = new TempDirs();
const open: Array<Cluster | SshSession | { destroy(): Promise<void> }> = [];
afterEach(async () => {
  for (const thing of open.splice(0).reverse()) {
    if ('destroy' in thing) await thing.destroy();
    else if ('serves' in thing) await thing.close();
    else thing.close();
  }
});
afterAll(() => dirs.removeAll());

const track = <T extends Cluster | SshSession | { destroy(): Promise<void> }>(thing: T): T => {
  open.push(thing);
  return thing;
};

/** Takes requests from the top of the clerk's queue until `count` are done or the session ends. */
async function burst(s: SshSession, count: number, acknowledged: string[], log: string[] = []): Promise<void> {
  for (let i = 0; i < count; i++) {
    const taken = await takeFirst(s);
    if (taken.done) acknowledged.push(taken.number);
    else log.push(taken.said);
    await backToQueue(s);
    if (taken.done) await expect.poll(() => numbersOn(s)[0] !== taken.number, { timeout: 10_000 }).toBe(true);
  }
}

describe('two serve processes on one database', () => {
  it('a decision taken on one process reaches a clerk\'s open queue on the other within 2 s', async () => {
    const cluster = track(await startCluster(dirs));
    const a = await cluster.start();
    const b = await cluster.start();
    const watcher = track(await clerkOn(b));
    const actor = track(await clerkOn(a));
    const target = numbersOn(actor)[0]!;
    expect(numbersOn(watcher)).toContain(target);
    actor.write('\r');
    await actor.waitFor(`№ ${target}`);
    actor.write('t');
    await actor.waitFor(`${target}: жұмысқа алу`);
    // From the clerk's Enter on A to the row gone from the other clerk's screen on B.
    const at = Date.now();
    actor.write('\r');
    await expect.poll(() => numbersOn(watcher).includes(target), { timeout: 5000, interval: 10 }).toBe(false);
    const ms = Date.now() - at;
    await waitForAny(actor, [SAID.done], 5000);
    console.log(`a decision on process A reached the clerk on process B ${ms} ms after the Enter`);
    expect(ms).toBeLessThanOrEqual(2000);
  });

  it('of two clerks on two processes acting on one request, one succeeds and the other is told of the conflict; the history has one step', async () => {
    const cluster = track(await startCluster(dirs));
    const a = await cluster.start();
    const b = await cluster.start();
    const first = track(await clerkOn(a));
    const second = track(await clerkOn(b));
    const target = numbersOn(first)[0]!;
    expect(numbersOn(second)[0]).toBe(target);
    for (const s of [first, second]) {
      s.write('\r');
      await s.waitFor(`№ ${target}`);
      s.write('t');
      await s.waitFor(`${target}: жұмысқа алу`);
    }
    // Both confirm at the same moment.
    first.write('\r');
    second.write('\r');
    const outcomes = await Promise.all([first, second].map((s) => waitForAny(s, [SAID.done, SAID.conflict], 15_000)));
    expect(outcomes.sort()).toEqual([0, 1]);
    const store = await cluster.store();
    const stored = (await store.getByNumber(target))!;
    expect(stored.state).toBe('IN_WORK');
    expect(stored.version).toBe(2);
    expect(stored.history.map((e) => e.action)).toEqual(['register', 'take']);
  });

  it('kill -9 of one process in the middle of a burst: nothing acknowledged is lost, the other carries on, the restarted one rejoins', async () => {
    const cluster = track(await startCluster(dirs, { extra: 14, offices: ['kzo-archives', 'ast-state-archive'] }));
    const a = await cluster.start();
    const b = await cluster.start();
    const onA = track(await clerkOn(a, 'kzo-clerk'));
    const onB = track(await clerkOn(b, 'ast-clerk'));
    const ackedA: string[] = [];
    const ackedB: string[] = [];
    const burstA = burst(onA, 14, ackedA).catch((error: Error) => error);
    const burstB = burst(onB, 10, ackedB).catch((error: Error) => { throw new Error(`${error.message}\n--- serve B stderr:\n${b.stderr().slice(-3000)}`); });
    void burstB.catch(() => undefined);
    await expect.poll(() => ackedA.length, { timeout: 30_000 }).toBeGreaterThanOrEqual(3);
    a.child.kill('SIGKILL');
    const killedAfter = ackedA.length;
    // The session on A ends with its process; the clerk on B does not notice.
    expect(await burstA).toBeInstanceOf(Error);
    await burstB;
    expect(ackedB).toHaveLength(10);

    const store = await cluster.store();
    for (const number of [...ackedA, ...ackedB]) expect((await store.getByNumber(number))!.state, number).toBe('IN_WORK');
    expect(ackedA.length).toBeGreaterThanOrEqual(killedAfter);
    console.log(`kill -9 mid-burst: ${ackedA.length} acknowledged on the killed process, ${ackedB.length} on the survivor, all stored`);

    // The restarted process serves the same queue, with what was taken gone from it.
    const again = await cluster.start();
    const back = track(await clerkOn(again, 'kzo-clerk'));
    for (const number of ackedA) expect(numbersOn(back)).not.toContain(number);
    const more: string[] = [];
    await burst(back, 2, more);
    expect(more).toHaveLength(2);
    for (const number of more) expect((await store.getByNumber(number))!.state).toBe('IN_WORK');
    // Every step of every request is whole: one 'take' per request taken, none twice.
    const taken = (await store.list({ states: ['IN_WORK'], limit: 500 })).items;
    for (const summary of taken) {
      const r = (await store.get(summary.id))!;
      expect(r.history.filter((e) => e.action === 'take').length).toBeLessThanOrEqual(1);
      expect(r.history.map((e) => e.seq)).toEqual(r.history.map((_, i) => i + 1));
    }
  }, 180_000);

  it('PostgreSQL restarted in the middle of a burst: clerks are told to try again, the processes reconnect by themselves, nothing acknowledged is lost', async () => {
    const pg = track(await privatePostgres());
    const cluster = track(await startCluster(dirs, { url: pg.url, extra: 10, offices: ['kzo-archives', 'ast-state-archive'] }));
    const a = await cluster.start();
    const b = await cluster.start();
    const onA = track(await clerkOn(a, 'kzo-clerk'));
    const onB = track(await clerkOn(b, 'ast-clerk'));
    const acked: string[] = [];
    await burst(onA, 2, acked);
    await burst(onB, 2, acked);

    // A clerk on A is about to confirm, a clerk on B opens a request: then the database goes away.
    const target = numbersOn(onA)[0]!;
    onA.write('\r');
    await onA.waitFor(`№ ${target}`);
    onA.write('t');
    await onA.waitFor(`${target}: жұмысқа алу`);
    await pg.stop();
    onA.write('\r');
    await waitForAny(onA, [SAID.tryAgain], 15_000);
    const opening = numbersOn(onB)[0]!;
    onB.write('\r');
    await waitForAny(onB, [SAID.tryAgain], 15_000);

    // Back up: the same sessions go on, nothing restarted; B's screen fills in by itself.
    await pg.start();
    onA.write('\r');
    await waitForAny(onA, [SAID.done], 15_000);
    acked.push(target);
    await onB.waitFor(`№ ${opening}`, 15_000);
    await backToQueue(onA);
    await backToQueue(onB);
    await burst(onA, 2, acked);
    await burst(onB, 2, acked);

    // Restarted in the middle of a burst: each confirm either went through or said "try again".
    const tryAgain: string[] = [];
    const during = Promise.all([burst(onA, 3, acked, tryAgain), burst(onB, 3, acked, tryAgain)]);
    await sleep(700);
    await pg.restart();
    await during;
    expect(acked.length + tryAgain.length).toBe(4 + 1 + 4 + 6);
    for (const said of tryAgain) expect(said).toMatch(SAID.tryAgain);
    console.log(`PostgreSQL restarted mid-burst: ${acked.length} acknowledged, ${tryAgain.length} told to try again`);

    const store = await cluster.store();
    for (const number of acked) expect((await store.getByNumber(number))!.state, number).toBe('IN_WORK');
    // A decision on A still reaches B's screen after the restarts.
    const watcher = track(await clerkOn(b, 'kzo-clerk'));
    const next = numbersOn(watcher)[0]!;
    await backToQueue(onA);
    const taken = await takeFirst(onA);
    expect(taken).toMatchObject({ number: next, done: true });
    await expect.poll(() => numbersOn(watcher).includes(next), { timeout: 5000 }).toBe(false);
    for (const serve of [a, b]) expect(serve.child.exitCode).toBeNull();
  }, 180_000);
});

import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterAll, afterEach, describe, expect, it, onTestFailed } from 'vitest';
import { TempDirs } from '../cli/helpers.js';
import { claims, delivered, limitsKept, NOTICES, sleep, startBotCluster, tally, threeNoticesEach, type BotCluster, type Notice, type Serve } from './telegram.js';

/**
 * Two `anyqtama serve` processes on one PostgreSQL schema with the citizen bot: one holds the
 * lease and runs the bot, the other stands by. Telegram (the local Bot API server) goes away,
 * comes back refusing with 429, the leader is killed: every citizen is told every change once,
 * within Telegram's limits.
 */
const dirs = new TempDirs();
let cluster: BotCluster | null = null;
afterEach(async () => {
  await cluster?.close();
  cluster = null;
});
afterAll(() => dirs.removeAll());

const USERNAME = 'anyqtama_test_bot';
const chatsFrom = (first: number, n: number) => Array.from({ length: n }, (_, i) => first + i);
const said = (s: Serve, bot: string) => s.botLines().some((l) => l.bot === bot);

/** Starts two processes at once and returns them leader first, once the leader polls Telegram. */
async function leaderAndStandby(c: BotCluster): Promise<[Serve, Serve]> {
  onTestFailed(() => {
    for (const s of c.serves) console.log(`--- serve ${s.tag} stdout:\n${s.stdout()}\n--- stderr:\n${s.stderr().slice(-4000)}`);
  });
  const both = await Promise.all([c.start('a'), c.start('b')]);
  await expect.poll(() => both.filter((s) => said(s, 'leader')).length, { timeout: 20_000 }).toBe(1);
  const leader = both.find((s) => said(s, 'leader'))!;
  const standby = both.find((s) => s !== leader)!;
  await expect.poll(() => said(leader, USERNAME), { timeout: 20_000 }).toBe(true);
  await expect.poll(() => c.calls.some((k) => k.by === leader.tag && k.method === 'getUpdates'), { timeout: 20_000 }).toBe(true);
  return [leader, standby];
}

describe('the citizen bot on two serve processes sharing one database', () => {
  it('Telegram unreachable for a while, then 429 storms with retry_after: 0 notifications lost, 0 duplicated, limits honoured', async () => {
    // How long this process's event loop stalled: the server stamps each arrival on it.
    const stalls = monitorEventLoopDelay({ resolution: 10 });
    stalls.enable();
    cluster = await startBotCluster(dirs, { serverLimits: { perChatPerSecond: 1, globalPerSecond: 30 } });
    const { server } = cluster;
    const chats = chatsFrom(7001, 40);
    for (const chat of chats) server.user(chat, { languageCode: 'kk' });
    const [leader, standby] = await leaderAndStandby(cluster);

    // The standby keeps trying the lease every 2 s and keeps not getting it.
    await sleep(4500);
    expect(standby.botLines()).toEqual([{ bot: 'standby' }]);
    expect(leader.botLines().map((l) => l.bot)).toEqual(['standby', 'leader', USERNAME]);

    server.setUnreachable(true);
    const outageFrom = Date.now();
    const numbers = await threeNoticesEach(cluster, chats);
    // The leader tries while Telegram is away: the calls are dropped, nothing is lost.
    await expect.poll(() => server.callsOf('sendMessage').filter((c) => c.dropped && c.at > outageFrom).length, { timeout: 20_000 }).toBeGreaterThan(0);
    await sleep(3000);
    expect(delivered(server, chats)).toBe(0);

    // Back, refusing: 30 sends answered 429 retry after 2 s, then 30 more with 1 s; the flood
    // control of the server answers 429 too if the bot goes over 1/s per chat or 30/s.
    const INJECTED = 30 + 30 + 20;
    server.failNext('sendMessage', 30, { code: 429, retryAfter: 2 });
    server.failNext('sendMessage', 30, { code: 429, retryAfter: 1 });
    const backAt = Date.now();
    server.setUnreachable(false);
    // A second storm once a third has gone out.
    await expect.poll(() => delivered(server, chats), { timeout: 60_000, interval: 50 }).toBeGreaterThanOrEqual(40);
    server.failNext('sendMessage', 20, { code: 429, retryAfter: 2 });
    await expect.poll(() => delivered(server, chats), { timeout: 60_000, interval: 200 }).toBeGreaterThanOrEqual(chats.length * 3);
    const allAt = Date.now();
    // Long enough for a late duplicate to show up.
    await sleep(3000);
    await expect.poll(async () => {
      const pending = await cluster!.store.pendingOutbox(1000);
      return pending.filter((e) => e.contact?.telegramChatId !== undefined).length;
    }, { timeout: 15_000 }).toBe(0);

    const counts = tally(server, numbers);
    for (const [chat, c] of counts) expect(c, `chat ${chat} (${numbers.get(chat)})`).toEqual({ registered: 1, inWork: 1, extended: 1, other: 0 });

    // Every call to Telegram came from the leader: the standby neither polled nor sent.
    expect(cluster.calls.filter((k) => k.by === standby.tag)).toEqual([]);
    expect(server.callsOf('getUpdates').some((c) => c.errorCode === 409)).toBe(false);

    // The notifier counts a send from the moment it leaves (after reading and composing it), so what
    // the server sees differs only by the local jitter: 150 ms, or the longest stall of this
    // process's event loop in the run if longer (a machine busy enough to delay one arrival by
    // 300 ms made two sends a second apart look 700 ms apart).
    stalls.disable();
    const jitterMs = Math.max(150, Math.ceil(stalls.max / 1e6));
    const limits = limitsKept(server.calls, { jitterMs, inFlightMs: 1000 });
    console.log(
      `Telegram away ${((backAt - outageFrom) / 1000).toFixed(1)} s; all ${chats.length * 3} notices delivered ${((allAt - backAt) / 1000).toFixed(1)} s after it came back; ` +
      `${limits.sends} sends, ${limits.rateLimited} answered 429 (${limits.rateLimited - INJECTED} by the server's flood control, the rest injected); least gap in one chat ${limits.leastGapMs} ms; busiest second ${limits.busiestSecond} sends (${limits.busiestWithJitter} in 850 ms); ` +
      `sends inside a 429 pause: ${limits.duringPause.length} (ms after the 429: ${limits.duringPause.join(', ') || '—'}); jitter allowed ${jitterMs} ms`,
    );
    expect(limits.rateLimited).toBeGreaterThanOrEqual(INJECTED);
    expect(limits.refusedChatTooSoon).toEqual([]);
    expect(limits.tooClose).toEqual([]);
    expect(limits.busiestWithJitter).toBeLessThanOrEqual(30);
    expect(limits.ignoredPause).toEqual([]);
  });

  it('kill -9 of the leader while notifications go out: the standby takes over within 10 s, delivers the rest once the dead sender\'s claims lapse, nothing lost, only steps cut off by the kill sent twice; the restarted process stands by', async () => {
    const began = Date.now();
    cluster = await startBotCluster(dirs);
    const { server } = cluster;
    const setUpInS = (Date.now() - began) / 1000;
    const chats = chatsFrom(8001, 45);
    for (const chat of chats) server.user(chat, { languageCode: 'kk' });
    // A backlog before anyone sends: 135 notices, three per chat, at most one a second per chat.
    const seeding = Date.now();
    const numbers = await threeNoticesEach(cluster, chats);
    const seededInS = (Date.now() - seeding) / 1000;
    const [leader, standby] = await leaderAndStandby(cluster);
    await expect.poll(() => delivered(server, chats), { timeout: 30_000, interval: 20 }).toBeGreaterThanOrEqual(40);

    const exited = new Promise<void>((resolve) => leader.child.once('exit', () => resolve()));
    leader.child.kill('SIGKILL');
    const killedAt = Date.now();
    await exited;
    // What Telegram accepted from the killed process that its database does not know of: only
    // these may be sent again (a step's idempotency key is stored after Telegram's answer).
    const atKill = tally(server, numbers);
    const pending = await cluster.store.pendingOutbox(1000);
    const KIND: Record<string, Notice> = { registered: 'registered', status: 'inWork', extended: 'extended' };
    const unrecorded = new Set<string>();
    for (const e of pending) {
      const chat = e.contact?.telegramChatId;
      const kind = KIND[e.item.kind];
      if (chat === undefined || !kind || (e.stepsDone ?? 0) > 0) continue;
      if (atKill.get(chat)![kind] > 0) unrecorded.add(`${chat}:${kind}`);
    }
    const deliveredAtKill = delivered(server, chats);
    const heldAtKill = await claims(cluster.schema);

    await expect.poll(() => said(standby, 'leader'), { timeout: 15_000, interval: 20 }).toBe(true);
    const leaderAfterS = (Date.now() - killedAt) / 1000;
    await expect.poll(() => cluster!.calls.some((k) => k.by === standby.tag && k.method === 'getUpdates'), { timeout: 15_000, interval: 20 }).toBe(true);
    const pollingAfterS = (cluster.calls.find((k) => k.by === standby.tag && k.method === 'getUpdates')!.at - killedAt) / 1000;
    expect(leaderAfterS).toBeLessThanOrEqual(10);
    expect(pollingAfterS).toBeLessThanOrEqual(10);

    // The killed process, started again, finds the lease taken and stands by.
    const again = await cluster.start('restarted');
    await sleep(4500);
    expect(again.botLines()).toEqual([{ bot: 'standby' }]);

    await expect.poll(() => delivered(server, chats), { timeout: 90_000, interval: 200 }).toBeGreaterThanOrEqual(chats.length * 3);
    const allAt = Date.now();
    await sleep(2000);
    await expect.poll(async () => (await cluster!.store.pendingOutbox(1000)).filter((e) => e.contact?.telegramChatId !== undefined).length, { timeout: 15_000 }).toBe(0);

    const counts = tally(server, numbers);
    const duplicated: string[] = [];
    for (const [chat, c] of counts) {
      for (const kind of ['registered', 'inWork', 'extended'] as const) {
        expect(c[kind], `chat ${chat} (${numbers.get(chat)}) told "${kind}"`).toBeGreaterThanOrEqual(1);
        if (c[kind] > 1) duplicated.push(`${chat}:${kind}`);
      }
      expect(c.other).toBe(0);
    }
    // For the report: how long before the kill Telegram accepted the first copy of each duplicate
    // (negative: the call was on its way as the process died), and how the survivor's sends split
    // between items nobody held and items it could only claim once the dead sender's claims lapsed.
    const firstCopy = (d: string) => {
      const [chat, kind] = d.split(':') as [string, Notice];
      const m = server.user(Number(chat)).messages.find((x) => NOTICES[kind].test(x.text ?? ''))!;
      return killedAt - m.at;
    };
    const survivorSends = cluster.calls.filter((k) => k.by === standby.tag && /^send/.test(k.method));
    const late = survivorSends.filter((c) => c.at > killedAt + 30_000);
    console.log(
      `schema and demo in ${setUpInS.toFixed(1)} s, ${chats.length * 3} notices filed in ${seededInS.toFixed(1)} s; kill -9 of the leader with ${deliveredAtKill}/${chats.length * 3} notices delivered (claims held by ${heldAtKill.holders.join(', ')} for ${heldAtKill.lapseInS?.toFixed(1)} s more); ` +
      `the standby said leader ${leaderAfterS.toFixed(1)} s after the kill, polled after ${pollingAfterS.toFixed(1)} s, sent its first notice after ${((survivorSends[0]!.at - killedAt) / 1000).toFixed(1)} s, ` +
      `all delivered ${((allAt - killedAt) / 1000).toFixed(1)} s after the kill; accepted but unrecorded at the kill: ${[...unrecorded].join(' ') || 'none'}; duplicated: ${duplicated.map((d) => `${d} (first copy accepted ${firstCopy(d)} ms before the kill)`).join(' ') || 'none'}; ` +
      `survivor's sends within 30 s of the kill: ${survivorSends.length - late.length}, later: ${late.length}, the first of those ${late[0] ? ((late[0].at - killedAt) / 1000).toFixed(1) : '—'} s after the kill`,
    );
    // The survivor sends what the dead process held as soon as its claims lapse (15 s at most).
    expect((allAt - killedAt) / 1000).toBeLessThanOrEqual((heldAtKill.lapseInS ?? 0) + 20);
    expect(heldAtKill.lapseInS ?? 0).toBeLessThanOrEqual(15);
    // Only a step Telegram accepted whose record the kill cut off may go twice.
    for (const d of duplicated) expect(unrecorded, `${d} sent twice`).toContain(d);
    // Nothing from the restarted process: it stood by throughout.
    expect(cluster.calls.filter((k) => k.by === again.tag)).toEqual([]);
    expect(again.botLines()).toEqual([{ bot: 'standby' }]);
  }, 150_000);
});

import { randomUUID } from 'node:crypto';
import { systemClock, type Clock } from '../app/clock.js';
import type { RequestService } from '../app/requests.js';
import type { Reference } from '../config/reference.js';
import type { BlobStore, OutboxEntry, OutboxStore, RequestReader } from '../store/port.js';
import { noticeSteps, type Step } from './notices.js';
import { backoffMs, classifyFailure, SendLimiter, type SendFailure } from './rate-limit.js';

/** The part of telegraf's `Telegram` class the notifier uses; `bot.telegram` satisfies it structurally. */
export interface Messenger {
  sendMessage(chatId: number, text: string, extra?: { reply_markup?: unknown; parse_mode?: 'HTML'; link_preview_options?: unknown }): Promise<unknown>;
  sendDocument(chatId: number, document: { source: Buffer; filename: string }, extra?: { caption?: string; reply_markup?: unknown }): Promise<unknown>;
}

export interface NotifierOptions {
  /** The outbox, the request an item belongs to, and a decision's PDF: it never changes a request. */
  readonly store: OutboxStore & RequestReader & Pick<BlobStore, 'getBlob'>;
  readonly requests: RequestService;
  readonly reference: Reference;
  readonly messenger: Messenger;
  readonly clock?: Clock;
  /** Least time between two messages to one chat. Default 1000 ms. */
  readonly perChatIntervalMs?: number;
  /** Most messages per second over all chats. Default 30. */
  readonly globalPerSecond?: number;
  /** How often the outbox is read even without a change in this process. Default 5000 ms. */
  readonly pollMs?: number;
  /** Retry of a chat that blocked the bot or is not found. Default one hour. */
  readonly unreachableRetryMs?: number;
  /** One line per failure and per chat found unreachable, for the daemon's log. */
  readonly log?: (line: string) => void;
}

export interface NotifierStats {
  /** Messages and documents Telegram accepted. */
  sent: number;
  /** Outbox items fully delivered and acknowledged. */
  delivered: number;
  /** Outbox items acknowledged without a message: the request has no Telegram chat. */
  withoutChat: number;
  /** Telegram calls that failed (network, 429, blocked, ...). */
  failed: number;
  /** Calls that repeated a failed one. */
  retried: number;
  /** 429 answers. */
  rateLimited: number;
}

export interface DrainReport {
  readonly delivered: number;
  readonly withoutChat: number;
  readonly failed: number;
  /** Items still undelivered: waiting for a retry, the end of a 429 pause or a chat's slot. */
  readonly pending: number;
  /** When the earliest of them may be tried, ISO; null when nothing is pending. */
  readonly nextAttemptAt: string | null;
}

interface ItemState {
  /** Steps Telegram accepted: a retry goes on from the first that did not go out. */
  done: number;
  failures: number;
  retrying: boolean;
  notBefore: number;
}

interface Pass {
  readonly launched: number;
  readonly pending: number;
  readonly nextAt: number;
}

const FIRST_FETCH = 1000;
/**
 * How long a claim on an item lasts: every pass renews it, so only a sender that died (or lost the
 * database) lets it lapse, and then another process's notifier picks the item up.
 */
const CLAIM_MS = 15_000;

/**
 * Tells citizens what happened to their requests, from the outbox the store keeps with every
 * change (at-least-once: an item is acknowledged only after Telegram took all of it, so a crash
 * or an outage sends it again, never loses it). Telegram's limits are kept per chat and overall;
 * one slow or blocked chat never holds up the others; a 429 stops all sending for as long as
 * Telegram says. The notifier never changes a request (ARCHITECTURE.md: data flows one way).
 */
export class OutboxNotifier {
  readonly stats: NotifierStats = { sent: 0, delivered: 0, withoutChat: 0, failed: 0, retried: 0, rateLimited: 0 };
  private readonly clock: Clock;
  private readonly limiter: SendLimiter;
  private readonly pollMs: number;
  private readonly unreachableRetryMs: number;
  private readonly log: (line: string) => void;
  private readonly items = new Map<string, ItemState>();
  private readonly unreachableUntil = new Map<number, number>();
  /** Chats and items with a call under way: one at a time each. */
  private readonly busyChats = new Set<number>();
  private readonly busyItems = new Set<string>();
  private readonly inflight = new Set<Promise<void>>();
  private fetchLimit = FIRST_FETCH;
  /** This sender, for the store's claims: another process's notifier skips what it holds. */
  private readonly sender = `notifier-${randomUUID().slice(0, 8)}`;
  private passes: Promise<unknown> = Promise.resolve();
  private running = false;
  private pumping: Promise<void> | null = null;
  private again = false;
  private poll: NodeJS.Timeout | undefined;
  private timer: NodeJS.Timeout | undefined;
  private readonly onChanged = (): void => this.kick();

  constructor(private readonly o: NotifierOptions) {
    this.clock = o.clock ?? systemClock;
    this.limiter = new SendLimiter({ perChatIntervalMs: o.perChatIntervalMs ?? 1000, globalPerSecond: o.globalPerSecond ?? 30 });
    this.pollMs = o.pollMs ?? 5000;
    this.unreachableRetryMs = o.unreachableRetryMs ?? 60 * 60_000;
    this.log = o.log ?? (() => undefined);
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.o.requests.changes.on('changed', this.onChanged);
    this.o.requests.changes.on('resync', this.onChanged);
    this.poll = setInterval(() => this.kick(), this.pollMs);
    this.poll.unref();
    this.kick();
  }

  /** Stops reading the outbox and waits for the calls under way; what is not acknowledged stays pending. */
  async stop(): Promise<void> {
    this.running = false;
    this.o.requests.changes.off('changed', this.onChanged);
    this.o.requests.changes.off('resync', this.onChanged);
    clearInterval(this.poll);
    clearTimeout(this.timer);
    await this.pumping;
    await Promise.allSettled([...this.inflight]);
    await this.o.store.releaseOutbox(this.sender).catch(() => undefined);
  }

  /** Delivers everything due now; resolves when nothing is left that can be sent now (for tests and shutdown). */
  async drain(): Promise<DrainReport> {
    const before = { ...this.stats };
    for (;;) {
      const pass = await this.serialPass();
      if (pass.launched === 0 && this.inflight.size === 0) {
        return {
          delivered: this.stats.delivered - before.delivered,
          withoutChat: this.stats.withoutChat - before.withoutChat,
          failed: this.stats.failed - before.failed,
          pending: pass.pending,
          nextAttemptAt: Number.isFinite(pass.nextAt) ? new Date(pass.nextAt).toISOString() : null,
        };
      }
      if (pass.launched === 0) await Promise.race(this.inflight);
    }
  }

  private now(): number {
    return this.clock.now().getTime();
  }

  /** Runs a pass soon; passes never overlap, and one asked for during a pass runs right after it. */
  private kick(): void {
    if (!this.running) return;
    if (this.pumping) {
      this.again = true;
      return;
    }
    this.pumping = this.pump().finally(() => (this.pumping = null));
  }

  private async pump(): Promise<void> {
    do {
      this.again = false;
      try {
        this.arm((await this.serialPass()).nextAt);
      } catch (error) {
        this.log(`notifier: outbox not read: ${(error as Error).message}`);
        this.arm(this.now() + this.pollMs);
      }
    } while (this.again && this.running);
  }

  /** Wakes up when the earliest waiting item may go; the poll covers everything else. */
  private arm(nextAt: number): void {
    clearTimeout(this.timer);
    if (!this.running || !Number.isFinite(nextAt)) return;
    this.timer = setTimeout(() => this.kick(), Math.min(Math.max(0, nextAt - this.now()), this.pollMs));
    this.timer.unref();
  }

  private serialPass(): Promise<Pass> {
    const run = this.passes.then(() => this.pass());
    this.passes = run.catch(() => undefined);
    return run;
  }

  /** Starts every call that may go now, without waiting for them. */
  private async pass(): Promise<Pass> {
    const entries = await this.o.store.claimOutbox(this.sender, this.fetchLimit, Math.max(CLAIM_MS, 3 * this.pollMs));
    const now = this.now();
    const heads = new Map<string, OutboxEntry>();
    // Items of one request go in order: only the first undelivered one is tried.
    for (const e of entries) if (!heads.has(e.requestId)) heads.set(e.requestId, e);
    let launched = 0;
    let nextAt = Infinity;
    const limit = this.fetchLimit;
    for (const entry of heads.values()) {
      if (this.busyItems.has(entry.item.id)) continue;
      const state = this.stateOf(entry.item.id);
      // Steps another sender (a process that died) got accepted are not sent again.
      state.done = Math.max(state.done, entry.stepsDone ?? 0);
      const chatId = entry.contact?.telegramChatId;
      if (chatId === undefined) {
        if (state.notBefore > now) {
          nextAt = Math.min(nextAt, state.notBefore);
          continue;
        }
        this.track(entry.item.id, null, this.acknowledge(entry, 'withoutChat'));
        launched += 1;
        continue;
      }
      if (this.busyChats.has(chatId)) continue;
      const at = Math.max(state.notBefore, this.unreachableUntil.get(chatId) ?? 0, this.limiter.readyAt(chatId, now));
      if (at > now) {
        nextAt = Math.min(nextAt, at);
        continue;
      }
      this.limiter.take(chatId, now);
      if (state.retrying) this.stats.retried += 1;
      this.track(entry.item.id, chatId, this.step(entry, chatId, state, now));
      launched += 1;
    }
    // A window full of items that must wait (blocked chats) must not hide the ones behind it.
    if (entries.length >= limit && launched === 0) this.fetchLimit = limit * 2;
    if (entries.length < limit) this.forgetDelivered(entries);
    return { launched, pending: entries.length, nextAt };
  }

  private stateOf(itemId: string): ItemState {
    let state = this.items.get(itemId);
    if (!state) this.items.set(itemId, (state = { done: 0, failures: 0, retrying: false, notBefore: 0 }));
    return state;
  }

  private track(itemId: string, chatId: number | null, work: Promise<void>): void {
    this.busyItems.add(itemId);
    if (chatId !== null) this.busyChats.add(chatId);
    const task: Promise<void> = work.finally(() => {
      this.busyItems.delete(itemId);
      if (chatId !== null) this.busyChats.delete(chatId);
      this.inflight.delete(task);
      this.kick();
    });
    this.inflight.add(task);
  }

  /** Sends the item's next step; acknowledges the item once its last step went out. */
  private async step(entry: OutboxEntry, chatId: number, state: ItemState, reservedAt: number): Promise<void> {
    let steps: readonly Step[];
    try {
      const request = await this.o.store.get(entry.requestId);
      if (!request) throw new Error(`request ${entry.requestId} not found`);
      steps = noticeSteps(request, entry.item, this.o);
      const step = steps[state.done];
      if (step) {
        const at = this.now();
        // A 429 answered while this one was being composed: it waits like every other.
        if (this.limiter.pausedUntil > at) {
          state.notBefore = this.limiter.pausedUntil;
          return;
        }
        this.limiter.started(chatId, reservedAt, at);
        await send(this.o.messenger, chatId, step);
      }
    } catch (error) {
      this.failed(entry, chatId, state, classifyFailure(error));
      return;
    }
    if (state.done < steps.length) {
      this.stats.sent += 1;
      state.done += 1;
      // The step's idempotency key (request, item, step) is kept in memory at once, and in the store
      // for any other sender; if the database refuses it now, this process still never resends it.
      await this.o.store.outboxProgress(entry.requestId, entry.item.id, state.done).catch((error: Error) =>
        this.log(`notifier: progress of ${entry.item.kind} of ${entry.number ?? entry.requestId} not stored: ${error.message}`));
    }
    state.failures = 0;
    state.retrying = false;
    state.notBefore = 0;
    if (state.done >= steps.length) await this.acknowledge(entry, 'delivered');
  }

  private failed(entry: OutboxEntry, chatId: number, state: ItemState, failure: SendFailure): void {
    const now = this.now();
    const what = `notifier: ${entry.item.kind} of ${entry.number ?? entry.requestId} to chat ${chatId}, step ${state.done + 1}`;
    this.stats.failed += 1;
    state.retrying = true;
    switch (failure.kind) {
      case 'rateLimited':
        // Counted from when the answer came, never from when the call left: never earlier than Telegram asked.
        this.stats.rateLimited += 1;
        this.limiter.pauseUntil(now + failure.retryAfterMs);
        state.notBefore = now + failure.retryAfterMs;
        this.log(`${what}: ${failure.detail}; all sending paused for ${failure.retryAfterMs / 1000} s`);
        break;
      case 'chatUnreachable':
        this.unreachableUntil.set(chatId, now + this.unreachableRetryMs);
        this.log(`${what}: ${failure.detail}; kept, tried again in ${Math.round(this.unreachableRetryMs / 60_000)} min`);
        break;
      case 'transient': {
        state.failures += 1;
        const wait = backoffMs(state.failures);
        state.notBefore = now + wait;
        this.log(`${what}: ${failure.detail}; retry ${state.failures} in ${wait / 1000} s`);
      }
    }
  }

  private async acknowledge(entry: OutboxEntry, outcome: 'delivered' | 'withoutChat'): Promise<void> {
    try {
      await this.o.store.ackOutbox(entry.requestId, entry.item.id, this.clock.now().toISOString());
    } catch (error) {
      // Everything went out; only the acknowledgement is missing, so the next try only acknowledges.
      const state = this.stateOf(entry.item.id);
      state.notBefore = this.now() + backoffMs((state.failures += 1));
      this.log(`notifier: ${entry.item.kind} of ${entry.number ?? entry.requestId} not acknowledged: ${(error as Error).message}`);
      return;
    }
    this.items.delete(entry.item.id);
    this.stats[outcome] += 1;
  }

  /** Keeps the in-memory progress only of items still pending (`entries` is all of them). */
  private forgetDelivered(entries: readonly OutboxEntry[]): void {
    if (this.items.size <= entries.length) return;
    const pending = new Set(entries.map((e) => e.item.id));
    for (const id of this.items.keys()) if (!pending.has(id) && !this.busyItems.has(id)) this.items.delete(id);
  }
}

async function send(messenger: Messenger, chatId: number, step: Step): Promise<void> {
  if (step.type === 'message') {
    await messenger.sendMessage(chatId, step.text, step.replyMarkup ? { reply_markup: step.replyMarkup } : {});
  } else {
    await messenger.sendDocument(chatId, await step.file(), { caption: step.caption });
  }
}

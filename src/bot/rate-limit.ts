import { TelegramError } from 'telegraf';

/**
 * Telegram's sending limits and what its refusals mean for a retry. Bot API limits
 * (core.telegram.org/bots/faq): about one message per second to one chat and about 30 per second
 * overall; beyond them Telegram answers 429 with `retry_after`, and keeps refusing if pushed.
 * We keep our own account rather than use a generic limiter library because the per-chat and the
 * global limit must be checked together, and a 429 stops everything until a moment Telegram names.
 */
export interface SendLimits {
  /** Least time between two messages to one chat. */
  readonly perChatIntervalMs: number;
  /** Most messages in any one second, all chats together. */
  readonly globalPerSecond: number;
}

const SECOND = 1000;

export class SendLimiter {
  private readonly lastByChat = new Map<number, number>();
  /** Start times of the sends of the last second, oldest first. */
  private readonly recent: number[] = [];
  private pause = 0;

  constructor(private readonly limits: SendLimits) {}

  /** The earliest moment (ms since the epoch) a message to `chatId` may start, `now` if at once. */
  readyAt(chatId: number, now: number): number {
    this.forget(now);
    const last = this.lastByChat.get(chatId);
    const chat = last === undefined ? now : last + this.limits.perChatIntervalMs;
    const n = this.limits.globalPerSecond;
    // In any second at most n starts: the n-th latest start must be a full second ago.
    const global = this.recent.length < n ? now : this.recent[this.recent.length - n]! + SECOND;
    return Math.max(now, chat, global, this.pause);
  }

  /** Counts a send to `chatId` starting at `now` (a failed one counts too: Telegram saw it). */
  take(chatId: number, now: number): void {
    this.lastByChat.set(chatId, now);
    this.recent.push(now);
  }

  /**
   * A send reserved at `reservedAt` starts only `now` (reading and composing it took time): it is
   * counted from when it really leaves, so the next one to its chat, and the second's count, are
   * measured as Telegram sees them.
   */
  started(chatId: number, reservedAt: number, now: number): void {
    if (this.lastByChat.get(chatId) === reservedAt) this.lastByChat.set(chatId, now);
    const i = this.recent.lastIndexOf(reservedAt);
    if (i < 0) return;
    this.recent.splice(i, 1);
    let at = this.recent.length;
    while (at > 0 && this.recent[at - 1]! > now) at--;
    this.recent.splice(at, 0, now);
  }

  /** Telegram's 429: nothing at all is sent before `until`. */
  pauseUntil(until: number): void {
    this.pause = Math.max(this.pause, until);
  }

  get pausedUntil(): number {
    return this.pause;
  }

  private forget(now: number): void {
    while (this.recent.length > 0 && this.recent[0]! <= now - SECOND) this.recent.shift();
    if (this.lastByChat.size > 10_000) {
      for (const [chat, at] of this.lastByChat) if (at + this.limits.perChatIntervalMs <= now) this.lastByChat.delete(chat);
    }
  }
}

/** Why a send failed, as far as the retry goes. */
export type SendFailure =
  /** 429: Telegram names the moment sending may resume, for every chat. */
  | { readonly kind: 'rateLimited'; readonly retryAfterMs: number; readonly detail: string }
  /** 403 (the citizen blocked the bot, deleted the account) or 400 chat not found: nothing will help soon. */
  | { readonly kind: 'chatUnreachable'; readonly detail: string }
  /** Network down, Telegram's 5xx, anything else: try again later. */
  | { readonly kind: 'transient'; readonly detail: string };

export function classifyFailure(error: unknown): SendFailure {
  if (error instanceof TelegramError) {
    const detail = `${error.code} ${error.description}`;
    const retryAfter = error.parameters?.retry_after;
    if (error.code === 429) return { kind: 'rateLimited', retryAfterMs: Math.max(1, retryAfter ?? 1) * SECOND, detail };
    if (error.code === 403 || (error.code === 400 && /chat not found|user not found|chat_id is empty/i.test(error.description))) {
      return { kind: 'chatUnreachable', detail };
    }
    return { kind: 'transient', detail };
  }
  return { kind: 'transient', detail: error instanceof Error ? error.message : String(error) };
}

/** The wait before the `failures`-th retry of one item: 1 s, 2 s, 4 s … never more than `capMs`. */
export function backoffMs(failures: number, baseMs = SECOND, capMs = 5 * 60 * SECOND): number {
  return Math.min(capMs, baseMs * 2 ** Math.max(0, Math.min(failures - 1, 30)));
}

/**
 * Telegram's flood control as a bot meets it: about one message per second into one chat and about
 * thirty per second overall; a send over the limit is answered 429 with `retry_after`. Counted
 * over a sliding one-second window, which is stricter than Telegram's bursty real behaviour.
 */
export interface FloodLimits {
  perChatPerSecond?: number;
  globalPerSecond?: number;
}

const WINDOW_MS = 1000;

export class FloodControl {
  private readonly perChat = new Map<number, number[]>();
  private global: number[] = [];

  constructor(private readonly limits: FloodLimits) {}

  /** Seconds to wait if a send into `chatId` now would go over a limit, else undefined. */
  retryAfter(chatId: number | undefined, now: number): number | undefined {
    const waits: number[] = [];
    const { perChatPerSecond, globalPerSecond } = this.limits;
    if (perChatPerSecond !== undefined && chatId !== undefined) {
      const times = this.recent(this.perChat.get(chatId) ?? [], now);
      this.perChat.set(chatId, times);
      if (times.length >= perChatPerSecond) waits.push(times[times.length - perChatPerSecond]! + WINDOW_MS - now);
    }
    if (globalPerSecond !== undefined) {
      this.global = this.recent(this.global, now);
      if (this.global.length >= globalPerSecond) waits.push(this.global[this.global.length - globalPerSecond]! + WINDOW_MS - now);
    }
    return waits.length > 0 ? Math.max(1, Math.ceil(Math.max(...waits) / 1000)) : undefined;
  }

  record(chatId: number | undefined, now: number): void {
    if (chatId !== undefined) this.perChat.set(chatId, [...(this.perChat.get(chatId) ?? []), now]);
    this.global.push(now);
  }

  private recent(times: number[], now: number): number[] {
    return times.filter((t) => t > now - WINDOW_MS);
  }
}

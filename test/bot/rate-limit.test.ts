import { TelegramError } from 'telegraf';
import { describe, expect, it } from 'vitest';
import { backoffMs, classifyFailure, SendLimiter } from '../../src/bot/rate-limit.js';

describe('what a failed send means for the retry', () => {
  it('429 pauses for the seconds Telegram names; 403 and "chat not found" mean the chat is out of reach', () => {
    const tooMany = new TelegramError({ error_code: 429, description: 'Too Many Requests: retry after 7', parameters: { retry_after: 7 } });
    expect(classifyFailure(tooMany)).toMatchObject({ kind: 'rateLimited', retryAfterMs: 7000 });
    expect(classifyFailure(new TelegramError({ error_code: 403, description: 'Forbidden: user is deactivated' })).kind).toBe('chatUnreachable');
    expect(classifyFailure(new TelegramError({ error_code: 400, description: 'Bad Request: chat not found' })).kind).toBe('chatUnreachable');
  });

  it('Telegram\'s own trouble and a dead network are tried again soon', () => {
    expect(classifyFailure(new TelegramError({ error_code: 502, description: 'Bad Gateway' })).kind).toBe('transient');
    expect(classifyFailure(new TelegramError({ error_code: 400, description: 'Bad Request: message text is empty' })).kind).toBe('transient');
    expect(classifyFailure(Object.assign(new Error('connect ETIMEDOUT'), { code: 'ETIMEDOUT' }))).toMatchObject({ kind: 'transient', detail: 'connect ETIMEDOUT' });
  });

  it('retries wait 1 s, 2 s, 4 s … and never more than five minutes', () => {
    expect([1, 2, 3, 4].map((n) => backoffMs(n))).toEqual([1000, 2000, 4000, 8000]);
    expect(backoffMs(9)).toBe(256_000);
    expect(backoffMs(10)).toBe(300_000);
    expect(backoffMs(1000)).toBe(300_000);
  });
});

describe('the limiter', () => {
  it('counts a send from when it really left, not from when it was reserved', () => {
    const limiter = new SendLimiter({ perChatIntervalMs: 1000, globalPerSecond: 2 });
    limiter.take(7, 0);
    limiter.take(8, 10);
    // Composing the first took 400 ms: its chat's next message and the second's count move with it.
    limiter.started(7, 0, 400);
    expect(limiter.readyAt(7, 500)).toBe(1400);
    expect(limiter.readyAt(9, 500)).toBe(1010);
    expect(limiter.readyAt(9, 1010)).toBe(1010);
    // Once the earlier one is a second old, two more may start.
    limiter.take(9, 1010);
    expect(limiter.readyAt(10, 1010)).toBe(1400);
  });

  it('lets one chat have a message a second and all chats together 30 a second', () => {
    const limiter = new SendLimiter({ perChatIntervalMs: 1000, globalPerSecond: 30 });
    expect(limiter.readyAt(1, 0)).toBe(0);
    limiter.take(1, 0);
    expect(limiter.readyAt(1, 10)).toBe(1000);
    for (let chat = 2; chat <= 30; chat++) limiter.take(chat, 100);
    expect(limiter.readyAt(31, 200)).toBe(1000); // the first of the 30 left at 0
    expect(limiter.readyAt(31, 1000)).toBe(1000);
    limiter.take(31, 1000);
    expect(limiter.readyAt(32, 1000)).toBe(1100);
  });

  it('a 429 pause holds every chat until its end, and a later, shorter one does not shorten it', () => {
    const limiter = new SendLimiter({ perChatIntervalMs: 1000, globalPerSecond: 30 });
    limiter.pauseUntil(5000);
    limiter.pauseUntil(3000);
    expect(limiter.readyAt(1, 0)).toBe(5000);
    expect(limiter.readyAt(2, 4999)).toBe(5000);
    expect(limiter.readyAt(2, 5000)).toBe(5000);
  });
});

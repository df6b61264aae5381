import type { Telegram } from 'telegraf';
import { classifyFailure } from './rate-limit.js';
import type { Keyboard, Reply } from './replies.js';

/** Telegram's reply_markup for our keyboard description. */
export function markup(keyboard: Keyboard | undefined): Record<string, unknown> | undefined {
  if (!keyboard) return undefined;
  if ('inline' in keyboard) {
    return { inline_keyboard: keyboard.inline.map((row) => row.map((b) => ({ text: b.label, callback_data: b.data }))) };
  }
  if ('contact' in keyboard) {
    return { keyboard: [[{ text: keyboard.contact, request_contact: true }]], resize_keyboard: true, one_time_keyboard: true, is_persistent: true };
  }
  return { remove_keyboard: true };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Calls Telegram, waiting out a 429's `retry_after` (up to `attempts` tries): a reply to the
 * citizen is worth a short wait. Other failures are thrown to the caller.
 */
async function patiently<T>(call: () => Promise<T>, attempts = 3, maxWaitMs = 30_000): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await call();
    } catch (error) {
      const failure = classifyFailure(error);
      if (failure.kind !== 'rateLimited' || i >= attempts || failure.retryAfterMs > maxWaitMs) throw error;
      await sleep(failure.retryAfterMs);
    }
  }
}

/** Sends one update's replies in order. An edit Telegram refuses (message too old, unchanged) is not worth failing the rest. */
export async function sendReplies(telegram: Telegram, chatId: number, replies: readonly Reply[]): Promise<void> {
  for (const reply of replies) {
    switch (reply.kind) {
      case 'text':
        await patiently(() => telegram.sendMessage(chatId, reply.text, { reply_markup: markup(reply.keyboard) as never, link_preview_options: { is_disabled: true } }));
        break;
      case 'edit':
        await patiently(() => telegram.editMessageText(chatId, reply.messageId, undefined, reply.text, { reply_markup: markup(reply.keyboard) as never })).catch(() => undefined);
        break;
      case 'document':
        await patiently(() => telegram.sendDocument(chatId, { source: Buffer.from(reply.bytes), filename: reply.fileName }, { caption: reply.caption }));
        break;
      case 'action':
        await telegram.sendChatAction(chatId, reply.action).catch(() => undefined);
        break;
    }
  }
}

import type { MiddlewareFn } from 'telegraf';
import { t } from '../core/i18n/catalogue.js';
import { KeyedSerial } from '../core/serial.js';
import { diskErrorCode, type ChatStore } from '../store/port.js';
import type { BotContext } from './context.js';
import { readUpdate } from './incoming.js';
import { sendReplies } from './send.js';
import { Turn, type ConversationDeps } from './turn.js';

export interface KeepChatOptions {
  readonly store: Pick<ChatStore, 'getChat' | 'putChat'>;
  readonly deps: ConversationDeps;
  /** The bot's username: a command addressed to another bot (`/start@OtherBot`) is only text. */
  readonly username: string;
  readonly chats: KeyedSerial<number>;
  readonly stats: { handled: number; failed: number; duplicates: number };
  readonly log: (line: string) => void;
}

/**
 * The middleware around the conversation: one update per chat at a time, the chat's record read,
 * an update delivered again skipped, `ctx.turn` set for the composers; then the chat stored first
 * and the replies sent after, so a restart continues where the citizen was and never repeats a
 * reply the chat does not reflect. A failure is logged and told to the citizen in a line.
 */
export function keepChat(options: KeepChatOptions): MiddlewareFn<BotContext> {
  const { store, deps, chats, stats, log } = options;
  return async (ctx, next) => {
    const update = readUpdate(ctx.update, options.username);
    if (!update) return;
    const answerButton = (notice?: string) => (update.callbackId ? ctx.telegram.answerCbQuery(update.callbackId, notice).catch(() => undefined) : undefined);
    await chats.run(update.chatId, async () => {
      const chat = await store.getChat(update.chatId);
      if (chat?.lastUpdateId !== undefined && update.updateId <= chat.lastUpdateId) {
        // Delivered again after a restart: it was handled and stored already.
        stats.duplicates += 1;
        await answerButton();
        return;
      }
      try {
        ctx.turn = new Turn(deps, chat ?? Turn.fresh(update, deps.desk.moment().now), update);
        await next();
        const outcome = ctx.turn.outcome();
        await store.putChat(outcome.chat);
        await answerButton(outcome.notice);
        await sendReplies(ctx.telegram, update.chatId, outcome.replies);
        stats.handled += 1;
      } catch (error) {
        stats.failed += 1;
        log(`bot: update ${update.updateId} of chat ${update.chatId} failed: ${(error as Error).stack ?? String(error)}`);
        await answerButton();
        // 'bot.failed' says the answers were kept: not so when the disk refused to keep them.
        const key = diskErrorCode(error) ? 'store.full.citizen' : 'bot.failed';
        await ctx.telegram.sendMessage(update.chatId, t(chat?.lang ?? 'kk', key)).catch(() => undefined);
      }
    });
  };
}

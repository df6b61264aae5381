import { createServer, type Server } from 'node:http';
import { Telegraf } from 'telegraf';
import { KeyedSerial } from '../core/serial.js';
import { CitizenDesk, type CitizenDeskStore } from '../app/citizen-desk.js';
import type { RequestService } from '../app/requests.js';
import type { ChatStore } from '../store/port.js';
import type { BotContext } from './context.js';
import { commands, conversation } from './conversation.js';
import { keepChat } from './keep-chat.js';
import { OutboxNotifier, type NotifierOptions } from './notifier.js';

export type BotMode =
  /** Long polling: the bot asks Telegram for updates, so no inbound port is needed (an office behind NAT). */
  | { readonly kind: 'polling' }
  /**
   * Telegram posts updates to `url` (public, HTTPS in production, behind the office's proxy);
   * this process listens on host:port at the URL's path and accepts only requests carrying `secret`.
   */
  | { readonly kind: 'webhook'; readonly url: string; readonly secret: string; readonly port: number; readonly host?: string };

export interface CitizenBotOptions {
  readonly token: string;
  /** Bot API server: Telegram's cloud by default; a self-hosted one (no 20 MB download limit) or a test server. */
  readonly apiRoot?: string;
  /** The chats it keeps, what the citizen desk keeps (files, the audit of status checks) and what the notifier reads. */
  readonly store: Pick<ChatStore, 'getChat' | 'putChat'> & CitizenDeskStore & NotifierOptions['store'];
  readonly requests: RequestService;
  readonly mode: BotMode;
  /** Notifications: per-chat interval and overall rate (Telegram: ~1/s per chat, ~30/s overall). */
  readonly limits?: { readonly perChatIntervalMs?: number; readonly globalPerSecond?: number; readonly pollMs?: number };
  readonly log?: (line: string) => void;
}

export interface CitizenBot {
  readonly username: string;
  readonly notifier: OutboxNotifier;
  /** Updates handled since start, and how many of them failed. */
  readonly stats: { handled: number; failed: number; duplicates: number };
  stop(): Promise<void>;
}

/**
 * The citizen bot: telegraf for the Bot API (polling or webhook), one update per chat at a time
 * (KeyedSerial), the chat's conversation read from the store and written back before anything is
 * sent, so a restart continues where the citizen was; the outbox notifier beside it.
 */
export async function startCitizenBot(options: CitizenBotOptions): Promise<CitizenBot> {
  const log = options.log ?? (() => undefined);
  const bot = new Telegraf<BotContext>(options.token, {
    handlerTimeout: 120_000,
    telegram: { ...(options.apiRoot ? { apiRoot: options.apiRoot } : {}), webhookReply: false },
  });
  const me = await bot.telegram.getMe();
  bot.botInfo = me;
  const { store, requests } = options;
  const desk = new CitizenDesk(requests, store);
  const download = async (fileId: string): Promise<Uint8Array | null> => {
    try {
      const link = await bot.telegram.getFileLink(fileId);
      const response = await fetch(link);
      if (!response.ok) return null;
      // The size was checked from the update before downloading; the desk checks what came.
      return new Uint8Array(await response.arrayBuffer());
    } catch (error) {
      log(`bot: download of ${fileId} failed: ${(error as Error).message}`);
      return null;
    }
  };
  const chats = new KeyedSerial<number>();
  const stats = { handled: 0, failed: 0, duplicates: 0 };

  bot.use(keepChat({ store, deps: { desk, download }, username: me.username, chats, stats, log }), conversation);
  bot.catch((error) => log(`bot: ${(error as Error).message}`));

  for (const lang of ['kk', 'ru'] as const) {
    await bot.telegram.setMyCommands(commands(lang), { language_code: lang }).catch((e: Error) => log(`bot: setMyCommands ${lang}: ${e.message}`));
  }
  await bot.telegram.setMyCommands(commands('kk')).catch((e: Error) => log(`bot: setMyCommands: ${e.message}`));

  const notifier = new OutboxNotifier({
    store,
    requests,
    reference: requests.reference,
    messenger: {
      sendMessage: (chatId, text, extra) => bot.telegram.sendMessage(chatId, text, extra as never),
      sendDocument: (chatId, document, extra) => bot.telegram.sendDocument(chatId, document, extra as never),
    },
    ...(options.limits?.perChatIntervalMs !== undefined ? { perChatIntervalMs: options.limits.perChatIntervalMs } : {}),
    ...(options.limits?.globalPerSecond !== undefined ? { globalPerSecond: options.limits.globalPerSecond } : {}),
    ...(options.limits?.pollMs !== undefined ? { pollMs: options.limits.pollMs } : {}),
    log,
  });
  notifier.start();

  let server: Server | null = null;
  let polling: Promise<void> | null = null;
  let pollingEnded = false;
  if (options.mode.kind === 'polling') {
    await bot.telegram.deleteWebhook();
    polling = bot.launch({ allowedUpdates: ['message', 'callback_query'] })
      .catch((error: Error) => log(`bot: polling stopped: ${error.message}`))
      .finally(() => (pollingEnded = true));
  } else {
    const { url, secret, port, host } = options.mode;
    const path = new URL(url).pathname;
    const callback = bot.webhookCallback(path, { secretToken: secret });
    server = createServer((req, res) => void callback(req, res));
    await new Promise<void>((resolve) => server!.listen(port, host ?? '127.0.0.1', resolve));
    await bot.telegram.setWebhook(url, { secret_token: secret, allowed_updates: ['message', 'callback_query'] });
  }

  return {
    username: me.username,
    notifier,
    stats,
    async stop() {
      // Polling starts a moment after launch() (telegraf asks getMe and deleteWebhook first): until
      // then telegraf says "Bot is not running!", and the polling it starts afterwards would never end.
      for (let tries = 0; polling && !pollingEnded; tries++) {
        try {
          bot.stop('shutdown');
          break;
        } catch (error) {
          if (tries >= 200) throw error;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      }
      await polling;
      if (server) await new Promise<void>((resolve) => server!.close(() => resolve()));
      await chats.idle();
      await notifier.stop();
    },
  };
}

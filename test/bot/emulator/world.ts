import { rm } from 'node:fs/promises';
// The package's main entry replaces module.exports with the class, which NodeNext typing reads as
// `{ default }`; the defining file exports it by name.
import { TelegramServer } from 'telegram-test-api/lib/telegramServer.js';
import type { TelegramClient } from 'telegram-test-api/lib/modules/telegramClient.js';
import type { RequestService } from '../../../src/app/requests.js';
import { startCitizenBot, type CitizenBot } from '../../../src/bot/bot.js';
import type { LowdbStore } from '../../../src/store/lowdb/lowdb-store.js';
import { freePort, openServices } from '../world.js';

/** A bot message as the emulator keeps it: the body of sendMessage, later merged with editMessageText's. */
export interface SeenMessage {
  readonly messageId: number;
  readonly text: string;
  readonly inline: readonly (readonly { readonly text: string; readonly data: string }[])[];
  /** A reply keyboard with Telegram's "share my phone number" button. */
  readonly asksContact: boolean;
  readonly removesKeyboard: boolean;
}

/**
 * The citizen bot against telegram-test-api (npm), the third-party Bot API emulator, rather than our
 * own bench server: a real LowdbStore on a temp dir, the real RequestService, `startCitizenBot`
 * unchanged, in webhook mode (the emulator's getUpdates ignores `timeout`, so polling would spin).
 */
export interface EmulatorWorld {
  readonly server: TelegramServer;
  readonly store: LowdbStore;
  readonly requests: RequestService;
  readonly bot: CitizenBot;
  /** What startCitizenBot logged (e.g. the methods the emulator does not know). */
  readonly log: readonly string[];
  citizen(id: number): EmulatedCitizen;
  close(): Promise<void>;
}

export const TOKEN = '123456:emulated-anyqtama';

export interface EmulatorWorldOptions {
  /**
   * The webhook's secret. The emulator posts updates without Telegram's
   * X-Telegram-Bot-Api-Secret-Token header, so with a secret the bot (rightly) refuses them.
   */
  readonly secret: string;
}

export async function startEmulatorWorld(options: EmulatorWorldOptions): Promise<EmulatorWorld> {
  const { dir, store, requests } = await openServices();
  const server = new TelegramServer({ port: await freePort(), host: '127.0.0.1', storage: 'RAM' });
  await server.start();
  const log: string[] = [];
  const hookPort = await freePort();
  const bot = await startCitizenBot({
    token: TOKEN,
    apiRoot: server.config.apiURL,
    store,
    requests,
    mode: { kind: 'webhook', url: `http://127.0.0.1:${hookPort}/telegram/hook`, secret: options.secret, port: hookPort, host: '127.0.0.1' },
    limits: { perChatIntervalMs: 100, pollMs: 500 },
    log: (line) => log.push(line),
  });
  return {
    server, store, requests, bot, log,
    citizen: (id) => new EmulatedCitizen(server.getClient(TOKEN, { userId: id, chatId: id, firstName: 'Айгүл', userName: `citizen${id}` }), id),
    async close() {
      await bot.stop();
      await server.stop();
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

type Stored = { messageId: number; message: { chat_id?: unknown; text?: unknown; reply_markup?: unknown } };

function seen(entry: Stored): SeenMessage {
  const markup = (typeof entry.message.reply_markup === 'string' ? JSON.parse(entry.message.reply_markup) : entry.message.reply_markup ?? {}) as {
    inline_keyboard?: { text: string; callback_data: string }[][];
    keyboard?: { text: string; request_contact?: boolean }[][];
    remove_keyboard?: boolean;
  };
  return {
    messageId: entry.messageId,
    text: typeof entry.message.text === 'string' ? entry.message.text : '',
    inline: (markup.inline_keyboard ?? []).map((row) => row.map((b) => ({ text: b.text, data: b.callback_data }))),
    asksContact: (markup.keyboard ?? []).flat().some((b) => b.request_contact === true),
    removesKeyboard: markup.remove_keyboard === true,
  };
}

/**
 * One citizen in a private chat, through the emulator's client API: it sends (makeCommand +
 * sendCommand, makeMessage + sendMessage, makeCallbackQuery + sendCallback) and reads what the
 * bot sent to its chat from getUpdatesHistory, which shows edits too.
 */
export class EmulatedCitizen {
  constructor(readonly client: TelegramClient, readonly chatId: number) {}

  /** Every message the bot has sent to this chat, oldest first, as edited since. */
  async messages(): Promise<SeenMessage[]> {
    const history = (await this.client.getUpdatesHistory()) as unknown as Stored[];
    return history.filter((h) => 'messageId' in h && String(h.message.chat_id) === String(this.chatId)).map(seen);
  }

  /**
   * Does `act` and waits for the first message after it that `until` accepts; returns every message
   * the bot sent since `act`, up to that one. The emulator answers the client before the webhook
   * is done, so waiting for the reply's last message is what tells the turn is over.
   */
  async turn(act: () => Promise<unknown>, until: (m: SeenMessage) => boolean, timeoutMs = 5000): Promise<SeenMessage[]> {
    const before = (await this.messages()).length;
    await act();
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const fresh = (await this.messages()).slice(before);
      const at = fresh.findIndex(until);
      if (at >= 0) return fresh.slice(0, at + 1);
      if (Date.now() > deadline) throw new Error(`no such reply within ${timeoutMs} ms; the bot sent: ${JSON.stringify(fresh.map((m) => m.text.slice(0, 80)))}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  command(text: string, until: (m: SeenMessage) => boolean): Promise<SeenMessage[]> {
    return this.turn(() => this.client.sendCommand(this.client.makeCommand(text)), until);
  }

  type(text: string, until: (m: SeenMessage) => boolean): Promise<SeenMessage[]> {
    return this.turn(() => this.client.sendMessage(this.client.makeMessage(text)), until);
  }

  /** Presses an inline button of the bot's message `on`: the callback query carries that message, as Telegram's does. */
  press(on: SeenMessage, data: string, until: (m: SeenMessage) => boolean): Promise<SeenMessage[]> {
    if (!on.inline.flat().some((b) => b.data === data)) throw new Error(`message ${on.messageId} has no button ${data}`);
    return this.turn(() => this.client.sendCallback(this.client.makeCallbackQuery(data, { message: { message_id: on.messageId } })), until);
  }

  /**
   * The citizen's own contact, as Telegram sends it after "share my phone number": a message with
   * `contact` and no text. The client's type wants a text; its server takes any message JSON.
   */
  shareContact(phone: string, until: (m: SeenMessage) => boolean): Promise<SeenMessage[]> {
    const { text: _text, ...message } = this.client.makeMessage('');
    const contact = { ...message, contact: { phone_number: phone, first_name: 'Айгүл', user_id: this.chatId } };
    return this.turn(() => this.client.sendMessage(contact as unknown as Parameters<TelegramClient['sendMessage']>[0]), until);
  }
}

export const hasButton = (data: string) => (m: SeenMessage): boolean => m.inline.flat().some((b) => b.data === data);

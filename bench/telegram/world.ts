/**
 * What the test server knows: the simulated users and their private chats (chat id == user id),
 * the messages in each chat in their current state, files, open callback queries and the bot's
 * commands. Both the Bot API methods and the simulated users read and change it.
 */
import { FileStore } from './files.js';
import type { Markup, ReplyButton } from './markup.js';
import { badRequest, forbidden, int, str, type Failure, type Params, type Reply } from './wire.js';

export interface BotInfo {
  id: number;
  username: string;
  first_name: string;
  is_bot: true;
}

export interface Profile {
  id: number;
  firstName: string;
  lastName?: string;
  username?: string;
  languageCode?: string;
  phone: string;
}

export interface StoredMessage {
  id: number;
  /** The Message object in its current state, as Telegram returns it to the bot. */
  message: Record<string, unknown>;
  fromBot: boolean;
  at: number;
  editedAt?: number;
  parseMode?: string;
  /** The markup the bot attached last (any kind; the Message object only shows inline keyboards). */
  markup?: Markup;
}

export interface SentDocument {
  messageId: number;
  fileName: string;
  mimeType: string;
  caption?: string;
  bytes: Uint8Array;
  at: number;
}

export interface CallbackAnswer {
  text?: string;
  showAlert?: boolean;
  url?: string;
}

export const unixTime = (ms = Date.now()) => Math.floor(ms / 1000);

export class Chat {
  readonly messages = new Map<number, StoredMessage>();
  readonly documents: SentDocument[] = [];
  readonly actions: string[] = [];
  readonly callbackAnswers: CallbackAnswer[] = [];
  /** Told of every bot message sent or edited in this chat. */
  readonly listeners = new Set<(message: StoredMessage) => void>();
  blocked = false;
  /** The reply keyboard the user sees: from the latest bot message that sent or removed one. */
  replyKeyboard: { messageId: number; buttons: ReplyButton[][] } | undefined;
  private lastMessageId = 0;

  constructor(public profile: Profile) {}

  get id(): number {
    return this.profile.id;
  }

  /** The User object Telegram puts in `from`. */
  from(): Record<string, unknown> {
    const p = this.profile;
    return compact({ id: p.id, is_bot: false, first_name: p.firstName, last_name: p.lastName, username: p.username, language_code: p.languageCode });
  }

  /** The Chat object of this private chat. */
  chat(): Record<string, unknown> {
    const p = this.profile;
    return compact({ id: p.id, first_name: p.firstName, last_name: p.lastName, username: p.username, type: 'private' });
  }

  /** Message ids are one sequence per private chat, shared by both sides. */
  nextMessageId(): number {
    return ++this.lastMessageId;
  }

  add(stored: StoredMessage): StoredMessage {
    this.messages.set(stored.id, stored);
    if (!stored.fromBot) return stored;
    if (stored.markup?.removeKeyboard) this.replyKeyboard = undefined;
    else if (stored.markup && stored.markup.replyButtons.length > 0) this.replyKeyboard = { messageId: stored.id, buttons: stored.markup.replyButtons };
    this.changed(stored);
    return stored;
  }

  changed(stored: StoredMessage): void {
    for (const listener of [...this.listeners]) listener(stored);
  }

  /** Bot messages in their current state, oldest first. */
  botMessages(): StoredMessage[] {
    return [...this.messages.values()].filter((m) => m.fromBot);
  }
}

export class World {
  readonly chats = new Map<number, Chat>();
  readonly files = new FileStore();
  readonly callbackQueries = new Map<string, { chatId: number; answered: boolean }>();
  /** Commands by scope and language, keyed by `scopeKey`. */
  readonly commands = new Map<string, unknown[]>();
  readonly texts = new Map<string, string>();
  readonly menuButtons = new Map<string, unknown>();
  private lastQueryId = 4_000_000_000;

  constructor(readonly bot: BotInfo) {}

  /** The chat a call names in `chat_id`; sends to a user who blocked the bot get Telegram's 403. */
  chatOf(params: Params, options: { sending: boolean } = { sending: true }): Chat | Failure {
    const id = int(params, 'chat_id');
    if (id === undefined) return str(params, 'chat_id') ? badRequest('chat not found') : badRequest('chat_id is empty');
    const chat = this.chats.get(id);
    if (!chat) return badRequest('chat not found');
    if (options.sending && chat.blocked) return forbidden('bot was blocked by the user');
    return chat;
  }

  /** Callback query ids are opaque strings of digits in Telegram. */
  nextQueryId(): string {
    return String(++this.lastQueryId) + String(Math.floor(Math.random() * 1e6)).padStart(6, '0');
  }

  /** The bot as the `from` of its messages. */
  botUser(): Record<string, unknown> {
    return { id: this.bot.id, is_bot: true, first_name: this.bot.first_name, username: this.bot.username };
  }
}

export function compact(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined));
}

export interface MethodContext {
  world: World;
  maxDownloadBytes: number;
}
/** One Bot API method: the call's parameters in, Telegram's reply out. */
export type Method = (ctx: MethodContext, params: Params) => Reply | Promise<Reply>;

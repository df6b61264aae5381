/**
 * A simulated Telegram user in a private chat with the bot: what they send becomes updates, and
 * what the bot sent them is readable the way their client would show it.
 */
import type { MessageEntity } from './formatting.js';
import type { Updates } from './updates.js';
import { unixTime, type CallbackAnswer, type Chat, type SentDocument, type StoredMessage, type World } from './world.js';

export interface BotMessage {
  messageId: number;
  /** Plain text as the user reads it (HTML tags parsed away); `entities` hold the formatting. */
  text?: string;
  caption?: string;
  entities?: readonly MessageEntity[];
  document?: { fileId: string; fileName: string; mimeType: string; size: number };
  /** The largest size of a photo. */
  photo?: { fileId: string; width: number; height: number; size: number };
  /** reply_markup as the bot sent it (any kind), after edits. */
  replyMarkup?: unknown;
  inlineButtons: { text: string; data?: string; url?: string }[][];
  replyButtons: { text: string; requestContact?: boolean }[][];
  removeKeyboard: boolean;
  edited: boolean;
  at: number;
  editedAt?: number;
  parseMode?: string;
}

export type MessageMatch = string | RegExp | ((message: BotMessage) => boolean);

export interface TestUser {
  readonly id: number;
  sendText(text: string): Promise<number>;
  sendCommand(command: string, payload?: string): Promise<number>;
  pressButton(labelOrData: string | RegExp): Promise<number>;
  pressReplyButton(label: string | RegExp): Promise<number>;
  shareContact(phone: string, options?: { own?: boolean }): Promise<number>;
  sendPhoto(bytes: Uint8Array, options?: { caption?: string }): Promise<number>;
  sendDocument(bytes: Uint8Array, fileName: string, mimeType: string): Promise<number>;
  sendSticker(): Promise<number>;
  sendRaw(message: Record<string, unknown>): Promise<number>;
  /** The user blocks the bot (a my_chat_member update; sends then answer 403) or unblocks it. */
  blockBot(): Promise<number>;
  unblockBot(): Promise<number>;
  readonly messages: readonly BotMessage[];
  lastMessage(): BotMessage | undefined;
  /** A string matches text, caption or document file name that contains it. */
  waitForMessage(match?: MessageMatch, timeoutMs?: number): Promise<BotMessage>;
  readonly documents: readonly SentDocument[];
  readonly actions: readonly string[];
  readonly callbackAnswers: readonly CallbackAnswer[];
}

export function toBotMessage(stored: StoredMessage): BotMessage {
  const m = stored.message;
  const markup = stored.markup;
  const out: BotMessage = {
    messageId: stored.id,
    inlineButtons: markup?.inlineButtons ?? [],
    replyButtons: markup?.replyButtons ?? [],
    removeKeyboard: markup?.removeKeyboard ?? false,
    edited: stored.editedAt !== undefined,
    at: stored.at,
  };
  if (typeof m.text === 'string') out.text = m.text;
  if (typeof m.caption === 'string') out.caption = m.caption;
  const entities = (m.entities ?? m.caption_entities) as MessageEntity[] | undefined;
  if (entities) out.entities = entities;
  const doc = m.document as Record<string, unknown> | undefined;
  if (doc) out.document = { fileId: String(doc.file_id), fileName: String(doc.file_name), mimeType: String(doc.mime_type), size: Number(doc.file_size) };
  const photo = (m.photo as Record<string, unknown>[] | undefined)?.at(-1);
  if (photo) out.photo = { fileId: String(photo.file_id), width: Number(photo.width), height: Number(photo.height), size: Number(photo.file_size) };
  if (markup) out.replyMarkup = markup.raw;
  if (stored.editedAt !== undefined) out.editedAt = stored.editedAt;
  if (stored.parseMode) out.parseMode = stored.parseMode;
  return out;
}

const oneShot = (re: RegExp) => new RegExp(re.source, re.flags.replace(/[gy]/g, ''));

function matcher(match: MessageMatch | undefined): (m: BotMessage) => boolean {
  if (match === undefined) return () => true;
  if (typeof match === 'function') return match;
  const texts = (m: BotMessage) => [m.text, m.caption, m.document?.fileName].filter((t): t is string => t !== undefined);
  if (typeof match === 'string') return (m) => texts(m).some((t) => t.includes(match));
  const re = oneShot(match);
  return (m) => texts(m).some((t) => re.test(t));
}

/** A short transcript for error messages: what the bot last showed this user. */
export function transcript(messages: readonly BotMessage[], count = 5): string {
  if (messages.length === 0) return '  (the bot has sent nothing to this chat)';
  return messages
    .slice(-count)
    .map((m) => {
      const body = m.text ?? (m.document ? `[document ${m.document.fileName}] ${m.caption ?? ''}` : m.photo ? `[photo] ${m.caption ?? ''}` : '[no text]');
      const inline = m.inlineButtons.flat().map((b) => `[${b.text}${b.data ? ` → ${b.data}` : b.url ? ` → ${b.url}` : ''}]`);
      const reply = m.replyButtons.flat().map((b) => `⟨${b.text}⟩`);
      const buttons = [...inline, ...reply].join(' ');
      return `  #${m.messageId}${m.edited ? ' (edited)' : ''}: ${JSON.stringify(body.trim())}${buttons ? `  ${buttons}` : ''}`;
    })
    .join('\n');
}

export class SimulatedUser implements TestUser {
  constructor(
    private readonly chat: Chat,
    private readonly world: World,
    private readonly updates: Updates,
  ) {}

  get id(): number {
    return this.chat.id;
  }

  get messages(): readonly BotMessage[] {
    return this.chat.botMessages().map(toBotMessage);
  }
  get documents(): readonly SentDocument[] {
    return [...this.chat.documents];
  }
  get actions(): readonly string[] {
    return [...this.chat.actions];
  }
  get callbackAnswers(): readonly CallbackAnswer[] {
    return [...this.chat.callbackAnswers];
  }

  lastMessage(): BotMessage | undefined {
    return this.messages.at(-1);
  }

  async sendText(text: string): Promise<number> {
    // Telegram marks a leading /command (with an optional @botname) as a bot_command entity.
    const command = /^\/[A-Za-z0-9_]{1,32}(@[A-Za-z0-9_]{3,32})?/.exec(text);
    const entities = command ? [{ offset: 0, length: command[0].length, type: 'bot_command' }] : undefined;
    return this.post(entities ? { text, entities } : { text });
  }

  sendCommand(command: string, payload?: string): Promise<number> {
    const name = command.replace(/^\//, '');
    return this.sendText(payload ? `/${name} ${payload}` : `/${name}`);
  }

  async pressButton(labelOrData: string | RegExp): Promise<number> {
    const stored = this.chat.botMessages().findLast((m) => (m.markup?.inlineButtons.length ?? 0) > 0);
    if (!stored) throw new Error(`user ${this.id}: no bot message in the chat has an inline keyboard. Last messages:\n${transcript(this.messages)}`);
    const buttons = stored.markup!.inlineButtons.flat();
    const wanted = typeof labelOrData === 'string' ? labelOrData : oneShot(labelOrData);
    const hit = (t: string | undefined) => t !== undefined && (typeof wanted === 'string' ? t === wanted : wanted.test(t));
    const button = buttons.find((b) => hit(b.text)) ?? buttons.find((b) => hit(b.data));
    const listed = buttons.map((b) => `"${b.text}"${b.data ? ` (data ${b.data})` : b.url ? ` (url ${b.url})` : ''}`).join(', ');
    if (!button) throw new Error(`user ${this.id}: no button ${String(labelOrData)} in the newest inline keyboard (message #${stored.id}); it has ${listed}`);
    if (button.data === undefined) throw new Error(`user ${this.id}: button "${button.text}" in message #${stored.id} sends no callback_data (${listed})`);
    const id = this.world.nextQueryId();
    this.world.callbackQueries.set(id, { chatId: this.id, answered: false });
    return this.updates.push({
      callback_query: { id, from: this.chat.from(), message: stored.message, chat_instance: `-${this.id}0042`, data: button.data },
    });
  }

  async pressReplyButton(label: string | RegExp): Promise<number> {
    const keyboard = this.chat.replyKeyboard;
    if (!keyboard) throw new Error(`user ${this.id}: no reply keyboard is shown in the chat. Last messages:\n${transcript(this.messages)}`);
    const wanted = typeof label === 'string' ? label : oneShot(label);
    const buttons = keyboard.buttons.flat();
    const button = buttons.find((b) => (typeof wanted === 'string' ? b.text === wanted : wanted.test(b.text)));
    if (!button) {
      throw new Error(`user ${this.id}: no reply button ${String(label)} in the keyboard of message #${keyboard.messageId}; it has ${buttons.map((b) => `"${b.text}"`).join(', ')}`);
    }
    // A request_contact button shares the user's own phone number, as the Telegram client does.
    if (button.requestContact) return this.shareContact(this.chat.profile.phone);
    return this.sendText(button.text);
  }

  async shareContact(phone: string, options: { own?: boolean } = {}): Promise<number> {
    const own = options.own ?? true;
    const p = this.chat.profile;
    const contact = own
      ? { phone_number: phone, first_name: p.firstName, ...(p.lastName ? { last_name: p.lastName } : {}), user_id: p.id }
      : { phone_number: phone, first_name: 'Contact', user_id: p.id + 1_000_000_000 };
    return this.post({ contact });
  }

  async sendPhoto(bytes: Uint8Array, options: { caption?: string } = {}): Promise<number> {
    const photo = this.world.files.addPhoto(bytes);
    return this.post(options.caption ? { photo, caption: options.caption } : { photo });
  }

  async sendDocument(bytes: Uint8Array, fileName: string, mimeType: string): Promise<number> {
    const file = this.world.files.add('document', bytes, { fileName, mimeType });
    return this.post({
      document: { file_name: fileName, mime_type: mimeType, file_id: file.fileId, file_unique_id: file.uniqueId, file_size: bytes.length },
    });
  }

  async sendSticker(): Promise<number> {
    const bytes = new TextEncoder().encode('RIFF\u0000\u0000\u0000\u0000WEBPVP8 ');
    const file = this.world.files.add('sticker', bytes, { width: 512, height: 512 });
    const sticker = { width: 512, height: 512, emoji: '👍', set_name: 'AnyqtamaTest', is_animated: false, is_video: false, type: 'regular' };
    return this.post({ sticker: { ...sticker, file_id: file.fileId, file_unique_id: file.uniqueId, file_size: bytes.length } });
  }

  async sendRaw(message: Record<string, unknown>): Promise<number> {
    return this.post(message);
  }

  async blockBot(): Promise<number> {
    this.chat.blocked = true;
    return this.memberChange('member', 'kicked');
  }

  async unblockBot(): Promise<number> {
    this.chat.blocked = false;
    return this.memberChange('kicked', 'member');
  }

  waitForMessage(match?: MessageMatch, timeoutMs = 5000): Promise<BotMessage> {
    const matches = matcher(match);
    return new Promise((resolve, reject) => {
      const listener = (stored: StoredMessage) => {
        const message = toBotMessage(stored);
        if (!matches(message)) return;
        done();
        resolve(message);
      };
      const timer = setTimeout(() => {
        done();
        const what = match === undefined ? 'any message' : typeof match === 'function' ? 'a message the predicate accepts' : `a message matching ${String(match)}`;
        reject(new Error(`user ${this.id}: waited ${timeoutMs} ms for ${what} from the bot. Last messages:\n${transcript(this.messages)}`));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        this.chat.listeners.delete(listener);
      };
      this.chat.listeners.add(listener);
    });
  }

  private post(content: Record<string, unknown>): number {
    if (this.chat.blocked) throw new Error(`user ${this.id} has blocked the bot; call unblockBot() first`);
    const id = this.chat.nextMessageId();
    const at = Date.now();
    const message = { message_id: id, from: this.chat.from(), chat: this.chat.chat(), date: unixTime(at), ...content };
    this.chat.add({ id, message, fromBot: false, at });
    return this.updates.push({ message });
  }

  private memberChange(from: string, to: string): number {
    const bot = { user: this.world.botUser() };
    return this.updates.push({
      my_chat_member: {
        chat: this.chat.chat(),
        from: this.chat.from(),
        date: unixTime(),
        old_chat_member: { ...bot, status: from },
        new_chat_member: to === 'kicked' ? { ...bot, status: to, until_date: 0 } : { ...bot, status: to },
      },
    });
  }
}

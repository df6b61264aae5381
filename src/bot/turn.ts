import type { CitizenDesk, Citizen } from '../app/citizen-desk.js';
import { isDiskProblem } from '../app/unavailable.js';
import { render, t, type MessageKey } from '../core/i18n/catalogue.js';
import { pick, type Lang } from '../core/i18n/text.js';
import type { DomainError } from '../core/result.js';
import { findService } from '../core/services/catalogue.js';
import type { ServiceDef } from '../core/services/types.js';
import type { BotChat } from '../store/port.js';
import { decode, encode, type CallbackData, type Stale } from './callback-data.js';
import { botServices, type ApplyFlow, type Flow } from './flow.js';
import type { Addressed } from './incoming.js';
import { splitText, text, type Button, type Keyboard, type Reply } from './replies.js';

/** What the conversation reaches for: the citizen desk, and Telegram for the files the citizen sends. */
export interface ConversationDeps {
  readonly desk: CitizenDesk;
  /** Downloads a file the citizen sent (getFile + download); null if Telegram would not give it. */
  readonly download: (fileId: string) => Promise<Uint8Array | null>;
}

export interface Outcome {
  readonly chat: BotChat;
  readonly replies: readonly Reply[];
  /** Text for answerCallbackQuery (a small notice over the chat), when the update was a button. */
  readonly notice?: string;
}

/**
 * One update's handling, carried on the telegraf context as `ctx.turn`: the chat as read, what the
 * composers decide, the replies they collect. Nothing is sent from here: the chat is stored first,
 * then the replies go out (bot.ts), so a crash in between repeats no question and loses no answer.
 */
export class Turn {
  flow: Flow;
  lang: Lang;
  readonly replies: Reply[] = [];
  notice: string | undefined;
  changes: Partial<BotChat> = {};
  /** The button pressed, decoded once: composers route on its kind. */
  readonly pressed: CallbackData | Stale | null;

  constructor(readonly deps: ConversationDeps, readonly chat: BotChat, readonly update: Addressed) {
    this.flow = (chat.flow ?? null) as Flow;
    this.lang = chat.lang ?? 'kk';
    this.pressed = update.incoming.kind === 'button' ? decode(update.incoming.data) : null;
  }

  /** A new chat's record. */
  static fresh(update: Addressed, now: string): BotChat {
    return { chatId: update.chatId, userId: update.userId, flow: null, createdAt: now, updatedAt: now };
  }

  outcome(): Outcome {
    const { now } = this.desk.moment();
    return {
      chat: { ...this.chat, ...this.changes, flow: this.flow, lastUpdateId: this.update.updateId, updatedAt: now },
      replies: this.replies,
      ...(this.notice ? { notice: this.notice } : {}),
    };
  }

  get desk(): CitizenDesk {
    return this.deps.desk;
  }

  get reference() {
    return this.deps.desk.reference;
  }

  /** Who is writing, as the desk names them. */
  get citizen(): Citizen {
    return { chatId: this.update.chatId, userId: this.update.userId };
  }

  t(key: MessageKey, params?: Record<string, string | number>): string {
    return t(this.lang, key, params);
  }

  /** A desk's refusal, as the citizen reads it: a full disk is the office's problem, "try again later". */
  problem(error: DomainError): string {
    return isDiskProblem(error) ? this.t('store.full.citizen') : render(this.lang, error.message);
  }

  say(body: string, keyboard?: Keyboard): void {
    const parts = splitText(body);
    parts.forEach((part, i) => this.replies.push(text(part, i === parts.length - 1 ? keyboard : undefined)));
  }

  button(key: MessageKey, data: CallbackData): Button {
    return { label: this.t(key), data: encode(data) };
  }

  /** The one-button row under every question of the status check. */
  cancelRow(): Keyboard {
    return { inline: [[this.button('bot.button.cancel', { kind: 'cancel' })]] };
  }

  menuKeyboard(): Keyboard {
    const services = botServices().map((s): Button[] => [{ label: pick(s.shortTitle, this.lang), data: encode({ kind: 'service', service: s.id }) }]);
    return {
      inline: [
        ...services,
        [this.button('bot.button.myRequests', { kind: 'my' }), this.button('bot.button.status', { kind: 'status' })],
        [this.button('bot.button.help', { kind: 'help' }), this.button('bot.button.language', { kind: 'language' })],
      ],
    };
  }

  /** Back to the start: every flow ends here, so it lives with the turn rather than with a composer. */
  menu(): void {
    this.flow = null;
    this.say(this.t('bot.menu'), this.menuKeyboard());
  }

  today(): string {
    return this.desk.moment().today;
  }

  service(flow: ApplyFlow): ServiceDef {
    return findService(flow.service)!;
  }

  /** The application's next state, kept as the turn's flow. */
  set(flow: ApplyFlow, patch: Partial<ApplyFlow>): ApplyFlow {
    const next = { ...flow, ...patch } as ApplyFlow;
    this.flow = next;
    return next;
  }
}

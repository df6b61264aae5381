import { t, type MessageKey } from '../core/i18n/catalogue.js';
import { pick, type Lang } from '../core/i18n/text.js';
import { SERVICES, findService } from '../core/services/catalogue.js';
import type { RequiredDocument, ServiceDef, ServiceId } from '../core/services/types.js';
import type { BotChat } from '../store/port.js';
import type { ConversationDeps, Outcome } from './conversation.js';
import type { Addressed } from './incoming.js';
import type { QuestionnaireState } from './questionnaire.js';
import { splitText, text, type Button, type Keyboard, type Reply } from './replies.js';

// The flows below are stored in the citizens' chats as they are: a change of shape breaks
// every conversation under way.

/** A file the citizen sent, already stored by its hash: the questionnaire can be resumed after a restart. */
export interface FileRef {
  readonly document: string;
  readonly name: string;
  readonly mediaType: string;
  readonly size: number;
  readonly sha256: string;
}

export type Stage = 'office' | 'intro' | 'contact' | 'form' | 'files' | 'summary' | 'edit';

/** An application in progress: everything needed to continue it is here (and in the blob store). */
export interface ApplyFlow {
  readonly kind: 'apply';
  readonly service: ServiceId;
  readonly office?: string;
  readonly stage: Stage;
  /** Chosen before submitting, so a "confirm" delivered twice files once (RequestService.submit). */
  readonly requestId: string;
  readonly form?: QuestionnaireState;
  /** The required document being asked for (index into documentsFor(service)). */
  readonly doc: number;
  readonly files: readonly FileRef[];
  /** Where the edit menu stands: a section path, or top level. */
  readonly editAt?: string;
  /** The summary was shown once: a finished edit goes straight back to it. */
  readonly reviewed?: boolean;
}

export type StatusFlow = { readonly kind: 'status'; readonly stage: 'number' } | { readonly kind: 'status'; readonly stage: 'digits'; readonly number: string };
/** Choosing the language; a deep link that arrived before the choice (`/start status_…`) is kept for after it. */
export type LanguageFlow = { readonly kind: 'language'; readonly payload?: string };
export type Flow = ApplyFlow | StatusFlow | LanguageFlow | null;

export function botServices(): readonly ServiceDef[] {
  return SERVICES.filter((s) => s.channels.includes('bot'));
}

/** The documents the bot asks for: those of the service not limited to other channels. */
export function documentsFor(service: ServiceDef): readonly RequiredDocument[] {
  return service.requiredDocuments.filter((d) => !d.channels || d.channels.includes('bot'));
}

/** One update's handling: the chat as read, what the handlers decide, the replies they collect. */
export class Turn {
  flow: Flow;
  lang: Lang;
  readonly replies: Reply[] = [];
  notice: string | undefined;
  changes: Partial<BotChat> = {};

  constructor(readonly deps: ConversationDeps, readonly chat: BotChat, readonly update: Addressed) {
    this.flow = (chat.flow ?? null) as Flow;
    this.lang = chat.lang ?? 'kk';
  }

  outcome(): Outcome {
    const { now } = this.deps.requests.moment();
    return {
      chat: { ...this.chat, ...this.changes, flow: this.flow, lastUpdateId: this.update.updateId, updatedAt: now },
      replies: this.replies,
      ...(this.notice ? { notice: this.notice } : {}),
    };
  }

  get reference() {
    return this.deps.requests.reference;
  }

  t(key: MessageKey, params?: Record<string, string | number>): string {
    return t(this.lang, key, params);
  }

  say(body: string, keyboard?: Keyboard): void {
    const parts = splitText(body);
    parts.forEach((part, i) => this.replies.push(text(part, i === parts.length - 1 ? keyboard : undefined)));
  }

  button(key: MessageKey, data: string): Button {
    return { label: this.t(key), data };
  }

  /** The one-button row under every question of the status check. */
  cancelRow(): Keyboard {
    return { inline: [[this.button('bot.button.cancel', 'cancel')]] };
  }

  menuKeyboard(): Keyboard {
    const services = botServices().map((s): Button[] => [{ label: pick(s.shortTitle, this.lang), data: `svc:${s.id}` }]);
    return {
      inline: [
        ...services,
        [this.button('bot.button.myRequests', 'my'), this.button('bot.button.status', 'st')],
        [this.button('bot.button.help', 'help'), this.button('bot.button.language', 'lang')],
      ],
    };
  }

  /** Back to the start: every flow ends here, so it lives with the turn rather than with a handler. */
  menu(): void {
    this.flow = null;
    this.say(this.t('bot.menu'), this.menuKeyboard());
  }

  today(): string {
    return this.deps.requests.moment().today;
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

import { t, type MessageKey } from '../core/i18n/catalogue.js';
import type { Lang } from '../core/i18n/text.js';
import type { RequestService } from '../app/requests.js';
import type { AuditStore, BlobStore, BotChat, RequestReader } from '../store/port.js';
import { applyButton, applyInput, chooseService, type Input } from './handlers/apply.js';
import { stale } from './handlers/ask.js';
import { askLanguage, cancel, changeLanguage, chooseLanguage, help, start } from './handlers/menu.js';
import { askStatusNumber, myRequests, ownRequest, sendDocument, statusDigits, statusNumber } from './handlers/status.js';
import { survey } from './handlers/survey.js';
import type { Addressed } from './incoming.js';
import type { Reply } from './replies.js';
import { Turn } from './turn.js';

// Defined in turn.ts beside the flows that use them; importable from here as before (bench/bot.ts).
export { botServices, documentsFor } from './turn.js';

export interface ConversationDeps {
  /**
   * The handlers read requests (status, survey), store and read the citizen's files and log status
   * checks themselves: more than a front-end should reach (issue 14), the citizen desk's job.
   */
  readonly store: RequestReader & BlobStore & Pick<AuditStore, 'appendAudit'>;
  readonly requests: RequestService;
  /** Downloads a file the citizen sent (getFile + download); null if Telegram would not give it. */
  readonly download: (fileId: string) => Promise<Uint8Array | null>;
}

export interface Outcome {
  readonly chat: BotChat;
  readonly replies: readonly Reply[];
  /** Text for answerCallbackQuery (a small notice over the chat), when the update was a button. */
  readonly notice?: string;
}

/** Handles one update of one chat. The caller stores `chat` and then sends `replies`, in that order. */
export class Conversation {
  constructor(private readonly deps: ConversationDeps) {}

  async handle(chat: BotChat, update: Addressed): Promise<Outcome> {
    const turn = new Turn(this.deps, chat, update);
    await run(turn);
    return turn.outcome();
  }

  /** A new chat's record. */
  static fresh(update: Addressed, now: string): BotChat {
    return { chatId: update.chatId, userId: update.userId, flow: null, createdAt: now, updatedAt: now };
  }

  /** Bot commands as Telegram shows them in the "/" menu, per language. */
  static commands(lang: Lang): { command: string; description: string }[] {
    const keys: [string, MessageKey][] = [
      ['start', 'bot.commands.start'], ['status', 'bot.commands.status'], ['my', 'bot.commands.my'],
      ['help', 'bot.commands.help'], ['cancel', 'bot.commands.cancel'], ['language', 'bot.commands.language'],
    ];
    return keys.map(([command, key]) => ({ command, description: t(lang, key) }));
  }
}

async function run(turn: Turn): Promise<void> {
  const { incoming } = turn.update;
  if (!turn.update.private) {
    if (incoming.kind === 'command') turn.say(t('kk', 'bot.privateOnly') + '\n' + t('ru', 'bot.privateOnly'));
    return;
  }
  if (turn.chat.lang === undefined && !(incoming.kind === 'button' && incoming.data.startsWith('lang:'))) {
    // Nothing is asked before the language is known; a deep link waits for the choice.
    const payload = incoming.kind === 'command' && incoming.command === 'start' ? incoming.payload : '';
    turn.flow = payload ? { kind: 'language', payload } : turn.flow?.kind === 'language' ? turn.flow : { kind: 'language' };
    return askLanguage(turn);
  }
  switch (incoming.kind) {
    case 'command':
      return command(turn, incoming.command, incoming.payload);
    case 'button':
      return press(turn, incoming.data, incoming.messageId);
    default:
      return input(turn, incoming);
  }
}

/** What works anywhere, as a command (/my) or as a menu button (my). */
const ANYWHERE: Readonly<Record<string, (turn: Turn) => Promise<void> | void>> = {
  menu: (turn) => turn.menu(),
  my: myRequests,
  status: askStatusNumber,
  st: askStatusNumber,
  help,
  cancel,
  language: changeLanguage,
  lang: changeLanguage,
};

/** The handler of a word that works anywhere; only the table's own keys (a user may send "__proto__"). */
const anywhere = (word: string) => (Object.hasOwn(ANYWHERE, word) ? ANYWHERE[word] : undefined);

async function command(turn: Turn, command: string, payload: string): Promise<void> {
  if (command === 'start') return start(turn, payload);
  return (anywhere(command) ?? ANYWHERE.menu!)(turn);
}

/** callback_data is `<head>:<arg>`; the heads below work anywhere, the others belong to the application under way. */
async function press(turn: Turn, data: string, messageId: number | null): Promise<void> {
  const [head = '', ...rest] = data.split(':');
  const arg = rest.join(':');
  if (head === 'lang' && (arg === 'kk' || arg === 'ru')) return chooseLanguage(turn, arg, messageId);
  const everywhere = anywhere(head);
  if (everywhere) return everywhere(turn);
  switch (head) {
    case 'svc':
      return chooseService(turn, arg);
    case 'r':
      return ownRequest(turn, arg);
    case 'pdf':
      return sendDocument(turn, arg);
    case 'sv1':
    case 'sv2':
      return survey(turn, head, rest, messageId);
    default:
      if (turn.flow?.kind === 'apply') return applyButton(turn, turn.flow, head, arg);
      return stale(turn);
  }
}

async function input(turn: Turn, incoming: Input): Promise<void> {
  const flow = turn.flow;
  if (flow?.kind === 'status') {
    if (incoming.kind !== 'text') return turn.say(turn.t(flow.stage === 'number' ? 'bot.status.askNumber' : 'bot.status.digitsExpected'));
    return flow.stage === 'number' ? statusNumber(turn, incoming.text) : statusDigits(turn, flow.number, incoming.text);
  }
  if (flow?.kind === 'language') return askLanguage(turn);
  if (flow?.kind !== 'apply') return turn.menu();
  return applyInput(turn, flow, incoming);
}

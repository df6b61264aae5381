import { Composer, type MiddlewareFn } from 'telegraf';
import { t } from '../../core/i18n/catalogue.js';
import type { Lang } from '../../core/i18n/text.js';
import { resume } from '../ask.js';
import { encode } from '../callback-data.js';
import { onButton, onCommand, onInput, type BotContext } from '../context.js';
import type { Turn } from '../turn.js';
import { start } from './menu.js';

export function askLanguage(turn: Turn): void {
  const choice = (label: string, lang: Lang) => ({ label, data: encode({ kind: 'chooseLanguage', lang }) });
  turn.say(t('kk', 'bot.chooseLanguage'), { inline: [[choice('Қазақша', 'kk'), choice('Русский', 'ru')]] });
}

/** /language and the menu's language button: the choice then leads to the menu. */
function changeLanguage(turn: Turn): void {
  turn.flow = { kind: 'language' };
  askLanguage(turn);
}

async function chooseLanguage(turn: Turn, lang: Lang): Promise<void> {
  turn.lang = lang;
  turn.changes = { ...turn.changes, lang };
  const { incoming } = turn.update;
  if (incoming.kind === 'button' && incoming.messageId !== null) turn.replies.push({ kind: 'edit', messageId: incoming.messageId, text: turn.t('bot.languageChosen') });
  if (turn.flow?.kind === 'language') {
    const payload = turn.flow.payload;
    turn.flow = null;
    return payload ? start(turn, payload) : turn.menu();
  }
  resume(turn);
}

/** Nothing is asked before the language is known; a deep link (`/start status_…`) waits for the choice. */
const firstTheLanguage: MiddlewareFn<BotContext> = (ctx, next) => {
  const { turn } = ctx;
  if (turn.chat.lang !== undefined || turn.pressed?.kind === 'chooseLanguage') return next();
  const { incoming } = turn.update;
  const payload = incoming.kind === 'command' && incoming.command === 'start' ? incoming.payload : '';
  turn.flow = payload ? { kind: 'language', payload } : turn.flow?.kind === 'language' ? turn.flow : { kind: 'language' };
  askLanguage(turn);
};

export const language = new Composer<BotContext>(
  firstTheLanguage,
  onButton('chooseLanguage', (turn, { lang }) => chooseLanguage(turn, lang)),
  onCommand(['language', 'lang'], changeLanguage),
  onButton('language', changeLanguage),
  // Anything else sent while the question stands: the question again.
  onInput('language', askLanguage),
);

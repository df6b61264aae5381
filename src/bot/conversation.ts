import { Composer } from 'telegraf';
import { t, type MessageKey } from '../core/i18n/catalogue.js';
import type { Lang } from '../core/i18n/text.js';
import { applyContact } from './composers/apply-contact.js';
import { applyFiles } from './composers/apply-files.js';
import { applyQuestions } from './composers/apply-questions.js';
import { applyReview } from './composers/apply-review.js';
import { applyService } from './composers/apply-service.js';
import { fallback } from './composers/fallback.js';
import { language } from './composers/language.js';
import { menu } from './composers/menu.js';
import { myRequests } from './composers/my-requests.js';
import { privateOnly } from './composers/private-only.js';
import { statusCheck } from './composers/status.js';
import { survey } from './composers/survey.js';
import type { BotContext } from './context.js';

/**
 * The citizen's conversation, one composer per idea, in the order they get a say: each takes what
 * it names and passes the rest on. What works anywhere (the menu, the status check, the citizen's
 * requests, the survey) comes before the application's steps, and what nobody took ends in the
 * fallback. The composers only collect replies on `ctx.turn`; keep-chat.ts stores, then sends.
 */
export const conversation = new Composer<BotContext>(
  privateOnly,
  language,
  menu,
  statusCheck,
  myRequests,
  survey,
  applyService,
  applyContact,
  applyQuestions,
  applyFiles,
  applyReview,
  fallback,
);

/** Bot commands as Telegram shows them in the "/" menu, per language. */
export function commands(lang: Lang): { command: string; description: string }[] {
  const keys: [string, MessageKey][] = [
    ['start', 'bot.commands.start'], ['status', 'bot.commands.status'], ['my', 'bot.commands.my'],
    ['help', 'bot.commands.help'], ['cancel', 'bot.commands.cancel'], ['language', 'bot.commands.language'],
  ];
  return keys.map(([command, key]) => ({ command, description: t(lang, key) }));
}

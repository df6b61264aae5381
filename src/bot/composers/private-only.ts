import { Composer } from 'telegraf';
import { t } from '../../core/i18n/catalogue.js';
import type { BotContext } from '../context.js';

/** Groups and channels get one bilingual line for a command, and nothing else: applications are personal. */
export const privateOnly = new Composer<BotContext>((ctx, next) => {
  const { turn } = ctx;
  if (turn.update.private) return next();
  if (turn.update.incoming.kind === 'command') turn.say(`${t('kk', 'bot.privateOnly')}\n${t('ru', 'bot.privateOnly')}`);
});

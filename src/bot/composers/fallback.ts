import { Composer } from 'telegraf';
import { ask, stale } from '../ask.js';
import type { BotContext } from '../context.js';

/**
 * What no composer before took: an unknown command leads to the menu, a button of another stage (or
 * data nobody sent) is stale, anything typed in the middle of an application gets its question again.
 */
export const fallback = new Composer<BotContext>(({ turn }) => {
  const { incoming } = turn.update;
  if (incoming.kind === 'command') return turn.menu();
  if (incoming.kind === 'button') return stale(turn);
  if (turn.flow?.kind !== 'apply') return turn.menu();
  turn.say(turn.t('bot.apply.textExpected'));
  ask(turn, turn.flow);
});

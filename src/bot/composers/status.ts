import { Composer } from 'telegraf';
import { onButton, onCommand, onInput, type BotContext } from '../context.js';
import { askStatusNumber, statusDigits, statusNumber } from '../status-check.js';

/** /status: a request number, then (for someone else's request) the last four digits of the applicant's IIN. */
export const statusCheck = new Composer<BotContext>(
  onCommand(['status', 'st'], askStatusNumber),
  onButton('status', askStatusNumber),
  onInput('status', (turn, flow, input) => {
    if (input.kind !== 'text') return turn.say(turn.t(flow.stage === 'number' ? 'bot.status.askNumber' : 'bot.status.digitsExpected'));
    return flow.stage === 'number' ? statusNumber(turn, input.text) : statusDigits(turn, flow.number, input.text);
  }),
);

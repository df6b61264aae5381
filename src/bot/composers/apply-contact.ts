import { Composer } from 'telegraf';
import { normalisePhone } from '../../core/forms/schema.js';
import { ask } from '../ask.js';
import { onApplyInput, type BotContext } from '../context.js';
import type { ApplyFlow } from '../flow.js';
import type { Turn } from '../turn.js';
import { startForm } from './apply-questions.js';

/** The shared contact: only the citizen's own number is taken, as the applicant's verified phone. */
function contact(turn: Turn, flow: ApplyFlow, shared: { phone: string; own: boolean }): void {
  if (!shared.own) {
    turn.say(turn.t('bot.apply.contactNotOwn'));
    return ask(turn, flow);
  }
  const phone = normalisePhone(shared.phone);
  if (!phone) {
    turn.say(turn.t('bot.apply.contactBad', { phone: shared.phone.slice(0, 30) }));
    return ask(turn, flow);
  }
  turn.changes = { ...turn.changes, phone, phoneSharedAt: turn.desk.moment().now };
  turn.say(turn.t('bot.apply.contactOk', { phone }), { remove: true });
  startForm(turn, flow);
}

/** Before the questions: the citizen's phone number, shared with Telegram's button. */
export const applyContact = new Composer<BotContext>(
  onApplyInput('contact', (turn, flow, input) => {
    if (input.kind === 'contact') return contact(turn, flow, input);
    turn.say(turn.t('bot.apply.contactAsked'));
    ask(turn, flow);
  }),
);

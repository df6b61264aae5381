import { Composer } from 'telegraf';
import { pick } from '../../core/i18n/text.js';
import { findOrganisation } from '../../core/offices.js';
import { describeVerification } from '../../documents/verification-text.js';
import { resume } from '../ask.js';
import { onButton, onCommand, type BotContext } from '../context.js';
import { statusNumber } from '../status-check.js';
import type { Turn } from '../turn.js';

/** /start, with the deep links of the status page (`status_<number>`) and of a document's QR code (`v_<number>_<code>`). */
export async function start(turn: Turn, payload: string): Promise<void> {
  const status = /^status_([0-9-]{8,20})$/i.exec(payload);
  if (status) return statusNumber(turn, status[1]!);
  const verify = /^v_([0-9-]{8,20})_([A-Za-z0-9-]{4,40})$/.exec(payload);
  if (verify) return verifyDocument(turn, verify[1]!, verify[2]!);
  // /start in the middle of an application keeps it and says where it stands.
  resume(turn);
}

async function verifyDocument(turn: Turn, number: string, code: string): Promise<void> {
  const verification = await turn.desk.verifyCode(number, code);
  if (!verification) return turn.say(describeVerification(turn.lang, { status: 'unknown' }));
  turn.say(`${turn.t('bot.verify.intro')}\n${describeVerification(turn.lang, verification)}`);
}

function cancel(turn: Turn): void {
  const had = turn.flow !== null && turn.flow.kind !== 'language';
  turn.flow = null;
  turn.say(turn.t(had ? 'bot.cancelled' : 'bot.nothingToCancel'), { remove: true });
  turn.menu();
}

/** The phones of the office applied to, or of every office that gives them, and the call centre. */
function help(turn: Turn): void {
  const offices = turn.reference.offices;
  const applying = turn.flow?.kind === 'apply' && turn.flow.office ? findOrganisation(offices, turn.flow.office) : undefined;
  const shown = applying ? [applying] : offices.organisations.filter((o) => o.kind === 'provider' && o.phones.length > 0);
  const lines = shown.map((o) => turn.t('bot.help.office', { title: pick(o.title, turn.lang), phones: o.phones.join(', ') }));
  turn.say(turn.t('bot.help', { offices: lines.join('\n'), callCentre: offices.callCentrePhone }), { inline: [[turn.button('bot.button.menu', { kind: 'menu' })]] });
}

/** What works anywhere, as a command or as a button: the menu, help, cancel. */
export const menu = new Composer<BotContext>(
  onCommand('start', start),
  onCommand('menu', (turn) => turn.menu()),
  onButton('menu', (turn) => turn.menu()),
  onCommand('help', help),
  onButton('help', help),
  onCommand('cancel', cancel),
  onButton('cancel', cancel),
);

import { t } from '../../core/i18n/catalogue.js';
import { pick, type Lang } from '../../core/i18n/text.js';
import { parseRequestNumber } from '../../core/identity/request-number.js';
import { findOrganisation } from '../../core/offices.js';
import { describeVerification } from '../../documents/verification-text.js';
import type { Turn } from '../turn.js';
import { resume } from './ask.js';
import { statusNumber } from './status.js';

export function askLanguage(turn: Turn): void {
  turn.say(t('kk', 'bot.chooseLanguage'), { inline: [[{ label: 'Қазақша', data: 'lang:kk' }, { label: 'Русский', data: 'lang:ru' }]] });
}

/** /language and the menu's language button: the choice then leads to the menu. */
export function changeLanguage(turn: Turn): void {
  turn.flow = { kind: 'language' };
  askLanguage(turn);
}

/** /start, with the deep links of the status page (`status_<number>`) and of a document's QR code (`v_<number>_<code>`). */
export async function start(turn: Turn, payload: string): Promise<void> {
  const status = /^status_([0-9-]{8,20})$/i.exec(payload);
  if (status) return statusNumber(turn, status[1]!);
  const verify = /^v_([0-9-]{8,20})_([A-Za-z0-9-]{4,40})$/.exec(payload);
  if (verify) return verifyDocument(turn, verify[1]!, verify[2]!);
  if (turn.flow?.kind === 'apply') {
    // /start in the middle of an application: keep it and say where it stands.
    return resume(turn);
  }
  return turn.menu();
}

export async function chooseLanguage(turn: Turn, lang: Lang, messageId: number | null): Promise<void> {
  turn.lang = lang;
  turn.changes = { ...turn.changes, lang };
  if (messageId !== null) turn.replies.push({ kind: 'edit', messageId, text: turn.t('bot.languageChosen') });
  if (turn.flow?.kind === 'language') {
    const payload = turn.flow.payload;
    turn.flow = null;
    return payload ? start(turn, payload) : turn.menu();
  }
  if (turn.flow === null) return turn.menu();
  return resume(turn);
}

export function cancel(turn: Turn): void {
  const had = turn.flow !== null && turn.flow.kind !== 'language';
  turn.flow = null;
  turn.say(turn.t(had ? 'bot.cancelled' : 'bot.nothingToCancel'), { remove: true });
  turn.menu();
}

/** The phones of the office applied to, or of every office that gives them, and the call centre. */
export function help(turn: Turn): void {
  const offices = turn.reference.offices;
  const applying = turn.flow?.kind === 'apply' && turn.flow.office ? findOrganisation(offices, turn.flow.office) : undefined;
  const shown = applying ? [applying] : offices.organisations.filter((o) => o.kind === 'provider' && o.phones.length > 0);
  const lines = shown.map((o) => turn.t('bot.help.office', { title: pick(o.title, turn.lang), phones: o.phones.join(', ') }));
  turn.say(turn.t('bot.help', { offices: lines.join('\n'), callCentre: offices.callCentrePhone }), { inline: [[turn.button('bot.button.menu', 'menu')]] });
}

async function verifyDocument(turn: Turn, number: string, code: string): Promise<void> {
  const documents = turn.deps.requests.documents;
  const parsed = parseRequestNumber(number);
  if (!documents || !parsed.ok) return turn.say(describeVerification(turn.lang, { status: 'unknown' }));
  turn.say(`${turn.t('bot.verify.intro')}\n${describeVerification(turn.lang, await documents.verifyCode(parsed.value, code))}`);
}

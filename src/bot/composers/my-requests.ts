import { Composer } from 'telegraf';
import { t } from '../../core/i18n/catalogue.js';
import { kindLabel } from '../../documents/verification-text.js';
import { stale } from '../ask.js';
import { encode } from '../callback-data.js';
import { onButton, onCommand, type BotContext } from '../context.js';
import type { Button } from '../replies.js';
import { serviceTitle, statusCard } from '../status-check.js';
import type { Turn } from '../turn.js';

/** The chat's requests, each a button to its card; an application under way stays where it is. */
async function listOwn(turn: Turn): Promise<void> {
  if (turn.flow?.kind !== 'apply') turn.flow = null;
  const mine = await turn.desk.ownRequests(turn.citizen);
  if (!mine.ok) return turn.say(turn.problem(mine.error), { inline: [[turn.button('bot.button.menu', { kind: 'menu' })]] });
  const { filed, total } = mine.value;
  if (filed.length === 0) {
    return turn.say(turn.t('bot.my.none'), { inline: [[turn.button('bot.button.status', { kind: 'status' }), turn.button('bot.button.menu', { kind: 'menu' })]] });
  }
  const numbered = filed.flatMap((s) => (s.number ? [{ ...s, number: s.number }] : []));
  const lines = numbered.map((s) => turn.t('bot.my.item', { number: s.number, service: serviceTitle(turn, s), state: t(turn.lang, `state.${s.state}`) }));
  turn.say(`${turn.t('bot.my.list', { count: total })}\n${lines.join('\n')}`, {
    inline: [...numbered.map((s): Button[] => [{ label: s.number, data: encode({ kind: 'request', number: s.number }) }]), [turn.button('bot.button.menu', { kind: 'menu' })]],
  });
}

/** A button of "my requests": the card of one of the chat's own requests. */
async function ownRequest(turn: Turn, number: string): Promise<void> {
  const found = await turn.desk.ownRequest(turn.citizen, number);
  if (!found.ok) return stale(turn);
  statusCard(turn, found.value);
}

/** The decision's PDF again, as the office holds it now. */
async function sendDocument(turn: Turn, number: string): Promise<void> {
  const document = await turn.desk.resultDocument(turn.citizen, number);
  switch (document.kind) {
    case 'notYours':
      return stale(turn);
    case 'none':
      return turn.say(turn.t('bot.pdf.none', { number }));
    case 'failed':
      return turn.say(turn.problem(document.error));
    case 'document':
      turn.replies.push({ kind: 'action', action: 'upload_document' });
      turn.replies.push({
        kind: 'document', bytes: document.bytes, fileName: document.fileName,
        caption: turn.t('bot.pdf.caption', { number, document: kindLabel(turn.lang, document.template) }),
      });
  }
}

/** /my: the citizen's own requests, their cards and their result documents. */
export const myRequests = new Composer<BotContext>(
  onCommand('my', listOwn),
  onButton('my', listOwn),
  onButton('request', (turn, { number }) => ownRequest(turn, number)),
  onButton('pdf', (turn, { number }) => sendDocument(turn, number)),
);

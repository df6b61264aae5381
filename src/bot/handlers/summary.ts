import { isDiskProblem } from '../../app/unavailable.js';
import { render } from '../../core/i18n/catalogue.js';
import { pick } from '../../core/i18n/text.js';
import { contactPhones, findOrganisation } from '../../core/offices.js';
import type { DomainError } from '../../core/result.js';
import * as q from '../questionnaire.js';
import type { ApplyFlow, Turn } from '../turn.js';
import { ask, stale } from './ask.js';

/** The summary's buttons (confirm, edit) and the edit menu's (a section, an answer, back to the summary). */
export function reviewButton(turn: Turn, flow: ApplyFlow, head: string, arg: string): Promise<void> {
  if (head === 'ok' && flow.stage === 'summary') return submit(turn, flow);
  if (head === 'edit') return ask(turn, turn.set(flow, { stage: 'edit', editAt: undefined as never }));
  if (head === 'sum') return ask(turn, turn.set(flow, { stage: 'summary' }));
  if (head === 'e' && flow.stage === 'edit') return editItem(turn, flow, arg);
  return stale(turn);
}

function editItem(turn: Turn, flow: ApplyFlow, value: string): Promise<void> {
  const form = turn.service(flow).form;
  const item = q.editMenu(form, flow.form!, turn.lang, flow.editAt).find((i) => i.value === value);
  if (!item) return stale(turn);
  if (item.isSection) return ask(turn, turn.set(flow, { editAt: value }));
  const edited = q.editAt(form, flow.form!, value);
  // Removing a row leaves nothing to ask: straight back to the summary.
  return ask(turn, turn.set(flow, { stage: q.isAtSummary(edited) ? 'summary' : 'form', form: edited }));
}

/** Files the application: the whole form checked once more, the stored files attached, the verified phone along. */
async function submit(turn: Turn, flow: ApplyFlow): Promise<void> {
  const service = turn.service(flow);
  const confirmed = q.confirm(service.form, flow.form!, turn.today());
  if (!confirmed.ok) {
    turn.say(pick(confirmed.error.message, turn.lang));
    return ask(turn, turn.set(flow, { stage: 'form', form: confirmed.error.state }));
  }
  // Each file was stored when it arrived: filed by its hash, not read back and stored again.
  const attachments = flow.files.map((f) => ({ name: f.name, mediaType: f.mediaType, sha256: f.sha256, size: f.size, documentId: f.document }));
  turn.replies.push({ kind: 'action', action: 'typing' });
  const phone = turn.changes.phone ?? turn.chat.phone;
  const result = await turn.deps.requests.submit({
    serviceId: service.id,
    channel: 'bot',
    answers: confirmed.value.answers,
    actor: { login: `telegram:${turn.update.userId}`, role: 'citizen' },
    lang: turn.lang,
    ...(flow.office ? { office: flow.office } : {}),
    attachments,
    ...(phone ? { verifiedPhone: phone } : {}),
    contact: { telegramChatId: turn.update.chatId },
    requestId: flow.requestId,
  });
  if (result.ok) {
    turn.flow = null;
    turn.say(turn.t('bot.registered', { number: result.value.number ?? '—' }), { inline: [[turn.button('bot.button.myRequests', 'my'), turn.button('bot.button.menu', 'menu')]] });
    return;
  }
  return submitFailed(turn, flow, result.error);
}

function submitFailed(turn: Turn, flow: ApplyFlow, error: DomainError): Promise<void> | void {
  // A full disk is the office's problem, not the citizen's to report: "try again later".
  const message = isDiskProblem(error) ? turn.t('store.full.citizen') : render(turn.lang, error.message);
  if (error.code === 'INTAKE_REFUSED') {
    turn.flow = null;
    const offices = turn.reference.offices;
    const phones = contactPhones(offices, findOrganisation(offices, flow.office ?? '')).join(', ');
    return turn.say(turn.t('bot.intakeRefused', { message, phones }), turn.menuKeyboard());
  }
  if (error.code === 'VALIDATION') {
    const problems = (error.fields ?? []).map((f) => `• ${pick(f.label, turn.lang)}: ${pick(f.expected, turn.lang)}`).join('\n');
    turn.say(turn.t('bot.submitProblems', { problems: problems || message }));
    return ask(turn, turn.set(flow, { stage: 'summary' }));
  }
  turn.say(turn.t('bot.submitFailed', { reason: message }));
  return ask(turn, turn.set(flow, { stage: 'summary' }));
}

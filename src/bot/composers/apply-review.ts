import { Composer } from 'telegraf';
import { contactPhones, findOrganisation } from '../../core/offices.js';
import { pick } from '../../core/i18n/text.js';
import type { DomainError } from '../../core/result.js';
import { ask, stale } from '../ask.js';
import { onApplyButton, type BotContext } from '../context.js';
import type { ApplyFlow } from '../flow.js';
import * as q from '../questionnaire.js';
import type { Turn } from '../turn.js';

/** The edit menu from its top: a section opened before is closed again. */
function editMenu(turn: Turn, { editAt: _closed, ...flow }: ApplyFlow): void {
  ask(turn, turn.set(flow, { stage: 'edit' }));
}

/** An entry of the edit menu: a section opens, an answer is asked again (then back to the summary). */
function editItem(turn: Turn, flow: ApplyFlow, value: string): void {
  const form = turn.service(flow).form;
  const item = q.editMenu(form, flow.form!, turn.lang, flow.editAt).find((i) => i.value === value);
  if (!item) return stale(turn);
  if (item.isSection) return ask(turn, turn.set(flow, { editAt: value }));
  const edited = q.editAt(form, flow.form!, value);
  // Removing a row leaves nothing to ask: straight back to the summary.
  ask(turn, turn.set(flow, { stage: q.isAtSummary(edited) ? 'summary' : 'form', form: edited }));
}

/** Files the application: the whole form checked once more, the stored files by their hash, the verified phone along. */
async function submit(turn: Turn, flow: ApplyFlow): Promise<void> {
  const service = turn.service(flow);
  const confirmed = q.confirm(service.form, flow.form!, turn.today());
  if (!confirmed.ok) {
    turn.say(pick(confirmed.error.message, turn.lang));
    return ask(turn, turn.set(flow, { stage: 'form', form: confirmed.error.state }));
  }
  turn.replies.push({ kind: 'action', action: 'typing' });
  const phone = turn.changes.phone ?? turn.chat.phone;
  const result = await turn.desk.file(turn.citizen, {
    serviceId: service.id,
    ...(flow.office ? { office: flow.office } : {}),
    answers: confirmed.value.answers,
    attachments: flow.files.map((f) => ({ name: f.name, mediaType: f.mediaType, sha256: f.sha256, size: f.size, documentId: f.document })),
    ...(phone ? { phone } : {}),
    lang: turn.lang,
    requestId: flow.requestId,
  });
  if (!result.ok) return submitFailed(turn, flow, result.error);
  turn.flow = null;
  turn.say(turn.t('bot.registered', { number: result.value.number ?? '—' }), {
    inline: [[turn.button('bot.button.myRequests', { kind: 'my' }), turn.button('bot.button.menu', { kind: 'menu' })]],
  });
}

function submitFailed(turn: Turn, flow: ApplyFlow, error: DomainError): void {
  const message = turn.problem(error);
  if (error.code === 'INTAKE_REFUSED') {
    turn.flow = null;
    const offices = turn.reference.offices;
    const phones = contactPhones(offices, findOrganisation(offices, flow.office ?? '')).join(', ');
    return turn.say(turn.t('bot.intakeRefused', { message, phones }), turn.menuKeyboard());
  }
  if (error.code === 'VALIDATION') {
    const problems = (error.fields ?? []).map((f) => `• ${pick(f.label, turn.lang)}: ${pick(f.expected, turn.lang)}`).join('\n');
    turn.say(turn.t('bot.submitProblems', { problems: problems || message }));
  } else {
    turn.say(turn.t('bot.submitFailed', { reason: message }));
  }
  ask(turn, turn.set(flow, { stage: 'summary' }));
}

/** The summary: confirm, or edit an answer through the edit menu and come back. */
export const applyReview = new Composer<BotContext>(
  onApplyButton('summary', 'confirm', submit),
  onApplyButton(['summary', 'edit'], 'edit', editMenu),
  onApplyButton(['summary', 'edit'], 'toSummary', (turn, flow) => ask(turn, turn.set(flow, { stage: 'summary' }))),
  onApplyButton('edit', 'editItem', (turn, flow, { value }) => editItem(turn, flow, value)),
);

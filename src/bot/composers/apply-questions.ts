import { Composer } from 'telegraf';
import { pick, type Text } from '../../core/i18n/text.js';
import type { Result } from '../../core/result.js';
import { ask, stale } from '../ask.js';
import type { CallbackOf } from '../callback-data.js';
import { onApplyButton, onApplyInput, type BotContext } from '../context.js';
import { documentsFor, type ApplyFlow } from '../flow.js';
import * as q from '../questionnaire.js';
import type { Turn } from '../turn.js';

/** After the contact: the questionnaire, with the verified phone filled in as the applicant's. */
export function startForm(turn: Turn, flow: ApplyFlow): void {
  const phone = turn.changes.phone ?? turn.chat.phone;
  const prefill = phone ? { applicant: { phone } } : {};
  const form = flow.form ?? q.startQuestionnaire(turn.service(flow).form, { prefill });
  ask(turn, turn.set(flow, { stage: 'form', form }));
}

/** An answer button, skip, or back to the question before (from the first, back to the intro). */
function pressed(turn: Turn, flow: ApplyFlow, data: CallbackOf<'answer' | 'skip' | 'back'>): void {
  const form = turn.service(flow).form;
  const state = flow.form!;
  if (data.kind === 'back') {
    const after = q.back(form, state);
    if (after === state || JSON.stringify(after) === JSON.stringify(state)) return ask(turn, turn.set(flow, { stage: 'intro' }));
    return formStep(turn, flow, after);
  }
  if (data.kind === 'skip') return afterAnswer(turn, flow, q.skip(form, state, turn.today()));
  // The question's path rides on the button, so a button of an old question cannot answer the current one.
  if (data.path !== undefined && data.path !== q.prompt(form, state, turn.lang, turn.today()).path) return stale(turn);
  afterAnswer(turn, flow, q.answer(form, state, data.value, turn.today()));
}

/** A refused answer is said and the question asked again; an accepted one moves on. */
function afterAnswer(turn: Turn, flow: ApplyFlow, step: Result<q.QuestionnaireState, Text>): void {
  if (!step.ok) {
    turn.say(pick(step.error, turn.lang));
    return ask(turn, flow);
  }
  formStep(turn, flow, step.value);
}

function formStep(turn: Turn, flow: ApplyFlow, form: q.QuestionnaireState): void {
  const next = turn.set(flow, { form });
  if (!q.isAtSummary(form)) return ask(turn, next);
  // The first time through, the documents come after the questions; after an edit, straight back to the summary.
  if (next.reviewed) return ask(turn, turn.set(next, { stage: 'summary' }));
  const docs = documentsFor(turn.service(next));
  if (docs.length === 0) return ask(turn, turn.set(next, { stage: 'summary' }));
  ask(turn, turn.set(next, { stage: 'files', doc: Math.min(next.doc, docs.length - 1) }));
}

/** The questionnaire, one question at a time: typed answers, answer buttons, skip and back. */
export const applyQuestions = new Composer<BotContext>(
  onApplyButton('form', ['answer', 'skip', 'back'], pressed),
  onApplyInput('form', (turn, flow, input) => {
    if (input.kind === 'text') return afterAnswer(turn, flow, q.answer(turn.service(flow).form, flow.form!, input.text, turn.today()));
    turn.say(turn.t(input.kind === 'file' ? 'bot.apply.filesNow' : 'bot.apply.textExpected'));
    ask(turn, flow);
  }),
);

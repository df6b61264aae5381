import { randomUUID } from 'node:crypto';
import { normalisePhone } from '../../core/forms/schema.js';
import { pick, type Text } from '../../core/i18n/text.js';
import type { Result } from '../../core/result.js';
import { providersOf } from '../../core/offices.js';
import type { Incoming } from '../incoming.js';
import * as q from '../questionnaire.js';
import { botServices, documentsFor, type ApplyFlow, type Turn } from '../turn.js';
import { ask, stale, TYPES } from './ask.js';
import { file, filesButton } from './files.js';
import { reviewButton } from './summary.js';

/** What a citizen may send instead of a command or a button press. */
export type Input = Exclude<Incoming, { kind: 'command' } | { kind: 'button' }>;

/** A service of the menu: its office (asked only where several give it), then the intro. */
export async function chooseService(turn: Turn, id: string): Promise<void> {
  const service = botServices().find((s) => s.id === id);
  if (!service) return stale(turn);
  const providers = providersOf(turn.reference.offices, service.id);
  const flow: ApplyFlow = {
    kind: 'apply', service: service.id, requestId: randomUUID(), doc: 0, files: [],
    stage: providers.length === 1 ? 'intro' : 'office',
    ...(providers.length === 1 ? { office: providers[0]!.id } : {}),
  };
  turn.flow = flow;
  return ask(turn, flow);
}

/** A button of the application under way, taken only at the stage that offered it. */
export async function applyButton(turn: Turn, flow: ApplyFlow, head: string, arg: string): Promise<void> {
  if (head === 'office' && flow.stage === 'office') {
    if (!providersOf(turn.reference.offices, turn.service(flow).id).some((o) => o.id === arg)) return stale(turn);
    return ask(turn, turn.set(flow, { office: arg, stage: 'intro' }));
  }
  if (head === 'go' && flow.stage === 'intro') {
    if (turn.chat.phone) return startForm(turn, flow);
    return ask(turn, turn.set(flow, { stage: 'contact' }));
  }
  if (flow.stage === 'form' && (head === 'a' || head === 'skip' || head === 'back')) return formButton(turn, flow, head, arg);
  if (flow.stage === 'files' && (head === 'next' || head === 'back' || head === 'drop')) return filesButton(turn, flow, head);
  if (flow.stage === 'summary' || flow.stage === 'edit') return reviewButton(turn, flow, head, arg);
  return stale(turn);
}

function formButton(turn: Turn, flow: ApplyFlow, head: 'a' | 'skip' | 'back', arg: string): Promise<void> {
  const form = turn.service(flow).form;
  if (head === 'back') {
    const before = flow.form!;
    const after = q.back(form, before);
    if (after === before || JSON.stringify(after) === JSON.stringify(before)) return ask(turn, turn.set(flow, { stage: 'intro' }));
    return formStep(turn, flow, after);
  }
  if (head === 'a') {
    const asked = q.prompt(form, flow.form!, turn.lang, turn.today()).path;
    const split = arg.lastIndexOf('|');
    if (split >= 0 && arg.slice(0, split) !== asked) return stale(turn);
  }
  const step = head === 'a' ? q.answer(form, flow.form!, arg.slice(arg.lastIndexOf('|') + 1), turn.today()) : q.skip(form, flow.form!, turn.today());
  return afterAnswer(turn, flow, step);
}

/** Text, a contact or a file while applying: each is taken only at the stage that asks for it. */
export async function applyInput(turn: Turn, flow: ApplyFlow, incoming: Input): Promise<void> {
  switch (flow.stage) {
    case 'contact':
      if (incoming.kind !== 'contact') {
        turn.say(turn.t('bot.apply.contactAsked'));
        return ask(turn, flow);
      }
      return contact(turn, flow, incoming);
    case 'form':
      if (incoming.kind !== 'text') {
        turn.say(turn.t(incoming.kind === 'file' ? 'bot.apply.filesNow' : 'bot.apply.textExpected'));
        return ask(turn, flow);
      }
      return typedAnswer(turn, flow, incoming.text);
    case 'files':
      if (incoming.kind !== 'file') {
        turn.say(turn.t('bot.files.expected', { types: TYPES }));
        return ask(turn, flow);
      }
      return file(turn, flow, incoming);
    default:
      turn.say(turn.t('bot.apply.textExpected'));
      return ask(turn, flow);
  }
}

function typedAnswer(turn: Turn, flow: ApplyFlow, text: string): Promise<void> {
  return afterAnswer(turn, flow, q.answer(turn.service(flow).form, flow.form!, text, turn.today()));
}

/** A refused answer is said and the question asked again; an accepted one moves on. */
function afterAnswer(turn: Turn, flow: ApplyFlow, step: Result<q.QuestionnaireState, Text>): Promise<void> {
  if (!step.ok) {
    turn.say(pick(step.error, turn.lang));
    return ask(turn, flow);
  }
  return formStep(turn, flow, step.value);
}

/** The shared contact: only the citizen's own number is taken, as the applicant's verified phone. */
function contact(turn: Turn, flow: ApplyFlow, contact: { phone: string; own: boolean }): Promise<void> {
  if (!contact.own) {
    turn.say(turn.t('bot.apply.contactNotOwn'));
    return ask(turn, flow);
  }
  const phone = normalisePhone(contact.phone);
  if (!phone) {
    turn.say(turn.t('bot.apply.contactBad', { phone: contact.phone.slice(0, 30) }));
    return ask(turn, flow);
  }
  turn.changes = { ...turn.changes, phone, phoneSharedAt: turn.deps.requests.moment().now };
  turn.say(turn.t('bot.apply.contactOk', { phone }), { remove: true });
  return startForm(turn, flow);
}

/** After the contact: the questionnaire, with the verified phone filled in as the applicant's. */
function startForm(turn: Turn, flow: ApplyFlow): Promise<void> {
  const phone = turn.changes.phone ?? turn.chat.phone;
  const prefill = turn.chat.phone || turn.changes.phone ? { applicant: { phone } } : {};
  const form = flow.form ?? q.startQuestionnaire(turn.service(flow).form, { prefill });
  return ask(turn, turn.set(flow, { stage: 'form', form }));
}

function formStep(turn: Turn, flow: ApplyFlow, form: q.QuestionnaireState): Promise<void> {
  const next = turn.set(flow, { form });
  if (!q.isAtSummary(form)) return ask(turn, next);
  // The first time through, the documents come after the questions; after an edit, straight back to the summary.
  if (!flow.reviewed) return afterForm(turn, next);
  return ask(turn, turn.set(next, { stage: 'summary' }));
}

function afterForm(turn: Turn, flow: ApplyFlow): Promise<void> {
  const docs = documentsFor(turn.service(flow));
  if (docs.length === 0) return ask(turn, turn.set(flow, { stage: 'summary' }));
  return ask(turn, turn.set(flow, { stage: 'files', doc: Math.min(flow.doc, docs.length - 1) }));
}

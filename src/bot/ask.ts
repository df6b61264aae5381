import { pick } from '../core/i18n/text.js';
import { findOrganisation, providersOf } from '../core/offices.js';
import { MAX_ATTACHMENT_BYTES } from '../app/attachments.js';
import { encode } from './callback-data.js';
import { documentsFor, type ApplyFlow } from './flow.js';
import * as q from './questionnaire.js';
import { clip } from './questionnaire/display.js';
import type { Button, Keyboard } from './replies.js';
import type { Turn } from './turn.js';

/** The file types and size named in the questions; attachments.ts checks them. */
export const TYPES = 'JPG, PNG, PDF, TIFF, HEIC';
export const MB = MAX_ATTACHMENT_BYTES / 1024 / 1024;

/** Says where the application stands and asks its current question again; the menu when none is under way. */
export function resume(turn: Turn): void {
  if (turn.flow?.kind !== 'apply') return turn.menu();
  return ask(turn, turn.flow);
}

/** A button of an old message (or data nobody sent): a notice over the chat, then back to where the citizen stands. */
export function stale(turn: Turn): void {
  turn.notice = turn.t('bot.staleButton');
  resume(turn);
}

/** Asks the question of the application's current stage. */
export function ask(turn: Turn, flow: ApplyFlow): void {
  switch (flow.stage) {
    case 'office':
      return askOffice(turn, flow);
    case 'intro':
      return askStart(turn, flow);
    case 'contact':
      return turn.say(turn.t('bot.apply.contact'), { contact: turn.t('bot.button.shareContact') });
    case 'form':
      return askField(turn, flow);
    case 'files':
      return askFile(turn, flow);
    case 'summary':
      return summary(turn, turn.set(flow, { reviewed: true }));
    case 'edit':
      return askEdit(turn, flow);
  }
}

function navRow(turn: Turn, options: { back?: boolean; skip?: boolean } = {}): Button[] {
  const row: Button[] = [];
  if (options.back) row.push(turn.button('bot.button.back', { kind: 'back' }));
  if (options.skip) row.push(turn.button('bot.button.skip', { kind: 'skip' }));
  row.push(turn.button('bot.button.cancel', { kind: 'cancel' }));
  return row;
}

function askOffice(turn: Turn, flow: ApplyFlow): void {
  const service = turn.service(flow);
  const offices = providersOf(turn.reference.offices, service.id);
  turn.say(turn.t('bot.apply.office', { service: pick(service.title, turn.lang) }), {
    inline: [...offices.map((o): Button[] => [{ label: clip(pick(o.title, turn.lang), 64), data: encode({ kind: 'office', office: o.id }) }]), navRow(turn)],
  });
}

/** The intro: office, term, how many questions and which documents, then "start". */
function askStart(turn: Turn, flow: ApplyFlow): void {
  const service = turn.service(flow);
  const office = findOrganisation(turn.reference.offices, flow.office ?? '');
  const docs = documentsFor(service);
  const rule = service.deadlineByChannel?.bot ?? service.deadline;
  turn.say(turn.t('bot.apply.intro', {
    service: pick(service.title, turn.lang),
    office: office ? pick(office.title, turn.lang) : '—',
    term: turn.t(rule.unit === 'calendar' ? 'bot.term.calendar' : 'bot.term.working', { days: rule.days }),
    documents: docs.length === 0 ? turn.t('bot.apply.noDocuments') : docs.map((d) => turn.t(d.required ? 'bot.apply.documentRequired' : 'bot.apply.documentOptional', { title: pick(d.title, turn.lang) })).join('\n'),
    types: TYPES,
    mb: MB,
  }), { inline: [[turn.button('bot.button.start', { kind: 'go' })], navRow(turn)] });
}

function askField(turn: Turn, flow: ApplyFlow): void {
  const p = q.prompt(turn.service(flow).form, flow.form!, turn.lang, turn.today());
  // The question's path rides along, so a button of an old question cannot answer the current one.
  const answers = p.buttons.map((row) => row.map((b): Button => ({ label: b.label, data: encode({ kind: 'answer', path: p.path, value: b.value }) })));
  turn.say(p.text, { inline: [...answers, navRow(turn, { back: true, skip: p.canSkip })] });
}

function askFile(turn: Turn, flow: ApplyFlow): void {
  const docs = documentsFor(turn.service(flow));
  const doc = docs[flow.doc]!;
  turn.say(turn.t('bot.files.ask', {
    n: flow.doc + 1, total: docs.length, title: pick(doc.title, turn.lang),
    mark: turn.t(doc.required ? 'bot.files.required' : 'bot.files.optional'), types: TYPES, mb: MB,
  }), fileKeyboard(turn, flow));
}

/**
 * Under a document's request and under each file received for it: Next once a required document has
 * a file (Skip for an optional one without), removing the last file sent by mistake, Back, Cancel.
 */
export function fileKeyboard(turn: Turn, flow: ApplyFlow): Keyboard {
  const doc = documentsFor(turn.service(flow))[flow.doc]!;
  const have = flow.files.filter((f) => f.document === doc.id).length;
  const rows: Button[][] = [];
  if (have > 0) rows.push([turn.button('bot.button.next', { kind: 'next' })], [turn.button('bot.button.dropFile', { kind: 'drop' })]);
  else if (!doc.required) rows.push([turn.button('bot.button.skip', { kind: 'next' })]);
  rows.push([turn.button('bot.button.back', { kind: 'back' }), turn.button('bot.button.cancel', { kind: 'cancel' })]);
  return { inline: rows };
}

function askEdit(turn: Turn, flow: ApplyFlow): void {
  const items = q.editMenu(turn.service(flow).form, flow.form!, turn.lang, flow.editAt);
  const rows = items.map((i): Button[] => [{ label: clip(`${i.isSection ? '▸ ' : ''}${i.label}`, 64), data: encode({ kind: 'editItem', value: i.value }) }]);
  turn.say(turn.t('bot.summary.editWhat'), { inline: [...rows, [turn.button('bot.button.toSummary', { kind: 'toSummary' })]] });
}

/** The answers, the phone and the documents, with confirm and edit under the last part. */
function summary(turn: Turn, flow: ApplyFlow): void {
  const service = turn.service(flow);
  const parts = [...q.summary(service.form, flow.form!, turn.lang)];
  const files = documentsFor(service)
    .map((d) => ({ d, count: flow.files.filter((f) => f.document === d.id).length }))
    .filter((x) => x.count > 0)
    .map((x) => turn.t('bot.summary.file', { title: pick(x.d.title, turn.lang), count: x.count }));
  const extra = [turn.t('bot.summary.phone', { phone: turn.chat.phone ?? '—' }), ...(files.length ? [turn.t('bot.summary.files'), ...files] : [])].join('\n');
  for (const part of parts.slice(0, -1)) turn.say(part);
  // After the answers and before the closing "check and confirm" line.
  const last = parts.at(-1) ?? '';
  const cut = last.lastIndexOf('\n\n');
  const closing = cut >= 0 ? `${last.slice(0, cut)}\n\n${extra}${last.slice(cut)}` : `${last}\n\n${extra}`;
  turn.say(closing, {
    inline: [
      [turn.button('botForm.button.confirm', { kind: 'confirm' })],
      [turn.button('botForm.button.edit', { kind: 'edit' }), turn.button('bot.button.cancel', { kind: 'cancel' })],
    ],
  });
}

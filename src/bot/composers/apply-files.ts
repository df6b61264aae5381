import { Composer } from 'telegraf';
import { ALLOWED_MEDIA_TYPES, MAX_ATTACHMENT_BYTES, mediaTypeOf } from '../../app/attachments.js';
import { pick } from '../../core/i18n/text.js';
import { sizeText } from '../../core/size.js';
import { ask, fileKeyboard, MB, TYPES } from '../ask.js';
import type { CallbackOf } from '../callback-data.js';
import { onApplyButton, onApplyInput, type BotContext } from '../context.js';
import { documentsFor, type ApplyFlow } from '../flow.js';
import * as q from '../questionnaire.js';
import type { Turn } from '../turn.js';

interface SentFile {
  readonly fileId: string;
  readonly name: string;
  readonly mediaType: string | null;
  readonly size: number | null;
}

const allowed = (mediaType: string): boolean => (ALLOWED_MEDIA_TYPES as readonly string[]).includes(mediaType);

/** A file for the document being asked for: checked, stored by its hash as it arrives (the desk), counted. */
async function file(turn: Turn, flow: ApplyFlow, sent: SentFile): Promise<void> {
  const doc = documentsFor(turn.service(flow))[flow.doc]!;
  const name = sent.name.slice(0, 120);
  // Telegram's type is trusted when it is one we take; otherwise the name's extension decides.
  const mediaType = sent.mediaType && allowed(sent.mediaType) ? sent.mediaType : mediaTypeOf(name) ?? sent.mediaType ?? '—';
  if (!allowed(mediaType)) return refuse(turn, flow, turn.t('bot.files.badType', { name, type: mediaType, types: TYPES }));
  // Said before downloading: Telegram gives bots files up to 20 MB only.
  if (sent.size !== null && sent.size > MAX_ATTACHMENT_BYTES) return refuse(turn, flow, turn.t('bot.files.tooBig', { name, size: sizeText(sent.size), mb: MB }));
  turn.replies.push({ kind: 'action', action: 'typing' });
  const content = await turn.deps.download(sent.fileId);
  if (!content) return refuse(turn, flow, turn.t('bot.files.downloadFailed', { name }));
  const kept = await turn.desk.keepFile({ name, mediaType, content, documentId: doc.id });
  if (!kept.ok) return refuse(turn, flow, turn.problem(kept.error));
  const { sha256, size } = kept.value;
  const files = [...flow.files, { document: doc.id, name, mediaType, size, sha256 }];
  const next = turn.set(flow, { files });
  const count = files.filter((f) => f.document === doc.id).length;
  turn.say(turn.t('bot.files.received', { name, size: sizeText(size), count }), fileKeyboard(turn, next));
}

function refuse(turn: Turn, flow: ApplyFlow, why: string): void {
  turn.say(why);
  ask(turn, flow);
}

/**
 * "Next" (or "skip") to the next document or the summary; "back" to the previous document or the
 * last question; "drop" removes the last file sent for this document (a wrong photo).
 */
function pressed(turn: Turn, flow: ApplyFlow, { kind }: CallbackOf<'next' | 'back' | 'drop'>): void {
  const docs = documentsFor(turn.service(flow));
  const doc = docs[flow.doc]!;
  if (kind === 'drop') {
    const last = flow.files.findLastIndex((f) => f.document === doc.id);
    if (last < 0) return ask(turn, flow);
    turn.say(turn.t('bot.files.dropped', { name: flow.files[last]!.name }));
    return ask(turn, turn.set(flow, { files: flow.files.filter((_, i) => i !== last) }));
  }
  if (kind === 'back') {
    if (flow.doc > 0) return ask(turn, turn.set(flow, { doc: flow.doc - 1 }));
    return ask(turn, turn.set(flow, { stage: 'form', form: q.back(turn.service(flow).form, flow.form!) }));
  }
  if (doc.required && !flow.files.some((f) => f.document === doc.id)) {
    turn.say(turn.t('bot.files.missing', { title: pick(doc.title, turn.lang) }));
    return ask(turn, flow);
  }
  if (flow.doc + 1 < docs.length) return ask(turn, turn.set(flow, { doc: flow.doc + 1 }));
  ask(turn, turn.set(flow, { stage: 'summary' }));
}

/** The documents, one request each: photos and scans, next, back, remove the last one. */
export const applyFiles = new Composer<BotContext>(
  onApplyButton('files', ['next', 'back', 'drop'], pressed),
  onApplyInput('files', (turn, flow, input) => {
    if (input.kind === 'file') return file(turn, flow, input);
    turn.say(turn.t('bot.files.expected', { types: TYPES }));
    ask(turn, flow);
  }),
);

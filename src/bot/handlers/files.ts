import { render } from '../../core/i18n/catalogue.js';
import { pick } from '../../core/i18n/text.js';
import { sizeText } from '../../core/size.js';
import { ALLOWED_MEDIA_TYPES, MAX_ATTACHMENT_BYTES, checkAttachments, mediaTypeOf } from '../../app/attachments.js';
import * as q from '../questionnaire.js';
import { documentsFor, type ApplyFlow, type Turn } from '../turn.js';
import { ask, fileKeyboard, MB, TYPES } from './ask.js';

interface SentFile {
  readonly fileId: string;
  readonly name: string;
  readonly mediaType: string | null;
  readonly size: number | null;
}

const allowed = (mediaType: string): boolean => (ALLOWED_MEDIA_TYPES as readonly string[]).includes(mediaType);

/** A file for the document being asked for: checked, stored by its hash, counted. */
export async function file(turn: Turn, flow: ApplyFlow, sent: SentFile): Promise<void> {
  const doc = documentsFor(turn.service(flow))[flow.doc]!;
  const name = sent.name.slice(0, 120);
  // Telegram's type is trusted when it is one we take; otherwise the name's extension decides.
  const mediaType = sent.mediaType && allowed(sent.mediaType) ? sent.mediaType : mediaTypeOf(name) ?? sent.mediaType ?? '—';
  if (!allowed(mediaType)) return refuse(turn, flow, turn.t('bot.files.badType', { name, type: mediaType, types: TYPES }));
  // Said before downloading: Telegram gives bots files up to 20 MB only.
  if (sent.size !== null && sent.size > MAX_ATTACHMENT_BYTES) return refuse(turn, flow, turn.t('bot.files.tooBig', { name, size: sizeText(sent.size), mb: MB }));
  turn.replies.push({ kind: 'action', action: 'typing' });
  const bytes = await turn.deps.download(sent.fileId);
  if (!bytes) return refuse(turn, flow, turn.t('bot.files.downloadFailed', { name }));
  const checked = checkAttachments([{ name, mediaType, content: bytes }]);
  if (!checked.ok) return refuse(turn, flow, render(turn.lang, checked.error.message));
  const sha256 = await turn.deps.store.putBlob(bytes);
  const files = [...flow.files, { document: doc.id, name, mediaType, size: bytes.byteLength, sha256 }];
  const next = turn.set(flow, { files });
  const count = files.filter((f) => f.document === doc.id).length;
  turn.say(turn.t('bot.files.received', { name, size: sizeText(bytes.byteLength), count }), fileKeyboard(turn, next));
}

function refuse(turn: Turn, flow: ApplyFlow, why: string): Promise<void> {
  turn.say(why);
  return ask(turn, flow);
}

/**
 * "Next" (or "skip") to the next document or the summary; "back" to the previous document or the
 * last question; "drop" removes the last file sent for this document (a wrong photo).
 */
export function filesButton(turn: Turn, flow: ApplyFlow, head: 'next' | 'back' | 'drop'): Promise<void> {
  const docs = documentsFor(turn.service(flow));
  const doc = docs[flow.doc]!;
  if (head === 'drop') {
    const last = flow.files.findLastIndex((f) => f.document === doc.id);
    if (last < 0) return ask(turn, flow);
    turn.say(turn.t('bot.files.dropped', { name: flow.files[last]!.name }));
    return ask(turn, turn.set(flow, { files: flow.files.filter((_, i) => i !== last) }));
  }
  if (head === 'back') {
    if (flow.doc > 0) return ask(turn, turn.set(flow, { doc: flow.doc - 1 }));
    return ask(turn, turn.set(flow, { stage: 'form', form: q.back(turn.service(flow).form, flow.form!) }));
  }
  if (doc.required && !flow.files.some((f) => f.document === doc.id)) {
    turn.say(turn.t('bot.files.missing', { title: pick(doc.title, turn.lang) }));
    return ask(turn, flow);
  }
  if (flow.doc + 1 < docs.length) return ask(turn, turn.set(flow, { doc: flow.doc + 1 }));
  return ask(turn, turn.set(flow, { stage: 'summary' }));
}

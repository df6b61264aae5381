/**
 * Bot API methods that put something into a chat: sendMessage, sendDocument, sendPhoto and
 * sendChatAction, with the checks Telegram makes before it accepts a message.
 */
import { basename } from 'node:path';
import { mimeFromName, type FileKind, type StoredFile } from './files.js';
import { formatText, type MessageEntity } from './formatting.js';
import { readMarkup, type Markup } from './markup.js';
import { badRequest, bool, int, isFailure, isRecord, isUploadedFile, json, ok, str, type Failure, type Params, type UploadedFile } from './wire.js';
import { compact, unixTime, type Chat, type Method, type MethodContext, type StoredMessage } from './world.js';

interface Prepared {
  chat: Chat;
  markup: Markup | undefined;
  replyTo: Record<string, unknown> | undefined;
}

/** What every send checks first: the chat, the markup and the message it replies to. */
function prepare(ctx: MethodContext, params: Params): Prepared | Failure {
  const chat = ctx.world.chatOf(params);
  if (isFailure(chat)) return chat;
  const markup = readMarkup(params);
  if (!markup.ok) return markup;
  const parameters = json(params, 'reply_parameters');
  const replyParameters = parameters.ok && isRecord(parameters.value) ? parameters.value : undefined;
  const replyId = replyParameters ? Number(replyParameters.message_id) : int(params, 'reply_to_message_id');
  let replyTo: Record<string, unknown> | undefined;
  if (replyId !== undefined && !Number.isNaN(replyId)) {
    const replied = chat.messages.get(replyId)?.message;
    const allowMissing = bool(params, 'allow_sending_without_reply') || replyParameters?.allow_sending_without_reply === true;
    if (!replied && !allowMissing) return badRequest('message to be replied not found');
    if (replied) {
      const { reply_to_message: _nested, ...flat } = replied;
      replyTo = flat;
    }
  }
  return { chat, markup: markup.markup, replyTo };
}

/** The Message object shows only an inline keyboard; reply keyboards stay on the user's side. */
export const inlineOnly = (markup: Markup | undefined) =>
  markup?.raw.inline_keyboard !== undefined ? { inline_keyboard: markup.raw.inline_keyboard } : undefined;

function post(ctx: MethodContext, prepared: Prepared, content: Record<string, unknown>, parseMode: string | undefined): StoredMessage {
  const { chat, markup, replyTo } = prepared;
  const id = chat.nextMessageId();
  const at = Date.now();
  const message = compact({
    message_id: id,
    from: ctx.world.botUser(),
    chat: chat.chat(),
    date: unixTime(at),
    ...content,
    reply_to_message: replyTo,
    reply_markup: inlineOnly(markup),
  });
  const stored: StoredMessage = { id, message, fromBot: true, at };
  if (parseMode) stored.parseMode = parseMode;
  if (markup) stored.markup = markup;
  return chat.add(stored);
}

/** Text or caption content fields, formatted; `{}` when an optional caption is absent. */
export function textContent(params: Params, what: 'text' | 'caption'): Record<string, unknown> | Failure {
  const raw = str(params, what);
  if (what === 'caption' && (raw === undefined || raw === '')) return {};
  if (raw === undefined) return badRequest('message text is empty');
  const entitiesKey = what === 'text' ? 'entities' : 'caption_entities';
  const explicit = json(params, entitiesKey);
  const formatted = formatText(raw, str(params, 'parse_mode'), explicit.ok ? explicit.value : undefined, what);
  if (!formatted.ok) return formatted;
  const entities: MessageEntity[] | undefined = formatted.entities.length > 0 ? formatted.entities : undefined;
  return compact({ [what]: formatted.text, [entitiesKey]: entities });
}

export const sendMessage: Method = (ctx, params) => {
  const prepared = prepare(ctx, params);
  if (isFailure(prepared)) return prepared;
  const content = textContent(params, 'text');
  if (isFailure(content)) return content;
  return ok(post(ctx, prepared, content, str(params, 'parse_mode')).message);
};

/** An InputFile: an upload, `attach://<part>`, the file_id of a known file, or an HTTP URL. */
async function inputFile(ctx: MethodContext, params: Params, field: string, kind: FileKind): Promise<{ upload: UploadedFile } | { known: StoredFile } | Failure> {
  let value = params[field];
  if (typeof value === 'string' && value.startsWith('attach://')) value = params[value.slice('attach://'.length)];
  if (value === undefined || value === '') return badRequest(`there is no ${field} in the request`);
  if (isUploadedFile(value)) return value.size === 0 ? badRequest('file must be non-empty') : { upload: value };
  if (typeof value !== 'string') return badRequest(`wrong ${field} specified`);
  const known = ctx.world.files.get(value);
  if (known) {
    if (known.kind !== kind) return badRequest(`can't use file of type ${title(known.kind)} as ${title(kind)}`);
    return { known };
  }
  if (!/^https?:\/\//.test(value)) return badRequest('wrong file identifier/HTTP URL specified');
  const response = await fetch(value).catch(() => undefined);
  if (!response?.ok) return badRequest('failed to get HTTP URL content');
  const bytes = new Uint8Array(await response.arrayBuffer());
  const filename = basename(new URL(value).pathname) || 'file';
  return { upload: { filename, mimeType: mimeFromName(filename), size: bytes.length, bytes } };
}
const title = (kind: string) => kind[0]!.toUpperCase() + kind.slice(1);

export const sendDocument: Method = async (ctx, params) => {
  const prepared = prepare(ctx, params);
  if (isFailure(prepared)) return prepared;
  const caption = textContent(params, 'caption');
  if (isFailure(caption)) return caption;
  const input = await inputFile(ctx, params, 'document', 'document');
  if (isFailure(input)) return input;
  const file =
    'known' in input
      ? input.known
      : ctx.world.files.add('document', input.upload.bytes, { fileName: input.upload.filename, mimeType: mimeFromName(input.upload.filename) });
  const fileName = file.fileName ?? basename(file.path);
  const mimeType = file.mimeType ?? mimeFromName(fileName);
  const document = { file_name: fileName, mime_type: mimeType, file_id: file.fileId, file_unique_id: file.uniqueId, file_size: file.bytes.length };
  const stored = post(ctx, prepared, { document, ...caption }, str(params, 'parse_mode'));
  const text = caption.caption as string | undefined;
  prepared.chat.documents.push({ messageId: stored.id, fileName, mimeType, ...(text ? { caption: text } : {}), bytes: file.bytes, at: stored.at });
  return ok(stored.message);
};

export const sendPhoto: Method = async (ctx, params) => {
  const prepared = prepare(ctx, params);
  if (isFailure(prepared)) return prepared;
  const caption = textContent(params, 'caption');
  if (isFailure(caption)) return caption;
  const input = await inputFile(ctx, params, 'photo', 'photo');
  if (isFailure(input)) return input;
  const photo = 'known' in input ? (input.known.sizes ?? []) : ctx.world.files.addPhoto(input.upload.bytes);
  return ok(post(ctx, prepared, { photo, ...caption }, str(params, 'parse_mode')).message);
};

const CHAT_ACTIONS = new Set([
  'typing',
  'upload_photo',
  'record_video',
  'upload_video',
  'record_voice',
  'upload_voice',
  'upload_document',
  'choose_sticker',
  'find_location',
  'record_video_note',
  'upload_video_note',
]);

export const sendChatAction: Method = (ctx, params) => {
  const chat = ctx.world.chatOf(params);
  if (isFailure(chat)) return chat;
  const action = str(params, 'action');
  if (action === undefined || !CHAT_ACTIONS.has(action)) return badRequest('wrong parameter action in request');
  chat.actions.push(action);
  return ok(true);
};

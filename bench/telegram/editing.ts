/**
 * Bot API methods that change or remove a message already in a chat: editMessageText,
 * editMessageCaption, editMessageReplyMarkup and deleteMessage.
 */
import { readMarkup, type Markup } from './markup.js';
import { inlineOnly, textContent } from './sending.js';
import { badRequest, canonical, int, isFailure, ok, str, type Failure, type Params } from './wire.js';
import { unixTime, type Chat, type Method, type MethodContext, type StoredMessage } from './world.js';

const NOT_MODIFIED = 'message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message';

function target(ctx: MethodContext, params: Params): { chat: Chat; stored: StoredMessage } | Failure {
  if (params.inline_message_id !== undefined) return badRequest('MESSAGE_ID_INVALID');
  const chat = ctx.world.chatOf(params);
  if (isFailure(chat)) return chat;
  const id = int(params, 'message_id');
  const stored = id === undefined ? undefined : chat.messages.get(id);
  if (!stored) return badRequest('message to edit not found');
  if (!stored.fromBot) return badRequest("message can't be edited");
  return { chat, stored };
}

/**
 * Applies an edit. Like Telegram, an edit that leaves out reply_markup drops the inline keyboard,
 * and an edit that changes nothing is refused.
 */
function apply(found: { chat: Chat; stored: StoredMessage }, content: Record<string, unknown>, markup: Markup | undefined, parseMode: string | null | undefined) {
  const { chat, stored } = found;
  const before = stored.message;
  const keys = Object.keys(content);
  const sameContent = keys.every((key) => canonical(before[key]) === canonical(content[key]));
  if (sameContent && canonical(before.reply_markup) === canonical(inlineOnly(markup))) return badRequest(NOT_MODIFIED);
  const at = Date.now();
  const message: Record<string, unknown> = { ...before, ...content, edit_date: unixTime(at) };
  for (const key of keys) if (content[key] === undefined) delete message[key];
  const inline = inlineOnly(markup);
  if (inline) message.reply_markup = inline;
  else delete message.reply_markup;
  stored.message = message;
  stored.editedAt = at;
  if (markup) stored.markup = markup;
  else delete stored.markup;
  // undefined keeps the parse mode (a markup-only edit), null means the new text has none.
  if (parseMode === null) delete stored.parseMode;
  else if (parseMode !== undefined) stored.parseMode = parseMode;
  chat.changed(stored);
  return ok(message);
}

export const editMessageText: Method = (ctx, params) => {
  const found = target(ctx, params);
  if (isFailure(found)) return found;
  if (typeof found.stored.message.text !== 'string') return badRequest('there is no text in the message to edit');
  const content = textContent(params, 'text');
  if (isFailure(content)) return content;
  const markup = readMarkup(params);
  if (!markup.ok) return markup;
  return apply(found, { text: content.text, entities: content.entities }, markup.markup, str(params, 'parse_mode') ?? null);
};

export const editMessageCaption: Method = (ctx, params) => {
  const found = target(ctx, params);
  if (isFailure(found)) return found;
  if (typeof found.stored.message.text === 'string') return badRequest('there is no caption in the message to edit');
  const content = textContent(params, 'caption');
  if (isFailure(content)) return content;
  const markup = readMarkup(params);
  if (!markup.ok) return markup;
  return apply(found, { caption: content.caption, caption_entities: content.caption_entities }, markup.markup, str(params, 'parse_mode') ?? null);
};

export const editMessageReplyMarkup: Method = (ctx, params) => {
  const found = target(ctx, params);
  if (isFailure(found)) return found;
  const markup = readMarkup(params);
  if (!markup.ok) return markup;
  return apply(found, {}, markup.markup, undefined);
};

export const deleteMessage: Method = (ctx, params) => {
  const chat = ctx.world.chatOf(params, { sending: false });
  if (isFailure(chat)) return chat;
  const id = int(params, 'message_id');
  if (id === undefined || !chat.messages.delete(id)) return badRequest('message to delete not found');
  return ok(true);
};

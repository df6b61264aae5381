/**
 * Bot API methods that read or acknowledge: getMe, getChat, getFile and answerCallbackQuery.
 */
import { badRequest, bool, isFailure, ok, str } from './wire.js';
import type { Method } from './world.js';

export const getMe: Method = (ctx) =>
  ok({
    ...ctx.world.bot,
    can_join_groups: true,
    can_read_all_group_messages: false,
    supports_inline_queries: false,
    can_connect_to_business: false,
    has_main_web_app: false,
  });

export const getChat: Method = (ctx, params) => {
  const chat = ctx.world.chatOf(params, { sending: false });
  if (isFailure(chat)) return chat;
  return ok({ ...chat.chat(), accent_color_id: 0, max_reaction_count: 11, accepted_gift_types: {} });
};

export const getFile: Method = (ctx, params) => {
  const file = ctx.world.files.get(str(params, 'file_id') ?? '');
  if (!file) return badRequest('invalid file_id');
  // The cloud Bot API lets bots download files up to 20 MB only.
  if (file.bytes.length > ctx.maxDownloadBytes) return badRequest('file is too big');
  return ok({ file_id: file.fileId, file_unique_id: file.uniqueId, file_size: file.bytes.length, file_path: file.path });
};

export const answerCallbackQuery: Method = (ctx, params) => {
  const query = ctx.world.callbackQueries.get(str(params, 'callback_query_id') ?? '');
  if (!query || query.answered) return badRequest('query is too old and response timeout expired or query ID is invalid');
  const text = str(params, 'text');
  if (text !== undefined && text.length > 200) return badRequest('MESSAGE_TOO_LONG');
  query.answered = true;
  const url = str(params, 'url');
  ctx.world.chats.get(query.chatId)?.callbackAnswers.push({
    ...(text !== undefined ? { text } : {}),
    ...(params.show_alert !== undefined ? { showAlert: bool(params, 'show_alert') } : {}),
    ...(url !== undefined ? { url } : {}),
  });
  return ok(true);
};

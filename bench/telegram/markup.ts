/**
 * reply_markup as the Bot API reads it: an inline keyboard, a reply keyboard, a keyboard removal or
 * a force-reply, sent as an object (JSON calls) or as a JSON string (multipart and urlencoded calls).
 */
import { badRequest, isRecord, json, type Failure, type Params } from './wire.js';

export interface InlineButton {
  text: string;
  data?: string;
  url?: string;
}
export interface ReplyButton {
  text: string;
  requestContact?: boolean;
}

export interface Markup {
  /** As the bot sent it, parsed from JSON. */
  raw: Record<string, unknown>;
  inlineButtons: InlineButton[][];
  replyButtons: ReplyButton[][];
  removeKeyboard: boolean;
}

const INLINE_ACTIONS = ['url', 'callback_data', 'web_app', 'login_url', 'switch_inline_query', 'switch_inline_query_current_chat', 'switch_inline_query_chosen_chat', 'copy_text', 'callback_game', 'pay'];

/** The markup of a send or edit call; `undefined` when none was given. */
export function readMarkup(params: Params): { ok: true; markup: Markup | undefined } | Failure {
  if (params.reply_markup === undefined || params.reply_markup === null || params.reply_markup === '') return { ok: true, markup: undefined };
  const parsed = json(params, 'reply_markup');
  if (!parsed.ok || !isRecord(parsed.value)) return badRequest("can't parse reply keyboard markup JSON object");
  const raw = parsed.value;
  const markup: Markup = { raw, inlineButtons: [], replyButtons: [], removeKeyboard: raw.remove_keyboard === true };
  if (raw.inline_keyboard !== undefined) {
    const rows = rowsOf(raw.inline_keyboard, 'inline_keyboard', 'InlineKeyboardMarkup');
    if (!Array.isArray(rows)) return rows;
    for (const row of rows) {
      const buttons: InlineButton[] = [];
      for (const button of row) {
        const read = inlineButton(button);
        if ('ok' in read) return read;
        buttons.push(read);
      }
      markup.inlineButtons.push(buttons);
    }
  }
  if (raw.keyboard !== undefined) {
    const rows = rowsOf(raw.keyboard, 'keyboard', 'ReplyKeyboardMarkup');
    if (!Array.isArray(rows)) return rows;
    for (const row of rows) {
      const buttons: ReplyButton[] = [];
      for (const button of row) {
        if (typeof button === 'string') buttons.push({ text: button });
        else if (isRecord(button) && typeof button.text === 'string') {
          buttons.push(button.request_contact === true ? { text: button.text, requestContact: true } : { text: button.text });
        } else return badRequest("can't parse keyboard button: Field \"text\" must be of type String");
      }
      markup.replyButtons.push(buttons);
    }
  }
  return { ok: true, markup };
}

function rowsOf(value: unknown, field: string, type: string): unknown[][] | Failure {
  if (!Array.isArray(value) || !value.every(Array.isArray)) {
    return badRequest(`Field "${field}" of the ${type} must be an Array of Arrays`);
  }
  return value as unknown[][];
}

function inlineButton(button: unknown): InlineButton | Failure {
  if (!isRecord(button) || typeof button.text !== 'string') {
    return badRequest("can't parse inline keyboard button: Field \"text\" must be of type String");
  }
  if (!INLINE_ACTIONS.some((action) => button[action] !== undefined)) {
    return badRequest("can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard");
  }
  const data = button.callback_data;
  if (data !== undefined && (typeof data !== 'string' || Buffer.byteLength(data) < 1 || Buffer.byteLength(data) > 64)) {
    return badRequest('BUTTON_DATA_INVALID');
  }
  const out: InlineButton = { text: button.text };
  if (typeof data === 'string') out.data = data;
  if (typeof button.url === 'string') out.url = button.url;
  return out;
}

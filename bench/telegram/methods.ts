/**
 * The Bot API methods the test server answers, by lower-case name (Telegram's method names are
 * case-insensitive). Anything else is answered 404 Not Found, as the real API does.
 */
import * as commands from './commands.js';
import { deleteMessage, editMessageCaption, editMessageReplyMarkup, editMessageText } from './editing.js';
import { answerCallbackQuery, getChat, getFile, getMe } from './queries.js';
import { sendChatAction, sendDocument, sendMessage, sendPhoto } from './sending.js';
import type { Updates } from './updates.js';
import type { Method } from './world.js';

/** getUpdates is not here: a long poll holds its request, so the server runs it itself. */
export function botApiMethods(updates: Updates): Record<string, Method> {
  const { description, shortDescription, name } = commands;
  return {
    getme: getMe,
    getchat: getChat,
    getfile: getFile,
    sendmessage: sendMessage,
    senddocument: sendDocument,
    sendphoto: sendPhoto,
    sendchataction: sendChatAction,
    answercallbackquery: answerCallbackQuery,
    editmessagetext: editMessageText,
    editmessagecaption: editMessageCaption,
    editmessagereplymarkup: editMessageReplyMarkup,
    deletemessage: deleteMessage,
    setmycommands: commands.setMyCommands,
    getmycommands: commands.getMyCommands,
    deletemycommands: commands.deleteMyCommands,
    setmydescription: description.set,
    getmydescription: description.get,
    setmyshortdescription: shortDescription.set,
    getmyshortdescription: shortDescription.get,
    setmyname: name.set,
    getmyname: name.get,
    setchatmenubutton: commands.setChatMenuButton,
    getchatmenubutton: commands.getChatMenuButton,
    setwebhook: (_ctx, params) => updates.setWebhook(params),
    deletewebhook: (_ctx, params) => updates.deleteWebhook(params),
    getwebhookinfo: () => updates.webhookInfo(),
  };
}

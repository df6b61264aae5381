/**
 * The bot's own settings: its command lists per scope and language (setMyCommands, getMyCommands,
 * deleteMyCommands), its descriptions and the chat menu button.
 */
import { badRequest, isFailure, isRecord, json, ok, str, type Failure, type Params } from './wire.js';
import type { Method } from './world.js';

const SCOPES = new Set(['default', 'all_private_chats', 'all_group_chats', 'all_chat_administrators', 'chat', 'chat_administrators', 'chat_member']);

/** Commands are kept per scope and language code, exactly as setMyCommands was told. */
export function scopeKey(scope: unknown, languageCode: string | undefined): string {
  const s = isRecord(scope) ? scope : { type: 'default' };
  return `${String(s.type)}:${String(s.chat_id ?? '')}:${String(s.user_id ?? '')}|${languageCode ?? ''}`;
}

function readScope(params: Params): string | Failure {
  const scope = json(params, 'scope');
  if (!scope.ok) return badRequest("can't parse BotCommandScope JSON object");
  if (scope.value !== undefined && (!isRecord(scope.value) || !SCOPES.has(String(scope.value.type)))) return badRequest('unsupported bot command scope type');
  const language = str(params, 'language_code');
  if (language !== undefined && language !== '' && !/^[a-z]{2}$/.test(language)) return badRequest('invalid language code specified');
  return scopeKey(scope.value, language || undefined);
}

export const setMyCommands: Method = (ctx, params) => {
  const key = readScope(params);
  if (isFailure(key)) return key;
  const commands = json(params, 'commands');
  if (!commands.ok || !Array.isArray(commands.value)) return badRequest("can't parse commands JSON object");
  if (commands.value.length > 100) return badRequest('too many commands specified');
  for (const command of commands.value as unknown[]) {
    if (!isRecord(command) || typeof command.command !== 'string' || !/^[a-z0-9_]{1,32}$/.test(command.command)) return badRequest('BOT_COMMAND_INVALID');
    if (typeof command.description !== 'string' || command.description.trim().length === 0 || command.description.length > 256) {
      return badRequest('BOT_COMMAND_DESCRIPTION_INVALID');
    }
  }
  const list = (commands.value as Record<string, unknown>[]).map((c) => ({ command: c.command, description: c.description }));
  if (list.length === 0) ctx.world.commands.delete(key);
  else ctx.world.commands.set(key, list);
  return ok(true);
};

export const getMyCommands: Method = (ctx, params) => {
  const key = readScope(params);
  return isFailure(key) ? key : ok(ctx.world.commands.get(key) ?? []);
};

export const deleteMyCommands: Method = (ctx, params) => {
  const key = readScope(params);
  if (isFailure(key)) return key;
  ctx.world.commands.delete(key);
  return ok(true);
};

/** setMyDescription, setMyShortDescription, setMyName and their getters share one shape. */
function botText(field: 'description' | 'short_description' | 'name', max: number): { set: Method; get: Method } {
  const key = (params: Params) => `${field}|${str(params, 'language_code') ?? ''}`;
  return {
    set: (ctx, params) => {
      const value = str(params, field) ?? '';
      if (value.length > max) return badRequest(`${field.replace('_', ' ')} is too long`);
      if (value === '') ctx.world.texts.delete(key(params));
      else ctx.world.texts.set(key(params), value);
      return ok(true);
    },
    get: (ctx, params) => ok({ [field]: ctx.world.texts.get(key(params)) ?? '' }),
  };
}
export const description = botText('description', 512);
export const shortDescription = botText('short_description', 120);
export const name = botText('name', 64);

export const setChatMenuButton: Method = (ctx, params) => {
  const button = json(params, 'menu_button');
  if (!button.ok) return badRequest("can't parse MenuButton JSON object");
  ctx.world.menuButtons.set(str(params, 'chat_id') ?? '', button.value ?? { type: 'default' });
  return ok(true);
};

export const getChatMenuButton: Method = (ctx, params) =>
  ok(ctx.world.menuButtons.get(str(params, 'chat_id') ?? '') ?? ctx.world.menuButtons.get('') ?? { type: 'commands' });

/** Methods about the bot and its chats: getMe's identity, callback answers, commands, chat actions, getChat. */
import type { BotCommand, ChatFullInfo, UserFromGetMe } from 'grammy/types';
import { badRequest, type Params } from '../request.js';
import { canonicalJson } from '../telegram-rules.js';
import type { FakeBotApiOptions } from '../types.js';
import { type MethodContext, requireChatId } from './context.js';

export const DEFAULT_TOKEN = '123456789:AAFakeTelegramTokenForTests_0123456789';

/** What getMe answers: the bot id comes from the token, the rest from defaults and `botInfo`. */
export function botInfoFor(token: string, options: FakeBotApiOptions): UserFromGetMe {
  const idFromToken = Number(token.split(':')[0]);
  return {
    id: Number.isSafeInteger(idFromToken) && idFromToken > 0 ? idFromToken : 123456789,
    is_bot: true,
    first_name: 'Baiying Test Bot',
    username: 'baiying_test_bot',
    can_join_groups: true,
    can_read_all_group_messages: !(options.privacyMode ?? false),
    supports_inline_queries: false,
    can_connect_to_business: false,
    has_main_web_app: false,
    has_topics_enabled: false,
    allows_users_to_create_topics: false,
    can_manage_bots: false,
    supports_join_request_queries: false,
    ...options.botInfo,
  };
}

/** Commands set with setMyCommands, per scope and language. */
export class CommandRegistry {
  private readonly byScope = new Map<string, BotCommand[]>();

  get(scope: unknown, languageCode: string): readonly BotCommand[] {
    return this.byScope.get(key(scope, languageCode)) ?? [];
  }

  set(scope: unknown, languageCode: string, commands: BotCommand[]): void {
    this.byScope.set(key(scope, languageCode), commands);
  }

  delete(scope: unknown, languageCode: string): void {
    this.byScope.delete(key(scope, languageCode));
  }

  clear(): void {
    this.byScope.clear();
  }

  keys(): string[] {
    return [...this.byScope.keys()];
  }
}

function key(scope: unknown, languageCode: string): string {
  return `${canonicalJson(scope)}|${languageCode}`;
}

const SCOPES = new Set(['default', 'all_private_chats', 'all_group_chats', 'all_chat_administrators', 'chat', 'chat_administrators', 'chat_member']);

/**
 * The scope of a commands call, checked as Telegram does: a known type; the chat scopes name a
 * chat by integer id (the fake does not model @usernames: "chat not found"), and a chat that
 * blocked the bot is refused like a send; chat_member names a user. Answered in canonical form.
 */
function scopeOf(ctx: MethodContext, p: Params): unknown {
  const raw = p.json('scope') ?? { type: 'default' };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw badRequest("can't parse BotCommandScope JSON object");
  const scope = raw as Record<string, unknown>;
  if (typeof scope.type !== 'string' || !SCOPES.has(scope.type)) throw badRequest('wrong bot command scope type specified');
  if (!scope.type.startsWith('chat')) return { type: scope.type };
  const chatId = scope.chat_id;
  if (chatId === undefined || chatId === '') throw badRequest('chat_id is empty');
  if (typeof chatId !== 'number' || !Number.isSafeInteger(chatId) || chatId === 0) throw badRequest('chat not found');
  ctx.chats.checkNotBlocked(ctx.chats.chatFor(chatId));
  if (scope.type !== 'chat_member') return { type: scope.type, chat_id: chatId };
  if (typeof scope.user_id !== 'number' || !Number.isSafeInteger(scope.user_id)) throw badRequest('user not found');
  return { type: scope.type, chat_id: chatId, user_id: scope.user_id };
}

/** "" (every language) or a two-letter ISO 639-1 code. */
function languageOf(p: Params): string {
  const code = p.str('language_code') ?? '';
  if (code !== '' && !/^[a-z]{2}$/.test(code)) throw badRequest('invalid language code specified');
  return code;
}

export function answerCallbackQuery(ctx: MethodContext, p: Params): true {
  const id = p.str('callback_query_id');
  if (id === undefined || !ctx.recorder.claimQuery(id)) {
    throw badRequest('query is too old and response timeout expired or query ID is invalid');
  }
  const cacheTime = p.int('cache_time');
  ctx.recorder.recordAnswer({
    callbackQueryId: id,
    text: p.str('text'),
    showAlert: p.bool('show_alert'),
    url: p.str('url'),
    cacheTime: cacheTime === undefined || Number.isNaN(cacheTime) ? undefined : cacheTime,
    at: Date.now(),
  });
  return true;
}

export function sendChatAction(p: Params): true {
  requireChatId(p);
  return true;
}

export function setMyCommands(ctx: MethodContext, p: Params): true {
  const commands = p.json('commands');
  if (!Array.isArray(commands)) throw badRequest("can't parse commands JSON object");
  if (commands.length > 100) throw badRequest('too many commands');
  const parsed: BotCommand[] = [];
  for (const entry of commands) {
    const command: unknown = typeof entry === 'object' && entry !== null ? (entry as Record<string, unknown>).command : undefined;
    const description: unknown = typeof entry === 'object' && entry !== null ? (entry as Record<string, unknown>).description : undefined;
    if (typeof command !== 'string' || !/^[a-z0-9_]{1,32}$/.test(command)) throw badRequest('BOT_COMMAND_INVALID');
    if (typeof description !== 'string' || description.length < 1 || description.length > 256) throw badRequest('command description must be non-empty');
    parsed.push({ command, description });
  }
  ctx.commands.set(scopeOf(ctx, p), languageOf(p), parsed);
  return true;
}

export function getMyCommands(ctx: MethodContext, p: Params): readonly BotCommand[] {
  return ctx.commands.get(scopeOf(ctx, p), languageOf(p));
}

export function deleteMyCommands(ctx: MethodContext, p: Params): true {
  ctx.commands.delete(scopeOf(ctx, p), languageOf(p));
  return true;
}

export function getChat(ctx: MethodContext, p: Params): ChatFullInfo {
  const chat = ctx.chats.chatFor(requireChatId(p));
  const common = { accent_color_id: 0, max_reaction_count: 11 };
  const gifts = { unlimited_gifts: false, limited_gifts: false, unique_gifts: false, premium_subscription: false, gifts_from_channels: false };
  switch (chat.type) {
    case 'private':
      return { ...chat, ...common, accepted_gift_types: gifts };
    case 'group':
      return { ...chat, ...common, accepted_gift_types: gifts };
    case 'supergroup':
      return { ...chat, ...common, accepted_gift_types: gifts };
  }
}

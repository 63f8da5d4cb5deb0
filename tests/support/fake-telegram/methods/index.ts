/**
 * Dispatch of Bot API calls to the method implementations, for calls over HTTP and for
 * methods a webhook answer carries ("webhook replies").
 */
import { performance } from 'node:perf_hooks';
import { ApiError, Params, type UploadedFile } from '../request.js';
import { type IncomingCall, writeJson } from '../transport.js';
import { answerCallbackQuery, deleteMyCommands, getChat, getMyCommands, sendChatAction, setMyCommands } from './bot.js';
import type { MethodContext } from './context.js';
import { deleteMessage, editMessage, sendLocation, sendMessage, sendPhoto } from './messages.js';
import { METHOD_BY_LOWER, type MethodName } from './names.js';
import { deleteWebhook, getUpdates, getWebhookInfo, setWebhook, setWebhookVerified } from './updates.js';

export type { MethodContext } from './context.js';
export { botInfoFor, CommandRegistry, DEFAULT_TOKEN } from './bot.js';

/** Answers one HTTP call; throws ApiError for Telegram errors (the transport writes them). */
export function handleCall(ctx: MethodContext, call: IncomingCall): void {
  const method = METHOD_BY_LOWER.get(call.rawMethod.toLowerCase());
  const name = method ?? call.rawMethod;
  ctx.stats.perMethod[name] = (ctx.stats.perMethod[name] ?? 0) + 1;
  const p = new Params(call.params);
  ctx.limits.injectFault(name, p);
  if (method === undefined) throw new ApiError(404, 'Not Found: method not found');
  if (method === 'getUpdates') {
    // The only method that may answer later: it can hold the response open.
    getUpdates(ctx, p, call.res);
    return;
  }
  if (method === 'setWebhook' && ctx.webhookVerifyMs > 0) {
    // May answer later, like getUpdates: a changed webhook is answered once "verified".
    setWebhookVerified(ctx, p, call.res);
    return;
  }
  const result = execute(ctx, method, p, call.files, call.arrivedAt);
  writeJson(call.res, 200, { ok: true, result });
}

/** Telegram executes a method passed in a 2xx webhook answer and drops its errors silently. */
export function runWebhookReply(ctx: MethodContext, params: Record<string, unknown>): void {
  const rawMethod = typeof params.method === 'string' ? params.method : '';
  const method = METHOD_BY_LOWER.get(rawMethod.toLowerCase());
  if (method === undefined || method === 'getUpdates') return;
  ctx.stats.perMethod[method] = (ctx.stats.perMethod[method] ?? 0) + 1;
  try {
    execute(ctx, method, new Params(params), [], performance.now());
  } catch (error) {
    ctx.limits.droppedReplyError(error);
  }
}

/** Runs one method. Throws ApiError for Telegram errors. */
function execute(ctx: MethodContext, method: Exclude<MethodName, 'getUpdates'>, p: Params, files: readonly UploadedFile[], arrivedAt: number): unknown {
  switch (method) {
    case 'getMe':
      return ctx.botInfo;
    case 'setWebhook':
      return setWebhook(ctx, p);
    case 'deleteWebhook':
      return deleteWebhook(ctx, p);
    case 'getWebhookInfo':
      return getWebhookInfo(ctx);
    case 'sendMessage':
      return sendMessage(ctx, p, arrivedAt);
    case 'sendPhoto':
      return sendPhoto(ctx, p, files, arrivedAt);
    case 'sendLocation':
      return sendLocation(ctx, p, arrivedAt);
    case 'editMessageText':
    case 'editMessageReplyMarkup':
      return editMessage(ctx, method, p, arrivedAt);
    case 'answerCallbackQuery':
      return answerCallbackQuery(ctx, p);
    case 'deleteMessage':
      return deleteMessage(ctx, p);
    case 'sendChatAction':
      return sendChatAction(p);
    case 'setMyCommands':
      return setMyCommands(ctx, p);
    case 'getMyCommands':
      return getMyCommands(ctx, p);
    case 'deleteMyCommands':
      return deleteMyCommands(ctx, p);
    case 'getChat':
      return getChat(ctx, p);
  }
}

/** Methods that send, edit or delete the bot's messages, with Telegram's checks and flood limits. */
import type { Message } from 'grammy/types';
import { asReply, type ReplyMessage } from '../chats.js';
import { nowSeconds } from '../clock.js';
import { badRequest, type Params, type UploadedFile } from '../request.js';
import { canonicalJson, checkCaption, checkMessageText, checkReplyMarkup, type ReplyMarkup, visibleText } from '../telegram-rules.js';
import type { FakeChatObject, SendMethod } from '../types.js';
import { type MethodContext, requireChatId } from './context.js';

export function sendMessage(ctx: MethodContext, p: Params, arrivedAt: number): Message {
  const chatId = requireChatId(p);
  const text = p.str('text');
  const parseMode = p.str('parse_mode');
  checkMessageText(text, parseMode);
  const markup = checkReplyMarkup(p.json('reply_markup'));
  const chat = ctx.chats.chatFor(chatId);
  const replyTo = replyTarget(ctx, chatId, p);
  ctx.chats.checkNotBlocked(chat);
  ctx.limits.admit(chatId, arrivedAt, true);
  // Telegram answers with the parsed text (markup turned into entities, which the fake omits).
  const fields: Partial<Message> = { text: visibleText(text, parseMode) };
  if (replyTo !== undefined) fields.reply_to_message = replyTo;
  return deliverNew(ctx, 'sendMessage', chat, fields, { text, parseMode, markup, payload: p.raw });
}

export function sendPhoto(ctx: MethodContext, p: Params, files: readonly UploadedFile[], arrivedAt: number): Message {
  const chatId = requireChatId(p);
  const photoParam = p.str('photo');
  const upload = files.find((f) => f.field === 'photo' || (photoParam?.startsWith('attach://') === true && f.field === photoParam.slice('attach://'.length)));
  if ((photoParam === undefined || photoParam === '') && upload === undefined) throw badRequest('there is no photo in the request');
  const caption = p.str('caption');
  const parseMode = p.str('parse_mode');
  checkCaption(caption, parseMode);
  const markup = checkReplyMarkup(p.json('reply_markup'));
  const chat = ctx.chats.chatFor(chatId);
  const replyTo = replyTarget(ctx, chatId, p);
  ctx.chats.checkNotBlocked(chat);
  ctx.limits.admit(chatId, arrivedAt, true);
  const fileId =
    upload !== undefined || photoParam === undefined || /^(https?|attach):/.test(photoParam) ? `AgACAgFakeUpload${ctx.chats.nextSerial()}` : photoParam;
  const fields: Partial<Message> = {
    photo: [{ file_id: fileId, file_unique_id: `u_${fileId}`, width: 1280, height: 960, file_size: upload?.size ?? 100_000 }],
  };
  if (caption !== undefined) fields.caption = visibleText(caption, parseMode);
  if (replyTo !== undefined) fields.reply_to_message = replyTo;
  return deliverNew(ctx, 'sendPhoto', chat, fields, { text: caption, parseMode, markup, payload: p.raw });
}

export function sendLocation(ctx: MethodContext, p: Params, arrivedAt: number): Message {
  const chatId = requireChatId(p);
  const latitude = p.num('latitude');
  const longitude = p.num('longitude');
  if (latitude === undefined || Number.isNaN(latitude) || Math.abs(latitude) > 90) throw badRequest('wrong latitude');
  if (longitude === undefined || Number.isNaN(longitude) || Math.abs(longitude) > 180) throw badRequest('wrong longitude');
  const markup = checkReplyMarkup(p.json('reply_markup'));
  const chat = ctx.chats.chatFor(chatId);
  const replyTo = replyTarget(ctx, chatId, p);
  ctx.chats.checkNotBlocked(chat);
  ctx.limits.admit(chatId, arrivedAt, true);
  const fields: Partial<Message> = { location: { latitude, longitude } };
  if (replyTo !== undefined) fields.reply_to_message = replyTo;
  return deliverNew(ctx, 'sendLocation', chat, fields, { text: undefined, parseMode: undefined, markup, payload: p.raw });
}

export function editMessage(ctx: MethodContext, method: 'editMessageText' | 'editMessageReplyMarkup', p: Params, arrivedAt: number): Message {
  if (p.has('inline_message_id')) throw badRequest('message to edit not found');
  const chatId = requireChatId(p);
  const messageId = p.int('message_id');
  if (messageId === undefined || Number.isNaN(messageId)) throw badRequest('message identifier is not specified');
  const isText = method === 'editMessageText';
  const text = isText ? p.str('text') : undefined;
  const parseMode = isText ? p.str('parse_mode') : undefined;
  if (isText) checkMessageText(text, parseMode);
  const markup = checkReplyMarkup(p.json('reply_markup'));
  if (markup !== undefined && !('inline_keyboard' in markup)) throw badRequest('inline keyboard expected');
  const stored = ctx.chats.get(chatId, messageId);
  if (stored === undefined || stored.deleted) throw badRequest('message to edit not found');
  if (!stored.fromBot) throw badRequest("message can't be edited");
  if (isText && !stored.hasText) throw badRequest('there is no text in the message to edit');
  const markupKey = canonicalJson(markup);
  const sameText = !isText || (stored.rawText === text && stored.parseMode === parseMode);
  if (sameText && stored.markupKey === markupKey) {
    throw badRequest(
      'message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message',
    );
  }
  const chat = ctx.chats.chatFor(chatId);
  ctx.chats.checkNotBlocked(chat);
  ctx.limits.admit(chatId, arrivedAt, ctx.countEdits);

  if (text !== undefined) {
    stored.rawText = text;
    stored.parseMode = parseMode;
    stored.message.text = visibleText(text, parseMode);
  }
  stored.markupKey = markupKey;
  if (markup !== undefined && 'inline_keyboard' in markup) stored.message.reply_markup = markup;
  else delete stored.message.reply_markup;
  stored.message.edit_date = nowSeconds();
  ctx.recorder.record({ method, chatId, messageId, text: stored.rawText, parseMode: stored.parseMode, replyMarkup: markup, editOf: messageId, payload: p.raw });
  // Serialised at once by the caller, so handing out the live object is safe and saves a clone per edit.
  return stored.message;
}

export function deleteMessage(ctx: MethodContext, p: Params): true {
  const chatId = requireChatId(p);
  const messageId = p.int('message_id');
  if (messageId === undefined || Number.isNaN(messageId)) throw badRequest('message identifier is not specified');
  const stored = ctx.chats.get(chatId, messageId);
  if (stored === undefined || stored.deleted) throw badRequest('message to delete not found');
  stored.deleted = true;
  return true;
}

function replyTarget(ctx: MethodContext, chatId: number, p: Params): ReplyMessage | undefined {
  const params = p.json('reply_parameters');
  const fromParams = typeof params === 'object' && params !== null ? (params as Record<string, unknown>) : undefined;
  const rawId = fromParams?.message_id ?? p.int('reply_to_message_id');
  if (rawId === undefined) return undefined;
  const id = typeof rawId === 'number' ? rawId : Number(rawId);
  const stored = ctx.chats.get(chatId, id);
  if (stored === undefined || stored.deleted) {
    const allow = fromParams?.allow_sending_without_reply === true || p.bool('allow_sending_without_reply');
    if (allow) return undefined;
    throw badRequest('message to be replied not found');
  }
  return asReply(stored.message);
}

function deliverNew(
  ctx: MethodContext,
  method: SendMethod,
  chat: FakeChatObject,
  fields: Partial<Message>,
  record: { text: string | undefined; parseMode: string | undefined; markup: ReplyMarkup | undefined; payload: Readonly<Record<string, unknown>> },
): Message {
  const message: Message = { ...fields, message_id: ctx.chats.nextMessageId(chat.id), date: nowSeconds(), chat, from: ctx.chats.botUser() };
  // Only inline keyboards belong to the message; reply keyboards belong to the chat's input field.
  if (record.markup !== undefined && 'inline_keyboard' in record.markup) message.reply_markup = record.markup;
  ctx.chats.store(chat.id, {
    message,
    fromBot: true,
    deleted: false,
    rawText: record.text,
    parseMode: record.parseMode,
    markupKey: canonicalJson(message.reply_markup),
    hasText: method === 'sendMessage',
  });
  ctx.recorder.record({
    method,
    chatId: chat.id,
    messageId: message.message_id,
    text: record.text,
    parseMode: record.parseMode,
    replyMarkup: record.markup,
    payload: record.payload,
  });
  // Serialised at once by the caller, so handing out the live object is safe and saves a clone per send.
  return message;
}

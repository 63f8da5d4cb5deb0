/**
 * Content rules of the Bot API that the fake enforces, with Telegram's own error texts
 * where they are known (see README.md for which ones are approximations).
 */
import type { ForceReply, InlineKeyboardMarkup, ReplyKeyboardMarkup, ReplyKeyboardRemove } from 'grammy/types';
import { badRequest } from './request.js';

export type ReplyMarkup = InlineKeyboardMarkup | ReplyKeyboardMarkup | ReplyKeyboardRemove | ForceReply;

export const MAX_TEXT_LENGTH = 4096;
export const MAX_CAPTION_LENGTH = 1024;
export const MAX_CALLBACK_DATA_BYTES = 64;

/** Inline button fields of which exactly one makes a button do something. */
const INLINE_ACTIONS = [
  'url',
  'callback_data',
  'web_app',
  'login_url',
  'switch_inline_query',
  'switch_inline_query_current_chat',
  'switch_inline_query_chosen_chat',
  'copy_text',
  'callback_game',
  'pay',
] as const;

const HTML_ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"' };

/**
 * The text Telegram would count after parsing `parse_mode` markup. Telegram measures limits
 * on the parsed text in UTF-16 code units, which is what String#length counts. HTML is parsed
 * closely; Markdown is approximated (escapes, link syntax, formatting characters).
 */
export function visibleText(text: string, parseMode: string | undefined): string {
  const mode = parseMode?.toLowerCase();
  if (mode === 'html') {
    return text.replace(/<[^>]*>/g, '').replace(/&(#x[0-9a-f]+|#\d+|lt|gt|amp|quot);/gi, (_, name: string) => {
      const lower = name.toLowerCase();
      if (lower.startsWith('#x')) return String.fromCodePoint(parseInt(lower.slice(2), 16));
      if (lower.startsWith('#')) return String.fromCodePoint(parseInt(lower.slice(1), 10));
      return HTML_ENTITIES[lower] ?? '';
    });
  }
  if (mode === 'markdownv2' || mode === 'markdown') {
    const ESC = '\u0000';
    return (
      text
        .replace(/\\(.)/g, (_, ch: string) => ESC + ch)
        .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
        .replace(/[*_~|`]/g, '')
        // NUL marks an escaped character above (it cannot occur in a Telegram message itself).
        // eslint-disable-next-line no-control-regex
        .replace(/\u0000(.)/g, '$1')
    );
  }
  return text;
}

/** Validates sendMessage/editMessageText text as Telegram does, after parse_mode parsing. */
export function checkMessageText(text: string | undefined, parseMode: string | undefined): asserts text is string {
  if (text === undefined || text.trim() === '') throw badRequest('message text is empty');
  const visible = visibleText(text, parseMode);
  if (visible.trim() === '') throw badRequest('message text is empty');
  if (visible.length > MAX_TEXT_LENGTH) throw badRequest('message is too long');
}

export function checkCaption(caption: string | undefined, parseMode: string | undefined): void {
  if (caption === undefined) return;
  if (visibleText(caption, parseMode).length > MAX_CAPTION_LENGTH) throw badRequest('message caption is too long');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Validates a reply_markup object the way Telegram rejects broken keyboards. */
export function checkReplyMarkup(value: unknown): ReplyMarkup | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isRecord(value)) throw badRequest("can't parse reply keyboard markup JSON object");
  if ('inline_keyboard' in value) {
    const rows = value.inline_keyboard;
    if (!Array.isArray(rows)) throw badRequest('can\'t parse inline keyboard markup JSON object: field "inline_keyboard" must be an Array');
    for (const row of rows) {
      if (!Array.isArray(row)) throw badRequest('can\'t parse inline keyboard markup JSON object: field "inline_keyboard" must be an Array of Arrays');
      for (const button of row) checkInlineButton(button);
    }
    // The structure was checked field by field above; the cast only names it.
    return value as unknown as InlineKeyboardMarkup;
  }
  if ('keyboard' in value) {
    if (!Array.isArray(value.keyboard) || !value.keyboard.every((row) => Array.isArray(row))) {
      throw badRequest('can\'t parse reply keyboard markup JSON object: field "keyboard" must be an Array of Arrays');
    }
    return value as unknown as ReplyKeyboardMarkup;
  }
  if (value.remove_keyboard === true) return value as unknown as ReplyKeyboardRemove;
  if (value.force_reply === true) return value as unknown as ForceReply;
  throw badRequest("can't parse reply keyboard markup JSON object");
}

function checkInlineButton(button: unknown): void {
  if (!isRecord(button)) throw badRequest("can't parse inline keyboard button: InlineKeyboardButton must be an Object");
  if (typeof button.text !== 'string') throw badRequest('can\'t parse inline keyboard button: Field "text" must be of type String');
  const actions = INLINE_ACTIONS.filter((key) => button[key] !== undefined);
  if (actions.length === 0) throw badRequest("can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard");
  if (button.callback_data !== undefined) {
    const data = button.callback_data;
    const bytes = typeof data === 'string' ? Buffer.byteLength(data, 'utf8') : -1;
    if (bytes < 1 || bytes > MAX_CALLBACK_DATA_BYTES) throw badRequest('BUTTON_DATA_INVALID');
  }
}

/** Every callback_data on an inline keyboard (for pressButton's sanity check). */
export function callbackDataOf(markup: ReplyMarkup | undefined): string[] {
  if (markup === undefined || !('inline_keyboard' in markup)) return [];
  const out: string[] = [];
  for (const row of markup.inline_keyboard) {
    for (const button of row) if ('callback_data' in button && typeof button.callback_data === 'string') out.push(button.callback_data);
  }
  return out;
}

/** JSON with sorted keys and no null/undefined fields: equal for equal content regardless of key order. */
export function canonicalJson(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (isRecord(value)) {
    const keys = Object.keys(value)
      .filter((k) => value[k] !== undefined && value[k] !== null)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

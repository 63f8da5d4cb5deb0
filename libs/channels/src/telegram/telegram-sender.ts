// Sends through the Bot API with grammY's Api client (the API root is configurable for
// self-hosted or local Bot API servers) and maps its errors to the outbound port's.
import { Api, GrammyError, HttpError } from 'grammy';
import type { InlineKeyboardMarkup } from 'grammy/types';
import type { OutMessage } from '@baiying/domain';
import { MAX_MESSAGE_CHARS } from '@baiying/domain';
import { NotSentError, PermanentSendError, RateLimitedError, type ChannelSender } from '../channel-sender.js';
import type { RedisRateLimiter } from '../outbound/rate-limiter.js';

export function toInlineKeyboard(msg: OutMessage): InlineKeyboardMarkup | undefined {
  if (!msg.buttons?.length) return undefined;
  return { inline_keyboard: msg.buttons.map((row) => row.map((b) => ({ text: b.label, callback_data: b.data }))) };
}

const clipText = (text: string): string => ([...text].length > MAX_MESSAGE_CHARS ? `${[...text].slice(0, MAX_MESSAGE_CHARS - 1).join('')}…` : text);

export class TelegramSender implements ChannelSender {
  readonly channel = 'telegram' as const;

  constructor(
    private readonly api: Api,
    private readonly limiter: RedisRateLimiter,
  ) {}

  static createApi(token: string, apiRoot: string): Api {
    return new Api(token, { apiRoot });
  }

  async reserve(chatId: string, opts: { bulk?: boolean } = {}): Promise<number> {
    return this.limiter.reserve(chatId, chatId.startsWith('-'), opts.bulk ?? false);
  }

  /**
   * A 429 does not say which limit was hit; if it was the bot-wide one, every chat must wait,
   * so both this chat and all sends pause for `retry_after` (429s are rare when paced).
   */
  async backOff(chatId: string, ms: number): Promise<void> {
    await Promise.all([this.limiter.block(chatId, ms), this.limiter.block(null, ms)]);
  }

  async send(chatId: string, msg: OutMessage): Promise<{ messageRef: string }> {
    try {
      const sent = await this.api.sendMessage(chatId, clipText(msg.text), { reply_markup: toInlineKeyboard(msg), link_preview_options: { is_disabled: true } });
      return { messageRef: String(sent.message_id) };
    } catch (e) {
      throw mapError(e);
    }
  }

  async edit(chatId: string, messageRef: string, msg: OutMessage): Promise<void> {
    try {
      await this.api.editMessageText(chatId, Number(messageRef), clipText(msg.text), { reply_markup: toInlineKeyboard(msg) ?? { inline_keyboard: [] } });
    } catch (e) {
      // An identical edit (e.g. a retried job) is a success, not an error.
      if (e instanceof GrammyError && /message is not modified/i.test(e.description)) return;
      throw mapError(e);
    }
  }
}

function mapError(e: unknown): Error {
  if (e instanceof GrammyError) {
    if (e.error_code === 429) return new RateLimitedError(Math.max(1, e.parameters.retry_after ?? 1) * 1000);
    if (e.error_code === 403 || e.error_code === 400) return new PermanentSendError(`telegram ${e.error_code}: ${e.description}`);
    return new Error(`telegram ${e.error_code}: ${e.description}`);
  }
  if (e instanceof HttpError) {
    // Refused or unresolvable: the request never left, so an at-most-once message may go again.
    if (/ECONNREFUSED|ENOTFOUND|EAI_AGAIN/.test(errorChain(e))) return new NotSentError(`telegram unreachable: ${e.message}`);
    return new Error(`telegram network error: ${e.message}`);
  }
  return e instanceof Error ? e : new Error(String(e));
}

function errorChain(e: unknown): string {
  const parts: string[] = [];
  let cur: unknown = e;
  for (let i = 0; i < 5 && cur && typeof cur === 'object'; i++) {
    const o = cur as { message?: unknown; code?: unknown; error?: unknown; cause?: unknown };
    parts.push(String(o.code ?? ''), String(o.message ?? ''));
    cur = o.error ?? o.cause;
  }
  return parts.join(' ');
}

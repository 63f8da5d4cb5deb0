// Sends through the Bot API with grammY's Api client (the API root is configurable for
// self-hosted or local Bot API servers) and maps its errors to the outbound port's.
import { setTimeout as sleep } from 'node:timers/promises';
import { Api, GrammyError, HttpError } from 'grammy';
import type { InlineKeyboardMarkup } from 'grammy/types';
import type { OutMessage } from '@baiying/domain';
import { MAX_MESSAGE_CHARS } from '@baiying/domain';
import { NotSentError, PermanentSendError, RateLimitedError, SendLaterError, type ChannelSender } from '../port.js';
import type { RedisRateLimiter } from '../pacing/redis-rate-limiter.js';

export function toInlineKeyboard(msg: OutMessage): InlineKeyboardMarkup | undefined {
  if (!msg.buttons?.length) return undefined;
  return { inline_keyboard: msg.buttons.map((row) => row.map((b) => ({ text: b.label, callback_data: b.data }))) };
}

/** A broadcast send waits this long in the process for its slot before giving its job back to the queue. */
const BULK_HOLD_MS = 2000;
/**
 * A slot older than this is not used: it counts in the pacer's window from its reservation until
 * the send is settled, and a reservation older than the window (a stalled event loop, a slow claim
 * on a busy machine) would already have left it, letting another send take its place.
 */
const STALE_SLOT_MS = 700;
/** Broadcast sends of one process asking the pacer at once (more would only contend for the same slot). */
const BULK_POLLERS = 4;

const clipText = (text: string): string => ([...text].length > MAX_MESSAGE_CHARS ? `${[...text].slice(0, MAX_MESSAGE_CHARS - 1).join('')}…` : text);

export class TelegramSender implements ChannelSender {
  readonly channel = 'telegram' as const;
  /** Slots reserved and not yet used, by chat: settled when the platform answers. */
  private readonly held = new Map<string, string>();
  /** Broadcast sends of this process ask the pacer a few at a time, in turn (see reserve). */
  private readonly bulkTurns: Array<Promise<unknown>> = Array.from({ length: BULK_POLLERS }, () => Promise.resolve());
  private bulkNext = 0;

  constructor(
    private readonly api: Api,
    private readonly limiter: RedisRateLimiter,
  ) {}

  static createApi(token: string, apiRoot: string): Api {
    return new Api(token, { apiRoot });
  }

  /**
   * Broadcast sends queue here for a slot instead of going back to the queue as delayed jobs:
   * BULK_POLLERS of them at a time poll the pacer and sleep until their slot is due (up to
   * BULK_HOLD_MS), the others wait their turn. Every delayed job costs a start of the bulk
   * lane's BullMQ rate limit and a database read, and a lane full of them idled for whole
   * limiter windows while slots went unused. Nothing is claimed yet while a send waits here.
   */
  async reserve(chatId: string, opts: { bulk?: boolean; priority?: number; order?: number } = {}): Promise<number> {
    if (!opts.bulk) return this.take(chatId, false, opts.priority, opts.order);
    const lane = this.bulkNext++ % BULK_POLLERS;
    const turn = this.bulkTurns[lane]!.then(async () => {
      const until = Date.now() + BULK_HOLD_MS;
      for (;;) {
        const wait = await this.take(chatId, true, opts.priority, opts.order);
        if (wait === 0 || Date.now() + wait > until) return wait;
        await sleep(wait);
      }
    });
    this.bulkTurns[lane] = turn.catch(() => undefined);
    return turn;
  }

  private async take(chatId: string, bulk: boolean, priority: number | undefined, order: number | undefined): Promise<number> {
    const slot = await this.limiter.reserveSlot(chatId, chatId.startsWith('-'), { bulk, priority, order });
    if (slot.wait === 0) {
      // A reservation whose send never happened (a row skipped after it) is dropped here.
      if (this.held.size >= 10_000) this.held.clear();
      this.held.set(chatId, slot.member);
    }
    return slot.wait;
  }

  /** After the platform answered (or failed): the chat's slot counts from now (see RedisRateLimiter.settle). */
  private async settle(chatId: string): Promise<void> {
    const member = this.held.get(chatId);
    if (member === undefined) return;
    this.held.delete(chatId);
    await this.limiter.settle(chatId, member).catch(() => undefined);
  }

  /**
   * A 429 does not say which limit was hit; if it was the bot-wide one, every chat must wait,
   * so both this chat and all sends pause for `retry_after` (429s are rare when paced).
   */
  async backOff(chatId: string, ms: number): Promise<void> {
    await Promise.all([this.limiter.block(chatId, ms), this.limiter.block(null, ms)]);
  }

  /** The send's slot was reserved too long ago to be trusted (see STALE_SLOT_MS): ask again. */
  private checkFresh(chatId: string): void {
    const member = this.held.get(chatId);
    const reservedAt = member === undefined ? NaN : Number(member.split('-')[0]);
    if (Date.now() - reservedAt > STALE_SLOT_MS) throw new SendLaterError(1);
  }

  async send(chatId: string, msg: OutMessage): Promise<{ messageRef: string }> {
    try {
      this.checkFresh(chatId);
      const sent = await this.api.sendMessage(chatId, clipText(msg.text), { reply_markup: toInlineKeyboard(msg), link_preview_options: { is_disabled: true } });
      return { messageRef: String(sent.message_id) };
    } catch (e) {
      if (e instanceof SendLaterError) throw e;
      throw mapError(e);
    } finally {
      await this.settle(chatId);
    }
  }

  async edit(chatId: string, messageRef: string, msg: OutMessage): Promise<void> {
    try {
      this.checkFresh(chatId);
      await this.api.editMessageText(chatId, Number(messageRef), clipText(msg.text), { reply_markup: toInlineKeyboard(msg) ?? { inline_keyboard: [] } });
    } catch (e) {
      // An identical edit (e.g. a retried job) is a success, not an error.
      if (e instanceof GrammyError && /message is not modified/i.test(e.description)) return;
      if (e instanceof SendLaterError) throw e;
      throw mapError(e);
    } finally {
      await this.settle(chatId);
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

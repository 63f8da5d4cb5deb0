// The WeChat outbound adapter: renders buttons as reply lines, paces the account, trips the
// breaker on "too frequent" errors (the message is retried after the pause, never dropped),
// and merges queued notices to one group into a single message.
import type { OutMessage } from '@baiying/domain';
import { RateLimitedError, SendLaterError, type ChannelSender, type SendOptions } from '../port.js';
import type { WechatPacer } from '../pacing/wechat-pacer.js';
import { renderWechat } from './wechat-render.js';
import { wechatChatId } from './wechat-inbound.js';

/** What the sender needs from a logged-in wechaty instance: find the chat, then say. */
export interface WechatTransport {
  prepare(chatId: string): Promise<(text: string) => Promise<string | null>>;
}

const TOO_FREQUENT = /频繁|过于频繁|too frequent|frequency|risk control|风控/i;
const MAX_TEXT = 2000;

export class WechatSender implements ChannelSender {
  readonly channel = 'wechat' as const;
  /** One platform call at a time for the account (a logged-in puppet lives in one process). */
  private lock: Promise<void> = Promise.resolve();

  constructor(
    private readonly transport: WechatTransport,
    private readonly pacer: WechatPacer,
    private readonly onBreakerTrip: (error: string) => void,
  ) {}

  /** Pacing happens in `send`, right before the platform call, so slow look-ups don't bunch sends. */
  async reserve(): Promise<number> {
    return 0;
  }

  async backOff(): Promise<void> {
    await this.pacer.trip();
  }

  /** Group chats (rooms) get one combined notice instead of a burst. */
  batchable(chatId: string): boolean {
    return wechatChatId.isRoom(chatId);
  }

  async send(chatId: string, msg: OutMessage, opts: SendOptions = {}): Promise<{ messageRef: string }> {
    const text = renderWechat(msg, !this.batchable(chatId));
    const say = await this.transport.prepare(chatId);
    let release!: () => void;
    const mine = new Promise<void>((r) => (release = r));
    const previous = this.lock;
    this.lock = previous.then(() => mine);
    await previous;
    try {
      // By priority: a refused send waits as a waiter, and the next slot goes to the most urgent one.
      const slot = await this.pacer.reserve(chatId, opts.priority);
      if (slot.wait > 0) throw new SendLaterError(slot.wait);
      const id = await say(text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text);
      await this.pacer.touch(slot.member);
      return { messageRef: id ?? `wx-${Date.now()}` };
    } catch (e) {
      if (e instanceof SendLaterError) throw e;
      const message = e instanceof Error ? e.message : String(e);
      if (TOO_FREQUENT.test(message)) {
        if (await this.pacer.trip()) this.onBreakerTrip(message);
        throw new RateLimitedError(this.pacer.pacing.breakerPauseMs);
      }
      throw e;
    } finally {
      release();
    }
  }

  async sendBatch(chatId: string, msgs: OutMessage[], opts: SendOptions = {}): Promise<{ messageRef: string }> {
    return this.send(chatId, { text: msgs.map((m) => renderWechat(m, false)).join('\n\n') }, opts);
  }

  /** WeChat cannot edit: the new version goes out as a new message. */
  async edit(chatId: string, _messageRef: string, msg: OutMessage, opts: SendOptions = {}): Promise<void> {
    await this.send(chatId, msg, opts);
  }
}

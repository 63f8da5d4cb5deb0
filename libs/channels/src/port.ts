// The outbound port every channel implements (the WeChat adapter plugs in here too).
import type { Channel } from '@baiying/domain';
import type { OutMessage } from '@baiying/domain';

export interface ChannelSender {
  readonly channel: Channel;
  /** `opts.priority`: the message's, for channels that pace at the moment of the call (WeChat). */
  send(chatId: string, msg: OutMessage, opts?: SendOptions): Promise<{ messageRef: string }>;
  edit(chatId: string, messageRef: string, msg: OutMessage, opts?: SendOptions): Promise<void>;
  /**
   * Milliseconds to wait before this send may go out (0 = now), reserving the slot. Bulk
   * (broadcast) sends only use what the channel's broadcast share leaves free; `priority` is the
   * message's (lower is more urgent): a slot that frees up goes to the most urgent waiting send;
   * `order` (the message's outbox sequence) places it among sends of its priority waiting too.
   */
  reserve(chatId: string, opts?: { bulk?: boolean; priority?: number; order?: number }): Promise<number>;
  /** The platform said "too many requests": block the chat (or all sends) for this long. */
  backOff(chatId: string, ms: number): Promise<void>;
  /** Channels that prefer one combined message to a burst in this chat (WeChat groups). */
  batchable?(chatId: string): boolean;
  sendBatch?(chatId: string, msgs: OutMessage[], opts?: SendOptions): Promise<{ messageRef: string }>;
}

export interface SendOptions {
  /** The message's priority (lower is more urgent; see the domain's Priority). */
  priority?: number;
}

/** The platform asked us to wait: not a failure, the send is retried after `retryAfterMs`. */
export class RateLimitedError extends Error {
  constructor(readonly retryAfterMs: number) {
    super(`rate limited, retry after ${retryAfterMs} ms`);
  }
}

/** Our own pacing says "not yet" at the last moment: delay the send, nothing went wrong. */
export class SendLaterError extends Error {
  constructor(readonly waitMs: number) {
    super(`paced, send in ${waitMs} ms`);
  }
}

/** The request never reached the platform (e.g. connection refused): safe to send again. */
export class NotSentError extends Error {}

/** Retrying cannot help (blocked by the user, chat gone, message invalid). */
export class PermanentSendError extends Error {}

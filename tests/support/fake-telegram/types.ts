/**
 * The public types of the fake Bot API. Importers take them from fake-bot-api.ts, which
 * re-exports them; the concern modules import them from here to avoid import cycles.
 */
import type { Chat, UserFromGetMe } from 'grammy/types';
import type { LimitScope, RateLimits } from './flood-control.js';
import type { ReplyMarkup } from './telegram-rules.js';

/** Methods that deliver or change a message and therefore count against the flood limits. */
export type SendMethod = 'sendMessage' | 'sendPhoto' | 'sendLocation' | 'editMessageText' | 'editMessageReplyMarkup';
export const SEND_METHODS: readonly SendMethod[] = ['sendMessage', 'sendPhoto', 'sendLocation', 'editMessageText', 'editMessageReplyMarkup'];

/** Chats that can appear in updates the fake generates (channels are out of scope). */
export type FakeChatObject = Exclude<Chat, Chat.ChannelChat>;

/** A message the bot delivered (sent or edited), as the e2e tests inspect it. */
export interface SentMessage {
  /** Index in `messages`: the global delivery order. */
  readonly seq: number;
  readonly method: SendMethod;
  readonly chatId: number;
  readonly messageId: number;
  /** Text (or photo caption) as the bot sent it, before parse_mode parsing; after an edit of the markup only, the unchanged text. */
  readonly text: string | undefined;
  readonly parseMode: string | undefined;
  /** The markup sent with this call (for edits: the markup after the edit; undefined = none). */
  readonly replyMarkup: ReplyMarkup | undefined;
  /** Date.now() when the fake accepted it. */
  readonly at: number;
  /** For edit methods: the message_id that was edited (same as messageId). */
  readonly editOf?: number;
  /** The request parameters as decoded (form-encoded requests keep their string values). */
  readonly payload: Readonly<Record<string, unknown>>;
}

export interface CallbackAnswer {
  readonly callbackQueryId: string;
  readonly text: string | undefined;
  readonly showAlert: boolean;
  readonly url: string | undefined;
  readonly cacheTime: number | undefined;
  readonly at: number;
}

export interface FakeUser {
  id: number;
  first_name: string;
  username?: string;
  last_name?: string;
  language_code?: string;
}

export interface FakeChat {
  id: number;
  type: 'private' | 'group' | 'supergroup';
  title?: string;
  username?: string;
}

export interface MessageRef {
  chatId: number;
  messageId: number;
}

export interface FaultSpec {
  status: number;
  description: string;
  retry_after?: number;
}

export interface FakeBotApiOptions {
  /** The one token the fake accepts; others get 401. The part before ':' becomes the bot id. */
  token?: string;
  /** Overrides for getMe. */
  botInfo?: Partial<UserFromGetMe>;
  /** 0 (default) picks a free port. */
  port?: number;
  limits?: Partial<RateLimits>;
  /** Length of a fake second in real seconds: 0.1 makes every window 10x shorter. Default 1. */
  timeScale?: number;
  /** Report retry_after in real seconds (e.g. 0.1) instead of whole fake seconds. Default false. */
  fractionalRetryAfter?: boolean;
  /** Whether edits count against the flood limits (Telegram counts them in practice). Default true. */
  countEdits?: boolean;
  /**
   * Timing slack for breach detection, at both ends of a told retry_after: a request reaching
   * the fake less than this many ms after the 429 was written was already in flight, and one
   * arriving less than this before the end comes from a timer that fired a little early.
   * Default min(20, 1000 × timeScale / 4).
   */
  breachGraceMs?: number;
  /** Delay before each request is processed (simulated network/API latency). */
  latencyMs?: number | ((method: string) => number);
  /** Telegram's privacy mode: in groups only commands, mentions of the bot, replies to it and service messages reach it. Default false. */
  privacyMode?: boolean;
  /** First delay before re-posting an update the webhook did not accept with 2xx (doubles up to 5 s). Default 100. */
  webhookRetryDelayMs?: number;
  /** A webhook POST not answered within this time counts as failed and is retried (Telegram re-sends). Default 10000. */
  webhookTimeoutMs?: number;
  /**
   * Webhook POSTs in flight at most. Default 1: one update at a time, in order. Above 1 the
   * fake delivers like Telegram (up to this many at once, capped by setWebhook's
   * `max_connections`, default 40), one at a time per chat (messages) or per user (button
   * presses), so updates of different chats and users may overtake each other.
   */
  webhookMaxConnections?: number;
  /**
   * How long a setWebhook that changes the webhook waits before answering (Telegram answers
   * once the new webhook is verified). Default 0: at once. Meanwhile, like Telegram, another
   * setWebhook makes the waiting one fail with 409 "Conflict: terminated by other setWebhook";
   * a setWebhook identical to the current webhook, with none waiting, is answered at once
   * ("Webhook is already set") and changes nothing.
   */
  webhookVerifyMs?: number;
}

export interface FakeStats {
  /** Every HTTP 429 the fake answered (window rejections, breach rejections, injected 429s). */
  status429: number;
  /** Sends that arrived while a retry_after the fake had told still ran (clients ignoring retry_after). */
  limitBreaches: number;
  /** Delivered (accepted) calls of the SEND_METHODS, edits included whether or not they are rate counted. */
  sends: number;
  /** Requests received per method name (all outcomes; unknown names included as sent). */
  perMethod: Record<string, number>;
  /** Window rejections by rule (a rejection blocked by two rules counts for both). */
  rejectedBy: Record<LimitScope, number>;
  injectedFaults: number;
  updatesPushed: number;
  /** Updates handed out via getUpdates or accepted by the webhook (re-deliveries included). */
  updatesDelivered: number;
  /** Updates dropped because allowed_updates or privacy mode excluded them. */
  updatesDropped: number;
  webhookAttempts: number;
  webhookFailures: number;
}

export interface MessageMatcher {
  chatId?: number;
  text?: string | RegExp;
  method?: SendMethod;
}

export interface WaitOptions {
  /** Default 5000. */
  timeoutMs?: number;
  /** Only messages in this chat (also: the chat whose history the timeout error lists). */
  chatId?: number;
  /** Only messages with seq >= fromSeq (e.g. `fake.messages.length` taken before acting). */
  fromSeq?: number;
  /** Shown in the timeout error. */
  description?: string;
}

export function emptyStats(): FakeStats {
  return {
    status429: 0,
    limitBreaches: 0,
    sends: 0,
    perMethod: {},
    rejectedBy: { global: 0, chat: 0, group: 0 },
    injectedFaults: 0,
    updatesPushed: 0,
    updatesDelivered: 0,
    updatesDropped: 0,
    webhookAttempts: 0,
    webhookFailures: 0,
  };
}

/** Zeroes the counters in place: every module of the fake holds the same stats object. */
export function resetStats(stats: FakeStats): void {
  Object.assign(stats, emptyStats());
}

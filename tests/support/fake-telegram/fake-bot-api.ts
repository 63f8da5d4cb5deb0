/**
 * A local fake of the Telegram Bot API for end-to-end tests and benchmarks.
 *
 * It is a real HTTP server on 127.0.0.1, so the code under test talks to it exactly as it
 * talks to api.telegram.org: grammY with `new Bot(token, { client: { apiRoot: fake.apiRoot } })`
 * (long polling via bot.start() or @grammyjs/runner, or webhooks), or any plain HTTP sender.
 * Its point is Telegram's flood limits: sends beyond them get 429 + retry_after and are not
 * delivered, and clients that ignore retry_after are counted. See README.md in this folder.
 */
import http, { type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import type {
  BotCommand,
  CallbackQuery,
  Chat,
  ChatFullInfo,
  ChatMemberUpdated,
  Message,
  MessageEntity,
  Update,
  User,
  UserFromGetMe,
  WebhookInfo,
} from 'grammy/types';
import { type Block, FloodControl, type LimitScope, type RateLimits, TELEGRAM_LIMITS } from './flood-control.js';
import { ApiError, badRequest, decodeRequest, Params, readBody, type UploadedFile } from './request.js';
import {
  callbackDataOf,
  canonicalJson,
  checkCaption,
  checkMessageText,
  checkReplyMarkup,
  type ReplyMarkup,
  visibleText,
} from './telegram-rules.js';
import { UpdateQueue } from './update-queue.js';

export type { RateLimits, LimitScope } from './flood-control.js';
export { TELEGRAM_LIMITS } from './flood-control.js';
export type { ReplyMarkup } from './telegram-rules.js';

/** Methods that deliver or change a message and therefore count against the flood limits. */
export type SendMethod = 'sendMessage' | 'sendPhoto' | 'sendLocation' | 'editMessageText' | 'editMessageReplyMarkup';
export const SEND_METHODS: readonly SendMethod[] = ['sendMessage', 'sendPhoto', 'sendLocation', 'editMessageText', 'editMessageReplyMarkup'];

/** Every Bot API method the fake answers; anything else is 404 like Telegram's. */
const METHODS = [
  'getMe',
  'getUpdates',
  'setWebhook',
  'deleteWebhook',
  'getWebhookInfo',
  'sendMessage',
  'sendPhoto',
  'sendLocation',
  'editMessageText',
  'editMessageReplyMarkup',
  'answerCallbackQuery',
  'deleteMessage',
  'sendChatAction',
  'setMyCommands',
  'getMyCommands',
  'deleteMyCommands',
  'getChat',
] as const;
type MethodName = (typeof METHODS)[number];
/** Telegram matches method names case-insensitively. */
const METHOD_BY_LOWER: ReadonlyMap<string, MethodName> = new Map(METHODS.map((m) => [m.toLowerCase(), m]));

/** Chats that can appear in updates the fake generates (channels are out of scope). */
export type FakeChatObject = Exclude<Chat, Chat.ChannelChat>;
type UpdateType = Exclude<keyof Update, 'update_id'>;
/** The shape Telegram nests as `reply_to_message` (one level deep only). */
type ReplyMessage = NonNullable<Message['reply_to_message']>;
/** Telegram's default when allowed_updates was never set (or set to []). */
const NOT_DEFAULT_UPDATES: ReadonlySet<string> = new Set(['chat_member', 'message_reaction', 'message_reaction_count']);

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

/** A 429 that arms breach detection; carries the blocks to stamp when the answer is written. */
class FloodError extends ApiError {
  constructor(
    retryAfter: number,
    readonly blocks: readonly Block[],
    description = `Too Many Requests: retry after ${retryAfter}`,
  ) {
    super(429, description, { retry_after: retryAfter });
  }
}

interface StoredMessage {
  message: Message;
  fromBot: boolean;
  deleted: boolean;
  /** Raw text/caption and parse_mode: "not modified" compares these, not the parsed text. */
  rawText: string | undefined;
  parseMode: string | undefined;
  markupKey: string;
  hasText: boolean;
}

interface HeldPoll {
  res: ServerResponse;
  limit: number;
  timer: NodeJS.Timeout | undefined;
}

interface Waiter<T> {
  match: (value: T) => boolean;
  resolve: (value: T) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

interface WebhookConfig {
  url: string;
  secretToken: string | undefined;
  maxConnections: number | undefined;
}

const DEFAULT_TOKEN = '123456789:AAFakeTelegramTokenForTests_0123456789';
const nowSeconds = (): number => Math.floor(Date.now() / 1000);

function emptyStats(): FakeStats {
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

function toUser(user: FakeUser): User {
  const out: User = { id: user.id, is_bot: false, first_name: user.first_name };
  if (user.username !== undefined) out.username = user.username;
  if (user.last_name !== undefined) out.last_name = user.last_name;
  if (user.language_code !== undefined) out.language_code = user.language_code;
  return out;
}

function shorten(text: string | undefined, max = 80): string {
  if (text === undefined) return '(no text)';
  const flat = text.replace(/\s+/g, ' ');
  return JSON.stringify(flat.length > max ? `${flat.slice(0, max)}…` : flat);
}

function describeMessage(m: SentMessage): string {
  const buttons = m.replyMarkup !== undefined && 'inline_keyboard' in m.replyMarkup
    ? ` [${m.replyMarkup.inline_keyboard.map((row) => row.map((b) => b.text).join(' | ')).join(' / ')}]`
    : '';
  return `  #${m.seq} ${m.method} chat ${m.chatId} msg ${m.messageId}: ${shorten(m.text)}${buttons}`;
}

export class FakeBotApi {
  readonly token: string;
  readonly botInfo: UserFromGetMe;
  readonly timeScale: number;
  readonly fractionalRetryAfter: boolean;
  readonly countEdits: boolean;
  /** Mutable at run time, e.g. to slow the API down in the middle of a test. */
  latencyMs: number | ((method: string) => number);
  privacyMode: boolean;

  private readonly options: FakeBotApiOptions;
  private flood: FloodControl;
  private server: Server | undefined;
  private port = 0;
  private stopped = false;

  private readonly sent: SentMessage[] = [];
  private readonly sentByChat = new Map<number, SentMessage[]>();
  private readonly answers: CallbackAnswer[] = [];
  private readonly chats = new Map<number, FakeChatObject>();
  private readonly blockedChats = new Set<number>();
  private readonly stored = new Map<number, Map<number, StoredMessage>>();
  private readonly lastMessageId = new Map<number, number>();
  private readonly callbackQueries = new Map<string, { answered: boolean }>();
  private readonly faults = new Map<string, Array<{ spec: FaultSpec; remaining: number }>>();
  private readonly commandsByScope = new Map<string, BotCommand[]>();
  private readonly messageWaiters: Array<Waiter<SentMessage>> = [];
  private readonly answerWaiters: Array<Waiter<CallbackAnswer>> = [];
  private readonly timers = new Set<NodeJS.Timeout>();

  private queue = new UpdateQueue();
  private held: HeldPoll | undefined;
  private flushScheduled: NodeJS.Immediate | undefined;
  private allowedUpdates: ReadonlySet<string> | undefined;
  private lastUpdateId = 0;
  private callbackCounter = 0;
  private lastPushed: Update | undefined;
  private statsData: FakeStats = emptyStats();

  private webhookConfig: WebhookConfig | undefined;
  private webhookBusy = false;
  private webhookFailuresInRow = 0;
  private webhookLastError: { date: number; message: string } | undefined;
  private webhookAgent = new http.Agent({ keepAlive: true });

  constructor(options: FakeBotApiOptions = {}) {
    this.options = options;
    this.token = options.token ?? DEFAULT_TOKEN;
    const idFromToken = Number(this.token.split(':')[0]);
    this.botInfo = {
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
    this.timeScale = options.timeScale ?? 1;
    if (!(this.timeScale > 0) || !Number.isFinite(this.timeScale)) throw new RangeError(`timeScale must be a positive number, got ${this.timeScale}`);
    this.fractionalRetryAfter = options.fractionalRetryAfter ?? false;
    this.countEdits = options.countEdits ?? true;
    this.latencyMs = options.latencyMs ?? 0;
    this.privacyMode = options.privacyMode ?? false;
    this.flood = this.makeFloodControl({ ...TELEGRAM_LIMITS, ...options.limits });
  }

  // ───────────────────────────── lifecycle ─────────────────────────────

  /** `http://127.0.0.1:PORT`, for `client.apiRoot` (no trailing slash: grammY rejects one). */
  get apiRoot(): string {
    if (this.server === undefined) throw new Error('FakeBotApi: call start() before reading apiRoot');
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    if (this.server !== undefined) return;
    this.stopped = false;
    const server = http.createServer((req, res) => this.onRequest(req, res));
    // grammY reuses keep-alive sockets; Node's 5 s server default races with that reuse
    // (the server closes an idle socket just as the client writes to it: ECONNRESET).
    server.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.options.port ?? 0, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    this.server = server;
    this.port = (server.address() as AddressInfo).port;
  }

  /** Answers a held poll with no updates, closes every socket and timer, rejects pending waits. */
  async stop(): Promise<void> {
    const server = this.server;
    if (server === undefined) return;
    this.stopped = true;
    this.server = undefined;
    const held = this.held;
    this.held = undefined;
    if (held !== undefined) {
      if (held.timer !== undefined) this.clearTimer(held.timer);
      this.writeJson(held.res, 200, { ok: true, result: [] });
    }
    if (this.flushScheduled !== undefined) clearImmediate(this.flushScheduled);
    this.flushScheduled = undefined;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.rejectWaiters(new Error('FakeBotApi stopped'));
    this.webhookAgent.destroy();
    this.webhookAgent = new http.Agent({ keepAlive: true });
    this.webhookBusy = false;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }

  /**
   * Forgets everything recorded (messages, chats, queue, limits, faults, stats, webhook) but
   * keeps the server, and keeps update_id/message_id counters growing so a bot that is still
   * polling with an old offset is not confused.
   */
  reset(): void {
    this.sent.length = 0;
    this.sentByChat.clear();
    this.answers.length = 0;
    this.chats.clear();
    this.blockedChats.clear();
    this.stored.clear();
    this.callbackQueries.clear();
    this.faults.clear();
    this.commandsByScope.clear();
    this.queue.clear();
    this.allowedUpdates = undefined;
    this.lastPushed = undefined;
    this.statsData = emptyStats();
    this.webhookConfig = undefined;
    this.webhookFailuresInRow = 0;
    this.webhookLastError = undefined;
    this.flood = this.makeFloodControl(this.flood.limits);
    this.rejectWaiters(new Error('FakeBotApi reset'));
  }

  /** Replaces the limits (and forgets the windows). */
  setLimits(limits: Partial<RateLimits>): void {
    this.flood = this.makeFloodControl({ ...this.flood.limits, ...limits });
  }

  get limits(): Readonly<RateLimits> {
    return this.flood.limits;
  }

  /** The next `count` calls of `method` ('*' = any method) fail with this error instead of running. */
  failNext(method: string, count: number, spec: FaultSpec): void {
    if (!Number.isInteger(count) || count < 1) throw new RangeError(`failNext count must be a positive integer, got ${count}`);
    const key = method === '*' ? '*' : (METHOD_BY_LOWER.get(method.toLowerCase()) ?? method);
    const list = this.faults.get(key) ?? [];
    list.push({ spec, remaining: count });
    this.faults.set(key, list);
  }

  /** Marks a chat as having blocked the bot (private) or removed it (group): sends get 403. */
  blockChat(chatId: number): void {
    this.blockedChats.add(chatId);
  }

  unblockChat(chatId: number): void {
    this.blockedChats.delete(chatId);
  }

  // ───────────────────────────── inspection ─────────────────────────────

  /** Every delivered send/edit in delivery order (a live read-only view). */
  get messages(): readonly SentMessage[] {
    return this.sent;
  }

  /** Delivered sends/edits in one chat, in arrival order (a live read-only view). */
  chatMessages(chatId: number): readonly SentMessage[] {
    return this.sentByChat.get(chatId) ?? [];
  }

  lastMessage(chatId: number): SentMessage | undefined {
    const list = this.sentByChat.get(chatId);
    return list === undefined ? undefined : list[list.length - 1];
  }

  get callbackAnswers(): readonly CallbackAnswer[] {
    return this.answers;
  }

  get stats(): FakeStats {
    const s = this.statsData;
    return { ...s, perMethod: { ...s.perMethod }, rejectedBy: { ...s.rejectedBy } };
  }

  /** The current webhook (undefined in polling mode). */
  get webhook(): Readonly<WebhookConfig> | undefined {
    return this.webhookConfig;
  }

  get pendingUpdateCount(): number {
    return this.queue.length;
  }

  /** The last update pushed by any helper (e.g. to duplicate() a pressButton update). */
  get lastUpdate(): Update | undefined {
    return this.lastPushed;
  }

  /** Commands set with setMyCommands for the default scope and language (or the given ones). */
  commands(scope: unknown = { type: 'default' }, languageCode = ''): readonly BotCommand[] {
    return this.commandsByScope.get(`${canonicalJson(scope)}|${languageCode}`) ?? [];
  }

  /** Accepted sends within the current bot-wide one-(fake-)second window. */
  sendsInCurrentSecond(): number {
    return this.flood.globalSendsInWindow(performance.now());
  }

  /**
   * Resolves with the first delivered message (already delivered or future) that matches;
   * rejects after `timeoutMs` listing the recent messages of the chat.
   */
  waitFor(match: ((m: SentMessage) => boolean) | MessageMatcher, options: WaitOptions = {}): Promise<SentMessage> {
    const timeoutMs = options.timeoutMs ?? 5000;
    const chatId = options.chatId ?? (typeof match === 'function' ? undefined : match.chatId);
    const fromSeq = options.fromSeq ?? 0;
    const base = typeof match === 'function' ? match : matcherToPredicate(match);
    const predicate = (m: SentMessage): boolean => m.seq >= fromSeq && (chatId === undefined || m.chatId === chatId) && base(m);
    const existing = (chatId === undefined ? this.sent : this.chatMessages(chatId)).find(predicate);
    if (existing !== undefined) return Promise.resolve(existing);
    const what = options.description ?? (typeof match === 'function' ? 'a message matching the predicate' : describeMatcher(match));
    return new Promise<SentMessage>((resolve, reject) => {
      const waiter: Waiter<SentMessage> = {
        match: predicate,
        resolve,
        reject,
        timer: this.later(timeoutMs, () => {
          removeItem(this.messageWaiters, waiter);
          reject(new Error(`FakeBotApi.waitFor: no ${what} within ${timeoutMs} ms.\n${this.recentMessagesReport(chatId)}`));
        }),
      };
      this.messageWaiters.push(waiter);
    });
  }

  /**
   * Resolves once no update is pending: every pushed update was confirmed by a later
   * getUpdates offset, or answered 2xx by the webhook. Checks every 5 ms, bounded by timeoutMs.
   */
  waitUntilDelivered(options: { timeoutMs?: number } = {}): Promise<void> {
    const timeoutMs = options.timeoutMs ?? 5000;
    const deadline = performance.now() + timeoutMs;
    return new Promise<void>((resolve, reject) => {
      const check = (): void => {
        if (this.queue.length === 0 && !this.webhookBusy) resolve();
        else if (performance.now() >= deadline) reject(new Error(`FakeBotApi.waitUntilDelivered: ${this.queue.length} updates still pending after ${timeoutMs} ms`));
        else this.later(5, check);
      };
      check();
    });
  }

  waitForCallbackAnswer(callbackQueryId: string, options: { timeoutMs?: number } = {}): Promise<CallbackAnswer> {
    const existing = this.answers.find((a) => a.callbackQueryId === callbackQueryId);
    if (existing !== undefined) return Promise.resolve(existing);
    const timeoutMs = options.timeoutMs ?? 5000;
    return new Promise<CallbackAnswer>((resolve, reject) => {
      const waiter: Waiter<CallbackAnswer> = {
        match: (a) => a.callbackQueryId === callbackQueryId,
        resolve,
        reject,
        timer: this.later(timeoutMs, () => {
          removeItem(this.answerWaiters, waiter);
          const known = this.callbackQueries.has(callbackQueryId) ? 'it was delivered but not answered' : 'the fake never issued this id';
          reject(new Error(`FakeBotApi.waitForCallbackAnswer: no answer to callback query ${callbackQueryId} within ${timeoutMs} ms (${known}).`));
        }),
      };
      this.answerWaiters.push(waiter);
    });
  }

  // ─────────────────────────── playing users ───────────────────────────

  /** A private chat with `user` (Telegram uses the user id as the chat id). */
  static privateChat(user: FakeUser): FakeChat {
    return { id: user.id, type: 'private' };
  }

  /** Queues a raw update; `update_id` is assigned when missing. Returns the queued update. */
  pushUpdate(update: Omit<Update, 'update_id'> & { update_id?: number }): Update {
    const id = update.update_id ?? this.lastUpdateId + 1;
    this.lastUpdateId = Math.max(this.lastUpdateId, id);
    const full: Update = { ...update, update_id: id };
    this.learnFromUpdate(full);
    this.lastPushed = full;
    if (!this.isAllowed(full) || !this.passesPrivacy(full)) {
      this.statsData.updatesDropped++;
      return full;
    }
    this.enqueue(full);
    return full;
  }

  /** Re-delivers an identical update (same update_id), as Telegram does after a lost confirmation. */
  duplicate(update: Update): void {
    this.enqueue(update);
  }

  sendText(from: FakeUser, chat: FakeChat, text: string, options: { replyTo?: number } = {}): Update {
    const message = this.userMessage(from, chat, { text, ...commandEntities(text) }, options.replyTo);
    return this.pushUpdate({ message });
  }

  sendLocation(from: FakeUser, chat: FakeChat, location: { latitude: number; longitude: number }): Update {
    return this.pushUpdate({ message: this.userMessage(from, chat, { location: { latitude: location.latitude, longitude: location.longitude } }) });
  }

  sendPhoto(from: FakeUser, chat: FakeChat, options: { caption?: string; fileId?: string } = {}): Update {
    const fileId = options.fileId ?? `AgACAgFake${++this.callbackCounter}`;
    const sizes = [
      { suffix: 's', width: 90, height: 67, file_size: 1_200 },
      { suffix: 'm', width: 320, height: 240, file_size: 14_000 },
      { suffix: 'x', width: 1280, height: 960, file_size: 120_000 },
    ];
    const photo = sizes.map((s) => ({ file_id: `${fileId}_${s.suffix}`, file_unique_id: `u_${fileId}_${s.suffix}`, width: s.width, height: s.height, file_size: s.file_size }));
    const fields: Partial<Message> = { photo };
    if (options.caption !== undefined) Object.assign(fields, { caption: options.caption, ...captionEntities(options.caption) });
    return this.pushUpdate({ message: this.userMessage(from, chat, fields) });
  }

  sendVoice(from: FakeUser, chat: FakeChat, options: { duration?: number; fileId?: string } = {}): Update {
    const fileId = options.fileId ?? `AwACAgFakeVoice${++this.callbackCounter}`;
    const voice = { file_id: fileId, file_unique_id: `u_${fileId}`, duration: options.duration ?? 3, mime_type: 'audio/ogg', file_size: 8_000 };
    return this.pushUpdate({ message: this.userMessage(from, chat, { voice }) });
  }

  sendSticker(from: FakeUser, chat: FakeChat, options: { emoji?: string; fileId?: string } = {}): Update {
    const fileId = options.fileId ?? `CAACAgFakeSticker${++this.callbackCounter}`;
    const sticker = {
      file_id: fileId,
      file_unique_id: `u_${fileId}`,
      type: 'regular' as const,
      width: 512,
      height: 512,
      is_animated: false,
      is_video: false,
      emoji: options.emoji ?? '👍',
    };
    return this.pushUpdate({ message: this.userMessage(from, chat, { sticker }) });
  }

  /**
   * Presses an inline button on a message the bot sent. Throws (a test bug, not a bot bug)
   * when the bot never sent that message, deleted it, or it has no button with this data.
   * Returns the callback query id to pass to waitForCallbackAnswer.
   */
  pressButton(from: FakeUser, message: SentMessage | MessageRef, callbackData: string): string {
    const stored = this.stored.get(message.chatId)?.get(message.messageId);
    if (stored === undefined || !stored.fromBot) {
      throw new Error(`FakeBotApi.pressButton: the bot never sent message ${message.messageId} in chat ${message.chatId}`);
    }
    if (stored.deleted) throw new Error(`FakeBotApi.pressButton: message ${message.messageId} in chat ${message.chatId} was deleted`);
    const data = callbackDataOf(stored.message.reply_markup);
    if (!data.includes(callbackData)) {
      throw new Error(`FakeBotApi.pressButton: message ${message.messageId} in chat ${message.chatId} has no button with callback_data ${JSON.stringify(callbackData)} (it has ${JSON.stringify(data)})`);
    }
    const id = `${this.botInfo.id}${String(++this.callbackCounter).padStart(6, '0')}`;
    this.callbackQueries.set(id, { answered: false });
    const callbackQuery: CallbackQuery = {
      id,
      from: toUser(from),
      message: structuredClone(stored.message),
      chat_instance: String((Math.abs(message.chatId) * 7919) % 1_000_000_007),
      data: callbackData,
    };
    this.pushUpdate({ callback_query: callbackQuery });
    return id;
  }

  /** The bot joins a group: a my_chat_member update and a new_chat_members service message. */
  addBotToGroup(chat: FakeChat, by: FakeUser): [Update, Update] {
    if (chat.type === 'private') throw new Error('FakeBotApi.addBotToGroup: a private chat is not a group');
    const chatObject = this.registerChat(chat, by);
    this.blockedChats.delete(chat.id);
    const bot: User = { id: this.botInfo.id, is_bot: true, first_name: this.botInfo.first_name, username: this.botInfo.username };
    const member: ChatMemberUpdated = {
      chat: chatObject,
      from: toUser(by),
      date: nowSeconds(),
      old_chat_member: { status: 'left', user: bot },
      new_chat_member: { status: 'member', user: bot },
    };
    const first = this.pushUpdate({ my_chat_member: member });
    const second = this.pushUpdate({ message: this.userMessage(by, chat, { new_chat_members: [bot] }) });
    return [first, second];
  }

  // ───────────────────────────── HTTP ─────────────────────────────

  private onRequest(req: IncomingMessage, res: ServerResponse): void {
    const arrivedAt = performance.now();
    this.handleRequest(req, res, arrivedAt).catch((error: unknown) => {
      if (error instanceof ApiError) this.writeError(res, error);
      else this.writeError(res, new ApiError(500, `Internal Server Error: ${error instanceof Error ? error.message : String(error)}`));
    });
  }

  private async handleRequest(req: IncomingMessage, res: ServerResponse, arrivedAt: number): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const route = /^\/bot([^/]*)\/([^/]+)\/?$/.exec(url.pathname);
    if (route === null) {
      req.resume();
      throw new ApiError(404, 'Not Found');
    }
    const [, token, rawMethod = ''] = route;
    if (token !== this.token) {
      req.resume();
      throw new ApiError(401, 'Unauthorized');
    }
    const body = await readBody(req);
    const { params, files } = decodeRequest(req.headers['content-type'], body, url.searchParams);
    const delay = typeof this.latencyMs === 'function' ? this.latencyMs(rawMethod) : this.latencyMs;
    if (delay > 0) await new Promise<void>((resolve) => this.later(delay, resolve));
    if (this.stopped) return;

    const method = METHOD_BY_LOWER.get(rawMethod.toLowerCase());
    const name = method ?? rawMethod;
    this.statsData.perMethod[name] = (this.statsData.perMethod[name] ?? 0) + 1;
    const p = new Params(params);
    this.injectFault(name, p);
    if (method === undefined) throw new ApiError(404, 'Not Found: method not found');
    if (method === 'getUpdates') {
      this.getUpdates(p, res);
      return;
    }
    const result = this.execute(method, p, files, arrivedAt);
    this.writeJson(res, 200, { ok: true, result });
  }

  private injectFault(method: string, p: Params): void {
    const key = this.faults.has(method) ? method : '*';
    const list = this.faults.get(key);
    const fault = list?.[0];
    if (list === undefined || fault === undefined) return;
    if (--fault.remaining <= 0) list.shift();
    if (list.length === 0) this.faults.delete(key);
    this.statsData.injectedFaults++;
    const { status, description, retry_after } = fault.spec;
    // An injected 429 on a send arms breach detection like a real one: for its chat when it names one.
    if (status === 429 && retry_after !== undefined && (SEND_METHODS as readonly string[]).includes(method)) {
      const chatId = p.int('chat_id');
      const perChat = chatId !== undefined && !Number.isNaN(chatId);
      const block = this.flood.blockFor(perChat ? chatId : undefined, retry_after, performance.now());
      throw new FloodError(retry_after, [block], description);
    }
    throw new ApiError(status, description, retry_after === undefined ? undefined : { retry_after });
  }

  private writeError(res: ServerResponse, error: ApiError): void {
    if (error.status === 429) this.statsData.status429++;
    const blocks = error instanceof FloodError ? error.blocks : [];
    if (blocks.length > 0) {
      // A client can only ignore a retry_after it has received: start counting once it is on the wire.
      res.once('finish', () => this.flood.markTold(blocks, performance.now()));
    }
    const body: Record<string, unknown> = { ok: false, error_code: error.status, description: error.description };
    if (error.parameters !== undefined) body.parameters = error.parameters;
    this.writeJson(res, error.status, body);
  }

  private writeJson(res: ServerResponse, status: number, body: unknown): void {
    if (res.writableEnded || res.destroyed) return;
    const json = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(json) });
    res.end(json);
  }

  // ───────────────────────────── methods ─────────────────────────────

  /** Runs one method (from HTTP or from a webhook reply). Throws ApiError for Telegram errors. */
  private execute(method: Exclude<MethodName, 'getUpdates'>, p: Params, files: readonly UploadedFile[], arrivedAt: number): unknown {
    switch (method) {
      case 'getMe':
        return this.botInfo;
      case 'setWebhook':
        return this.setWebhook(p);
      case 'deleteWebhook':
        return this.deleteWebhook(p);
      case 'getWebhookInfo':
        return this.getWebhookInfo();
      case 'sendMessage':
        return this.sendMessage(p, arrivedAt);
      case 'sendPhoto':
        return this.sendPhotoMethod(p, files, arrivedAt);
      case 'sendLocation':
        return this.sendLocationMethod(p, arrivedAt);
      case 'editMessageText':
      case 'editMessageReplyMarkup':
        return this.editMessage(method, p, arrivedAt);
      case 'answerCallbackQuery':
        return this.answerCallbackQuery(p);
      case 'deleteMessage':
        return this.deleteMessage(p);
      case 'sendChatAction':
        this.requireChatId(p);
        return true;
      case 'setMyCommands':
        return this.setMyCommands(p);
      case 'getMyCommands':
        return this.commands(p.json('scope') ?? { type: 'default' }, p.str('language_code') ?? '');
      case 'deleteMyCommands':
        this.commandsByScope.delete(`${canonicalJson(p.json('scope') ?? { type: 'default' })}|${p.str('language_code') ?? ''}`);
        return true;
      case 'getChat':
        return this.getChat(p);
    }
  }

  private getUpdates(p: Params, res: ServerResponse): void {
    if (this.webhookConfig !== undefined) {
      throw new ApiError(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
    }
    const offset = p.int('offset') ?? 0;
    const limitParam = p.int('limit') ?? 100;
    const timeout = p.int('timeout') ?? 0;
    if (Number.isNaN(offset) || Number.isNaN(limitParam) || Number.isNaN(timeout)) throw badRequest('wrong parameter type');
    const limit = Math.min(100, Math.max(1, limitParam));
    this.setAllowedUpdates(p.json('allowed_updates'));
    this.queue.confirm(offset);

    const previous = this.held;
    if (previous !== undefined) {
      // Telegram serves one poll per bot: a second one terminates the first (409 is fatal in grammY, as it should be for two instances).
      this.held = undefined;
      if (previous.timer !== undefined) this.clearTimer(previous.timer);
      this.writeError(previous.res, new ApiError(409, 'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running'));
    }

    const batch = this.queue.take(limit);
    if (batch.length > 0 || timeout <= 0) {
      this.statsData.updatesDelivered += batch.length;
      this.writeJson(res, 200, { ok: true, result: batch });
      return;
    }
    const held: HeldPoll = { res, limit, timer: undefined };
    held.timer = this.later(Math.min(timeout, 600) * 1000, () => {
      if (this.held !== held) return;
      this.held = undefined;
      this.writeJson(res, 200, { ok: true, result: [] });
    });
    // `res` 'close', not `req` 'close': on Node 20 the request closes as soon as its body is read.
    res.on('close', () => {
      if (this.held !== held) return;
      this.held = undefined;
      if (held.timer !== undefined) this.clearTimer(held.timer);
    });
    this.held = held;
  }

  private setAllowedUpdates(value: unknown): void {
    if (value === undefined || value === null) return;
    if (!Array.isArray(value)) throw badRequest("can't parse allowed updates");
    // An empty list restores the default set (Telegram: "Specify an empty list to receive all update types except ...").
    this.allowedUpdates = value.length === 0 ? undefined : new Set(value.filter((v): v is string => typeof v === 'string'));
  }

  private setWebhook(p: Params): true {
    const url = p.str('url') ?? '';
    if (url === '') return this.deleteWebhook(p);
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw badRequest('invalid webhook URL specified');
    }
    // Telegram requires HTTPS; the fake accepts http because test webhooks listen on 127.0.0.1 without TLS.
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw badRequest('bad webhook: An HTTPS URL must be provided for webhook');
    const secretToken = p.str('secret_token');
    if (secretToken !== undefined && !/^[A-Za-z0-9_-]{1,256}$/.test(secretToken)) throw badRequest('secret token contains unallowed characters');
    this.setAllowedUpdates(p.json('allowed_updates'));
    if (p.bool('drop_pending_updates')) this.queue.clear();
    const maxConnections = p.int('max_connections');
    this.webhookConfig = { url, secretToken, maxConnections: maxConnections === undefined || Number.isNaN(maxConnections) ? undefined : maxConnections };
    this.webhookFailuresInRow = 0;
    const held = this.held;
    if (held !== undefined) {
      this.held = undefined;
      if (held.timer !== undefined) this.clearTimer(held.timer);
      this.writeError(held.res, new ApiError(409, 'Conflict: terminated by setWebhook request'));
    }
    this.scheduleFlush();
    return true;
  }

  private deleteWebhook(p: Params): true {
    this.webhookConfig = undefined;
    if (p.bool('drop_pending_updates')) this.queue.clear();
    return true;
  }

  private getWebhookInfo(): WebhookInfo {
    const info: WebhookInfo = { url: this.webhookConfig?.url ?? '', has_custom_certificate: false, pending_update_count: this.queue.length };
    if (this.webhookConfig?.maxConnections !== undefined) info.max_connections = this.webhookConfig.maxConnections;
    if (this.webhookLastError !== undefined) {
      info.last_error_date = this.webhookLastError.date;
      info.last_error_message = this.webhookLastError.message;
    }
    return info;
  }

  private sendMessage(p: Params, arrivedAt: number): Message {
    const chatId = this.requireChatId(p);
    const text = p.str('text');
    const parseMode = p.str('parse_mode');
    checkMessageText(text, parseMode);
    const markup = checkReplyMarkup(p.json('reply_markup'));
    const chat = this.chatFor(chatId);
    const replyTo = this.replyTarget(chatId, p);
    this.checkNotBlocked(chat);
    this.admit(chatId, arrivedAt, true);
    // Telegram answers with the parsed text (markup turned into entities, which the fake omits).
    const fields: Partial<Message> = { text: visibleText(text, parseMode) };
    if (replyTo !== undefined) fields.reply_to_message = replyTo;
    return this.deliverNew('sendMessage', chat, fields, { text, parseMode, markup, payload: p.raw });
  }

  private sendPhotoMethod(p: Params, files: readonly UploadedFile[], arrivedAt: number): Message {
    const chatId = this.requireChatId(p);
    const photoParam = p.str('photo');
    const upload = files.find((f) => f.field === 'photo' || (photoParam?.startsWith('attach://') === true && f.field === photoParam.slice('attach://'.length)));
    if ((photoParam === undefined || photoParam === '') && upload === undefined) throw badRequest('there is no photo in the request');
    const caption = p.str('caption');
    const parseMode = p.str('parse_mode');
    checkCaption(caption, parseMode);
    const markup = checkReplyMarkup(p.json('reply_markup'));
    const chat = this.chatFor(chatId);
    const replyTo = this.replyTarget(chatId, p);
    this.checkNotBlocked(chat);
    this.admit(chatId, arrivedAt, true);
    const fileId = upload !== undefined || photoParam === undefined || /^(https?|attach):/.test(photoParam) ? `AgACAgFakeUpload${++this.callbackCounter}` : photoParam;
    const fields: Partial<Message> = {
      photo: [{ file_id: fileId, file_unique_id: `u_${fileId}`, width: 1280, height: 960, file_size: upload?.size ?? 100_000 }],
    };
    if (caption !== undefined) fields.caption = visibleText(caption, parseMode);
    if (replyTo !== undefined) fields.reply_to_message = replyTo;
    return this.deliverNew('sendPhoto', chat, fields, { text: caption, parseMode, markup, payload: p.raw });
  }

  private sendLocationMethod(p: Params, arrivedAt: number): Message {
    const chatId = this.requireChatId(p);
    const latitude = p.num('latitude');
    const longitude = p.num('longitude');
    if (latitude === undefined || Number.isNaN(latitude) || Math.abs(latitude) > 90) throw badRequest('wrong latitude');
    if (longitude === undefined || Number.isNaN(longitude) || Math.abs(longitude) > 180) throw badRequest('wrong longitude');
    const markup = checkReplyMarkup(p.json('reply_markup'));
    const chat = this.chatFor(chatId);
    const replyTo = this.replyTarget(chatId, p);
    this.checkNotBlocked(chat);
    this.admit(chatId, arrivedAt, true);
    const fields: Partial<Message> = { location: { latitude, longitude } };
    if (replyTo !== undefined) fields.reply_to_message = replyTo;
    return this.deliverNew('sendLocation', chat, fields, { text: undefined, parseMode: undefined, markup, payload: p.raw });
  }

  private editMessage(method: 'editMessageText' | 'editMessageReplyMarkup', p: Params, arrivedAt: number): Message {
    if (p.has('inline_message_id')) throw badRequest('message to edit not found');
    const chatId = this.requireChatId(p);
    const messageId = p.int('message_id');
    if (messageId === undefined || Number.isNaN(messageId)) throw badRequest('message identifier is not specified');
    const isText = method === 'editMessageText';
    const text = isText ? p.str('text') : undefined;
    const parseMode = isText ? p.str('parse_mode') : undefined;
    if (isText) checkMessageText(text, parseMode);
    const markup = checkReplyMarkup(p.json('reply_markup'));
    if (markup !== undefined && !('inline_keyboard' in markup)) throw badRequest('inline keyboard expected');
    const stored = this.stored.get(chatId)?.get(messageId);
    if (stored === undefined || stored.deleted) throw badRequest('message to edit not found');
    if (!stored.fromBot) throw badRequest("message can't be edited");
    if (isText && !stored.hasText) throw badRequest('there is no text in the message to edit');
    const markupKey = canonicalJson(markup);
    const sameText = !isText || (stored.rawText === text && stored.parseMode === parseMode);
    if (sameText && stored.markupKey === markupKey) {
      throw badRequest('message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message');
    }
    const chat = this.chatFor(chatId);
    this.checkNotBlocked(chat);
    this.admit(chatId, arrivedAt, this.countEdits);

    if (text !== undefined) {
      stored.rawText = text;
      stored.parseMode = parseMode;
      stored.message.text = visibleText(text, parseMode);
    }
    stored.markupKey = markupKey;
    if (markup !== undefined && 'inline_keyboard' in markup) stored.message.reply_markup = markup;
    else delete stored.message.reply_markup;
    stored.message.edit_date = nowSeconds();
    this.record({ method, chatId, messageId, text: stored.rawText, parseMode: stored.parseMode, replyMarkup: markup, editOf: messageId, payload: p.raw });
    // Serialised at once by the caller, so handing out the live object is safe and saves a clone per edit.
    return stored.message;
  }

  private answerCallbackQuery(p: Params): true {
    const id = p.str('callback_query_id');
    const query = id === undefined ? undefined : this.callbackQueries.get(id);
    if (id === undefined || query === undefined || query.answered) {
      throw badRequest('query is too old and response timeout expired or query ID is invalid');
    }
    query.answered = true;
    const cacheTime = p.int('cache_time');
    const answer: CallbackAnswer = {
      callbackQueryId: id,
      text: p.str('text'),
      showAlert: p.bool('show_alert'),
      url: p.str('url'),
      cacheTime: cacheTime === undefined || Number.isNaN(cacheTime) ? undefined : cacheTime,
      at: Date.now(),
    };
    this.answers.push(answer);
    this.notify(this.answerWaiters, answer);
    return true;
  }

  private deleteMessage(p: Params): true {
    const chatId = this.requireChatId(p);
    const messageId = p.int('message_id');
    if (messageId === undefined || Number.isNaN(messageId)) throw badRequest('message identifier is not specified');
    const stored = this.stored.get(chatId)?.get(messageId);
    if (stored === undefined || stored.deleted) throw badRequest('message to delete not found');
    stored.deleted = true;
    return true;
  }

  private setMyCommands(p: Params): true {
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
    this.commandsByScope.set(`${canonicalJson(p.json('scope') ?? { type: 'default' })}|${p.str('language_code') ?? ''}`, parsed);
    return true;
  }

  private getChat(p: Params): ChatFullInfo {
    const chat = this.chatFor(this.requireChatId(p));
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

  // ─────────────────────────── method helpers ───────────────────────────

  private requireChatId(p: Params): number {
    if (!p.has('chat_id') || p.str('chat_id') === '') throw badRequest('chat_id is empty');
    const chatId = p.int('chat_id');
    // @username targets are not modelled: the fake knows chats by id only.
    if (chatId === undefined || Number.isNaN(chatId) || chatId === 0) throw badRequest('chat not found');
    return chatId;
  }

  private replyTarget(chatId: number, p: Params): ReplyMessage | undefined {
    const params = p.json('reply_parameters');
    const fromParams = typeof params === 'object' && params !== null ? (params as Record<string, unknown>) : undefined;
    const rawId = fromParams?.message_id ?? p.int('reply_to_message_id');
    if (rawId === undefined) return undefined;
    const id = typeof rawId === 'number' ? rawId : Number(rawId);
    const stored = this.stored.get(chatId)?.get(id);
    if (stored === undefined || stored.deleted) {
      const allow = fromParams?.allow_sending_without_reply === true || p.bool('allow_sending_without_reply');
      if (allow) return undefined;
      throw badRequest('message to be replied not found');
    }
    return asReply(stored.message);
  }

  private checkNotBlocked(chat: FakeChatObject): void {
    if (!this.blockedChats.has(chat.id)) return;
    if (chat.type === 'private') throw new ApiError(403, 'Forbidden: bot was blocked by the user');
    throw new ApiError(403, `Forbidden: bot was kicked from the ${chat.type} chat`);
  }

  /** Flood control for one send; throws the 429 when the fake would not deliver it. */
  private admit(chatId: number, arrivedAt: number, counted: boolean): void {
    if (!counted) return;
    const decision = this.flood.check(chatId, arrivedAt, performance.now());
    if (decision.accepted) return;
    if (decision.breach) this.statsData.limitBreaches++;
    else for (const scope of decision.scopes) this.statsData.rejectedBy[scope]++;
    throw new FloodError(decision.retryAfter, decision.blocks);
  }

  private deliverNew(
    method: SendMethod,
    chat: FakeChatObject,
    fields: Partial<Message>,
    record: { text: string | undefined; parseMode: string | undefined; markup: ReplyMarkup | undefined; payload: Readonly<Record<string, unknown>> },
  ): Message {
    const message: Message = { ...fields, message_id: this.nextMessageId(chat.id), date: nowSeconds(), chat, from: this.botUser() };
    // Only inline keyboards belong to the message; reply keyboards belong to the chat's input field.
    if (record.markup !== undefined && 'inline_keyboard' in record.markup) message.reply_markup = record.markup;
    this.store(chat.id, {
      message,
      fromBot: true,
      deleted: false,
      rawText: record.text,
      parseMode: record.parseMode,
      markupKey: canonicalJson(message.reply_markup),
      hasText: method === 'sendMessage',
    });
    this.record({ method, chatId: chat.id, messageId: message.message_id, text: record.text, parseMode: record.parseMode, replyMarkup: record.markup, payload: record.payload });
    // Serialised at once by the caller, so handing out the live object is safe and saves a clone per send.
    return message;
  }

  private record(entry: Omit<SentMessage, 'seq' | 'at'>): void {
    const sent: SentMessage = { ...entry, seq: this.sent.length, at: Date.now() };
    this.sent.push(sent);
    let list = this.sentByChat.get(sent.chatId);
    if (list === undefined) {
      list = [];
      this.sentByChat.set(sent.chatId, list);
    }
    list.push(sent);
    this.statsData.sends++;
    this.notify(this.messageWaiters, sent);
  }

  private notify<T>(waiters: Array<Waiter<T>>, value: T): void {
    if (waiters.length === 0) return;
    for (const waiter of [...waiters]) {
      if (!waiter.match(value)) continue;
      removeItem(waiters, waiter);
      this.clearTimer(waiter.timer);
      waiter.resolve(value);
    }
  }

  private rejectWaiters(error: Error): void {
    for (const waiters of [this.messageWaiters, this.answerWaiters] as Array<Array<Waiter<never>>>) {
      for (const waiter of waiters.splice(0)) {
        this.clearTimer(waiter.timer);
        waiter.reject(error);
      }
    }
  }

  private recentMessagesReport(chatId: number | undefined): string {
    const source = chatId === undefined ? this.sent : this.chatMessages(chatId);
    const recent = source.slice(-10);
    const where = chatId === undefined ? 'overall' : `in chat ${chatId}`;
    if (recent.length === 0) return `No messages delivered ${where} (${this.sent.length} in total).`;
    return `Last ${recent.length} of ${source.length} messages ${where}:\n${recent.map(describeMessage).join('\n')}`;
  }

  // ─────────────────────────── updates & state ───────────────────────────

  private enqueue(update: Update): void {
    this.queue.push(update);
    this.statsData.updatesPushed++;
    this.scheduleFlush();
  }

  /** Coalesces updates pushed in the same tick into one getUpdates answer. */
  private scheduleFlush(): void {
    if (this.flushScheduled !== undefined || this.stopped) return;
    this.flushScheduled = setImmediate(() => {
      this.flushScheduled = undefined;
      this.flush();
    });
  }

  private flush(): void {
    if (this.webhookConfig !== undefined) {
      this.pumpWebhook();
      return;
    }
    const held = this.held;
    if (held === undefined) return;
    const batch = this.queue.take(held.limit);
    if (batch.length === 0) return;
    this.held = undefined;
    if (held.timer !== undefined) this.clearTimer(held.timer);
    this.statsData.updatesDelivered += batch.length;
    this.writeJson(held.res, 200, { ok: true, result: batch });
  }

  /** Posts queued updates to the webhook one at a time, in order, retrying until a 2xx. */
  private pumpWebhook(): void {
    const config = this.webhookConfig;
    const update = this.queue.peek();
    if (this.webhookBusy || config === undefined || update === undefined || this.stopped) return;
    this.webhookBusy = true;
    this.statsData.webhookAttempts++;
    void this.postWebhook(config, update).then((error) => {
      if (this.stopped) return;
      this.webhookBusy = false;
      if (error === undefined) {
        this.webhookFailuresInRow = 0;
        if (this.queue.shiftIf(update)) this.statsData.updatesDelivered++;
        this.pumpWebhook();
        return;
      }
      this.statsData.webhookFailures++;
      this.webhookLastError = { date: nowSeconds(), message: error };
      const base = this.options.webhookRetryDelayMs ?? 100;
      const delay = Math.min(5000, base * 2 ** Math.min(this.webhookFailuresInRow++, 10));
      this.later(delay, () => this.pumpWebhook());
    });
  }

  /** Resolves with undefined on a 2xx, else with the error text for getWebhookInfo. */
  private postWebhook(config: WebhookConfig, update: Update): Promise<string | undefined> {
    return new Promise((resolve) => {
      const body = JSON.stringify(update);
      const headers: Record<string, string | number> = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) };
      if (config.secretToken !== undefined) headers['x-telegram-bot-api-secret-token'] = config.secretToken;
      let url: URL;
      try {
        url = new URL(config.url);
      } catch {
        resolve('Wrong webhook URL');
        return;
      }
      if (url.protocol !== 'http:') {
        resolve('The fake only delivers to http:// webhooks');
        return;
      }
      const req = http.request(url, { method: 'POST', headers, agent: this.webhookAgent, timeout: this.options.webhookTimeoutMs ?? 10_000 }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', (err) => resolve(`Connection error: ${err.message}`));
        res.on('end', () => {
          const status = res.statusCode ?? 0;
          if (status < 200 || status >= 300) {
            resolve(`Wrong response from the webhook: ${status} ${res.statusMessage ?? ''}`.trim());
            return;
          }
          this.runWebhookReply(Buffer.concat(chunks));
          resolve(undefined);
        });
      });
      req.on('timeout', () => req.destroy(new Error('Read timeout expired')));
      req.on('error', (err) => resolve(`Connection error: ${err.message}`));
      req.end(body);
    });
  }

  /** Telegram executes a method passed in the webhook response body ("webhook reply"). */
  private runWebhookReply(body: Buffer): void {
    if (body.length === 0) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch {
      return;
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return;
    const params = parsed as Record<string, unknown>;
    const rawMethod = typeof params.method === 'string' ? params.method : '';
    const method = METHOD_BY_LOWER.get(rawMethod.toLowerCase());
    if (method === undefined || method === 'getUpdates') return;
    this.statsData.perMethod[method] = (this.statsData.perMethod[method] ?? 0) + 1;
    try {
      this.execute(method, new Params(params), [], performance.now());
    } catch (error) {
      // The real API drops a failed webhook reply silently; count the 429 so benchmarks still see it.
      if (error instanceof ApiError && error.status === 429) this.statsData.status429++;
    }
  }

  private isAllowed(update: Update): boolean {
    const type = updateType(update);
    if (type === undefined) return true;
    return this.allowedUpdates === undefined ? !NOT_DEFAULT_UPDATES.has(type) : this.allowedUpdates.has(type);
  }

  /** Privacy mode: in groups, only commands, mentions, replies to the bot and service messages. */
  private passesPrivacy(update: Update): boolean {
    const message = update.message;
    if (!this.privacyMode || message === undefined || message.chat.type === 'private') return true;
    const text = message.text ?? message.caption;
    if (text === undefined) return message.photo === undefined && message.voice === undefined && message.sticker === undefined && message.location === undefined;
    if (text.startsWith('/')) return true;
    if (text.includes(`@${this.botInfo.username}`)) return true;
    return message.reply_to_message?.from?.id === this.botInfo.id;
  }

  /** Remembers chats and messages seen in updates, so the bot can reply to and edit around them. */
  private learnFromUpdate(update: Update): void {
    const message = update.message ?? update.edited_message;
    if (message === undefined) return;
    if (!this.chats.has(message.chat.id)) this.chats.set(message.chat.id, message.chat);
    const last = this.lastMessageId.get(message.chat.id) ?? 0;
    if (message.message_id > last) this.lastMessageId.set(message.chat.id, message.message_id);
    const existing = this.stored.get(message.chat.id)?.get(message.message_id);
    if (existing !== undefined && update.edited_message !== undefined) {
      existing.message = message;
      return;
    }
    if (existing === undefined) {
      this.store(message.chat.id, {
        message,
        fromBot: false,
        deleted: false,
        rawText: message.text ?? message.caption,
        parseMode: undefined,
        markupKey: canonicalJson(message.reply_markup),
        hasText: message.text !== undefined,
      });
    }
  }

  private userMessage(from: FakeUser, chat: FakeChat, fields: Partial<Message>, replyTo?: number): Message & Update.NonChannel {
    const chatObject = this.registerChat(chat, from);
    const message: Message & Update.NonChannel = { ...fields, message_id: this.nextMessageId(chat.id), date: nowSeconds(), chat: chatObject, from: toUser(from) };
    if (replyTo !== undefined) {
      const target = this.stored.get(chat.id)?.get(replyTo);
      if (target === undefined) throw new Error(`FakeBotApi: cannot reply to unknown message ${replyTo} in chat ${chat.id}`);
      message.reply_to_message = asReply(target.message);
    }
    return message;
  }

  private registerChat(chat: FakeChat, user: FakeUser): FakeChatObject {
    let object: FakeChatObject;
    if (chat.type === 'private') {
      object = { id: chat.id, type: 'private', first_name: user.first_name };
      if (user.username !== undefined) object.username = user.username;
      if (user.last_name !== undefined) object.last_name = user.last_name;
    } else if (chat.type === 'group') {
      object = { id: chat.id, type: 'group', title: chat.title ?? `Group ${chat.id}` };
    } else {
      object = { id: chat.id, type: 'supergroup', title: chat.title ?? `Supergroup ${chat.id}` };
      if (chat.username !== undefined) object.username = chat.username;
    }
    this.chats.set(chat.id, object);
    return object;
  }

  /** A chat the bot sends to: known from updates, or created like Telegram ids suggest. */
  private chatFor(chatId: number): FakeChatObject {
    const known = this.chats.get(chatId);
    if (known !== undefined) return known;
    let chat: FakeChatObject;
    if (chatId > 0) chat = { id: chatId, type: 'private', first_name: `User ${chatId}` };
    else if (chatId <= -1_000_000_000_000) chat = { id: chatId, type: 'supergroup', title: `Supergroup ${chatId}` };
    else chat = { id: chatId, type: 'group', title: `Group ${chatId}` };
    this.chats.set(chatId, chat);
    return chat;
  }

  private nextMessageId(chatId: number): number {
    const next = (this.lastMessageId.get(chatId) ?? 0) + 1;
    this.lastMessageId.set(chatId, next);
    return next;
  }

  private store(chatId: number, message: StoredMessage): void {
    let byId = this.stored.get(chatId);
    if (byId === undefined) {
      byId = new Map();
      this.stored.set(chatId, byId);
    }
    byId.set(message.message.message_id, message);
  }

  private botUser(): User {
    return { id: this.botInfo.id, is_bot: true, first_name: this.botInfo.first_name, username: this.botInfo.username };
  }

  private makeFloodControl(limits: RateLimits): FloodControl {
    const unitMs = 1000 * this.timeScale;
    return new FloodControl({
      limits,
      unitMs,
      fractionalRetryAfter: this.fractionalRetryAfter,
      breachGraceMs: this.options.breachGraceMs ?? Math.min(20, unitMs / 4),
    });
  }

  private later(ms: number, fn: () => void): NodeJS.Timeout {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      fn();
    }, ms);
    this.timers.add(timer);
    return timer;
  }

  private clearTimer(timer: NodeJS.Timeout): void {
    clearTimeout(timer);
    this.timers.delete(timer);
  }
}

function updateType(update: Update): UpdateType | undefined {
  for (const key of Object.keys(update)) {
    if (key !== 'update_id' && update[key as keyof Update] !== undefined) return key as UpdateType;
  }
  return undefined;
}

/** Telegram marks a leading /command (with optional @botname) as a bot_command entity. */
function commandEntities(text: string): { entities?: MessageEntity[] } {
  const command = /^\/[A-Za-z0-9_]+(@[A-Za-z0-9_]+)?/.exec(text);
  return command === null ? {} : { entities: [{ type: 'bot_command', offset: 0, length: command[0].length }] };
}

function captionEntities(caption: string): { caption_entities?: MessageEntity[] } {
  const { entities } = commandEntities(caption);
  return entities === undefined ? {} : { caption_entities: entities };
}

function matcherToPredicate(matcher: MessageMatcher): (m: SentMessage) => boolean {
  return (m) => {
    if (matcher.chatId !== undefined && m.chatId !== matcher.chatId) return false;
    if (matcher.method !== undefined && m.method !== matcher.method) return false;
    if (matcher.text === undefined) return true;
    if (m.text === undefined) return false;
    return typeof matcher.text === 'string' ? m.text === matcher.text : matcher.text.test(m.text);
  };
}

function describeMatcher(matcher: MessageMatcher): string {
  const parts: string[] = [];
  if (matcher.method !== undefined) parts.push(matcher.method);
  if (matcher.chatId !== undefined) parts.push(`to chat ${matcher.chatId}`);
  if (matcher.text !== undefined) parts.push(`with text ${typeof matcher.text === 'string' ? JSON.stringify(matcher.text) : String(matcher.text)}`);
  return parts.length === 0 ? 'message' : `message ${parts.join(' ')}`;
}

function asReply(message: Message): ReplyMessage {
  return { ...structuredClone(message), reply_to_message: undefined };
}

function removeItem<T>(list: T[], item: T): void {
  const index = list.indexOf(item);
  if (index !== -1) list.splice(index, 1);
}

/**
 * A local fake of the Telegram Bot API for end-to-end tests and benchmarks.
 *
 * It is a real HTTP server on 127.0.0.1, so the code under test talks to it exactly as it
 * talks to api.telegram.org: grammY with `new Bot(token, { client: { apiRoot: fake.apiRoot } })`
 * (long polling via bot.start() or @grammyjs/runner, or webhooks), or any plain HTTP sender.
 * Its point is Telegram's flood limits: sends beyond them get 429 + retry_after and are not
 * delivered, and clients that ignore retry_after are counted. See README.md in this folder.
 *
 * This file only composes the concerns (transport.ts, methods/, delivery.ts, webhook.ts,
 * limits.ts, recorder.ts, chats.ts, users.ts) behind the one class tests use.
 */
import type { BotCommand, Update, UserFromGetMe } from 'grammy/types';
import { ChatStore } from './chats.js';
import { Scheduler } from './clock.js';
import { UpdateDelivery } from './delivery.js';
import { type RateLimits, TELEGRAM_LIMITS } from './flood-control.js';
import { Limits } from './limits.js';
import { botInfoFor, CommandRegistry, DEFAULT_TOKEN, handleCall, type MethodContext, runWebhookReply } from './methods/index.js';
import { Recorder } from './recorder.js';
import { Transport } from './transport.js';
import {
  type CallbackAnswer,
  emptyStats,
  type FakeBotApiOptions,
  type FakeChat,
  type FakeStats,
  type FakeUser,
  type FaultSpec,
  type MessageMatcher,
  type MessageRef,
  resetStats,
  type SentMessage,
  type WaitOptions,
} from './types.js';
import { UserSimulator } from './users.js';
import type { WebhookConfig } from './webhook.js';

export type { RateLimits } from './flood-control.js';
export type {
  CallbackAnswer,
  FakeBotApiOptions,
  FakeChat,
  FakeStats,
  FakeUser,
  FaultSpec,
  MessageMatcher,
  MessageRef,
  SendMethod,
  SentMessage,
  WaitOptions,
} from './types.js';

export class FakeBotApi {
  readonly token: string;
  readonly botInfo: UserFromGetMe;
  readonly timeScale: number;
  readonly fractionalRetryAfter: boolean;
  readonly countEdits: boolean;
  /** Mutable at run time, e.g. to slow the API down in the middle of a test. */
  latencyMs: number | ((method: string) => number);
  privacyMode: boolean;

  private readonly scheduler = new Scheduler();
  /** One stats object shared by every part of the fake; reset() zeroes it in place. */
  private readonly statsData: FakeStats = emptyStats();
  private readonly chats: ChatStore;
  private readonly recorder: Recorder;
  private readonly limiter: Limits;
  private readonly delivery: UpdateDelivery;
  private readonly commandRegistry = new CommandRegistry();
  private readonly users: UserSimulator;
  private readonly transport: Transport;

  constructor(options: FakeBotApiOptions = {}) {
    this.token = options.token ?? DEFAULT_TOKEN;
    this.botInfo = botInfoFor(this.token, options);
    this.timeScale = options.timeScale ?? 1;
    if (!(this.timeScale > 0) || !Number.isFinite(this.timeScale)) throw new RangeError(`timeScale must be a positive number, got ${this.timeScale}`);
    this.fractionalRetryAfter = options.fractionalRetryAfter ?? false;
    this.countEdits = options.countEdits ?? true;
    this.latencyMs = options.latencyMs ?? 0;
    this.privacyMode = options.privacyMode ?? false;

    const { scheduler, statsData: stats } = this;
    this.limiter = new Limits({ timeScale: this.timeScale, fractionalRetryAfter: this.fractionalRetryAfter, breachGraceMs: options.breachGraceMs }, stats, {
      ...TELEGRAM_LIMITS,
      ...options.limits,
    });
    this.chats = new ChatStore(this.botInfo);
    this.recorder = new Recorder(scheduler, stats);
    // Webhook replies run methods, whose context includes the delivery: the closure reads `ctx` only when a reply arrives.
    const webhook = {
      retryDelayMs: options.webhookRetryDelayMs,
      timeoutMs: options.webhookTimeoutMs,
      maxConnections: options.webhookMaxConnections,
      onReply: (params: Record<string, unknown>) => runWebhookReply(ctx, params),
    };
    this.delivery = new UpdateDelivery({ botInfo: this.botInfo, privacyMode: () => this.privacyMode, webhook }, scheduler, stats, this.chats);
    const ctx: MethodContext = {
      botInfo: this.botInfo,
      countEdits: this.countEdits,
      stats,
      chats: this.chats,
      recorder: this.recorder,
      limits: this.limiter,
      delivery: this.delivery,
      commands: this.commandRegistry,
      webhookVerifyMs: options.webhookVerifyMs ?? 0,
    };
    this.users = new UserSimulator(this.botInfo, this.chats, this.recorder, this.delivery);
    this.transport = new Transport({
      token: this.token,
      port: options.port,
      scheduler,
      latencyFor: (method) => (typeof this.latencyMs === 'function' ? this.latencyMs(method) : this.latencyMs),
      handle: (call) => handleCall(ctx, call),
      beforeErrorAnswer: (res, error) => this.limiter.beforeErrorAnswer(res, error),
    });
  }

  // ───────────────────────────── lifecycle ─────────────────────────────

  /** `http://127.0.0.1:PORT`, for `client.apiRoot` (no trailing slash: grammY rejects one). */
  get apiRoot(): string {
    return this.transport.apiRoot;
  }

  async start(): Promise<void> {
    if (this.transport.listening) return;
    this.scheduler.start();
    await this.transport.listen();
  }

  /** Answers a held poll with no updates, closes every socket and timer, rejects pending waits. */
  async stop(): Promise<void> {
    if (!this.transport.listening) return;
    this.scheduler.stop();
    // The held poll gets its empty answer before the server drops its connections.
    this.delivery.stop();
    this.recorder.rejectWaiters(new Error('FakeBotApi stopped'));
    await this.transport.close();
  }

  /**
   * Forgets everything recorded (messages, chats, queue, limits, faults, stats, webhook) but
   * keeps the server, and keeps update_id/message_id counters growing so a bot that is still
   * polling with an old offset is not confused.
   */
  reset(): void {
    this.chats.clear();
    this.commandRegistry.clear();
    this.delivery.reset();
    this.limiter.reset();
    resetStats(this.statsData);
    this.recorder.clear(new Error('FakeBotApi reset'));
  }

  /** Replaces the limits (and forgets the windows). */
  setLimits(limits: Partial<RateLimits>): void {
    this.limiter.setLimits(limits);
  }

  get limits(): Readonly<RateLimits> {
    return this.limiter.limits;
  }

  /** The next `count` calls of `method` ('*' = any method) fail with this error instead of running. */
  failNext(method: string, count: number, spec: FaultSpec): void {
    this.limiter.failNext(method, count, spec);
  }

  /** Marks a chat as having blocked the bot (private) or removed it (group): sends get 403. */
  blockChat(chatId: number): void {
    this.chats.block(chatId);
  }

  unblockChat(chatId: number): void {
    this.chats.unblock(chatId);
  }

  // ───────────────────────────── inspection ─────────────────────────────

  /** Every delivered send/edit in delivery order (a live read-only view). */
  get messages(): readonly SentMessage[] {
    return this.recorder.messages;
  }

  /** Delivered sends/edits in one chat, in arrival order (a live read-only view). */
  chatMessages(chatId: number): readonly SentMessage[] {
    return this.recorder.chatMessages(chatId);
  }

  lastMessage(chatId: number): SentMessage | undefined {
    return this.recorder.lastMessage(chatId);
  }

  get callbackAnswers(): readonly CallbackAnswer[] {
    return this.recorder.callbackAnswers;
  }

  get stats(): FakeStats {
    const s = this.statsData;
    return { ...s, perMethod: { ...s.perMethod }, rejectedBy: { ...s.rejectedBy } };
  }

  /** The current webhook (undefined in polling mode). */
  get webhook(): Readonly<WebhookConfig> | undefined {
    return this.delivery.webhookConfig;
  }

  get pendingUpdateCount(): number {
    return this.delivery.pendingCount;
  }

  /** True while a getUpdates call is held open waiting for updates (a positive signal for tests). */
  get holdingPoll(): boolean {
    return this.delivery.longPoll.isHeld;
  }

  /** The last update pushed by any helper (e.g. to duplicate() a pressButton update). */
  get lastUpdate(): Update | undefined {
    return this.delivery.lastUpdate;
  }

  /** Commands set with setMyCommands for the default scope and language (or the given ones). */
  commands(scope: unknown = { type: 'default' }, languageCode = ''): readonly BotCommand[] {
    return this.commandRegistry.get(scope, languageCode);
  }

  /** Every scope and language that holds commands now, as `<canonical scope JSON>|<language code>`. */
  commandScopes(): string[] {
    return this.commandRegistry.keys();
  }

  /** Accepted sends within the current bot-wide one-(fake-)second window. */
  sendsInCurrentSecond(): number {
    return this.limiter.sendsInCurrentSecond();
  }

  /**
   * Resolves with the first delivered message (already delivered or future) that matches;
   * rejects after `timeoutMs` listing the recent messages of the chat.
   */
  waitFor(match: ((m: SentMessage) => boolean) | MessageMatcher, options: WaitOptions = {}): Promise<SentMessage> {
    return this.recorder.waitFor(match, options);
  }

  /**
   * Resolves once no update is pending: every pushed update was confirmed by a later
   * getUpdates offset, or answered 2xx by the webhook. Checks every 5 ms, bounded by timeoutMs.
   */
  waitUntilDelivered(options: { timeoutMs?: number } = {}): Promise<void> {
    return this.delivery.waitUntilDelivered(options.timeoutMs ?? 5000);
  }

  waitForCallbackAnswer(callbackQueryId: string, options: { timeoutMs?: number } = {}): Promise<CallbackAnswer> {
    return this.recorder.waitForCallbackAnswer(callbackQueryId, options);
  }

  // ─────────────────────────── playing users ───────────────────────────

  /** A private chat with `user` (Telegram uses the user id as the chat id). */
  static privateChat(user: FakeUser): FakeChat {
    return { id: user.id, type: 'private' };
  }

  /** Queues a raw update; `update_id` is assigned when missing. Returns the queued update. */
  pushUpdate(update: Omit<Update, 'update_id'> & { update_id?: number }): Update {
    return this.delivery.push(update);
  }

  /** Re-delivers an identical update (same update_id), as Telegram does after a lost confirmation. */
  duplicate(update: Update): void {
    this.delivery.enqueue(update);
  }

  sendText(from: FakeUser, chat: FakeChat, text: string, options: { replyTo?: number } = {}): Update {
    return this.users.sendText(from, chat, text, options);
  }

  sendLocation(from: FakeUser, chat: FakeChat, location: { latitude: number; longitude: number; live_period?: number }): Update {
    return this.users.sendLocation(from, chat, location);
  }

  sendPhoto(from: FakeUser, chat: FakeChat, options: { caption?: string; fileId?: string } = {}): Update {
    return this.users.sendPhoto(from, chat, options);
  }

  sendVoice(from: FakeUser, chat: FakeChat, options: { duration?: number; fileId?: string } = {}): Update {
    return this.users.sendVoice(from, chat, options);
  }

  sendSticker(from: FakeUser, chat: FakeChat, options: { emoji?: string; fileId?: string } = {}): Update {
    return this.users.sendSticker(from, chat, options);
  }

  /**
   * Presses an inline button on a message the bot sent. Throws (a test bug, not a bot bug)
   * when the bot never sent that message, deleted it, or it has no button with this data.
   * Returns the callback query id to pass to waitForCallbackAnswer.
   */
  pressButton(from: FakeUser, message: SentMessage | MessageRef, callbackData: string): string {
    return this.users.pressButton(from, message, callbackData);
  }

  /** The bot joins a group: a my_chat_member update and a new_chat_members service message. */
  addBotToGroup(chat: FakeChat, by: FakeUser): [Update, Update] {
    return this.users.addBotToGroup(chat, by);
  }
}

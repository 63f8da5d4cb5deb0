/**
 * Update delivery: the queue of updates the users produce, the filters Telegram applies when
 * an update is created (allowed_updates, privacy mode), and handing them to the bot through
 * getUpdates (answered at once or held, see LongPoll) or the webhook (see webhook.ts).
 */
import { performance } from 'node:perf_hooks';
import type { ServerResponse } from 'node:http';
import type { Update, UserFromGetMe, WebhookInfo } from 'grammy/types';
import type { ChatStore } from './chats.js';
import type { Scheduler } from './clock.js';
import { ApiError, badRequest } from './request.js';
import { LongPoll, writeError, writeJson } from './transport.js';
import type { FakeStats } from './types.js';
import { UpdateQueue } from './update-queue.js';
import { type WebhookConfig, type WebhookOptions, WebhookSender } from './webhook.js';

type UpdateType = Exclude<keyof Update, 'update_id'>;
/** Telegram's default when allowed_updates was never set (or set to []). */
const NOT_DEFAULT_UPDATES: ReadonlySet<string> = new Set(['chat_member', 'message_reaction', 'message_reaction_count']);

export interface DeliveryOptions {
  botInfo: UserFromGetMe;
  /** Read per update, so a test can switch privacy mode while the fake runs. */
  privacyMode: () => boolean;
  webhook: WebhookOptions;
}

export class UpdateDelivery {
  readonly longPoll: LongPoll;
  private readonly queue = new UpdateQueue();
  private readonly webhook: WebhookSender;
  private allowedUpdates: ReadonlySet<string> | undefined;
  private lastUpdateId = 0;
  private lastPushed: Update | undefined;
  private flushScheduled: NodeJS.Immediate | undefined;
  /** A setWebhook waiting for its answer (FakeBotApiOptions.webhookVerifyMs). */
  private heldSet: { res: ServerResponse; timer: NodeJS.Timeout } | undefined;

  constructor(
    private readonly options: DeliveryOptions,
    private readonly scheduler: Scheduler,
    private readonly stats: FakeStats,
    private readonly chats: ChatStore,
  ) {
    this.longPoll = new LongPoll(scheduler);
    this.webhook = new WebhookSender(options.webhook, this.queue, scheduler, stats);
  }

  get pendingCount(): number {
    return this.queue.length + this.webhook.pendingCount;
  }

  get lastUpdate(): Update | undefined {
    return this.lastPushed;
  }

  get webhookConfig(): Readonly<WebhookConfig> | undefined {
    return this.webhook.config;
  }

  /** Forgets the queue, allowed_updates, the last update and the webhook; keeps update_id growing. */
  reset(): void {
    this.queue.clear();
    this.allowedUpdates = undefined;
    this.lastPushed = undefined;
    this.webhook.reset();
    this.terminateHeldSetWebhook();
  }

  /** Answers a held poll with no updates and cancels pending deliveries. */
  stop(): void {
    this.longPoll.answer([]);
    if (this.flushScheduled !== undefined) clearImmediate(this.flushScheduled);
    this.flushScheduled = undefined;
    this.webhook.stop();
  }

  /** Queues a user's update unless a filter drops it; `update_id` is assigned when missing. */
  push(update: Omit<Update, 'update_id'> & { update_id?: number }): Update {
    const id = update.update_id ?? this.lastUpdateId + 1;
    this.lastUpdateId = Math.max(this.lastUpdateId, id);
    const full: Update = { ...update, update_id: id };
    this.chats.learnFromUpdate(full);
    this.lastPushed = full;
    if (!this.isAllowed(full) || !this.passesPrivacy(full)) {
      this.stats.updatesDropped++;
      return full;
    }
    this.enqueue(full);
    return full;
  }

  /** Re-queues the very same update, bypassing the filters. */
  enqueue(update: Update): void {
    this.queue.push(update);
    this.stats.updatesPushed++;
    this.scheduleFlush();
  }

  setAllowedUpdates(value: unknown): void {
    if (value === undefined || value === null) return;
    if (!Array.isArray(value)) throw badRequest("can't parse allowed updates");
    // An empty list restores the default set (Telegram: "Specify an empty list to receive all update types except ...").
    this.allowedUpdates = value.length === 0 ? undefined : new Set(value.filter((v): v is string => typeof v === 'string'));
  }

  /** getUpdates after its parameters were checked: confirm, then answer at once or hold. */
  poll(res: ServerResponse, offset: number, limit: number, timeoutSeconds: number): void {
    this.queue.confirm(offset);
    // Telegram serves one poll per bot: a second one terminates the first (409 is fatal in grammY, as it should be for two instances).
    this.longPoll.terminate(new ApiError(409, 'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running'));
    const batch = this.queue.take(limit);
    if (batch.length > 0 || timeoutSeconds <= 0) {
      this.stats.updatesDelivered += batch.length;
      writeJson(res, 200, { ok: true, result: batch });
      return;
    }
    this.longPoll.hold(res, limit, timeoutSeconds);
  }

  setWebhook(config: WebhookConfig, dropPending: boolean): void {
    if (dropPending) this.queue.clear();
    this.webhook.configure(config);
    this.longPoll.terminate(new ApiError(409, 'Conflict: terminated by setWebhook request'));
    this.scheduleFlush();
  }

  deleteWebhook(dropPending: boolean): void {
    this.webhook.remove();
    if (dropPending) this.queue.clear();
  }

  /** Answers `res` (a setWebhook) with success after `ms`, unless another setWebhook terminates it first. */
  holdSetWebhook(res: ServerResponse, ms: number): void {
    const timer = this.scheduler.later(ms, () => {
      if (this.heldSet?.res === res) this.heldSet = undefined;
      writeJson(res, 200, { ok: true, result: true, description: 'Webhook was set' });
    });
    this.heldSet = { res, timer };
    res.on('close', () => {
      if (this.heldSet?.res !== res) return;
      this.scheduler.clear(timer);
      this.heldSet = undefined;
    });
  }

  /** Fails a waiting setWebhook with Telegram's 409; returns whether one was waiting. */
  terminateHeldSetWebhook(): boolean {
    const held = this.heldSet;
    if (held === undefined) return false;
    this.heldSet = undefined;
    this.scheduler.clear(held.timer);
    writeError(held.res, new ApiError(409, 'Conflict: terminated by other setWebhook'));
    return true;
  }

  webhookInfo(): WebhookInfo {
    return this.webhook.info(this.pendingCount);
  }

  /** Resolves once no update is pending and no webhook POST is under way; checks every 5 ms. */
  waitUntilDelivered(timeoutMs: number): Promise<void> {
    const deadline = performance.now() + timeoutMs;
    return new Promise<void>((resolve, reject) => {
      const check = (): void => {
        if (this.queue.length === 0 && !this.webhook.busy) resolve();
        else if (performance.now() >= deadline)
          reject(new Error(`FakeBotApi.waitUntilDelivered: ${this.queue.length} updates still pending after ${timeoutMs} ms`));
        else this.scheduler.later(5, check);
      };
      check();
    });
  }

  /** Coalesces updates pushed in the same tick into one getUpdates answer. */
  private scheduleFlush(): void {
    if (this.flushScheduled !== undefined || this.scheduler.stopped) return;
    this.flushScheduled = setImmediate(() => {
      this.flushScheduled = undefined;
      this.flush();
    });
  }

  private flush(): void {
    if (this.webhook.config !== undefined) {
      this.webhook.pump();
      return;
    }
    const limit = this.longPoll.limit;
    if (limit === undefined) return;
    const batch = this.queue.take(limit);
    if (batch.length === 0) return;
    this.stats.updatesDelivered += batch.length;
    this.longPoll.answer(batch);
  }

  private isAllowed(update: Update): boolean {
    const type = updateType(update);
    if (type === undefined) return true;
    return this.allowedUpdates === undefined ? !NOT_DEFAULT_UPDATES.has(type) : this.allowedUpdates.has(type);
  }

  /** Privacy mode: in groups, only commands, mentions, replies to the bot and service messages. */
  private passesPrivacy(update: Update): boolean {
    const message = update.message;
    if (!this.options.privacyMode() || message === undefined || message.chat.type === 'private') return true;
    const text = message.text ?? message.caption;
    if (text === undefined)
      return message.photo === undefined && message.voice === undefined && message.sticker === undefined && message.location === undefined;
    if (text.startsWith('/')) return true;
    if (text.includes(`@${this.options.botInfo.username}`)) return true;
    return message.reply_to_message?.from?.id === this.options.botInfo.id;
  }
}

function updateType(update: Update): UpdateType | undefined {
  for (const key of Object.keys(update)) {
    if (key !== 'update_id' && update[key as keyof Update] !== undefined) return key as UpdateType;
  }
  return undefined;
}

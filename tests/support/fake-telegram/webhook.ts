/**
 * Webhook delivery: queued updates are POSTed to the bot's URL, retried with a doubling delay
 * until a 2xx; a method in the 2xx body is a "webhook reply". By default one at a time, in
 * order. With `maxConnections` > 1 it posts like Telegram's Bot API server (WebhookActor):
 * up to that many POSTs at once (capped by the webhook's own `max_connections`), but only one
 * per update queue — a chat's messages, one user's button presses — so each queue stays in
 * order while different chats and users are delivered in parallel.
 */
import http from 'node:http';
import type { Update, WebhookInfo } from 'grammy/types';
import { nowSeconds, type Scheduler } from './clock.js';
import type { FakeStats } from './types.js';
import type { UpdateQueue } from './update-queue.js';

export interface WebhookConfig {
  url: string;
  secretToken: string | undefined;
  maxConnections: number | undefined;
}

export interface WebhookOptions {
  retryDelayMs: number | undefined;
  timeoutMs: number | undefined;
  /** Runs the method a webhook answer carries in its JSON body. */
  onReply: (params: Record<string, unknown>) => void;
  /** POSTs in flight at most (parallel mode when > 1, see above). Default 1. */
  maxConnections?: number | undefined;
}

/** Telegram's default `max_connections` of a webhook. */
const TELEGRAM_DEFAULT_MAX_CONNECTIONS = 40;

/** An update taken off the queue for parallel delivery. */
interface Pending {
  update: Update;
  queueId: string;
  failures: number;
  posting: boolean;
  /** Date.now() before which it is not re-posted (after a failure). */
  notBefore: number;
}

/**
 * Telegram's update queue ids (telegram-bot-api Client.cpp): messages by chat, callback queries
 * and the bot's own chat member updates by user; anything else has a queue of its own.
 */
function queueIdOf(update: Update): string {
  const message = update.message ?? update.edited_message;
  if (message) return `chat:${message.chat.id}`;
  if (update.callback_query) return `callback:${update.callback_query.from.id}`;
  if (update.my_chat_member) return `member:${update.my_chat_member.chat.id}`;
  return `update:${update.update_id}`;
}

export class WebhookSender {
  private current: WebhookConfig | undefined;
  private inFlight = false;
  private failuresInRow = 0;
  private lastError: { date: number; message: string } | undefined;
  private agent = new http.Agent({ keepAlive: true });
  /** Parallel mode: updates taken off the queue, not yet accepted (in queue order). */
  private pending: Pending[] = [];
  /** Parallel mode: queues with a POST under way, and how many POSTs are under way. */
  private readonly busyQueues = new Set<string>();
  private posting = 0;
  private wakeTimer = false;

  constructor(
    private readonly options: WebhookOptions,
    private readonly queue: UpdateQueue,
    private readonly scheduler: Scheduler,
    private readonly stats: FakeStats,
  ) {}

  /** The current webhook (undefined in polling mode). */
  get config(): Readonly<WebhookConfig> | undefined {
    return this.current;
  }

  /** True while a POST is under way or updates wait for a retry (their updates are still pending). */
  get busy(): boolean {
    return this.inFlight || this.posting > 0 || this.pending.length > 0;
  }

  /** Updates taken off the queue by parallel delivery and not yet accepted. */
  get pendingCount(): number {
    return this.pending.length;
  }

  configure(config: WebhookConfig): void {
    this.current = config;
    this.failuresInRow = 0;
  }

  /** Back to polling; a POST under way still completes, updates waiting for a retry go back to the queue. */
  remove(): void {
    this.current = undefined;
    for (const p of this.pending) if (!p.posting) this.queue.push(p.update);
    this.pending = this.pending.filter((p) => p.posting);
  }

  info(pendingUpdateCount: number): WebhookInfo {
    const info: WebhookInfo = { url: this.current?.url ?? '', has_custom_certificate: false, pending_update_count: pendingUpdateCount };
    if (this.current?.maxConnections !== undefined) info.max_connections = this.current.maxConnections;
    if (this.lastError !== undefined) {
      info.last_error_date = this.lastError.date;
      info.last_error_message = this.lastError.message;
    }
    return info;
  }

  reset(): void {
    this.current = undefined;
    this.failuresInRow = 0;
    this.lastError = undefined;
    this.pending = [];
  }

  /** Drops open connections; the fake may be started again, so a fresh agent replaces the old one. */
  stop(): void {
    this.agent.destroy();
    this.agent = new http.Agent({ keepAlive: true });
    this.inFlight = false;
    this.pending = [];
    this.busyQueues.clear();
    this.posting = 0;
    this.wakeTimer = false;
  }

  /** Posts queued updates (one at a time, or in parallel per queue), retrying until a 2xx. */
  pump(): void {
    const config = this.current;
    if (config !== undefined && (this.options.maxConnections ?? 1) > 1) {
      this.pumpParallel(config);
      return;
    }
    const update = this.queue.peek();
    if (this.inFlight || config === undefined || update === undefined || this.scheduler.stopped) return;
    this.inFlight = true;
    this.stats.webhookAttempts++;
    void this.post(config, update).then((error) => {
      if (this.scheduler.stopped) return;
      this.inFlight = false;
      if (error === undefined) {
        this.failuresInRow = 0;
        if (this.queue.shiftIf(update)) this.stats.updatesDelivered++;
        this.pump();
        return;
      }
      this.stats.webhookFailures++;
      this.lastError = { date: nowSeconds(), message: error };
      const base = this.options.retryDelayMs ?? 100;
      const delay = Math.min(5000, base * 2 ** Math.min(this.failuresInRow++, 10));
      this.scheduler.later(delay, () => this.pump());
    });
  }

  /** Up to `maxConnections` POSTs at once, one per update queue, each queue in order. */
  private pumpParallel(config: WebhookConfig): void {
    if (this.scheduler.stopped) return;
    for (let u = this.queue.peek(); u !== undefined; u = this.queue.peek()) {
      this.queue.shiftIf(u);
      this.pending.push({ update: u, queueId: queueIdOf(u), failures: 0, posting: false, notBefore: 0 });
    }
    const limit = Math.min(this.options.maxConnections ?? 1, config.maxConnections ?? TELEGRAM_DEFAULT_MAX_CONNECTIONS);
    const now = Date.now();
    // A queue's first pending update blocks its later ones (in flight or waiting for a retry).
    const blocked = new Set(this.busyQueues);
    let wakeAt = Infinity;
    for (const item of [...this.pending]) {
      if (this.posting >= limit) break;
      if (blocked.has(item.queueId)) continue;
      blocked.add(item.queueId);
      if (item.notBefore > now) {
        wakeAt = Math.min(wakeAt, item.notBefore);
        continue;
      }
      this.start(config, item);
    }
    if (wakeAt !== Infinity && !this.wakeTimer) {
      this.wakeTimer = true;
      this.scheduler.later(wakeAt - now, () => {
        this.wakeTimer = false;
        this.pump();
      });
    }
  }

  private start(config: WebhookConfig, item: Pending): void {
    this.busyQueues.add(item.queueId);
    item.posting = true;
    this.posting++;
    this.stats.webhookAttempts++;
    void this.post(config, item.update).then((error) => {
      if (this.scheduler.stopped) return;
      this.posting--;
      item.posting = false;
      this.busyQueues.delete(item.queueId);
      if (error === undefined || this.current === undefined) {
        // Accepted, or the webhook was removed meanwhile: then a failed update goes back to getUpdates.
        this.pending.splice(this.pending.indexOf(item), 1);
        if (error === undefined) this.stats.updatesDelivered++;
        else this.queue.push(item.update);
      }
      if (error !== undefined) {
        this.stats.webhookFailures++;
        this.lastError = { date: nowSeconds(), message: error };
        const base = this.options.retryDelayMs ?? 100;
        item.notBefore = Date.now() + Math.min(5000, base * 2 ** Math.min(item.failures++, 10));
      }
      if (this.current !== undefined) this.pump();
    });
  }

  /** Resolves with undefined on a 2xx, else with the error text for getWebhookInfo. */
  private post(config: WebhookConfig, update: Update): Promise<string | undefined> {
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
      const req = http.request(url, { method: 'POST', headers, agent: this.agent, timeout: this.options.timeoutMs ?? 10_000 }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', (err) => resolve(`Connection error: ${err.message}`));
        res.on('end', () => {
          const status = res.statusCode ?? 0;
          if (status < 200 || status >= 300) {
            resolve(`Wrong response from the webhook: ${status} ${res.statusMessage ?? ''}`.trim());
            return;
          }
          this.runReply(Buffer.concat(chunks));
          resolve(undefined);
        });
      });
      req.on('timeout', () => req.destroy(new Error('Read timeout expired')));
      req.on('error', (err) => resolve(`Connection error: ${err.message}`));
      req.end(body);
    });
  }

  /** Telegram executes a method passed in the webhook response body ("webhook reply"). */
  private runReply(body: Buffer): void {
    if (body.length === 0) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch {
      return;
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return;
    this.options.onReply(parsed as Record<string, unknown>);
  }
}

/**
 * Webhook delivery: queued updates are POSTed to the bot's URL one at a time, in order,
 * retried with a doubling delay until a 2xx; a method in the 2xx body is a "webhook reply".
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
}

export class WebhookSender {
  private current: WebhookConfig | undefined;
  private inFlight = false;
  private failuresInRow = 0;
  private lastError: { date: number; message: string } | undefined;
  private agent = new http.Agent({ keepAlive: true });

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

  /** True while a POST is under way (its update is still queued). */
  get busy(): boolean {
    return this.inFlight;
  }

  configure(config: WebhookConfig): void {
    this.current = config;
    this.failuresInRow = 0;
  }

  /** Back to polling; a POST under way still completes. */
  remove(): void {
    this.current = undefined;
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
  }

  /** Drops open connections; the fake may be started again, so a fresh agent replaces the old one. */
  stop(): void {
    this.agent.destroy();
    this.agent = new http.Agent({ keepAlive: true });
    this.inFlight = false;
  }

  /** Posts queued updates one at a time, in order, retrying until a 2xx. */
  pump(): void {
    const config = this.current;
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

// The Telegram connection: grammY over the configurable Bot API root; long polling through
// @grammyjs/runner (updates of one chat in order, chats in parallel) or a webhook handler.
// Every update becomes an InboundEvent for the conversation engine; a pressed button is
// answered with the engine's toast.
import { Bot, GrammyError, webhookCallback, type Context } from 'grammy';
import { run, sequentialize, type RunnerHandle } from '@grammyjs/runner';
import type { TelegramConfig } from '@baiying/config';
import type { HandleOutcome, InboundEvent, Logger } from '@baiying/domain';
import type { RequestHandler } from 'express';
import { telegramUpdateToEvent } from './telegram-inbound.js';

const ALLOWED_UPDATES = ['message', 'callback_query', 'my_chat_member'] as const;
/** Telegram re-sends an update whose webhook call took longer than ~10 s: answer before that. */
const WEBHOOK_TIMEOUT_MS = 9000;
/** setWebhook tries when Telegram answers 409 (another replica's setWebhook) or 429. */
const WEBHOOK_SET_ATTEMPTS = 5;

export type InboundHandler = (ev: InboundEvent) => Promise<HandleOutcome>;

export class TelegramChannel {
  private bot?: Bot;
  private runner?: RunnerHandle;

  constructor(
    private readonly config: TelegramConfig,
    private readonly logger: Logger,
  ) {}

  private build(handle: InboundHandler): Bot {
    const bot = new Bot(this.config.token, { client: { apiRoot: this.config.apiRoot } });
    bot.use(sequentialize((ctx: Context) => String(ctx.chat?.id ?? ctx.from?.id ?? '')));
    bot.use(async (ctx) => {
      const ev = telegramUpdateToEvent(ctx.update, ctx.me);
      if (!ev) return;
      const outcome = await handle(ev);
      // A duplicate delivery leaves the press to the first delivery to answer. Telegram re-sends
      // an update whose webhook call did not answer in time, possibly to another replica while
      // the first is still running; the duplicate finishes first (it only finds the marker), and
      // Telegram keeps only the first answer to a query: an empty one from the duplicate would
      // hide the first delivery's toast ("接单成功") from the volunteer.
      if (ev.kind === 'callback' && ev.callback && !outcome.duplicate) {
        await ctx
          .answerCallbackQuery(outcome.callbackAnswer ? { text: outcome.callbackAnswer.text, show_alert: outcome.callbackAnswer.alert } : {})
          .catch(() => undefined);
      }
    });
    bot.catch((err) => this.logger.error(`update ${err.ctx.update.update_id} failed: ${err.message}`));
    return bot;
  }

  /** Starts long polling; in webhook mode returns the handler to mount instead. */
  async start(handle: InboundHandler): Promise<RequestHandler | null> {
    this.bot = this.build(handle);
    await this.bot.init();
    if (this.config.webhookUrl) {
      return webhookCallback(this.bot, 'express', {
        secretToken: this.config.webhookSecret,
        onTimeout: 'return',
        timeoutMilliseconds: WEBHOOK_TIMEOUT_MS,
      }) as unknown as RequestHandler;
    }
    await this.bot.api.deleteWebhook();
    this.runner = run(this.bot, { runner: { fetch: { allowed_updates: [...ALLOWED_UPDATES] } } });
    this.logger.log(`Telegram @${this.bot.botInfo.username}: long polling ${this.config.apiRoot}`);
    return null;
  }

  /** Webhook mode: tells Telegram where to post, once the HTTP server is listening. */
  async registerWebhook(): Promise<void> {
    if (!this.config.webhookUrl || !this.bot) return;
    const url = this.config.webhookUrl;
    // Every replica registers the same public URL (the load balancer's) when it starts. Telegram
    // answers an identical setWebhook at once, but while a changed webhook is being verified a
    // second setWebhook ends the first with 409 "Conflict: terminated by other setWebhook" (or is
    // told to retry after 1 s): replicas deployed together must not die of that at start.
    for (let attempt = 1; ; attempt++) {
      try {
        await this.bot.api.setWebhook(url, { secret_token: this.config.webhookSecret, allowed_updates: [...ALLOWED_UPDATES] });
        break;
      } catch (e) {
        if (!(e instanceof GrammyError) || (e.error_code !== 409 && e.error_code !== 429) || attempt >= WEBHOOK_SET_ATTEMPTS) throw e;
        const waitMs = (e.parameters.retry_after ?? 1) * 1000;
        this.logger.warn(`setWebhook: ${e.description}; trying again in ${waitMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, waitMs));
        // Superseded by another replica's setWebhook of the same URL: once it holds, nothing is left to do.
        if (e.error_code === 409 && (await this.bot.api.getWebhookInfo()).url === url) break;
      }
    }
    this.logger.log(`Telegram @${this.bot.botInfo.username}: webhook at ${new URL(url).pathname}`);
  }

  /** How updates arrive now: long polling (while it runs), a webhook, or not at all. */
  get connection(): 'polling' | 'webhook' | 'stopped' {
    if (this.runner) return this.runner.isRunning() ? 'polling' : 'stopped';
    return this.bot && this.config.webhookUrl ? 'webhook' : 'stopped';
  }

  async stop(): Promise<void> {
    if (this.runner?.isRunning()) await this.runner.stop();
  }
}

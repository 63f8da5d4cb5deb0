// The Telegram channel: grammY over the configurable Bot API root; long polling through
// @grammyjs/runner (updates of one chat in order, chats in parallel) or a webhook.
import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Bot, webhookCallback, type Context } from 'grammy';
import { run, sequentialize, type RunnerHandle } from '@grammyjs/runner';
import type { AppConfig, TelegramConfig } from '@baiying/config';
import { telegramUpdateToEvent } from '@baiying/channels';
import { APP_CONFIG } from '@baiying/platform';
import type { RequestHandler } from 'express';
import { ConversationService } from '../conversation.provider.js';

const ALLOWED_UPDATES = ['message', 'callback_query', 'my_chat_member'] as const;

@Injectable()
export class TelegramService implements OnApplicationShutdown {
  private readonly logger = new Logger(TelegramService.name);
  private bot?: Bot;
  private runner?: RunnerHandle;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly conversation: ConversationService,
  ) {}

  get enabled(): boolean {
    return !!this.config.telegram;
  }

  private build(tg: TelegramConfig): Bot {
    const bot = new Bot(tg.token, { client: { apiRoot: tg.apiRoot } });
    bot.use(sequentialize((ctx: Context) => String(ctx.chat?.id ?? ctx.from?.id ?? '')));
    bot.use(async (ctx) => {
      const ev = telegramUpdateToEvent(ctx.update, ctx.me.username);
      if (!ev) return;
      const outcome = await this.conversation.handle(ev);
      if (ev.kind === 'callback' && ev.callback) {
        // A duplicate delivery was answered the first time; answering again is harmless.
        await ctx.answerCallbackQuery(outcome.callbackAnswer ? { text: outcome.callbackAnswer.text, show_alert: outcome.callbackAnswer.alert } : {}).catch(() => undefined);
      }
    });
    bot.catch((err) => this.logger.error(`update ${err.ctx.update.update_id} failed: ${err.message}`));
    return bot;
  }

  /** Starts long polling; in webhook mode returns the handler to mount instead. */
  async start(): Promise<RequestHandler | null> {
    const tg = this.config.telegram;
    if (!tg) return null;
    this.bot = this.build(tg);
    await this.bot.init();
    if (tg.webhookUrl) {
      return webhookCallback(this.bot, 'express', { secretToken: tg.webhookSecret, onTimeout: 'return', timeoutMilliseconds: 9000 }) as unknown as RequestHandler;
    }
    await this.bot.api.deleteWebhook();
    this.runner = run(this.bot, { runner: { fetch: { allowed_updates: [...ALLOWED_UPDATES] } } });
    this.logger.log(`Telegram @${this.bot.botInfo.username}: long polling ${tg.apiRoot}`);
    return null;
  }

  /** Webhook mode: tells Telegram where to post, once the HTTP server is listening. */
  async registerWebhook(): Promise<void> {
    const tg = this.config.telegram;
    if (!tg?.webhookUrl || !this.bot) return;
    await this.bot.api.setWebhook(tg.webhookUrl, { secret_token: tg.webhookSecret, allowed_updates: [...ALLOWED_UPDATES] });
    this.logger.log(`Telegram @${this.bot.botInfo.username}: webhook at ${new URL(tg.webhookUrl).pathname}`);
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.runner?.isRunning()) await this.runner.stop();
  }
}

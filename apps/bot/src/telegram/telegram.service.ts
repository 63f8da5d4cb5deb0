// Wires the Telegram channel into the app's lifecycle.
import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { TelegramChannel } from '@baiying/channels';
import type { AppConfig } from '@baiying/config';
import { APP_CONFIG, HealthRegistry, libLogger } from '@baiying/platform';
import type { RequestHandler } from 'express';
import { ConversationService } from '../conversation.provider.js';

@Injectable()
export class TelegramService implements OnApplicationShutdown {
  private readonly channel?: TelegramChannel;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly conversation: ConversationService,
    health: HealthRegistry,
  ) {
    if (config.telegram) {
      const channel = new TelegramChannel(config.telegram, libLogger('Telegram'));
      this.channel = channel;
      // Readiness: updates must be arriving (polling running, or the webhook mounted).
      health.register('telegram', {
        critical: true,
        check: async () => ({ up: channel.connection !== 'stopped', details: { connection: channel.connection } }),
      });
    }
  }

  /** Starts long polling; in webhook mode returns the handler to mount instead. */
  async start(): Promise<RequestHandler | null> {
    return this.channel ? this.channel.start((ev) => this.conversation.handle(ev)) : null;
  }

  async registerWebhook(): Promise<void> {
    await this.channel?.registerWebhook();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.channel?.stop();
  }
}

// Wires the Telegram channel into the app's lifecycle, with its command menus.
import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { TelegramChannel } from '@baiying/channels';
import type { AppConfig } from '@baiying/config';
import type { PrismaClient } from '@baiying/db';
import { APP_CONFIG, HealthRegistry, libLogger, PRISMA } from '@baiying/platform';
import { JobProducer } from '@baiying/queue';
import type { RequestHandler } from 'express';
import { ConversationService } from '../conversation.provider.js';
import { CommandMenus } from './command-menus.js';

@Injectable()
export class TelegramService implements OnApplicationShutdown {
  private readonly channel?: TelegramChannel;
  readonly menus?: CommandMenus;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(PRISMA) prisma: PrismaClient,
    producer: JobProducer,
    private readonly conversation: ConversationService,
    health: HealthRegistry,
  ) {
    if (config.telegram) {
      const channel = new TelegramChannel(config.telegram, libLogger('Telegram'));
      this.channel = channel;
      this.menus = new CommandMenus(config.telegram, config, prisma, producer.connection, libLogger('TelegramMenus'));
      // Readiness: updates must be arriving (polling running, or the webhook mounted).
      health.register('telegram', {
        critical: true,
        check: async () => ({ up: channel.connection !== 'stopped', details: { connection: channel.connection } }),
      });
    }
  }

  /** Starts long polling (in webhook mode returns the handler to mount instead) and the command menus' sync. */
  async start(): Promise<RequestHandler | null> {
    if (!this.channel) return null;
    const handler = await this.channel.start((ev) => this.conversation.handle(ev));
    this.menus?.start();
    return handler;
  }

  async registerWebhook(): Promise<void> {
    await this.channel?.registerWebhook();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.menus?.stop();
    await this.channel?.stop();
  }
}

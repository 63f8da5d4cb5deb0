import { Module, type DynamicModule } from '@nestjs/common';
import type { AppConfig } from '@baiying/config';
import { CoreModule } from '@baiying/platform';
import { ConversationService } from './conversation.provider.js';
import { OutboundService } from './outbound/outbound.service.js';
import { TelegramService } from './telegram/telegram.service.js';
import { WebChatController } from './web/web-chat.controller.js';

@Module({})
export class BotModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: BotModule,
      imports: [CoreModule.forRoot(config, 'bot')],
      controllers: [WebChatController],
      providers: [ConversationService, OutboundService, TelegramService],
    };
  }
}

import { Module, type DynamicModule } from '@nestjs/common';
import type { Puppet } from 'wechaty-puppet';
import type { AppConfig } from '@baiying/config';
import { Desk, IdentityFeature, SessionsFeature } from '@baiying/features';
import { CoreModule } from '@baiying/platform';
import { ConversationService } from './conversation.provider.js';
import { OutboundService } from './outbound/outbound.service.js';
import { TelegramService } from './telegram/telegram.service.js';
import { WebChatController } from './web/web-chat.controller.js';
import { WechatLoginController } from './wechat/wechat-login.controller.js';
import { WECHAT_PUPPET, WechatService } from './wechat/wechat.service.js';

export interface BotOptions {
  /** A wechaty puppet instance to use instead of the configured one (tests: wechaty-puppet-mock). */
  wechatPuppet?: Puppet;
}

@Module({})
export class BotModule {
  static forRoot(config: AppConfig, opts: BotOptions = {}): DynamicModule {
    return {
      module: BotModule,
      // Categories and stations in memory, invalidated by the settings listener (ConversationService).
      imports: [CoreModule.forRoot(config, 'bot', undefined, { referenceCache: true, preparedStatements: true })],
      controllers: [WebChatController, WechatLoginController],
      providers: [
        ConversationService,
        OutboundService,
        TelegramService,
        WechatService,
        { provide: IdentityFeature, inject: [Desk], useFactory: (d: Desk) => d.identity },
        { provide: SessionsFeature, inject: [Desk], useFactory: (d: Desk) => d.sessions },
        ...(opts.wechatPuppet ? [{ provide: WECHAT_PUPPET, useValue: opts.wechatPuppet }] : []),
      ],
    };
  }
}

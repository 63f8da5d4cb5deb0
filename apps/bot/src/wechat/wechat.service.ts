// Wires the WeChat channel into the app: the connection, inbound mapping to the engine, the
// paced sender, and the coordinators' alert when the account is told to slow down.
import { Inject, Injectable, Logger, Optional, type OnApplicationShutdown } from '@nestjs/common';
import type { Puppet } from 'wechaty-puppet';
import { WechatChannel, WechatInbound, WechatPacer, WechatSender, type WechatLoginState } from '@baiying/channels';
import type { AppConfig } from '@baiying/config';
import { FieldCipher } from '@baiying/crypto';
import type { PrismaClient } from '@baiying/db';
import { Desk } from '@baiying/features';
import { APP_CONFIG, HealthRegistry, OpsMetrics, PRISMA, libLogger } from '@baiying/platform';
import { JobProducer } from '@baiying/queue';
import { ConversationService } from '../conversation.provider.js';

export const WECHAT_PUPPET = Symbol('WECHAT_PUPPET');

@Injectable()
export class WechatService implements OnApplicationShutdown {
  private readonly logger = new Logger(WechatService.name);
  private readonly channel: WechatChannel;
  private readonly inbound: WechatInbound;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(PRISMA) prisma: PrismaClient,
    cipher: FieldCipher,
    private readonly producer: JobProducer,
    private readonly desk: Desk,
    private readonly conversation: ConversationService,
    health: HealthRegistry,
    metrics: OpsMetrics,
    @Optional() @Inject(WECHAT_PUPPET) injectedPuppet?: Puppet,
  ) {
    this.channel = new WechatChannel(config.wechat, libLogger('WeChat'), injectedPuppet);
    if (this.channel.enabled) {
      // Not critical: an account waiting for its QR scan must not take the web chat and Telegram down.
      health.register('wechat', {
        critical: false,
        check: async () => ({ up: this.channel.state.status === 'logged-in', details: { login: this.channel.state.status } }),
      });
      const breaker = `${config.redisPrefix}:wechat:${config.wechat.name}:wx:breaker`;
      metrics.gauge('baiying_wechat_breaker_open', 'WeChat sending paused by the circuit breaker (1) or not (0)', [], async (g) => {
        g.set((await producer.connection.exists(breaker)) ? 1 : 0);
      });
      metrics.gauge('baiying_wechat_logged_in', 'The WeChat account is logged in (1) or not (0)', [], async (g) => {
        g.set(this.channel.state.status === 'logged-in' ? 1 : 0);
      });
    }
    this.inbound = new WechatInbound(
      prisma,
      cipher,
      () => this.channel.startedAt,
      () => this.channel.selfId,
      config.wechat.menuTtlMs,
    );
  }

  get enabled(): boolean {
    return this.channel.enabled;
  }

  get state(): WechatLoginState {
    return this.channel.state;
  }

  /** The outbound adapter for this account (paced in Redis, shared by replicas). */
  sender(): WechatSender {
    const pacer = new WechatPacer(this.producer.connection, `${this.config.redisPrefix}:wechat:${this.config.wechat.name}`, this.config.wechat.pacing);
    return new WechatSender(this.channel, pacer, (error) => void this.onBreaker(error));
  }

  async start(): Promise<void> {
    await this.channel.start(async (m) => {
      const ev = await this.inbound.toEvent(m);
      if (ev) await this.conversation.handle(ev);
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.channel.stop();
  }

  private async onBreaker(error: string): Promise<void> {
    this.logger.warn(`WeChat breaker tripped: ${error.slice(0, 100)}`);
    const pauseMinutes = Math.round(this.config.wechat.pacing.breakerPauseMs / 60_000) || 1;
    await this.desk.uow.run((w) => this.desk.coordination.alertChannelTrouble.execute(w, { pauseMinutes }));
  }
}

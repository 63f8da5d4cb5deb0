import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { AppConfig } from '@baiying/config';
import { OutboundDispatcher, RedisRateLimiter, TelegramSender, WebSender, type ChannelSender } from '@baiying/channels';
import { FieldCipher } from '@baiying/crypto';
import type { PrismaClient } from '@baiying/db';
import { APP_CONFIG, PRISMA, startQueueWorker } from '@baiying/platform';
import { JobProducer, QueueName } from '@baiying/queue';
import { WechatService } from '../wechat/wechat.service.js';

/** apps/bot owns every channel connection, so it is the one place messages leave from. */
@Injectable()
export class OutboundService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(OutboundService.name);
  private running: Array<{ close: () => Promise<void> }> = [];
  dispatcher!: OutboundDispatcher;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    private readonly cipher: FieldCipher,
    private readonly producer: JobProducer,
    private readonly wechat: WechatService,
  ) {}

  onModuleInit(): void {
    const senders: ChannelSender[] = [];
    if (this.config.webChatEnabled) senders.push(new WebSender(this.prisma));
    const tg = this.config.telegram;
    if (tg) {
      const limiter = new RedisRateLimiter(this.producer.connection, `${this.config.redisPrefix}:tg`, tg.limits);
      senders.push(new TelegramSender(TelegramSender.createApi(tg.token, tg.apiRoot), limiter));
    }
    if (this.wechat.enabled) senders.push(this.wechat.sender());
    this.dispatcher = new OutboundDispatcher(this.prisma, this.cipher, senders, this.logger);
    const base = { redisUrl: this.config.redisUrl, prefix: this.config.redisPrefix };
    this.running.push(
      startQueueWorker(QueueName.Outbound, { 'send-message': (job, token) => this.dispatcher.process(job, token) }, { ...base, concurrency: this.config.outboundConcurrency }),
      // Broadcasts: a separate lane that BullMQ hands out no faster than the platforms' broadcast
      // share (so waiting jobs do not spin on the pacer), below interactive traffic in the pacer.
      startQueueWorker(
        QueueName.Bulk,
        { 'send-bulk': (job, token) => this.dispatcher.process(job, token) },
        { ...base, concurrency: this.config.calls.broadcastConcurrency, limiter: { max: this.bulkJobsPerSecond(), duration: 1000 } },
      ),
    );
  }

  /** Jobs per second the bulk lane may start: every enabled channel's broadcast pace, summed. */
  private bulkJobsPerSecond(): number {
    const tg = this.config.telegram?.limits.bulkPerSecond ?? 0;
    const wx = this.wechat.enabled ? 1 : 0;
    const web = this.config.webChatEnabled ? 20 : 0;
    return Math.max(1, tg + wx + web);
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.running.map((r) => r.close()));
  }
}

// apps/bot owns every channel connection, so it is the one place messages leave from: the
// outbound queue (replies, cards, notices) and the bulk lane (broadcasts), at each platform's pace.
import { setTimeout as sleep } from 'node:timers/promises';
import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { bulkLaneJobsPerSecond, channelProfiles, OutboundDispatcher, RedisRateLimiter, TelegramSender, WebSender, type ChannelSender } from '@baiying/channels';
import type { AppConfig } from '@baiying/config';
import { FieldCipher } from '@baiying/crypto';
import type { PrismaClient } from '@baiying/db';
import { JobRegistry } from '@baiying/kernel';
import { APP_CONFIG, HealthRegistry, OpsMetrics, PRISMA, startQueueWorker, type RunningWorker } from '@baiying/platform';
import { JobProducer, jobIdFor, QueueName } from '@baiying/queue';
import { WechatService } from '../wechat/wechat.service.js';

/** How often, and how far apart, a release looks for a running job to have put itself off (≤ 200 ms in all). */
const RELEASE_LOOKS = 10;
const RELEASE_LOOK_MS = 20;

@Injectable()
export class OutboundService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(OutboundService.name);
  private running: RunningWorker[] = [];
  dispatcher!: OutboundDispatcher;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    private readonly cipher: FieldCipher,
    private readonly producer: JobProducer,
    private readonly wechat: WechatService,
    private readonly metrics: OpsMetrics,
    private readonly health: HealthRegistry,
  ) {}

  onModuleInit(): void {
    const senders: ChannelSender[] = [];
    if (this.config.webChatEnabled) senders.push(new WebSender(this.prisma, this.cipher));
    const tg = this.config.telegram;
    if (tg)
      senders.push(
        new TelegramSender(
          TelegramSender.createApi(tg.token, tg.apiRoot),
          new RedisRateLimiter(this.producer.connection, `${this.config.redisPrefix}:tg`, tg.limits),
        ),
      );
    if (this.wechat.enabled) senders.push(this.wechat.sender());
    this.dispatcher = new OutboundDispatcher(this.prisma, this.cipher, senders, this.logger, { orderWindowMs: this.config.outboundOrderWindowSeconds * 1000 });
    const m = this.metrics;
    this.dispatcher.observer = {
      sent: (channel, priority, count) => m.messagesSent.inc({ channel, priority: String(priority) }, count),
      rateLimited: (channel) => m.rateLimited.inc({ channel }),
      paced: (channel, ms) => {
        m.pacingWaits.inc({ channel });
        m.pacingWaitSeconds.inc({ channel }, ms / 1000);
      },
    };
    // A chat's next message, held back behind the one just sent, runs now (it waited as a delayed
    // job). If its job is running right now, it may be about to put itself off, having looked
    // before this send was recorded: wait (briefly) until it has, then release it. Waiting or
    // done, it needs nothing.
    this.dispatcher.release = async ({ id, atMostOnce }) => {
      const name = atMostOnce ? 'send-bulk' : 'send-message';
      const job = await this.producer.queue(atMostOnce ? QueueName.Bulk : QueueName.Outbound).getJob(jobIdFor(name, { sentMessageId: id }));
      if (!job) return;
      for (let look = 0; look < RELEASE_LOOKS; look++) {
        const state = await job.getState();
        if (state === 'delayed') {
          // Its own delay may run out between the look and the promotion: then it runs anyway.
          if (
            await job.promote().then(
              () => true,
              () => false,
            )
          )
            return;
        } else if (state !== 'active') return;
        else await sleep(RELEASE_LOOK_MS);
      }
    };
    const send = (p: { sentMessageId: string }, control: Parameters<OutboundDispatcher['process']>[1]) => this.dispatcher.process(p, control);
    const registry = new JobRegistry([{ feature: 'outbound', handlers: { 'send-message': send, 'send-bulk': send } }]);
    const base = { redisUrl: this.config.redisUrl, prefix: this.config.redisPrefix, metrics: this.metrics };
    const enabled = channelProfiles(this.config).filter((p) => senders.some((s) => s.channel === p.channel));
    this.running.push(
      startQueueWorker(QueueName.Outbound, registry, { ...base, concurrency: this.config.outboundConcurrency }),
      // Broadcasts: a separate lane that BullMQ hands out no faster than the channels' broadcast
      // shares (so waiting jobs do not spin on the pacer), below interactive traffic in the pacer.
      startQueueWorker(QueueName.Bulk, registry, {
        ...base,
        concurrency: this.config.calls.broadcastConcurrency,
        limiter: { max: bulkLaneJobsPerSecond(enabled), duration: 1000 },
      }),
    );
    this.health.register('queue-workers', {
      critical: true,
      check: async () => ({
        up: this.running.every((r) => r.worker.isRunning()),
        details: { running: this.running.filter((r) => r.worker.isRunning()).length },
      }),
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.running.map((r) => r.close()));
  }
}

// The worker's job handlers: each builds nothing but the call into the desk, in one
// transaction. Failures are rethrown so BullMQ retries them with the job's backoff.
import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { AppConfig } from '@baiying/config';
import { Desk } from '@baiying/desk';
import { APP_CONFIG, startQueueWorker } from '@baiying/platform';
import { QueueName } from '@baiying/queue';

@Injectable()
export class ProcessorsService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(ProcessorsService.name);
  private readonly running: Array<{ close: () => Promise<void> }> = [];

  constructor(
    private readonly desk: Desk,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    const base = { redisUrl: this.config.redisUrl, prefix: this.config.redisPrefix };
    this.running.push(
      startQueueWorker(
        QueueName.Routing,
        {
          'route-need': async (job) => {
            const r = await this.desk.uow.run((w) => this.desk.routing.route(w, job.data.needId));
            this.logger.log(`route-need ${job.data.needId}: ${r}`);
            return r;
          },
        },
        { ...base, concurrency: 20 },
      ),
      startQueueWorker(
        QueueName.Timers,
        {
          'escalate-dispatch': async (job) => {
            const r = await this.desk.uow.run((w) => this.desk.routing.escalate(w, job.data.dispatchId));
            this.logger.log(`escalate-dispatch ${job.data.dispatchId}: ${r}`);
            return r;
          },
          'credit-timeout': async (job) => {
            const r = await this.desk.uow.run((w) => this.desk.completion.creditTimeout(w, job.data.serviceRecordId));
            this.logger.log(`credit-timeout ${job.data.serviceRecordId}: ${r}`);
            return r;
          },
        },
        { ...base, concurrency: 10 },
      ),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.running.map((r) => r.close()));
  }
}

// The worker consumes the routing, timer, call, export and report queues with the handlers the features own.
// A handler rethrows failures so BullMQ retries them with the job's backoff.
import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { AppConfig } from '@baiying/config';
import { Desk } from '@baiying/features';
import { JobRegistry } from '@baiying/kernel';
import { APP_CONFIG, HealthRegistry, OpsMetrics, libLogger, startQueueWorker, type RunningWorker } from '@baiying/platform';
import { QueueName } from '@baiying/queue';

/** Parallel jobs per queue in one worker process. */
const CONCURRENCY: Partial<Record<QueueName, number>> = {
  [QueueName.Routing]: 20,
  [QueueName.Timers]: 10,
  [QueueName.Calls]: 10,
  [QueueName.Exports]: 1,
  [QueueName.Reports]: 2,
};

@Injectable()
export class JobsService implements OnModuleInit, OnApplicationShutdown {
  readonly registry: JobRegistry;
  private readonly running: RunningWorker[] = [];
  private stopping = false;

  constructor(
    desk: Desk,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly metrics: OpsMetrics,
    private readonly health: HealthRegistry,
  ) {
    this.registry = new JobRegistry(desk.jobs(libLogger('Jobs')));
  }

  onModuleInit(): void {
    const base = { redisUrl: this.config.redisUrl, prefix: this.config.redisPrefix, stopping: () => this.stopping, metrics: this.metrics };
    for (const [queue, concurrency] of Object.entries(CONCURRENCY) as Array<[QueueName, number]>) {
      this.running.push(startQueueWorker(queue, this.registry, { ...base, concurrency }));
    }
    this.health.register('queue-workers', {
      critical: true,
      check: async () => ({
        up: this.running.every((r) => r.worker.isRunning()),
        details: { running: this.running.filter((r) => r.worker.isRunning()).length },
      }),
    });
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await Promise.all(this.running.map((r) => r.close()));
  }
}

// PostgreSQL is the truth, Redis may be wiped: at start and on a schedule, re-create every job
// the database says should exist (each feature says which; deterministic job ids make this safe
// to repeat), and relay outbox events that were committed but never published.
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { AppConfig } from '@baiying/config';
import type { PrismaClient } from '@baiying/db';
import type { Clock } from '@baiying/domain';
import { relayOutbox, type JobEnsurer } from '@baiying/kernel';
import { APP_CONFIG, PRISMA } from '@baiying/platform';
import { JobProducer, jobIdFor, JOB_QUEUE, type JobName, type JobPayloads } from '@baiying/queue';
import { JobsService } from './jobs.service.js';

export const WORKER_CLOCK = Symbol('WORKER_CLOCK');

@Injectable()
export class ReconcilerService implements OnApplicationBootstrap, OnApplicationShutdown, JobEnsurer {
  private readonly logger = new Logger(ReconcilerService.name);
  private timers: NodeJS.Timeout[] = [];
  private relaying = false;

  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    private readonly producer: JobProducer,
    private readonly jobs: JobsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(WORKER_CLOCK) private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const report = await this.reconcile();
    this.logger.log({ msg: 'startup reconcile', report });
    this.timers.push(
      setInterval(
        () => void this.reconcile().catch((e: Error) => this.logger.error(`reconcile failed: ${e.message}`)),
        this.config.reconcileIntervalSeconds * 1000,
      ),
      setInterval(() => void this.relayOutbox().catch((e: Error) => this.logger.error(`outbox relay failed: ${e.message}`)), this.config.outboxPollMs),
    );
  }

  onApplicationShutdown(): void {
    this.timers.forEach(clearInterval);
  }

  /** Publishes committed outbox events whose after-commit publish did not happen. */
  async relayOutbox(): Promise<number> {
    if (this.relaying) return 0;
    this.relaying = true;
    try {
      return await relayOutbox(this.prisma, this.producer);
    } finally {
      this.relaying = false;
    }
  }

  /** Every feature's reconciliation; the report counts the jobs re-created, by feature. */
  async reconcile(): Promise<Record<string, number>> {
    return this.jobs.registry.reconcile({
      ensurer: this,
      clock: this.clock,
      failed: (what, e) => this.logger.error(`reconcile: ${what} failed: ${e.message}`),
    });
  }

  /** Adds the job unless it is alive; a failed or finished copy is replaced. Returns whether it added. */
  async ensure<K extends JobName>(name: K, payload: JobPayloads[K], delayMs: number, priority?: number): Promise<boolean> {
    const queue = this.producer.queue(JOB_QUEUE[name]);
    const job = await queue.getJob(jobIdFor(name, payload));
    if (job) {
      const state = await job.getState();
      if (state !== 'completed' && state !== 'failed' && state !== 'unknown') return false;
      await job.remove().catch(() => undefined);
    }
    await this.producer.add(name, payload, { delay: Math.max(0, delayMs), ...(priority ? { priority } : {}) });
    return true;
  }
}

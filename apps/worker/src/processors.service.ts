// The worker's job handlers: each builds nothing but the call into the desk, in one
// transaction. Failures are rethrown so BullMQ retries them with the job's backoff.
import { setTimeout as sleep } from 'node:timers/promises';
import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { DelayedError, type Job } from 'bullmq';
import type { AppConfig } from '@baiying/config';
import { Repos, type Channel } from '@baiying/db';
import { Desk } from '@baiying/desk';
import { APP_CONFIG, startQueueWorker } from '@baiying/platform';
import { QueueName, type JobPayloads } from '@baiying/queue';

@Injectable()
export class ProcessorsService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(ProcessorsService.name);
  private readonly running: Array<{ close: () => Promise<void> }> = [];
  private stopping = false;

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
      startQueueWorker(
        QueueName.Calls,
        {
          'call-fanout': (job, token) => this.fanout(job, token),
          'refresh-tally': async (job) => this.desk.uow.run((w) => this.desk.mobilisation.refreshTally(w, job.data.callId)),
          'call-timer': async (job) => {
            const r = await this.desk.uow.run((w) => this.desk.mobilisation.onTimer(w, job.data.callId, job.data.kind));
            this.logger.log(`call-timer ${job.data.callId} ${job.data.kind}: ${r}`);
            return r;
          },
        },
        { ...base, concurrency: 10 },
      ),
    );
  }

  /**
   * One call's fan-out: tops up the outbound bulk lane to about BROADCAST_BACKLOG_SECONDS of
   * sending per channel, then waits for it to drain. Progress lives in PostgreSQL (each
   * recipient's row is marked when its message is queued), so a killed worker, a stalled job or
   * a wiped Redis resumes where it stopped, and nobody is queued twice.
   */
  private async fanout(job: Job<JobPayloads['call-fanout']>, token: string | undefined): Promise<string> {
    const cfg = this.config;
    const secs = cfg.calls.backlogSeconds;
    const target: Record<Channel, number> = {
      telegram: Math.ceil((cfg.telegram?.limits.bulkPerSecond ?? 29) * secs),
      wechat: Math.max(2, Math.ceil((secs * 1000) / cfg.wechat.pacing.minGapMs)),
      web: 200,
    };
    const repos = new Repos(this.desk.deps.prisma);
    let queued = 0;
    for (;;) {
      if (this.stopping) {
        // Leave the job for the next worker (or this one after a restart) to continue.
        await job.moveToDelayed(Date.now() + 1000, token);
        throw new DelayedError();
      }
      const backlog = await repos.calls.bulkBacklog();
      const budget: Record<Channel, number> = {
        telegram: Math.max(0, target.telegram - backlog.telegram),
        wechat: Math.max(0, target.wechat - backlog.wechat),
        web: Math.max(0, target.web - backlog.web),
      };
      const r = await this.desk.uow.run((w) => this.desk.mobilisation.fanoutStep(w, job.data.callId, budget));
      queued += r.queued;
      if (r.done) {
        this.logger.log(`call-fanout ${job.data.callId}: done (${queued} queued by this run)`);
        return `done ${queued}`;
      }
      // A fifth of the backlog's horizon between top-ups (1 s at the default 5 s): each step
      // reads and writes the call's rows, and steps every 200 ms cost the worker and PostgreSQL
      // several times what queuing needs, on the machine the bot sends from.
      await sleep(r.queued ? Math.max(200, secs * 200) : 400);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await Promise.all(this.running.map((r) => r.close()));
  }
}

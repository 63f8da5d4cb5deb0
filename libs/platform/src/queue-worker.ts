// Runs BullMQ workers over a job registry: each queue's handlers come from the features that own
// the jobs, and boot fails when a job name of a consumed queue has no handler (a job nobody
// processes would wait forever) or has two.
import { hostname } from 'node:os';
import { Logger } from '@nestjs/common';
import { DelayedError, Worker, type Job, type WorkerOptions } from 'bullmq';
import type { JobControl, JobRegistry } from '@baiying/kernel';
import { createRedis, JOB_QUEUE, type JobName, type JobPayloads, type QueueName } from '@baiying/queue';
import { withCorrelation } from './observability/correlation.js';
import type { OpsMetrics } from './observability/metrics.js';

/**
 * A job's lock lasts this long and is renewed at half of it while the job runs; the stalled
 * check runs every STALLED_CHECK_MS. A process killed mid-job leaves its active jobs locked:
 * nobody (not the reconciler, which finds them "active") runs them again until the lock has
 * expired and a check has seen them twice. With BullMQ's defaults (30 s, 30 s) replies and
 * cards a killed bot held came back after up to a minute; with these, within about 20 s.
 */
const LOCK_MS = 10_000;
const STALLED_CHECK_MS = 5_000;

export interface RunningWorker {
  worker: Worker;
  close(): Promise<void>;
}

export function startQueueWorker(
  queue: QueueName,
  registry: JobRegistry,
  opts: {
    redisUrl: string;
    prefix: string;
    concurrency: number;
    limiter?: WorkerOptions['limiter'];
    stopping?: () => boolean;
    metrics?: OpsMetrics;
  },
): RunningWorker {
  const handlers = registry.forQueue(queue);
  const logger = new Logger(`Queue:${queue}`);
  const connection = createRedis(opts.redisUrl, true);
  const run = async (job: Job, token?: string) => {
    const handler = handlers.get(job.name as JobName);
    if (!handler) {
      // A job added before its name moved to another queue (publicity-freeze and reports-check
      // left `timers` for `reports`): the owning feature's reconcile adds it again on its new
      // queue, so the stranded copy completes as moved instead of failing ten times.
      const home = JOB_QUEUE[job.name as JobName] as QueueName | undefined;
      if (home && home !== queue) {
        logger.log(`job ${job.name} ${job.id} belongs to queue ${home} now: left to the reconciler there`);
        return { movedTo: home };
      }
      throw new Error(`no handler for job ${job.name}`);
    }
    const control: JobControl = {
      get stopping() {
        return opts.stopping?.() ?? false;
      },
      deferTo: async (ms) => {
        await job.moveToDelayed(Date.now() + Math.ceil(ms), token);
        throw new DelayedError();
      },
    };
    const result = await handler(job.data as JobPayloads[JobName], control);
    logger.debug({ msg: 'job done', job: job.name, attempt: job.attemptsMade + 1 });
    return result;
  };
  const worker = new Worker(
    queue,
    // Each job's `job:<queue>:<id>` is the correlation id of all it logs.
    (job: Job, token?: string) => withCorrelation(`job:${queue}:${job.id}`, () => run(job, token)),
    {
      connection,
      prefix: opts.prefix,
      concurrency: opts.concurrency,
      lockDuration: LOCK_MS,
      stalledInterval: STALLED_CHECK_MS,
      ...(opts.limiter ? { limiter: opts.limiter } : {}),
      autorun: true,
      // Which process ran a job (BullMQ keeps it as the job's processedBy): with several bot or
      // worker replicas on one Redis, operators (and the replicas test) can tell them apart.
      name: `${hostname()}:${process.pid}`,
    },
  );
  worker.on('completed', () => opts.metrics?.jobsProcessed.inc({ queue, outcome: 'completed' }));
  // A job put off (DelayedError) is neither: BullMQ reports it as nothing.
  worker.on('failed', (job, err) => {
    opts.metrics?.jobsProcessed.inc({ queue, outcome: 'failed' });
    logger.warn(`job ${job?.name} ${job?.id} failed (attempt ${job?.attemptsMade}): ${err.message}`);
  });
  worker.on('error', (err) => logger.error(`worker error: ${err.message}`));
  return {
    worker,
    close: async () => {
      await worker.close();
      connection.disconnect();
    },
  };
}

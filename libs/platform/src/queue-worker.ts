// Runs BullMQ workers with a typed handler per job name; boot fails when a job name of the
// queue has no handler (a job nobody processes would wait forever).
import { Logger } from '@nestjs/common';
import { Worker, type Job, type WorkerOptions } from 'bullmq';
import { JOB_QUEUE, createRedis, type JobName, type JobPayloads, type QueueName } from '@baiying/queue';

export type Handlers = { [K in JobName]?: (job: Job<JobPayloads[K]>, token: string | undefined) => Promise<unknown> };

export function startQueueWorker(
  queue: QueueName,
  handlers: Handlers,
  opts: { redisUrl: string; prefix: string; concurrency: number; limiter?: WorkerOptions['limiter'] },
): { worker: Worker; close: () => Promise<void> } {
  const names = (Object.keys(JOB_QUEUE) as JobName[]).filter((n) => JOB_QUEUE[n] === queue);
  const missing = names.filter((n) => !handlers[n]);
  if (missing.length) throw new Error(`queue ${queue}: no handler for ${missing.join(', ')}`);
  const logger = new Logger(`Queue:${queue}`);
  const connection = createRedis(opts.redisUrl, true);
  const worker = new Worker(
    queue,
    async (job: Job, token?: string) => {
      const handler = handlers[job.name as JobName] as ((j: Job, t: string | undefined) => Promise<unknown>) | undefined;
      if (!handler) throw new Error(`no handler for job ${job.name}`);
      return handler(job, token);
    },
    { connection, prefix: opts.prefix, concurrency: opts.concurrency, limiter: opts.limiter, autorun: true },
  );
  worker.on('failed', (job, err) => logger.warn(`job ${job?.name} ${job?.id} failed (attempt ${job?.attemptsMade}): ${err.message}`));
  worker.on('error', (err) => logger.error(`worker error: ${err.message}`));
  return {
    worker,
    close: async () => {
      await worker.close();
      connection.disconnect();
    },
  };
}

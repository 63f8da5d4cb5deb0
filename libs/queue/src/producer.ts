import { Queue, type ConnectionOptions, type JobsOptions } from 'bullmq';
import { Redis } from 'ioredis';
import { JOB_QUEUE, type QueueName, jobIdFor, type JobName, type JobPayloads } from './queue-names.js';

export interface QueueSettings {
  redisUrl: string;
  prefix: string;
}

export function createRedis(url: string, forWorker = false): Redis {
  // Workers block on Redis and must not give up on a request (BullMQ's requirement).
  return new Redis(url, forWorker ? { maxRetriesPerRequest: null, enableReadyCheck: false } : { maxRetriesPerRequest: 3 });
}

const DEFAULTS: { [K in JobName]: JobsOptions } = {
  'route-need': { attempts: 10, backoff: { type: 'exponential', delay: 500 } },
  'escalate-dispatch': { attempts: 10, backoff: { type: 'exponential', delay: 1000 } },
  'credit-timeout': { attempts: 10, backoff: { type: 'exponential', delay: 1000 } },
  'claim-timeout': { attempts: 10, backoff: { type: 'exponential', delay: 1000 } },
  'send-message': { attempts: 8, backoff: { type: 'exponential', delay: 1000 } },
  'send-bulk': { attempts: 8, backoff: { type: 'exponential', delay: 1000 } },
  'call-fanout': { attempts: 20, backoff: { type: 'exponential', delay: 1000 } },
  'refresh-tally': { attempts: 5, backoff: { type: 'exponential', delay: 1000 } },
  'call-answers': { attempts: 20, backoff: { type: 'exponential', delay: 500 } },
  'call-timer': { attempts: 10, backoff: { type: 'exponential', delay: 1000 } },
  'reports-check': { attempts: 3, backoff: { type: 'exponential', delay: 5000 } },
  'publicity-freeze': { attempts: 10, backoff: { type: 'exponential', delay: 5000 } },
  'run-export': { attempts: 3, backoff: { type: 'exponential', delay: 5000 } },
};

/** Adds typed jobs with deterministic ids. Owns one Redis connection shared by its queues. */
export class JobProducer {
  private readonly queues = new Map<QueueName, Queue>();
  readonly connection: Redis;

  constructor(private readonly settings: QueueSettings) {
    this.connection = createRedis(settings.redisUrl);
  }

  queue(name: QueueName): Queue {
    let q = this.queues.get(name);
    if (!q) {
      q = new Queue(name, { connection: this.connection as ConnectionOptions, prefix: this.settings.prefix });
      this.queues.set(name, q);
    }
    return q;
  }

  async add<K extends JobName>(name: K, payload: JobPayloads[K], opts: JobsOptions = {}): Promise<void> {
    await this.queue(JOB_QUEUE[name]).add(name, payload, {
      ...DEFAULTS[name],
      removeOnComplete: { age: 3600, count: 10_000 },
      removeOnFail: { age: 7 * 24 * 3600 },
      jobId: jobIdFor(name, payload),
      ...opts,
    });
  }

  async addBulk<K extends JobName>(name: K, items: Array<{ payload: JobPayloads[K]; opts?: JobsOptions }>): Promise<void> {
    if (items.length === 0) return;
    await this.queue(JOB_QUEUE[name]).addBulk(
      items.map(({ payload, opts }) => ({
        name,
        data: payload,
        opts: {
          ...DEFAULTS[name],
          removeOnComplete: { age: 3600, count: 10_000 },
          removeOnFail: { age: 7 * 24 * 3600 },
          jobId: jobIdFor(name, payload),
          ...opts,
        },
      })),
    );
  }

  /** True when a job with this deterministic id is waiting, delayed or active. */
  async exists<K extends JobName>(name: K, payload: JobPayloads[K]): Promise<boolean> {
    const job = await this.queue(JOB_QUEUE[name]).getJob(jobIdFor(name, payload));
    if (!job) return false;
    const state = await job.getState();
    return state === 'waiting' || state === 'delayed' || state === 'active' || state === 'prioritized' || state === 'waiting-children';
  }

  /** The Redis pub/sub channel of the console's live events (decision 0028). */
  get liveChannel(): string {
    return `${this.settings.prefix}:live`;
  }

  /** Publishes one live event (JSON) to the console's channel; nobody listening is fine. */
  async publishLive(event: object): Promise<void> {
    await this.connection.publish(this.liveChannel, JSON.stringify(event));
  }

  async close(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close()));
    this.connection.disconnect();
  }
}

// Prometheus metrics (prom-client), one registry per process, served at GET /metrics on the
// process's HTTP port (ops.middleware.ts). Counters are this process's; gauges of shared state
// (queues, needs, SLA, escalations, calls, dead letters) are read at scrape time, by the worker
// only, so they are not repeated by every replica.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** What the outbound dispatcher and the conversation ingress report (libs/channels' OutboundObserver). */
export class OpsMetrics {
  readonly registry = new Registry();
  readonly updatesReceived: Counter<'channel'>;
  readonly updatesHandled: Counter<'channel'>;
  readonly updatesFailed: Counter<'channel'>;
  readonly handlingSeconds: Histogram<'channel'>;
  readonly messagesSent: Counter<'channel' | 'priority'>;
  readonly rateLimited: Counter<'channel'>;
  readonly pacingWaits: Counter<'channel'>;
  readonly pacingWaitSeconds: Counter<'channel'>;
  readonly jobsProcessed: Counter<'queue' | 'outcome'>;

  constructor(app: string) {
    const registers = [this.registry];
    this.registry.setDefaultLabels({ app });
    collectDefaultMetrics({ register: this.registry, prefix: 'baiying_' });
    this.updatesReceived = new Counter({
      name: 'baiying_updates_received_total',
      help: 'Chat updates received, by channel',
      labelNames: ['channel'],
      registers,
    });
    this.updatesHandled = new Counter({
      name: 'baiying_updates_handled_total',
      help: 'Chat updates handled (answered, duplicate or limited), by channel',
      labelNames: ['channel'],
      registers,
    });
    this.updatesFailed = new Counter({
      name: 'baiying_updates_failed_total',
      help: 'Chat updates whose handling failed, by channel',
      labelNames: ['channel'],
      registers,
    });
    this.handlingSeconds = new Histogram({
      name: 'baiying_update_handling_seconds',
      help: 'Time from receiving a chat update to having handled it, by channel',
      labelNames: ['channel'],
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
    this.messagesSent = new Counter({
      name: 'baiying_messages_sent_total',
      help: 'Messages delivered to a platform, by channel and priority',
      labelNames: ['channel', 'priority'],
      registers,
    });
    this.rateLimited = new Counter({
      name: 'baiying_rate_limited_total',
      help: 'Platform "too many requests" answers (429), by channel',
      labelNames: ['channel'],
      registers,
    });
    this.pacingWaits = new Counter({
      name: 'baiying_pacing_waits_total',
      help: 'Sends put off by pacing or a 429 pause, by channel',
      labelNames: ['channel'],
      registers,
    });
    this.pacingWaitSeconds = new Counter({
      name: 'baiying_pacing_wait_seconds_total',
      help: 'Seconds of put-off sends, by channel',
      labelNames: ['channel'],
      registers,
    });
    this.jobsProcessed = new Counter({
      name: 'baiying_jobs_processed_total',
      help: 'Queue jobs run by this process, by queue and outcome',
      labelNames: ['queue', 'outcome'],
      registers,
    });
  }

  /** A gauge read when scraped; `read` sets its values (errors leave it empty for that scrape). */
  gauge<L extends string>(name: string, help: string, labelNames: readonly L[], read: (g: Gauge<L>) => Promise<void>): Gauge<L> {
    return new Gauge<L>({
      name,
      help,
      labelNames: [...labelNames],
      registers: [this.registry],
      async collect() {
        this.reset();
        await read(this).catch(() => undefined);
      },
    });
  }
}

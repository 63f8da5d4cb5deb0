// PostgreSQL is the truth, Redis may be wiped: at start and on a schedule, re-create every
// job the database says should exist (deterministic job ids make this safe to repeat), and
// relay outbox events that were committed but never published.
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { AppConfig } from '@baiying/config';
import { Repos, type PrismaClient } from '@baiying/db';
import { APP_CONFIG, PRISMA } from '@baiying/platform';
import { JobProducer, jobIdFor, JOB_QUEUE, type JobName, type JobPayloads } from '@baiying/queue';

export interface ReconcileReport {
  routed: number;
  escalations: number;
  credits: number;
  messages: number;
  outbox: number;
  calls: number;
  uncertain: number;
}

@Injectable()
export class ReconcilerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ReconcilerService.name);
  private timers: NodeJS.Timeout[] = [];
  private relaying = false;

  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    private readonly producer: JobProducer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const report = await this.reconcile();
    this.logger.log(`startup reconcile: ${JSON.stringify(report)}`);
    this.timers.push(
      setInterval(() => void this.reconcile().catch((e: Error) => this.logger.error(`reconcile failed: ${e.message}`)), this.config.reconcileIntervalSeconds * 1000),
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
      const repos = new Repos(this.prisma);
      const events = await repos.messaging.unpublished();
      const routes = events.filter((e) => e.type === 'need.submitted');
      await this.producer.addBulk('route-need', routes.map((e) => ({ payload: { needId: e.aggregateId } })));
      await repos.messaging.markPublished(events.map((e) => e.id));
      return events.length;
    } finally {
      this.relaying = false;
    }
  }

  async reconcile(): Promise<ReconcileReport> {
    const repos = new Repos(this.prisma);
    const now = Date.now();
    const report: ReconcileReport = { routed: 0, escalations: 0, credits: 0, messages: 0, outbox: await this.relayOutbox(), calls: 0, uncertain: 0 };
    for (const n of await repos.needs.needsAwaitingRouting(new Date(now - 5000))) {
      if (await this.ensure('route-need', { needId: n.id }, 0)) report.routed++;
    }
    for (const d of await repos.needs.openDispatches()) {
      if (await this.ensure('escalate-dispatch', { dispatchId: d.id }, d.slaDueAt.getTime() - now)) report.escalations++;
    }
    const hours = this.config.creditTimeoutHours * 3_600_000;
    for (const r of await repos.needs.pendingRecords()) {
      if (await this.ensure('credit-timeout', { serviceRecordId: r.id }, r.createdAt.getTime() + hours - now)) report.credits++;
    }
    for (const m of await repos.messaging.stalePending(new Date(now - 10_000))) {
      const added = m.atMostOnce ? await this.ensure('send-bulk', { sentMessageId: m.id }, 0) : await this.ensure('send-message', { sentMessageId: m.id }, 0, m.priority);
      if (added) report.messages++;
    }
    // A broadcast message claimed by a sender that died mid-call may or may not have arrived:
    // it is recorded as uncertain and never sent again (at most once per recipient).
    report.uncertain = await repos.messaging.expireClaims(new Date(now - this.config.calls.claimLeaseSeconds * 1000));
    for (const c of await repos.calls.fanoutsUnfinished()) {
      if (await this.ensure('call-fanout', { callId: c.id }, 0)) report.calls++;
    }
    for (const c of await repos.calls.openCalls()) {
      for (const m of this.config.calls.reminderMinutes) {
        const at = c.startsAt.getTime() - m * 60_000;
        if (at > now) await this.ensure('call-timer', { callId: c.id, kind: `remind-${m}` }, at - now);
      }
      await this.ensure('call-timer', { callId: c.id, kind: 'deadline' }, c.answerBy.getTime() - now);
      await this.ensure('call-timer', { callId: c.id, kind: 'finish' }, c.endsAt.getTime() - now);
    }
    for (const c of await repos.calls.callsToFinish(new Date(now))) await this.ensure('call-timer', { callId: c.id, kind: 'finish' }, 0);
    return report;
  }

  /** Adds the job unless it is alive; a failed or finished copy is replaced. Returns whether it added. */
  private async ensure<K extends JobName>(name: K, payload: JobPayloads[K], delayMs: number, priority?: number): Promise<boolean> {
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

// Gauges of the desk's shared state, read from PostgreSQL and Redis when Prometheus scrapes the
// worker (only the worker: every replica would report the same numbers). One query each.
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { Repos, type PrismaClient } from '@baiying/db';
import { OpsMetrics, PRISMA } from '@baiying/platform';
import { JobProducer, QueueName } from '@baiying/queue';

const QUEUE_STATES = ['wait', 'prioritized', 'active', 'delayed', 'failed'] as const;

@Injectable()
export class StateMetricsService implements OnModuleInit {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    private readonly producer: JobProducer,
    private readonly metrics: OpsMetrics,
  ) {}

  onModuleInit(): void {
    const m = this.metrics;
    const db = this.prisma;
    m.gauge('baiying_queue_jobs', 'Jobs in each BullMQ queue, by state', ['queue', 'state'], async (g) => {
      for (const queue of Object.values(QueueName)) {
        const counts = await this.producer.queue(queue).getJobCounts(...QUEUE_STATES);
        for (const state of QUEUE_STATES) g.set({ queue, state }, counts[state] ?? 0);
      }
    });
    m.gauge('baiying_queue_oldest_waiting_seconds', 'Age of the oldest job waiting to run, by queue (0 when none waits)', ['queue'], async (g) => {
      const now = Date.now();
      for (const queue of Object.values(QueueName)) {
        const q = this.producer.queue(queue);
        const oldest = [...(await q.getJobs(['wait'], 0, 0, true)), ...(await q.getJobs(['prioritized'], 0, 0, true))];
        const ts = Math.min(...oldest.map((j) => j.timestamp), now);
        g.set({ queue }, Math.max(0, (now - ts) / 1000));
      }
    });
    m.gauge(
      'baiying_messages_uncertain',
      'Messages claimed by a sender that died mid-send: maybe delivered, never re-sent (by template; broadcast or interactive)',
      ['template', 'kind'],
      async (g) => {
        g.reset();
        for (const r of await new Repos(db).messaging.uncertainCounts()) g.set({ template: r.template, kind: r.broadcast ? 'broadcast' : 'interactive' }, r.n);
      },
    );
    m.gauge('baiying_needs', 'Needs, by status', ['status'], async (g) => {
      for (const r of await db.need.groupBy({ by: ['status'], _count: { _all: true } })) g.set({ status: r.status }, r._count._all);
    });
    m.gauge('baiying_sla_breaches', 'Dispatch rounds whose SLA ran out and were escalated (all time)', [], async (g) => {
      g.set(await db.dispatch.count({ where: { status: 'escalated' } }));
    });
    m.gauge('baiying_dispatches_overdue', 'Open dispatch rounds past their SLA and not yet escalated', [], async (g) => {
      g.set(await db.dispatch.count({ where: { status: 'open', slaDueAt: { lt: new Date() } } }));
    });
    m.gauge('baiying_escalations', 'Needs escalated to a higher tier (all time)', [], async (g) => {
      g.set(await db.needEvent.count({ where: { type: 'escalate' } }));
    });
    m.gauge('baiying_dead_letters', 'Inbound updates kept after failing every retry, not yet replayed', [], async (g) => {
      g.set(await db.deadLetter.count({ where: { replayedAt: null } }));
    });
    m.gauge('baiying_call_fanout_recipients', 'Recipients of calls still fanning out: total and queued so far', ['state'], async (g) => {
      const inFanout = { call: { fanoutDoneAt: null } };
      g.set({ state: 'total' }, await db.callRecipient.count({ where: inFanout }));
      g.set({ state: 'queued' }, await db.callRecipient.count({ where: { ...inFanout, queuedAt: { not: null } } }));
    });
  }
}

// The job registry: one handler per job name, only names of the catalogue, a queue refused
// when a job of it has no handler, and reconciliation reports keyed by feature.
import { QueueName, type JobName } from '@baiying/queue';
import { JobRegistry, type FeatureJobs, type JobControl, type JobHandler, type ReconcileContext } from './jobs.js';

const noop = async (): Promise<void> => undefined;
const control: JobControl = { stopping: false, deferTo: () => Promise.reject(new Error('not in this test')) };
const ctx: ReconcileContext = { ensurer: { ensure: () => Promise.resolve(true) }, clock: { now: () => new Date(0) } };

/** A feature handling `names` with handlers that say who ran them. */
function feature(name: string, names: JobName[], ran: string[] = []): FeatureJobs {
  const handler: JobHandler<JobName> = async () => void ran.push(name);
  return { feature: name, handlers: Object.fromEntries(names.map((n) => [n, handler])) };
}

describe('JobRegistry', () => {
  it('refuses a job name handled twice, naming both features', () => {
    expect(() => new JobRegistry([feature('routing', ['route-need', 'escalate-dispatch']), feature('intake', ['route-need'])])).toThrow(
      'job route-need has two handlers (routing, intake)',
    );
    const r = new JobRegistry([feature('routing', ['route-need'])]);
    expect(() => r.add(feature('routing', ['route-need']))).toThrow('job route-need has two handlers (routing, routing)');
  });

  it('refuses a job name that is not in the catalogue', () => {
    const stray = { feature: 'calls', handlers: { 'call-fanout': noop, 'call-nudge': noop } } as unknown as FeatureJobs;
    expect(() => new JobRegistry([stray])).toThrow('calls: job call-nudge is not in the job catalogue');
  });

  it('gives a queue its handlers, and only its own', async () => {
    const ran: string[] = [];
    const r = new JobRegistry([
      feature('calls', ['call-fanout', 'refresh-tally', 'call-answers', 'call-timer'], ran),
      feature('completion', ['credit-timeout'], ran),
    ]);
    const calls = r.forQueue(QueueName.Calls);
    expect([...calls.keys()]).toEqual(['call-fanout', 'refresh-tally', 'call-answers', 'call-timer']);
    await calls.get('call-timer')!({ callId: 'c1', kind: 'finish' } as never, control);
    expect(ran).toEqual(['calls']);
  });

  it('refuses a queue with a job nobody handles, naming every such job', () => {
    const r = new JobRegistry([feature('calls', ['call-fanout']), feature('completion', ['credit-timeout'])]);
    expect(() => r.forQueue(QueueName.Calls)).toThrow('queue calls: no handler for refresh-tally, call-answers, call-timer');
    expect(() => r.forQueue(QueueName.Timers)).toThrow('queue timers: no handler for escalate-dispatch');
    expect(() => r.forQueue(QueueName.Outbound)).toThrow('queue outbound: no handler for send-message');
    expect(() => new JobRegistry().forQueue(QueueName.Routing)).toThrow('queue routing: no handler for route-need');
    // A queue this process does not consume may stay unhandled.
    expect([
      ...r
        .add(feature('routing', ['route-need']))
        .forQueue(QueueName.Routing)
        .keys(),
    ]).toEqual(['route-need']);
  });

  it('reports what each feature re-created, keyed by feature', async () => {
    const seen: ReconcileContext[] = [];
    const r = new JobRegistry([
      { ...feature('routing', ['route-need']), reconcile: async (c) => (seen.push(c), { needs: 2, escalations: 1 }) },
      { ...feature('calls', ['call-fanout']), reconcile: async (c) => (seen.push(c), { fanouts: 3, timers: 0 }) },
      feature('completion', ['credit-timeout']),
      { feature: 'outbox', handlers: {}, reconcile: async () => ({ needs: 5 }) },
    ]);
    expect(await r.reconcile(ctx)).toEqual({ 'routing.needs': 2, 'routing.escalations': 1, 'calls.fanouts': 3, 'calls.timers': 0, 'outbox.needs': 5 });
    expect(seen.map((c) => [c.ensurer, c.clock])).toEqual([
      [ctx.ensurer, ctx.clock],
      [ctx.ensurer, ctx.clock],
    ]);
    expect(await new JobRegistry().reconcile(ctx)).toEqual({});
  });

  it('goes on after a feature whose reconciliation throws, and reports it and what a feature skipped', async () => {
    const told: string[] = [];
    const r = new JobRegistry([
      { ...feature('routing', ['route-need']), reconcile: async () => ({ needs: 2 }) },
      {
        ...feature('publicity', ['publicity-freeze']),
        reconcile: async () => {
          throw new Error('relation "month_snapshot" is locked');
        },
      },
      {
        ...feature('calls', ['call-fanout']),
        reconcile: async (c) => {
          c.failed?.('call 7', new Error('row gone'));
          return { fanouts: 3 };
        },
      },
    ]);
    const report = await r.reconcile({ ...ctx, failed: (what, e) => told.push(`${what}: ${e.message}`) });
    expect(report).toEqual({ 'routing.needs': 2, 'publicity.failed': 1, 'calls.fanouts': 3 });
    expect(told).toEqual(['publicity: reconcile: relation "month_snapshot" is locked', 'calls: call 7: row gone']);
    // Nobody listening: still no throw.
    expect(await r.reconcile(ctx)).toEqual(report);
  });
});

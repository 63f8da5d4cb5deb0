// The job side of a feature: handlers for the job names it owns (registered beside the use
// cases that own them) and what the reconciler must re-create from PostgreSQL when Redis lost
// it. Apps collect these; `JobRegistry` refuses a name handled twice and, when a process starts
// consuming a queue, a job name of that queue that nobody handles.
import { JOB_QUEUE, type JobName, type JobPayloads, type QueueName } from '@baiying/queue';
import type { Clock } from '@baiying/domain';

/** What a long-running handler may do with its job (implemented over BullMQ by the platform). */
export interface JobControl {
  /** The process is shutting down: the handler should stop and hand its job back. */
  readonly stopping: boolean;
  /** Gives the job back to the queue to run again after `ms` (ends the handler). */
  deferTo(ms: number): Promise<never>;
}

export type JobHandler<K extends JobName> = (payload: JobPayloads[K], control: JobControl) => Promise<unknown>;
export type JobHandlers = { [K in JobName]?: JobHandler<K> };

/** Adds a job unless it is alive (waiting, delayed, active); returns whether it added. */
export interface JobEnsurer {
  ensure<K extends JobName>(name: K, payload: JobPayloads[K], delayMs: number, priority?: number): Promise<boolean>;
}

export interface ReconcileContext {
  ensurer: JobEnsurer;
  clock: Clock;
  /**
   * Told of a part that failed (a feature's whole reconciliation, or one item a feature skipped
   * and went on from); the next reconcile tries it again. `what` names it, prefixed with the
   * feature by the registry.
   */
  failed?: (what: string, error: Error) => void;
}

/** A feature's contribution to reconciliation: counts of jobs it re-created, by what they are. */
export type Reconcile = (ctx: ReconcileContext) => Promise<Record<string, number>>;

export interface FeatureJobs {
  feature: string;
  handlers: JobHandlers;
  reconcile?: Reconcile;
}

export class JobRegistry {
  private readonly handlers = new Map<JobName, { feature: string; handler: JobHandler<JobName> }>();
  private readonly reconcilers: Array<{ feature: string; reconcile: Reconcile }> = [];

  constructor(features: FeatureJobs[] = []) {
    for (const f of features) this.add(f);
  }

  add(f: FeatureJobs): this {
    for (const name of Object.keys(f.handlers) as JobName[]) {
      if (!(name in JOB_QUEUE)) throw new Error(`${f.feature}: job ${name} is not in the job catalogue`);
      const existing = this.handlers.get(name);
      if (existing) throw new Error(`job ${name} has two handlers (${existing.feature}, ${f.feature})`);
      this.handlers.set(name, { feature: f.feature, handler: f.handlers[name] as JobHandler<JobName> });
    }
    if (f.reconcile) this.reconcilers.push({ feature: f.feature, reconcile: f.reconcile });
    return this;
  }

  /** The handlers of one queue; throws naming every job of the queue that has none. */
  forQueue(queue: QueueName): Map<JobName, JobHandler<JobName>> {
    const names = (Object.keys(JOB_QUEUE) as JobName[]).filter((n) => JOB_QUEUE[n] === queue);
    const missing = names.filter((n) => !this.handlers.has(n));
    if (missing.length) throw new Error(`queue ${queue}: no handler for ${missing.join(', ')}`);
    return new Map(names.map((n) => [n, this.handlers.get(n)!.handler]));
  }

  /**
   * Every feature's reconciliation, in turn. One that throws is reported (`<feature>.failed`, and
   * `ctx.failed`) and the others still run: a feature's broken row must not keep the rest of the
   * desk's timers from coming back after Redis lost them.
   */
  async reconcile(ctx: ReconcileContext): Promise<Record<string, number>> {
    const report: Record<string, number> = {};
    for (const r of this.reconcilers) {
      const failed = (what: string, error: Error): void => ctx.failed?.(`${r.feature}: ${what}`, error);
      let counts: Record<string, number>;
      try {
        counts = await r.reconcile({ ...ctx, failed });
      } catch (e) {
        failed('reconcile', e instanceof Error ? e : new Error(String(e)));
        counts = { failed: 1 };
      }
      for (const [k, v] of Object.entries(counts)) report[`${r.feature}.${k}`] = (report[`${r.feature}.${k}`] ?? 0) + v;
    }
    return report;
  }
}

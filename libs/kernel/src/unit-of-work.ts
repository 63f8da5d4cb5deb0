// One business action = one PostgreSQL transaction. Messages and jobs it decides on are
// written in that transaction (sent_message / outbox rows) and handed to Redis only after
// commit; the worker's reconciler re-creates any that a crash or a Redis wipe lost.
import type { AppConfig } from '@baiying/config';
import type { FieldCipher } from '@baiying/crypto';
import { Repos, transaction, type PrismaClient, type ReferenceCache } from '@baiying/db';
import { systemClock, type ChannelDirectory, type Clock } from '@baiying/domain';
import type { JobName, JobPayloads, JobProducer } from '@baiying/queue';
import { ButtonCodec } from './buttons.js';
import { publishChanges } from './live.js';
import { Outbound } from './outbound.js';

export interface DeskDeps {
  prisma: PrismaClient;
  cipher: FieldCipher;
  producer: JobProducer;
  config: AppConfig;
  /** Capabilities and pace of each channel (from the channel adapters' profiles). */
  channels: ChannelDirectory;
  clock?: Clock;
  /**
   * Categories and stations kept in memory (decision 0049): only in a process that listens for the
   * settings notification (`listenForSettings`) and invalidates it there, and that does not edit
   * them itself (the bot).
   */
  reference?: ReferenceCache;
}

/** How long a transaction may wait for a connection, and run. */
const TX_MAX_WAIT_MS = 20_000;
const TX_TIMEOUT_MS = 30_000;

interface ScheduledJob {
  at: Date;
  add(producer: JobProducer, delayMs: number): Promise<void>;
}

/** What one transaction sees and collects: repositories on the transaction, messages, jobs. */
export class Work {
  readonly out: Outbound;
  readonly buttons: ButtonCodec;
  readonly scheduled: ScheduledJob[] = [];
  readonly routeNeeds: string[] = [];
  readonly outboxIds: string[] = [];
  private readonly startedAt: Date;

  constructor(
    readonly repos: Repos,
    readonly deps: DeskDeps,
  ) {
    // One "now" per business action: every rule in it sees the same moment.
    this.startedAt = (deps.clock ?? systemClock).now();
    this.buttons = new ButtonCodec(deps.cipher, () => this.startedAt);
    this.out = new Outbound(repos, deps.cipher, this.buttons);
  }

  get now(): Date {
    return this.startedAt;
  }

  get config(): AppConfig {
    return this.deps.config;
  }

  /** Records a need.submitted outbox event; the routing job is added after commit. */
  async needSubmitted(needId: string): Promise<void> {
    const ev = await this.repos.messaging.addEvent('need.submitted', needId, { needId });
    this.routeNeeds.push(needId);
    this.outboxIds.push(ev.id);
  }

  /** Adds a job after commit, due at `at` (a timer: escalation, credit timeout, call timers…). */
  schedule<K extends JobName>(name: K, payload: JobPayloads[K], at: Date): void {
    this.scheduled.push({ at, add: (producer, delay) => producer.add(name, payload, { delay }) });
  }
}

export class UnitOfWork {
  constructor(readonly deps: DeskDeps) {}

  get clock(): Clock {
    return this.deps.clock ?? systemClock;
  }

  /** Reads outside any transaction (no lock held, nothing written): for work done before one opens. */
  read<T>(fn: (repos: Repos) => Promise<T>): Promise<T> {
    return fn(new Repos(this.deps.prisma, this.deps.cipher, this.deps.reference));
  }

  async run<T>(fn: (w: Work) => Promise<T>): Promise<T> {
    let work: Work | undefined;
    let sent: Array<{ id: string; priority: number; atMostOnce: boolean }> = [];
    // `transaction`: the turn's hot statements run directly on its connection (decision 0076).
    const result = await transaction(
      this.deps.prisma,
      async (tx) => {
        work = new Work(new Repos(tx, this.deps.cipher, this.deps.reference), this.deps);
        const value = await fn(work);
        sent = await work.repos.messaging.enqueue(await work.out.pending());
        return value;
      },
      { maxWait: TX_MAX_WAIT_MS, timeout: TX_TIMEOUT_MS },
    );
    if (work) await this.publish(work, sent);
    return result;
  }

  private async publish(work: Work, sent: Array<{ id: string; priority: number; atMostOnce: boolean }>): Promise<void> {
    const { producer } = this.deps;
    // A failure here is not fatal: the rows are committed and the reconciler re-adds jobs.
    try {
      await producer.addBulk(
        'send-message',
        sent.filter((s) => !s.atMostOnce).map((s) => ({ payload: { sentMessageId: s.id }, opts: { priority: s.priority } })),
      );
      await producer.addBulk(
        'send-bulk',
        sent.filter((s) => s.atMostOnce).map((s) => ({ payload: { sentMessageId: s.id } })),
      );
      if (work.routeNeeds.length) {
        await producer.addBulk(
          'route-need',
          work.routeNeeds.map((needId) => ({ payload: { needId } })),
        );
        await new Repos(this.deps.prisma).messaging.markPublished(work.outboxIds);
      }
      const now = this.clock.now().getTime();
      for (const job of work.scheduled) await job.add(producer, Math.max(0, job.at.getTime() - now));
    } catch (e) {
      process.emitWarning(`publish after commit failed, reconciler will retry: ${(e as Error).message}`);
    }
    // The console's live events: at most once (a page catches up on its next fetch).
    try {
      await publishChanges(this.deps.prisma, producer, work.repos.changes);
    } catch (e) {
      process.emitWarning(`live events after commit not published: ${(e as Error).message}`);
    }
  }
}

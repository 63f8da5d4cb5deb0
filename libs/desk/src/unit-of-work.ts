// One business action = one PostgreSQL transaction. Messages and jobs it decides on are
// written in that transaction (sent_message / outbox rows) and handed to Redis only after
// commit; the worker's reconciler re-creates any that a crash or a Redis wipe lost.
import type { AppConfig } from '@baiying/config';
import type { FieldCipher } from '@baiying/crypto';
import { Repos, type Channel, type NewSentMessage, type PrismaClient } from '@baiying/db';
import type { OutMessage } from '@baiying/domain';
import { Priority, type JobProducer, type JobPayloads } from '@baiying/queue';

export interface DeskDeps {
  prisma: PrismaClient;
  cipher: FieldCipher;
  producer: JobProducer;
  config: AppConfig;
  now?: () => Date;
}

export interface Destination {
  channel: Channel;
  chatId: string;
}

type Timer =
  | { name: 'escalate-dispatch'; payload: JobPayloads['escalate-dispatch']; at: Date }
  | { name: 'credit-timeout'; payload: JobPayloads['credit-timeout']; at: Date }
  | { name: 'call-timer'; payload: JobPayloads['call-timer']; at: Date }
  | { name: 'call-fanout'; payload: JobPayloads['call-fanout']; at: Date }
  | { name: 'refresh-tally'; payload: JobPayloads['refresh-tally']; at: Date };

/** Collects what a transaction wants to send; written to sent_message at commit. */
export class Outbound {
  readonly pending: NewSentMessage[] = [];
  private readonly keys = new Set<string>();

  constructor(
    private readonly repos: Repos,
    private readonly cipher: FieldCipher,
  ) {}

  to(dest: Destination, purposeKey: string, template: string, msg: OutMessage, priority: number = Priority.status): void {
    if (this.keys.has(purposeKey)) return;
    this.keys.add(purposeKey);
    this.pending.push({ purposeKey, channel: dest.channel, chatId: dest.chatId, template, bodyEnc: this.cipher.encrypt(JSON.stringify(msg)), priority });
  }

  /** Broadcast traffic: the bulk lane, below everything else, sent at most once. */
  bulk(dest: Destination, purposeKey: string, template: string, msg: OutMessage): void {
    if (this.keys.has(purposeKey)) return;
    this.keys.add(purposeKey);
    this.pending.push({ purposeKey, channel: dest.channel, chatId: dest.chatId, template, bodyEnc: this.cipher.encrypt(JSON.stringify(msg)), priority: Priority.bulk, atMostOnce: true });
  }

  /** Sends to a person's private chat on their preferred channel. False when unreachable. */
  async toPerson(personId: string, purposeKey: string, template: string, msg: OutMessage, priority: number = Priority.status, prefer?: Channel): Promise<boolean> {
    const r = await this.repos.people.recipient(personId, prefer);
    if (!r) return false;
    this.to(r, purposeKey, template, msg, priority);
    return true;
  }

  /** Replaces the text/buttons of a message sent earlier under `originalKey`. */
  edit(original: Destination & { purposeKey: string }, editKey: string, template: string, msg: OutMessage): void {
    if (this.keys.has(editKey)) return;
    this.keys.add(editKey);
    this.pending.push({
      purposeKey: editKey,
      channel: original.channel,
      chatId: original.chatId,
      template,
      bodyEnc: this.cipher.encrypt(JSON.stringify(msg)),
      priority: Priority.card,
      editOf: original.purposeKey,
    });
  }
}

export class Work {
  readonly out: Outbound;
  readonly timers: Timer[] = [];
  readonly routeNeeds: string[] = [];
  readonly outboxIds: string[] = [];

  constructor(
    readonly repos: Repos,
    readonly deps: DeskDeps,
  ) {
    this.out = new Outbound(repos, deps.cipher);
  }

  get now(): Date {
    return this.deps.now ? this.deps.now() : new Date();
  }

  /** Records a need.submitted outbox event; the routing job is added after commit. */
  async needSubmitted(needId: string): Promise<void> {
    const ev = await this.repos.messaging.addEvent('need.submitted', needId, { needId });
    this.routeNeeds.push(needId);
    this.outboxIds.push(ev.id);
  }

  timer(t: Timer): void {
    this.timers.push(t);
  }
}

export class UnitOfWork {
  constructor(readonly deps: DeskDeps) {}

  async run<T>(fn: (w: Work) => Promise<T>): Promise<T> {
    let work: Work | undefined;
    let sentIds: Array<{ id: string; priority: number; atMostOnce: boolean }> = [];
    const result = await this.deps.prisma.$transaction(
      async (tx) => {
        work = new Work(new Repos(tx), this.deps);
        const value = await fn(work);
        sentIds = await work.repos.messaging.enqueue(work.out.pending);
        return value;
      },
      { maxWait: 20_000, timeout: 30_000 },
    );
    if (work) await this.publish(work, sentIds);
    return result;
  }

  private async publish(work: Work, sentIds: Array<{ id: string; priority: number; atMostOnce: boolean }>): Promise<void> {
    const { producer } = this.deps;
    // A failure here is not fatal: the rows are committed and the reconciler re-adds jobs.
    try {
      await producer.addBulk(
        'send-message',
        sentIds.filter((s) => !s.atMostOnce).map((s) => ({ payload: { sentMessageId: s.id }, opts: { priority: s.priority } })),
      );
      await producer.addBulk(
        'send-bulk',
        sentIds.filter((s) => s.atMostOnce).map((s) => ({ payload: { sentMessageId: s.id } })),
      );
      if (work.routeNeeds.length) {
        await producer.addBulk('route-need', work.routeNeeds.map((needId) => ({ payload: { needId } })));
        await new Repos(this.deps.prisma).messaging.markPublished(work.outboxIds);
      }
      for (const t of work.timers) {
        const delay = Math.max(0, t.at.getTime() - Date.now());
        switch (t.name) {
          case 'escalate-dispatch':
            await producer.add(t.name, t.payload, { delay });
            break;
          case 'credit-timeout':
            await producer.add(t.name, t.payload, { delay });
            break;
          case 'call-timer':
            await producer.add(t.name, t.payload, { delay });
            break;
          case 'call-fanout':
            await producer.add(t.name, t.payload, { delay });
            break;
          case 'refresh-tally':
            await producer.add(t.name, t.payload, { delay });
            break;
        }
      }
    } catch (e) {
      // Logged by the caller's logger in apps; keep going.
      process.emitWarning(`publish after commit failed, reconciler will retry: ${(e as Error).message}`);
    }
  }
}

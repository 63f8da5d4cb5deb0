// Processes `send-message` and `send-bulk` jobs: loads the sent_message row, paces it for its
// platform, sends or edits, records the platform's message id. Idempotent per row: a row
// already sent is never sent again, whatever BullMQ redelivers. Every new message (replies, job
// cards, notices and broadcasts alike) is claimed (`pending → sending`) before the platform call,
// so even a crash mid-call cannot send it twice: a claim nobody resolved becomes `uncertain` (see
// the worker's reconciler), never a blind resend (decisions 0004, 0009). Edits are not claimed:
// repeating an edit rewrites the same message, it adds none.
import { setTimeout as sleep } from 'node:timers/promises';
import type { FieldCipher } from '@baiying/crypto';
import { Repos, type PrismaClient } from '@baiying/db';
import type { Channel, OutMessage } from '@baiying/domain';
import type { JobControl } from '@baiying/kernel';
import { NotSentError, PermanentSendError, RateLimitedError, SendLaterError, type ChannelSender } from '../port.js';

export interface OutboundLogger {
  warn(message: string): void;
  error(message: string): void;
}

/** Counts for the process's metrics (apps/bot wires it to prom-client). */
export interface OutboundObserver {
  sent(channel: Channel, priority: number, count: number): void;
  rateLimited(channel: Channel): void;
  paced(channel: Channel, waitMs: number): void;
}

export type OutboundResult = 'sent' | 'edited' | 'skipped' | 'failed';

/**
 * How long recording a delivered message keeps trying. Once the platform has the message, the
 * row is the only memory of it: a job that gave up would be retried and send it again (a
 * PostgreSQL restart did exactly that to every send on the wire), so the record outlasts a
 * restart or failover of the database.
 */
const RECORD_SENT_FOR_MS = 30_000;

export interface DispatchTiming {
  /** How long an edit waits for the message it edits to be sent first. */
  editWaitMs?: number;
  /**
   * How long a message waits, each time, for an earlier one to the same chat to go first, per
   * message still ahead of it: a safety net, the earlier one's delivery releases it (see
   * `release`). The one right behind looks again after this long (in case a release came while
   * it was looking); one far back, which no release can reach yet, looks rarely, so a long queue
   * for one chat does not make every one of its jobs spin each interval.
   */
  orderWaitMs?: number;
  /**
   * Earlier messages older than this no longer hold later ones back. Long enough for a backlog
   * under pacing and retries (a lost job is re-added by the reconciler within seconds).
   */
  orderWindowMs?: number;
}

export class OutboundDispatcher {
  private readonly repos: Repos;
  private readonly senders = new Map<Channel, ChannelSender>();
  private readonly editWaitMs: number;
  private readonly orderWaitMs: number;
  private readonly orderWindowMs: number;
  /** Batching chats are sent one batch at a time (the account's puppet lives in this process). */
  private readonly chatLocks = new Map<string, Promise<unknown>>();
  /**
   * Per channel: until when this process sends nothing after the platform said "too many
   * requests". Set synchronously when the 429 is seen and checked just before each platform
   * call, because the shared block (`backOff`, a Redis write) lands only later, and sends
   * already past `reserve` would otherwise go out while the told retry_after still runs.
   */
  private readonly pausedUntil = new Map<Channel, number>();
  /** Told of every send, 429 and pacing wait (optional). */
  observer?: OutboundObserver;
  /**
   * Releases a chat's next message once the one before it was sent (its job, put off while held
   * back, runs now rather than at its next look). Without it held-back messages only look again.
   */
  release?: (next: { id: string; atMostOnce: boolean }) => Promise<void>;

  constructor(
    prisma: PrismaClient,
    private readonly cipher: FieldCipher,
    senders: ChannelSender[],
    private readonly logger: OutboundLogger,
    timing: DispatchTiming = {},
  ) {
    this.editWaitMs = timing.editWaitMs ?? 500;
    this.orderWaitMs = timing.orderWaitMs ?? 1000;
    this.orderWindowMs = timing.orderWindowMs ?? 900_000;
    this.repos = new Repos(prisma);
    for (const s of senders) this.senders.set(s.channel, s);
  }

  hasChannel(channel: Channel): boolean {
    return this.senders.has(channel);
  }

  async process(payload: { sentMessageId: string }, control: JobControl): Promise<OutboundResult> {
    // One chat reads its messages in the order the desk wrote them: a new message waits while an
    // earlier one, as urgent or more, still waits for its slot or is on the wire (bounded: a row
    // stuck for longer than orderWindowMs, e.g. one whose job Redis lost, no longer holds the chat).
    const row = await this.repos.messaging.forSending(payload.sentMessageId, new Date(Date.now() - this.orderWindowMs));
    if (!row || row.status !== 'pending') return 'skipped';
    const sender = this.senders.get(row.channel);
    if (!sender) {
      await this.repos.messaging.markFailed(row.id, `channel ${row.channel} is not configured`, true);
      this.logger.warn(`message ${row.id} (${row.template}) dropped: channel ${row.channel} is off`);
      return 'failed';
    }
    let editRef: string | null = null;
    if (row.editOf) {
      const original = await this.repos.messaging.byPurpose(row.editOf);
      // An uncertain original has no message id to edit (and may never have arrived).
      if (!original || original.status === 'failed' || original.status === 'uncertain') {
        await this.repos.messaging.markFailed(row.id, `original message ${original?.status ?? 'missing'}`, true);
        return 'failed';
      }
      if (original.status !== 'sent' || !original.messageRef) return control.deferTo(this.editWaitMs);
      // Edits of one message (a live tally, a job card) only matter as the latest one.
      if (await this.repos.messaging.newerEditExists(row.editOf, row.seq)) {
        await this.repos.messaging.markSuperseded(row.id);
        return 'skipped';
      }
      editRef = original.messageRef;
    }
    if (!editRef && row.ahead > 0) return control.deferTo(this.orderWaitMs * row.ahead);
    const paused = this.pausedFor(row.channel);
    if (paused > 0) return this.putOff(row.channel, paused, control);
    const wait = await sender.reserve(row.chatId, { bulk: row.atMostOnce, priority: row.priority, order: Number(row.seq) });
    if (wait > 0) return this.putOff(row.channel, wait, control);
    // Batched chats claim inside their lock (below), with the rows that join the batch.
    const batched = !editRef && !!sender.sendBatch && !!sender.batchable?.(row.chatId);
    if (!editRef && !batched && !(await this.repos.messaging.claimForSending(row.id))) return 'skipped';
    const claimed: string[] = editRef || batched ? [] : [row.id];
    const msg = JSON.parse(this.cipher.decrypt(row.bodyEnc)) as OutMessage;
    const sendOpts = { priority: row.priority };
    try {
      // A 429 seen by another send while this one reserved and claimed: not yet.
      const pausedNow = this.pausedFor(row.channel);
      if (pausedNow > 0) throw new SendLaterError(pausedNow);
      if (editRef) {
        await sender.edit(row.chatId, editRef, msg, sendOpts);
        await this.recordSent(row.id, editRef);
        return 'edited';
      }
      if (batched) {
        return await this.withChatLock(`${row.channel}:${row.chatId}`, async () => {
          // Claimed inside the lock: another job's batch may have carried this row already.
          if (!(await this.repos.messaging.claimForSending(row.id))) return 'skipped';
          claimed.push(row.id);
          // Up to ten queued notices to this group leave as one message; each row is claimed
          // with it and marked sent, so their own jobs find nothing left to do.
          const more = [];
          for (const m of await this.repos.messaging.pendingAfter(row.channel, row.chatId, row.seq, 9)) {
            if (!(await this.repos.messaging.claimForSending(m.id))) continue;
            claimed.push(m.id);
            more.push(m);
          }
          const { messageRef } = more.length
            ? await sender.sendBatch!(row.chatId, [msg, ...more.map((m) => JSON.parse(this.cipher.decrypt(m.bodyEnc)) as OutMessage)], sendOpts)
            : await sender.send(row.chatId, msg, sendOpts);
          for (const m of [row, ...more]) await this.recordSent(m.id, messageRef);
          this.observer?.sent(row.channel, row.priority, 1 + more.length);
          return 'sent' as const;
        });
      }
      const { messageRef } = await sender.send(row.chatId, msg, sendOpts);
      await this.recordSent(row.id, messageRef);
      this.observer?.sent(row.channel, row.priority, 1);
      return 'sent';
    } catch (e) {
      if (e instanceof RateLimitedError) {
        this.observer?.rateLimited(row.channel);
        // Before anything else: stop this process's other sends, then every replica's.
        this.pausedUntil.set(row.channel, Math.max(this.pausedUntil.get(row.channel) ?? 0, Date.now() + e.retryAfterMs));
        // If the shared block cannot be written, this process still holds back; the row must
        // still be released below.
        await sender.backOff(row.chatId, e.retryAfterMs).catch((err: Error) => this.logger.warn(`back-off on ${row.channel} not shared: ${err.message}`));
      }
      // Not delivered for certain: a claimed row may go again. Anything else (a timeout, a 5xx, a
      // record that never landed) leaves the claim, which turns uncertain: never sent twice.
      const notDelivered = e instanceof SendLaterError || e instanceof RateLimitedError || e instanceof NotSentError;
      if (notDelivered) for (const id of claimed) await this.repos.messaging.unclaim(id);
      if (e instanceof SendLaterError) return control.deferTo(e.waitMs);
      if (e instanceof RateLimitedError) return control.deferTo(e.retryAfterMs);
      if (e instanceof PermanentSendError) {
        for (const id of claimed.length ? claimed : [row.id]) await this.repos.messaging.markFailed(id, e.message, true);
        this.logger.warn(`message ${row.id} (${row.template}) failed permanently: ${e.message}`);
        return 'failed';
      }
      if (claimed.length === 0) {
        // An edit (never claimed: repeating one adds no message) is simply tried again.
        await this.repos.messaging.markFailed(row.id, (e as Error).message, false);
        throw e;
      }
      // Fate unknown: the claims stay (uncertain after the lease) but stop holding the chat.
      for (const id of claimed) {
        const next = await this.repos.messaging.markAmbiguous(id, (e as Error).message);
        if (next && this.release) await this.release(next).catch((err: Error) => this.logger.warn(`next message ${next.id} not released: ${err.message}`));
      }
      throw e;
    }
  }

  /** Marks a delivered row sent, retrying while the database is unreachable (see RECORD_SENT_FOR_MS), then releases the chat's next message. */
  private async recordSent(id: string, messageRef: string): Promise<void> {
    const until = Date.now() + RECORD_SENT_FOR_MS;
    for (let wait = 100; ; wait = Math.min(wait * 2, 2000)) {
      let next: { id: string; atMostOnce: boolean } | null;
      try {
        next = await this.repos.messaging.markSent(id, messageRef);
      } catch (e) {
        if (Date.now() + wait > until) throw e;
        this.logger.warn(`message ${id} delivered, recording it failed (${(e as Error).message.split('\n').pop()}); retrying`);
        await sleep(wait);
        continue;
      }
      if (next && this.release) await this.release(next).catch((e: Error) => this.logger.warn(`next message ${next.id} not released: ${e.message}`));
      return;
    }
  }

  private putOff(channel: Channel, ms: number, control: JobControl): Promise<never> {
    this.observer?.paced(channel, ms);
    return control.deferTo(ms);
  }

  /** Milliseconds this process still holds back sends on the channel after a 429 (0 = none). */
  private pausedFor(channel: Channel): number {
    const until = this.pausedUntil.get(channel);
    if (until === undefined) return 0;
    const left = until - Date.now();
    if (left > 0) return left;
    this.pausedUntil.delete(channel);
    return 0;
  }

  private async withChatLock<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const previous = this.chatLocks.get(key) ?? Promise.resolve();
    const run = previous.catch(() => undefined).then(fn);
    const tail = run.catch(() => undefined);
    this.chatLocks.set(key, tail);
    try {
      return await run;
    } finally {
      if (this.chatLocks.get(key) === tail) this.chatLocks.delete(key);
    }
  }
}

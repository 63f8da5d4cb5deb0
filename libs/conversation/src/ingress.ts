// The front door every channel adapter hands its events to, before the engine:
// 1. the inbound limit — per person and per group's chatter, in shared (Redis) windows, so a few
//    spammers cannot fill the database and the outbound queue (whose replies outrank job cards);
// 2. retries of a failed event (a lost connection, a serialization conflict);
// 3. the dead letter — an event that still fails is kept to be replayed, never dropped.
import { Priority, PurposeKey, type Channel, type HandleOutcome, type InboundEvent, type Logger } from '@baiying/domain';
import { msg, type UnitOfWork, type Work } from '@baiying/kernel';
import type { ConversationEngine } from './engine.js';

/** The windows are a minute long; the limits are per minute. */
export const INBOUND_WINDOW_MS = 60_000;
const ATTEMPTS = 3;
const RETRY_BASE_MS = 50;
/** The danger check reads at most this much of an over-limit message. */
const DANGER_CHECK_CHARS = 2000;

export interface InboundWindow {
  key: string;
  max: number;
  /** False: the event counts in this window but is not refused by it. */
  enforce: boolean;
}

/** Shared sliding windows (libs/channels RedisInboundLimiter). */
export interface InboundLimiter {
  /** Counts the event in every window, or refuses it (counting nothing) when an enforced one is full. */
  admit(windows: InboundWindow[], windowMs: number): Promise<boolean>;
  /** True for the first caller per key and window: only the first refusal is answered. */
  firstNotice(key: string, windowMs: number): Promise<boolean>;
}

export interface DeadLetterInput {
  channel: Channel;
  updateId: string;
  payload: Record<string, unknown>;
  error: string;
  attempts: number;
}

export interface IngressOptions {
  limits: { personPerMinute: number; chatPerMinute: number };
  /** The danger check: a message that may signal danger is never refused. */
  signalsDanger(text: string): boolean;
  /** Numbers the polite refusal names, in case someone is in danger after all. */
  emergencyNumbers: string;
  /** Keeps an event that still failed, inside a transaction (coordination's RecordDeadLetter). */
  deadLetter(w: Work, input: DeadLetterInput): Promise<{ ok: boolean }>;
  /** Retries before giving up (default 3). */
  attempts?: number;
}

export type ReplayOutcome = { id: string; result: 'replayed' | 'duplicate' | 'already_replayed' | 'missing' } | { id: string; result: 'failed'; error: string };

export class ConversationIngress {
  constructor(
    private readonly engine: ConversationEngine,
    private readonly uow: UnitOfWork,
    private readonly limiter: InboundLimiter,
    private readonly opts: IngressOptions,
    private readonly logger: Logger,
  ) {}

  async handle(ev: InboundEvent): Promise<HandleOutcome> {
    if (!(await this.admitted(ev))) return { duplicate: false, limited: true };
    const attempts = this.opts.attempts ?? ATTEMPTS;
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.engine.handle(ev);
      } catch (e) {
        if (attempt >= attempts) {
          const error = errorText(e);
          this.logger.error('update failed', { channel: ev.channel, updateId: ev.updateId, error });
          await this.keep(ev, error, attempts);
          throw e;
        }
        await new Promise((r) => setTimeout(r, RETRY_BASE_MS * attempt));
      }
    }
  }

  // --- the inbound limit --------------------------------------------------------------------

  /**
   * Button presses are never limited: they act on messages the desk itself sent (signed, checked
   * by the use case), and they are how a volunteer takes a job card and a coordinator or a
   * resident answers in an emergency. Everything else counts against its sender's window; a
   * group's chatter also against the group's (a message that addresses the desk — a command, a
   * keyword, an @-mention — counts there but is not refused by it). Over the limit, a message the
   * danger check flags still passes; the rest is dropped before any database work, and a
   * private chat is told so once per window (a group never: the desk ignores its chatter anyway).
   */
  private async admitted(ev: InboundEvent): Promise<boolean> {
    if (ev.kind === 'callback') return true;
    const group = ev.chat.kind === 'group';
    const { personPerMinute, chatPerMinute } = this.opts.limits;
    const windows: InboundWindow[] = [{ key: `person:${ev.channel}:${ev.from.externalId}`, max: personPerMinute, enforce: true }];
    if (group) windows.push({ key: `chat:${ev.channel}:${ev.chat.id}`, max: chatPerMinute, enforce: !this.engine.addressesDesk(ev) });
    try {
      if (await this.limiter.admit(windows, INBOUND_WINDOW_MS)) return true;
    } catch (e) {
      // Redis unavailable: serve people rather than refuse everyone.
      this.logger.warn('inbound limiter unavailable, admitting', { error: errorText(e) });
      return true;
    }
    if (ev.text && this.opts.signalsDanger(ev.text.slice(0, DANGER_CHECK_CHARS))) {
      this.logger.warn('over the inbound limit but may signal danger: admitted', { channel: ev.channel, chat: ev.chat.id });
      return true;
    }
    if (!group) await this.tellOnce(ev);
    return false;
  }

  /** The polite answer, once per window per private chat; the event was dropped either way. */
  private async tellOnce(ev: InboundEvent): Promise<void> {
    try {
      if (!(await this.limiter.firstNotice(`notice:${ev.channel}:${ev.chat.id}`, INBOUND_WINDOW_MS))) return;
      await this.uow.run(async (w) => {
        w.out.to(
          { channel: ev.channel, chatId: ev.chat.id },
          PurposeKey.rateLimited(ev.channel, ev.updateId),
          'reply',
          () => msg('rate_limited', { numbers: this.opts.emergencyNumbers }),
          Priority.interactive,
        );
      });
    } catch (e) {
      this.logger.warn('could not answer a limited message', { channel: ev.channel, error: errorText(e) });
    }
  }

  // --- the dead letter ----------------------------------------------------------------------

  private async keep(ev: InboundEvent, error: string, attempts: number): Promise<void> {
    try {
      const payload = JSON.parse(JSON.stringify(ev)) as Record<string, unknown>;
      const r = await this.uow.run((w) => this.opts.deadLetter(w, { channel: ev.channel, updateId: ev.updateId, payload, error, attempts }));
      if (!r.ok) this.logger.error('update could not be dead-lettered (refused)', { channel: ev.channel, updateId: ev.updateId, result: r });
    } catch (e) {
      this.logger.error('update could not be dead-lettered either', { channel: ev.channel, updateId: ev.updateId, error: errorText(e) });
    }
  }

  /**
   * Runs a dead-lettered event through the engine again (no limit, one attempt). Success marks
   * the row replayed; the processed-update marker makes a second replay, or one of an update the
   * platform redelivered meanwhile, a no-op (`duplicate`).
   */
  async replay(id: string): Promise<ReplayOutcome> {
    const row = await this.uow.run((w) => w.repos.deadLetters.byId(id));
    if (!row) return { id, result: 'missing' };
    if (row.replayedAt) return { id, result: 'already_replayed' };
    const ev = JSON.parse(this.uow.deps.cipher.decrypt(row.payloadEnc)) as InboundEvent;
    try {
      const outcome = await this.engine.handle(ev);
      await this.uow.run((w) => w.repos.deadLetters.markReplayed(id, w.now));
      return { id, result: outcome.duplicate ? 'duplicate' : 'replayed' };
    } catch (e) {
      const error = errorText(e);
      await this.uow.run((w) => w.repos.deadLetters.replayFailed(id, error, w.now));
      return { id, result: 'failed', error };
    }
  }

  /** Replays every row not replayed yet, oldest first. */
  async replayAll(limit = 1000): Promise<ReplayOutcome[]> {
    const rows = await this.uow.run((w) => w.repos.deadLetters.pending(limit));
    const out: ReplayOutcome[] = [];
    for (const r of rows) out.push(await this.replay(r.id));
    return out;
  }
}

function errorText(e: unknown): string {
  return e instanceof Error ? `${e.name}: ${e.message}` : String(e);
}

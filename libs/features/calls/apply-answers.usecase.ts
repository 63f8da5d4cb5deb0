// The call's consumer: applies its recorded presses in arrival order, one batch per transaction
// under the call's row lock. The headcount and the waiting list are decided in memory one press
// after another with the same rule as ever (`answerOutcome`), so the result equals applying them
// one at a time; then every changed roster row, the events, the replies, the promotions and the
// rewrites of "buttons that remember" are written at once (decision 0037).
import type { Channel, PressRow, RosterWrite } from '@baiying/db';
import { answerOutcome, err, PurposeKey, Priority, type RosterStatus } from '@baiying/domain';
import type { MessageKey } from '@baiying/i18n';
import { msg, rewriteEachAsked, type UnitOfWork, type Work } from '@baiying/kernel';
import { answerRefusal } from './answer-call.usecase.js';
import type { AnsweredState, CallRenderer } from './calls.render.js';
import type { CallRow } from './call-row.js';
import { refreshSoon } from './tally.js';

/** Presses applied per transaction. */
export const PRESS_BATCH = 500;
/** Waiting-list rows read at a time when promotions need them. */
const WAITLIST_CHUNK = 200;

interface Place {
  roster: RosterStatus;
  seq: number | null;
  channel: Channel;
  chatId: string;
}

/** What applying a batch did: per press, its outcome (`confirmed`, `unchanged:declined`, `call/closed`…). */
export interface Applied {
  applied: number;
  outcomes: Map<bigint, string>;
}

export class ApplyAnswers {
  constructor(private readonly render: CallRenderer) {}

  async execute(w: Work, callId: string): Promise<Applied> {
    await w.repos.calls.lock(callId);
    const presses = await w.repos.presses.pending(callId, PRESS_BATCH);
    const outcomes = new Map<bigint, string>();
    if (!presses.length) return { applied: 0, outcomes };
    const call = (await w.repos.calls.byId(callId))!;
    const places = new Map<string, Place>(
      (await w.repos.presses.recipients(callId, [...new Set(presses.map((p) => p.personId))])).map((r) => [
        r.personId,
        { roster: r.roster, seq: r.rosterSeq, channel: r.channel, chatId: r.chatId },
      ]),
    );
    let confirmed = (await w.repos.calls.counts(callId)).confirmed;
    let seq = call.answerSeq;
    const waiting = new WaitingList(w, callId, places);
    const writes = new Map<string, RosterWrite>();
    const events: Array<{ type: string; actorId: string | null; data: Record<string, string> }> = [];
    const rewrites = new Map<string, { state: AnsweredState; at: Date; key: string }>();

    for (const p of presses) {
      const place = places.get(p.personId);
      const refusal = place ? answerRefusal(call, p.yes, p.at) : err('call/not_recipient');
      if (!place || !refusal.ok) {
        const code = refusal.ok ? 'call/not_recipient' : refusal.code;
        outcomes.set(p.id, code);
        this.reply(w, call, p, code);
        continue;
      }
      const o = answerOutcome(place.roster, p.yes, confirmed - (place.roster === 'confirmed' ? 1 : 0), call.headcount);
      if (o.kind === 'unchanged') {
        outcomes.set(p.id, `unchanged:${o.roster}`);
        this.reply(w, call, p, 'call.answer.none');
        continue;
      }
      const was = place.roster;
      if (o.kind === 'confirmed' || o.kind === 'waitlisted') {
        seq++;
        place.seq = seq;
        if (o.kind === 'confirmed') confirmed++;
        else waiting.joined(p.personId, seq);
      }
      if (was === 'confirmed') confirmed--;
      place.roster = o.kind;
      writes.set(p.personId, { personId: p.personId, roster: o.kind, rosterSeq: place.seq, answer: { yes: p.yes, at: p.at } });
      // A batch's events share their time: the press names their order.
      events.push({ type: o.kind, actorId: p.personId, data: { press: p.id.toString() } });
      rewrites.set(p.personId, { state: o.kind, at: p.at, key: `p${p.id}` });
      outcomes.set(p.id, o.kind);
      this.reply(w, call, p, `call.answer.${o.kind}`);
      if (o.kind === 'withdrawn' && o.promote) {
        const next = await waiting.shift();
        if (!next) continue;
        const np = places.get(next)!;
        np.roster = 'confirmed';
        confirmed++;
        const own = writes.get(next);
        writes.set(next, { personId: next, roster: 'confirmed', rosterSeq: np.seq, answer: own?.answer ?? null });
        events.push({ type: 'promoted', actorId: null, data: { personId: next, press: p.id.toString() } });
        rewrites.set(next, { state: 'promoted', at: p.at, key: `q${p.id}` });
        w.out.to(
          { channel: np.channel, chatId: np.chatId },
          PurposeKey.callPromoted(call.id, next),
          'call-promoted',
          () => this.render.banner(call, msg('call.promoted', this.render.facts(call))),
          Priority.status,
        );
      }
    }

    await w.repos.presses.writeRoster(callId, [...writes.values()]);
    await w.repos.presses.events(callId, events);
    await w.repos.calls.update(callId, {
      answerSeq: seq,
      pressesApplied: call.pressesApplied + presses.length,
      ...(writes.size ? { version: { increment: 1 } } : {}),
    });
    await this.rewriteAnswered(w, call, rewrites);
    await w.repos.presses.markApplied(
      presses.map((p) => p.id),
      presses.map((p) => outcomes.get(p.id)!),
      call.pressesApplied,
      w.now,
    );
    if (writes.size) refreshSoon(w, callId);
    return { applied: presses.length, outcomes };
  }

  /** The presser's own reply, in the chat the press came from, in that chat's language. */
  private reply(w: Work, call: CallRow, p: PressRow, key: string): void {
    w.out.to(
      { channel: p.channel, chatId: p.chatId },
      PurposeKey.callPressReply(call.id, p.id.toString()),
      'call-answer',
      () => msg(key as MessageKey, { code: call.code }),
      Priority.interactive,
    );
  }

  /** Buttons that remember: each changed person's call message (and nudge) says their place now. */
  private async rewriteAnswered(w: Work, call: CallRow, rewrites: Map<string, { state: AnsweredState; at: Date; key: string }>): Promise<void> {
    const now = w.now;
    await rewriteEachAsked(
      w,
      [...rewrites].flatMap(([personId, r]) => {
        const render = () => this.render.answered(call, r.state, r.at, now);
        return [
          { askedKey: PurposeKey.callMessage(call.id, personId), editKey: PurposeKey.callAnswered(call.id, personId, `${r.key}.m`), render },
          { askedKey: PurposeKey.callNudge(call.id, personId), editKey: PurposeKey.callAnswered(call.id, personId, `${r.key}.n`), render },
        ];
      }),
      'call-answered',
    );
  }
}

/**
 * The waiting list in promotion order: the rows already waiting before the batch (read from the
 * database in chunks, only as promotions need them), then those who joined in this batch. A
 * person's place in `places` is the truth: whoever left the list in this batch is skipped.
 */
class WaitingList {
  private readonly head: Array<{ personId: string; seq: number }> = [];
  private readonly tail: Array<{ personId: string; seq: number }> = [];
  private lastRead = 0;
  private exhausted = false;

  constructor(
    private readonly w: Work,
    private readonly callId: string,
    private readonly places: Map<string, Place>,
  ) {}

  joined(personId: string, seq: number): void {
    this.tail.push({ personId, seq });
  }

  async shift(): Promise<string | null> {
    for (;;) {
      if (!this.head.length && !this.exhausted) await this.readMore();
      const from = this.head.length ? this.head : this.tail;
      const c = from.shift();
      if (!c) return null;
      const place = this.places.get(c.personId);
      if (place && place.roster === 'waitlisted' && place.seq === c.seq) return c.personId;
    }
  }

  private async readMore(): Promise<void> {
    const rows = await this.w.repos.presses.waitlistAfter(this.callId, this.lastRead, WAITLIST_CHUNK);
    if (rows.length < WAITLIST_CHUNK) this.exhausted = true;
    for (const r of rows) {
      this.lastRead = r.rosterSeq;
      // Someone of this batch already has their place here (maybe changed); the others are read now.
      if (!this.places.has(r.personId)) this.places.set(r.personId, { roster: 'waitlisted', seq: r.rosterSeq, channel: r.channel, chatId: r.chatId });
      this.head.push({ personId: r.personId, seq: r.rosterSeq });
    }
  }
}

/**
 * Applies every press recorded for the call, batch after batch, until a last look (which waits
 * for presses being recorded at that moment) finds none: the worker's call-answers job.
 */
export async function drainPresses(uow: UnitOfWork, apply: ApplyAnswers, callId: string, onBatch?: (a: Applied) => void): Promise<number> {
  let total = 0;
  for (;;) {
    const a = await uow.run((w) => apply.execute(w, callId));
    onBatch?.(a);
    total += a.applied;
    if (a.applied) continue;
    if (!(await uow.run((w) => w.repos.presses.pendingAfterLast(callId)))) return total;
  }
}

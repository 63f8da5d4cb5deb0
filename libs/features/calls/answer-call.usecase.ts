// 参加 / 不能参加: answers to one call are decided one at a time under the call's row lock, so the
// headcount and the waiting list stay exact; a confirmed "no" promotes the first waiting.
import type { ActorRow } from '@baiying/db';
import { answerOutcome, err, ok, PurposeKey, type Result, Priority } from '@baiying/domain';
import { msg, parseCommand, rewriteAsked, type Work } from '@baiying/kernel';
import { z } from 'zod';
import type { AnsweredState, CallRenderer } from './calls.render.js';
import type { CallRow } from './call-row.js';
import { refreshSoon } from './tally.js';

export const answerCallCommand = z.object({ callId: z.uuid(), yes: z.boolean() });
export type AnswerCallCommand = z.input<typeof answerCallCommand>;
export type AnswerResult = { code: string; roster: 'confirmed' | 'waitlisted' | 'declined' | 'withdrawn' | 'none'; changed: boolean };

export class AnswerCall {
  constructor(private readonly render: CallRenderer) {}

  async execute(w: Work, actor: ActorRow, input: AnswerCallCommand): Promise<Result<AnswerResult>> {
    const c = parseCommand(answerCallCommand, input);
    if (!c.ok) return c;
    const { callId, yes } = c.value;
    await w.repos.calls.lock(callId);
    const call = await w.repos.calls.byId(callId);
    if (!call) return err('call/not_found');
    const me = await w.repos.calls.recipient(call.id, actor.personId);
    if (!me) return err('call/not_recipient');
    if (call.status === 'cancelled') return err('call/cancelled', { code: call.code });
    // A closed call takes no new "yes"; withdrawing stays possible until the start.
    if (yes && call.status !== 'open') return err('call/closed', { code: call.code });
    const now = w.now;
    if (now >= call.startsAt) return err('call/started', { code: call.code });
    // After the deadline new "yes" answers are refused; withdrawing stays possible until the start.
    if (yes && now >= call.answerBy) return err('call/closed', { code: call.code });
    const counts = await w.repos.calls.counts(call.id);
    const confirmedOthers = counts.confirmed - (me.roster === 'confirmed' ? 1 : 0);
    const outcome = answerOutcome(me.roster, yes, confirmedOthers, call.headcount);
    if (outcome.kind === 'unchanged') return ok({ code: call.code, roster: outcome.roster, changed: false });
    const base = { answer: yes ? ('yes' as const) : ('no' as const), answeredAt: now };
    let seq = call.answerSeq;
    switch (outcome.kind) {
      case 'confirmed':
      case 'waitlisted':
        seq++;
        await w.repos.calls.setRoster(call.id, actor.personId, { ...base, roster: outcome.kind, rosterSeq: seq });
        break;
      case 'declined':
        await w.repos.calls.setRoster(call.id, actor.personId, { ...base, roster: 'declined' });
        break;
      case 'withdrawn':
        await w.repos.calls.setRoster(call.id, actor.personId, { ...base, roster: 'withdrawn' });
        if (outcome.promote) await this.promoteNext(w, call);
        break;
    }
    await w.repos.calls.update(call.id, { answerSeq: seq, version: { increment: 1 } });
    await w.repos.calls.event(call.id, outcome.kind, actor.personId);
    await this.rewriteAnswered(w, call, actor.personId, outcome.kind);
    refreshSoon(w, call.id);
    return ok({ code: call.code, roster: outcome.kind, changed: true });
  }

  /** Buttons that remember: the call message (and a reminder to answer) now say the answer. */
  private async rewriteAnswered(w: Work, call: CallRow, personId: string, state: AnsweredState): Promise<void> {
    const at = w.now;
    const stamp = at.getTime().toString(36);
    const render = () => this.render.answered(call, state, at, at);
    await rewriteAsked(
      w,
      [
        { askedKey: PurposeKey.callMessage(call.id, personId), editKey: PurposeKey.callAnswered(call.id, personId, `${stamp}.m`) },
        { askedKey: PurposeKey.callNudge(call.id, personId), editKey: PurposeKey.callAnswered(call.id, personId, `${stamp}.n`) },
      ],
      'call-answered',
      render,
    );
  }

  private async promoteNext(w: Work, call: CallRow): Promise<void> {
    const next = await w.repos.calls.firstWaitlisted(call.id);
    if (!next) return;
    await w.repos.calls.setRoster(call.id, next.personId, { roster: 'confirmed' });
    await w.repos.calls.event(call.id, 'promoted', null, { personId: next.personId });
    await this.rewriteAnswered(w, call, next.personId, 'promoted');
    w.out.to(
      { channel: next.channel, chatId: next.chatId },
      PurposeKey.callPromoted(call.id, next.personId),
      'call-promoted',
      () => this.render.banner(call, msg('call.promoted', this.render.facts(call))),
      Priority.status,
    );
  }
}

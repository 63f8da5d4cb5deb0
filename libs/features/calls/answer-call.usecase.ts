// 参加 / 不能参加: a press is checked (the call exists, reached this person, still takes this
// answer), recorded durably in its arrival order, and acknowledged; it is applied shortly after by
// the call's consumer (`ApplyAnswers`), which decides the headcount and the waiting list in order
// and replies (decision 0037). Recording takes no lock on the call, so answers do not queue on it.
import type { ActorRow } from '@baiying/db';
import { err, ok, type Result, systemClock } from '@baiying/domain';
import { parseCommand, type Work } from '@baiying/kernel';
import { z } from 'zod';
import type { CallRow } from './call-row.js';

export const answerCallCommand = z.object({
  callId: z.uuid(),
  yes: z.boolean(),
  /** The chat the press came from (its reply goes there); the person's call chat when absent. */
  from: z.object({ channel: z.enum(['telegram', 'wechat', 'web']), chatId: z.string().min(1).max(128) }).optional(),
});
export type AnswerCallCommand = z.input<typeof answerCallCommand>;
export type AnswerRecorded = { code: string; pressId: bigint };

/** Why an answer is refused at `at`: shared by the press's check and the consumer's decision. */
export function answerRefusal(call: Pick<CallRow, 'code' | 'status' | 'startsAt' | 'answerBy'>, yes: boolean, at: Date): Result<null> {
  if (call.status === 'cancelled') return err('call/cancelled', { code: call.code });
  // A closed call takes no new "yes"; withdrawing stays possible until the start.
  if (yes && call.status !== 'open') return err('call/closed', { code: call.code });
  if (at >= call.startsAt) return err('call/started', { code: call.code });
  // After the deadline new "yes" answers are refused; withdrawing stays possible until the start.
  if (yes && at >= call.answerBy) return err('call/closed', { code: call.code });
  return ok(null);
}

/**
 * The consumer's job for presses recorded now: one per call and tally window (`slot`), due at the
 * window's end. The slot comes from the live clock after the press's lock was taken, so a consumer
 * that already made its last look (which waits for presses being recorded) ran before this slot.
 */
export function applySoon(w: Work, callId: string): void {
  const every = w.config.calls.answerBatchMs;
  const slot = Math.floor((w.deps.clock ?? systemClock).now().getTime() / every) + 1;
  w.schedule('call-answers', { callId, slot }, new Date(slot * every));
}

export class AnswerCall {
  async execute(w: Work, actor: ActorRow, input: AnswerCallCommand): Promise<Result<AnswerRecorded>> {
    const c = parseCommand(answerCallCommand, input);
    if (!c.ok) return c;
    const { callId, yes, from } = c.value;
    const call = await w.repos.presses.target(callId, actor.personId);
    if (!call) return err('call/not_found');
    if (!call.channel || !call.chatId) return err('call/not_recipient');
    // Checked here for a prompt refusal, and again when applied (the call may close meanwhile).
    const refused = answerRefusal(call, yes, w.now);
    if (!refused.ok) return refused;
    const to = from ?? { channel: call.channel, chatId: call.chatId };
    const pressId = await w.repos.presses.record({ callId, personId: actor.personId, yes, channel: to.channel, chatId: to.chatId, at: w.now });
    applySoon(w, callId);
    return ok({ code: call.code, pressId });
  }
}

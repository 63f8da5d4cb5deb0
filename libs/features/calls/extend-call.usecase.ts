// 延长召集: moves the answer deadline later (never past the start); reopens a closed call.
import type { ActorRow } from '@baiying/db';
import { CALL_LIMITS, err, extendedDeadlineTimer, ok, type Result } from '@baiying/domain';
import { parseCommand, type Work } from '@baiying/kernel';
import { z } from 'zod';
import { manageableCall } from './call-access.js';
import { refreshSoon } from './tally.js';

export const extendCallCommand = z.object({ callId: z.uuid(), hours: z.number() });
export type ExtendCallCommand = z.input<typeof extendCallCommand>;

export class ExtendCall {
  async execute(w: Work, actor: ActorRow, input: ExtendCallCommand): Promise<Result<{ code: string; answerBy: Date }>> {
    const c = parseCommand(extendCallCommand, input, 'call/bad_input');
    if (!c.ok) return c;
    const { hours } = c.value;
    const r = await manageableCall(w, actor, c.value.callId);
    if (!r.ok) return r;
    const call = r.value;
    if (call.status === 'cancelled') return err('call/cancelled', { code: call.code });
    if (w.now >= call.startsAt) return err('call/started', { code: call.code });
    if (!(hours > 0 && hours <= CALL_LIMITS.maxExtendHours)) return err('call/bad_input', { field: 'hours' });
    const from = Math.max(call.answerBy.getTime(), w.now.getTime());
    const answerBy = new Date(Math.min(from + hours * 3_600_000, call.startsAt.getTime()));
    await w.repos.calls.update(call.id, { status: 'open', closedAt: null, answerBy, version: { increment: 1 } });
    await w.repos.calls.event(call.id, 'extend', actor.personId, { answerBy: answerBy.toISOString() });
    w.schedule('call-timer', { callId: call.id, kind: extendedDeadlineTimer(answerBy) }, answerBy);
    refreshSoon(w, call.id);
    return ok({ code: call.code, answerBy });
  }
}

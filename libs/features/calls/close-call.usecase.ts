// 截止召集: the coordinator stops taking answers.
import type { ActorRow } from '@baiying/db';
import { err, ok, type Result } from '@baiying/domain';
import { parseCommand, type Work } from '@baiying/kernel';
import { z } from 'zod';
import { manageableCall } from './call-access.js';
import { refreshSoon } from './tally.js';

export const callIdCommand = z.object({ callId: z.uuid() });
export type CallIdCommand = z.input<typeof callIdCommand>;

export class CloseCall {
  async execute(w: Work, actor: ActorRow, input: CallIdCommand): Promise<Result<{ code: string }>> {
    const c = parseCommand(callIdCommand, input);
    if (!c.ok) return c;
    const r = await manageableCall(w, actor, c.value.callId);
    if (!r.ok) return r;
    const call = r.value;
    if (call.status !== 'open') return err('call/closed', { code: call.code });
    await w.repos.calls.update(call.id, { status: 'closed', closedAt: w.now, version: { increment: 1 } });
    await w.repos.calls.event(call.id, 'close', actor.personId);
    refreshSoon(w, call.id);
    return ok({ code: call.code });
  }
}

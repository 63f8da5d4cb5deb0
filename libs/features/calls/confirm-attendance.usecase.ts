// 确认到场: after a call's end, a coordinator of its unit (or above, or its creator) confirms that
// those who checked in and never checked out stayed to the end; only then are they credited,
// up to the end. Without it they get nothing (a check-in alone proves no hours).
import type { ActorRow } from '@baiying/db';
import { err, ok, type Result } from '@baiying/domain';
import { parseCommand, type Work } from '@baiying/kernel';
import { manageableCall } from './call-access.js';
import { callIdCommand, type CallIdCommand } from './close-call.usecase.js';
import { creditAttendance } from './credit-attendance.js';
import { refreshSoon } from './tally.js';

export class ConfirmAttendance {
  async execute(w: Work, actor: ActorRow, input: CallIdCommand): Promise<Result<{ code: string; n: number }>> {
    const c = parseCommand(callIdCommand, input);
    if (!c.ok) return c;
    const r = await manageableCall(w, actor, c.value.callId);
    if (!r.ok) return r;
    const call = r.value;
    if (call.status === 'cancelled') return err('call/cancelled', { code: call.code });
    // Before the end they may still check out themselves.
    if (w.now < call.endsAt) return err('call/not_finished', { code: call.code });
    const open = (await w.repos.calls.checkedInNotCredited(call.id)).filter((p) => p.checkedOutAt === null);
    if (!open.length) return err('call/nothing_to_confirm', { code: call.code });
    let n = 0;
    for (const p of open) if (await creditAttendance(w, call, p.personId, p.checkedInAt!, call.endsAt)) n++;
    await w.repos.calls.update(call.id, { version: { increment: 1 } });
    await w.repos.calls.event(call.id, 'confirm_attendance', actor.personId, { n });
    refreshSoon(w, call.id);
    return ok({ code: call.code, n });
  }
}

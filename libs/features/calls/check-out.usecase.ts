// 签退: the hours from check-in to now (capped by the call's end) are credited at once.
import type { ActorRow } from '@baiying/db';
import { CHECK_IN_LEAD_MS, err, ok, type Result } from '@baiying/domain';
import { parseCommand, type Work } from '@baiying/kernel';
import { z } from 'zod';
import { creditAttendance } from './credit-attendance.js';
import { refreshSoon } from './tally.js';

export const checkOutCommand = z.object({ callId: z.uuid().optional() });
export type CheckOutCommand = z.input<typeof checkOutCommand>;

export class CheckOut {
  async execute(w: Work, actor: ActorRow, input: CheckOutCommand): Promise<Result<{ code: string; hours: number; points: number }>> {
    const c = parseCommand(checkOutCommand, input);
    if (!c.ok) return c;
    const { callId } = c.value;
    const active = await w.repos.calls.activeFor(actor.personId, w.now, CHECK_IN_LEAD_MS);
    const pick = active.find((a) => a.checkedInAt && !a.checkedOutAt && (!callId || a.callId === callId));
    if (!pick) return err('call/not_checked_in');
    const call = pick.call;
    await w.repos.calls.lock(call.id);
    const fresh = await w.repos.calls.recipient(call.id, actor.personId);
    if (!fresh?.checkedInAt || fresh.checkedOutAt) return err('call/not_checked_in');
    await w.repos.calls.setRoster(call.id, actor.personId, { checkedOutAt: w.now });
    const credited = await creditAttendance(w, call, actor.personId, fresh.checkedInAt, w.now);
    await w.repos.calls.update(call.id, { version: { increment: 1 } });
    await w.repos.calls.event(call.id, 'check_out', actor.personId, { hours: credited?.hours ?? 0 });
    refreshSoon(w, call.id);
    return ok({ code: call.code, hours: credited?.hours ?? 0, points: credited?.points ?? 0 });
  }
}

// A call's timer fired: a reminder to those who said yes, the answer deadline (closes the
// call), or the finish (credits those still checked in). Closing is decided under the call's
// lock, like answers and the controls: an extension committed meanwhile is seen.
import { parseCallTimer, PurposeKey } from '@baiying/domain';
import { parseCommand, type Work } from '@baiying/kernel';
import { z } from 'zod';
import type { CallRenderer } from './calls.render.js';
import { creditAttendance } from './credit-attendance.js';
import { refreshSoon } from './tally.js';

/** A timer firing this much early (clock skew between processes) still counts as due. */
const EARLY_TOLERANCE_MS = 1000;

export const callTimerCommand = z.object({ callId: z.uuid(), kind: z.string().max(40) });
export type CallTimerCommand = z.input<typeof callTimerCommand>;

export class RunCallTimer {
  constructor(private readonly render: CallRenderer) {}

  async execute(w: Work, input: CallTimerCommand): Promise<string> {
    const c = parseCommand(callTimerCommand, input);
    const timer = c.ok ? parseCallTimer(c.value.kind) : null;
    if (!c.ok || !timer) return 'skipped';
    const { callId } = c.value;
    if (timer.kind !== 'remind') await w.repos.calls.lock(callId);
    const call = await w.repos.calls.byId(callId);
    if (!call) return 'skipped';
    switch (timer.kind) {
      case 'remind': {
        if (call.status === 'cancelled' || w.now >= call.startsAt) return 'skipped';
        const yes = await w.repos.calls.withRoster(call.id, ['confirmed']);
        const reminder = this.render.reminder(call, timer.minutes);
        for (const p of yes)
          w.out.bulk({ channel: p.channel, chatId: p.chatId }, PurposeKey.callReminder(call.id, timer.minutes, p.personId), 'call-reminder', reminder);
        return `reminded ${yes.length}`;
      }
      case 'deadline': {
        if (call.status !== 'open' || w.now.getTime() + EARLY_TOLERANCE_MS < call.answerBy.getTime()) return 'skipped';
        await w.repos.calls.update(call.id, { status: 'closed', closedAt: w.now, version: { increment: 1 } });
        await w.repos.calls.event(call.id, 'deadline', null);
        refreshSoon(w, call.id);
        return 'closed';
      }
      case 'finish': {
        if (w.now.getTime() + EARLY_TOLERANCE_MS < call.endsAt.getTime()) return 'skipped';
        let credited = 0;
        for (const r of await w.repos.calls.checkedInNotCredited(call.id)) {
          if (await creditAttendance(w, call, r.personId, r.checkedInAt!, r.checkedOutAt ?? call.endsAt)) credited++;
        }
        if (call.status === 'open') await w.repos.calls.update(call.id, { status: 'closed', closedAt: w.now, version: { increment: 1 } });
        refreshSoon(w, call.id);
        return `credited ${credited}`;
      }
    }
  }
}

// A call's timer fired: a reminder to those who said yes, the answer deadline (closes the
// call), or the finish (closes it; those checked in and never out are credited nothing until a
// coordinator confirms them — the call's creator is told). Closing is decided under the call's
// lock, like answers and the controls: an extension committed meanwhile is seen.
import { parseCallTimer, Priority, PurposeKey } from '@baiying/domain';
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
        const reminder = () => this.render.reminder(call, timer.minutes);
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
        let unconfirmed = 0;
        for (const r of await w.repos.calls.checkedInNotCredited(call.id)) {
          // Checked out but not credited (not expected: check-out credits at once): in to out.
          if (r.checkedOutAt) await creditAttendance(w, call, r.personId, r.checkedInAt!, r.checkedOutAt);
          else unconfirmed++;
        }
        if (unconfirmed > 0 && call.status !== 'cancelled')
          await w.out.toPerson(
            call.createdById,
            PurposeKey.callUnconfirmed(call.id),
            'call-unconfirmed',
            () => this.render.unconfirmed(call, unconfirmed),
            Priority.status,
          );
        if (call.status === 'open') await w.repos.calls.update(call.id, { status: 'closed', closedAt: w.now, version: { increment: 1 } });
        refreshSoon(w, call.id);
        return `unconfirmed ${unconfirmed}`;
      }
    }
  }
}

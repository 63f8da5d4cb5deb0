// A call's timers: reminders before the start to those who said yes, the answer deadline, and
// the finish (credit of those still checked in).
import { remindTimer, type CallTimerKind } from '@baiying/domain';
import type { Work } from '@baiying/kernel';
import type { CallRow } from './call-row.js';

export interface TimerPlan {
  kind: CallTimerKind;
  at: Date;
}

/** The timers a call needs from now on (reminders already past are left out). */
export function callTimers(call: Pick<CallRow, 'startsAt' | 'endsAt' | 'answerBy'>, reminderMinutes: readonly number[], now: Date): TimerPlan[] {
  const plan: TimerPlan[] = [];
  for (const m of reminderMinutes) {
    const at = new Date(call.startsAt.getTime() - m * 60_000);
    if (at > now) plan.push({ kind: remindTimer(m), at });
  }
  plan.push({ kind: 'deadline', at: call.answerBy }, { kind: 'finish', at: call.endsAt });
  return plan;
}

export function scheduleCallTimers(w: Work, call: Pick<CallRow, 'id' | 'startsAt' | 'endsAt' | 'answerBy'>): void {
  for (const t of callTimers(call, w.config.calls.reminderMinutes, w.now)) w.schedule('call-timer', { callId: call.id, kind: t.kind }, t.at);
}

// Hours of a call: from check-in to check-out (capped by the call's end) into the attendance
// record, points into the same append-only ledger as jobs — once per person and call.
import { attendanceHours, pointsFor, PurposeKey, Priority } from '@baiying/domain';
import { msg, type Work } from '@baiying/kernel';
import type { CallRow } from './call-row.js';

export async function creditAttendance(
  w: Work,
  call: CallRow,
  personId: string,
  checkedInAt: Date,
  checkedOutAt: Date,
): Promise<{ hours: number; points: number } | null> {
  const hours = attendanceHours(checkedInAt, checkedOutAt, call.endsAt);
  const me = await w.repos.calls.recipient(call.id, personId);
  if (!me || me.creditedAt) return null;
  await w.repos.calls.setRoster(call.id, personId, { hours, creditedAt: w.now, checkedOutAt: me.checkedOutAt ?? checkedOutAt });
  const points = pointsFor(hours, w.config.pointsPerHour);
  if (points > 0) await w.repos.needs.addPoints(personId, points, `call ${call.code}`, `call_attendance:${call.id}:${personId}`);
  w.out.to(
    { channel: me.channel, chatId: me.chatId },
    PurposeKey.callCredited(call.id, personId),
    'hours-credited',
    () => msg('call.credited', { code: call.code, title: call.title, hours, points }),
    Priority.status,
  );
  return { hours, points };
}

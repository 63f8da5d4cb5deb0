// 签到 on the day: by button, by the six-digit code shown on site, or by a shared location
// within the site's radius; from an hour before the start to the end.
import type { ActorRow } from '@baiying/db';
import { CHECK_IN_LEAD_MS, checkInOpen, distanceMeters, err, ok, type Result } from '@baiying/domain';
import { parseCommand, type Work } from '@baiying/kernel';
import { z } from 'zod';
import type { CallRow } from './call-row.js';
import { refreshSoon } from './tally.js';

export const checkInCommand = z.union([
  z.object({ callId: z.uuid() }),
  z.object({ code: z.string().max(20) }),
  z.object({ location: z.object({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) }) }),
]);
export type CheckInCommand = z.input<typeof checkInCommand>;

export class CheckIn {
  async execute(w: Work, actor: ActorRow, input: CheckInCommand): Promise<Result<{ call: CallRow; code: string; title: string }>> {
    const c = parseCommand(checkInCommand, input);
    if (!c.ok) return c;
    const by = c.value;
    const active = await w.repos.calls.activeFor(actor.personId, w.now, CHECK_IN_LEAD_MS);
    let pick: (typeof active)[number] | undefined;
    if ('callId' in by) {
      pick = active.find((a) => a.callId === by.callId);
      if (!pick) {
        const me = await w.repos.calls.recipient(by.callId, actor.personId);
        if (!me) return err('call/not_recipient');
        if (me.roster !== 'confirmed') return err('call/not_confirmed');
        return err('call/check_in_closed');
      }
    } else if ('code' in by) {
      const code = by.code.normalize('NFKC').trim();
      pick = active.find((a) => a.call.checkCode === code);
      if (!pick) return err(active.length ? 'call/bad_check_code' : 'call/nothing_to_check_in');
    } else {
      const sited = active.flatMap((a) =>
        a.call.siteLat !== null && a.call.siteLng !== null ? [{ a, site: { lat: a.call.siteLat, lng: a.call.siteLng } }] : [],
      );
      if (!sited.length) return err('call/nothing_to_check_in');
      const near = sited.map((s) => ({ a: s.a, d: distanceMeters(by.location, s.site) })).sort((x, y) => x.d - y.d)[0]!;
      if (near.d > near.a.call.radiusM) return err('call/too_far', { meters: Math.round(near.d), radius: near.a.call.radiusM });
      pick = near.a;
    }
    const call = pick.call;
    if (!checkInOpen(w.now, call.startsAt, call.endsAt)) return err('call/check_in_closed');
    // A double tap must not move the check-in time: decide under the call's row lock.
    await w.repos.calls.lock(call.id);
    const fresh = await w.repos.calls.recipient(call.id, actor.personId);
    if (!fresh || fresh.checkedInAt) return err('call/already_checked_in', { code: call.code });
    await w.repos.calls.setRoster(call.id, actor.personId, { checkedInAt: w.now });
    await w.repos.calls.update(call.id, { version: { increment: 1 } });
    await w.repos.calls.event(call.id, 'check_in', actor.personId, { by: 'callId' in by ? 'button' : 'code' in by ? 'code' : 'location' });
    refreshSoon(w, call.id);
    return ok({ call, code: call.code, title: call.title });
  }
}

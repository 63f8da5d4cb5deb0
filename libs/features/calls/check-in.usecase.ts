// 签到 on the day, from an hour before the start to the end: by the six-digit code shown on site
// only (the coordinator's tally, never a reminder), or by a live location within the site's
// radius. A button alone checks nobody in. Wrong codes and fixes outside the radius use up a
// few attempts per person and call (CALL_CHECKIN_MAX_ATTEMPTS); then that call takes no more.
import type { ActorRow } from '@baiying/db';
import { CHECK_IN_LEAD_MS, checkInOpen, distanceMeters, err, ok, type Result } from '@baiying/domain';
import { parseCommand, type Work } from '@baiying/kernel';
import { z } from 'zod';
import type { CallRow } from './call-row.js';
import { refreshSoon } from './tally.js';

export const checkInCommand = z.union([
  // A check-in button (from messages sent before codes were required): refused with the way to do it.
  z.object({ callId: z.uuid() }),
  z.object({ code: z.string().max(20) }),
  z.object({ location: z.object({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180), live: z.boolean().optional() }) }),
]);
export type CheckInCommand = z.input<typeof checkInCommand>;

type Active = Awaited<ReturnType<Work['repos']['calls']['activeFor']>>[number];

export class CheckIn {
  async execute(w: Work, actor: ActorRow, input: CheckInCommand): Promise<Result<{ call: CallRow; code: string; title: string }>> {
    const c = parseCommand(checkInCommand, input);
    if (!c.ok) return c;
    const by = c.value;
    if ('callId' in by) return err('call/check_in_needs_code');
    if ('location' in by && !by.location.live) return err('call/location_not_live');
    const active = await w.repos.calls.activeFor(actor.personId, w.now, CHECK_IN_LEAD_MS);
    if (!active.length) return err('call/nothing_to_check_in');
    const picked = 'code' in by ? await this.byCode(w, actor, active, by.code) : await this.byLocation(w, actor, active, by.location);
    if (!picked.ok) return picked;
    const call = picked.value.call;
    if (!checkInOpen(w.now, call.startsAt, call.endsAt)) return err('call/check_in_closed');
    // A double tap must not move the check-in time: decided under the call's row lock (taken above).
    const fresh = await w.repos.calls.recipient(call.id, actor.personId);
    if (!fresh || fresh.checkedInAt) return err('call/already_checked_in', { code: call.code });
    await w.repos.calls.setRoster(call.id, actor.personId, { checkedInAt: w.now });
    await w.repos.calls.update(call.id, { version: { increment: 1 } });
    await w.repos.calls.event(call.id, 'check_in', actor.personId, { by: 'code' in by ? 'code' : 'location' });
    refreshSoon(w, call.id);
    return ok({ call, code: call.code, title: call.title });
  }

  /**
   * The code names the call among the person's active ones. Every call still waiting for this
   * person's check-in gives up an attempt first (under its row lock, so a burst of guesses at
   * once gets no more than the limit); the one the code matched, if any, gets it back.
   */
  private async byCode(w: Work, actor: ActorRow, active: Active[], raw: string): Promise<Result<Active>> {
    const code = raw.normalize('NFKC').trim();
    const done = active.find((a) => a.checkedInAt && a.call.checkCode === code);
    if (done) return err('call/already_checked_in', { code: done.call.code });
    const pending = active.filter((a) => !a.checkedInAt).sort((x, y) => x.callId.localeCompare(y.callId));
    if (!pending.length) return err('call/already_checked_in', { code: active[0]!.call.code });
    const taken: Active[] = [];
    for (const a of pending) {
      await w.repos.calls.lock(a.callId);
      if (await w.repos.calls.takeCheckInAttempt(a.callId, actor.personId, w.config.calls.checkInMaxAttempts)) taken.push(a);
    }
    if (!taken.length) return err('call/check_in_locked');
    const pick = taken.find((a) => a.call.checkCode === code);
    if (!pick) return err('call/bad_check_code');
    for (const a of taken) await w.repos.calls.returnCheckInAttempt(a.callId, actor.personId);
    return ok(pick);
  }

  /** A live fix checks in to the nearest call with a site, within its radius; a far fix uses an attempt. */
  private async byLocation(w: Work, actor: ActorRow, active: Active[], at: { lat: number; lng: number }): Promise<Result<Active>> {
    const sited = active.flatMap((a) =>
      a.call.siteLat !== null && a.call.siteLng !== null ? [{ a, d: distanceMeters(at, { lat: a.call.siteLat, lng: a.call.siteLng }) }] : [],
    );
    const near = sited.sort((x, y) => x.d - y.d)[0];
    if (!near) return err('call/nothing_to_check_in');
    if (near.a.checkedInAt) return err('call/already_checked_in', { code: near.a.call.code });
    await w.repos.calls.lock(near.a.callId);
    if (!(await w.repos.calls.takeCheckInAttempt(near.a.callId, actor.personId, w.config.calls.checkInMaxAttempts))) return err('call/check_in_locked');
    if (near.d > near.a.call.radiusM) return err('call/too_far', { meters: Math.round(near.d), radius: near.a.call.radiusM });
    await w.repos.calls.returnCheckInAttempt(near.a.callId, actor.personId);
    return ok(near.a);
  }
}

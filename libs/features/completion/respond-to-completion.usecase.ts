// "是，已完成 / 还没有": the resident confirms (hours credited, rating asked) or disputes (the
// job goes back to the taker, who and coordinators are told).
import type { ActorRow } from '@baiying/db';
import { personName } from '@baiying/db';
import { err, ok, PurposeKey, type Result, Priority } from '@baiying/domain';
import { alertCoordinators, findNeed, msg, needRef, parseCommand, type Work } from '@baiying/kernel';
import { z } from 'zod';
import { ratingButtons } from './completion.buttons.js';
import { creditJob, settleAskConfirm } from './credit.js';

export const respondCommand = z.object({ need: needRef, done: z.boolean() });
export type RespondCommand = z.input<typeof respondCommand>;

export class RespondToCompletion {
  async execute(w: Work, actor: ActorRow, input: RespondCommand): Promise<Result<{ code: string; confirmed: boolean }>> {
    const c = parseCommand(respondCommand, input);
    if (!c.ok) return c;
    const need = await findNeed(w, c.value.need);
    if (!need) return err('need/not_found');
    if (need.residentId !== actor.personId) return err('need/not_yours');
    if (need.status !== 'done') return err('need/not_done');
    if (c.value.done) {
      if (!(await creditJob(w, need, 'resident', actor.personId))) return err('need/not_done');
      await w.out.toPerson(
        actor.personId,
        PurposeKey.needAskRating(need.id),
        'need-ask-rating',
        () => msg('need.ask_rating', {}, ratingButtons(w.buttons, need.id)),
        Priority.interactive,
        need.channel,
      );
      return ok({ code: need.code, confirmed: true });
    }
    if (!(await w.repos.needs.apply(need.id, 'dispute'))) return err('need/not_done');
    const record = await w.repos.needs.pendingRecordOf(need.id);
    if (record) await w.repos.needs.voidRecord(record.id);
    const eventId = await w.repos.needs.event(need.id, 'dispute', actor.personId);
    await settleAskConfirm(w, need, 'disputed');
    const claim = await w.repos.needs.activeClaim(need.id);
    if (claim) {
      // The job is the taker's again: the no-progress clock (claims' claim-timeout) restarts.
      await w.repos.needs.touchClaim(claim.id, w.now);
      w.schedule('claim-timeout', { claimId: claim.id }, new Date(w.now.getTime() + w.config.claims.noProgressHours * 3_600_000));
      await w.out.toPerson(
        claim.volunteerId,
        PurposeKey.claimDisputed(claim.id, eventId),
        'claim-disputed',
        () => msg('dispute.volunteer', { code: need.code }),
        Priority.status,
      );
    }
    await alertCoordinators(w, need.ownerUnitId, PurposeKey.alert('disputed', eventId), () =>
      msg('alert.disputed', { code: need.code, volunteer: claim ? personName(w.deps.cipher, claim.volunteer) : '-' }),
    );
    return ok({ code: need.code, confirmed: false });
  }
}

// 放弃: the taker gives the job back with a reason; it is re-posted to the same team in a new
// round, and coordinators hear why. (CheckRelease validates a press first.)
import type { ActorRow } from '@baiying/db';
import { err, ok, PurposeKey, type Result, Priority } from '@baiying/domain';
import { alertCoordinators, msg, parseCommand, type Work } from '@baiying/kernel';
import { z } from 'zod';
import type { DispatchRounds } from '../routing/index.js';
import { claimRef, ownActiveClaim } from './claim-access.js';

/** A release reason is kept up to this long. */
export const REASON_CHARS = 200;

export const releaseJobCommand = z.object({ claim: claimRef, reason: z.string().min(1).max(2000) });
export type ReleaseJobCommand = z.input<typeof releaseJobCommand>;

export class ReleaseJob {
  constructor(private readonly rounds: DispatchRounds) {}

  async execute(w: Work, actor: ActorRow, input: ReleaseJobCommand): Promise<Result<{ code: string }>> {
    const cmd = parseCommand(releaseJobCommand, input);
    if (!cmd.ok) return cmd;
    const reason = cmd.value.reason.trim().slice(0, REASON_CHARS);
    const c = await ownActiveClaim(w, actor, cmd.value.claim);
    if (!c.ok) return c;
    const { need, claim } = c.value;
    if (!(await w.repos.needs.apply(need.id, 'release', { claimedById: null }))) return err('need/invalid_transition');
    await w.repos.needs.endClaim(claim.id, 'released', reason);
    await w.repos.needs.event(need.id, 'release', actor.personId, { reason });
    const prev = (await w.repos.needs.dispatch(claim.dispatchId))!;
    await this.rounds.editCards(w, claim.dispatchId, need, { key: 'card.reopened', params: {} });
    const fresh = (await w.repos.needs.byId(need.id))!;
    await this.rounds.open(w, fresh, prev.teamId!, prev.orgUnitId, prev.tier);
    await w.out.toPerson(
      need.residentId,
      PurposeKey.needReleased(need.id, claim.id),
      'need-released',
      msg('need.released', { code: need.code }),
      Priority.status,
      need.channel,
    );
    await alertCoordinators(
      w,
      need.ownerUnitId,
      PurposeKey.alert('released', claim.id),
      msg('alert.released', { code: need.code, volunteer: actor.displayName, reason }),
    );
    return ok({ code: need.code });
  }
}

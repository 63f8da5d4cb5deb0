// "出发了": the taker tells the resident they are on the way.
import type { ActorRow } from '@baiying/db';
import { err, nextStatus, ok, PurposeKey, type Result, Priority } from '@baiying/domain';
import { msg, parseCommand, type Work } from '@baiying/kernel';
import { claimRef, ownActiveClaim, type ClaimRef } from './claim-access.js';

export class SetOff {
  async execute(w: Work, actor: ActorRow, input: ClaimRef): Promise<Result<{ code: string }>> {
    const ref = parseCommand(claimRef, input);
    if (!ref.ok) return ref;
    const c = await ownActiveClaim(w, actor, ref.value);
    if (!c.ok) return c;
    const { need, claim } = c.value;
    const to = nextStatus(need.status, 'set_off');
    if (!to.ok) return to;
    if (!(await w.repos.needs.apply(need.id, 'set_off'))) return err('need/invalid_transition');
    await w.repos.needs.event(need.id, 'set_off', actor.personId);
    // Progress: the no-progress timer (claim-timeout) counts from here now.
    await w.repos.needs.touchClaim(claim.id, w.now);
    await w.out.toPerson(
      need.residentId,
      PurposeKey.needEnRoute(need.id, claim.id),
      'need-en-route',
      () => msg('need.en_route', { code: need.code, volunteer: actor.displayName }),
      Priority.status,
      need.channel,
    );
    return ok({ code: need.code });
  }
}

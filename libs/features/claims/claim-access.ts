// The volunteer's own active claim, by its id or by the need's code: the check every taker
// action starts with.
import type { ActorRow, NeedRow } from '@baiying/db';
import { err, ok, type Result } from '@baiying/domain';
import { needByCode, type Work } from '@baiying/kernel';
import { z } from 'zod';

export const claimRef = z.union([z.object({ claimId: z.uuid() }), z.object({ needCode: z.string().min(1).max(40) })]);
export type ClaimRef = z.infer<typeof claimRef>;

type ClaimRow = NonNullable<Awaited<ReturnType<Work['repos']['needs']['claim']>>>;

export async function ownActiveClaim(w: Work, actor: ActorRow, ref: ClaimRef): Promise<Result<{ claim: ClaimRow; need: NeedRow }>> {
  if ('needCode' in ref) {
    const need = await needByCode(w, ref.needCode);
    if (!need) return err('need/not_found');
    const claim = await w.repos.needs.activeClaim(need.id);
    if (!claim || claim.volunteerId !== actor.personId) return err('claim/not_yours');
    return ok({ claim, need });
  }
  const claim = await w.repos.needs.claim(ref.claimId);
  if (!claim) return err('need/not_found');
  if (claim.volunteerId !== actor.personId) return err('claim/not_yours');
  if (claim.status !== 'active') return err('need/not_open');
  const need = await w.repos.needs.byId(claim.needId);
  if (!need) return err('need/not_found');
  return ok({ claim, need });
}

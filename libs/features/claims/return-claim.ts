// A claim going back to its team's pool, by 放弃 (the taker) or the no-progress timeout: the
// claim ends as released, the need is re-posted to the same team in a new round, and the
// resident hears that another volunteer is being found.
import type { NeedRow } from '@baiying/db';
import { PurposeKey, Priority } from '@baiying/domain';
import { msg, type Work } from '@baiying/kernel';
import type { DispatchRounds } from '../routing/index.js';

type ClaimRow = NonNullable<Awaited<ReturnType<Work['repos']['needs']['claim']>>>;

/** The reason kept on a claim the no-progress timeout returned. */
export const TIMEOUT_REASON = 'timeout';
/** The reason code of a claim its taker gave back; their own words are kept encrypted beside it. */
export const VOLUNTEER_REASON = 'volunteer';

/** Why a claim went back: the timeout, or the taker's own words (free text: encrypted at rest). */
export type ReturnReason = { code: typeof TIMEOUT_REASON } | { words: string };

/** False when the need is no longer in a state a claim can be given back from. */
export async function returnToPool(
  w: Work,
  rounds: DispatchRounds,
  need: NeedRow,
  claim: ClaimRow,
  reason: ReturnReason,
  actorId: string | null,
): Promise<boolean> {
  if (!(await w.repos.needs.apply(need.id, 'release', { claimedById: null }))) return false;
  const words = 'words' in reason ? w.deps.cipher.encrypt(reason.words) : null;
  const code = 'code' in reason ? reason.code : VOLUNTEER_REASON;
  await w.repos.needs.endClaim(claim.id, 'released', code, w.now, words);
  // The history names the reason; the words are in the event only encrypted.
  await w.repos.needs.event(need.id, 'release', actorId, words ? { reason: code, reasonEnc: words } : { reason: code });
  const prev = (await w.repos.needs.dispatch(claim.dispatchId))!;
  await rounds.editCards(w, claim.dispatchId, need, { key: 'card.reopened', params: {} });
  const fresh = (await w.repos.needs.byId(need.id))!;
  await rounds.open(w, fresh, prev.teamId!, prev.orgUnitId, prev.tier);
  await w.out.toPerson(
    need.residentId,
    PurposeKey.needReleased(need.id, claim.id),
    'need-released',
    () => msg('need.released', { code: need.code }),
    Priority.status,
    need.channel,
  );
  return true;
}

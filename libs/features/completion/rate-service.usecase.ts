// 群众评单: the resident rates a confirmed job, once.
import type { ActorRow } from '@baiying/db';
import { err, ok, PurposeKey, type Result, Priority } from '@baiying/domain';
import { findNeed, msg, needRef, parseCommand, rewriteAsked, type Work } from '@baiying/kernel';
import { z } from 'zod';

export const rateCommand = z.object({ need: needRef, score: z.number() });
export type RateCommand = z.input<typeof rateCommand>;

export class RateService {
  async execute(w: Work, actor: ActorRow, input: RateCommand): Promise<Result<{ code: string }>> {
    const c = parseCommand(rateCommand, input);
    if (!c.ok) return c;
    const { score } = c.value;
    if (!Number.isInteger(score) || score < 1 || score > 5) return err('input/bad_rating');
    const need = await findNeed(w, c.value.need);
    if (!need) return err('need/not_found');
    if (need.residentId !== actor.personId) return err('need/not_yours');
    if (need.status !== 'confirmed') return err('need/not_done');
    const claim = await w.repos.needs.lastCompletedClaim(need.id);
    if (!(await w.repos.needs.rate(need.id, actor.personId, claim?.volunteerId ?? null, score))) return err('need/already_rated');
    await w.repos.needs.event(need.id, 'rate', actor.personId, { score });
    // Buttons that remember: the stars asked for now show the ones given.
    const asked = PurposeKey.needAskRating(need.id);
    await rewriteAsked(w, [{ askedKey: asked, editKey: PurposeKey.settled(asked) }], 'need-rating-settled', () =>
      msg('rating.settled', { code: need.code, stars: '⭐'.repeat(score), n: score }),
    );
    if (claim)
      await w.out.toPerson(
        claim.volunteerId,
        PurposeKey.needRated(need.id),
        'need-rated',
        () => msg('rating.volunteer', { code: need.code, score }),
        Priority.status,
      );
    return ok({ code: need.code });
  }
}

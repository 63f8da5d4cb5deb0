// The resident's words after the stars.
import type { ActorRow } from '@baiying/db';
import { err, ok, PurposeKey, Priority, type Result } from '@baiying/domain';
import { findNeed, msg, needRef, parseCommand, type Work } from '@baiying/kernel';
import { z } from 'zod';

/** A rating comment is kept up to this long. */
export const COMMENT_CHARS = 500;

export const commentCommand = z.object({ need: needRef, comment: z.string() });
export type CommentCommand = z.input<typeof commentCommand>;

export class CommentOnRating {
  async execute(w: Work, actor: ActorRow, input: CommentCommand): Promise<Result<{ code: string }>> {
    const c = parseCommand(commentCommand, input);
    if (!c.ok) return c;
    const need = await findNeed(w, c.value.need);
    if (!need) return err('need/not_found');
    if (need.residentId !== actor.personId) return err('need/not_yours');
    const comment = c.value.comment.trim().slice(0, COMMENT_CHARS);
    if (!(await w.repos.needs.commentRating(need.id, w.deps.cipher.encrypt(comment)))) return ok({ code: need.code });
    // The volunteer who did the job reads the resident's words, not only the stars (in private).
    const claim = await w.repos.needs.lastCompletedClaim(need.id);
    if (claim)
      await w.out.toPerson(
        claim.volunteerId,
        PurposeKey.needRatingComment(need.id),
        'need-rating-comment',
        () => msg('rating.volunteer_comment', { code: need.code, comment }),
        Priority.status,
      );
    return ok({ code: need.code });
  }
}

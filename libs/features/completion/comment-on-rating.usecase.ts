// The resident's words after the stars.
import type { ActorRow } from '@baiying/db';
import { err, ok, type Result } from '@baiying/domain';
import { findNeed, needRef, parseCommand, type Work } from '@baiying/kernel';
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
    await w.repos.needs.commentRating(need.id, w.deps.cipher.encrypt(c.value.comment.trim().slice(0, COMMENT_CHARS)));
    return ok({ code: need.code });
  }
}

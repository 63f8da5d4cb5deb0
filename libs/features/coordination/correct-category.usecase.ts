// 审单: a coordinator settles what the understanding made of a need — the right category. The
// need takes it (while nobody has taken the job), its review flag is cleared, and the correction
// is kept as a labelled example (the need's text, encrypted as it is) with what the understanding
// had said, for `npm run nlu:corrections` and the console's monthly count per category.
import type { FieldCipher } from '@baiying/crypto';
import type { ActorRow, Repos } from '@baiying/db';
import { err, ok, type Result } from '@baiying/domain';
import { inScope, isCoordinator, needByCode, parseCommand, type Work } from '@baiying/kernel';
import { z } from 'zod';

export const correctCategoryCommand = z.object({
  needCode: z.string().min(1).max(40),
  category: z.string().regex(/^[a-z_]{1,40}$/),
});
export type CorrectCategoryCommand = z.input<typeof correctCategoryCommand>;

export class CorrectCategory {
  async execute(w: Work, actor: ActorRow, input: CorrectCategoryCommand): Promise<Result<{ code: string; category: string; changed: boolean }>> {
    const c = parseCommand(correctCategoryCommand, input);
    if (!c.ok) return c;
    if (!isCoordinator(actor)) return err('auth/not_coordinator');
    const need = await needByCode(w, c.value.needCode);
    if (!need) return err('need/not_found');
    if (!(await inScope(w, actor, need.stationId))) return err('auth/out_of_scope');
    const category = await w.repos.org.category(c.value.category);
    if (!category || !category.active) return err('need/unknown_category', { category: c.value.category });
    // Pressed again with the same answer: nothing left to settle.
    if (need.categoryCode === category.code && need.reviewReason === null) return ok({ code: need.code, category: category.code, changed: false });
    if (!(await w.repos.needs.correctCategory(need.id, category.code))) return err('need/invalid_transition');
    await w.repos.needs.recordCorrection({
      needId: need.id,
      kind: 'category',
      label: category.code,
      was: need.categoryCode,
      textEnc: need.descriptionEnc,
      byId: actor.personId,
    });
    await w.repos.needs.event(need.id, 'correct_category', actor.personId, { category: category.code, was: need.categoryCode, review: need.reviewReason });
    return ok({ code: need.code, category: category.code, changed: true });
  }
}

/** The kept category corrections as labelled examples (decrypted: for the operator's evaluation and training files). */
export async function categoryCorrections(
  repos: Repos,
  cipher: FieldCipher,
): Promise<Array<{ text: string; category: string; was: string | null; source: 'correction' }>> {
  return (await repos.needs.corrections('category')).map((r) => ({
    text: cipher.decrypt(r.textEnc),
    category: r.label,
    was: r.was,
    source: 'correction' as const,
  }));
}

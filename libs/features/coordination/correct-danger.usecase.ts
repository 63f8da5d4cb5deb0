// "This was an emergency" / "this was not": a coordinator corrects the danger check on one need.
// The correction is kept as a labelled example (the need's text, encrypted as it is) for the
// danger evaluation and for training (`npm run nlu:corrections` exports them).
import type { FieldCipher } from '@baiying/crypto';
import type { ActorRow, Repos } from '@baiying/db';
import { err, ok, type Result } from '@baiying/domain';
import { inScope, isCoordinator, needByCode, parseCommand, type Work } from '@baiying/kernel';
import { z } from 'zod';

export const correctDangerCommand = z.object({ needCode: z.string().min(1).max(40), danger: z.boolean() });
export type CorrectDangerCommand = z.input<typeof correctDangerCommand>;

export const DANGER_LABELS = { yes: 'danger', no: 'no_danger' } as const;

export class CorrectDanger {
  async execute(w: Work, actor: ActorRow, input: CorrectDangerCommand): Promise<Result<{ code: string; danger: boolean }>> {
    const c = parseCommand(correctDangerCommand, input);
    if (!c.ok) return c;
    if (!isCoordinator(actor)) return err('auth/not_coordinator');
    const need = await needByCode(w, c.value.needCode);
    if (!need) return err('need/not_found');
    if (!(await inScope(w, actor, need.stationId))) return err('auth/out_of_scope');
    const label = c.value.danger ? DANGER_LABELS.yes : DANGER_LABELS.no;
    await w.repos.needs.recordCorrection({
      needId: need.id,
      kind: 'danger',
      label,
      was: need.danger ?? 'none',
      textEnc: need.descriptionEnc,
      byId: actor.personId,
    });
    await w.repos.needs.event(need.id, 'correct_danger', actor.personId, { label, was: need.danger ?? 'none' });
    return ok({ code: need.code, danger: c.value.danger });
  }
}

/** The kept corrections as labelled examples (decrypted: for the operator's evaluation and training files). */
export async function dangerCorrections(repos: Repos, cipher: FieldCipher): Promise<Array<{ text: string; danger: boolean; source: 'correction' }>> {
  return (await repos.needs.corrections('danger')).map((r) => ({
    text: cipher.decrypt(r.textEnc),
    danger: r.label === DANGER_LABELS.yes,
    source: 'correction' as const,
  }));
}

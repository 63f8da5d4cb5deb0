// /verify: a coordinator confirms completion for a resident who cannot.
import type { ActorRow } from '@baiying/db';
import { err, ok, PurposeKey, type Result, Priority } from '@baiying/domain';
import { inScope, isCoordinator, msg, needByCode, parseCommand, type Work } from '@baiying/kernel';
import { z } from 'zod';
import { ratingButtons } from './completion.buttons.js';
import { creditJob } from './credit.js';

export const verifyCommand = z.object({ needCode: z.string().min(1).max(40) });
export type VerifyCommand = z.input<typeof verifyCommand>;

export class VerifyCompletion {
  async execute(w: Work, actor: ActorRow, input: VerifyCommand): Promise<Result<{ code: string }>> {
    const c = parseCommand(verifyCommand, input);
    if (!c.ok) return c;
    if (!isCoordinator(actor)) return err('auth/not_coordinator');
    const need = await needByCode(w, c.value.needCode);
    if (!need) return err('need/not_found');
    if (!(await inScope(w, actor, need.stationId))) return err('auth/out_of_scope');
    if (need.status !== 'done') return err('need/not_done');
    if (!(await creditJob(w, need, 'coordinator', actor.personId))) return err('need/not_done');
    await w.out.toPerson(
      need.residentId,
      PurposeKey.needVerified(need.id),
      'need-verified',
      () => msg('need.coordinator_confirmed', { code: need.code }, ratingButtons(w.buttons, need.id)),
      Priority.status,
      need.channel,
    );
    return ok({ code: need.code });
  }
}

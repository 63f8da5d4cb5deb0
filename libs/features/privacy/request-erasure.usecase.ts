// The first step of an erasure: who would be erased, after checking that nothing of theirs is
// still under way. A resident asks for themselves; a coordinator names a need whose resident
// is to be erased (scope: every unit the resident belongs to). The second step is ErasePerson.
import type { ActorRow } from '@baiying/db';
import { err, ok, type Result } from '@baiying/domain';
import { isCoordinator, needByCode, parseCommand, type Work } from '@baiying/kernel';
import { z } from 'zod';
import { mayErase, underWay } from './erasure-rules.js';

export const requestErasureCommand = z.object({ needCode: z.string().min(1).max(40).optional() });
export type RequestErasureCommand = z.input<typeof requestErasureCommand>;

export interface ErasureOffer {
  personId: string;
  /** The need the coordinator named (absent for a resident's own request). */
  needCode?: string;
}

export class RequestErasure {
  async execute(w: Work, actor: ActorRow, input: RequestErasureCommand): Promise<Result<ErasureOffer>> {
    const c = parseCommand(requestErasureCommand, input);
    if (!c.ok) return c;
    let offer: ErasureOffer = { personId: actor.personId };
    if (c.value.needCode !== undefined) {
      if (!isCoordinator(actor)) return err('auth/not_coordinator');
      const need = await needByCode(w, c.value.needCode);
      if (!need) return err('need/not_found');
      offer = { personId: need.residentId, needCode: need.code };
      const allowed = await mayErase(w, actor, need.residentId);
      if (!allowed.ok) return allowed;
    }
    const busy = await underWay(w, offer.personId);
    return busy ?? ok(offer);
  }
}

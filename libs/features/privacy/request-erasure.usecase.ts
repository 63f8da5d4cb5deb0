// The first step of an erasure: who would be erased, after checking that nothing of theirs is
// still under way. A resident asks for themselves; a coordinator names a need whose resident is
// to be erased, or a person by their registered phone (scope: every unit the person belongs to).
// The second step is ErasePerson.
import type { ActorRow } from '@baiying/db';
import { err, maskPhone, normalizePhone, ok, type Result } from '@baiying/domain';
import { isCoordinator, needByCode, parseCommand, type Work } from '@baiying/kernel';
import { z } from 'zod';
import { mayErase, underWay } from './erasure-rules.js';

export const requestErasureCommand = z.union([
  z.object({ needCode: z.string().min(1).max(40) }),
  z.object({ phone: z.string().min(1).max(40) }),
  z.object({}).strict(),
]);
export type RequestErasureCommand = z.input<typeof requestErasureCommand>;

export interface ErasureOffer {
  personId: string;
  /** What the coordinator named: a need's code, or a masked phone (absent for a person's own request). */
  named?: string;
}

export class RequestErasure {
  async execute(w: Work, actor: ActorRow, input: RequestErasureCommand): Promise<Result<ErasureOffer>> {
    const c = parseCommand(requestErasureCommand, input);
    if (!c.ok) return c;
    let offer: ErasureOffer = { personId: actor.personId };
    if ('needCode' in c.value || 'phone' in c.value) {
      if (!isCoordinator(actor)) return err('auth/not_coordinator');
      if ('needCode' in c.value) {
        const need = await needByCode(w, c.value.needCode);
        if (!need) return err('need/not_found');
        offer = { personId: need.residentId, named: need.code };
      } else {
        const phone = normalizePhone(c.value.phone);
        const people = phone ? await w.repos.privacy.peopleByPhoneHash(w.deps.cipher.lookupHashes(phone)) : [];
        // None, or several people under one number: the coordinator names a need instead.
        if (!phone || people.length !== 1) return err('privacy/person_not_found');
        offer = { personId: people[0]!, named: maskPhone(phone) };
      }
      const allowed = await mayErase(w, actor, offer.personId);
      if (!allowed.ok) return allowed;
    }
    const busy = await underWay(w, offer.personId);
    return busy ?? ok(offer);
  }
}

// A coordinator whose scope covers the volunteer's station approves or rejects, once.
import type { ActorRow } from '@baiying/db';
import { err, ok, PurposeKey, type Result, Priority } from '@baiying/domain';
import { inScope, isCoordinator, msg, parseCommand, type Work } from '@baiying/kernel';
import { z } from 'zod';

export const decideRegistrationCommand = z.object({ personId: z.uuid(), approve: z.boolean() });
export type DecideRegistrationCommand = z.input<typeof decideRegistrationCommand>;

export class DecideRegistration {
  async execute(w: Work, actor: ActorRow, input: DecideRegistrationCommand): Promise<Result<{ name: string; decided: boolean }>> {
    const c = parseCommand(decideRegistrationCommand, input);
    if (!c.ok) return c;
    const { personId, approve } = c.value;
    if (!isCoordinator(actor)) return err('auth/not_coordinator');
    const v = await w.repos.volunteers.get(personId);
    if (!v) return err('volunteer/not_found');
    if (!(await inScope(w, actor, v.stationId))) return err('auth/out_of_scope');
    const decided = await w.repos.volunteers.decide(personId, approve, actor.personId);
    if (decided)
      await w.out.toPerson(
        personId,
        PurposeKey.approvalDecided(personId),
        'volunteer-decided',
        msg(approve ? 'approval.approved' : 'approval.rejected'),
        Priority.status,
      );
    return ok({ name: v.person.displayName, decided });
  }
}

// /approve: team memberships awaiting a decision, for teams of units in the coordinator's scope.
import type { ActorRow } from '@baiying/db';
import { err, ok, type Result } from '@baiying/domain';
import { isCoordinator, unitsInScope, type Work } from '@baiying/kernel';

type Pending = Awaited<ReturnType<Work['repos']['volunteers']['pendingInUnits']>>;

export class PendingRegistrations {
  async execute(w: Work, actor: ActorRow): Promise<Result<Pending>> {
    if (!isCoordinator(actor)) return err('auth/not_coordinator');
    return ok(await w.repos.volunteers.pendingInUnits(await unitsInScope(w, actor)));
  }
}

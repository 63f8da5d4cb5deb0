// /bindteam without a code: the teams in the coordinator's scope, to pick from.
import type { ActorRow, TeamRow } from '@baiying/db';
import { err, ok, type Result } from '@baiying/domain';
import { isCoordinator, unitsInScope, type Work } from '@baiying/kernel';

export class BindableTeams {
  async execute(w: Work, actor: ActorRow): Promise<Result<TeamRow[]>> {
    if (!isCoordinator(actor)) return err('auth/not_coordinator');
    return ok(await w.repos.org.teamsInUnits(await unitsInScope(w, actor)));
  }
}

// 平战结合: a county or township coordinator switches their unit between daily and emergency
// mode. Routing reads the mode (see RoutingService.emergencyUnit); every switch is recorded.
import type { ActorRow } from '@baiying/db';
import { ancestry, err, ok, type Result } from '@baiying/domain';
import type { Work } from '../unit-of-work.js';

export class EmergencyService {
  async switchMode(w: Work, actor: ActorRow, on: boolean, reason: string | null): Promise<Result<{ unit: string; minutes: number }>> {
    if (actor.coordinatorUnitIds.length === 0) return err('auth/not_coordinator');
    const tree = await w.repos.org.tree();
    // The coordinator's widest unit that is a county centre or a township institute.
    const unit = actor.coordinatorUnitIds
      .map((id) => tree.get(id))
      .filter((u) => u !== undefined && (u.tier === 'center' || u.tier === 'institute'))
      .sort((a, b) => ancestry(tree, a!.id).length - ancestry(tree, b!.id).length)[0];
    if (!unit) return err('mode/not_allowed');
    if (!(await w.repos.calls.switchMode(unit.id, on, actor.personId, reason?.slice(0, 200) ?? null))) return err('mode/unchanged', { unit: unit.name });
    return ok({ unit: unit.name, minutes: w.deps.config.emergencySlaMinutes });
  }
}

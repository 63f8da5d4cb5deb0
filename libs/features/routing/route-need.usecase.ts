// need.submitted → the first dispatch round, at the lowest tier with a matching team (站 → 所 → 中心).
import { chooseRoute, PurposeKey, Priority } from '@baiying/domain';
import { msg, parseCommand, type Work } from '@baiying/kernel';
import { z } from 'zod';
import type { DispatchRounds } from './dispatch-rounds.js';

export const routeNeedCommand = z.object({ needId: z.uuid() });
export type RouteNeedCommand = z.input<typeof routeNeedCommand>;
export type RouteOutcome = 'dispatched' | 'unrouted' | 'skipped';

export class RouteNeed {
  constructor(private readonly rounds: DispatchRounds) {}

  /** Idempotent: a need already routed is left alone. */
  async execute(w: Work, input: RouteNeedCommand): Promise<RouteOutcome> {
    const c = parseCommand(routeNeedCommand, input);
    if (!c.ok) return 'skipped';
    const need = await w.repos.needs.byId(c.value.needId);
    if (!need || need.status !== 'submitted') return 'skipped';
    const tree = await w.repos.org.tree();
    const teams = await w.repos.org.routableTeams(need.categoryCode);
    const choice = chooseRoute(tree, teams, { stationId: need.stationId, categoryCode: need.categoryCode });
    if (!choice) {
      await this.rounds.markUnrouted(w, need);
      return 'unrouted';
    }
    if (!(await w.repos.needs.apply(need.id, 'route', { ownerUnitId: choice.unit.id }))) return 'skipped';
    await this.rounds.open(w, need, choice.team.id, choice.unit.id, choice.unit.tier);
    await w.repos.needs.event(need.id, 'route', null, { teamId: choice.team.id, tier: choice.unit.tier });
    const team = await w.repos.org.team(choice.team.id);
    await w.out.toPerson(
      need.residentId,
      PurposeKey.needDispatched(need.id),
      'need-dispatched',
      msg('need.dispatched', { code: need.code, team: team?.name ?? choice.team.code }),
      Priority.status,
      need.channel,
    );
    return 'dispatched';
  }
}

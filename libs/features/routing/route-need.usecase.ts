// need.submitted → the first dispatch round, at the lowest tier with a matching team (站 → 所 → 中心).
import type { NeedRow } from '@baiying/db';
import { chooseRoute, PurposeKey, Priority, type OrgNode } from '@baiying/domain';
import { msg, nameParams, parseCommand, type Work } from '@baiying/kernel';
import { z } from 'zod';
import { EMERGENCY_CATEGORY, type EmergencyPolicy } from '../emergency/index.js';
import type { DispatchRounds } from './dispatch-rounds.js';

export const routeNeedCommand = z.object({ needId: z.uuid() });
export type RouteNeedCommand = z.input<typeof routeNeedCommand>;
export type RouteOutcome = 'dispatched' | 'unrouted' | 'skipped';

export class RouteNeed {
  constructor(
    private readonly rounds: DispatchRounds,
    private readonly emergency: EmergencyPolicy,
  ) {}

  /**
   * A person in danger is never left unrouted because no team of the category has a group: the
   * nearest emergency team takes the round (its members get the card privately even where the
   * team has no bound group).
   */
  private async emergencyTeam(w: Work, need: NeedRow, tree: ReadonlyMap<string, OrgNode>) {
    if (!(await this.emergency.unitFor(w, need))) return null;
    const teams = (await w.repos.org.routableTeams(EMERGENCY_CATEGORY)).map((t) => ({ ...t, reachable: true }));
    return chooseRoute(tree, teams, { stationId: need.stationId, categoryCode: EMERGENCY_CATEGORY });
  }

  /** Idempotent: a need already routed is left alone. */
  async execute(w: Work, input: RouteNeedCommand): Promise<RouteOutcome> {
    const c = parseCommand(routeNeedCommand, input);
    if (!c.ok) return 'skipped';
    const need = await w.repos.needs.byId(c.value.needId);
    if (!need || need.status !== 'submitted') return 'skipped';
    const tree = await w.repos.org.tree();
    const teams = await w.repos.org.routableTeams(need.categoryCode);
    const choice = chooseRoute(tree, teams, { stationId: need.stationId, categoryCode: need.categoryCode }) ?? (await this.emergencyTeam(w, need, tree));
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
      () => msg('need.dispatched', { code: need.code, ...nameParams('team', team, choice.team.code) }),
      Priority.status,
      need.channel,
    );
    return 'dispatched';
  }
}

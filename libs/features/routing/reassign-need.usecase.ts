// A coordinator sends a need to a team of their choosing (and so settles a 审单 review flag).
import type { ActorRow } from '@baiying/db';
import { err, nextStatus, ok, PurposeKey, type Result, Priority } from '@baiying/domain';
import { inScope, isCoordinator, msg, nameParams, needByCode, parseCommand, type Work } from '@baiying/kernel';
import { z } from 'zod';
import type { DispatchRounds } from './dispatch-rounds.js';

export const reassignNeedCommand = z.object({ needCode: z.string().min(1).max(40), teamCode: z.string().min(1).max(40) });
export type ReassignNeedCommand = z.input<typeof reassignNeedCommand>;

export class ReassignNeed {
  constructor(private readonly rounds: DispatchRounds) {}

  async execute(w: Work, actor: ActorRow, input: ReassignNeedCommand): Promise<Result<{ code: string; team: string; teamEn: string; changed: boolean }>> {
    const c = parseCommand(reassignNeedCommand, input);
    if (!c.ok) return c;
    if (!isCoordinator(actor)) return err('auth/not_coordinator');
    const need = await needByCode(w, c.value.needCode);
    if (!need) return err('need/not_found');
    if (!(await inScope(w, actor, need.stationId))) return err('auth/out_of_scope');
    const team = await w.repos.org.teamByCode(c.value.teamCode);
    if (!team) return err('team/not_found', { code: c.value.teamCode });
    if (!(await inScope(w, actor, team.orgUnitId))) return err('auth/out_of_scope');
    // Pressed again: the need is already out to that team, with nothing left to settle.
    const open = await w.repos.needs.openDispatchOf(need.id);
    if (need.status === 'dispatched' && open?.teamId === team.id && need.reviewReason === null)
      return ok({ code: need.code, team: team.name, teamEn: team.nameEn ?? team.name, changed: false });
    const to = nextStatus(need.status, 'reassign');
    if (!to.ok) return to;
    await this.rounds.closeOpen(w, need);
    // A coordinator's choice settles any review flag (审单 done).
    if (!(await w.repos.needs.apply(need.id, 'reassign', { ownerUnitId: team.orgUnitId, reviewReason: null }))) return err('need/invalid_transition');
    const unit = await w.repos.org.unit(team.orgUnitId);
    await this.rounds.open(w, need, team.id, team.orgUnitId, unit?.tier ?? 'station');
    const eventId = await w.repos.needs.event(need.id, 'reassign', actor.personId, { teamId: team.id });
    await w.out.toPerson(
      need.residentId,
      PurposeKey.needReassigned(need.id, eventId),
      'need-dispatched',
      () => msg('need.dispatched', { code: need.code, ...nameParams('team', team) }),
      Priority.status,
      need.channel,
    );
    return ok({ code: need.code, team: team.name, teamEn: team.nameEn ?? team.name, changed: true });
  }
}

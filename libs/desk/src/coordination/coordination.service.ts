// Coordinators' desk: what needs attention in their scope, and closing a need unfulfilled
// with a reason and a promised date (限时兑现).
import type { ActorRow } from '@baiying/db';
import { err, ok, type Result } from '@baiying/domain';
import { Priority } from '@baiying/queue';
import { inScope, unitsInScope } from '../shared/notify.js';
import { msg } from '../shared/render.js';
import type { RoutingService } from '../routing/routing.service.js';
import type { Work } from '../unit-of-work.js';

export class CoordinationService {
  constructor(private readonly routing: RoutingService) {}

  async pending(w: Work, actor: ActorRow) {
    if (actor.coordinatorUnitIds.length === 0) return err('auth/not_coordinator');
    const units = await unitsInScope(w, actor.coordinatorUnitIds);
    return ok(await w.repos.needs.inScope(units, ['unrouted', 'dispatched', 'done', 'submitted']));
  }

  async close(w: Work, actor: ActorRow, code: string, promised: string, reason: string): Promise<Result<{ code: string; date: string }>> {
    if (actor.coordinatorUnitIds.length === 0) return err('auth/not_coordinator');
    const need = await w.repos.needs.byCode(code);
    if (!need) return err('need/not_found');
    if (!(await inScope(w, actor.coordinatorUnitIds, need.stationId))) return err('auth/out_of_scope');
    const date = parseDate(promised, w.now);
    if (!date) return err('input/bad_date');
    if (!(await w.repos.needs.transition(need.id, ['submitted', 'dispatched', 'unrouted'], 'unfulfilled', { closeReason: reason.slice(0, 500), promisedDate: date }))) {
      return err('need/invalid_transition');
    }
    const open = await w.repos.needs.openDispatchOf(need.id);
    if (open) {
      await w.repos.needs.closeDispatch(open.id, 'superseded');
      await this.routing.editCards(w, open.id, need, { key: 'card.closed', params: {} });
    }
    await w.repos.needs.event(need.id, 'close_unfulfilled', actor.personId, { reason, promised });
    const iso = date.toISOString().slice(0, 10);
    await w.out.toPerson(need.residentId, `need.${need.id}.unfulfilled`, 'need-unfulfilled', msg('need.closed_unfulfilled', { code: need.code, reason, date: iso }), Priority.status, need.channel);
    return ok({ code: need.code, date: iso });
  }
}

function parseDate(text: string, now: Date): Date | null {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text.normalize('NFKC').trim());
  if (!m) return null;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (Number.isNaN(d.getTime()) || d.getUTCDate() !== Number(m[3])) return null;
  const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  return d < today ? null : d;
}

// The SLA of a dispatch round passed untaken: escalate 站 → 所 → 中心, then to coordinators.
// In emergency mode an untaken emergency goes straight to the county centre.
import { chooseRoute, PurposeKey, Priority } from '@baiying/domain';
import { alertCoordinators, msg, nameParams, parseCommand, type Work } from '@baiying/kernel';
import { en, zh } from '@baiying/i18n';
import { z } from 'zod';
import type { EmergencyPolicy } from '../emergency/index.js';
import type { DispatchRounds } from './dispatch-rounds.js';
import { publicFacts } from './job-card.render.js';

export const escalateDispatchCommand = z.object({ dispatchId: z.uuid() });
export type EscalateDispatchCommand = z.input<typeof escalateDispatchCommand>;
export type EscalateOutcome = 'escalated' | 'unrouted' | 'skipped';

/** A timer firing this much early (clock skew between processes) still counts as due. */
const EARLY_TOLERANCE_MS = 1000;

export class EscalateDispatch {
  constructor(
    private readonly rounds: DispatchRounds,
    private readonly emergency: EmergencyPolicy,
  ) {}

  /** Idempotent per dispatch. */
  async execute(w: Work, input: EscalateDispatchCommand): Promise<EscalateOutcome> {
    const c = parseCommand(escalateDispatchCommand, input);
    if (!c.ok) return 'skipped';
    const d = await w.repos.needs.dispatch(c.value.dispatchId);
    if (!d || d.status !== 'open') return 'skipped';
    if (d.slaDueAt.getTime() > w.now.getTime() + EARLY_TOLERANCE_MS) return 'skipped'; // early: a re-added job
    const need = await w.repos.needs.byId(d.needId);
    if (!need || need.status !== 'dispatched') return 'skipped';
    if (!(await w.repos.needs.closeDispatch(d.id, 'escalated'))) return 'skipped';
    const tree = await w.repos.org.tree();
    const teams = await w.repos.org.routableTeams(need.categoryCode);
    const aboveUnitId = (await this.emergency.unitFor(w, need)) ? this.emergency.escalateAbove(tree, d.orgUnitId) : d.orgUnitId;
    const choice = chooseRoute(tree, teams, { stationId: need.stationId, categoryCode: need.categoryCode, aboveUnitId });
    if (!choice) {
      await this.rounds.editCards(w, d.id, need, { key: 'card.escalated', params: { unit: zh('coordinators.name'), unitEn: en('coordinators.name') } });
      await this.rounds.markUnrouted(w, need);
      return 'unrouted';
    }
    if (!(await w.repos.needs.apply(need.id, 'escalate', { ownerUnitId: choice.unit.id }))) return 'skipped';
    await this.rounds.editCards(w, d.id, need, { key: 'card.escalated', params: nameParams('unit', choice.unit) });
    await this.rounds.open(w, need, choice.team.id, choice.unit.id, choice.unit.tier);
    await w.repos.needs.event(need.id, 'escalate', null, { from: d.orgUnitId, to: choice.unit.id });
    await w.out.toPerson(
      need.residentId,
      PurposeKey.needEscalated(need.id, d.id),
      'need-escalated',
      () => msg('need.escalated', { code: need.code, ...nameParams('unit', choice.unit) }),
      Priority.status,
      need.channel,
    );
    const minutes = Math.round((d.slaDueAt.getTime() - d.createdAt.getTime()) / 60_000);
    const from = tree.get(d.orgUnitId);
    await alertCoordinators(w, choice.unit.id, PurposeKey.alert('escalated', d.id), () =>
      msg('alert.escalated', { ...publicFacts(need), ...nameParams('from', from), ...nameParams('to', choice.unit), minutes: Math.max(minutes, 0) }),
    );
    return 'escalated';
  }
}

// 中心派单: routes needs to a team, escalates untaken ones up the tiers, lets coordinators
// reassign. Called by the worker's job processors and the coordinator's commands.
import type { NeedRow } from '@baiying/db';
import { ancestry, chooseRoute, err, nextStatus, ok, slaMs, type OrgNode, type OrgTier, type Result } from '@baiying/domain';
import { zh } from '@baiying/i18n';
import type { MessageKey } from '@baiying/i18n';
import { Priority } from '@baiying/queue';
import type { ActorRow } from '@baiying/db';
import type { ActionCodec } from '../shared/action-codec.js';
import { alertCoordinators, inScope } from '../shared/notify.js';
import { jobCard, msg, publicFacts } from '../shared/render.js';
import type { Work } from '../unit-of-work.js';

export class RoutingService {
  constructor(private readonly codec: ActionCodec) {}

  /** need.submitted → first dispatch. Idempotent: a need already routed is left alone. */
  async route(w: Work, needId: string): Promise<'dispatched' | 'unrouted' | 'skipped'> {
    const need = await w.repos.needs.byId(needId);
    if (!need || need.status !== 'submitted') return 'skipped';
    const tree = await w.repos.org.tree();
    const teams = await w.repos.org.routableTeams(need.categoryCode);
    const choice = chooseRoute(tree, teams, { stationId: need.stationId, categoryCode: need.categoryCode });
    if (!choice) {
      await this.markUnrouted(w, need, ['submitted']);
      return 'unrouted';
    }
    if (!(await w.repos.needs.transition(need.id, ['submitted'], 'dispatched', { ownerUnitId: choice.unit.id }))) return 'skipped';
    await this.openRound(w, need, choice.team.id, choice.unit.id, choice.unit.tier);
    await w.repos.needs.event(need.id, 'route', null, { teamId: choice.team.id, tier: choice.unit.tier });
    const team = await w.repos.org.team(choice.team.id);
    await w.out.toPerson(need.residentId, `need.${need.id}.dispatched`, 'need-dispatched', msg('need.dispatched', { code: need.code, team: team?.name ?? choice.team.code }), Priority.status, need.channel);
    return 'dispatched';
  }

  /** SLA passed: escalate 站 → 所 → 中心, then coordinators. Idempotent per dispatch. */
  async escalate(w: Work, dispatchId: string): Promise<'escalated' | 'unrouted' | 'skipped'> {
    const d = await w.repos.needs.dispatch(dispatchId);
    if (!d || d.status !== 'open') return 'skipped';
    if (d.slaDueAt.getTime() > w.now.getTime() + 1000) return 'skipped'; // early (clock skew or re-added job)
    const need = await w.repos.needs.byId(d.needId);
    if (!need || need.status !== 'dispatched') return 'skipped';
    if (!(await w.repos.needs.closeDispatch(d.id, 'escalated'))) return 'skipped';
    const tree = await w.repos.org.tree();
    const teams = await w.repos.org.routableTeams(need.categoryCode);
    // 平战结合: in emergency mode an untaken emergency goes straight to the county centre.
    const chain = ancestry(tree, d.orgUnitId);
    const skipTo = (await this.emergencyUnit(w, need)) && chain.length >= 2 ? chain[chain.length - 2]!.id : d.orgUnitId;
    const choice = chooseRoute(tree, teams, { stationId: need.stationId, categoryCode: need.categoryCode, aboveUnitId: skipTo });
    const fromUnit = tree.get(d.orgUnitId);
    const minutes = Math.round((d.slaDueAt.getTime() - d.createdAt.getTime()) / 60_000);
    const facts = publicFacts(need);
    if (!choice) {
      await this.editCards(w, d.id, need, { key: 'card.escalated', params: { unit: '管理员 / coordinators' } });
      await this.markUnrouted(w, need, ['dispatched']);
      return 'unrouted';
    }
    if (!(await w.repos.needs.transition(need.id, ['dispatched'], 'dispatched', { ownerUnitId: choice.unit.id }))) return 'skipped';
    await this.editCards(w, d.id, need, { key: 'card.escalated', params: { unit: choice.unit.name } });
    await this.openRound(w, need, choice.team.id, choice.unit.id, choice.unit.tier);
    await w.repos.needs.event(need.id, 'escalate', null, { from: d.orgUnitId, to: choice.unit.id });
    await w.out.toPerson(need.residentId, `need.${need.id}.escalated.${d.id}`, 'need-escalated', msg('need.escalated', { code: need.code, unit: choice.unit.name }), Priority.status, need.channel);
    await alertCoordinators(
      w,
      choice.unit.id,
      `alert.escalated.${d.id}`,
      msg('alert.escalated', { ...facts, from: fromUnit?.name ?? '', to: choice.unit.name, minutes: Math.max(minutes, 0) }),
    );
    return 'escalated';
  }

  /** A coordinator sends a need to a team of their choosing. */
  async reassign(w: Work, actor: ActorRow, code: string, teamCode: string): Promise<Result<{ code: string; team: string }>> {
    if (actor.coordinatorUnitIds.length === 0) return err('auth/not_coordinator');
    const need = await w.repos.needs.byCode(code);
    if (!need) return err('need/not_found');
    if (!(await inScope(w, actor.coordinatorUnitIds, need.stationId))) return err('auth/out_of_scope');
    const team = await w.repos.org.teamByCode(teamCode);
    if (!team) return err('team/not_found', { code: teamCode });
    if (!(await inScope(w, actor.coordinatorUnitIds, team.orgUnitId))) return err('auth/out_of_scope');
    const to = nextStatus(need.status, 'reassign');
    if (!to.ok) return to;
    const open = await w.repos.needs.openDispatchOf(need.id);
    if (open) {
      await w.repos.needs.closeDispatch(open.id, 'superseded');
      await this.editCards(w, open.id, need, { key: 'card.closed', params: {} });
    }
    // A coordinator's choice settles any review flag (审单 done).
    if (!(await w.repos.needs.transition(need.id, ['submitted', 'dispatched', 'unrouted'], 'dispatched', { ownerUnitId: team.orgUnitId, reviewReason: null }))) {
      return err('need/invalid_transition');
    }
    const unit = await w.repos.org.unit(team.orgUnitId);
    await this.openRound(w, need, team.id, team.orgUnitId, unit?.tier ?? 'station');
    const eventId = await w.repos.needs.event(need.id, 'reassign', actor.personId, { teamId: team.id });
    await w.out.toPerson(need.residentId, `need.${need.id}.reassigned.${eventId}`, 'need-dispatched', msg('need.dispatched', { code: need.code, team: team.name }), Priority.status, need.channel);
    return ok({ code: need.code, team: team.name });
  }

  /**
   * The unit in emergency mode (平战结合) that covers this need, when the need is of the
   * emergency category or urgent; null in daily mode.
   */
  async emergencyUnit(w: Work, need: NeedRow): Promise<OrgNode | null> {
    if (need.categoryCode !== 'emergency' && need.urgency !== 'urgent') return null;
    const tree = await w.repos.org.tree();
    return ancestry(tree, need.stationId).find((u) => tree.get(u.id)?.emergencyMode === true) ?? null;
  }

  /** Opens a dispatch round: job cards to every chat bound to the team, SLA timer. */
  async openRound(w: Work, need: NeedRow, teamId: string, unitId: string, tier: OrgTier): Promise<string> {
    const emergency = await this.emergencyUnit(w, need);
    const cfg = w.deps.config;
    const sla = emergency
      ? Math.max(1, Math.round(cfg.emergencySlaMinutes * 60_000 * cfg.sla.timeFactor))
      : slaMs(cfg.sla, tier, need.urgency === 'urgent' ? 'urgent' : 'normal');
    const due = new Date(w.now.getTime() + sla);
    const d = await w.repos.needs.openDispatch(need.id, teamId, unitId, tier, due);
    const chats = await w.repos.org.teamChats(teamId);
    const base = jobCard(need, this.codec, d.id);
    const card = emergency ? { ...base, text: `${zh('banner.emergency')}\n${base.text}` } : base;
    for (const c of chats) {
      w.out.to({ channel: c.channel, chatId: c.chatId }, `card.${d.id}.${c.id}`, 'job-card', card, need.urgency === 'urgent' || emergency ? Priority.interactive : Priority.card);
    }
    if (emergency) {
      // Every emergency-team member of the area gets the card privately, with their own take button.
      const direct = { ...card, buttons: [[{ label: card.buttons?.[0]?.[0]?.label ?? '接单', data: this.codec.encode({ kind: 'take_direct', dispatchId: d.id }), keyword: `接单 ${need.code}` }]] };
      for (const personId of await w.repos.calls.emergencyMembers(emergency.id)) {
        await w.out.toPerson(personId, `card.${d.id}.p.${personId}`, 'job-card-direct', direct, Priority.interactive);
      }
    }
    w.timer({ name: 'escalate-dispatch', payload: { dispatchId: d.id }, at: due });
    return d.id;
  }

  /** Rewrites every card of a dispatch (taken, escalated, closed); buttons disappear. */
  async editCards(w: Work, dispatchId: string, need: NeedRow, footer: { key: MessageKey; params: Record<string, string> }): Promise<void> {
    const cards = await w.repos.messaging.sentWithPrefix(`card.${dispatchId}.`);
    const edited = jobCard(need, this.codec, dispatchId, footer);
    for (const c of cards) {
      w.out.edit({ channel: c.channel, chatId: c.chatId, purposeKey: c.purposeKey }, `${c.purposeKey}.edit.${footer.key}`, 'job-card-edit', edited);
    }
  }

  private async markUnrouted(w: Work, need: NeedRow, from: Array<'submitted' | 'dispatched'>): Promise<void> {
    if (!(await w.repos.needs.transition(need.id, from, 'unrouted'))) return;
    await w.repos.needs.event(need.id, 'no_route', null);
    await w.out.toPerson(need.residentId, `need.${need.id}.unrouted`, 'need-unrouted', msg('need.unrouted', { code: need.code }), Priority.status, need.channel);
    await alertCoordinators(w, need.stationId, `alert.unrouted.${need.id}`, msg('alert.unrouted', publicFacts(need)));
  }
}

// 志愿者接单: the take race, on-my-way, release with a reason, done with hours.
import type { ActorRow } from '@baiying/db';
import { err, nextStatus, ok, parseHours, type Result } from '@baiying/domain';
import { Priority } from '@baiying/queue';
import type { ActionCodec } from '../shared/action-codec.js';
import { alertCoordinators } from '../shared/notify.js';
import { confirmButtons, msg, privateDetails } from '../shared/render.js';
import type { RoutingService } from '../routing/routing.service.js';
import type { Work } from '../unit-of-work.js';

export class ClaimsService {
  constructor(
    private readonly codec: ActionCodec,
    private readonly routing: RoutingService,
  ) {}

  /**
   * "我来接单": exactly one winner; everyone else gets a reason. `direct`: pressed on a card sent
   * privately in emergency mode, open to every emergency-team member of the area.
   */
  async take(w: Work, actor: ActorRow, dispatchId: string, direct = false): Promise<Result<{ code: string }>> {
    const d = await w.repos.needs.dispatch(dispatchId);
    if (!d || !d.teamId) return err('need/not_found');
    if (direct) {
      const need = await w.repos.needs.byId(d.needId);
      const unit = need ? await this.routing.emergencyUnit(w, need) : null;
      if (!unit) return err('need/stale_card');
      if (actor.volunteer?.status !== 'approved') return err(actor.volunteer ? 'claim/not_approved' : 'claim/not_volunteer');
      if (!(await w.repos.calls.isEmergencyMember(actor.personId, unit.id))) return err('claim/not_member');
    } else {
      const membership = await w.repos.volunteers.isApprovedMember(actor.personId, d.teamId);
      if (!membership.volunteer) return err('claim/not_volunteer');
      if (!membership.approved) return err('claim/not_approved');
      if (!membership.member) return err('claim/not_member');
    }
    if (d.status !== 'open') {
      return err(d.status === 'claimed' ? 'need/already_taken' : 'need/stale_card');
    }
    const won = await w.repos.needs.take(dispatchId, actor.personId);
    if (!won) {
      const again = await w.repos.needs.dispatch(dispatchId);
      return err(again?.status === 'claimed' ? 'need/already_taken' : 'need/not_open');
    }
    const need = (await w.repos.needs.byId(won.needId))!;
    await w.repos.needs.event(need.id, 'take', actor.personId, { claimId: won.claimId });
    await this.routing.editCards(w, dispatchId, need, { key: 'card.taken', params: { volunteer: actor.displayName } });
    await w.out.toPerson(actor.personId, `claim.${won.claimId}.details`, 'job-details', privateDetails(need, w.deps.cipher, this.codec, won.claimId), Priority.interactive);
    await w.out.toPerson(need.residentId, `need.${need.id}.taken.${won.claimId}`, 'need-taken', msg('need.taken', { code: need.code, volunteer: actor.displayName }), Priority.status, need.channel);
    return ok({ code: need.code });
  }

  async setOff(w: Work, actor: ActorRow, claimId: string): Promise<Result<{ code: string }>> {
    const c = await this.ownActiveClaim(w, actor, claimId);
    if (!c.ok) return c;
    const { need } = c.value;
    const to = nextStatus(need.status, 'set_off');
    if (!to.ok) return to;
    if (!(await w.repos.needs.transition(need.id, ['claimed'], 'en_route'))) return err('need/invalid_transition');
    await w.repos.needs.event(need.id, 'set_off', actor.personId);
    await w.out.toPerson(need.residentId, `need.${need.id}.en_route.${claimId}`, 'need-en-route', msg('need.en_route', { code: need.code, volunteer: actor.displayName }), Priority.status, need.channel);
    return ok({ code: need.code });
  }

  /** Pressing "done" asks for the hours; this validates that the claim can finish. */
  async canFinish(w: Work, actor: ActorRow, claimId: string): Promise<Result<{ code: string; defaultHours: number }>> {
    const c = await this.ownActiveClaim(w, actor, claimId);
    if (!c.ok) return c;
    const to = nextStatus(c.value.need.status, 'finish');
    if (!to.ok) return to;
    return ok({ code: c.value.need.code, defaultHours: Number(c.value.need.category.defaultHours) });
  }

  async finish(w: Work, actor: ActorRow, claimId: string, hoursText: string | number): Promise<Result<{ code: string; hours: number }>> {
    const hours = typeof hoursText === 'number' ? (hoursText >= 0.25 && hoursText <= 24 ? hoursText : null) : parseHours(hoursText);
    if (hours === null) return err('input/bad_hours');
    const c = await this.ownActiveClaim(w, actor, claimId);
    if (!c.ok) return c;
    const { need } = c.value;
    if (!(await w.repos.needs.transition(need.id, ['claimed', 'en_route'], 'done'))) return err('need/invalid_transition');
    const record = await w.repos.needs.createServiceRecord(need.id, claimId, actor.personId, hours);
    const eventId = await w.repos.needs.event(need.id, 'finish', actor.personId, { hours });
    w.timer({ name: 'credit-timeout', payload: { serviceRecordId: record.id }, at: new Date(w.now.getTime() + w.deps.config.creditTimeoutHours * 3_600_000) });
    await w.out.toPerson(
      need.residentId,
      `need.${need.id}.ask_confirm.${eventId}`,
      'need-ask-confirm',
      msg('need.ask_confirm', { code: need.code, volunteer: actor.displayName }, confirmButtons(this.codec, need.id)),
      Priority.status,
      need.channel,
    );
    return ok({ code: need.code, hours });
  }

  /** Validates a release before asking for its reason. */
  async canRelease(w: Work, actor: ActorRow, claimId: string): Promise<Result<{ code: string }>> {
    const c = await this.ownActiveClaim(w, actor, claimId);
    if (!c.ok) return c;
    const to = nextStatus(c.value.need.status, 'release');
    return to.ok ? ok({ code: c.value.need.code }) : to;
  }

  /** 放弃: re-opens the need in a new dispatch round to the same team, with the reason kept. */
  async release(w: Work, actor: ActorRow, claimId: string, reason: string): Promise<Result<{ code: string }>> {
    const c = await this.ownActiveClaim(w, actor, claimId);
    if (!c.ok) return c;
    const { need, claim } = c.value;
    if (!(await w.repos.needs.transition(need.id, ['claimed', 'en_route'], 'dispatched', { claimedById: null }))) return err('need/invalid_transition');
    await w.repos.needs.endClaim(claimId, 'released', reason);
    await w.repos.needs.event(need.id, 'release', actor.personId, { reason });
    const prev = await w.repos.needs.dispatch(claim.dispatchId);
    await this.routing.editCards(w, claim.dispatchId, need, { key: 'card.reopened', params: {} });
    const fresh = (await w.repos.needs.byId(need.id))!;
    await this.routing.openRound(w, fresh, prev!.teamId!, prev!.orgUnitId, prev!.tier);
    await w.out.toPerson(need.residentId, `need.${need.id}.released.${claimId}`, 'need-released', msg('need.released', { code: need.code }), Priority.status, need.channel);
    await alertCoordinators(w, need.ownerUnitId, `alert.released.${claimId}`, msg('alert.released', { code: need.code, volunteer: actor.displayName, reason }));
    return ok({ code: need.code });
  }

  private async ownActiveClaim(w: Work, actor: ActorRow, claimId: string) {
    const claim = await w.repos.needs.claim(claimId);
    if (!claim) return err('need/not_found');
    if (claim.volunteerId !== actor.personId) return err('claim/not_yours');
    if (claim.status !== 'active') return err('need/not_open');
    const need = await w.repos.needs.byId(claim.needId);
    if (!need) return err('need/not_found');
    return ok({ claim, need });
  }
}

// 群众评单: the resident confirms (or disputes) and rates; hours and points are credited on
// confirmation, by a coordinator's verification, or after the configured timeout.
import type { ActorRow, NeedRow } from '@baiying/db';
import { err, ok, pointsFor, type Result } from '@baiying/domain';
import { Priority } from '@baiying/queue';
import type { ActionCodec } from '../shared/action-codec.js';
import { alertCoordinators, inScope } from '../shared/notify.js';
import { msg, ratingButtons } from '../shared/render.js';
import type { Work } from '../unit-of-work.js';

type CreditedBy = 'resident' | 'coordinator' | 'timeout';

export class CompletionService {
  constructor(private readonly codec: ActionCodec) {}

  async respond(w: Work, actor: ActorRow, needId: string, yes: boolean): Promise<Result<{ code: string; confirmed: boolean }>> {
    const need = await w.repos.needs.byId(needId);
    if (!need) return err('need/not_found');
    if (need.residentId !== actor.personId) return err('need/not_yours');
    if (need.status !== 'done') return err('need/not_done');
    if (yes) {
      const done = await this.credit(w, need, 'resident', actor.personId);
      if (!done) return err('need/not_done');
      await w.out.toPerson(actor.personId, `need.${need.id}.ask_rating`, 'need-ask-rating', msg('need.ask_rating', {}, ratingButtons(this.codec, need.id)), Priority.interactive, need.channel);
      return ok({ code: need.code, confirmed: true });
    }
    if (!(await w.repos.needs.transition(need.id, ['done'], 'claimed'))) return err('need/not_done');
    const record = await w.repos.needs.pendingRecordOf(need.id);
    if (record) await w.repos.needs.voidRecord(record.id);
    const eventId = await w.repos.needs.event(need.id, 'dispute', actor.personId);
    const claim = await w.repos.needs.activeClaim(need.id);
    if (claim) {
      await w.out.toPerson(claim.volunteerId, `claim.${claim.id}.disputed.${eventId}`, 'claim-disputed', msg('dispute.volunteer', { code: need.code }), Priority.status);
    }
    await alertCoordinators(w, need.ownerUnitId, `alert.disputed.${eventId}`, msg('alert.disputed', { code: need.code, volunteer: claim?.volunteer.displayName ?? '-' }));
    return ok({ code: need.code, confirmed: false });
  }

  async rate(w: Work, actor: ActorRow, needId: string, score: number): Promise<Result<{ code: string }>> {
    if (!Number.isInteger(score) || score < 1 || score > 5) return err('input/bad_rating');
    const need = await w.repos.needs.byId(needId);
    if (!need) return err('need/not_found');
    if (need.residentId !== actor.personId) return err('need/not_yours');
    if (need.status !== 'confirmed') return err('need/not_done');
    const claim = await w.repos.needs.lastCompletedClaim(need.id);
    if (!(await w.repos.needs.rate(need.id, actor.personId, claim?.volunteerId ?? null, score))) return err('need/already_rated');
    await w.repos.needs.event(need.id, 'rate', actor.personId, { score });
    if (claim) await w.out.toPerson(claim.volunteerId, `need.${need.id}.rated`, 'need-rated', msg('rating.volunteer', { code: need.code, score }), Priority.status);
    return ok({ code: need.code });
  }

  async comment(w: Work, actor: ActorRow, needId: string, comment: string): Promise<Result<{ code: string }>> {
    const need = await w.repos.needs.byId(needId);
    if (!need) return err('need/not_found');
    if (need.residentId !== actor.personId) return err('need/not_yours');
    await w.repos.needs.commentRating(need.id, comment.slice(0, 500));
    return ok({ code: need.code });
  }

  /** The credit timer fired: if the resident never answered, confirm by rule. */
  async creditTimeout(w: Work, serviceRecordId: string): Promise<'credited' | 'skipped'> {
    const record = await w.repos.needs.serviceRecord(serviceRecordId);
    if (!record || record.status !== 'pending') return 'skipped';
    if (record.createdAt.getTime() + w.deps.config.creditTimeoutHours * 3_600_000 > w.now.getTime() + 1000) return 'skipped';
    const need = await w.repos.needs.byId(record.needId);
    if (!need || need.status !== 'done') return 'skipped';
    if (!(await this.credit(w, need, 'timeout', null))) return 'skipped';
    await w.out.toPerson(need.residentId, `need.${need.id}.auto_confirmed`, 'need-auto-confirmed', msg('need.auto_confirmed', { code: need.code }, ratingButtons(this.codec, need.id)), Priority.status, need.channel);
    return 'credited';
  }

  /** /verify: a coordinator confirms completion for a resident who cannot. */
  async verify(w: Work, actor: ActorRow, code: string): Promise<Result<{ code: string }>> {
    if (actor.coordinatorUnitIds.length === 0) return err('auth/not_coordinator');
    const need = await w.repos.needs.byCode(code);
    if (!need) return err('need/not_found');
    if (!(await inScope(w, actor.coordinatorUnitIds, need.stationId))) return err('auth/out_of_scope');
    if (need.status !== 'done') return err('need/not_done');
    if (!(await this.credit(w, need, 'coordinator', actor.personId))) return err('need/not_done');
    await w.out.toPerson(need.residentId, `need.${need.id}.coordinator_confirmed`, 'need-verified', msg('need.coordinator_confirmed', { code: need.code }, ratingButtons(this.codec, need.id)), Priority.status, need.channel);
    return ok({ code: need.code });
  }

  /** done → confirmed, record credited, points appended, claim completed: all or nothing. */
  private async credit(w: Work, need: NeedRow, by: CreditedBy, actorId: string | null): Promise<boolean> {
    const record = await w.repos.needs.pendingRecordOf(need.id);
    if (!record) return false;
    if (!(await w.repos.needs.transition(need.id, ['done'], 'confirmed'))) return false;
    if (!(await w.repos.needs.creditRecord(record.id, by))) throw new Error('service record changed under a confirmed need');
    await w.repos.needs.endClaim(record.claimId, 'completed', null);
    const hours = Number(record.hours);
    const points = pointsFor(hours, w.deps.config.pointsPerHour);
    if (points > 0) await w.repos.needs.addPoints(record.volunteerId, points, `service ${need.code}`, `service_record:${record.id}`);
    await w.repos.needs.event(need.id, 'confirm', actorId, { by, hours, points });
    await w.out.toPerson(record.volunteerId, `record.${record.id}.credited`, 'hours-credited', msg('hours.credited', { code: need.code, hours, points }), Priority.status);
    return true;
  }
}

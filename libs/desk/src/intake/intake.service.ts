// 群众点单: saves a confirmed need with its readable code and the outbox event that routes it.
import type { ActorRow, Channel, NeedRow } from '@baiying/db';
import { err, formatNeedCode, isCancellable, needDay, ok, type Beneficiary, type Result, type Urgency } from '@baiying/domain';
import { Priority } from '@baiying/queue';
import { alertCoordinators } from '../shared/notify.js';
import { msg, publicFacts } from '../shared/render.js';
import type { RoutingService } from '../routing/routing.service.js';
import type { Work } from '../unit-of-work.js';

export interface NeedDraft {
  description: string;
  truncated: boolean;
  categoryCode: string;
  stationId: string;
  address: string | null;
  location: { lat: number; lng: number } | null;
  wantedTime: string | null;
  phone: string | null;
  beneficiary: Beneficiary;
  urgency: Urgency;
  attachments: Array<{ kind: string; fileRef: string }>;
  /** Why a coordinator should check this need (审单), e.g. the category stayed uncertain. */
  reviewReason?: string | null;
}

export class IntakeService {
  constructor(private readonly routing: RoutingService) {}

  async submit(w: Work, actor: ActorRow, channel: Channel, draft: NeedDraft): Promise<Result<NeedRow>> {
    const category = await w.repos.org.category(draft.categoryCode);
    const station = await w.repos.org.unit(draft.stationId);
    if (!category || !station) return err('need/invalid_transition');
    const { cipher } = w.deps;
    const day = needDay(w.now, w.deps.config.timeZone);
    const code = formatNeedCode(day, await w.repos.needs.nextNumber(day));
    const need = await w.repos.needs.create({
      code,
      residentId: actor.personId,
      channel,
      categoryCode: category.code,
      stationId: station.id,
      descriptionEnc: cipher.encrypt(draft.description),
      addressEnc: cipher.encryptOptional(draft.address),
      locationEnc: draft.location ? cipher.encrypt(`${draft.location.lat},${draft.location.lng}`) : null,
      phoneEnc: cipher.encryptOptional(draft.phone),
      wantedTime: draft.wantedTime?.slice(0, 200) ?? null,
      beneficiary: draft.beneficiary,
      urgency: category.code === 'emergency' ? 'urgent' : draft.urgency,
      truncated: draft.truncated,
      reviewReason: draft.reviewReason ?? null,
      attachments: draft.attachments,
    });
    await w.repos.needs.event(need.id, 'submit', actor.personId, { review: draft.reviewReason ?? null });
    await w.needSubmitted(need.id);
    if (draft.reviewReason) {
      // Routed on the resident's own choice, and flagged so a person checks it (审单).
      await alertCoordinators(w, station.id, `alert.review.${need.id}`, msg('alert.review', publicFacts(need)));
    }
    return ok(need);
  }

  async mine(w: Work, actor: ActorRow): Promise<NeedRow[]> {
    return w.repos.needs.byResident(actor.personId);
  }

  async cancel(w: Work, actor: ActorRow, needId: string): Promise<Result<{ code: string }>> {
    const need = await w.repos.needs.byId(needId);
    if (!need) return err('need/not_found');
    if (need.residentId !== actor.personId) return err('need/not_yours');
    if (!isCancellable(need.status)) return err('need/cannot_cancel', { code: need.code });
    if (!(await w.repos.needs.transition(need.id, ['submitted', 'dispatched', 'unrouted'], 'cancelled'))) return err('need/cannot_cancel', { code: need.code });
    const open = await w.repos.needs.openDispatchOf(need.id);
    if (open) {
      await w.repos.needs.closeDispatch(open.id, 'superseded');
      await this.routing.editCards(w, open.id, need, { key: 'card.closed', params: {} });
    }
    await w.repos.needs.event(need.id, 'cancel', actor.personId);
    await w.out.toPerson(actor.personId, `need.${need.id}.cancelled`, 'need-cancelled', msg('need.cancelled', { code: need.code }), Priority.interactive, need.channel);
    return ok({ code: need.code });
  }
}

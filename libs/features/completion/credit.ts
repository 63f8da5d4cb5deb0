// Crediting a confirmed job: done → confirmed, the service record credited, points appended to
// the ledger, the claim completed — all or nothing, whoever confirms.
import type { NeedRow } from '@baiying/db';
import { pointsFor, PurposeKey, Priority } from '@baiying/domain';
import { formatLocal, msg, rewriteAsked, type Work } from '@baiying/kernel';

export type CreditedBy = 'resident' | 'coordinator' | 'timeout';

export async function creditJob(w: Work, need: NeedRow, by: CreditedBy, actorId: string | null): Promise<boolean> {
  const record = await w.repos.needs.pendingRecordOf(need.id);
  if (!record) return false;
  if (!(await w.repos.needs.apply(need.id, 'confirm'))) return false;
  if (!(await w.repos.needs.creditRecord(record.id, by))) throw new Error('service record changed under a confirmed need');
  await w.repos.needs.endClaim(record.claimId, 'completed', null);
  const hours = Number(record.hours);
  const points = pointsFor(hours, w.config.pointsPerHour);
  if (points > 0) await w.repos.needs.addPoints(record.volunteerId, points, `service ${need.code}`, `service_record:${record.id}`);
  await w.repos.needs.event(need.id, 'confirm', actorId, { by, hours, points });
  await settleAskConfirm(w, need, by);
  await w.out.toPerson(
    record.volunteerId,
    PurposeKey.recordCredited(record.id),
    'hours-credited',
    () => msg('hours.credited', { code: need.code, hours, points }),
    Priority.status,
  );
  return true;
}

/** Buttons that remember: every "is it done?" asked about this need now says how it was settled. */
export async function settleAskConfirm(w: Work, need: Pick<NeedRow, 'id' | 'code'>, how: CreditedBy | 'disputed'): Promise<void> {
  const at = w.now;
  const asks = (await w.repos.messaging.sentWithPrefix(PurposeKey.needAskConfirmsOf(need.id))).map((m) => ({
    askedKey: m.purposeKey,
    editKey: PurposeKey.settled(m.purposeKey),
  }));
  await rewriteAsked(w, asks, 'need-confirm-settled', () => msg(`need.confirm_settled.${how}`, { code: need.code, at: formatLocal(at, w.config.timeZone) }));
}

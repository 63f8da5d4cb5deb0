// The resident withdraws a need that nobody has taken yet; or a coordinator whose scope covers
// the need cancels it with a reason (kept encrypted), and the resident is told why.
import type { ActorRow } from '@baiying/db';
import { err, isCancellable, ok, PurposeKey, type Result, Priority } from '@baiying/domain';
import { findNeed, inScope, isCoordinator, msg, needRef, parseCommand, type Work } from '@baiying/kernel';
import { z } from 'zod';
import type { DispatchRounds } from '../routing/index.js';

/** A coordinator's cancel reason is kept up to this long. */
const REASON_CHARS = 500;

export const cancelNeedCommand = z.intersection(needRef, z.object({ reason: z.string().trim().min(1).max(2000).optional() }));
export type CancelNeedCommand = z.input<typeof cancelNeedCommand>;

export class CancelNeed {
  constructor(private readonly rounds: DispatchRounds) {}

  async execute(w: Work, actor: ActorRow, input: CancelNeedCommand): Promise<Result<{ code: string }>> {
    const c = parseCommand(cancelNeedCommand, input);
    if (!c.ok) return c;
    const need = await findNeed(w, c.value);
    if (!need) return err('need/not_found');
    const own = need.residentId === actor.personId;
    if (!own) {
      if (!isCoordinator(actor)) return err('need/not_yours');
      if (!(await inScope(w, actor, need.stationId))) return err('auth/out_of_scope');
    }
    const reason = own ? null : (c.value.reason ?? null);
    if (!own && !reason) return err('need/cancel_reason');
    if (!isCancellable(need.status)) return err('need/cannot_cancel', { code: need.code });
    if (!(await w.repos.needs.apply(need.id, 'cancel'))) return err('need/cannot_cancel', { code: need.code });
    await this.rounds.closeOpen(w, need);
    if (reason === null) {
      await w.repos.needs.event(need.id, 'cancel', actor.personId);
      await w.out.toPerson(
        actor.personId,
        PurposeKey.needCancelled(need.id),
        'need-cancelled',
        () => msg('need.cancelled', { code: need.code }),
        Priority.interactive,
        need.channel,
      );
      return ok({ code: need.code });
    }
    // Free text (can name people): encrypted in the need's history, like a close reason.
    const reasonEnc = w.deps.cipher.encrypt(reason.slice(0, REASON_CHARS));
    await w.repos.needs.event(need.id, 'cancel', actor.personId, { by: 'coordinator', reasonEnc });
    await w.out.toPerson(
      need.residentId,
      PurposeKey.needCancelled(need.id),
      'need-cancelled',
      () => msg('need.cancelled_by_coordinator', { code: need.code, reason }),
      Priority.status,
      need.channel,
    );
    return ok({ code: need.code });
  }
}

// The resident withdraws a need that nobody has taken yet.
import type { ActorRow } from '@baiying/db';
import { err, isCancellable, ok, PurposeKey, type Result, Priority } from '@baiying/domain';
import { findNeed, msg, needRef, parseCommand, type Work } from '@baiying/kernel';
import { type z } from 'zod';
import type { DispatchRounds } from '../routing/index.js';

export const cancelNeedCommand = needRef;
export type CancelNeedCommand = z.input<typeof cancelNeedCommand>;

export class CancelNeed {
  constructor(private readonly rounds: DispatchRounds) {}

  async execute(w: Work, actor: ActorRow, input: CancelNeedCommand): Promise<Result<{ code: string }>> {
    const c = parseCommand(cancelNeedCommand, input);
    if (!c.ok) return c;
    const need = await findNeed(w, c.value);
    if (!need) return err('need/not_found');
    if (need.residentId !== actor.personId) return err('need/not_yours');
    if (!isCancellable(need.status)) return err('need/cannot_cancel', { code: need.code });
    if (!(await w.repos.needs.apply(need.id, 'cancel'))) return err('need/cannot_cancel', { code: need.code });
    await this.rounds.closeOpen(w, need);
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
}

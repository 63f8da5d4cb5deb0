// 放弃: the taker gives the job back with a reason; it is re-posted to the same team in a new
// round, and coordinators hear why. (CheckRelease validates a press first.) Releases count
// towards the volunteer's release limit (TakeJob).
import type { ActorRow } from '@baiying/db';
import { err, ok, PurposeKey, type Result } from '@baiying/domain';
import { alertCoordinators, msg, parseCommand, type Work } from '@baiying/kernel';
import { z } from 'zod';
import type { DispatchRounds } from '../routing/index.js';
import { claimRef, ownActiveClaim } from './claim-access.js';
import { returnToPool } from './return-claim.js';

/** A release reason is kept up to this long. */
export const REASON_CHARS = 200;

export const releaseJobCommand = z.object({ claim: claimRef, reason: z.string().min(1).max(2000) });
export type ReleaseJobCommand = z.input<typeof releaseJobCommand>;

export class ReleaseJob {
  constructor(private readonly rounds: DispatchRounds) {}

  async execute(w: Work, actor: ActorRow, input: ReleaseJobCommand): Promise<Result<{ code: string }>> {
    const cmd = parseCommand(releaseJobCommand, input);
    if (!cmd.ok) return cmd;
    const reason = cmd.value.reason.trim().slice(0, REASON_CHARS);
    const c = await ownActiveClaim(w, actor, cmd.value.claim);
    if (!c.ok) return c;
    const { need, claim } = c.value;
    if (!(await returnToPool(w, this.rounds, need, claim, { words: reason }, actor.personId))) return err('need/invalid_transition');
    await alertCoordinators(w, need.ownerUnitId, PurposeKey.alert('released', claim.id), () =>
      msg('alert.released', { code: need.code, volunteer: actor.displayName, reason }),
    );
    return ok({ code: need.code });
  }
}

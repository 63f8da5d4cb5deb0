// The no-progress timer fired: a job taken (or set off, or disputed) and left without a further
// step for CLAIM_NO_PROGRESS_HOURS goes back to its team's pool; the volunteer is told and the
// area's coordinators are alerted. One timer per claim: while the claim progresses, it waits.
import { personName } from '@baiying/db';
import { PurposeKey, Priority } from '@baiying/domain';
import { alertCoordinators, msg, parseCommand, type Work } from '@baiying/kernel';
import { z } from 'zod';
import type { DispatchRounds } from '../routing/index.js';
import { returnToPool, TIMEOUT_REASON } from './return-claim.js';

export const claimTimeoutCommand = z.object({ claimId: z.uuid() });
export type ClaimTimeoutCommand = z.input<typeof claimTimeoutCommand>;

/** Returned, nothing to do, or not due yet: run again in `dueInMs` (the claim progressed). */
export type ClaimTimeoutOutcome = 'returned' | 'skipped' | { dueInMs: number };

/** A timer firing this much early (clock skew between processes) still counts as due. */
const EARLY_TOLERANCE_MS = 1000;

/** Statuses in which the taker owes the next step; `done` waits for the resident instead. */
const IN_PROGRESS = new Set(['claimed', 'en_route']);

export class ClaimTimeout {
  constructor(private readonly rounds: DispatchRounds) {}

  async execute(w: Work, input: ClaimTimeoutCommand): Promise<ClaimTimeoutOutcome> {
    const c = parseCommand(claimTimeoutCommand, input);
    if (!c.ok) return 'skipped';
    const claim = await w.repos.needs.claim(c.value.claimId);
    if (!claim || claim.status !== 'active') return 'skipped';
    const hours = w.config.claims.noProgressHours;
    const dueInMs = claim.progressAt.getTime() + hours * 3_600_000 - w.now.getTime();
    if (dueInMs > EARLY_TOLERANCE_MS) return { dueInMs };
    const need = await w.repos.needs.byId(claim.needId);
    if (!need || !IN_PROGRESS.has(need.status)) return 'skipped';
    if (!(await returnToPool(w, this.rounds, need, claim, { code: TIMEOUT_REASON }, null))) return 'skipped';
    await w.out.toPerson(
      claim.volunteerId,
      PurposeKey.claimTimedOut(claim.id),
      'claim-timed-out',
      () => msg('claim.timed_out', { code: need.code, hours }),
      Priority.status,
    );
    await alertCoordinators(w, need.ownerUnitId, PurposeKey.alert('claim_timeout', claim.id), () =>
      msg('alert.claim_timed_out', { code: need.code, volunteer: personName(w.deps.cipher, claim.volunteer), hours }),
    );
    return 'returned';
  }
}

// Pressing "done" asks for the hours; this checks first that the claim can finish.
import type { ActorRow } from '@baiying/db';
import { nextStatus, ok, type Result } from '@baiying/domain';
import { parseCommand, type Work } from '@baiying/kernel';
import { claimRef, ownActiveClaim, type ClaimRef } from './claim-access.js';

export class CheckFinish {
  async execute(w: Work, actor: ActorRow, input: ClaimRef): Promise<Result<{ code: string; defaultHours: number; maxHours: number | null }>> {
    const ref = parseCommand(claimRef, input);
    if (!ref.ok) return ref;
    const c = await ownActiveClaim(w, actor, ref.value);
    if (!c.ok) return c;
    const to = nextStatus(c.value.need.status, 'finish');
    if (!to.ok) return to;
    // After a dispute the first report's hours are the most a re-finish may record.
    const before = await w.repos.needs.recordOfClaim(c.value.claim.id);
    return ok({ code: c.value.need.code, defaultHours: Number(c.value.need.category.defaultHours), maxHours: before ? Number(before.hours) : null });
  }
}

// Pressing "release" asks for a reason; this checks first that the claim can be released.
import type { ActorRow } from '@baiying/db';
import { nextStatus, ok, type Result } from '@baiying/domain';
import { parseCommand, type Work } from '@baiying/kernel';
import { claimRef, ownActiveClaim, type ClaimRef } from './claim-access.js';

export class CheckRelease {
  async execute(w: Work, actor: ActorRow, input: ClaimRef): Promise<Result<{ code: string; claimId: string }>> {
    const ref = parseCommand(claimRef, input);
    if (!ref.ok) return ref;
    const c = await ownActiveClaim(w, actor, ref.value);
    if (!c.ok) return c;
    const to = nextStatus(c.value.need.status, 'release');
    return to.ok ? ok({ code: c.value.need.code, claimId: c.value.claim.id }) : to;
  }
}

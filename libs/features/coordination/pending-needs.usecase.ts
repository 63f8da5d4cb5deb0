// /pending: what needs a coordinator's attention in their scope (审单 flags first in the text).
import type { ActorRow, NeedRow } from '@baiying/db';
import { err, ok, type NeedStatus, type Result } from '@baiying/domain';
import { isCoordinator, unitsInScope, type Work } from '@baiying/kernel';

const ATTENTION: NeedStatus[] = ['unrouted', 'dispatched', 'done', 'submitted'];

export class PendingNeeds {
  async execute(w: Work, actor: ActorRow): Promise<Result<NeedRow[]>> {
    if (!isCoordinator(actor)) return err('auth/not_coordinator');
    return ok(await w.repos.needs.inScope(await unitsInScope(w, actor), ATTENTION));
  }
}

// Where the resident's own need stands (the rating keyword confirms a done need first).
import type { ActorRow } from '@baiying/db';
import { err, ok, type NeedStatus, type Result } from '@baiying/domain';
import { findNeed, parseCommand, needRef, type NeedRef, type Work } from '@baiying/kernel';

export class OwnNeedStatus {
  async execute(w: Work, actor: ActorRow, input: NeedRef): Promise<Result<NeedStatus>> {
    const ref = parseCommand(needRef, input);
    if (!ref.ok) return ref;
    const need = await findNeed(w, ref.value);
    if (!need) return err('need/not_found');
    if (need.residentId !== actor.personId) return err('need/not_yours');
    return ok(need.status);
  }
}

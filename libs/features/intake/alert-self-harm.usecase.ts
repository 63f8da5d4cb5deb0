// A self-harm signal alerts the county centre's coordinators at once, when it is read — not only
// when the need is submitted, which waits for the resident's place: a resident who never names one
// would otherwise never be heard of (issue 16, "alerts a coordinator at once"). The alert carries
// no words of the message, only that the chat was given the crisis hotline and is being asked for
// the place; the submitted need's own alert follows with its code. One per inbound update (a
// redelivered one is not alerted twice).
import { alertCoordinators, msg, type Work } from '@baiying/kernel';
import { maskName, Priority, PurposeKey } from '@baiying/domain';
import type { ActorRow } from '@baiying/db';

export class AlertSelfHarm {
  async execute(w: Work, actor: ActorRow, updateId: string): Promise<number> {
    const tree = await w.repos.org.tree();
    const root = [...tree.values()].find((u) => u.parentId === null);
    if (!root) return 0;
    const resident = maskName(actor.displayName);
    const subject = `${actor.personId}.${updateId}`.slice(0, 120);
    return alertCoordinators(
      w,
      root.id,
      PurposeKey.alert('self_harm', subject),
      () => msg('alert.self_harm', { resident: resident || '-', hotline: w.config.danger.crisisHotline }),
      Priority.emergency,
    );
  }
}

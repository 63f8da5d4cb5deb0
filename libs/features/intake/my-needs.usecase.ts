// The resident's own needs, newest first.
import type { ActorRow, NeedRow } from '@baiying/db';
import type { Work } from '@baiying/kernel';

/** How many of their needs a resident sees in /my. */
const MY_NEEDS_SHOWN = 10;

export class MyNeeds {
  async execute(w: Work, actor: ActorRow): Promise<NeedRow[]> {
    return w.repos.needs.byResident(actor.personId, MY_NEEDS_SHOWN);
  }
}

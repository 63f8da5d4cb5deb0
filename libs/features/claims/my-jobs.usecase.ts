// The volunteer's jobs in progress (/jobs).
import type { ActorRow } from '@baiying/db';
import type { Work } from '@baiying/kernel';

export class MyJobs {
  async execute(w: Work, actor: ActorRow) {
    return w.repos.needs.activeClaimsOf(actor.personId);
  }
}

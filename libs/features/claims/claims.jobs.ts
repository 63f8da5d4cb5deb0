// Claims' job: the no-progress timeout; the reconciler re-creates it for every claim whose taker
// owes the next step, due CLAIM_NO_PROGRESS_HOURS after its last progress.
import { Repos, type PrismaClient } from '@baiying/db';
import type { AppConfig } from '@baiying/config';
import type { FeatureJobs, UnitOfWork } from '@baiying/kernel';
import type { ClaimsFeature } from './claims.feature.js';

export function claimsJobs(uow: UnitOfWork, prisma: PrismaClient, config: AppConfig, f: ClaimsFeature): FeatureJobs {
  return {
    feature: 'claims',
    handlers: {
      'claim-timeout': async (p, control) => {
        const r = await uow.run((w) => f.timeout.execute(w, p));
        // The claim progressed since the timer was set: it waits for the new due time.
        return typeof r === 'object' ? control.deferTo(r.dueInMs) : r;
      },
    },
    reconcile: async ({ ensurer, clock }) => {
      const now = clock.now().getTime();
      const timeout = config.claims.noProgressHours * 3_600_000;
      let timeouts = 0;
      for (const c of await new Repos(prisma).needs.claimsAwaitingProgress()) {
        if (await ensurer.ensure('claim-timeout', { claimId: c.id }, c.progressAt.getTime() + timeout - now)) timeouts++;
      }
      return { timeouts };
    },
  };
}

// Completion's job: the credit timeout; the reconciler re-creates it for every pending record,
// due the full delay after the volunteer's last "done" report.
import { Repos, type PrismaClient } from '@baiying/db';
import type { FeatureJobs, UnitOfWork } from '@baiying/kernel';
import type { AppConfig } from '@baiying/config';
import type { CompletionFeature } from './completion.feature.js';

export function completionJobs(uow: UnitOfWork, prisma: PrismaClient, config: AppConfig, f: CompletionFeature): FeatureJobs {
  return {
    feature: 'completion',
    handlers: {
      'credit-timeout': async (p, control) => {
        const r = await uow.run((w) => f.creditTimeout.execute(w, p));
        // Not due yet (a re-finish restarted the clock): the job waits for the new due time.
        return typeof r === 'object' ? control.deferTo(r.dueInMs) : r;
      },
    },
    reconcile: async ({ ensurer, clock }) => {
      const now = clock.now().getTime();
      const timeout = config.creditTimeoutHours * 3_600_000;
      let credits = 0;
      for (const r of await new Repos(prisma).needs.pendingRecords()) {
        if (await ensurer.ensure('credit-timeout', { serviceRecordId: r.id }, r.finishedAt.getTime() + timeout - now)) credits++;
      }
      return { credits };
    },
  };
}

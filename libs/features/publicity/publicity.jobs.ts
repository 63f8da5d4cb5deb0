// The month-end timer: the reconciler (at start and every RECONCILE_INTERVAL_SECONDS) asks, in
// TIME_ZONE, which month ended last and adds one `publicity-freeze` job per unit that has no
// snapshot of it yet (job id per unit + month: adding it twice is a no-op); the handler freezes
// version 1 (again a no-op when it exists). It also alerts overdue promises (限时兑现).
import { monthOf, previousMonth } from '@baiying/domain';
import type { FeatureJobs, UnitOfWork } from '@baiying/kernel';
import type { PublicityFeature } from './publicity.feature.js';

export function publicityJobs(uow: UnitOfWork, f: PublicityFeature): FeatureJobs {
  return {
    feature: 'publicity',
    handlers: {
      'publicity-freeze': async (p) => {
        const r = await uow.run((w) => f.freeze.execute(w, p));
        if (!r.ok && r.code !== 'publicity/not_found') throw new Error(`publicity-freeze ${p.month}: ${r.code}`);
        return r.ok ? r.value : { skipped: r.code };
      },
    },
    reconcile: async ({ ensurer, clock }) => {
      const month = previousMonth(monthOf(clock.now(), uow.deps.config.timeZone));
      const units = await uow.read((r) => r.publicity.unitsWithoutSnapshot(month));
      let freeze = 0;
      for (const unitId of units) if (await ensurer.ensure('publicity-freeze', { unitId, month }, 0)) freeze++;
      const { alerted } = await uow.run((w) => f.overdue.execute(w));
      return { freeze, overdue: alerted };
    },
  };
}

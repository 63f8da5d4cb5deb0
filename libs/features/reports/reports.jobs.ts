// The drift check as a job of the catalogue ('reports-check', timers queue): one per
// REPORT_CHECK_MINUTES slot, (re)created by reconciliation like every other job, so a wiped
// Redis or a restarted worker never skips more than a slot.
import type { AppConfig } from '@baiying/config';
import type { Logger } from '@baiying/domain';
import type { FeatureJobs, UnitOfWork } from '@baiying/kernel';
import type { ReportsFeature } from './reports.feature.js';

export function reportsJobs(uow: UnitOfWork, config: AppConfig, f: ReportsFeature, logger: Logger): FeatureJobs {
  const slotMs = config.reports.checkMinutes * 60_000;
  return {
    feature: 'reports',
    handlers: {
      'reports-check': async () => {
        const r = await uow.run((w) => f.check.execute(w, { sample: config.reports.checkDays }));
        if (r.differences.length > 0)
          logger.error(
            `report rollups differ from the raw rows on ${r.differences.length} row(s) (days ${[...new Set(r.differences.map((d) => d.day))].join(', ')}): ${JSON.stringify(r.differences.slice(0, 10))}; ${r.alerted} coordinator(s) alerted; repair with npm run reports:rebuild -- --from <day> --to <day>`,
          );
        else logger.log(`report rollups checked: ${r.days.length} day(s), no difference`);
        return { days: r.days.length, differences: r.differences.length };
      },
    },
    reconcile: async ({ ensurer, clock }) => {
      const now = clock.now().getTime();
      const slot = Math.floor(now / slotMs) + 1;
      return { check: (await ensurer.ensure('reports-check', { slot }, slot * slotMs - now)) ? 1 : 0 };
    },
  };
}

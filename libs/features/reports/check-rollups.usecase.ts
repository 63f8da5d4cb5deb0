// The drift check: recomputes a sample of days from the raw rows and compares them with the
// stored rollups (every level). Any difference is recorded (report_check), logged by the caller
// and sent to the county centres' coordinators; `npm run reports:rebuild -- --from D --to D`
// repairs a day. The triggers make a difference a bug or a bypass (a bulk load with the triggers
// off, an edit by hand), never routine.
import { PurposeKey } from '@baiying/domain';
import { alertCoordinators, msg, type Work } from '@baiying/kernel';
import type { DriftRow } from '@baiying/db';
import { addDays, localDay } from './periods.js';

export interface CheckReport {
  days: string[];
  differences: DriftRow[];
  alerted: number;
}

export class CheckRollups {
  /** `days`: the days to check; by default today, yesterday and `sample` random days with data. */
  async execute(w: Work, input: { sample: number; days?: string[] }): Promise<CheckReport> {
    const today = localDay(w.now, w.config.timeZone);
    const days = input.days ?? [...new Set([today, addDays(today, -1), ...(await w.repos.reports.daysWithData(input.sample))])].sort();
    const differences = await w.repos.reports.drift(days);
    await w.repos.reports.recordCheck(days, differences);
    let alerted = 0;
    if (differences.length > 0) {
      const tree = await w.repos.org.tree();
      const affected = [...new Set(differences.map((d) => d.day))].sort();
      for (const centre of [...tree.values()].filter((u) => u.tier === 'center')) {
        alerted += await alertCoordinators(w, centre.id, PurposeKey.alert('report_drift', affected.join(',')), () =>
          msg('alert.report_drift', { days: affected.slice(0, 5).join(', '), count: differences.length }),
        );
      }
    }
    return { days, differences, alerted };
  }
}

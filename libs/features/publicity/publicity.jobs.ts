// The month-end timer: the reconciler (at start and every RECONCILE_INTERVAL_SECONDS) asks, in
// TIME_ZONE, which month ended last and adds one `publicity-freeze` job per unit that has no
// snapshot of it yet (job id per unit + month: adding it twice is a no-op); the handler freezes
// version 1 (again a no-op when it exists). It also alerts overdue promises (限时兑现).
import { monthOf, previousMonth, type Result } from '@baiying/domain';
import type { FeatureJobs, UnitOfWork } from '@baiying/kernel';
import { buildLists } from './lists.js';
import type { AlertOverduePromises } from './overdue.usecase.js';
import type { PublicityFeature } from './publicity.feature.js';

/**
 * One unit's month frozen as the job does it: the lists are read before the transaction (a
 * county's month is large), the transaction only checks under the lock and inserts.
 */
export async function freezeUnitMonth(
  uow: UnitOfWork,
  f: PublicityFeature,
  p: { unitId: string; month: string },
): Promise<Result<{ created: boolean; snapshotId: string }>> {
  const existing = await uow.read((r) => r.publicity.versions(p.unitId, p.month));
  if (existing[0]) return { ok: true, value: { created: false, snapshotId: existing[0].id } };
  const lists = await uow.read((r) => buildLists(r, uow.deps.config.timeZone, p.unitId, p.month));
  return uow.run((w) => f.freeze.execute(w, p, lists));
}

/**
 * Every overdue promise alerted, each in a transaction of its own (see AlertOverduePromises). One
 * whose transaction fails is counted, told to `onError` and left for the next reconcile; the
 * others are still alerted.
 */
export async function alertOverduePromises(
  uow: Pick<UnitOfWork, 'run'>,
  f: { overdue: Pick<AlertOverduePromises, 'due' | 'execute'> },
  onError?: (needId: string, error: Error) => void,
): Promise<{ alerted: number; failed: number }> {
  const due = await uow.run((w) => f.overdue.due(w));
  let alerted = 0;
  let failed = 0;
  for (const needId of due) {
    try {
      if (await uow.run((w) => f.overdue.execute(w, needId))) alerted++;
    } catch (e) {
      failed++;
      onError?.(needId, e instanceof Error ? e : new Error(String(e)));
    }
  }
  return { alerted, failed };
}

export function publicityJobs(uow: UnitOfWork, f: PublicityFeature): FeatureJobs {
  return {
    feature: 'publicity',
    handlers: {
      'publicity-freeze': async (p) => {
        const r = await freezeUnitMonth(uow, f, p);
        if (!r.ok && r.code !== 'publicity/not_found') throw new Error(`publicity-freeze ${p.month}: ${r.code}`);
        return r.ok ? r.value : { skipped: r.code };
      },
    },
    reconcile: async ({ ensurer, clock, failed }) => {
      const month = previousMonth(monthOf(clock.now(), uow.deps.config.timeZone));
      const units = await uow.read((r) => r.publicity.unitsWithoutSnapshot(month));
      let freeze = 0;
      for (const unitId of units) if (await ensurer.ensure('publicity-freeze', { unitId, month }, 0)) freeze++;
      const overdue = await alertOverduePromises(uow, f, (needId, e) => failed?.(`overdue promise of need ${needId}`, e));
      return { freeze, overdue: overdue.alerted, overdueFailed: overdue.failed };
    },
  };
}

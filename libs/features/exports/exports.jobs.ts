// Exports' jobs: `run-export` builds one file (the row says what; the payload is the id). The
// reconciler re-queues exports that are queued or running in PostgreSQL (Redis wiped, worker
// stopped mid-file) and deletes files past EXPORT_FILE_HOURS.
import type { FeatureJobs, UnitOfWork } from '@baiying/kernel';
import type { ExportsFeature } from './exports.feature.js';

export function exportsJobs(uow: UnitOfWork, f: ExportsFeature): FeatureJobs {
  return {
    feature: 'exports',
    handlers: {
      'run-export': (p, control) => f.run.execute(p.exportId, control),
    },
    reconcile: async ({ ensurer }) => {
      let requeued = 0;
      for (const j of await uow.read((r) => r.exports.unfinishedJobs())) if (await ensurer.ensure('run-export', { exportId: j.id }, 0)) requeued++;
      const { expired } = await uow.run((w) => f.cleanup.execute(w));
      return { requeued, expired };
    },
  };
}

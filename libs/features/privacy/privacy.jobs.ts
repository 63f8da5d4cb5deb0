// Privacy's part of reconciliation: the retention pass (no queue job: it runs at start and every
// RECONCILE_INTERVAL_SECONDS, like the pruning of duplicate-update markers).
import type { FeatureJobs, UnitOfWork } from '@baiying/kernel';
import type { PrivacyFeature } from './privacy.feature.js';

export function privacyJobs(uow: UnitOfWork, f: PrivacyFeature): FeatureJobs {
  return {
    feature: 'privacy',
    handlers: {},
    reconcile: async () => ({ ...(await uow.run((w) => f.retention.execute(w))) }),
  };
}

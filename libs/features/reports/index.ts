export { ReportsFeature } from './reports.feature.js';
export { reportsJobs } from './reports.jobs.js';
export * from './reports.schemas.js';
export { BUCKET_EDGES, quantile, localDay, overviewPeriods, type DayRange } from './periods.js';
export { YEARLY_HOURS_TARGET } from './reports.usecase.js';
export type { CheckReport } from './check-rollups.usecase.js';

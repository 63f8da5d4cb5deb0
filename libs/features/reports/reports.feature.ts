import { CheckRollups } from './check-rollups.usecase.js';
import { ReportCharts, ReportOverview } from './reports.usecase.js';

/** Dashboard figures from the rollups (any console role, within scope) and their drift check. */
export class ReportsFeature {
  readonly overview = new ReportOverview();
  readonly charts = new ReportCharts();
  readonly check = new CheckRollups();
}

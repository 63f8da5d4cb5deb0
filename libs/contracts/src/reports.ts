// The console API's shapes for the dashboards (总览) and their charts.

/** A needs list query (GET /api/v1/needs): string parameters. */
export type NeedsQuery = Record<string, string>;

export interface Quantile {
  /** The bucket holding the quantile: at least `fromSec`, below `toSec` (null: open-ended). */
  fromSec: number;
  toSec: number | null;
}

export interface Charts {
  from: string;
  to: string;
  grain: 'day' | 'month';
  timeZone: string;
  demandByCategory: Array<{ bucket: string; category: string; needs: number; query: NeedsQuery }>;
  needsByStation: Array<{ station: { code: string; name: string }; needs: number; done: number; slaBreaches: number; query: NeedsQuery }>;
  responseTrend: Array<{ bucket: string; needs: number; takeAvgSec: number | null; slaBreaches: number; firstTierRate: number | null; query: NeedsQuery }>;
  teams: Array<{ code: string; name: string; category: string; taken: number; done: number; hours: number; ratingAvg: number | null }>;
  /** Beneficiary groups: no needs list filter exists for them (query: null). */
  beneficiaries: Array<{ group: string; needs: number; query: null }>;
  /** ISO weekday (1 = Monday) × local hour of creation. */
  heat: Array<{ weekday: number; hour: number; needs: number }>;
}

export const OVERVIEW_PERIODS = ['today', 'week', 'month'] as const;

export const CHART_PERIODS = ['week', 'month', 'quarter', 'year'] as const;

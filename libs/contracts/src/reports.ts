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

/** The overview's need counts, in the order the dashboard shows them. */
export const OVERVIEW_COUNTS = ['received', 'dispatched', 'taken', 'done', 'confirmed', 'unfulfilled', 'cancelled', 'open'] as const;

export type OverviewCount = (typeof OVERVIEW_COUNTS)[number];

/** One period's figures on the overview (GET /api/v1/reports/overview). */
export interface Figures {
  needs: Record<OverviewCount, number>;
  response: {
    takeP50: Quantile | null;
    takeP90: Quantile | null;
    takeAvgSec: number | null;
    doneP50: Quantile | null;
    doneAvgSec: number | null;
    /** Of the needs taken: the share taken at the first tier (station round), and the share escalated. */
    firstTierRate: number | null;
    escalatedRate: number | null;
    slaBreaches: number;
  };
  satisfaction: { rated: number; average: number | null; distribution: number[]; share4to5: number | null };
  hours: { credited: number; activeVolunteers: number; perVolunteer: number | null; yearlyTarget: number; targetForPeriod: number };
  /**
   * Calls (一呼百应) starting in the period under the scope: reach = reached ÷ recipients (their
   * message queued), answer rate = answered ÷ reached, attendance = checked in ÷ said yes.
   * Null under a category filter (calls have no category).
   */
  calls: {
    calls: number;
    recipients: number;
    reached: number;
    answered: number;
    yes: number;
    attended: number;
    hours: number;
    reachRate: number | null;
    answerRate: number | null;
    attendanceRate: number | null;
  } | null;
  /** Needs list filters for the counts that are exactly a status set (others: not a list filter). */
  drill: Partial<Record<OverviewCount, NeedsQuery>>;
}

export interface Overview {
  period: string;
  timeZone: string;
  category: string | null;
  current: { from: string; to: string; figures: Figures };
  previous: { from: string; to: string; figures: Figures };
}

/** 纠正统计 (GET /api/v1/corrections): per category, the month's needs corrected away from it and into it. */
export interface CorrectionStatsItem {
  category: string;
  zh: string;
  en: string;
  corrected: number;
  correctedTo: number;
}

export interface CorrectionStats {
  month: string;
  total: number;
  items: CorrectionStatsItem[];
}

// Calendar periods in the desk's time zone, as local days (YYYY-MM-DD), and the bucket edges of
// the time-to-take / time-to-done histograms (the same edges as report_bucket in SQL).
import type { ChartPeriod, OverviewPeriod } from './reports.schemas.js';
import type { Quantile } from '@baiying/contracts';

export interface DayRange {
  from: string;
  to: string;
}

/** The local day of an instant in a time zone. */
export function localDay(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

const isoWeekday = (day: string): number => {
  const w = new Date(`${day}T00:00:00Z`).getUTCDay();
  return w === 0 ? 7 : w;
};

const monthStart = (day: string): string => `${day.slice(0, 7)}-01`;

/** This period so far (to today) and the whole previous one. */
export function overviewPeriods(period: OverviewPeriod, today: string): { current: DayRange; previous: DayRange } {
  if (period === 'today') return { current: { from: today, to: today }, previous: { from: addDays(today, -1), to: addDays(today, -1) } };
  if (period === 'week') {
    const from = addDays(today, 1 - isoWeekday(today));
    return { current: { from, to: today }, previous: { from: addDays(from, -7), to: addDays(from, -1) } };
  }
  const from = monthStart(today);
  const prevTo = addDays(from, -1);
  return { current: { from, to: today }, previous: { from: monthStart(prevTo), to: prevTo } };
}

/** The charts' window ending today. */
export function chartRange(period: ChartPeriod, today: string): DayRange {
  const back: Record<ChartPeriod, number> = { week: 7, month: 30, quarter: 91, year: 365 };
  return { from: addDays(today, 1 - back[period]), to: today };
}

/** Seconds: bucket b (1-based) of report_bucket holds [EDGES[b-2], EDGES[b-1]) (0 and open-ended at the ends). */
export const BUCKET_EDGES = [
  60, 120, 180, 300, 420, 600, 900, 1200, 1800, 2700, 3600, 5400, 7200, 10800, 14400, 21600, 28800, 43200, 64800, 86400, 172800, 259200, 604800,
] as const;

/** The bucket holding the p-quantile (the ceil(p·n)-th smallest value) of a 24-slot histogram. */
export function quantile(hist: readonly number[], p: number): Quantile | null {
  const n = hist.reduce((a, b) => a + b, 0);
  if (n === 0) return null;
  const rank = Math.max(1, Math.ceil(p * n));
  let seen = 0;
  for (let b = 0; b < hist.length; b++) {
    seen += hist[b] ?? 0;
    if (seen >= rank) return { fromSec: b === 0 ? 0 : BUCKET_EDGES[b - 1]!, toSec: BUCKET_EDGES[b] ?? null };
  }
  return null;
}

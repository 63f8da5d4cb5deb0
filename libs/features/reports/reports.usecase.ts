// The dashboard's figures, read from the rollups (never from the raw rows): the overview of a
// period beside the previous one, and the chart series. Every item that names needs carries the
// needs list filter (GET /api/v1/needs) that lists exactly those needs.
import { BENEFICIARIES, ok, type Result } from '@baiying/domain';
import { parseCommand, type Work } from '@baiying/kernel';
import type { CallTotals, RollupFilter, RollupTotals } from '@baiying/db';
import type { ConsolePrincipal } from '../sessions/index.js';
import { addDays, chartRange, daysBetween, localDay, overviewPeriods, quantile, type DayRange } from './periods.js';
import { reportChartsQuerySchema, reportOverviewQuerySchema } from './reports.schemas.js';
import { reportScope } from './report-scope.js';
import type { Charts, Figures, NeedsQuery, Overview } from '@baiying/contracts';

/** Hours a volunteer is expected to serve in a year (the yearly target the overview compares with). */
export const YEARLY_HOURS_TARGET = 20;

const share = (a: number, b: number): number | null => (b > 0 ? Math.round((a / b) * 1000) / 1000 : null);
const avg = (sum: number, n: number): number | null => (n > 0 ? Math.round(sum / n) : null);

function callFigures(c: CallTotals | undefined): Figures['calls'] {
  if (!c) return null;
  return { ...c, reachRate: share(c.reached, c.recipients), answerRate: share(c.answered, c.reached), attendanceRate: share(c.attended, c.yes) };
}

function figures(t: RollupTotals, v: { active: number }, c: CallTotals | undefined, range: DayRange, drill: (extra: NeedsQuery) => NeedsQuery): Figures {
  const high = (t.ratingHist[3] ?? 0) + (t.ratingHist[4] ?? 0);
  return {
    needs: {
      received: t.received,
      dispatched: t.dispatched,
      taken: t.taken,
      done: t.done,
      confirmed: t.confirmed,
      unfulfilled: t.unfulfilled,
      cancelled: t.cancelled,
      open: t.open,
    },
    response: {
      takeP50: quantile(t.takeHist, 0.5),
      takeP90: quantile(t.takeHist, 0.9),
      takeAvgSec: avg(t.takeSec, t.takeN),
      doneP50: quantile(t.doneHist, 0.5),
      doneAvgSec: avg(t.doneSec, t.doneN),
      firstTierRate: share(t.firstTier, t.taken),
      escalatedRate: share(t.escalated, t.dispatched),
      slaBreaches: t.slaBreached,
    },
    satisfaction: {
      rated: t.rated,
      average: t.rated > 0 ? Math.round((t.ratingSum / t.rated) * 100) / 100 : null,
      distribution: t.ratingHist,
      share4to5: share(high, t.rated),
    },
    hours: {
      credited: t.hours,
      activeVolunteers: v.active,
      perVolunteer: v.active > 0 ? Math.round((t.hours / v.active) * 100) / 100 : null,
      yearlyTarget: YEARLY_HOURS_TARGET,
      targetForPeriod: Math.round(((YEARLY_HOURS_TARGET * daysBetween(range.from, range.to)) / 365) * 100) / 100,
    },
    calls: callFigures(c),
    drill: {
      received: drill({}),
      confirmed: drill({ status: 'confirmed' }),
      unfulfilled: drill({ status: 'unfulfilled' }),
      cancelled: drill({ status: 'cancelled' }),
      open: drill({ status: 'submitted,dispatched,unrouted,claimed,en_route' }),
    },
  };
}

export class ReportOverview {
  async execute(w: Work, p: ConsolePrincipal, input: unknown): Promise<Result<Overview>> {
    const cmd = parseCommand(reportOverviewQuerySchema, input);
    if (!cmd.ok) return cmd;
    const q = cmd.value;
    const scope = await reportScope(w, p, q);
    if (!scope.ok) return scope;
    const tz = w.config.timeZone;
    const { current, previous } = overviewPeriods(q.period, localDay(w.now, tz));
    const base = { unitIds: scope.value.unitIds, ...(q.category ? { categoryCode: q.category } : {}) };
    const [tc, tp] = await w.repos.reports.totalsOf(base, [current, previous]);
    const [vc, vp] = await w.repos.reports.activeVolunteersOf(base, [current, previous]);
    const [cc, cp] = q.category ? [] : await w.repos.reports.callTotalsOf(base.unitIds, [current, previous]);
    const drill = (range: DayRange) => (extra: NeedsQuery) => ({
      ...scope.value.drill,
      ...(q.category ? { category: q.category } : {}),
      from: range.from,
      to: range.to,
      ...extra,
    });
    return ok({
      period: q.period,
      timeZone: tz,
      category: q.category ?? null,
      current: { ...current, figures: figures(tc!, { active: vc ?? 0 }, cc, current, drill(current)) },
      previous: { ...previous, figures: figures(tp!, { active: vp ?? 0 }, cp, previous, drill(previous)) },
    });
  }
}

export class ReportCharts {
  async execute(w: Work, p: ConsolePrincipal, input: unknown): Promise<Result<Charts>> {
    const cmd = parseCommand(reportChartsQuerySchema, input);
    if (!cmd.ok) return cmd;
    const q = cmd.value;
    const scope = await reportScope(w, p, q);
    if (!scope.ok) return scope;
    const s = scope.value;
    const tz = w.config.timeZone;
    const range = q.from && q.to ? { from: q.from, to: q.to } : chartRange(q.period ?? 'month', localDay(w.now, tz));
    const grain = daysBetween(range.from, range.to) > 62 ? 'month' : 'day';
    const f: RollupFilter = { unitIds: s.unitIds, ...range, ...(q.category ? { categoryCode: q.category } : {}) };
    const base: NeedsQuery = { ...s.drill, ...(q.category ? { category: q.category } : {}) };
    /** A bucket's local days, clipped to the range. */
    const bucketRange = (bucket: string): DayRange => {
      const end = grain === 'day' ? bucket : addDays(`${addDays(bucket, 31).slice(0, 7)}-01`, -1);
      return { from: bucket < range.from ? range.from : bucket, to: end > range.to ? range.to : end };
    };
    const c = await w.repos.reports.charts({ ...f, stationIds: s.stationIds }, grain, q.teams);
    return ok({
      ...range,
      grain,
      timeZone: tz,
      demandByCategory: c.byCategory.map((x) => ({ ...x, query: { ...base, ...bucketRange(x.bucket), category: x.category } })),
      needsByStation: c.byStation.map((x) => {
        const node = s.tree.get(x.stationId);
        return {
          station: { code: node?.code ?? '', name: node?.name ?? '' },
          needs: x.needs,
          done: x.done,
          slaBreaches: x.slaBreached,
          query: { ...(q.category ? { category: q.category } : {}), station: node?.code ?? '', ...range },
        };
      }),
      responseTrend: c.trend.map((x) => ({
        bucket: x.bucket,
        needs: x.needs,
        takeAvgSec: avg(x.takeSec, x.takeN),
        slaBreaches: x.slaBreached,
        firstTierRate: share(x.firstTier, x.takeN),
        query: { ...base, ...bucketRange(x.bucket) },
      })),
      teams: c.teams.map((x) => ({
        code: x.code,
        name: x.name,
        category: x.category,
        taken: x.taken,
        done: x.done,
        hours: x.hours,
        ratingAvg: x.rated > 0 ? Math.round((x.ratingSum / x.rated) * 100) / 100 : null,
      })),
      beneficiaries: BENEFICIARIES.map((g, i) => ({ group: g, needs: c.beneficiaries[i] ?? 0, query: null })),
      heat: c.heat,
    });
  }
}

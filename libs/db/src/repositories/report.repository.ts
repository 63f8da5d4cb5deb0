// The report rollups (decisions 0022, 0036): reads of report_need_day / report_volunteer_day /
// report_team_day / report_call_day over disjoint unit subtrees, and the drift check that compares stored days with
// a recomputation from the raw rows. The tables and their triggers: prisma/sql/report-rollups.sql.
import { Prisma, type Tx } from '../prisma.js';

export interface RollupFilter {
  /** Units whose subtrees are summed (their rows already hold their subtree; must not overlap). */
  unitIds: string[];
  /** Local days, inclusive (YYYY-MM-DD). */
  from: string;
  to: string;
  categoryCode?: string;
}

export interface RollupTotals {
  received: number;
  dispatched: number;
  taken: number;
  done: number;
  confirmed: number;
  unfulfilled: number;
  cancelled: number;
  open: number;
  firstTier: number;
  escalated: number;
  slaBreached: number;
  takeN: number;
  takeSec: number;
  doneN: number;
  doneSec: number;
  rated: number;
  ratingSum: number;
  hours: number;
  takeHist: number[];
  doneHist: number[];
  ratingHist: number[];
  beneficiaryHist: number[];
}

export interface ChartRows {
  byCategory: Array<{ bucket: string; category: string; needs: number }>;
  trend: Array<{ bucket: string; needs: number; takeN: number; takeSec: number; slaBreached: number; escalated: number; firstTier: number }>;
  heat: Array<{ weekday: number; hour: number; needs: number }>;
  /** Needs per beneficiary group, in the order elderly, child, disabled, hardship, none. */
  beneficiaries: number[];
  byStation: Array<{ stationId: string; needs: number; done: number; slaBreached: number }>;
  teams: Array<{ code: string; name: string; category: string; taken: number; done: number; rated: number; ratingSum: number; hours: number }>;
}

/** Calls (一呼百应) that start in a period, under the units summed (report_call_day). */
export interface CallTotals {
  calls: number;
  recipients: number;
  reached: number;
  answered: number;
  yes: number;
  attended: number;
  hours: number;
}

export interface DriftRow {
  day: string;
  unitId: string;
  table: string;
  key: string;
}

const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));

/**
 * `sum(col[1]), …, sum(col[n])` as one array: histograms are summed slot by slot with subscripts
 * (an unnest of every row into n rows and a second grouping cost several times more).
 */
const slotSums = (col: string, n: number): Prisma.Sql =>
  Prisma.raw(`ARRAY[${Array.from({ length: n }, (_, i) => `coalesce(sum(${col}[${i + 1}]), 0)`).join(', ')}]::bigint[]`);
const ints = (v: unknown, n: number): number[] => Array.from({ length: n }, (_, i) => num(Array.isArray(v) ? (v as unknown[])[i] : 0));

export class ReportRepository {
  constructor(private readonly tx: Tx) {}

  async timeZone(): Promise<string> {
    const rows = await this.tx.$queryRaw<Array<{ time_zone: string }>>`SELECT time_zone FROM report_setting WHERE id = 1`;
    return rows[0]?.time_zone ?? 'Asia/Shanghai';
  }

  async totals(f: RollupFilter): Promise<RollupTotals> {
    const [t] = await this.totalsOf(f, [{ from: f.from, to: f.to }]);
    return t!;
  }

  /** The totals of each of up to two periods (one statement: scalars and histograms together). */
  async totalsOf(f: Omit<RollupFilter, 'from' | 'to'>, ranges: Array<{ from: string; to: string }>): Promise<RollupTotals[]> {
    const cat = f.categoryCode ?? null;
    const a = ranges[0]!;
    const b = ranges[1] ?? a;
    const rows = await this.tx.$queryRaw<Array<Record<string, unknown>>>`
      WITH r AS (
        SELECT CASE WHEN day BETWEEN ${a.from}::date AND ${a.to}::date THEN 0 ELSE 1 END AS p, *
        FROM report_need_day
        WHERE unit_id = ANY(${f.unitIds}::uuid[])
          AND (day BETWEEN ${a.from}::date AND ${a.to}::date OR day BETWEEN ${b.from}::date AND ${b.to}::date)
          AND (${cat}::text IS NULL OR category_code = ${cat}::text)
      ), s AS (
        SELECT p, sum(needs) AS received, sum(dispatched) AS dispatched, sum(taken) AS taken, sum(done_n) AS done,
          sum(needs) FILTER (WHERE status = 'confirmed') AS confirmed, sum(needs) FILTER (WHERE status = 'unfulfilled') AS unfulfilled,
          sum(needs) FILTER (WHERE status = 'cancelled') AS cancelled,
          sum(needs) FILTER (WHERE status IN ('submitted', 'dispatched', 'unrouted', 'claimed', 'en_route')) AS open,
          sum(first_tier) AS first_tier, sum(escalated) AS escalated, sum(sla_breached) AS sla_breached,
          sum(take_n) AS take_n, sum(take_sec) AS take_sec, sum(done_n) AS done_n, sum(done_sec) AS done_sec,
          sum(rated) AS rated, sum(rating_sum) AS rating_sum, sum(hours) AS hours,
          ${slotSums('take_hist', 24)} AS take_hist, ${slotSums('done_hist', 24)} AS done_hist,
          ${slotSums('rating_hist', 5)} AS rating_hist, ${slotSums('beneficiary_hist', 5)} AS beneficiary_hist
        FROM r GROUP BY p
      )
      SELECT * FROM s`;
    return ranges.map((_, p) => {
      const t = rows.find((x) => Number(x.p) === p);
      const g = (k: string) => num(t?.[k]);
      return {
        received: g('received'),
        dispatched: g('dispatched'),
        taken: g('taken'),
        done: g('done'),
        confirmed: g('confirmed'),
        unfulfilled: g('unfulfilled'),
        cancelled: g('cancelled'),
        open: g('open'),
        firstTier: g('first_tier'),
        escalated: g('escalated'),
        slaBreached: g('sla_breached'),
        takeN: g('take_n'),
        takeSec: g('take_sec'),
        doneN: g('done_n'),
        doneSec: g('done_sec'),
        rated: g('rated'),
        ratingSum: g('rating_sum'),
        hours: g('hours'),
        takeHist: ints(t?.take_hist, 24),
        doneHist: ints(t?.done_hist, 24),
        ratingHist: ints(t?.rating_hist, 5),
        beneficiaryHist: ints(t?.beneficiary_hist, 5),
      };
    });
  }

  /** Distinct volunteers with credited service in each of up to two periods. */
  async activeVolunteersOf(f: Omit<RollupFilter, 'from' | 'to'>, ranges: Array<{ from: string; to: string }>): Promise<number[]> {
    const cat = f.categoryCode ?? null;
    const a = ranges[0]!;
    const b = ranges[1] ?? a;
    const [r] = await this.tx.$queryRaw<Array<{ a: unknown; b: unknown }>>`
      SELECT count(DISTINCT volunteer_id) FILTER (WHERE day BETWEEN ${a.from}::date AND ${a.to}::date) AS a,
        count(DISTINCT volunteer_id) FILTER (WHERE day BETWEEN ${b.from}::date AND ${b.to}::date) AS b
      FROM report_volunteer_day
      WHERE unit_id = ANY(${f.unitIds}::uuid[])
        AND (day BETWEEN ${a.from}::date AND ${a.to}::date OR day BETWEEN ${b.from}::date AND ${b.to}::date)
        AND (${cat}::text IS NULL OR category_code = ${cat}::text)`;
    return ranges.map((_, i) => num(i === 0 ? r?.a : r?.b));
  }

  /** The calls' totals of each of up to two periods (one statement). */
  async callTotalsOf(unitIds: string[], ranges: Array<{ from: string; to: string }>): Promise<CallTotals[]> {
    const rows = await this.tx.$queryRaw<Array<Record<keyof CallTotals | 'i', unknown>>>`
      SELECT r.i, sum(c.calls) AS calls, sum(c.recipients) AS recipients, sum(c.reached) AS reached, sum(c.answered) AS answered,
        sum(c.yes) AS yes, sum(c.attended) AS attended, sum(c.hours) AS hours
      FROM unnest(${ranges.map((r) => r.from)}::date[], ${ranges.map((r) => r.to)}::date[]) WITH ORDINALITY AS r(lo, hi, i)
      JOIN report_call_day c ON c.day BETWEEN r.lo AND r.hi AND c.unit_id = ANY(${unitIds}::uuid[])
      GROUP BY r.i`;
    return ranges.map((_, i) => {
      const t = rows.find((x) => Number(x.i) === i + 1);
      const g = (k: keyof CallTotals) => num(t?.[k]);
      return {
        calls: g('calls'),
        recipients: g('recipients'),
        reached: g('reached'),
        answered: g('answered'),
        yes: g('yes'),
        attended: g('attended'),
        hours: g('hours'),
      };
    });
  }

  async volunteers(f: RollupFilter): Promise<{ active: number }> {
    const [active] = await this.activeVolunteersOf(f, [{ from: f.from, to: f.to }]);
    return { active: active ?? 0 };
  }

  /**
   * Every chart series of one period in one statement (one round trip): needs per category and
   * time bucket ('day' or 'month' starts), time to take and SLA breaches per bucket, needs per
   * station (station-level rows of `stationIds`), the team league table, beneficiary groups and
   * weekday (ISO, 1 = Monday) × local hour.
   */
  async charts(f: RollupFilter & { stationIds: string[] }, grain: 'day' | 'month', teamLimit: number): Promise<ChartRows> {
    const cat = f.categoryCode ?? null;
    const [row] = await this.tx.$queryRaw<Array<Record<keyof ChartRows, unknown>>>`
      WITH r AS MATERIALIZED (
        SELECT day, category_code, needs, take_n, take_sec, sla_breached, escalated, first_tier, hour_hist, beneficiary_hist
        FROM report_need_day
        WHERE unit_id = ANY(${f.unitIds}::uuid[]) AND day BETWEEN ${f.from}::date AND ${f.to}::date
          AND (${cat}::text IS NULL OR category_code = ${cat}::text)
      ), bc AS (
        SELECT to_char(date_trunc(${grain}, day), 'YYYY-MM-DD') AS bucket, category_code AS category, sum(needs) AS needs FROM r GROUP BY 1, 2
      ), tr AS (
        SELECT to_char(date_trunc(${grain}, day), 'YYYY-MM-DD') AS bucket, sum(needs) AS needs, sum(take_n) AS "takeN", sum(take_sec) AS "takeSec",
          sum(sla_breached) AS "slaBreached", sum(escalated) AS escalated, sum(first_tier) AS "firstTier"
        FROM r GROUP BY 1
      ), ht AS (
        SELECT extract(isodow FROM day)::int AS weekday, ${slotSums('hour_hist', 24)} AS hours FROM r GROUP BY 1
      ), st AS (
        SELECT unit_id AS "stationId", sum(needs) AS needs, sum(done_n) AS done, sum(sla_breached) AS "slaBreached" FROM report_need_day
        WHERE station_level AND unit_id = ANY(${f.stationIds}::uuid[]) AND day BETWEEN ${f.from}::date AND ${f.to}::date
          AND (${cat}::text IS NULL OR category_code = ${cat}::text)
        GROUP BY unit_id
      ), tm AS (
        SELECT t.code, t.name, t."categoryCode" AS category, sum(x.taken) AS taken, sum(x.done) AS done, sum(x.rated) AS rated,
          sum(x.rating_sum) AS "ratingSum", sum(x.hours) AS hours
        FROM report_team_day x JOIN team t ON t.id = x.team_id
        WHERE x.unit_id = ANY(${f.unitIds}::uuid[]) AND x.day BETWEEN ${f.from}::date AND ${f.to}::date
        GROUP BY t.code, t.name, t."categoryCode" ORDER BY sum(x.done) DESC, sum(x.taken) DESC, t.code LIMIT ${teamLimit}
      )
      SELECT (SELECT coalesce(json_agg(bc ORDER BY bucket, category), '[]') FROM bc) AS "byCategory",
        (SELECT coalesce(json_agg(tr ORDER BY bucket), '[]') FROM tr) AS trend,
        (SELECT coalesce(json_agg(ht ORDER BY weekday), '[]') FROM ht) AS heat,
        (SELECT ${slotSums('beneficiary_hist', 5)} FROM r) AS beneficiaries,
        (SELECT coalesce(json_agg(st ORDER BY needs DESC, "stationId"), '[]') FROM st) AS "byStation",
        (SELECT coalesce(json_agg(tm ORDER BY done DESC, taken DESC, code), '[]') FROM tm) AS teams`;
    const arr = (v: unknown): Array<Record<string, unknown>> => (Array.isArray(v) ? (v as Array<Record<string, unknown>>) : []);
    const nums = <K extends string>(o: Record<string, unknown>, keys: readonly K[]): Record<K, number> =>
      Object.fromEntries(keys.map((k) => [k, num(o[k])])) as Record<K, number>;
    return {
      byCategory: arr(row?.byCategory).map((x) => ({ bucket: String(x.bucket), category: String(x.category), needs: num(x.needs) })),
      trend: arr(row?.trend).map((x) => ({
        bucket: String(x.bucket),
        ...nums(x, ['needs', 'takeN', 'takeSec', 'slaBreached', 'escalated', 'firstTier'] as const),
      })),
      heat: arr(row?.heat).flatMap((x) => ints(x.hours, 24).map((needs, hour) => ({ weekday: num(x.weekday), hour, needs }))),
      beneficiaries: ints(row?.beneficiaries, 5),
      byStation: arr(row?.byStation).map((x) => ({ stationId: String(x.stationId), ...nums(x, ['needs', 'done', 'slaBreached'] as const) })),
      teams: arr(row?.teams).map((x) => ({
        code: String(x.code),
        name: String(x.name),
        category: String(x.category),
        ...nums(x, ['taken', 'done', 'rated', 'ratingSum', 'hours'] as const),
      })),
    };
  }

  /** Local days that have needs or rollup rows, for the drift check to sample from. */
  async daysWithData(limit: number): Promise<string[]> {
    const rows = await this.tx.$queryRaw<Array<{ day: string }>>`
      SELECT to_char(day, 'YYYY-MM-DD') AS day FROM (SELECT DISTINCT day FROM report_need_day UNION SELECT day FROM report_call_day) d
      ORDER BY random() LIMIT ${limit}`;
    return rows.map((r) => r.day);
  }

  /** Differences between the stored rows of these days and a recomputation from the raw rows. */
  async drift(days: string[]): Promise<DriftRow[]> {
    if (days.length === 0) return [];
    const rows = await this.tx.$queryRaw<Array<{ day: string; unit_id: string; tbl: string; k: string }>>`
      WITH z AS (SELECT time_zone AS tz FROM report_setting WHERE id = 1),
      d AS (SELECT DISTINCT unnest(${days}::date[]) AS day),
      fresh_n AS (SELECT r.* FROM d, z, report_need_rows(report_day_lo(d.day, z.tz), report_day_lo(d.day + 1, z.tz), NULL, z.tz, true) r),
      stored_n AS (SELECT * FROM report_need_day WHERE day = ANY(${days}::date[])),
      fresh_v AS (SELECT r.* FROM d, z, report_volunteer_rows(report_day_lo(d.day, z.tz), report_day_lo(d.day + 1, z.tz), NULL, z.tz, true) r),
      stored_v AS (SELECT * FROM report_volunteer_day WHERE day = ANY(${days}::date[])),
      fresh_t AS (SELECT r.* FROM d, z, report_team_rows(report_day_lo(d.day, z.tz), report_day_lo(d.day + 1, z.tz), NULL, z.tz, true) r),
      stored_t AS (SELECT * FROM report_team_day WHERE day = ANY(${days}::date[])),
      fresh_c AS (SELECT r.* FROM d, z, report_call_rows(report_day_lo(d.day, z.tz), report_day_lo(d.day + 1, z.tz), z.tz) r),
      stored_c AS (SELECT * FROM report_call_day WHERE day = ANY(${days}::date[]))
      SELECT to_char(day, 'YYYY-MM-DD') AS day, unit_id::text, 'need' AS tbl, category_code || '/' || status AS k
        FROM ((SELECT * FROM fresh_n EXCEPT ALL SELECT * FROM stored_n) UNION ALL (SELECT * FROM stored_n EXCEPT ALL SELECT * FROM fresh_n)) x
      UNION
      SELECT to_char(day, 'YYYY-MM-DD'), unit_id::text, 'volunteer', category_code || '/' || volunteer_id::text
        FROM ((SELECT * FROM fresh_v EXCEPT ALL SELECT * FROM stored_v) UNION ALL (SELECT * FROM stored_v EXCEPT ALL SELECT * FROM fresh_v)) y
      UNION
      SELECT to_char(day, 'YYYY-MM-DD'), unit_id::text, 'team', team_id::text
        FROM ((SELECT * FROM fresh_t EXCEPT ALL SELECT * FROM stored_t) UNION ALL (SELECT * FROM stored_t EXCEPT ALL SELECT * FROM fresh_t)) w
      UNION
      SELECT to_char(day, 'YYYY-MM-DD'), unit_id::text, 'call', 'calls'
        FROM ((SELECT * FROM fresh_c EXCEPT ALL SELECT * FROM stored_c) UNION ALL (SELECT * FROM stored_c EXCEPT ALL SELECT * FROM fresh_c)) v
      ORDER BY 1, 2, 3, 4`;
    return rows.map((r) => ({ day: r.day, unitId: r.unit_id, table: r.tbl, key: r.k }));
  }

  async recordCheck(days: string[], differences: DriftRow[]): Promise<void> {
    await this.tx.$executeRaw`INSERT INTO report_check (days, differences, detail)
      VALUES (${days}::date[], ${differences.length}, ${JSON.stringify(differences.slice(0, 50))}::jsonb)`;
  }
}

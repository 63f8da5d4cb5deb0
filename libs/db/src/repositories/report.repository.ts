// The report rollups (decision 0022): reads of report_need_day / report_volunteer_day /
// report_team_day over disjoint unit subtrees, and the drift check that compares stored days with
// a recomputation from the raw rows. The tables and their triggers: prisma/sql/report-rollups.sql.
import type { Tx } from '../prisma.js';

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

export interface DriftRow {
  day: string;
  unitId: string;
  table: string;
  key: string;
}

const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));

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
      WITH r AS MATERIALIZED (
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
          sum(rated) AS rated, sum(rating_sum) AS rating_sum, sum(hours) AS hours
        FROM r GROUP BY p
      ), h AS (
        SELECT p, u.i::int AS i, sum(u.t) AS t, sum(u.d) AS d, sum(u.r) AS r, sum(u.b) AS b
        FROM r CROSS JOIN LATERAL unnest(take_hist, done_hist, rating_hist, beneficiary_hist) WITH ORDINALITY AS u(t, d, r, b, i)
        GROUP BY p, u.i
      ), hj AS (
        SELECT p, json_agg(json_build_array(i, t, d, r, b)) AS hist FROM h GROUP BY p
      )
      SELECT s.*, hj.hist FROM s LEFT JOIN hj ON hj.p = s.p`;
    return ranges.map((_, p) => {
      const t = rows.find((x) => Number(x.p) === p);
      const hist = (Array.isArray(t?.hist) ? t.hist : []) as Array<[number, unknown, unknown, unknown, unknown]>;
      const col = (k: 1 | 2 | 3 | 4, n: number) => Array.from({ length: n }, (_, i) => num(hist.find((x) => Number(x[0]) === i + 1)?.[k]));
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
        takeHist: col(1, 24),
        doneHist: col(2, 24),
        ratingHist: col(3, 5),
        beneficiaryHist: col(4, 5),
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

  async volunteers(f: RollupFilter): Promise<{ active: number }> {
    const [active] = await this.activeVolunteersOf(f, [{ from: f.from, to: f.to }]);
    return { active: active ?? 0 };
  }

  /** Needs per category and time bucket ('day' or 'month' starts). */
  async byCategory(f: RollupFilter, grain: 'day' | 'month'): Promise<Array<{ bucket: string; category: string; needs: number }>> {
    const cat = f.categoryCode ?? null;
    const rows = await this.tx.$queryRaw<Array<{ bucket: string; category: string; needs: unknown }>>`
      SELECT to_char(date_trunc(${grain}, day), 'YYYY-MM-DD') AS bucket, category_code AS category, sum(needs) AS needs
      FROM report_need_day
      WHERE unit_id = ANY(${f.unitIds}::uuid[]) AND day BETWEEN ${f.from}::date AND ${f.to}::date
        AND (${cat}::text IS NULL OR category_code = ${cat}::text)
      GROUP BY 1, 2 ORDER BY 1, 2`;
    return rows.map((r) => ({ bucket: r.bucket, category: r.category, needs: num(r.needs) }));
  }

  /** Time to take and SLA breaches per time bucket. */
  async responseTrend(f: RollupFilter, grain: 'day' | 'month') {
    const cat = f.categoryCode ?? null;
    const rows = await this.tx.$queryRaw<Array<Record<string, unknown>>>`
      SELECT to_char(date_trunc(${grain}, day), 'YYYY-MM-DD') AS bucket, sum(needs) AS needs, sum(take_n) AS take_n, sum(take_sec) AS take_sec,
        sum(sla_breached) AS sla_breached, sum(escalated) AS escalated, sum(first_tier) AS first_tier
      FROM report_need_day
      WHERE unit_id = ANY(${f.unitIds}::uuid[]) AND day BETWEEN ${f.from}::date AND ${f.to}::date
        AND (${cat}::text IS NULL OR category_code = ${cat}::text)
      GROUP BY 1 ORDER BY 1`;
    return rows.map((r) => ({
      bucket: String(r.bucket),
      needs: num(r.needs),
      takeN: num(r.take_n),
      takeSec: num(r.take_sec),
      slaBreached: num(r.sla_breached),
      escalated: num(r.escalated),
      firstTier: num(r.first_tier),
    }));
  }

  /** Needs per station (station-level rows of the given stations). */
  async byStation(f: RollupFilter & { stationIds: string[] }): Promise<Array<{ stationId: string; needs: number; done: number; slaBreached: number }>> {
    const cat = f.categoryCode ?? null;
    const rows = await this.tx.$queryRaw<Array<{ unit_id: string; needs: unknown; done: unknown; sla: unknown }>>`
      SELECT unit_id, sum(needs) AS needs, sum(done_n) AS done, sum(sla_breached) AS sla FROM report_need_day
      WHERE station_level AND unit_id = ANY(${f.stationIds}::uuid[]) AND day BETWEEN ${f.from}::date AND ${f.to}::date
        AND (${cat}::text IS NULL OR category_code = ${cat}::text)
      GROUP BY unit_id ORDER BY 2 DESC`;
    return rows.map((r) => ({ stationId: r.unit_id, needs: num(r.needs), done: num(r.done), slaBreached: num(r.sla) }));
  }

  async teams(f: RollupFilter, limit: number) {
    const rows = await this.tx.$queryRaw<Array<Record<string, unknown>>>`
      SELECT r.team_id, t.code, t.name, t."categoryCode" AS category, sum(r.taken) AS taken, sum(r.done) AS done, sum(r.rated) AS rated,
        sum(r.rating_sum) AS rating_sum, sum(r.hours) AS hours
      FROM report_team_day r JOIN team t ON t.id = r.team_id
      WHERE r.unit_id = ANY(${f.unitIds}::uuid[]) AND r.day BETWEEN ${f.from}::date AND ${f.to}::date
      GROUP BY r.team_id, t.code, t.name, t."categoryCode" ORDER BY sum(r.done) DESC, sum(r.taken) DESC, t.code LIMIT ${limit}`;
    return rows.map((r) => ({
      teamId: String(r.team_id),
      code: String(r.code),
      name: String(r.name),
      category: String(r.category),
      taken: num(r.taken),
      done: num(r.done),
      rated: num(r.rated),
      ratingSum: num(r.rating_sum),
      hours: num(r.hours),
    }));
  }

  /** Needs by ISO weekday (1 = Monday) × local hour. */
  async heat(f: RollupFilter): Promise<Array<{ weekday: number; hour: number; needs: number }>> {
    const cat = f.categoryCode ?? null;
    const rows = await this.tx.$queryRaw<Array<{ weekday: unknown; hour: unknown; needs: unknown }>>`
      SELECT extract(isodow FROM day)::int AS weekday, u.i::int - 1 AS hour, sum(u.n) AS needs
      FROM report_need_day CROSS JOIN LATERAL unnest(hour_hist) WITH ORDINALITY AS u(n, i)
      WHERE unit_id = ANY(${f.unitIds}::uuid[]) AND day BETWEEN ${f.from}::date AND ${f.to}::date
        AND (${cat}::text IS NULL OR category_code = ${cat}::text)
      GROUP BY 1, 2 ORDER BY 1, 2`;
    return rows.map((r) => ({ weekday: num(r.weekday), hour: num(r.hour), needs: num(r.needs) }));
  }

  /** Local days that have needs or rollup rows, for the drift check to sample from. */
  async daysWithData(limit: number): Promise<string[]> {
    const rows = await this.tx.$queryRaw<Array<{ day: string }>>`
      SELECT to_char(day, 'YYYY-MM-DD') AS day FROM (SELECT DISTINCT day FROM report_need_day) d ORDER BY random() LIMIT ${limit}`;
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
      stored_t AS (SELECT * FROM report_team_day WHERE day = ANY(${days}::date[]))
      SELECT to_char(day, 'YYYY-MM-DD') AS day, unit_id::text, 'need' AS tbl, category_code || '/' || status AS k
        FROM ((SELECT * FROM fresh_n EXCEPT ALL SELECT * FROM stored_n) UNION ALL (SELECT * FROM stored_n EXCEPT ALL SELECT * FROM fresh_n)) x
      UNION
      SELECT to_char(day, 'YYYY-MM-DD'), unit_id::text, 'volunteer', category_code || '/' || volunteer_id::text
        FROM ((SELECT * FROM fresh_v EXCEPT ALL SELECT * FROM stored_v) UNION ALL (SELECT * FROM stored_v EXCEPT ALL SELECT * FROM fresh_v)) y
      UNION
      SELECT to_char(day, 'YYYY-MM-DD'), unit_id::text, 'team', team_id::text
        FROM ((SELECT * FROM fresh_t EXCEPT ALL SELECT * FROM stored_t) UNION ALL (SELECT * FROM stored_t EXCEPT ALL SELECT * FROM fresh_t)) w
      ORDER BY 1, 2, 3, 4`;
    return rows.map((r) => ({ day: r.day, unitId: r.unit_id, table: r.tbl, key: r.k }));
  }

  async recordCheck(days: string[], differences: DriftRow[]): Promise<void> {
    await this.tx.$executeRaw`INSERT INTO report_check (days, differences, detail)
      VALUES (${days}::date[], ${differences.length}, ${JSON.stringify(differences.slice(0, 50))}::jsonb)`;
  }
}

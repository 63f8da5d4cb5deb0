// The monthly assessment workbook (考核报表) of one unit: one sheet per indicator, one row per
// station of the unit with the indicator's inputs, its value as an Excel formula over them (with
// the computed result cached, so readers without a formula engine see it too), and a total row
// that sums the inputs first. Counts only: no personal data.
import type { AssessmentInputs, Repos } from '@baiying/db';
import { t, type Locale, type MessageKey } from '@baiying/i18n';
import type { ConsolePrincipal } from '../sessions/index.js';
import { scopedStations } from './export-scope.js';
import { dayStart } from './local-time.js';
import { XlsxWriter, type FormulaCell, type XlsxValue } from './xlsx-writer.js';
import { assessmentFilterSchema } from './exports.schemas.js';

/** Hours per volunteer per year the county is assessed against. */
export const YEARLY_HOURS_TARGET = 20;

interface Indicator {
  sheet: MessageKey;
  inputs: Array<{ header: MessageKey; value: (r: AssessmentInputs) => number }>;
  /** Computed columns: header, formula over the row's input columns (A = station), value. */
  computed: Array<{ header: MessageKey; formula: (row: number) => string; value: (sum: number[]) => number | null }>;
}

const ratio = (a: number, b: number): number | null => (b === 0 ? null : Math.round((a / b) * 10_000) / 10_000);
const safeDiv = (num: string, den: string): string => `IF(${den}=0,"",${num}/${den})`;

const INDICATORS: Indicator[] = [
  {
    sheet: 'export.sheet.participation',
    inputs: [
      { header: 'export.col.registered', value: (r) => r.registered },
      { header: 'export.col.active', value: (r) => r.active },
    ],
    computed: [{ header: 'export.col.participation', formula: (n) => safeDiv(`C${n}`, `B${n}`), value: ([reg, act]) => ratio(act!, reg!) }],
  },
  {
    sheet: 'export.sheet.hours',
    inputs: [
      { header: 'export.col.ytd_hours', value: (r) => Math.round(r.ytdHours * 100) / 100 },
      { header: 'export.col.registered', value: (r) => r.registered },
      { header: 'export.col.target', value: () => YEARLY_HOURS_TARGET },
    ],
    computed: [
      { header: 'export.col.hours_per_volunteer', formula: (n) => safeDiv(`B${n}`, `C${n}`), value: ([h, reg]) => ratio(h!, reg!) },
      {
        header: 'export.col.target_share',
        formula: (n) => `IF(C${n}=0,"",B${n}/C${n}/D${n})`,
        value: ([h, reg, target]) => (reg === 0 ? null : ratio(h! / reg!, target!)),
      },
    ],
  },
  {
    sheet: 'export.sheet.satisfaction',
    inputs: [
      { header: 'export.col.ratings', value: (r) => r.ratings },
      { header: 'export.col.score_sum', value: (r) => r.scoreSum },
      { header: 'export.col.good', value: (r) => r.good },
    ],
    computed: [
      { header: 'export.col.avg_score', formula: (n) => safeDiv(`C${n}`, `B${n}`), value: ([c, s]) => ratio(s!, c!) },
      { header: 'export.col.good_share', formula: (n) => safeDiv(`D${n}`, `B${n}`), value: ([c, , g]) => ratio(g!, c!) },
    ],
  },
  {
    sheet: 'export.sheet.fulfilment',
    inputs: [
      { header: 'export.col.received', value: (r) => r.received },
      { header: 'export.col.fulfilled', value: (r) => r.fulfilled },
      { header: 'export.col.unfulfilled', value: (r) => r.unfulfilled },
      { header: 'export.col.cancelled', value: (r) => r.cancelled },
    ],
    computed: [{ header: 'export.col.fulfil_rate', formula: (n) => safeDiv(`C${n}`, `B${n}`), value: ([rec, ful]) => ratio(ful!, rec!) }],
  },
];

const COLS = 'ABCDEFGHIJ';

/** The month [start, end) and its year's start, in the desk's time zone. */
export function monthBounds(month: string, timeZone: string): { yearStart: Date; monthStart: Date; monthEnd: Date } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  return { yearStart: dayStart(`${y}-01-01`, timeZone), monthStart: dayStart(`${month}-01`, timeZone), monthEnd: dayStart(next, timeZone) };
}

export interface AssessmentPlan {
  unitId: string | null;
  stations: string[];
  count(): Promise<number>;
  write(path: string): Promise<number>;
}

/** The plan of an assessment workbook for a principal and a stored filter. */
export async function assessmentPlan(repos: Repos, p: ConsolePrincipal, filter: unknown, locale: Locale, timeZone: string): Promise<AssessmentPlan> {
  const q = assessmentFilterSchema.parse(filter);
  const tree = await repos.org.tree();
  const unit = [...tree.values()].find((u) => u.code === q.unit && p.readUnitIds.includes(u.id)) ?? null;
  const stations = unit ? scopedStations(tree, p.readUnitIds, q.unit) : [];
  const name = (id: string): string => {
    const u = tree.get(id);
    return u ? (locale === 'en' && u.nameEn ? u.nameEn : u.name) : '';
  };
  const tx = (k: MessageKey, params: Record<string, string> = {}): string => t(k, params, locale);
  return {
    unitId: unit?.id ?? null,
    stations,
    count: () => Promise.resolve(stations.length * INDICATORS.length),
    async write(path: string): Promise<number> {
      const b = monthBounds(q.month, timeZone);
      const inputs = stations.length ? await repos.exports.assessment(stations, b.yearStart, b.monthStart, b.monthEnd) : [];
      inputs.sort((a, c) => name(a.stationId).localeCompare(name(c.stationId), 'zh'));
      const book = new XlsxWriter(path);
      const about = await book.sheet(tx('export.sheet.about'));
      await about.rows([
        [tx('export.about.unit', { unit: unit ? name(unit.id) : q.unit })],
        [tx('export.about.month', { month: q.month, zone: timeZone })],
        [tx('export.about.formulas')],
        [tx('export.about.masked')],
      ]);
      await about.close();
      let rows = 0;
      for (const ind of INDICATORS) {
        const sheet = await book.sheet(tx(ind.sheet));
        const lines: XlsxValue[][] = [];
        lines.push([tx('export.col.station'), ...ind.inputs.map((i) => tx(i.header)), ...ind.computed.map((c) => tx(c.header))]);
        const line = (label: string, values: Array<number | FormulaCell>, n: number, sums: number[]): void => {
          lines.push([label, ...values, ...ind.computed.map((c) => ({ formula: c.formula(n), result: c.value(sums) ?? '' }))]);
        };
        inputs.forEach((r, i) => {
          const vals = ind.inputs.map((x) => x.value(r));
          line(name(r.stationId), vals, i + 2, vals);
          rows++;
        });
        // The total: the inputs summed (formulas too), then the same computed columns over them.
        const last = inputs.length + 1;
        const n = inputs.length + 2;
        const sums = ind.inputs.map((x) => inputs.reduce((s, r) => s + x.value(r), 0));
        const sumCells = ind.inputs.map((x, k): FormulaCell => {
          const col = COLS[k + 1]!;
          // The target is a constant per row, not a sum.
          if (x.header === 'export.col.target') return { formula: `${col}2`, result: YEARLY_HOURS_TARGET };
          return { formula: `SUM(${col}2:${col}${last})`, result: Math.round(sums[k]! * 100) / 100 };
        });
        const totals = ind.inputs.map((x, k) => (x.header === 'export.col.target' ? YEARLY_HOURS_TARGET : sums[k]!));
        if (inputs.length) line(tx('export.total'), sumCells, n, totals);
        await sheet.rows(lines);
        await sheet.close();
      }
      await book.close();
      return rows;
    },
  };
}

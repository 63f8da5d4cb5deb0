// What the reports API accepts (zod: the edge answers 400 with field errors, the use cases parse
// again). Query strings arrive as strings.
import { z } from 'zod';
import { CHART_PERIODS, OVERVIEW_PERIODS } from '@baiying/contracts';

const CODE = /^[A-Za-z0-9-]{1,40}$/;
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const category = z
  .string()
  .regex(/^[a-z_]{1,40}$/)
  .optional();

export type OverviewPeriod = (typeof OVERVIEW_PERIODS)[number];
export type ChartPeriod = (typeof CHART_PERIODS)[number];

/** The longest span the charts accept (days). */
export const MAX_CHART_DAYS = 366;

export const reportOverviewQuerySchema = z
  .object({
    period: z.enum(OVERVIEW_PERIODS).default('today'),
    unit: z.string().regex(CODE).optional(),
    station: z.string().regex(CODE).optional(),
    category,
  })
  .strict();
export type ReportOverviewQuery = z.output<typeof reportOverviewQuerySchema>;

const isDay = (s: string): boolean => {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
};

export const reportChartsQuerySchema = z
  .object({
    period: z.enum(CHART_PERIODS).optional(),
    from: day.optional(),
    to: day.optional(),
    unit: z.string().regex(CODE).optional(),
    station: z.string().regex(CODE).optional(),
    category,
    teams: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict()
  .superRefine((v, ctx) => {
    if ((v.from === undefined) !== (v.to === undefined)) ctx.addIssue({ code: 'custom', path: [v.from ? 'to' : 'from'], message: 'from and to go together' });
    if (v.from !== undefined && v.period !== undefined) ctx.addIssue({ code: 'custom', path: ['period'], message: 'either period or from/to' });
    for (const k of ['from', 'to'] as const) {
      const s = v[k];
      if (s !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(s) && !isDay(s)) ctx.addIssue({ code: 'custom', path: [k], message: 'not a calendar day' });
    }
    if (v.from && v.to && isDay(v.from) && isDay(v.to)) {
      const span = (Date.parse(v.to) - Date.parse(v.from)) / 86_400_000;
      if (span < 0) ctx.addIssue({ code: 'custom', path: ['to'], message: 'before from' });
      else if (span >= MAX_CHART_DAYS) ctx.addIssue({ code: 'custom', path: ['to'], message: `at most ${MAX_CHART_DAYS} days` });
    }
  });
export type ReportChartsQuery = z.output<typeof reportChartsQuerySchema>;

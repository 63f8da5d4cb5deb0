// What the export API accepts (zod: the edge answers 400 with field errors, the use cases parse
// again). Filters are the needs list's (docs/console-api.md) where the rows are needs; the other
// kinds take what applies to them. The filter is stored on the export_job row as given.
import { z } from 'zod';
import { needListFilterSchema } from '../console/index.js';
import type { ExportKind } from '@baiying/contracts';

const CODE = /^[A-Za-z0-9-]{1,40}$/;
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

/** The kinds with one row per record (streamed from PostgreSQL); the other two are workbooks. */
export type RowKind = Exclude<ExportKind, 'assessment' | 'four_lists'>;
export const EXPORT_FORMATS = ['xlsx', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The needs list's filters without its paging and sort (its beneficiary and 审单 filters are not applied to exports yet). */
export const needFilterSchema = needListFilterSchema.omit({ sort: true, beneficiary: true, review: true });
export const volunteerFilterSchema = z.object({ unit: z.string().regex(CODE).optional(), station: z.string().regex(CODE).optional() }).strict();
export const callFilterSchema = z.object({ unit: z.string().regex(CODE).optional(), from: day.optional(), to: day.optional() }).strict();
/** A unit and a month (the assessment workbook; the four lists: that month's latest snapshot version). */
const unitMonthSchema = z.object({ unit: z.string().regex(CODE), month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM') }).strict();
export const assessmentFilterSchema = unitMonthSchema;
export const fourListsFilterSchema = unitMonthSchema.clone();

const format = z.enum(EXPORT_FORMATS).default('xlsx');
const reveal = z.boolean().default(false);

export const exportRequestSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('needs'), format, reveal, filter: needFilterSchema.default({}) }).strict(),
  z.object({ kind: z.literal('service_records'), format, reveal, filter: needFilterSchema.default({}) }).strict(),
  z.object({ kind: z.literal('volunteers'), format, reveal, filter: volunteerFilterSchema.default({}) }).strict(),
  z.object({ kind: z.literal('calls'), format, reveal, filter: callFilterSchema.default({}) }).strict(),
  // The assessment workbook holds counts only (nothing to reveal) and needs sheets: xlsx.
  z.object({ kind: z.literal('assessment'), format: z.literal('xlsx').default('xlsx'), filter: assessmentFilterSchema }).strict(),
  // The four lists are public facts already (the 公示 snapshot): nothing to reveal; sheets: xlsx.
  z.object({ kind: z.literal('four_lists'), format: z.literal('xlsx').default('xlsx'), filter: fourListsFilterSchema }).strict(),
]);
export type ExportRequest = z.output<typeof exportRequestSchema>;

export const exportIdSchema = z.object({ id: z.string().uuid() }).strict();
/** A signed download link: `<export id>.<expiry, ms since epoch>.<HMAC>`. */
export const downloadTokenSchema = z.object({ token: z.string().regex(/^[0-9a-f-]{36}\.\d{10,14}\.[A-Za-z0-9_-]{43}$/, 'a download link token') }).strict();

export const pullTokenRequestSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('needs'), label: z.string().trim().min(1).max(60), filter: needFilterSchema.default({}) }).strict(),
  z.object({ kind: z.literal('service_records'), label: z.string().trim().min(1).max(60), filter: needFilterSchema.default({}) }).strict(),
  z.object({ kind: z.literal('volunteers'), label: z.string().trim().min(1).max(60), filter: volunteerFilterSchema.default({}) }).strict(),
  z.object({ kind: z.literal('calls'), label: z.string().trim().min(1).max(60), filter: callFilterSchema.default({}) }).strict(),
]);
export const pullTokenIdSchema = z.object({ id: z.string().uuid() }).strict();
export const pullTokenSchema = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'a pull token') }).strict();

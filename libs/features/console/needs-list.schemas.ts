// The needs list's query (filters, sort, keyset page) and its saved filters, as zod schemas the
// API validates with (400 with field errors) and the use cases parse again (decision 0034).
import { BENEFICIARIES, NEED_STATUSES } from '@baiying/domain';
import { z } from 'zod';
import { CODE, csv, cursorSchema, day, PAGE_DEFAULT, PAGE_MAX } from './console.schemas.js';
import { NEED_SORTS } from '@baiying/contracts';

export type NeedSort = (typeof NEED_SORTS)[number];
/** The urgency sort reads the levels in this order. */
export const URGENCY_ORDER = ['emergency', 'urgent', 'normal'] as const;
export type Urgency = (typeof URGENCY_ORDER)[number];

const filterFields = {
  status: csv(NEED_STATUSES).optional(),
  category: z
    .string()
    .regex(/^[a-z_]{1,40}$/)
    .optional(),
  unit: z.string().regex(CODE).optional(),
  station: z.string().regex(CODE).optional(),
  urgency: z.enum(URGENCY_ORDER).optional(),
  beneficiary: csv(BENEFICIARIES).optional(),
  review: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  from: day.optional(),
  to: day.optional(),
  q: z
    .string()
    .regex(/^[A-Za-z0-9-]{1,20}$/, 'a need code or part of one')
    .optional(),
  sort: z.enum(NEED_SORTS).default('new'),
};

/** Where a page of a sort ends: the sort, the urgency level (urgency sort only), time and id. */
export interface NeedCursor {
  sort: NeedSort;
  urgency: Urgency | null;
  at: Date;
  id: string;
}

export function encodeNeedCursor(c: NeedCursor): string {
  return Buffer.from(`${c.sort}|${c.urgency ?? ''}|${c.at.toISOString()}|${c.id}`).toString('base64url');
}

const isUrgency = (s: string): s is Urgency => (URGENCY_ORDER as readonly string[]).includes(s);

/** The cursor if it is one this list made for this sort (byte for byte), else null. */
export function decodeNeedCursor(cursor: string, sort: NeedSort): NeedCursor | null {
  const parts = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (parts.length !== 4) return null;
  const [s, u, iso, id] = parts as [string, string, string, string];
  if (s !== sort || !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id)) return null;
  const urgency = sort === 'urgency' ? (isUrgency(u) ? u : null) : null;
  if (sort === 'urgency' ? urgency === null : u !== '') return null;
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return null;
  const c: NeedCursor = { sort, urgency, at, id };
  return encodeNeedCursor(c) === cursor ? c : null;
}

/** What a saved filter holds: the filters and the sort, never a page. */
export const needListFilterSchema = z.object(filterFields).strict();

export const needListQuerySchema = z
  .object({ ...filterFields, cursor: cursorSchema.optional(), limit: z.coerce.number().int().min(1).max(PAGE_MAX).default(PAGE_DEFAULT) })
  .strict()
  .superRefine((v, ctx) => {
    if (v.cursor !== undefined && !decodeNeedCursor(v.cursor, v.sort)) {
      ctx.addIssue({ code: 'custom', path: ['cursor'], message: 'not a cursor of this list and sort' });
    }
    if (v.from && v.to && v.from > v.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'on or after from' });
  });
export type NeedListQuery = z.output<typeof needListQuerySchema>;

/** A person keeps at most this many saved filters. */
export const SAVED_FILTERS_MAX = 20;
export const SAVED_FILTER_QUERY_MAX = 1000;

/** The query string of a saved filter, checked as the list would check it; kept in a canonical order. */
const filterQuery = z
  .string()
  .max(SAVED_FILTER_QUERY_MAX)
  .transform((s, ctx) => {
    const params = new URLSearchParams(s.startsWith('?') ? s.slice(1) : s);
    const raw: Record<string, string> = {};
    for (const [k, v] of params) {
      if (k in raw) {
        ctx.addIssue({ code: 'custom', message: `${k} given twice` });
        return z.NEVER;
      }
      raw[k] = v;
    }
    const r = needListFilterSchema.safeParse(raw);
    if (!r.success) {
      ctx.addIssue({ code: 'custom', message: `not a needs-list filter: ${r.error.issues.map((i) => i.path.join('.') || i.message).join(', ')}` });
      return z.NEVER;
    }
    return new URLSearchParams(Object.entries(raw).sort(([a], [b]) => a.localeCompare(b))).toString();
  });

export const savedFilterSchema = z
  .object({
    name: z.string().trim().min(1).max(40),
    query: filterQuery,
  })
  .strict();
export type SavedFilterInput = z.output<typeof savedFilterSchema>;

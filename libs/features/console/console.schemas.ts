// What the console's HTTP API accepts, as zod schemas the edge validates with (400 with field
// errors) and the use cases parse again. Query strings arrive as strings.
import { z } from 'zod';
import { AUDIT_ACTIONS, REVEAL_REASONS, type NeedAction } from '@baiying/contracts';

/** A unit, station or team code. */
export const CODE = /^[A-Za-z0-9-]{1,40}$/;
export const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
/** A comma-separated list of known values, as a query string carries it. */
export const csv = <T extends string>(values: readonly [T, ...T[]]) =>
  z
    .string()
    .max(200)
    .transform((s) => s.split(',').filter(Boolean))
    .pipe(z.array(z.enum(values)).max(values.length));
/** Opaque keyset cursor: base64url of "<ISO time>|<uuid>". */
export const cursorSchema = z.string().regex(/^[A-Za-z0-9_-]{10,120}$/, 'cursor');

export const PAGE_DEFAULT = 50;
export const PAGE_MAX = 200;

export const needIdSchema = z.object({ id: z.string().uuid() }).strict();

export const revealSchema = z
  .object({
    reason: z.enum(REVEAL_REASONS),
    note: z.string().trim().min(1).max(200).optional(),
  })
  .strict()
  .refine((v) => v.reason !== 'other' || v.note !== undefined, { path: ['note'], message: "required when reason is 'other'" });
export type RevealInput = z.output<typeof revealSchema>;

const text = z.string().trim().min(1).max(500);
export const needActionSchemas = {
  reassign: z.object({ team: z.string().regex(CODE, 'a team code') }).strict(),
  close: z.object({ promisedDate: day, reason: text }).strict(),
  verify: z.object({}).strict(),
  cancel: z.object({ reason: text }).strict(),
  category: z.object({ category: z.string().regex(/^[a-z_]{1,40}$/, 'a category code') }).strict(),
} as const satisfies Record<NeedAction, z.ZodType>;
export type NeedActionBody<A extends NeedAction> = z.output<(typeof needActionSchemas)[A]>;

export const auditQuerySchema = z
  .object({
    action: z.enum(AUDIT_ACTIONS).optional(),
    actor: z.string().uuid().optional(),
    need: z.string().uuid().optional(),
    from: day.optional(),
    to: day.optional(),
    cursor: cursorSchema.optional(),
    limit: z.coerce.number().int().min(1).max(PAGE_MAX).default(PAGE_DEFAULT),
  })
  .strict();
export type AuditQuery = z.output<typeof auditQuerySchema>;

export const sessionIdSchema = z.object({ id: z.string().uuid() }).strict();
export const demoLoginSchema = z.object({ persona: z.string().regex(/^[a-z0-9-]{1,40}$/) }).strict();
export const loginLinkSchema = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'a login link token') }).strict();

export function encodeCursor(at: Date, id: string): string {
  return Buffer.from(`${at.toISOString()}|${id}`).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): { at: Date; id: string } | null {
  if (!cursor) return null;
  const [iso, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!iso || !id || !/^[0-9a-f-]{36}$/.test(id)) return null;
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? null : { at, id };
}

// What the console's office pages accept (volunteers, teams, emergency, settings), as zod
// schemas the API validates with (400 with field errors) and the use cases parse again.
import { cleanText } from '@baiying/domain';
import { z } from 'zod';
import { cursorSchema, PAGE_DEFAULT, PAGE_MAX } from '../console/index.js';

const CODE = /^[A-Za-z0-9-]{1,40}$/;
/** Printable text only: no control characters, no NUL (PostgreSQL refuses it), no lone surrogates. */
const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((s) => cleanText(s) === s, 'printable text');

export const volunteerListQuerySchema = z
  .object({
    status: z.enum(['pending', 'approved', 'rejected']).optional(),
    team: z.string().regex(CODE).optional(),
    unit: z.string().regex(CODE).optional(),
    /** Only volunteers with a membership awaiting the caller's decision. */
    pending: z.enum(['true', 'false']).optional(),
    cursor: cursorSchema.optional(),
    limit: z.coerce.number().int().min(1).max(PAGE_MAX).default(PAGE_DEFAULT),
  })
  .strict();
export type VolunteerListQuery = z.output<typeof volunteerListQuerySchema>;

export const idParamSchema = z.object({ id: z.string().uuid() }).strict();

export const membershipDecisionSchema = z.object({ approve: z.boolean() }).strict();

export const teamListQuerySchema = z
  .object({
    unit: z.string().regex(CODE).optional(),
    category: z
      .string()
      .regex(/^[a-z_]{1,40}$/)
      .optional(),
  })
  .strict();

export const modeSwitchSchema = z.object({ on: z.boolean(), reason: text(200) }).strict();

export const categoryCodeParamSchema = z.object({ code: z.string().regex(/^[a-z_]{1,40}$/) }).strict();

export const categoryEditSchema = z
  .object({
    nameZh: text(20).optional(),
    nameEn: text(40).optional(),
    keywords: z
      .array(text(20))
      .max(100)
      .refine((k) => new Set(k).size === k.length, 'no repeated keywords')
      .optional(),
    active: z.boolean().optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).length > 0, { message: 'nothing to change' });
export type CategoryEdit = z.output<typeof categoryEditSchema>;

export const unitEditSchema = z
  .object({
    name: text(40).optional(),
    nameEn: text(60).nullable().optional(),
    aliases: z
      .array(text(20))
      .max(30)
      .refine((k) => new Set(k).size === k.length, 'no repeated aliases')
      .optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).length > 0, { message: 'nothing to change' });
export type UnitEdit = z.output<typeof unitEditSchema>;

export const teamEditSchema = z
  .object({ name: text(40).optional(), nameEn: text(60).nullable().optional() })
  .strict()
  .refine((v) => Object.keys(v).length > 0, { message: 'nothing to change' });
export type TeamEdit = z.output<typeof teamEditSchema>;

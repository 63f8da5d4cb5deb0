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

/** A new category (the 8+N): code, names, keywords the understanding matches, hours credited by default. */
export const categoryCreateSchema = z
  .object({
    code: z.string().regex(/^[a-z_]{1,40}$/),
    nameZh: text(20),
    nameEn: text(40),
    keywords: z
      .array(text(20))
      .max(100)
      .refine((k) => new Set(k).size === k.length, 'no repeated keywords')
      .default([]),
    defaultHours: z.number().min(0.25).max(24).multipleOf(0.25).default(1),
  })
  .strict();
export type CategoryCreate = z.output<typeof categoryCreateSchema>;

/** A new institute (under the centre) or station (under an institute); the tier follows the parent. */
export const unitCreateSchema = z
  .object({
    code: z.string().regex(CODE),
    name: text(40),
    nameEn: text(60).nullable().optional(),
    parent: z.string().uuid(),
    aliases: z
      .array(text(20))
      .max(30)
      .refine((k) => new Set(k).size === k.length, 'no repeated aliases')
      .default([]),
  })
  .strict();
export type UnitCreate = z.output<typeof unitCreateSchema>;

/** A new team: its unit and the category it serves. */
export const teamCreateSchema = z
  .object({
    code: z.string().regex(CODE),
    name: text(40),
    nameEn: text(60).nullable().optional(),
    unit: z.string().uuid(),
    category: z.string().regex(/^[a-z_]{1,40}$/),
  })
  .strict();
export type TeamCreate = z.output<typeof teamCreateSchema>;

const slaMinutes = z.number().int().min(1).max(10_080).nullable().optional();
/** SLA minutes per tier (null: back to the deployment's default); at most a week. */
export const slaEditSchema = z
  .object({ station: slaMinutes, institute: slaMinutes, center: slaMinutes, urgent: slaMinutes, emergency: slaMinutes })
  .strict()
  .refine((v) => Object.keys(v).length > 0, { message: 'nothing to change' });
export type SlaEdit = z.output<typeof slaEditSchema>;

// The intake form's state between turns (encrypted in PostgreSQL): what is known so far.
import { defineFlow } from '@baiying/conversation';
import { BENEFICIARIES, type Channel } from '@baiying/domain';
import { z } from 'zod';
import type { SubmitNeedCommand } from './submit-need.usecase.js';

const point = z.object({ lat: z.number(), lng: z.number() });
const attachment = z.object({ kind: z.string(), fileRef: z.string() });

/**
 * The ordinary steps, then two for danger: `danger_check` asks once whether anyone is in danger
 * (a "possible" signal), `danger_place` is the one question before an emergency goes out.
 */
export const INTAKE_STEPS = ['category', 'station', 'address', 'time', 'phone', 'beneficiary', 'confirm', 'danger_check', 'danger_place'] as const;

export const intakeData = z.object({
  step: z.enum(INTAKE_STEPS),
  description: z.string(),
  truncated: z.boolean(),
  categoryCode: z.string().optional(),
  stationId: z.string().optional(),
  // null = skipped; undefined = not asked yet
  address: z.string().nullable().optional(),
  location: point.nullable().optional(),
  wantedTime: z.string().nullable().optional(),
  phone: z.string().nullable().optional(),
  beneficiary: z.enum(BENEFICIARIES).optional(),
  urgency: z.enum(['urgent', 'normal']),
  attachments: z.array(attachment),
  /** What understanding proposed: the top categories, and whether it was confident. */
  guess: z.object({ top: z.array(z.string()), confident: z.boolean() }).optional(),
  /** The danger check's verdict on what the resident wrote (absent: no sign of danger). */
  danger: z.object({ level: z.enum(['possible', 'likely']), families: z.array(z.string()), lifeThreatening: z.boolean(), selfHarm: z.boolean() }).optional(),
});
export type IntakeData = z.infer<typeof intakeData>;

export const intakeFlow = defineFlow('intake', intakeData);

/** A photo or voice note before any words: kept for the need that follows. */
export const pendingMediaFlow = defineFlow('pending_photo', z.object({ attachments: z.array(attachment) }));

/** At most this many photos/voice notes are kept with one need. */
export const MAX_ATTACHMENTS = 10;

/** The need a completed form describes, as the submit use case takes it. */
export function needCommand(channel: Channel, data: IntakeData & { categoryCode: string; stationId: string }): SubmitNeedCommand {
  return {
    channel,
    description: data.description,
    truncated: data.truncated,
    categoryCode: data.categoryCode,
    stationId: data.stationId,
    address: data.address ?? null,
    location: data.location ?? null,
    wantedTime: data.wantedTime ?? null,
    phone: data.phone ?? null,
    beneficiary: data.beneficiary ?? 'none',
    urgency: data.urgency,
    attachments: data.attachments,
    reviewReason: reviewReason(data),
  };
}

/** 审单: the category stays uncertain when understanding was unsure and the resident chose outside its top three. */
export function reviewReason(d: IntakeData): string | null {
  if (!d.guess || d.guess.confident || !d.categoryCode) return null;
  if (d.guess.top.length === 0) return 'no_category_evidence';
  return d.guess.top.includes(d.categoryCode) ? null : 'uncertain_category';
}

export function nextStep(d: IntakeData): IntakeData['step'] {
  if (!d.categoryCode) return 'category';
  if (!d.stationId) return 'station';
  if (d.address === undefined && d.location === undefined) return 'address';
  if (d.wantedTime === undefined) return 'time';
  if (d.phone === undefined) return 'phone';
  if (!d.beneficiary) return 'beneficiary';
  return 'confirm';
}

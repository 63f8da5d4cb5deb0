// The /call form's data: what the dialogue stores between steps (validated on every load), the
// reading of the times typed into it, and the draft the preview and create use cases take.
// The conversation itself (the questions, the buttons, the steps) is in call.flow.ts.
import { defineFlow } from '@baiying/conversation';
import { CALL_LIMITS } from '@baiying/domain';
import { extractTime } from '@baiying/nlu';
import { z } from 'zod';
import type { CallAudienceInput, CallDraft } from './call-draft.js';

/** Words for a time already past: refused rather than read as the next such time. */
const PAST = /昨|前天|去年|上周|上个?星期|上个?月|yesterday|last (?:week|month|year)/i;

const audience = z.object({
  everyone: z.boolean().optional(),
  teamCodes: z.array(z.string()).optional(),
  units: z.array(z.object({ code: z.string(), subtree: z.boolean() })).optional(),
  skills: z.array(z.string()).optional(),
});

const callData = z.object({
  step: z.enum(['title', 'description', 'place', 'time', 'headcount', 'skills', 'deadline', 'audience', 'audience_value', 'confirm']),
  title: z.string().optional(),
  description: z.string().optional(),
  placeText: z.string().optional(),
  site: z.object({ lat: z.number(), lng: z.number() }).nullable().optional(),
  startsAt: z.string().optional(),
  endsAt: z.string().optional(),
  headcount: z.number().optional(),
  skills: z.array(z.string()).optional(),
  answerBy: z.string().nullable().optional(),
  audienceKind: z.enum(['teams', 'units', 'skills']).optional(),
  audience: audience.optional(),
  /** Teams ticked in the audience menu, and that menu's key (rewritten in place by each tick). */
  teamIds: z.array(z.string()).optional(),
  menuKey: z.string().optional(),
});
export type CallData = z.infer<typeof callData>;

export const callFlow = defineFlow('call', callData);

/** A time or range typed in the form, read forward from now; null if unreadable, past or empty. */
export function parseRange(text: string, now: Date, timeZone: string): { start: Date; end: Date } | null {
  // The time reader resolves only forward-looking words; "昨天9点" would come back as today.
  if (PAST.test(text)) return null;
  const t = extractTime(text, { now, timeZone });
  if (!t?.start) return null;
  const start = new Date(t.start);
  const end = t.end ? new Date(t.end) : new Date(start.getTime() + CALL_LIMITS.defaultDurationHours * 3_600_000);
  if (start <= now || end <= start) return null;
  return { start, end };
}

/** The form's data as the draft the preview and create use cases take. */
export function draftOf(data: CallData, audience: CallAudienceInput): CallDraft {
  return {
    title: data.title ?? '',
    description: data.description ?? '',
    placeText: data.placeText ?? '',
    site: data.site ?? null,
    startsAt: new Date(data.startsAt ?? NaN),
    endsAt: new Date(data.endsAt ?? NaN),
    headcount: data.headcount ?? 0,
    skills: data.skills ?? [],
    answerBy: data.answerBy ? new Date(data.answerBy) : null,
    audience,
  };
}

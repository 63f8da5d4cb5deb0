// What a call is made of, as the chat flow, the HTTP API and the console give it, and the rules
// its fields must follow.
import { CALL_LIMITS, cleanText, err, ok, type GeoPoint, type Result } from '@baiying/domain';
import { parseNumber } from '@baiying/nlu';
import { z } from 'zod';

// Loose here (NaN and invalid dates pass): validateDraft names the field that is wrong.
const num = z.union([z.number(), z.nan()]);
const date = z.custom<Date>((v) => v instanceof Date, 'a date');
const point = z.object({ lat: num, lng: num });

export const callAudience = z.object({
  /** Every approved volunteer in the coordinator's scope. */
  everyone: z.boolean().optional(),
  teamCodes: z.array(z.string().min(1).max(40)).max(100).optional(),
  units: z
    .array(z.object({ code: z.string().min(1).max(40), subtree: z.boolean() }))
    .max(100)
    .optional(),
  skills: z.array(z.string().max(CALL_LIMITS.skillChars)).max(CALL_LIMITS.maxSkills).optional(),
});
export type CallAudienceInput = z.infer<typeof callAudience>;

export const callDraft = z.object({
  title: z.string(),
  description: z.string(),
  placeText: z.string(),
  site: point.nullable().optional(),
  radiusM: num.optional(),
  startsAt: date,
  endsAt: date,
  headcount: num,
  skills: z.array(z.string()).optional(),
  /** Deadline to answer; default: the start. */
  answerBy: date.nullable().optional(),
  audience: callAudience,
});
export type CallDraft = z.input<typeof callDraft>;

const DAY_MS = 86_400_000;

/** The rules of a call's fields; a refusal names the field. */
export function validateDraft(d: CallDraft, now: Date): Result<void> {
  const L = CALL_LIMITS;
  const bad = (field: string) => err('call/bad_input', { field });
  const chars = (s: string) => [...s].length;
  // NUL, other control characters, lone surrogates: PostgreSQL refuses NUL in text (a 500), and none belongs in a call.
  const controls = (s: string) => cleanText(s) !== s;
  if (!d.title.trim() || chars(d.title) > L.titleChars || controls(d.title)) return bad('title');
  if (chars(d.description) > L.descriptionChars || controls(d.description)) return bad('description');
  if (!d.placeText.trim() || chars(d.placeText) > L.placeChars || controls(d.placeText)) return bad('place');
  if (!Number.isInteger(d.headcount) || d.headcount < 1 || d.headcount > L.maxHeadcount) return bad('headcount');
  if (Number.isNaN(d.startsAt.getTime()) || d.startsAt <= now) return bad('startsAt');
  if (Number.isNaN(d.endsAt.getTime()) || d.endsAt <= d.startsAt) return bad('endsAt');
  if (d.endsAt.getTime() - d.startsAt.getTime() > L.maxDays * DAY_MS) return bad('endsAt');
  if (d.answerBy && (Number.isNaN(d.answerBy.getTime()) || d.answerBy <= now || d.answerBy > d.startsAt)) return bad('answerBy');
  if (d.site && !isGeo(d.site)) return bad('site');
  if (d.radiusM !== undefined && (!Number.isInteger(d.radiusM) || d.radiusM < L.minRadiusM || d.radiusM > L.maxRadiusM)) return bad('radiusM');
  if ((d.skills ?? []).some((s) => !s.trim() || s.length > L.skillChars || controls(s))) return bad('skills');
  return ok(undefined);
}

const isGeo = (p: GeoPoint): boolean => Math.abs(p.lat) <= 90 && Math.abs(p.lng) <= 180;

const HEADCOUNT = /^(?:要|需要|招|共)?(.+?)(?:个人|个|人|位|名)?(?:志愿者)?$/u;
const HEADCOUNT_EN = /^(\d+)\s*(?:people|persons?|volunteers?)?$/i;

/** How many people a coordinator asks for: "5", "5人", "5个人", "五人", "5位", "二十名志愿者", "5 people"; null for anything else. */
export function parseHeadcount(text: string): number | null {
  const t = text.normalize('NFKC').trim().replace(/\s+/g, ' ');
  const en = HEADCOUNT_EN.exec(t);
  if (en) return Number(en[1]);
  const m = HEADCOUNT.exec(t.replace(/ /g, ''));
  // "五六个人" is five or six people, not 56: Chinese digits without 十/百 are not read digit by digit here.
  if (!m || /^[〇零一二两三四五六七八九]{2,}$/u.test(m[1]!)) return null;
  const n = parseNumber(m[1]!);
  return n !== null && Number.isInteger(n) ? n : null;
}

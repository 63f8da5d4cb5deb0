// 一呼百应 (calls): the rules of a call-out that need no database — who is confirmed and who waits,
// distance to the site, hours from check-in to check-out, and how long sending will take.

export type RosterStatus = 'none' | 'confirmed' | 'waitlisted' | 'declined' | 'withdrawn';

export type AnswerOutcome =
  { kind: 'confirmed' } | { kind: 'waitlisted' } | { kind: 'declined' } | { kind: 'withdrawn'; promote: boolean } | { kind: 'unchanged'; roster: RosterStatus };

/**
 * What a "yes" or "no" does to one person's place. `confirmed` is how many are confirmed now
 * (this person excluded). A "no" from a confirmed person frees a place (`promote`); a "no"
 * from the waiting list just leaves it. Answering the same again changes nothing.
 */
export function answerOutcome(current: RosterStatus, yes: boolean, confirmed: number, headcount: number): AnswerOutcome {
  if (yes) {
    if (current === 'confirmed' || current === 'waitlisted') return { kind: 'unchanged', roster: current };
    return confirmed < headcount ? { kind: 'confirmed' } : { kind: 'waitlisted' };
  }
  if (current === 'confirmed') return { kind: 'withdrawn', promote: true };
  if (current === 'waitlisted') return { kind: 'withdrawn', promote: false };
  if (current === 'declined' || current === 'withdrawn') return { kind: 'unchanged', roster: current };
  return { kind: 'declined' };
}

export interface GeoPoint {
  lat: number;
  lng: number;
}

/** Great-circle distance in metres (haversine). */
export function distanceMeters(a: GeoPoint, b: GeoPoint): number {
  const R = 6_371_000;
  const rad = (d: number) => (d * Math.PI) / 180;
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * R * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Service hours from check-in to check-out, capped by the call's end, in quarter hours
 * (rounded down: a volunteer is not credited time they did not serve). Never negative.
 */
export function attendanceHours(checkedInAt: Date, checkedOutAt: Date, endsAt: Date): number {
  const end = Math.min(checkedOutAt.getTime(), endsAt.getTime());
  const ms = Math.max(0, end - checkedInAt.getTime());
  return Math.floor(ms / 900_000) / 4;
}

/** Check-in opens this long before the start and closes at the end. */
export const CHECK_IN_LEAD_MS = 60 * 60_000;

export function checkInOpen(now: Date, startsAt: Date, endsAt: Date): boolean {
  return now.getTime() >= startsAt.getTime() - CHECK_IN_LEAD_MS && now.getTime() < endsAt.getTime();
}

/** Seconds to send `count` private messages at `perSecond` (the floor; real sending adds latency). */
export function sendSeconds(count: number, perSecond: number): number {
  if (count <= 0) return 0;
  return Math.ceil(count / perSecond);
}

export function formatCallCode(day: string, n: number): string {
  return `M-${day}-${String(n).padStart(3, '0')}`;
}

const CALL_CODE_RE = /\bM-?(\d{8})-?(\d{1,4})\b/i;

/** "M-20261123-007", "m20261123-7" → "M-20261123-007". */
export function parseCallCode(text: string): string | null {
  const m = CALL_CODE_RE.exec(text.normalize('NFKC'));
  if (!m) return null;
  return formatCallCode(m[1]!, Number(m[2]));
}

/** Six digits for on-site check-in, from a random source in [0, 1). */
export function checkCodeFrom(random: number): string {
  return String(Math.floor(random * 1_000_000)).padStart(6, '0');
}

/**
 * A call's timers: reminders `remind-<minutes>` before the start, the answer `deadline` (and
 * `deadline-<epoch ms>` after an extension, so the new deadline gets its own job), the `finish`.
 */
export type CallTimerKind = 'deadline' | 'finish' | `remind-${number}` | `deadline-${number}`;

export const remindTimer = (minutes: number): CallTimerKind => `remind-${minutes}`;
export const extendedDeadlineTimer = (at: Date): CallTimerKind => `deadline-${at.getTime()}`;

export type ParsedCallTimer = { kind: 'remind'; minutes: number } | { kind: 'deadline' } | { kind: 'finish' };

export function parseCallTimer(kind: string): ParsedCallTimer | null {
  if (kind === 'finish') return { kind: 'finish' };
  if (kind === 'deadline' || /^deadline-\d+$/.test(kind)) return { kind: 'deadline' };
  const m = /^remind-(\d+)$/.exec(kind);
  return m ? { kind: 'remind', minutes: Number(m[1]) } : null;
}

/** Limits of a call's fields (chat flow, API and use case share them). */
export const CALL_LIMITS = {
  titleChars: 60,
  descriptionChars: 1000,
  placeChars: 200,
  maxHeadcount: 100_000,
  maxDays: 7,
  minRadiusM: 10,
  maxRadiusM: 50_000,
  skillChars: 30,
  maxSkills: 20,
  maxExtendHours: 24 * 30,
  /** The chat flow's "extend" button. */
  extendButtonHours: 2,
  /** "明天上午9点" has no end: a three-hour service is the usual shape of a volunteer activity. */
  defaultDurationHours: 3,
} as const;

// The resident's words for when, read into structured facts (WantedWhen) at submission: group
// cards show only those, never the words (which can hold a name or a phone number).
import type { WantedWhen } from '@baiying/domain';
import { extractTime } from '@baiying/nlu';

/** Words that mean "now / as soon as possible" (the 尽快 button writes one of them). */
const ASAP = /尽快|马上|立即|立刻|越快越好|急|asap|as soon as possible|right away|\bnow\b|immediately/i;

export function wantedWhenOf(words: string | null, now: Date, timeZone: string): WantedWhen | null {
  if (words === null || words.trim() === '') return null;
  const t = extractTime(words, { now, timeZone });
  if (t?.recurring) return { kind: 'weekly', weekdays: t.recurring.weekdays, ...(t.recurring.partOfDay ? { partOfDay: t.recurring.partOfDay } : {}) };
  if (t?.start) return { kind: 'at', start: t.start, ...(t.end ? { end: t.end } : {}) };
  return ASAP.test(words) ? { kind: 'asap' } : { kind: 'tbd' };
}

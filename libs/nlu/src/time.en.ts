// English times: recurrences ("every Tuesday evening") by hand, the rest through chrono-node.
import * as chrono from 'chrono-node';
import type { PartOfDay, TimeUnderstanding } from './nlu.types.js';
import { ALL_DAYS, build, WORKDAYS, type Resolved } from './time.resolve.js';
import { addDays, zonedParts, zoneOffsetMinutes, type CivilDate } from './zoned-time.util.js';

const EN_DAYS: ReadonlyArray<readonly [RegExp, number]> = [
  [/^mon/, 1],
  [/^tue/, 2],
  [/^wed/, 3],
  [/^thu/, 4],
  [/^fri/, 5],
  [/^sat/, 6],
  [/^sun/, 7],
];
const EN_DAY = '(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?';
const EN_POD = '(?:mornings?|afternoons?|evenings?|nights?|noons?|lunchtimes?)';
const EN_RECURRING = new RegExp(
  `\\b(?:(?:every|each)\\s+(?<everyUnit>day|morning|afternoon|evening|night|weekday|weekend)s?` +
    `|(?:every|each|on)\\s+(?<dayList>${EN_DAY}s?(?:\\s*(?:,|and|&|or)\\s*${EN_DAY}s?)*)` +
    `|(?:on\\s+)?(?<weekdays>weekdays?)` +
    `|(?<plural>(?:mon|tues|wednes|thurs|fri|satur|sun)days)` +
    `|(?<daily>daily))\\b(?:\\s+(?<pod>${EN_POD}))?`,
  'i',
);

function enPartOfDay(word: string | undefined): PartOfDay | undefined {
  if (!word) return undefined;
  const w = word.toLowerCase();
  if (w.startsWith('morning')) return 'morning';
  if (w.startsWith('afternoon')) return 'afternoon';
  if (w.startsWith('evening') || w.startsWith('night') || w.startsWith('tonight')) return 'evening';
  if (w.startsWith('noon') || w.startsWith('lunch')) return 'noon';
  return undefined;
}

function extractEnRecurring(text: string, original: string, now: Date, timeZone: string): TimeUnderstanding | null {
  const m = EN_RECURRING.exec(text);
  if (!m?.groups) return null;
  const g = m.groups;
  let weekdays: number[] = [];
  let pod = enPartOfDay(g['pod']);
  if (g['everyUnit']) {
    const unit = g['everyUnit'].toLowerCase();
    weekdays = unit === 'weekday' ? WORKDAYS : unit === 'weekend' ? [6, 7] : ALL_DAYS;
    pod ??= enPartOfDay(unit);
  } else if (g['dayList']) {
    // "on Tuesday" is one day; "on Tuesdays", "on Tuesday evenings" and "every Tuesday" repeat.
    if (/^on\b/i.test(m[0]) && !/days\b/i.test(g['dayList']) && !/s$/i.test(g['pod'] ?? '')) return null;
    for (const word of g['dayList'].toLowerCase().split(/[^a-z]+/)) {
      const hit = EN_DAYS.find(([re]) => re.test(word) && word !== 'and' && word !== 'or');
      if (hit) weekdays.push(hit[1]);
    }
  } else if (g['weekdays']) {
    if (/^weekday$/i.test(g['weekdays']) && !g['pod']) return null;
    weekdays = WORKDAYS;
  } else if (g['plural']) {
    const hit = EN_DAYS.find(([re]) => re.test(g['plural']!.toLowerCase()));
    if (hit) weekdays = [hit[1]];
  } else if (g['daily']) weekdays = ALL_DAYS;
  if (weekdays.length === 0) return null;
  weekdays = [...new Set(weekdays)].sort((a, b) => a - b);
  const r: Resolved = { implicitDate: true, weekdays };
  if (pod) r.pod = pod;
  const lead = m[0].length - m[0].trimStart().length;
  return build(r, original.slice(m.index + lead, m.index + m[0].trimEnd().length), now, timeZone);
}

// chrono reads these as dates; residents mean a frequency or urgency.
const CHRONO_NOISE = /^(?:(?:a|an|one)\s+(?:day|week|month|year)|(?:right\s+)?now|today)$/i;

export function extractEn(text: string, original: string, now: Date, timeZone: string): TimeUnderstanding | null {
  const recurring = extractEnRecurring(text, original, now, timeZone);
  if (recurring) return recurring;
  const results = chrono.parse(text, { instant: now, timezone: zoneOffsetMinutes(now, timeZone) }, { forwardDate: true });
  const hit = results.find((x) => !CHRONO_NOISE.test(x.text.trim()));
  if (!hit) return null;
  const s = hit.start;
  const date: CivilDate = { year: s.get('year') ?? 1970, month: s.get('month') ?? 1, day: s.get('day') ?? 1 };
  const r: Resolved = { implicitDate: false, date };
  const words = hit.text.toLowerCase();
  if (s.isCertain('hour')) {
    r.clock = { hour: s.get('hour') ?? 0, minute: s.get('minute') ?? 0, explicit24: true };
    if (hit.end?.isCertain('hour')) r.clock2 = { hour: hit.end.get('hour') ?? 0, minute: hit.end.get('minute') ?? 0, explicit24: true };
  } else {
    const pod = enPartOfDay(/\b(morning|afternoon|evening|tonight|night|noon|lunchtime)\b/.exec(words)?.[1]);
    if (pod) r.pod = pod;
    else if (/\bweekend\b/.test(words)) {
      const p = zonedParts(now, timeZone);
      const today: CivilDate = { year: p.year, month: p.month, day: p.day };
      const next = /\bnext\b/.test(words) ? 7 : 0;
      r.date = addDays(today, p.weekday === 7 && next === 0 ? 0 : 6 - p.weekday + next);
      r.spanDays = p.weekday === 7 && next === 0 ? 1 : 2;
    }
  }
  return build(r, original.slice(hit.index, hit.index + hit.text.length), now, timeZone);
}

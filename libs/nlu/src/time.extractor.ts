import * as chrono from 'chrono-node';
import type { PartOfDay, TimeUnderstanding } from './nlu.types.js';
import { hasCjk, parseNumber, toHalfWidth } from './text.util.js';
import { addDays, addMonths, compareDates, formatZoned, zonedInstant, zonedParts, zoneOffsetMinutes, type CivilDate } from './zoned-time.util.js';

export interface TimeExtractOptions {
  now?: Date;
  timeZone?: string;
}

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/** [start hour, end hour) of each part of the day; documented on PartOfDay. */
export const PART_OF_DAY_HOURS: Readonly<Record<PartOfDay, readonly [number, number]>> = {
  'small-hours': [0, 6],
  'early-morning': [6, 9],
  morning: [8, 12],
  noon: [11, 13],
  afternoon: [13, 18],
  dusk: [17, 19],
  evening: [18, 22],
  night: [22, 24],
};

const ZH_PART_OF_DAY: Readonly<Record<string, PartOfDay>> = {
  凌晨: 'small-hours',
  早上: 'early-morning',
  早晨: 'early-morning',
  清晨: 'early-morning',
  一早: 'early-morning',
  一大早: 'early-morning',
  大清早: 'early-morning',
  早: 'early-morning',
  上午: 'morning',
  中午: 'noon',
  晌午: 'noon',
  下午: 'afternoon',
  午后: 'afternoon',
  傍晚: 'dusk',
  黄昏: 'dusk',
  晚上: 'evening',
  晚间: 'evening',
  夜里: 'evening',
  夜间: 'evening',
  晚: 'evening',
  半夜: 'night',
  深夜: 'night',
};

const ZH_WEEKDAY: Readonly<Record<string, number>> = {
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  日: 7,
  天: 7,
  七: 7,
  '1': 1,
  '2': 2,
  '3': 3,
  '4': 4,
  '5': 5,
  '6': 6,
  '7': 7,
};

const ALL_DAYS = [1, 2, 3, 4, 5, 6, 7];
const WORKDAYS = [1, 2, 3, 4, 5];

// --- Chinese grammar ---------------------------------------------------------------------
const N = '(?:\\d{1,2}|[零〇一二两三四五六七八九十]{1,3})';
const WD = '[一二三四五六日天七1-7]';
const WEEK = '(?:周|星期|礼拜)';
const POD = '(?:凌晨|一大早|大清早|早上|早晨|清晨|一早|上午|中午|晌午|下午|午后|傍晚|黄昏|晚上|晚间|夜里|夜间|半夜|深夜)';
const GAP = '\\s*(?:的)?\\s*';

const REC =
  `(?<recWeek>每(?:个)?${WEEK}(?<recDays>${WD}(?:\\s*[、,，和及与跟/]?\\s*${WEEK}?${WD})*))` +
  `|(?<recSpan>${WEEK}(?<spanFrom>${WD})\\s*(?:到|至|-|~)\\s*${WEEK}?(?<spanTo>${WD}))` +
  `|(?<recDaily>每天|每日|每晚)` +
  `|(?<recWork>(?:每个?)?工作日)` +
  `|(?<recWeekend>每个?周末|每逢周末)`;

const DATE =
  `(?<isoY>\\d{4})[-/.](?<isoM>\\d{1,2})[-/.](?<isoD>\\d{1,2})` +
  `|(?<rel>大后天|后天|明天|明日|明儿个|明儿|今天|今日|今儿个|今儿|今晚|明晚|今早|明早|明晨)` +
  `|(?<wkPrefix>下下|下|这|本)?(?:个)?${WEEK}(?<wd>${WD})` +
  `|(?<weekend>(?<wePrefix>下下|下|这|本)?(?:个)?周末)` +
  `|(?<wkOnly>下下|下|这|本)(?:个)?${WEEK}` +
  `|(?:(?<mon>${N})月(?:份)?)?(?<dom>${N})(?:日|号)(?![楼院门室房线床车机店铺口栋幢座])` +
  `|(?<nextMonth>下个?月)` +
  `|(?<inN>${N}|半)(?:个)?(?<inUnit>天|小时|钟头|分钟)(?:以后|之后|后)`;

const CLOCK =
  `(?<hh>\\d{1,2})[:](?<mm>\\d{2})` +
  `|(?<rangeFrom>\\d{1,2})\\s*(?:-|~|到|至)\\s*(?<rangeTo>\\d{1,2})\\s*点` +
  `|(?<hour>${N})(?:点|點|时)(?:(?<half>半)|(?<quarter>一刻|三刻)|(?<minute>${N})分?)?(?:钟)?`;

const RANGE = `\\s*(?:到|至|-|~|—|–)\\s*(?<pod2>${POD})?(?:(?<hh2>\\d{1,2})[:](?<mm2>\\d{2})|(?<hour2>${N})(?:点|點|时)(?:(?<half2>半)|(?<minute2>${N})分?)?)`;

const ZH_TIME = new RegExp(`(?:${REC})?${GAP}(?:${DATE})?${GAP}(?<pod>${POD})?${GAP}(?:${CLOCK})?(?:${RANGE})?`, 'g');

// Words before a numeral that make "一点/两点" a quantity ("快一点", "有两点建议"), not a time.
const QUANTITY_BEFORE = /[快慢早晚多少大小好高低远近有差点这那些]$/;
const QUANTITY_AFTER = /^(?:点|儿|建议|意见|要求|问题|原因|看法|想法|东西)/;

interface ZhParts {
  text: string;
  start: number;
  end: number;
  groups: Record<string, string | undefined>;
}

function zhMatches(text: string): ZhParts[] {
  const out: ZhParts[] = [];
  for (const m of text.matchAll(ZH_TIME)) {
    const raw = m[0];
    if (raw.trim() === '') continue;
    const groups = m.groups ?? {};
    // The gaps between components may match on their own ("的"); a time needs a component.
    if (!COMPONENT_GROUPS.some((k) => groups[k] !== undefined)) continue;
    const lead = raw.length - raw.trimStart().length;
    const start = m.index + lead;
    const matched = raw.trim();
    if (!acceptZh(text, start, start + matched.length, groups)) continue;
    out.push({ text: matched, start, end: start + matched.length, groups });
  }
  return out;
}

function acceptZh(text: string, start: number, end: number, g: Record<string, string | undefined>): boolean {
  const before = text.slice(Math.max(0, start - 2), start);
  const after = text.slice(end, end + 4);
  const onlyClock = !g['recWeek'] && !g['recSpan'] && !g['recDaily'] && !g['recWork'] && !g['recWeekend'] && !hasDate(g) && !g['pod'];
  // "每周一次" is a frequency, not Mondays; "一周一次" likewise.
  if (g['recDays'] === '一' && /^[次回趟遍]/.test(after)) return false;
  if (g['wd'] && !g['wkPrefix'] && /[每一二两三四五六七八九十几\d]$/.test(before)) return false;
  if (g['dom'] && !g['mon']) {
    const day = parseNumber(g['dom']);
    if (day === null || day < 1 || day > 31) return false;
    // Addresses: 人民路88号, 阳光小区3号, 5栋3号.
    if (/[路街巷弄道区楼村栋幢院室元组\d]$/.test(before)) return false;
  }
  if (g['mon']) {
    const mon = parseNumber(g['mon']);
    if (mon === null || mon < 1 || mon > 12) return false;
  }
  if (onlyClock && g['hour'] !== undefined) {
    const h = parseNumber(g['hour']);
    if (h === null || h > 24) return false;
    const chineseNumeral = !/^\d/.test(g['hour']);
    if (chineseNumeral && (QUANTITY_BEFORE.test(before) || QUANTITY_AFTER.test(after))) return false;
    // "一点" alone is nearly always "a little"; accept it only when it is clearly o'clock.
    if (g['hour'] === '一' && !/^(?:钟|半|左右|前|后|以前|以后|之前|到|至)/.test(after) && !g['half'] && !g['minute'] && !g['hour2']) return false;
  }
  if (onlyClock && g['hh'] !== undefined) {
    if (Number(g['hh']) > 24 || Number(g['mm']) > 59) return false;
  }
  return true;
}

const DATE_GROUPS = ['isoY', 'rel', 'wd', 'weekend', 'wkOnly', 'dom', 'nextMonth', 'inN'];
const COMPONENT_GROUPS = ['recWeek', 'recSpan', 'recDaily', 'recWork', 'recWeekend', ...DATE_GROUPS, 'pod', 'hh', 'rangeFrom', 'hour'];

function hasDate(g: Record<string, string | undefined>): boolean {
  return DATE_GROUPS.some((k) => g[k] !== undefined);
}

// --- resolution --------------------------------------------------------------------------
interface Clock {
  hour: number;
  minute: number;
  explicit24: boolean;
}

interface Resolved {
  date?: CivilDate;
  spanDays?: number;
  implicitDate: boolean;
  pod?: PartOfDay;
  clock?: Clock;
  clock2?: Clock;
  pod2?: PartOfDay;
  weekdays?: number[];
  exact?: Date;
}

function clockFrom(hourRaw: string | undefined, minuteRaw: string | undefined, half: string | undefined, quarter?: string): Clock | undefined {
  if (hourRaw === undefined) return undefined;
  const hour = parseNumber(hourRaw);
  if (hour === null || hour > 24) return undefined;
  let minute = 0;
  if (half) minute = 30;
  else if (quarter) minute = quarter === '一刻' ? 15 : 45;
  else if (minuteRaw !== undefined) minute = parseNumber(minuteRaw) ?? 0;
  if (minute > 59) return undefined;
  return { hour, minute, explicit24: false };
}

/**
 * Hours as residents say them: with a part of the day, "下午3点" is 15:00; bare "三点",
 * "3点" and "15:00" all mean 15:00, because volunteer services are not booked at 3 a.m.
 * (1–6 o'clock without a part of the day is read as afternoon, 7–12 as morning/noon).
 */
function to24(clock: Clock, pod: PartOfDay | undefined): { hour: number; dayShift: number } {
  const h = clock.hour;
  if (h >= 13 || clock.explicit24) return { hour: h === 24 ? 0 : h, dayShift: h === 24 ? 1 : 0 };
  switch (pod) {
    case 'afternoon':
    case 'dusk':
      return { hour: h < 12 ? h + 12 : h, dayShift: 0 };
    case 'evening':
    case 'night':
      if (h <= 3) return { hour: h, dayShift: 1 };
      if (h === 12) return { hour: 0, dayShift: 1 };
      return { hour: h + 12, dayShift: 0 };
    case 'noon':
      return { hour: h <= 2 ? h + 12 : h, dayShift: 0 };
    case 'small-hours':
    case 'early-morning':
    case 'morning':
      return { hour: h === 12 && pod !== 'morning' ? 0 : h, dayShift: 0 };
    default:
      if (h >= 1 && h <= 6) return { hour: h + 12, dayShift: 0 };
      return { hour: h, dayShift: 0 };
  }
}

function weekdaysFromList(list: string): number[] {
  const days = new Set<number>();
  for (const ch of list) {
    const d = ZH_WEEKDAY[ch];
    if (d !== undefined) days.add(d);
  }
  return [...days].sort((a, b) => a - b);
}

function weekdayRange(from: number, to: number): number[] {
  const out: number[] = [];
  for (let d = from; ; d = (d % 7) + 1) {
    out.push(d);
    if (d === to || out.length === 7) break;
  }
  return out.sort((a, b) => a - b);
}

function resolveZh(g: Record<string, string | undefined>, today: CivilDate, todayWeekday: number, now: Date): Resolved {
  const r: Resolved = { implicitDate: false };
  if (g['recWeek'] && g['recDays']) r.weekdays = weekdaysFromList(g['recDays']);
  else if (g['recSpan'] && g['spanFrom'] && g['spanTo']) {
    r.weekdays = weekdayRange(ZH_WEEKDAY[g['spanFrom']] ?? 1, ZH_WEEKDAY[g['spanTo']] ?? 7);
  } else if (g['recDaily']) {
    r.weekdays = ALL_DAYS;
    if (g['recDaily'] === '每晚') r.pod = 'evening';
  } else if (g['recWork']) r.weekdays = WORKDAYS;
  else if (g['recWeekend']) r.weekdays = [6, 7];

  if (g['isoY'] && g['isoM'] && g['isoD']) {
    r.date = { year: Number(g['isoY']), month: Number(g['isoM']), day: Number(g['isoD']) };
  } else if (g['rel']) {
    const rel = g['rel'];
    const offset = rel.startsWith('大后') ? 3 : rel.startsWith('后') ? 2 : rel.startsWith('明') ? 1 : 0;
    r.date = addDays(today, offset);
    if (rel.endsWith('晚')) r.pod = 'evening';
    else if (rel.endsWith('早') || rel.endsWith('晨')) r.pod = 'early-morning';
  } else if (g['wd']) {
    const wd = ZH_WEEKDAY[g['wd']] ?? 1;
    r.date = addDays(today, weekdayOffset(g['wkPrefix'], wd, todayWeekday));
  } else if (g['inN'] && g['inUnit']) {
    const n = g['inN'] === '半' ? 0.5 : (parseNumber(g['inN']) ?? 0);
    const unit = g['inUnit'];
    if (unit === '天') r.date = addDays(today, Math.round(n));
    else r.exact = new Date(now.getTime() + n * (unit === '分钟' ? 60000 : 3600000));
  } else if (g['dom']) {
    const day = parseNumber(g['dom']) ?? 1;
    if (g['mon']) {
      const month = parseNumber(g['mon']) ?? today.month;
      let date: CivilDate = { year: today.year, month, day };
      if (compareDates(date, today) < 0) date = { ...date, year: today.year + 1 };
      r.date = date;
    } else {
      let date: CivilDate = { year: today.year, month: today.month, day };
      if (compareDates(date, today) < 0) date = addMonths({ ...date, day: 1 }, 1);
      r.date = { ...date, day };
    }
  } else if (g['nextMonth']) {
    r.date = addMonths({ ...today, day: 1 }, 1);
    const after = addMonths({ ...today, day: 1 }, 2);
    r.spanDays = Math.round((Date.UTC(after.year, after.month - 1, 1) - Date.UTC(r.date.year, r.date.month - 1, 1)) / 86400000);
  } else if (g['wkOnly']) {
    const weeks = g['wkOnly'] === '下下' ? 2 : g['wkOnly'] === '下' ? 1 : 0;
    r.date = addDays(today, 7 * weeks - (todayWeekday - 1));
    r.spanDays = 7;
  }
  if (g['weekend'] !== undefined) {
    const weeks = g['wePrefix'] === '下下' ? 2 : g['wePrefix'] === '下' ? 1 : 0;
    r.date = addDays(today, todayWeekday === 7 && weeks === 0 ? 0 : 6 - todayWeekday + 7 * weeks);
    r.spanDays = todayWeekday === 7 && weeks === 0 ? 1 : 2;
  }

  if (g['pod']) r.pod = ZH_PART_OF_DAY[g['pod']];
  if (g['hh'] !== undefined) {
    r.clock = { hour: Number(g['hh']), minute: Number(g['mm']), explicit24: g['hh'].length === 2 && g['hh'].startsWith('0') };
  } else if (g['rangeFrom'] !== undefined && g['rangeTo'] !== undefined) {
    r.clock = clockFrom(g['rangeFrom'], undefined, undefined);
    r.clock2 = clockFrom(g['rangeTo'], undefined, undefined);
  } else {
    r.clock = clockFrom(g['hour'], g['minute'], g['half'], g['quarter']);
  }
  if (g['hh2'] !== undefined) r.clock2 = { hour: Number(g['hh2']), minute: Number(g['mm2']), explicit24: false };
  else if (g['hour2'] !== undefined) r.clock2 = clockFrom(g['hour2'], g['minute2'], g['half2']);
  if (g['pod2']) r.pod2 = ZH_PART_OF_DAY[g['pod2']];
  return r;
}

/** 周六 = the coming Saturday (today if it is Saturday); 这周六 = this calendar week's; 下周六 = next week's. */
function weekdayOffset(prefix: string | undefined, wd: number, todayWeekday: number): number {
  if (prefix === '下') return 7 - todayWeekday + wd;
  if (prefix === '下下') return 14 - todayWeekday + wd;
  if (prefix === '这' || prefix === '本') return wd - todayWeekday;
  return (wd - todayWeekday + 7) % 7;
}

function build(r: Resolved, text: string, now: Date, timeZone: string): TimeUnderstanding {
  const result: TimeUnderstanding = { text };
  if (r.exact) {
    result.start = formatZoned(r.exact, timeZone);
    return result;
  }
  const nowParts = zonedParts(now, timeZone);
  const today: CivilDate = { year: nowParts.year, month: nowParts.month, day: nowParts.day };

  const startOn = (date: CivilDate): { start: Date; end?: Date } | null => {
    if (r.clock) {
      const a = to24(r.clock, r.pod);
      const startDate = addDays(date, a.dayShift);
      const start = zonedInstant(startDate, a.hour, r.clock.minute, timeZone);
      let end: Date | undefined;
      if (r.clock2) {
        let b = to24(r.clock2, r.pod2 ?? r.pod);
        if (!r.pod2 && !r.pod && b.hour < a.hour && b.hour + 12 < 24) b = { ...b, hour: b.hour + 12 };
        end = zonedInstant(addDays(date, b.dayShift), b.hour, r.clock2.minute, timeZone);
      }
      return { start, end };
    }
    if (r.pod) {
      const [from, to] = PART_OF_DAY_HOURS[r.pod];
      return { start: zonedInstant(date, from, 0, timeZone), end: zonedInstant(addDays(date, Math.floor(to / 24)), to % 24, 0, timeZone) };
    }
    return null;
  };

  let date = r.date;
  if (r.weekdays && r.weekdays.length > 0) {
    result.recurring = { weekdays: r.weekdays };
    if (r.pod) result.recurring.partOfDay = r.pod;
    if (!date) {
      for (let offset = 0; offset < 8; offset++) {
        const candidate = addDays(today, offset);
        const wd = ((nowParts.weekday - 1 + offset) % 7) + 1;
        if (!r.weekdays.includes(wd)) continue;
        const span = startOn(candidate);
        if (offset === 0 && span && (span.end ?? span.start) <= now) continue;
        date = candidate;
        break;
      }
    }
  }
  const implicit = !date;
  date ??= today;
  let span = startOn(date);
  if (span && implicit && !r.weekdays && (span.end ?? span.start) <= now) span = startOn(addDays(date, 1));
  if (span) {
    result.start = formatZoned(span.start, timeZone);
    if (span.end) result.end = formatZoned(span.end, timeZone);
  } else if (!implicit) {
    result.start = formatZoned(zonedInstant(date, 0, 0, timeZone), timeZone);
    result.end = formatZoned(zonedInstant(addDays(date, r.spanDays ?? 1), 0, 0, timeZone), timeZone);
  }
  return result;
}

function extractZh(text: string, original: string, now: Date, timeZone: string): TimeUnderstanding | null {
  const matches = zhMatches(text);
  const first = matches[0];
  if (!first) return null;
  const p = zonedParts(now, timeZone);
  const today: CivilDate = { year: p.year, month: p.month, day: p.day };
  let r = resolveZh(first.groups, today, p.weekday, now);
  const from = first.start;
  let to = first.end;
  // "周六有空，下午两点以后": a day and a time of day a few characters apart are one time.
  const second = matches[1];
  if (second && second.start - first.end <= 6 && !r.clock && !r.exact) {
    const r2 = resolveZh(second.groups, today, p.weekday, now);
    const firstHasDay = Boolean(r.date || r.weekdays);
    const secondHasDay = Boolean(r2.date || r2.weekdays || r2.exact);
    if (firstHasDay !== secondHasDay) {
      r = {
        ...r,
        date: r.date ?? r2.date,
        weekdays: r.weekdays ?? r2.weekdays,
        spanDays: r.date ? r.spanDays : r2.spanDays,
        pod: r.pod ?? r2.pod,
        clock: r2.clock,
        clock2: r2.clock2,
        pod2: r2.pod2,
      };
      to = second.end;
    }
  }
  return build(r, original.slice(from, to), now, timeZone);
}

// --- English -----------------------------------------------------------------------------
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

function extractEn(text: string, original: string, now: Date, timeZone: string): TimeUnderstanding | null {
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

/**
 * The time a resident wants, as written plus a structured form where it can be resolved
 * relative to `now` in `timeZone` (default Asia/Shanghai). Chinese is resolved by hand
 * (chrono's Chinese parser ignores the time zone and misses 后天, 每周二四, 下下周…);
 * English goes through chrono-node, with recurrences ("every Tuesday evening") by hand.
 */
export function extractTime(text: string, opts: TimeExtractOptions = {}): TimeUnderstanding | null {
  const now = opts.now ?? new Date();
  const timeZone = opts.timeZone ?? DEFAULT_TIME_ZONE;
  const normal = toHalfWidth(text);
  const latin = /[a-z]{2,}/i.test(normal);
  // Chinese and bare digits ("15:00") take the hand-written grammar; English words, chrono.
  if (hasCjk(normal) || !latin) {
    const zh = extractZh(normal, text, now, timeZone);
    if (zh) return zh;
  }
  return latin ? extractEn(normal, text, now, timeZone) : null;
}

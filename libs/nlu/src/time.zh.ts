// Chinese times, read by hand: chrono's Chinese parser ignores the time zone and misses 后天,
// 每周二四, 下下周…
import type { PartOfDay, TimeUnderstanding } from './nlu.types.js';
import { parseNumber } from './text.util.js';
import { ALL_DAYS, build, WORKDAYS, type Clock, type Resolved } from './time.resolve.js';
import { addDays, addMonths, compareDates, zonedParts, type CivilDate } from './zoned-time.util.js';

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

export function extractZh(text: string, original: string, now: Date, timeZone: string): TimeUnderstanding | null {
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

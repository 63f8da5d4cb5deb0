// What the Chinese and English time readers share: the resolved shape of a time as written,
// and how it becomes a TimeUnderstanding (start/end instants, recurrence) in a time zone.
import type { PartOfDay, TimeUnderstanding } from './nlu.types.js';
import { addDays, formatZoned, zonedInstant, zonedParts, type CivilDate } from './zoned-time.util.js';

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

export const ALL_DAYS = [1, 2, 3, 4, 5, 6, 7];
export const WORKDAYS = [1, 2, 3, 4, 5];

export interface Clock {
  hour: number;
  minute: number;
  explicit24: boolean;
}

export interface Resolved {
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

export function build(r: Resolved, text: string, now: Date, timeZone: string): TimeUnderstanding {
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

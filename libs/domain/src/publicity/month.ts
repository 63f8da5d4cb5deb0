// Months of the 张榜公示 in the desk's time zone (TIME_ZONE), never UTC: 23:30 UTC on the last
// day of a month is already the next month in Asia/Shanghai.
import { needDay } from '../need/need-code.js';

const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** True for a well-formed `YYYY-MM`. */
export const isMonth = (text: string): boolean => MONTH_RE.test(text);

/** The `YYYY-MM` that `at` falls in, in `timeZone`. */
export function monthOf(at: Date, timeZone: string): string {
  const day = needDay(at, timeZone);
  return `${day.slice(0, 4)}-${day.slice(4, 6)}`;
}

/** The month before `YYYY-MM`. */
export function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** The month after `YYYY-MM`. */
export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** The instant a local wall-clock midnight `YYYY-MM-DD` begins in `timeZone`. */
export function localMidnight(day: string, timeZone: string): Date {
  const guess = new Date(`${day}T00:00:00Z`);
  // The zone's offset at that moment (twice, so a DST change near midnight settles).
  let at = guess;
  for (let i = 0; i < 2; i++) {
    const parts = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    }).formatToParts(at);
    const get = (t: string) => Number(parts.find((p) => p.type === t)?.value ?? 0);
    const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
    at = new Date(guess.getTime() - (wall - at.getTime()));
  }
  return at;
}

/** [from, to) of a month in `timeZone`. */
export function monthBounds(month: string, timeZone: string): { from: Date; to: Date } {
  return { from: localMidnight(`${month}-01`, timeZone), to: localMidnight(`${nextMonth(month)}-01`, timeZone) };
}

/** `YYYY-MM-DD` of `at` in `timeZone`. */
export function localDate(at: Date, timeZone: string): string {
  const d = needDay(at, timeZone);
  return `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`;
}

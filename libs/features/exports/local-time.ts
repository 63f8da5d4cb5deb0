// Times in the desk's time zone without a Date object per cell: a day's start, and minute texts.
/** Midnight of a `YYYY-MM-DD` day in a time zone, as an instant. */
export function dayStart(day: string, timeZone: string): Date {
  const utc = new Date(`${day}T00:00:00Z`);
  return new Date(utc.getTime() - offsetMs(utc, timeZone));
}

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();
/** The zone's offset from UTC at an instant (ms; +8 h for Asia/Shanghai). */
function offsetMs(at: Date, timeZone: string): number {
  let f = offsetFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' });
    offsetFormatters.set(timeZone, f);
  }
  const p = Object.fromEntries(f.formatToParts(at).map((x) => [x.type, x.value]));
  const local = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute));
  return local - Math.floor(at.getTime() / 60_000) * 60_000;
}

/** `YYYY-MM-DD HH:mm` in the desk's time zone; the offset is looked up once per hour of time. */
export class LocalTime {
  private readonly cache = new Map<number, number>();
  constructor(private readonly timeZone: string) {}

  format(at: Date | null): string | null {
    if (!at) return null;
    const hour = Math.floor(at.getTime() / 3_600_000);
    let off = this.cache.get(hour);
    if (off === undefined) {
      off = offsetMs(at, this.timeZone);
      if (this.cache.size > 10_000) this.cache.clear();
      this.cache.set(hour, off);
    }
    return minuteText(at.getTime() + off);
  }
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/**
 * `YYYY-MM-DD HH:mm` of a UTC-shifted instant (ms), by arithmetic (civil date from days, H. Hinnant's
 * algorithm): no Date object and no ISO string per cell.
 */
export function minuteText(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  const days = Math.floor(minutes / 1440);
  const m = minutes - days * 1440;
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return `${year}-${pad2(month)}-${pad2(day)} ${pad2(Math.floor(m / 60))}:${pad2(m % 60)}`;
}

import { isMonth, localDate, localMidnight, monthBounds, monthOf, nextMonth, previousMonth } from './month.js';

describe('publicity months in the desk time zone', () => {
  it('23:30 UTC on the last day of November is already December in Asia/Shanghai', () => {
    expect(monthOf(new Date('2026-11-30T23:30:00Z'), 'Asia/Shanghai')).toBe('2026-12');
    expect(monthOf(new Date('2026-11-30T23:30:00Z'), 'UTC')).toBe('2026-11');
    expect(monthOf(new Date('2026-11-30T15:59:59Z'), 'Asia/Shanghai')).toBe('2026-11');
  });

  it('bounds a month at local midnights', () => {
    const b = monthBounds('2026-11', 'Asia/Shanghai');
    expect(b.from.toISOString()).toBe('2026-10-31T16:00:00.000Z');
    expect(b.to.toISOString()).toBe('2026-11-30T16:00:00.000Z');
    expect(localMidnight('2026-03-08', 'America/New_York').toISOString()).toBe('2026-03-08T05:00:00.000Z');
    expect(localMidnight('2026-03-09', 'America/New_York').toISOString()).toBe('2026-03-09T04:00:00.000Z');
  });

  it('steps months across years and checks their form', () => {
    expect(previousMonth('2026-01')).toBe('2025-12');
    expect(nextMonth('2026-12')).toBe('2027-01');
    expect(isMonth('2026-12')).toBe(true);
    expect(isMonth('2026-13')).toBe(false);
    expect(isMonth('2026-1')).toBe(false);
    expect(localDate(new Date('2026-11-30T16:00:00Z'), 'Asia/Shanghai')).toBe('2026-12-01');
  });
});

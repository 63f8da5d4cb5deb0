import { formatLocal } from './render.js';

describe('formatLocal', () => {
  // Sunday 6 December 2026, 23:30 UTC: already Monday 7 December in Shanghai.
  const at = new Date('2026-12-06T23:30:00Z');

  it('names the date, the weekday and the time in the desk’s zone', () => {
    expect(formatLocal(at, 'Asia/Shanghai', 'zh')).toBe('12月7日（周一）07:30');
    expect(formatLocal(at, 'Asia/Shanghai', 'en')).toBe('Mon, Dec 7 07:30');
    expect(formatLocal(at, 'UTC', 'zh')).toBe('12月6日（周日）23:30');
  });

  it('writes midnight as 00:00', () => {
    expect(formatLocal(new Date('2026-12-06T16:00:00Z'), 'Asia/Shanghai', 'zh')).toBe('12月7日（周一）00:00');
  });
});

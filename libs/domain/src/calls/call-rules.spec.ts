import { answerOutcome, attendanceHours, checkCodeFrom, checkInOpen, distanceMeters, formatCallCode, parseCallCode, sendSeconds } from './call-rules.js';

describe('call rules (一呼百应)', () => {
  it('confirms until the headcount, then waitlists', () => {
    expect(answerOutcome('none', true, 0, 2)).toEqual({ kind: 'confirmed' });
    expect(answerOutcome('none', true, 1, 2)).toEqual({ kind: 'confirmed' });
    expect(answerOutcome('none', true, 2, 2)).toEqual({ kind: 'waitlisted' });
    expect(answerOutcome('declined', true, 0, 2)).toEqual({ kind: 'confirmed' });
    expect(answerOutcome('withdrawn', true, 5, 2)).toEqual({ kind: 'waitlisted' });
  });

  it('a "no" frees a confirmed place (promotion), leaves the waiting list, or declines', () => {
    expect(answerOutcome('confirmed', false, 1, 2)).toEqual({ kind: 'withdrawn', promote: true });
    expect(answerOutcome('waitlisted', false, 2, 2)).toEqual({ kind: 'withdrawn', promote: false });
    expect(answerOutcome('none', false, 0, 2)).toEqual({ kind: 'declined' });
  });

  it('repeated answers change nothing', () => {
    expect(answerOutcome('confirmed', true, 1, 2)).toEqual({ kind: 'unchanged', roster: 'confirmed' });
    expect(answerOutcome('waitlisted', true, 2, 2)).toEqual({ kind: 'unchanged', roster: 'waitlisted' });
    expect(answerOutcome('declined', false, 0, 2)).toEqual({ kind: 'unchanged', roster: 'declined' });
    expect(answerOutcome('withdrawn', false, 0, 2)).toEqual({ kind: 'unchanged', roster: 'withdrawn' });
  });

  it('measures distance on the sphere', () => {
    const a = { lat: 31.5, lng: 120.3 };
    expect(distanceMeters(a, a)).toBe(0);
    // 0.001° of latitude ≈ 111 m
    expect(distanceMeters(a, { lat: 31.501, lng: 120.3 })).toBeGreaterThan(105);
    expect(distanceMeters(a, { lat: 31.501, lng: 120.3 })).toBeLessThan(117);
    expect(distanceMeters({ lat: 0, lng: 0 }, { lat: 0, lng: 180 })).toBeCloseTo(Math.PI * 6_371_000, -2);
  });

  it('credits quarter hours from check-in to check-out, capped by the end', () => {
    const t = (h: number, m = 0) => new Date(Date.UTC(2026, 10, 28, h, m));
    expect(attendanceHours(t(8), t(11), t(12))).toBe(3);
    expect(attendanceHours(t(8), t(11, 14), t(12))).toBe(3);
    expect(attendanceHours(t(8), t(11, 15), t(12))).toBe(3.25);
    expect(attendanceHours(t(8), t(14), t(12))).toBe(4);
    expect(attendanceHours(t(13), t(14), t(12))).toBe(0);
  });

  it('opens check-in an hour before the start until the end', () => {
    const start = new Date(Date.UTC(2026, 10, 28, 8));
    const end = new Date(Date.UTC(2026, 10, 28, 11));
    expect(checkInOpen(new Date(start.getTime() - 61 * 60_000), start, end)).toBe(false);
    expect(checkInOpen(new Date(start.getTime() - 59 * 60_000), start, end)).toBe(true);
    expect(checkInOpen(end, start, end)).toBe(false);
  });

  it('formats and parses call codes and check codes', () => {
    expect(formatCallCode('20261123', 7)).toBe('M-20261123-007');
    expect(parseCallCode('参加 m20261123-7')).toBe('M-20261123-007');
    expect(parseCallCode('N-20261123-0007')).toBeNull();
    expect(checkCodeFrom(0)).toBe('000000');
    expect(checkCodeFrom(0.999_999_9)).toBe('999999');
    expect(sendSeconds(10_000, 29)).toBe(345);
    expect(sendSeconds(0, 29)).toBe(0);
  });
});

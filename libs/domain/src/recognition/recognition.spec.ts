import { averageRating, hoursToNextStar, parseHours, pointsFor, starLevel } from './recognition.js';

describe('recognition', () => {
  it('gives star levels at 100/300/600/1000/1500 hours', () => {
    expect([0, 99.9, 100, 299, 300, 600, 999, 1000, 1500, 5000].map(starLevel)).toEqual([0, 0, 1, 1, 2, 3, 3, 4, 5, 5]);
    expect(hoursToNextStar(90)).toBe(10);
    expect(hoursToNextStar(1500)).toBeNull();
  });

  it('converts hours to points at the configured rate', () => {
    expect(pointsFor(2, 10)).toBe(20);
    expect(pointsFor(1.25, 10)).toBe(13);
    expect(pointsFor(3, 0)).toBe(0);
  });

  it('parses durations people type', () => {
    expect(parseHours('2')).toBe(2);
    expect(parseHours('1.5小时')).toBe(1.5);
    expect(parseHours('２小时')).toBe(2);
    expect(parseHours('半小时')).toBe(0.5);
    expect(parseHours('90分钟')).toBe(1.5);
    expect(parseHours('3h')).toBe(3);
    expect(parseHours('0')).toBeNull();
    expect(parseHours('30')).toBeNull();
    expect(parseHours('很久')).toBeNull();
  });

  it('averages ratings to one decimal', () => {
    expect(averageRating([])).toBeNull();
    expect(averageRating([5, 4, 4])).toBe(4.3);
  });
});

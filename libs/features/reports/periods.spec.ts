import fc from 'fast-check';
import { BUCKET_EDGES, chartRange, localDay, overviewPeriods, quantile } from './periods.js';

describe('report periods', () => {
  it('cuts days in the desk time zone', () => {
    // 16:30 UTC is 00:30 the next day in Shanghai.
    expect(localDay(new Date('2026-12-06T16:30:00Z'), 'Asia/Shanghai')).toBe('2026-12-07');
    expect(localDay(new Date('2026-12-06T15:59:59Z'), 'Asia/Shanghai')).toBe('2026-12-06');
  });

  it('gives this period so far and the whole previous one', () => {
    expect(overviewPeriods('today', '2026-03-01')).toEqual({
      current: { from: '2026-03-01', to: '2026-03-01' },
      previous: { from: '2026-02-28', to: '2026-02-28' },
    });
    // 2026-12-06 is a Sunday: the ISO week began on Monday the 30th.
    expect(overviewPeriods('week', '2026-12-06')).toEqual({
      current: { from: '2026-11-30', to: '2026-12-06' },
      previous: { from: '2026-11-23', to: '2026-11-29' },
    });
    expect(overviewPeriods('month', '2026-03-15')).toEqual({
      current: { from: '2026-03-01', to: '2026-03-15' },
      previous: { from: '2026-02-01', to: '2026-02-28' },
    });
    expect(overviewPeriods('month', '2026-01-31').previous).toEqual({ from: '2025-12-01', to: '2025-12-31' });
    expect(chartRange('week', '2026-12-06')).toEqual({ from: '2026-11-30', to: '2026-12-06' });
  });

  it('finds the bucket holding the exact quantile of any sample', () => {
    const bucketOf = (s: number) => BUCKET_EDGES.filter((e) => e <= s).length;
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 900_000 }), { minLength: 1, maxLength: 300 }), fc.constantFrom(0.5, 0.9), (values, p) => {
        const hist = Array.from({ length: 24 }, () => 0);
        for (const v of values) hist[bucketOf(v)]!++;
        const sorted = [...values].sort((a, b) => a - b);
        const exact = sorted[Math.max(1, Math.ceil(p * sorted.length)) - 1]!;
        const q = quantile(hist, p)!;
        expect(exact).toBeGreaterThanOrEqual(q.fromSec);
        if (q.toSec !== null) expect(exact).toBeLessThan(q.toSec);
      }),
    );
    expect(
      quantile(
        Array.from({ length: 24 }, () => 0),
        0.5,
      ),
    ).toBeNull();
  });
});

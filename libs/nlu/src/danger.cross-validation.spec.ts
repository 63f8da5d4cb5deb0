import { chooseDangerThreshold, crossValidateDanger } from './danger.cross-validation.js';
import { DANGER_TRAINING } from './danger-training.js';

describe('crossValidateDanger', () => {
  // A small slice keeps the test fast; every 10th message of the training examples.
  const slice = DANGER_TRAINING.filter((_, i) => i % 10 === 0);
  const cv = crossValidateDanger(slice, 5, [0.5, 0.9, 0.99]);

  it('scores every message once, the rules alone and with the learned vote per threshold', () => {
    const positives = slice.filter((e) => e.danger).length;
    expect(cv.messages).toBe(slice.length);
    expect(cv.rules.recall.total).toBe(positives);
    expect(cv.rules.falseAlarms.total).toBe(slice.length - positives);
    for (const row of cv.rows) {
      expect(row.recall.hit).toBe(cv.rules.recall.hit + row.learnedFound);
      expect(row.falseAlarms.hit).toBe(cv.rules.falseAlarms.hit + row.learnedFalseAlarms);
    }
    // A lower threshold never finds less, nor raises fewer false alarms.
    expect(cv.rows[0]!.learnedFound).toBeGreaterThanOrEqual(cv.rows[2]!.learnedFound);
    expect(cv.rows[0]!.learnedFalseAlarms).toBeGreaterThanOrEqual(cv.rows[2]!.learnedFalseAlarms);
  });

  it('chooses the lowest threshold within the false-alarm budget', () => {
    const negatives = cv.rules.falseAlarms.total;
    const chosen = chooseDangerThreshold(cv, 0.01);
    const row = cv.rows.find((r) => r.threshold === chosen)!;
    expect(row.learnedFalseAlarms / negatives).toBeLessThanOrEqual(0.01);
    for (const r of cv.rows.filter((x) => x.threshold < chosen)) expect(r.learnedFalseAlarms / negatives).toBeGreaterThan(0.01);
    // With no budget at all, the strictest threshold that adds nothing, or the strictest one.
    expect(chooseDangerThreshold(cv, -1)).toBe(0.99);
  });
});

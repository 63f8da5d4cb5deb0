// The twenty-fourth pass (decision 0069): a logistic-regression learned reader as an option of the
// detector (measured, off), the mean of the two readers (measured, off), and the learned veto of the
// rules' `possible` measured again (dropped). The default detector is unchanged. Sentences are new
// wording, not taken from any data set.
import { flaggedAt, type HeldOutReading } from './danger.cross-validation.js';
import { assessDanger, DangerDetector } from './danger.detector.js';
import { LEARNED_DANGER_LEARNER, LEARNED_DANGER_THRESHOLD } from './danger.learned.js';

describe('the learned reader option', () => {
  const bayes = new DangerDetector({ learner: 'bayes' });
  const logistic = new DangerDetector({ learner: 'logistic' });
  const mean = new DangerDetector({ learner: 'mean' });

  it('keeps the naive Bayes by default: leaving one set out, the logistic reader did not beat it on the selection data', () => {
    expect(LEARNED_DANGER_LEARNER).toBe('bayes');
    const text = '老伴从凳子上下来就站不起来了，一直哼哼';
    expect(new DangerDetector().learnedReading(text)!.probability).toBe(bayes.learnedReading(text)!.probability);
  });

  it('reads a danger told with no cue as danger, and an ordinary need as ordinary, with each reader', () => {
    const danger = '老伴从凳子上下来就站不起来了，一直哼哼';
    const ordinary = '下周社区有没有免费量血压的活动';
    for (const d of [bayes, logistic, mean]) {
      expect(d.learnedReading(danger)).toMatchObject({ rules: 'none', setAside: false });
      expect(d.learnedReading(danger)!.probability).toBeGreaterThan(0.9);
      expect(d.learnedReading(ordinary)!.probability).toBeLessThan(0.1);
      expect(d.assess(ordinary).level).toBe('none');
    }
    expect(bayes.assess(danger).level).toBe('possible');
  });

  it('reads other probabilities with the logistic reader, and their mean with the mean reader', () => {
    const text = 'my neighbour has not answered the door since friday and the mail is piling up';
    const b = bayes.learnedReading(text)!.probability;
    const l = logistic.learnedReading(text)!.probability;
    expect(l).not.toBe(b);
    expect(mean.learnedReading(text)!.probability).toBeCloseTo((b + l) / 2, 12);
  });

  it('reads probability 0 with no training, whatever the reader', () => {
    for (const learner of ['bayes', 'logistic', 'mean'] as const)
      expect(new DangerDetector({ training: [], learner }).learnedReading('老伴从凳子上下来就站不起来了')!.probability).toBe(0);
  });

  it('leaves the default reading of new wording as it was: a danger found, an ordinary need left alone', () => {
    expect(assessDanger('楼下配电箱一直在冒火星子，还有股焦味，人都不敢下楼').level).not.toBe('none');
    expect(assessDanger('想问问社区食堂周末开不开门，我妈想去吃').level).toBe('none');
  });
});

describe('a learned veto of the rules’ possible (measured, dropped)', () => {
  const reading = (rules: HeldOutReading['rules'], probability: number): HeldOutReading => ({
    rules,
    setAside: false,
    asked: false,
    probability,
    danger: true,
  });
  const t = { threshold: LEARNED_DANGER_THRESHOLD, asideThreshold: 2 };

  it('lowers only the rules’ possible below the veto, never likely', () => {
    expect(flaggedAt(reading('possible', 0.001), { ...t, veto: 0.005 })).toBe(false);
    expect(flaggedAt(reading('possible', 0.01), { ...t, veto: 0.005 })).toBe(true);
    expect(flaggedAt(reading('likely', 0.0001), { ...t, veto: 0.005 })).toBe(true);
  });

  it('is not in the detector: a possible stays possible whatever the learned half reads', () => {
    expect(flaggedAt(reading('possible', 0), t)).toBe(true);
  });
});

import { LOGISTIC_DEFAULTS, LogisticModel, type BinaryExample } from './logistic.model.js';

const TOY: BinaryExample[] = [
  { text: '厨房着火了', positive: true },
  { text: '楼道着火了快跑', positive: true },
  { text: '仓库着火冒烟', positive: true },
  { text: 'the shed is on fire', positive: true },
  { text: 'fire in the stairwell', positive: true },
  { text: '想报名书法班', positive: false },
  { text: '书法班几点上课', positive: false },
  { text: '报名学书法', positive: false },
  { text: 'sign me up for the calligraphy class', positive: false },
  { text: 'when does the calligraphy class start', positive: false },
];

describe('LogisticModel', () => {
  it('learns a separable toy set', () => {
    const model = LogisticModel.train(TOY)!;
    expect(model).not.toBeNull();
    for (const e of TOY) expect({ text: e.text, positive: model.probability(e.text)! >= 0.5 }).toEqual({ text: e.text, positive: e.positive });
    expect(model.probability('后院着火了')!).toBeGreaterThan(0.5);
    expect(model.probability('书法班还能报名吗')!).toBeLessThan(0.5);
  });

  it('is deterministic: the same data and options give the same probabilities; another seed, others', () => {
    const a = LogisticModel.train(TOY)!;
    const b = LogisticModel.train(TOY)!;
    const probe = ['楼上着火', '书法', 'fire class', '随便说点什么书法着火'];
    expect(probe.map((t) => a.probability(t))).toEqual(probe.map((t) => b.probability(t)));
    // The seed orders the visits: another seed gives other (close) weights.
    const c = LogisticModel.train(TOY, { seed: LOGISTIC_DEFAULTS.seed + 1 })!;
    expect(probe.map((t) => c.probability(t))).not.toEqual(probe.map((t) => a.probability(t)));
  });

  it('returns null for an empty or one-class training set, and null for a message with no known feature', () => {
    expect(LogisticModel.train([])).toBeNull();
    expect(LogisticModel.train(TOY.filter((e) => e.positive))).toBeNull();
    expect(LogisticModel.train(TOY.filter((e) => !e.positive))).toBeNull();
    expect(LogisticModel.train(TOY)!.probability('12345 ~~~')).toBeNull();
  });

  it('regularises: a larger L2 penalty gives less extreme probabilities', () => {
    const loose = LogisticModel.train(TOY, { l2: 0 })!;
    const tight = LogisticModel.train(TOY, { l2: 0.5 })!;
    expect(Math.abs(tight.probability('厨房着火了')! - 0.5)).toBeLessThan(Math.abs(loose.probability('厨房着火了')! - 0.5));
  });
});

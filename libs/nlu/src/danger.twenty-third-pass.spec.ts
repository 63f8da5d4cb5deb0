// The twenty-third pass (decision 0068): the learned vote beside cues the rules set aside in an asked
// message, the question frames the learned half can train with (off: they did not pay), and the
// leave-one-set-out measure. Sentences are new wording, not taken from any data set.
import { isAsked } from './danger.asked.js';
import { EN_QUESTION_FRAMES, withQuestionFrames, wrapInQuestion, ZH_QUESTION_FRAMES } from './danger-augment.js';
import { flaggedAt, leaveOneSetOut, scoreHeldOut, type HeldOutReading } from './danger.cross-validation.js';
import { DangerDetector } from './danger.detector.js';
import { LEARNED_ASIDE_THRESHOLD, LEARNED_DANGER_THRESHOLD, LEARNED_QUESTION_FRAMES } from './danger.learned.js';
import { DANGER_TRAINING } from './danger-training.js';

describe('the learned vote beside cues set aside in an asked message', () => {
  const detector = new DangerDetector();
  const withoutAside = new DangerDetector({ asideThreshold: 2 });

  it.each(['想咨询一下，我爸吃了降糖药以后一直喊不醒，浑身是汗，这样正常吗', '想咨询一下，我爸喝完酒以后一直叫不醒，吐了一地，要紧吗'])(
    'asks about a danger wrapped in a question the rules set aside: %s',
    (text) => {
      const reading = detector.learnedReading(text)!;
      expect(reading).toMatchObject({ rules: 'none', setAside: true, asked: true });
      expect(reading.probability).toBeGreaterThanOrEqual(LEARNED_ASIDE_THRESHOLD);
      expect(withoutAside.assess(text).level).toBe('none');
      expect(detector.assess(text).level).toBe('possible');
    },
  );

  it.each(['想咨询一下，小孩发烧抽搐过一次，现在好了，下次要注意什么', '请问冬天烧炭取暖会不会中毒？想给家里老人讲讲'])(
    'leaves an ordinary question alone: %s',
    (text) => {
      expect(detector.learnedReading(text)!.probability).toBeLessThan(LEARNED_ASIDE_THRESHOLD);
      expect(detector.assess(text).level).toBe('none');
    },
  );

  it('never votes beside cues set aside in a message that tells rather than asks, whatever the threshold', () => {
    const text = '前年村里发大水，好几户人家被困在房顶上，后来都救出来了';
    const reading = detector.learnedReading(text)!;
    expect(reading).toMatchObject({ rules: 'none', setAside: true, asked: false });
    expect(new DangerDetector({ asideThreshold: 0.01 }).assess(text).level).toBe('none');
  });

  it('reads nothing in an empty message, and a rules-only detector reads probability 0', () => {
    expect(detector.learnedReading('  ')).toBeNull();
    expect(new DangerDetector({ training: [] }).learnedReading('想咨询一下，我爸一直喊不醒，要紧吗')!.probability).toBe(0);
  });

  it('keeps its defaults: the no-cue threshold unchanged, the aside threshold 0.93, no question frames', () => {
    expect(LEARNED_DANGER_THRESHOLD).toBe(0.9);
    expect(LEARNED_ASIDE_THRESHOLD).toBe(0.93);
    expect(LEARNED_QUESTION_FRAMES).toBe(false);
  });
});

describe('isAsked', () => {
  it.each([
    '请问电费怎么交',
    '我就问一下哈，这个正常吗',
    '这个算威胁吗',
    '孩子一直咳嗽要紧吗',
    '该找谁',
    'is that normal?',
    'should i worry',
    'quick question: where is the office',
  ])('asked: %s', (text) => expect(isAsked(text)).toBe(true));
  it.each(['我家楼下着火了', '老人摔倒了起不来', '谢谢你们', 'my dad fell and cannot get up'])('told: %s', (text) => expect(isAsked(text)).toBe(false));
});

describe('withQuestionFrames', () => {
  const examples = [
    { text: '厨房着火了！', danger: true },
    { text: '电费怎么交', danger: false },
    { text: 'my son is missing', danger: true },
    { text: 'where do I pay the water bill?', danger: false },
  ];

  it('is deterministic: the same examples and seed give the same copies', () => {
    expect(withQuestionFrames(examples)).toEqual(withQuestionFrames(examples));
    expect(withQuestionFrames(examples, 7)).toEqual(withQuestionFrames(examples, 7));
    const a = withQuestionFrames(DANGER_TRAINING.slice(0, 200), 1).map((e) => e.text);
    const b = withQuestionFrames(DANGER_TRAINING.slice(0, 200), 2).map((e) => e.text);
    expect(a).not.toEqual(b);
  });

  it('keeps every example and adds one wrapped copy with its label, in its language', () => {
    const out = withQuestionFrames(examples);
    expect(out.slice(0, examples.length)).toEqual(examples);
    expect(out.slice(examples.length).map((e) => e.danger)).toEqual(examples.map((e) => e.danger));
    const copies = out.slice(examples.length).map((e) => e.text);
    expect(copies[0]).toContain('厨房着火了');
    expect(copies[0]).not.toContain('！');
    expect(ZH_QUESTION_FRAMES.some(([before, after]) => copies[1] === `${before}电费怎么交${after}`)).toBe(true);
    expect(EN_QUESTION_FRAMES.some(([before, after]) => copies[2] === `${before}my son is missing${after}`)).toBe(true);
  });

  it('wraps with every frame across the range of the generator', () => {
    expect(new Set(Array.from({ length: 12 }, (_, i) => wrapInQuestion('着火了', i / 12))).size).toBe(ZH_QUESTION_FRAMES.length);
    expect(wrapInQuestion('fire', 0.9999)).toBe(`${EN_QUESTION_FRAMES.at(-1)![0]}fire${EN_QUESTION_FRAMES.at(-1)![1]}`);
  });
});

describe('leaving one set out', () => {
  it('reads each held-out message with a learned half trained without its set', () => {
    const sets = [
      { name: 'a', examples: DANGER_TRAINING.filter((_, i) => i % 50 === 0) },
      { name: 'b', examples: DANGER_TRAINING.filter((_, i) => i % 50 === 1) },
    ];
    const readings = leaveOneSetOut(sets, [], ['b'], false);
    expect([...readings.keys()]).toEqual(['b']);
    expect(readings.get('b')!.map((r) => r.danger)).toEqual(sets[1]!.examples.filter((e) => e.text.trim() !== '').map((e) => e.danger));
    expect(() => leaveOneSetOut(sets, [], ['c'], false)).toThrow('no danger set named c');
  });

  it('scores readings: the rules first, then the vote with no cue, then beside cues set aside when asked', () => {
    const r = (danger: boolean, rules: HeldOutReading['rules'], setAside: boolean, asked: boolean, probability: number): HeldOutReading => ({
      danger,
      rules,
      setAside,
      asked,
      probability,
    });
    const readings = [
      r(true, 'likely', true, false, 0),
      r(true, 'none', false, false, 0.95),
      r(true, 'none', true, true, 0.95),
      r(false, 'none', true, false, 0.99),
      r(false, 'possible', false, true, 0),
      r(false, 'none', true, true, 0.5),
    ];
    const off = scoreHeldOut(readings, { threshold: 0.9, asideThreshold: 2 });
    expect(off).toMatchObject({ recall: { hit: 2, total: 3 }, falseAlarms: { hit: 1, total: 3 }, asideFound: 0, asideFalseAlarms: 0 });
    const on = scoreHeldOut(readings, { threshold: 0.9, asideThreshold: 0.93 });
    expect(on).toMatchObject({ recall: { hit: 3, total: 3 }, falseAlarms: { hit: 1, total: 3 }, asideFound: 1, asideFalseAlarms: 0 });
    expect(flaggedAt(readings[5]!, { threshold: 0.9, asideThreshold: 0.4 })).toBe(true);
    expect(flaggedAt(readings[3]!, { threshold: 0.9, asideThreshold: 0.4 })).toBe(false);
  });
});

// The reading of the danger check's twenty-seventh pass (decision 0073): a long message that turns
// from a request to something told is read from each turn on as a message of its own, by the rules
// and the learned vote. Every sentence is my own wording (written before the reading was checked on
// blind27).
import { flaggedAt } from './danger.cross-validation.js';
import { assessDanger, DangerDetector } from './danger.detector.js';
import { tailOffsets, withTails } from './danger.tail.js';
import type { DangerAssessment } from './nlu.types.js';

const NONE: DangerAssessment = { level: 'none', signals: [], families: [], lifeThreatening: false, selfHarm: false };

describe('danger check, twenty-seventh pass (decision 0073): the tail told after a request', () => {
  it('finds the turn after an opening question or request, in Chinese and English', () => {
    const cases: Array<[string, string]> = [
      ['我想问一下低保怎么申请，需要哪些材料，还有就是我家后墙塌了，我奶奶被压在下面了', '还有就是我家'],
      ['请问老年证在哪里办？另外我爸在厨房晕倒了，叫不醒', '另外我爸'],
      ['麻烦帮我预约下周的体检，还有刚才我儿子在河边玩掉水里了', '还有刚才'],
      ['想咨询一下医保报销的比例，对了，现在楼道里全是烟，我们下不去', '对了，现在'],
      ["I'd like to ask how to apply for the heating subsidy. Also, my neighbour collapsed in the hallway", 'Also, my'],
    ];
    for (const [text, tail] of cases) {
      const at = tailOffsets(text);
      expect({ text, tail: text.slice(at[0] ?? text.length).slice(0, tail.length) }).toEqual({ text, tail });
    }
  });

  it('finds no tail when the message does not open with a request, or the tail is too short', () => {
    expect(tailOffsets('我家后墙塌了，还有就是我奶奶被压在下面了')).toEqual([]);
    expect(tailOffsets('今天天气不错，另外我们去公园走了走')).toEqual([]);
    expect(tailOffsets('请问社区食堂几点开门？还有吗')).toEqual([]);
  });

  it('takes the gravest of the whole and its tails, with the signals pointing into the whole message', () => {
    const text = '请问助听器补贴怎么申请，还有刚才他砍到腿了，血流了一地';
    const at = text.indexOf('还有');
    const read = (t: string): DangerAssessment =>
      t.startsWith('还有')
        ? {
            level: 'possible',
            signals: [{ family: 'bleeding', text: '血流了一地', start: t.indexOf('血'), end: t.indexOf('血') + 5, strength: 'weak' }],
            families: ['bleeding'],
            lifeThreatening: false,
            selfHarm: false,
          }
        : NONE;
    const a = withTails(text, NONE, read);
    expect(a.level).toBe('possible');
    expect(a.signals[0]!.start).toBe(at + text.slice(at).indexOf('血'));
    expect(text.slice(a.signals[0]!.start, a.signals[0]!.end)).toBe('血流了一地');
    const likely: DangerAssessment = { ...NONE, level: 'likely' };
    expect(withTails(text, likely, () => NONE)).toBe(likely);
  });

  it('gives the learned vote the tail as its own message, so a request before it does not dilute it', () => {
    const text = '想咨询一下孩子转学要什么材料，户口本要复印件吗，还有就是刚才我家老人摔在地上起不来了';
    const reading = new DangerDetector().learnedReading(text)!;
    expect(reading.tails?.length).toBe(1);
    const tail = reading.tails![0]!;
    const drowned = {
      ...reading,
      rules: 'none' as const,
      setAside: false,
      probability: 0.5,
      tails: [{ ...tail, rules: 'none' as const, setAside: false, probability: 0.95 }],
    };
    expect(flaggedAt(drowned, { threshold: 0.9, asideThreshold: 0.93 })).toBe(true);
    expect(flaggedAt({ ...drowned, tails: [] }, { threshold: 0.9, asideThreshold: 0.93 })).toBe(false);
  });

  it('finds a danger told after the turn in the full detector', () => {
    for (const text of [
      '我想问一下低保怎么申请，需要哪些材料，还有就是我家老房子后墙刚才塌了，我奶奶被压在下面了',
      '请问老年证在哪里办？另外我爸刚才在厨房晕倒了，叫不醒',
      '麻烦帮我预约下周的体检，还有刚才我儿子在河边玩掉水里了，现在还没捞上来',
      "I'd like to ask how to apply for the heating subsidy. Also, my neighbour just collapsed in the hallway and isn't breathing",
    ])
      expect({ text, level: assessDanger(text).level }).toEqual({ text, level: 'likely' });
  });

  it('leaves a tail asked to learn a question, and an ordinary tail ordinary', () => {
    for (const text of [
      '想问下孩子的疫苗在哪打，还有就是，万一着火了怎么办',
      '请问社区食堂几点开门？还有就是下周的讲座在哪里办',
      '请问居住证怎么办，现在外面雨好大，你们下班了吗',
      'Could you tell me when the library opens? By the way, is there a fire drill next week?',
      '请问电动车充电桩怎么申请安装，刚才我看新闻说有人充电着火了',
      '想问一下养老金怎么领，另外我家猫从楼上掉下去了，哪里有宠物医院',
    ])
      expect({ text, level: assessDanger(text).level }).toEqual({ text, level: 'none' });
  });
});

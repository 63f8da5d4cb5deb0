// The readings of the danger check's eighth pass (decision 0046), per signal family, with the
// look-alikes each new reading must leave alone. Every sentence here is new wording (none is taken
// from a data set).
import { normalise } from './danger.cues.js';
import { assessDanger } from './danger.detector.js';
import { expectFound } from './danger.spec-support.js';

function expectNotLikely(text: string): void {
  expect({ text, likely: assessDanger(text).level === 'likely' }).toEqual({ text, likely: false });
}

describe('danger check, eighth pass (decision 0046)', () => {
  it('folds Minnan 走无去 and 揣 keeping the length', () => {
    for (const [dialect, mandarin] of [
      ['阮囝走无去', '我儿不见了'],
      ['揣无人', '找不人'],
    ] as const) {
      expect(normalise(dialect)).toBe(mandarin);
      expect(normalise(dialect)).toHaveLength(dialect.length);
    }
    expectFound('阮囝仔走无去 揣规下晡', 'missing');
  });

  it('fire: a shouted fragment and a Cantonese fire under way, not a burning cloud', () => {
    expectFound('火 火 二楼 快', 'fire');
    expectFound('间铺头火烧紧 快啲嚟', 'fire');
    expectNotLikely('今晚天边好多火烧云 好靓');
  });

  it('missing: a stranger claiming to be a relative took a child', () => {
    expectFound('放学时一个自称是他叔叔的人把儿子带走了 我们家没有这个人', 'missing');
  });

  it('unconscious: a welfare check (alone, not seen for days, no answer at the door)', () => {
    expectFound('隔壁独居的李奶奶连续三天没出门 敲门也没人应', 'unconscious');
    expectFound('the old man downstairs lives alone, nobody has seen him for three days and no answer at his door', 'unconscious');
    expectFound('卧床的爷爷就他一个在家 护工病了 两天没吃饭了', 'unconscious');
    expectNotLikely('家里老人瘫痪在床，我一个人照顾，想申请帮扶');
  });

  it('self_harm: a farewell note, not being a burden, the quickest way to end it', () => {
    expectFound('想说的都写好放在桌上了 以后不会再麻烦谁了', 'self_harm');
    expectFound('tell me the easiest way to make it all stop forever', 'self_harm');
  });

  it('flood: water into homes, over the dyke, at the door', () => {
    expectFound('巷子里积水入户 有老人要背出来', 'flood');
    expectFound('水已经漫过河堤了', 'flood');
    expectFound('the creek is over its banks and the water is at the back door', 'flood');
    expectNotLikely('河堤今天在加固 水位正常');
  });

  it("reads blind8's look-alikes by kind as no emergency", () => {
    for (const text of [
      // preparedness: what to do, learning ahead, where to hide, a talk for the school
      '燃气泄漏了该怎么办 想提前学习一下',
      '发大水的时候该躲到哪里 能不能给社区讲一讲',
      // "fire" as praise
      'that gig was totally fire',
      'our team was on fire this season',
      '昨晚的派对太fire了',
      // fiction
      '昨天看了个灾难片 里面有人被埋在废墟下',
      // a past fire, the shop reopened
      '那家店着火的事 前年的 现在重新开业了',
      // a pet, not a person
      '女儿养的金鱼不见了 哭了一下午',
      // a rumour the resident checked
      '网上说西街那座桥要断了 我去看了还好好的',
    ])
      expectNotLikely(text);
  });
});

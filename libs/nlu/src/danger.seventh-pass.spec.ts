// The readings of the danger check's seventh pass (decision 0045): the Minnan and Cantonese fold,
// then per signal family and per hard-negative kind. Every sentence here is new wording (none is
// taken from a data set).
import { normalise } from './danger.cues.js';
import { assessDanger } from './danger.detector.js';
import { expectFound, expectNone } from './danger.spec-support.js';

describe('dialect fold (decision 0045)', () => {
  it('reads Minnan function words as Mandarin, keeping the length', () => {
    for (const [dialect, mandarin] of [
      ['阮阿爸倒佇土脚 叫袂醒', '我阿爸倒在地上 叫不醒'],
      ['阮困佇房间内底 出袂去', '我困在房间里面 出不去'],
      ['隔壁火烧厝 伊犹佇厝内', '隔壁着火了 伊还在家里'],
      ['阮无想欲活矣', '我不想活了了'],
      ['阿嬷跋倒 袂振动', '奶奶摔倒 动不了'],
      ['猶佇內底', '还在里面'],
    ] as const) {
      expect(normalise(dialect)).toBe(mandarin);
      expect(normalise(dialect)).toHaveLength(dialect.length);
    }
  });

  it('reads Cantonese function words and set phrases as Mandarin, keeping the length', () => {
    for (const [dialect, mandarin] of [
      ['升降机停咗 我阿嫲喺入面', '电梯里停了 我奶奶在里面'],
      ['佢气都唔顺 仲喺度', '他喘不过气 还在度'],
      ['阿爷跌低咗 起唔到身', '阿爷摔倒了 起不了身'],
    ] as const) {
      expect(normalise(dialect)).toBe(mandarin);
      expect(normalise(dialect)).toHaveLength(dialect.length);
    }
  });

  it('keeps Mandarin words that share a dialect character whole', () => {
    expect(normalise('他犹豫了很久')).toBe('他犹豫了很久');
    expect(normalise('劳动仲裁怎么申请')).toBe('劳动仲裁怎么申请');
    expect(normalise('伫立在门口')).toBe('伫立在门口');
  });

  it('reports signals at the offsets of the original text', () => {
    const text = '阮阿公倒佇土脚 叫袂醒';
    for (const s of assessDanger(text).signals) expect(text.slice(s.start, s.end)).toBe(s.text);
  });
});

describe('assessDanger, seventh pass (decision 0045)', () => {
  it('reads danger told in Minnan', () => {
    expectFound('阮阿母倒佇眠床边 叫袂醒', 'unconscious');
    expectFound('对面火烧厝 阮小弟犹佇楼顶', 'fire');
    expectFound('阮翁无想欲活 一直讲欲跳落去', 'self_harm');
  });

  it('reads danger told in Cantonese', () => {
    expectFound('升降机卡咗喺半空 我同个女喺入面', 'trapped');
    expectFound('我阿爸喺冲凉房跌低咗 起唔到身', 'fall');
  });

  it('reads water over the threshold, pouring in, or still rising', () => {
    expectFound('河水漫过门槛了 我妈腿脚不好', 'flood');
    expectFound('山上下来的水一直往屋里灌 老人在床上', 'flood');
    expectFound('楼下的水还在往上涨 孩子们都在一楼', 'flood');
  });

  it('reads cutting again and cutting deep as self-harm talk', () => {
    expectFound('我女儿又割手了 割得好深', 'self_harm');
    expectNone('韭菜又割了一茬 想送点给邻居');
  });

  it('reads a student gone from the dormitory whom the family cannot find', () => {
    expectFound('室友两天没回宿舍 他爸妈也联系不上他', 'missing');
  });

  it('sets aside lost things, a doubted rumour, loans and haggling, burnt food aired, food that explodes', () => {
    expectNone('爷爷的助听器丢了 找不到');
    expectNone('群里有人传下午要地震 纯属谣言吧');
    expectNone('被车贷困住了 想问问有没有低息的');
    expectNone('杀价杀到老板都怕我 哪里有跳蚤市场');
    expectNone('锅里的排骨炖糊了 开了窗味道已经散了');
    expectNone('这个小龙虾香到爆炸 想开个摊要办什么证');
    expectNone('看了一部关于洪水的纪录片 想捐点钱');
  });

  it('sets aside what was already mended or is already in a hospital bed', () => {
    expectNone('小区门口的墙塌了一块 前天就修好了');
    expectNone('我舅舅上周摔伤了 现在在住院 想请人陪护');
  });

  it('reads an animal in trouble as no danger to people, and a person beside it as danger', () => {
    expectNone('我家的牛掉进坑里了 上不来 能借根绳子吗');
    expectFound('我家的牛掉进坑里了 我爸下去拉它也摔进去了 起不来', 'fall');
  });
});

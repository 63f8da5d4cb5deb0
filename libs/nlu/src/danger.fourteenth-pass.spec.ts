// The readings of the danger check's fourteenth pass (decision 0056), by kind: the turn to another
// matter (with or without an ordinary question before it), carbon monoxide without a gas word, a
// retaining wall giving way, a lift whose door will not open, homophone typos, dangers over or
// handled, stories, books, songs and decades ago, drills asked for, figurative speech and animals
// only, each with the look-alikes it must leave alone and the dangers it must keep. Every sentence
// here is new wording (none is taken from a data set). The rules are read alone (no learned backup),
// except where the learned backup's own reading is the point (expectNone).
import { expectNone, expectRuleNone, expectRuleRead, rulesOnly } from './danger.spec-support.js';
import { turnOffset } from './danger.turn.js';

describe('danger check, fourteenth pass (decision 0056)', () => {
  describe('the turn to another matter', () => {
    it('reads the danger after a marker that stands on its own, after an ordinary question', () => {
      expectRuleRead('我想了解工伤赔偿怎么算 话说回来 工友刚被机器压了手 血止不住', 'bleeding');
      expectRuleRead('帮我看看离婚协议怎么写 还有一件事 他刚才拿刀说要砍我 现在在门外', 'violence');
      expectRuleRead('I want to ask about the flood insurance claim. Also, water is coming into my mum’s house right now', 'flood');
    });

    it('reads it without any opening question too, and in English after "by the way"', () => {
      // Without the turn, the pay claim and the court case before it would set these aside.
      expectRuleRead('上个月的工伤赔偿还没下来 话说回来 工友刚被机器压了手 血止不住', 'bleeding');
      expectRuleRead('离婚官司下周开庭 还有一件事 他刚才拿刀说要砍我 现在在门外', 'violence');
      expectRuleRead('By the way, my grandpa is lying on the kitchen floor and won’t wake up', 'unconscious');
    });

    it('leaves alone an ordinary matter after the turn and a danger long past', () => {
      expectRuleNone('对了 小区门口的路灯坏了');
      expectRuleNone('想问下工伤认定要多久 对了 去年我被机器压过手');
      expectRuleNone('对了对了对了');
    });

    it('finds the turn only after something was said, and a soft turn only after an ordinary question', () => {
      expect(turnOffset('对了 小区门口的路灯坏了')).toBe(-1);
      expect(turnOffset('报修的事办好了 话说回来 楼下有烟')).toBe(8);
      expect(turnOffset('报修的事办好了 其实楼下有烟')).toBe(-1);
      expect(turnOffset('想问一下报修的事 其实楼下有烟')).toBe(9);
      expect(turnOffset('')).toBe(-1);
    });
  });

  describe('readings by kind', () => {
    it('gas: a brazier or coal stove indoors and the sickness of carbon monoxide, no gas word', () => {
      expectRuleRead('我妈昨晚屋里烧着煤炉睡的 早上起来头疼得厉害还想吐', 'gas');
      expectRuleRead('奶奶房间里生着炭盆 人迷迷糊糊叫不醒', 'gas');
      expectRuleNone('冬天用煤炉怎么防止中毒 想请人讲讲');
      expectRuleNone('楼下炭火烤肉店油烟太大 熏得我头疼');
    });

    it('collapse: a retaining wall or slope leaning out, bulging or cracking wider', () => {
      expectRuleRead('后院的护坡这两天裂缝越来越大 房子就在下面', 'collapse');
      expectRuleRead('村口那段围墙雨后往外鼓出来一大块 小孩天天从那走', 'collapse');
      expectRuleRead('the retaining wall behind our house is leaning outwards after the storm', 'collapse');
      expectRuleNone('墙上的画往外斜了 想请人重新挂');
      expectRuleNone('我们小区的挡土墙去年修过 想问问保修期');
    });

    it('trapped: inside a lift whose door will not open; unable to get out with a call to be saved', () => {
      expectRuleRead('外婆在电梯里 门不开 打电话声音都抖了', 'trapped');
      expectRuleRead('门卡住了 出不来了 快来人', 'trapped');
      expectRuleNone('电梯门不开 只能走楼梯 能不能报修');
      expectRuleNone('作业太多了 出不去玩了 救命');
    });

    it('homophone typos of danger words that are no word themselves', () => {
      expectRuleRead('工地上有人出电了 倒在地上', 'electric');
      expectRuleRead('我婆婆婚迷了 快来', 'unconscious');
      expectRuleRead('煤气中读了 快来人', 'gas');
      expectRuleNone('输出电压有点低 想找人看看稳压器');
    });
  });

  describe('over, handled or never there', () => {
    it('sets aside a danger over or handled, and keeps one that is not', () => {
      expectRuleNone('孩子在操场摔了一下 膝盖破皮 现在又在玩了');
      expectRuleNone('邻居家的仓库塌了 好在里面没人');
      expectRuleNone('两个人在菜场吵起来差点动手 已经被保安拉开了');
      expectRuleNone('有个老人在公交站晕倒 已经被救护车拉走了 想问站台能不能装个座椅');
      expectRuleNone('同学说要跳楼 后来老师把他劝下来了 现在在家人身边');
      expectRuleNone('My mum fell in the garden yesterday, she’s home and fine now, just needs help with shopping');
      expectRuleRead('仓库塌了 里面还有人', 'collapse');
      expectRuleRead('我爸跌倒了爬不起来', 'fall');
      expectRuleRead('水已经淹到床边了', 'flood');
    });

    it('sets aside stories, books, songs, decades ago and drills asked for; keeps what happens during them', () => {
      expectRuleNone('小说里写主人公被困在矿井下七天');
      expectRuleNone('歌词里写着想死 我只是觉得好听');
      expectRuleNone('三十年前那场大水把村子淹了 想给老人们做个口述史');
      expectRuleNone('学校想请消防员来教学生被困火场怎么逃生 搞一次演练');
      expectRuleRead('读书会开到一半 有个阿姨突然晕倒了', 'unconscious');
      expectRuleRead('二十年前盖的老房子 今天墙塌了 人压在下面', 'collapse');
    });

    it('sets aside a denial of a sign with 也, figurative speech, a flood that did not come, warning levels', () => {
      expectRuleNone('热水器没冒火也不发烫 就是不出热水');
      expectRuleRead('插座冒火了 还在发烫', 'electric');
      expectRuleNone('跌倒了要学会自己爬起来 这是我给孙子讲的道理');
      expectRuleNone('这周被困在报表里出不来 想约个心理咨询');
      expectRuleNone('今年车库没淹 想谢谢来帮忙的邻居');
      expectRuleNone('What do the flood warning levels mean?');
    });

    it('sets aside an animal lost and the search for it, with the learned backup too, but not a person searching', () => {
      expectNone('羊跑丢了 找了半天没找着');
      expectRuleRead('牛跑丢了 爷爷上山去找 天黑了还没回来 电话也打不通', 'missing');
    });
  });

  it('one signal for a span two cues read', () => {
    const a = rulesOnly.assess('我妈昨晚屋里烧着煤炉睡的 早上起来头疼得厉害还想吐');
    expect(a.signals.filter((s) => s.family === 'gas')).toHaveLength(1);
  });

  it('bad input: empty, blank, markers alone and very long text read as nothing', () => {
    expect(rulesOnly.assess('').level).toBe('none');
    expect(rulesOnly.assess('   ').level).toBe('none');
    expect(rulesOnly.assess('话说回来'.repeat(600) + '出电').level).toBe('none');
  });
});

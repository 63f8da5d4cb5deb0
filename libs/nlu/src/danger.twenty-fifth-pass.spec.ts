// The readings of the danger check's twenty-fifth pass (decision 0070): frames read over the whole
// sentence or message that say nothing is happening now — a supposition asked about, relief that no
// one was there after a danger that is done, a pen of animals that fell in, a supposition in pinyin,
// the signs before a danger asked about — and an animal agent read inside its clause. Every sentence
// is new wording (none is taken from a data set); the rules are read alone. Each reading has its
// positive (read as danger before this pass, as nothing now) and dangers in the same frame that must
// stay danger: no frame may cancel a present sign.
import { expectRuleNone, expectRuleRead, rulesOnly } from './danger.spec-support.js';

describe('danger check, twenty-fifth pass (decision 0070)', () => {
  describe('a supposition asked about, with no present sign', () => {
    it('sets aside a cue after an "if" however far back in its sentence, with a what-to-do question after it', () => {
      expectRuleNone('万一哪天家里只有我妈一个人，她在浴室里滑倒了，我们在外地该怎么办');
      expectRuleNone('假如家里的老人出门买菜，在路上被车撞倒了，家属第一步该做什么');
    });

    it('keeps a danger told in the same frame', () => {
      // A person on a roof edge now: 现在 and 楼顶 are present signs.
      expect(rulesOnly.assess('万一他真跳下去怎么办 他现在就站在楼顶边上').level).not.toBe('none');
      expectRuleRead('万一他真跳下去怎么办 他现在就站在楼顶边上', 'self_harm', 'possible');
      // An "if" of courtesy is no supposition.
      expectRuleRead('如果你们方便的话快来，我爸从梯子上摔下来了，腿断了，该怎么办', 'fall');
      expectRuleRead('如果晚上一个人在家，突然闻到很重的煤气味，第一步该做什么', 'gas');
      expectRuleRead('万一再烧起来怎么办，厨房现在还在冒烟', 'fire', 'possible');
      expectRuleRead('假如你们能来，我奶奶在浴室里滑倒了，一直在流血，怎么办', 'fall');
    });
  });

  describe('relief that no one was there, after a danger that is done', () => {
    it('sets aside a collapse followed by relief that no one was under it', () => {
      expectRuleNone('前两天屋顶漏水把吊顶泡塌了一块，幸好下面没人，谁能来修');
      expectRuleNone('仓库的货架塌了，幸亏当时下面没人，想找人重新装');
      expectRuleNone('the old barn wall collapsed this morning, luckily no one was near it, who can clear it');
    });

    it('keeps a fire that spreads with no one there, a person still trapped, and "还好好的"', () => {
      expectRuleRead('厨房着火了，幸好没人，但是火越烧越大', 'fire');
      expectRuleRead('屋顶塌了，还好我跑出来了，我妈还被压在下面', 'collapse');
      expectRuleRead('楼梯口的墙塌了，还好好的一个人被砸到了，一直在流血', 'collapse');
      expectRuleRead('车棚塌了，好在没人在下面，可是隔壁大爷被砸到头了，现在叫不醒', 'unconscious');
    });
  });

  describe('animals only', () => {
    it('sets aside a pen that fell in on animals, with no person named anywhere', () => {
      expectRuleNone('猪圈塌了压住了两头猪');
    });

    it('reads the animal that does harm inside its clause: water that floods a coop is no animal agent', () => {
      expectRuleNone('下大雨鸡舍被淹了，鸡都泡在水里');
    });

    it('keeps a person in the same frame, and a person bitten', () => {
      expectRuleRead('牛棚塌了，我爸在里面喂牛', 'collapse');
      expectRuleRead('猪圈塌了，压到隔壁小孩了', 'collapse');
      expectRuleRead('被狗咬了，腿上一直流血', 'bleeding');
      expectRuleRead('下大雨院子被淹了，水漫进屋里，我爸腿脚不好出不来', 'flood');
    });
  });

  describe('a supposition in pinyin, and the signs before a danger', () => {
    it('sets aside a pinyin cue after a pinyin prevention word, and a question about the signs before a flash flood', () => {
      expectRuleNone('ruhe yufang laoren shuaidao');
      expectRuleNone('山洪来之前有什么征兆');
    });

    it('keeps a fall told in pinyin and a flash flood that came', () => {
      expectRuleRead('wo ma shuai dao le qi bu lai', 'fall');
      expectRuleRead('山洪来了，前面的路冲断了', 'flood');
    });
  });
});

// The readings of the danger check's fifteenth pass (decision 0058), by kind: the frame of a cue
// (reports of someone else, fear and prevention, denials), jokes and idle talk, checked and found
// nothing, dangers over, habits of long standing, and blind15's misses by kind (an elder alone who
// does not answer, a method of jumping sought, a small child run off in dialect, self-harm implied
// by losses and sleepless brooding, a flame doused by a pot boiling over). Each with the look-alikes
// it must leave alone and the dangers it must keep. Every sentence here is new wording (none is taken
// from a data set); the rules are read alone (no learned backup).
import { expectRuleNone, expectRuleRead, rulesOnly } from './danger.spec-support.js';
import { framed } from './danger.frame.js';

describe('danger check, fifteenth pass (decision 0058)', () => {
  describe('the frame of a cue: fear and prevention', () => {
    it('leaves alone a practice followed by a fear or a preventive step', () => {
      expectRuleNone('外婆冬天在屋里烧煤球取暖 我担心出事 社区能不能帮忙装个报警器');
      expectRuleNone('Where can we store sandbags for the flood season, just in case');
      expectRuleNone('楼道里堆的纸箱子太多了 烧起来怎么办 要不要提前让物业清走');
      expectRuleNone('我老是觉得自己会被关在电梯里 现在只敢走楼梯 想找个心理咨询');
    });

    it('keeps a fire that is happening, and a present threat feared', () => {
      expectRuleRead('厨房着火了 我怕有危险 快来人', 'fire');
      expectRuleRead('前夫拿着菜刀在楼下转 我怕他今晚真的会冲上来', 'violence');
    });
  });

  describe('the frame of a cue: a report of someone else', () => {
    it('leaves alone a danger seen on television, in the news or on a short-video app', () => {
      expectRuleNone('我妈看电视说外地有人煤气中毒了 问我们家的灶要不要换');
      expectRuleNone('刷到个新闻上说有人跳楼了 心里堵得慌 想找人说说话');
      expectRuleNone('我爸看快手上说喝醋能治脑梗 这是真的吗');
    });

    it('keeps a danger that happened while watching, and one with no report before it', () => {
      expectRuleRead('外公看电视的时候突然晕倒了 叫不醒', 'unconscious');
      expectRuleRead('我爸看抖音看到一半人就晕过去了 叫不醒', 'unconscious');
      expectRuleRead('姥爷看完电视起身就摔倒了 爬不起来', 'fall');
    });
  });

  describe('denials, jokes and idle talk', () => {
    it('leaves alone a denial right before the cue and a joke or talk after it', () => {
      expectRuleNone('最近加班太多 心里很烦 不是要想不开 就是想找人聊聊');
      expectRuleNone('室友说考不过就去跳楼 他是开玩笑的 我们都笑了');
      expectRuleNone('两个邻居在业主群里吵 一个说要弄死另一个 都是嘴上说说');
      expectRuleNone('表弟和我儿子抢玩具 喊着要打死对方 小孩子吵架 能不能有人来调解');
    });

    it('keeps a threat that comes after the talk called a joke', () => {
      expectRuleRead('刚才他还说是开玩笑 现在真拿刀砍过来了', 'violence');
      expectRuleRead('他说要弄死我 我以为是说着玩 结果他今天真拿刀来了', 'violence');
    });
  });

  describe('checked and found nothing, over, always so', () => {
    it('leaves alone a smell checked, water shut off, nobody hurt, a habit', () => {
      expectRuleNone('爷爷老说闻到煤气味 燃气公司上门测过 没有漏 想找人陪他聊聊');
      expectRuleNone('The kitchen tap burst this morning. I turned off the main valve, just need a plumber');
      expectRuleNone('大风把围墙吹倒了一截 压坏了菜地 没伤到人 想找人帮忙砌一下');
      expectRuleNone('the carbon monoxide detector is chirping but there is no smoke, probably the battery');
      expectRuleNone('我外婆午睡叫不醒 她耳朵不好 一向这样 想给她配个助听器');
      expectRuleNone('电动车卡在车库门口出不去了 人在外面 能不能找人修一下门');
    });

    it('keeps the danger that comes after the resolution', () => {
      expectRuleRead('燃气公司上周测过没有漏 可今天又闻到很重的煤气味 头也晕', 'gas');
    });
  });

  describe('figurative and ordinary look-alikes', () => {
    it('leaves alone a sky falling, money not arrived, a door that will not close, crops lost to a past flood', () => {
      expectRuleNone('面试又挂了 感觉天都要塌下来了');
      expectRuleNone('养老补贴这个月还没到 我们组好几家都在问');
      expectRuleNone('阳台的窗户关不严 冬天漏风');
      expectRuleNone('Our rice fields were ruined in the spring flood, is there a seed subsidy?');
    });

    it('keeps a gas valve that will not close', () => {
      expectRuleRead('家里煤气罐阀门关不上了 一直在漏气', 'gas');
    });
  });

  describe("blind15's misses by kind", () => {
    it('asks after an elder alone or ill who has not answered for hours', () => {
      expectRuleRead('给我舅公打了一下午电话都没接 他一个人住 有心脏病 谁能去看一眼', 'unconscious', 'possible');
      expectRuleRead('我爸独居 从早上到现在电话都不接 平时秒回的', 'unconscious', 'possible');
    });

    it('leaves alone unanswered calls with no one alone or ill', () => {
      expectRuleNone('物业电话打了一上午都没人接 楼道灯还是坏的');
    });

    it('reads a method of jumping sought', () => {
      expectRuleRead('这阵子老在琢磨从哪儿跳下去最不疼', 'self_harm');
      expectRuleRead('我想查查从哪里跳才能一下子结束', 'self_harm');
    });

    it('leaves alone a jump in sport', () => {
      expectRuleNone('跳水队训练 教练问我们十米台从哪边走上去');
    });

    it('reads a small child run off in dialect, with the age', () => {
      expectRuleRead('俺闺女在集上跑没影了 才三岁', 'missing');
      expectRuleRead('5岁的小孙子一眨眼溜没影了', 'missing');
    });

    it('leaves alone a child who runs off as a habit', () => {
      expectRuleNone('我家老二一放学就跑没影了 才八岁 天天在外面野');
    });

    it('asks when losses and sleepless brooding go together', () => {
      expectRuleRead('店也关了 老婆也走了 晚上整夜睡不着 总在想事情', 'self_harm', 'possible');
    });

    it('leaves alone sleepless brooding without losses', () => {
      expectRuleNone('孩子快高考了 晚上睡不着 一直在想事情 想找个心理老师聊聊');
    });

    it('reads a burner flame doused by a pot boiling over, and leaves it once shut and aired', () => {
      expectRuleRead('锅里的汤潽出来把火浇灭了 厨房一股味 我妈在里面头晕', 'gas');
      expectRuleNone('汤潽出来把火浇灭了 已经关了开了窗 现在没味了');
    });
  });

  describe('framed itself, and bad input', () => {
    it('reads a report, a fear and a denial, and not a plain event', () => {
      const t = '看新闻说有人煤气中毒';
      const at = t.indexOf('煤气中毒');
      expect(framed(t, { start: 0, end: t.length }, { start: at, end: at + 4, english: false, family: 'gas' })).toBe(true);
      const plain = '家里有人煤气中毒';
      const p = plain.indexOf('煤气中毒');
      expect(framed(plain, { start: 0, end: plain.length }, { start: p, end: p + 4, english: false, family: 'gas' })).toBe(false);
    });

    it('reads nothing in empty, blank and punctuation-only input', () => {
      for (const t of ['', '   ', '。。。', '哈哈哈']) expect(rulesOnly.assess(t).level).toBe('none');
    });
  });
});

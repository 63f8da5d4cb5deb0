// The readings of the danger check's twenty-first pass (decision 0066), by kind: blind21's false
// alarms (hyperbole about a trivial cause, questions asked of anyone or to prepare, a "when" that
// opens a how-to, a danger inside a game, dangers over, an animal carried off by water, figures in quotes and likenesses, devices
// wanted, English eagerness and a dead printer) and its misses (a combustion heater in a closed room,
// a terse cut with no object, a person who cannot be woken in pinyin, a symptom going on read as a
// habit). Every sentence here is new wording (none is taken from a data set); the rules are read
// alone, each look-alike of the other side beside the reading it must not swallow.
import { expectRuleNone, expectRuleRead } from './danger.spec-support.js';

describe('danger check, twenty-first pass (decision 0066)', () => {
  describe('hyperbole about a trivial cause', () => {
    it('sets aside a death wish tied to a trivial cause by 得 or 到, not one beside a method, a place or sincerity', () => {
      expectRuleNone('这篇作文难写得我想跳河 有没有老师帮忙看看');
      expectRuleNone('食堂的菜咸到想死 能不能换个师傅');
      expectRuleRead('考试没考好 我想死', 'self_harm');
      expectRuleRead('作业多得我想跳楼 已经站在天台上了', 'self_harm');
      expectRuleRead('加班加得我真的想死 不是开玩笑', 'self_harm');
      expectRuleRead('工作压力太大 不想活了', 'self_harm');
      expectRuleRead('找不到工作 穷得我想死', 'self_harm');
      expectRuleRead('家里的问题压得我想死', 'self_harm');
      expectRuleRead('和老公吵架吵得我想死', 'self_harm');
    });

    it('sets aside a harm word after a trivial cause and a degree mark, not a real fire, flood or faint', () => {
      expectRuleNone('停车位天天被占 我快原地爆炸了');
      expectRuleNone('周末的球赛太炸了 下次还来');
      expectRuleNone('论文多得我要被淹死在文献里了');
      expectRuleNone('加班压得我喘不过气 想找个减压的活动');
      expectRuleRead('厨房的锅炉又炸了 屋里全是烟', 'fire');
      expectRuleRead('地下室被淹了 我爸还在下面', 'flood');
      expectRuleRead('上班的时候同事突然晕倒了 叫不醒', 'unconscious');
      expectRuleRead('上班的时候 厂里又爆炸了', 'fire');
      expectRuleRead('孩子打游戏 充电宝炸了', 'fire');
    });

    it('sets aside a feeling with a harm word, not a faint with a body sign', () => {
      expectRuleNone('一上午没吃饭 饿晕了 附近哪有吃的');
      expectRuleNone('这次家长会我要被老师气晕了');
      expectRuleRead('奶奶饿晕了 倒在地上不动', 'unconscious');
      expectRuleRead('老人排队排得晕了', 'unconscious', 'possible');
    });

    it('sets aside a call for help after a figure, not one beside a danger', () => {
      expectRuleNone('隔壁装修吵了一礼拜 快被逼疯了 谁来救救我');
      expectRuleRead('快来人 救救我 我被困在电梯里了', 'trapped');
    });
  });

  describe('questions asked of anyone, or to prepare', () => {
    it('sets aside an if of anyone with a how-to, not a case told now', () => {
      expectRuleNone('如果身边有人晕倒 是先打120还是先做按压');
      expectRuleNone('如果遇到入室抢劫 应该打什么电话');
      expectRuleNone('如果遇到有人持刀抢劫 应该怎么自保');
      expectRuleRead('刚才有人晕倒了 应该怎么办', 'unconscious');
      expectRuleRead('他又喝醉了拿刀砍门 我应该怎么办', 'violence');
      expectRuleRead('如果有人打我 应该打什么电话', 'violence', 'possible');
    });

    it('reads a "when" that opens a how-to as no moment, and preparing ahead as a purpose', () => {
      expectRuleNone('发洪水的时候应该往哪里跑 想给学生讲讲');
      expectRuleNone('地震的时候应该躲在哪里 我想教教孩子');
      expectRuleNone('孩子误吞电池怎么办 想提前了解一下');
      expectRuleRead('洪水冲进村子的时候 我妈还在屋里 快来人', 'flood');
      expectRuleRead('孩子误吞电池了 怎么办', 'unconscious');
      expectRuleRead('我爸刚吃错药了 怎么办 想提前问问', 'unconscious', 'possible');
    });
  });

  describe('a danger inside a game', () => {
    it('sets aside a teammate trapped in a game, not a ceiling falling while playing', () => {
      expectRuleNone('晚上开黑 队友被困在副本的山洞里了 哈哈');
      expectRuleRead('我在打游戏 突然天花板塌了 砸到我弟了', 'collapse');
    });
  });

  describe('dangers over', () => {
    it('reads a fall saved, a cut dressed, nobody hurt and people safe as over, not the look-alikes', () => {
      expectRuleNone('早上差点在台阶上摔了 幸好抓住了扶手 台阶能不能修一下');
      expectRuleNone('切菜割破了手指 包扎好了 血也止住了 要打针吗');
      expectRuleNone('地下车库的车被淹了 家里人都在家 能帮忙拖车吗');
      expectRuleNone('The fire in the garage last night is out and everyone got out, can we borrow tools?');
      expectRuleRead('老人摔倒了 没扶住 头流血了', 'fall');
      expectRuleRead('手割破了 包好了 血还是止不住', 'bleeding');
      expectRuleRead('腿上的口子流血不止 已经包上了', 'bleeding');
      expectRuleRead('The house fire is out and everyone got out except grandpa', 'fire');
      expectRuleRead('老人一个人在家 水已经进屋了', 'flood');
    });

    it('reads an old notice and a doctor who found nothing as over, not a disappearance today', () => {
      expectRuleNone('群里转的老人走失启事 一看是去年的');
      expectRuleNone('佢喺屋企跌親 睇咗醫生冇事');
      expectRuleRead('我家孩子今天下午走失了 还没找到', 'missing');
    });
  });

  describe('animals', () => {
    it('sets aside water carrying off an animal named inside the cue, not a child with it', () => {
      expectRuleNone('河沟里有只羊被水冲走了 好心疼');
      expectRuleRead('河里有个孩子和一条狗被水冲走了', 'flood');
    });
  });

  describe('figures and things only', () => {
    it('sets aside a blow in scare quotes, a likeness to a knife and a device wanted, not the real ones', () => {
      expectRuleNone("他被老婆'打'出家门了 去钓鱼了");
      expectRuleNone('想给独居的老人装个跌倒监测的设备 哪里有');
      expectRuleRead('他拿着刀子说要砍我', 'violence');
      expectRuleRead('他被老婆打得头破血流', 'violence');
      expectRuleRead('独居老人跌倒了 起不来', 'fall');
    });

    it('sets aside eagerness, annoyance and a dead device in English, not a person dying', () => {
      expectRuleNone("I'm dying to try the new noodle place downtown");
      expectRuleNone('This traffic is killing me, any volunteers to carpool?');
      expectRuleNone('SOS my laptop is dead and the report is due tonight');
      expectRuleRead('SOS my dad is not breathing', 'unconscious');
    });
  });

  describe('the misses', () => {
    it('reads a combustion heater in a closed room, not a question about using one', () => {
      expectRuleRead('The kerosene heater was on all night in the sealed bedroom and my dad is still in there', 'gas', 'possible');
      expectRuleNone('Is it safe to use a propane heater in a closed garage?');
    });

    it('reads a symptom going on as no habit', () => {
      expectRuleRead("My sister won't wake up and keeps vomiting", 'unconscious');
    });

    it('reads a terse cut with no object, not a harvest or an operation', () => {
      expectRuleRead('我又划了', 'self_harm', 'possible');
      expectRuleNone('麦子已经割了');
      expectRuleNone('已经割了双眼皮 恢复得不错');
    });

    it('reads a person who cannot be woken in pinyin, not oversleeping', () => {
      expectRuleRead('wo ba han bu xing le', 'unconscious');
      expectRuleNone('wo zong shi shui bu xing');
    });
  });
});

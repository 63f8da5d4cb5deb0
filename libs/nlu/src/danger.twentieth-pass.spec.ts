// The readings of the danger check's twentieth pass (decision 0064), by kind: blind20's false alarms
// (questions asked to learn or to teach, the signs before a danger asked about, what to mind in a
// practice, figures of speech, dangers explained or over, property and animals, a rescue seen on a
// video app, a factory's smoke complained about) and its misses (words typed by sound, a farewell
// letter, a threat told now inside a question about debts or the law). Every sentence here is new
// wording (none is taken from a data set); the rules are read alone, each look-alike of the other
// side beside the reading it must not swallow.
import { SOUNDS_LIKE, soundAlikeFold } from './danger-vocabulary.twentieth-pass.js';
import { expectRuleNone, expectRuleRead } from './danger.spec-support.js';

describe('danger check, twentieth pass (decision 0064)', () => {
  describe('questions asked to learn or to teach', () => {
    it('sets aside a how-to question with a teaching or learning purpose, not one asked while it happens', () => {
      expectRuleNone('煤气泄漏了应该怎么处理 想做个课件给居民讲');
      expectRuleNone('有人触电了怎么救 我想学一下 暑假带孩子出去玩');
      expectRuleRead('刚才厨房突然着火了 怎么灭 给孩子讲过的办法都忘了', 'fire');
      expectRuleRead('我爸触电了 怎么救 快点', 'electric');
      expectRuleRead('我正给学生上课 有个学生晕倒了 应该怎么办', 'unconscious');
      expectRuleRead('女儿放学一下车就被电动车撞了 腿上流了好多血 应该去哪个医院', 'bleeding');
    });

    it('sets aside a play whose plot has a danger, not a danger during a rehearsal', () => {
      expectRuleNone('社区小品的剧本里有个老人被困在火场 想借几件消防服当道具');
      expectRuleRead('排练的时候舞台塌了 有个学生被压住了', 'collapse');
      expectRuleRead('小品演出的时候 有个演员从台上摔下来 头撞破了 一直流血', 'fall');
    });

    it('sets aside the signs before a danger asked about, and what to mind in a practice', () => {
      expectRuleNone('泥石流前一般有哪些前兆 我家靠着山');
      expectRuleNone('用炭火盆取暖的时候要注意什么');
      expectRuleRead('后山泥石流下来了 冲到我家后墙了', 'collapse');
      expectRuleRead('屋里烧炭了 我老公头晕想吐', 'gas');
      expectRuleRead('孩子抽搐要注意什么', 'unconscious');
    });
  });

  describe('figures of speech', () => {
    it('sets aside a plan that collapses and a phone that explodes with calls, not a house or a battery', () => {
      expectRuleNone('周末的行程全塌了 要退票');
      expectRuleNone('微信群都要炸了 一直有人问放假安排');
      expectRuleRead('隔壁房子全塌了 人还在下面', 'collapse');
      expectRuleRead('充电宝炸了 屋里在冒烟', 'fire');
      expectRuleRead('手机炸了 快打电话 屋里冒烟了', 'fire');
    });

    it('sets aside a call for help after a small trouble, not one beside a danger', () => {
      expectRuleNone('停电了没网 救命');
      expectRuleNone('救救我吧 这数学题');
      expectRuleRead('救命 我女儿掉水里了', 'flood');
    });

    it('sets aside a show "on fire" and a deadline that "kills", not a house on fire or a threat', () => {
      expectRuleNone('Our choir was really on fire at the festival');
      expectRuleNone('那场演出真是 on fire 票都卖光了');
      expectRuleNone('ddl 快 kill 我了 报告能晚点交吗');
      expectRuleRead('The garage is on fire and smoke is coming in', 'fire');
      expectRuleRead('他拿着刀说要 kill 我', 'violence');
    });
  });

  describe('dangers explained or over', () => {
    it('sets aside an alarm with nothing burning and a socket with the power cut, not smoke or sparks still there', () => {
      expectRuleNone('报警器响了半天 查了一圈什么都没着 是不是坏了');
      expectRuleNone('墙上插座烧黑了一圈 我已经拉闸了 明天请电工来换');
      expectRuleRead('报警器一直响 卧室门缝在冒烟', 'fire');
      expectRuleRead('开关面板烧焦了 还在冒火花', 'electric');
      expectRuleRead('厨房着火了 已经拉闸了 火还在烧', 'fire');
      expectRuleRead('电线冒火花 我爸被电了 已经拉闸了', 'electric');
    });

    it('sets aside a lift that went on and a wall down with nobody under it, not a person inside or under', () => {
      expectRuleNone('货梯停了一下很快又动了 想报个修');
      expectRuleNone('猪圈的墙倒了 没砸到人 想找泥瓦匠');
      expectRuleRead('电梯停在半空 我同事还在里面', 'trapped');
      expectRuleRead('电梯卡住了 我儿子在里面 物业说马上就开了', 'trapped');
      expectRuleRead('猪圈的墙倒了 砸到我爷爷了', 'collapse');
    });

    it('sets aside a relative who never reads the phone, not one who answers no call', () => {
      expectRuleNone('外婆一天没回消息 她平常就不爱看手机 能帮忙去看一眼吗');
      expectRuleRead('外婆一天没回消息 电话也打不通 家里没人', 'missing', 'possible');
      expectRuleRead('我舅舅失踪两天了 他平常就不爱接电话', 'missing');
    });

    it('sets aside smoke explained as cooking, not smoke in a flat', () => {
      expectRuleNone("There's smoke over the car park but it's only the barbecues");
      expectRuleRead('Thick smoke is coming out of the flat upstairs', 'fire');
    });
  });

  describe('property, animals, media, complaints', () => {
    it('sets aside a flood or collapse of land, crops or a fence, not one with a person or homes', () => {
      expectRuleNone('暴雨把果园的栅栏冲倒了');
      expectRuleRead('鱼塘决堤了 水往村里冲', 'flood');
    });

    it('sets aside an animal with helpers wanted, not a person', () => {
      expectRuleNone('羊卡在石缝里出不来 需要几个人帮忙');
      expectRuleRead('羊卡在石缝里 我爸去拉也卡住了 出不来', 'trapped');
    });

    it('sets aside a rescue seen on a video app and a factory smoke complaint, not a fire seen now', () => {
      expectRuleNone('快手上刷到有人跳河救人 太勇敢了');
      // Found by the earlier passes' specs: a moment while watching, and a post of the writer's own place.
      expectRuleRead('我妈刷快手刷到一半突然倒了 叫不醒', 'unconscious');
      expectRuleRead('抖音上看到我们小区有个小孩走丢了 穿红衣服', 'missing');
      expectRuleNone('化工厂每天晚上冒黑烟 想举报');
      expectRuleRead('化工厂着火了 冒黑烟 好多人往外跑', 'fire');
    });
  });

  describe('misses', () => {
    it('reads danger phrases typed by sound, not words that only share a character', () => {
      expectRuleRead('他手上流学了 止不注', 'bleeding');
      expectRuleRead('我奶奶被困在店梯里', 'trapped');
      expectRuleNone('我们交流学习了一下午');
      expectRuleNone('这题电学题好难');
    });

    it('folds only forms of the same length, one sound-alike character away', () => {
      const fold = soundAlikeFold(['止不住']);
      expect(fold).toContainEqual(['止不主', '止不住']);
      expect(fold.every(([from, to]) => from.length === to.length && from !== to)).toBe(true);
      expect(fold).toHaveLength([...SOUNDS_LIKE['住']!].length);
    });

    it('reads a farewell letter with "do not look for me", not a letter of a kind', () => {
      expectRuleRead('留给爸妈的信写好了 别再找我', 'self_harm', 'possible');
      expectRuleNone('辞职信写好了 不用找我签字了');
    });

    it('keeps a threat told now inside a question about debts or the law, not one long past', () => {
      expectRuleRead('网贷催收的人现在堵在门口 说再不还钱就打死我 法律援助能管吗', 'violence', 'possible');
      expectRuleNone('前年借钱不还的人说要打死我 现在想起诉他');
    });
  });
});

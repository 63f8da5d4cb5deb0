// The readings of the danger check's nineteenth pass (decision 0063), by kind: blind19's false alarms
// (dangers over and handled, fears and prevention without a sign, rumours, property only, figures of
// speech, a question about a word, a relative "always like this", help after a fall that is over) and
// its misses (走失 typed by sound, a danger after the turn "还有就是"). Every sentence here is new
// wording (none is taken from a data set); the rules are read alone, each look-alike that IS danger
// beside the reading it must not swallow.
import { turnOffset } from './danger.turn.js';
import { expectRuleNone, expectRuleRead, rulesOnly } from './danger.spec-support.js';

describe('danger check, nineteenth pass (decision 0063)', () => {
  describe('dangers over and handled', () => {
    it('sets aside a gas smell gone after a repairer came, not one still there', () => {
      expectRuleNone('燃气味已经散了 师傅来修过了 想问换个减压阀要多少钱');
      expectRuleRead('燃气味好大 师傅还没来 我头晕', 'gas');
    });

    it('sets aside a faint now stable, not a faint just now', () => {
      expectRuleNone('我婆婆昨天摔倒昏过去了 现在情况稳定了 想申请陪护补贴');
      expectRuleRead('我公公刚才晕倒了 叫不醒', 'unconscious');
    });

    it('sets aside a person let out, not one still shut in', () => {
      expectRuleNone('上午孩子被锁在卫生间 后来开锁师傅弄出来了 门锁想换');
      expectRuleRead('孩子被锁在车里了 出不来 天好热', 'trapped');
    });

    it('sets aside a fire put out with only things burnt, not a fire still burning', () => {
      expectRuleNone('楼道里的火昨晚已经扑灭了 想找人刷墙');
      expectRuleNone('The kitchen fire was put out, nobody got hurt, we just need help throwing out the burnt furniture');
      expectRuleRead('楼道里着火了 烟好大', 'fire');
      expectRuleRead('The kitchen is on fire and my dad has burns on his arm', 'fire');
    });
  });

  describe('fears and prevention without a sign', () => {
    it('never sets aside a smell or smoke sensed now, whatever is feared or wanted after it', () => {
      // Found in review of this pass: a present leak read as a practice feared (decision 0058's rule).
      expectRuleRead('厨房煤气味特别冲 我怕会炸 要不要买个报警器', 'gas');
      expectRuleRead('一进门就闻到煤气味 担心出事 能不能来人看看', 'gas');
      expectRuleRead('屋里满屋子烟 我怕是电线烧了', 'fire');
      // A practice feared, with nothing sensed, stays set aside.
      expectRuleNone('老家还在用煤气罐 我怕哪天会漏 要不要装个报警器');
    });

    it('sets aside a fear with a device, a repair or a talk wanted', () => {
      expectRuleNone('我奶奶老糊涂了 担心她走丢 想买个定位手环');
      expectRuleNone('家里电线用了二十年 担心着火 能不能来换个插座');
      expectRuleNone('山里人烧柴取暖 如何预防一氧化碳中毒 想请人来讲讲');
      expectRuleNone('刷 tiktok 看到有人触电了 家里插座要不要装保护器');
    });

    it('still reads the danger itself beside a fear', () => {
      expectRuleRead('我奶奶老糊涂了 出去两个小时了没回来', 'missing');
      expectRuleRead('插座冒火花了 着火了', 'fire');
      expectRuleRead('煤气泄漏了 我怕会爆炸 要不要装报警器', 'gas');
    });
  });

  it('sets aside a rumour asked about, not a collapse seen', () => {
    expectRuleNone('业主群里传说后山要塌方了 是真的吗');
    expectRuleRead('后山塌方了 埋了两间房', 'collapse');
  });

  it('sets aside property only (an empty building, nobody in the car), not a person inside', () => {
    expectRuleNone('乡下老屋空着好几年了 墙塌了半边 想找人看看');
    expectRuleNone('汽车被水淹了 车里没人 能理赔吗');
    expectRuleRead('乡下老屋墙塌了 我爸还在里面', 'collapse');
    expectRuleRead('车子被水淹了 我儿子还在车里', 'flood');
  });

  it('sets aside figures of speech and a question about a word', () => {
    expectRuleNone('这房间热得像着火了似的 空调坏了');
    expectRuleNone('我喜欢的明星塌房了 好难过');
    expectRuleNone('事业上栽了个大跟头 心情很差 想找人聊聊');
    expectRuleNone('女儿问我什么叫求救 我该怎么解释');
    expectRuleNone('我最近老是睡不醒 上班总迟到');
    expectRuleRead('我妈睡下去就叫不醒了 嘴唇发紫', 'unconscious');
  });

  it('sets aside a relative unreachable who is always like this, not one gone for days', () => {
    expectRuleNone('我哥电话打不通 他平时就这样 不用管 就是想问问社区活动');
    expectRuleRead('我哥电话打不通 三天了 人也找不到', 'missing');
  });

  it('sets aside help wanted after a fall that is over, not a fall with no response', () => {
    expectRuleNone('我爷爷摔了以后走路不利索 能申请助行器吗');
    expectRuleRead('我爷爷摔了以后一直不动 叫不应', 'unconscious');
  });

  describe("blind19's misses by kind", () => {
    it('reads 走失 typed by sound beside a child or an elder', () => {
      expectRuleRead('闺女在公园走是了 才五岁', 'missing');
      expectRuleRead('奶奶早上在菜市场走十了 找了一圈没找到', 'missing');
      expectRuleRead('我外婆走湿啦 她有点痴呆', 'missing');
      expectRuleNone('我走是走不动了 想问问有没有代步车');
      expectRuleNone('这条路走十分钟就到了吗');
    });

    it('reads a danger after the turn 还有就是, past a condition before it', () => {
      expect(turnOffset('一到冬天就冷 还有就是 我爸没回来')).toBe(7);
      expectRuleRead('想问下路灯坏了找谁修 一到晚上就黑 还有就是 我爸从早上出门到现在都没回来 他有点糊涂', 'missing');
      expectRuleNone('想问下路灯坏了找谁修 一到晚上就黑 还有就是 想问问垃圾几点收');
    });
  });

  it('takes bad input', () => {
    for (const bad of ['', '   ', '走湿', '还有就是', '怕', '是真的吗', '\u0000\uffff']) expect(rulesOnly.assess(bad).level).toBe('none');
    expect(rulesOnly.assess(undefined as unknown as string).level).toBe('none');
  });
});

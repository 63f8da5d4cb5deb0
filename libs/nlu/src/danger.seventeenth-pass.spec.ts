// The readings of the danger check's seventeenth pass (decision 0060), by kind: blind17's false alarms
// (danger words as figures for a grade, a song, a foundation, a mood, the internet or the weather;
// relatives who report no sign; a business that cannot hold on; a preventive question; smoke explained
// on a second look; an animal in the water; a model that collapses; a fire months ago; the injured
// already taken away) and its two misses (bleeding that goes on under a blood thinner; means on hand
// with a time and no death word). Every sentence here is new wording (none is taken from a data set);
// the rules are read alone, each look-alike beside the reading it must not swallow.
import { expectRuleNone, expectRuleRead, rulesOnly } from './danger.spec-support.js';

describe('danger check, seventeenth pass (decision 0060)', () => {
  describe("blind17's false alarms by kind", () => {
    it('leaves alone danger words used as figures', () => {
      expectRuleNone('期中考试英语成绩炸了 想找个大学生帮忙补补');
      expectRuleNone('这段舞太炸了 社区晚会能报名吗');
      expectRuleNone('物理基础全塌方了 有没有周末辅导');
      expectRuleNone('失恋以后心态都崩塌了 想找人说说话');
      expectRuleNone('屋里闷得要命 头都晕乎乎 附近有没有开空调的图书馆');
      expectRuleNone('没有wifi我真会死 光纤报修电话是多少');
      expectRuleNone('Our noodle stall is on fire tonight, so many people, can anyone help with the queue?');
    });

    it('leaves alone relatives who report no sign, and a business that cannot hold on', () => {
      expectRuleNone('女儿最近睡得少 没提过要想不开 想约个心理老师聊一聊');
      expectRuleNone('孩子的作文写得像遗书一样 但他天天笑嘻嘻的 想问问老师');
      expectRuleNone('我的小饭店实在开不下去了 有没有小微企业的扶持政策');
    });

    it('leaves alone a preventive question, smoke explained, an animal, a model, dangers over', () => {
      expectRuleNone('屋里烧煤取暖会不会中毒 想请社区来讲讲');
      expectRuleNone('楼下好像着火冒烟 仔细一看是在烧烤 问问能不能投诉油烟');
      expectRuleNone('池塘边一只小猫掉进水里了 在扑腾 能不能找人捞一下');
      expectRuleNone('隔壁烤肉店的烟天天飘进我家卧室 能投诉吗');
      expectRuleNone('儿子的积木高塔一碰就塌了 想找手工老师');
      expectRuleNone('The bakery next door burnt down last year. Are there grants to rebuild it?');
      expectRuleNone('高架下面刚出了车祸 120已经把人送走了 路上很堵 什么时候能通');
    });

    it('keeps the look-alikes that are danger', () => {
      expectRuleRead('楼下真的着火了 浓烟往上冒 我们被困在五楼', 'fire');
      expectRuleRead('池塘边一个小孩掉进水里了 在扑腾', 'flood');
      expectRuleRead('屋里烧煤取暖 现在全家都头晕想吐', 'gas');
      expectRuleRead('我老公说没意思 想不开 刚把安眠药都吞了', 'self_harm');
    });
  });

  describe("blind17's misses by kind", () => {
    it('reads bleeding that goes on under a blood thinner, in either order', () => {
      expectRuleRead('想问问社区体检的事 顺便说下我妈切菜划了手 按了二十分钟还在渗 她一直吃氯吡格雷', 'bleeding');
      expectRuleRead('爷爷在吃利伐沙班 鼻子出血 一直在流', 'bleeding');
      expectRuleRead("My dad is on warfarin and his finger won't stop bleeding", 'bleeding');
    });

    it('reads means on hand with a time, without a death word', () => {
      expectRuleRead('这辈子就这样了 安眠药攒够了 明天就解脱', 'self_harm');
      expect(rulesOnly.assess('农药买好了 今晚就了结').selfHarm).toBe(true);
    });

    it('leaves alone a thinner without bleeding, and means without a time', () => {
      expectRuleNone('我爸吃华法林 多久要抽一次血查指标');
      expectRuleNone('晾衣服的绳子有了 明天就装 想借个电钻');
    });
  });

  it('takes bad input without throwing', () => {
    expect(rulesOnly.assess('').level).toBe('none');
    expect(rulesOnly.assess('华法林止不住'.repeat(300)).level).not.toBe('none');
    expect(rulesOnly.assess('   ').level).toBe('none');
  });
});

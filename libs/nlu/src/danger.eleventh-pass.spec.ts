// The readings of the danger check's eleventh pass (decision 0051), per signal family, with the
// look-alikes each new reading must leave alone. Every sentence here is new wording (none is taken
// from a data set). The rules are read alone (no learned backup), so each reading is tested itself.
import { expectRuleNone, expectRuleRead } from './danger.spec-support.js';

describe('danger check, eleventh pass (decision 0051)', () => {
  it('trapped: a bare lift report without subject or 在', () => {
    expectRuleRead('卡电梯里面了', 'trapped');
    expectRuleRead('困电梯了！', 'trapped');
    expectRuleNone('电梯卡卡的，能修一下吗');
    expectRuleRead('困梯里了', 'trapped');
    expectRuleRead('我细佬困咗喺𨋢入面', 'trapped');
  });

  it('a bare report of fire or of being unable to get out is asked about', () => {
    expectRuleRead('火！', 'fire', 'possible');
    expectRuleRead('出不来了', 'trapped', 'possible');
    expectRuleNone('这家店好火！');
    expectRuleNone('梯子坏了');
  });

  it('fire: flames at a part of a building, also as the tail of an ordinary question', () => {
    expectRuleRead('想问下图书馆几点开门，另外隔壁楼阳台正在冒火', 'fire');
    expectRuleNone('他气得直冒火，跟物业吵了一架');
    expectRuleRead('卧室门缝里不停冒黑烟', 'fire');
    expectRuleNone('门缝漏风，冬天好冷');
  });

  it('gas: an odd smell indoors with a headache or nausea beside it', () => {
    expectRuleRead('顺便说一句，卫生间有股刺鼻味道，我妈说头好晕', 'gas');
    expectRuleNone('厨房有股怪味，可能是垃圾没倒');
  });

  it('self_harm: a diary burnt with nobody to bother any more; a pet handed over with a goodbye', () => {
    expectRuleRead('信都烧掉了，以后不会再有人烦你们了', 'self_harm');
    expectRuleRead('我的狗麻烦邻居帮忙养着 永别了', 'self_harm', 'possible');
    expectRuleNone('我的狗麻烦邻居帮忙喂几天，出差回来再接，拜拜');
    expectRuleNone('日记本也烧了');
  });

  it('self_harm in English: coming somewhere to end it; ending it at a bridge', () => {
    expectRuleRead('I drove out here to end it', 'self_harm');
    expectRuleRead('going to end it all tonight at the old bridge', 'self_harm');
  });

  it('flood: water still rising is not an aftermath, whatever else is mentioned', () => {
    expectRuleRead('仓库一楼进水了，水还在涨，有个工友手上还打着石膏', 'flood');
    expectRuleRead('院子里的水越涨越高', 'flood', 'possible');
  });

  it('look-alikes: a laughed-off near fight, heat, exercise sweat, a drain, embarrassment, a science question', () => {
    expectRuleNone('为了抢车位差点动手了😂');
    expectRuleNone('打球打得满头大汗，渴得冒烟');
    expectRuleNone('路边下水道堵了，积水没过脚面');
    expectRuleNone('年会上唱歌跑调了，丢人得想死');
    expectRuleNone('台风是怎么形成的？孩子作业要写');
  });

  it('look-alikes: a protection order asked about after leaving; a kidnapping scam with the relative safe', () => {
    expectRuleNone('表姐以前被家暴，问问保护令要怎么申请，她现在已经离开那个家了');
    expectRuleNone('骗子打电话说我女儿被绑架了要我汇款，后来联系上女儿，她好好的');
  });

  it('look-alikes in English: fire as a show or as spirit', () => {
    expectRuleNone('Will there be fire jugglers at the lantern festival?');
    expectRuleNone('Those girls have real fire in their hearts this season');
  });
});

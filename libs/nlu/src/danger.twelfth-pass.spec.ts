// The readings of the danger check's twelfth pass (decision 0052), per signal family, with the
// look-alikes each new reading must leave alone. Every sentence here is new wording (none is taken
// from a data set). The rules are read alone (no learned backup), so each reading is tested itself.
import { expectRuleNone, expectRuleRead } from './danger.spec-support.js';

describe('danger check, twelfth pass (decision 0052)', () => {
  it('violence: an ex-partner coming to do harm, also as the second thought of an ordinary question', () => {
    expectRuleRead('顺便问下社区食堂几点开饭，还有我前男友说他今天就要上门来找我算账', 'violence');
    expectRuleRead('讨债的打听到我们住哪了，说明天就过来找我们算账', 'violence');
    // Knowing the address alone is a hint; a parent's "收拾你" is a scolding.
    expectRuleNone('前妻找到我现在住的地方了');
    expectRuleNone('我妈说晚上回来收拾我');
  });

  it('violence: followed by a stranger who is still there; a fight with implements in hand', () => {
    expectRuleRead('下班路上有个男的一路跟着我，现在我不敢回家', 'violence');
    expectRuleRead('菜市场两个摊主吵翻了，一个抡起扁担就打', 'violence');
    expectRuleNone('他拿着锄头在地里锄草');
    expectRuleRead('他脑门上见红了', 'bleeding');
    expectRuleNone('我跟着我妈去买菜了');
  });

  it('gas: an acrid or odd smell in a shared place with coughing or a tight chest, either way round', () => {
    expectRuleRead('车间里一股呛人的味道，好几个工友胸口发闷', 'gas');
    expectRuleRead('大家都在咳嗽，宿舍里有股刺鼻的味道', 'gas');
    expectRuleNone('厨房有股怪味，估计是垃圾没倒');
  });

  it('gas: a gas smell with nausea or dizziness, however small and wherever in the message', () => {
    expectRuleRead('我想问下水费怎么交，另外屋里天然气味道挺大的，我婆婆说想吐', 'gas');
    expectRuleRead('有点煤气味，孩子说头有点晕', 'gas');
  });

  it('gas: a hesitant or lingering gas smell is asked about, unless cooking nearby is given as the cause', () => {
    expectRuleRead('感觉有点燃气味儿', 'gas', 'possible');
    expectRuleRead('隐约闻到一点点液化气的味道', 'gas', 'possible');
    expectRuleNone('好像有点煤气味，估计是隔壁在炒菜');
    expectRuleNone('煤气灶打不着火，想找人修');
  });

  it('fire: a smell of something burning is asked about, unless someone went to look and found the cause', () => {
    expectRuleRead('屋里有股烧塑料的味道', 'fire', 'possible');
    expectRuleNone('有烧电线的味道，出去看了一下原来是邻居在烤肉');
    expectRuleRead('闻到烧电线的味道，下去看了是配电箱着火了', 'fire');
  });

  it('missing: a child picked up by someone the family did not send, or taken by a stranger', () => {
    expectRuleRead('学校说孙女被一个不认识的人接走了', 'missing');
    expectRuleRead('托管班说儿子被人接走了，可我们谁都没去接', 'missing');
    expectRuleNone('孩子已经被奶奶接走了');
  });

  it('fire in Cantonese: a shop on fire, smoke pouring up; being unable to get out', () => {
    expectRuleRead('隔壁铺头着咗火，好大烟', 'fire');
    expectRuleRead('啲烟冲晒入嚟', 'fire');
    expectRuleRead('我哋出唔到去', 'trapped', 'possible');
    expectRuleNone('佢喺度烧紧嘢食');
    expectRuleNone('小心火烛，注意安全');
  });

  it('self_harm: at a height or an edge with jump talk, money trouble around it or not', () => {
    expectRuleRead('我站在楼顶上，跳下去就一了百了', 'self_harm');
    expectRuleRead('房贷还不上了，我现在在江边，想跳下去', 'self_harm');
    expectRuleRead('今晚想由天台跳落去', 'self_harm');
    expectRuleNone('在河边看人跳下去游泳');
    expectRuleNone('我在桥上拍照，风景很好');
  });

  it('self_harm: pills hoarded or lined up, in Chinese and English', () => {
    expectRuleRead('我攒了两个月的安眠药', 'self_harm');
    expectRuleRead('I have been stockpiling my sleeping pills for weeks', 'self_harm');
    expectRuleRead('all her tablets are counted out by the bed', 'self_harm');
    expectRuleNone('帮奶奶把一周的药片摆好了');
    expectRuleNone('I lined up the chairs for the meeting');
  });

  it('trapped: someone locked in; collapse: a beam cracking worse with people still inside', () => {
    expectRuleRead('仓库门被人从外面锁上了，里面还有两个搬运工', 'trapped');
    expectRuleRead('停车场一辆车里锁着个宝宝，车主不在', 'trapped');
    expectRuleRead('余震以后大梁裂得越来越大了，我们还住在里面', 'collapse');
    expectRuleNone('出门忘了锁门，能帮我看看吗');
  });

  it('dangers already over are no emergency: pumped dry, mended, the smell gone, settled, checked', () => {
    expectRuleNone('仓库昨天进了水，今天已经排干了，想借几台风扇');
    expectRuleRead('仓库进水了，还没抽干，水在涨', 'flood');
    expectRuleNone('热水器漏气，师傅已经换好了新的阀门，想问多久检查一次');
    expectRuleNone('去年邻居扬言要打我，后来已经和解了，想问能不能调换车位');
    expectRuleNone('奶奶昨天摔了一跤，拍了片子没大碍，想申请助行器');
    expectRuleNone('Grandpa slipped in the bath last winter, he is back on his feet, could someone help fit a grab rail?');
  });

  it('look-alikes: skills training, an engine for repair, litter in a river, a child playing firefighter, praise', () => {
    expectRuleNone('想给小区保安请人讲讲地震自救知识');
    expectRuleNone('三轮车冒白烟了，哪里有维修师傅');
    expectRuleRead('车子冒烟了，人还卡在里面', 'trapped');
    expectRuleNone('刮大风把塑料袋都冲进河里了，想组织清理');
    expectRuleNone('儿子玩角色扮演，举着玩具灭火器喊着火了，想带他去消防站看看');
    expectRuleRead('楼下有人喊着火了', 'fire');
    expectRuleNone('昨晚的演出太 fire 了，下次还办吗');
    expectRuleNone('This set is fire, book the DJ again');
  });

  it('look-alikes: worked to death as a joke, an injury without money, parcels and scanners', () => {
    expectRuleNone('复习复习得要死，哈哈，想找个自习室');
    expectRuleRead('我真的想死', 'self_harm');
    expectRuleNone('干活时受了伤，付不起医药费，有没有补助');
    expectRuleNone('扫码没反应，停车场的杆子不抬');
    expectRuleRead('奶奶叫她没反应', 'unconscious');
    expectRuleNone('快递显示已签收我却没收到');
  });
});

// The readings of the danger check's twenty-second pass (decision 0067), by the kind of message:
// blind22's misses (a present sign inside a hedged question, a threat by a person here now, people
// who cannot get out beside a hazard or are stuck at a height, a calm farewell with a plan) and its
// false alarms (laughter about one's own tumble, learning, teaching or preparing, a story, fiction or
// an aftermath, a nuisance complained about, goods soaked, a danger over, figures). Every sentence
// here is new wording (none is taken from a data set); the rules are read alone, each reading with
// at least three wordings it must catch and three near-misses it must not, and no frame may cancel a
// present sign of danger.
import { expectRuleNone, expectRuleRead } from './danger.spec-support.js';

describe('danger check, twenty-second pass (decision 0067)', () => {
  describe('a present sign inside a question keeps the danger', () => {
    it('reads a gas meter running with everything off, or a smell indoors with gas named, even when asked as a doubt', () => {
      expectRuleRead('想确认一下，煤气表还在走，可是灶台没开火，这样算不算漏了', 'gas', 'possible');
      expectRuleRead('问个事，天然气阀门好像没关严，厨房有股怪味，是不是正常的', 'gas');
      expectRuleRead('小问题哈，家里燃气表自己在跳，屋里有臭鸡蛋味，要紧吗', 'gas');
      expectRuleNone('燃气表的读数怎么看，想自己抄表');
      expectRuleNone('燃气费交过了，屋里有点霉味是因为下雨吗');
      expectRuleNone('气表旁边能不能放柜子，请问一下');
    });

    it('reads bleeding still going on after a wound, even beside a question about plasters', () => {
      expectRuleRead('有没有纱布卖啊，切菜切到指头了，压了半天还在流', 'bleeding', 'possible');
      expectRuleRead('请问诊所几点开门，孩子膝盖磕破了，一直往外冒血', 'bleeding');
      expectRuleRead('想借个碘伏，刚才被玻璃划了个口子，止不住地流', 'bleeding', 'possible');
      expectRuleNone('切洋葱切得眼泪还在流，有没有窍门');
      expectRuleNone('请问创可贴放哪了，上周划的口子已经好了');
      expectRuleNone('水管割开以后还在流水，找个师傅');
    });
  });

  describe('a threat by a person who is here now is violence', () => {
    it('reads a conditional threat by someone at the door or downstairs now', () => {
      expectRuleRead('我老公喝醉了现在在门外，喊着不开门就砍死我', 'violence');
      expectRuleRead('醉汉在我家窗外，威胁说不开门就捅死我们', 'violence');
      expectRuleRead('前妻正在院子里，说要是不让她见孩子就烧了房子', 'violence');
      expectRuleNone('快递员在楼下，说如果我不下去就放门卫那');
      expectRuleNone('邻居在门口说下雨就把烧烤摊收了');
      expectRuleNone('他在外面说晚上要烧水洗澡');
    });
  });

  describe('people who cannot get out, or are stuck at a height', () => {
    it('reads "cannot get out" beside a hazard, not beside the weather or a lockdown', () => {
      expectRuleRead('隧道口塌下来一截，车里三个人出不来', 'trapped');
      expectRuleRead('楼梯间全是烟，我们在五楼逃不出', 'trapped');
      expectRuleRead('井口被土埋了一半，下面的工人爬不出', 'trapped');
      expectRuleNone('雪太大了，我们在家出不去，能不能送点菜');
      expectRuleNone('小区封控了出不去，快递放哪');
      expectRuleNone('这个迷宫太难了走不出来，有攻略吗');
    });

    it('reads people stuck at a height, not a kite, a cat or a home on the top floor', () => {
      expectRuleRead('缆车坏了，我们一家困在半空中，已经半小时了', 'trapped');
      expectRuleRead('游乐场的过山车停了，游客卡在最顶上下不来', 'trapped', 'possible');
      expectRuleRead('工人吊在高处的吊篮里，绳子断了一根', 'trapped', 'possible');
      expectRuleNone('风筝卡在最高那棵树上了，谁有长竿子');
      expectRuleNone('猫卡在最高那层柜子上不下来');
      expectRuleNone('我们住在最高层，电梯老是坏');
    });
  });

  describe('a calm farewell with a plan and an end of worries is self-harm', () => {
    it('reads a plan made and an end after it, even with a smile, not a holiday or an exam', () => {
      expectRuleRead('😊 事情都交代好了，明天之后就不会再麻烦你们了', 'self_harm');
      expectRuleRead('该处理的都处理好了 过了今晚就解脱了', 'self_harm');
      expectRuleRead('后事都安排好了，以后就一了百了', 'self_harm');
      expectRuleNone('婚礼都安排好了，明天过后就轻松了');
      expectRuleNone('复习都准备好了，考完今晚过后就没有烦恼了');
      expectRuleNone('行李都收拾好了，放假以后就去旅游');
    });
  });

  describe("laughter about one's own tumble, with no body sign", () => {
    it("sets aside a fall laughed at by the writer, not someone else's or one with a body sign", () => {
      expectRuleNone('下楼梯踩空摔了一跤 哈哈哈 丢死人了');
      expectRuleNone('滑冰的时候摔了个四脚朝天 😂 还好没人拍');
      expectRuleNone('今天骑车摔了 lol 车筐都歪了');
      expectRuleRead('我摔了一跤 哈哈 腿肿了动不了', 'fall');
      expectRuleRead('奶奶摔倒了 哈哈 起不来了', 'fall');
      expectRuleRead('爷爷刚才摔了一跤 哈哈 现在叫不醒', 'unconscious');
    });

    it('never lets a joke mark hide a body sign', () => {
      expectRuleRead('我摔了一跤 lol 现在腿不能动', 'fall');
      expectRuleRead('下楼梯摔了 lol 膝盖肿了站不起来', 'fall');
      expectRuleRead('骑车摔了 哈哈 胳膊好像断了', 'fall');
      expectRuleNone('笑到肚子痛救命🤣');
      expectRuleNone('骑车摔了 lol 人没事车也没事');
      expectRuleNone('滑雪摔了个大跟头 哈哈 一点事没有');
    });
  });

  describe('learning, teaching, preparing or preventing, with no present sign', () => {
    it('sets aside a danger as a subject, never one happening now', () => {
      expectRuleNone('想学急救，触电的人一般有哪些表现');
      expectRuleNone('幼儿园老师想知道怎么教孩子遇到地震往哪躲');
      expectRuleNone('夏天到了，社区要怎么预防老人中暑晕倒');
      expectRuleRead('我在学急救，现在我爸就倒在地上不动了', 'unconscious');
      expectRuleRead('学地质的同学说山上正在滑坡，村里还有人', 'collapse');
      expectRuleRead('怎么预防煤气中毒？我妈刚才晕倒了', 'unconscious');
    });

    it('never takes an event told with 了 unless a time gone by is named, nor a laughed-at fire', () => {
      expectRuleRead('出发前发现孩子不见了，想跟他讲讲的话还没说', 'missing');
      expectRuleRead('我在学游泳，同学溺水了', 'flood');
      expectRuleRead('我们在捐款现场，隔壁突然着火了', 'fire');
      expectRuleRead('笑死 隔壁着火了', 'fire');
      expectRuleNone('想学一下，去年那场山体滑坡了以后有哪些征兆是当时没注意的');
      expectRuleRead('山上有滑坡的迹象 石头一直往下掉 村里人还没撤', 'collapse');
      expectRuleRead('出发前检查发现车库里有煤气味', 'gas');
    });
  });

  describe('a story, fiction or an aftermath, a nuisance, goods soaked, a danger over', () => {
    it('sets aside what is told as a story, fiction or an aftermath helped with', () => {
      expectRuleNone('外公总爱讲当年抗洪时被大水冲走又爬上来的故事，想录下来');
      expectRuleNone('妈妈看小说时念了一句"我不想活了"，她说的是书里那个人物');
      expectRuleNone('前天那场大火烧了好几户，社区有没有组织捐款');
      expectRuleRead('讲故事的时候爷爷突然晕倒了', 'unconscious');
      expectRuleRead('前天的大火烧了好几户，现在还有人被困在楼上', 'trapped');
      expectRuleRead('妈妈说了一句"我不想活了"，不是在说书里的人', 'self_harm');
    });

    it('sets aside a nuisance complained about and goods soaked with nobody there', () => {
      expectRuleNone('隔壁烧烤店天天冒浓烟，呛得不行，想投诉');
      expectRuleNone('仓库进水了，纸箱和化肥都泡了，找人抽水');
      expectRuleNone('养殖场的棚子塌了，鸡都没事，想找人修');
      expectRuleRead('隔壁老是冒烟，今天突然着火了', 'fire');
      expectRuleRead('地下室进水了，东西都泡了，我妈还在下面', 'flood');
      expectRuleRead('棚子塌了，鸡没事，可是人被压在下面', 'trapped');
    });
  });

  describe('figures of a new author', () => {
    it('sets aside laughter, a mood, slang, heat as a degree, an SOS for a list, a traffic jam, a kit, a rating', () => {
      expectRuleNone('这个视频笑疯了，快去看');
      expectRuleNone('面试完心态炸了');
      expectRuleNone('昨晚的乐队超炸了');
      expectRuleNone('教室热得我快晕了，能不能装空调');
      expectRuleNone('SOS 哪里有驾照体检的表格');
      expectRuleNone('困在晚高峰里一个小时了，有没有近路');
      expectRuleNone('应急包里一般放哪些东西');
      expectRuleNone('Is this apartment fire-rated? Thinking of renting it');
      expectRuleRead('热得老人晕倒了 叫不醒', 'unconscious');
      expectRuleRead('🆘 电梯困在半空中 里面有孩子', 'trapped');
    });
  });
});

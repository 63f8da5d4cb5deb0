// The readings of the danger check's twenty-ninth pass (decision 0075): dangers told as a situation —
// bleeding told by what it soaks and a mother just delivered who keeps bleeding, an electric shock in
// dialect words, a person shut in behind a door or knocking from below ground, a person who cannot
// hear the alarm that is sounding, a threat of violence with weapons at the door or a time, a crush in
// a crowd — and what only looks like danger: a card named with an errand, a detector compared, a
// fight the police took away, an ambulance driver's work, the emergency number asked, the
// ambulance's time asked ahead, a game. Every sentence is my own wording (written before the readings
// were checked on blind29); the rules are read alone. Each reading has its positives and the ordinary
// look-alikes that must stay ordinary.
import { expectRuleNone, expectRuleRead } from './danger.spec-support.js';

describe('danger check, twenty-ninth pass (decision 0075)', () => {
  describe('bleeding told by what it soaks, and a mother just delivered', () => {
    it('reads it in Chinese and English', () => {
      expectRuleRead('刚生完孩子，血止不住，裤子都湿透了', 'bleeding');
      expectRuleRead('媳妇生完娃回家以后一直在出血，量很大', 'bleeding');
      expectRuleRead('我妈摔了一跤头上流血，枕头都染红了', 'bleeding');
      expectRuleRead('我老婆生完孩子第三天，下面一直流血，卫生巾一会儿就湿透了', 'bleeding');
      expectRuleRead('She gave birth at home two days ago and is still bleeding, soaking through a pad every hour', 'bleeding');
      expectRuleRead('the sheets are soaked with blood', 'bleeding');
    });

    it('leaves the rain, sweat, a child wetting the bed, a period and a check-up', () => {
      expectRuleNone('下雨了，被子都湿透了');
      expectRuleNone('床单被孩子尿湿透了');
      expectRuleNone('衣服被汗湿透了');
      expectRuleNone('来月经了量有点大，床单弄脏了，怎么洗');
      expectRuleNone('产妇想问问产后42天复查去哪里');
      expectRuleNone('the sheets are soaked with sweat every night');
    });

    it('reads 以后 after an event as "after it", and still as "some day" before a fear', () => {
      expectRuleRead('他下班回来以后一直流血，止不住', 'bleeding');
      expectRuleNone('怕老人以后摔倒，想装个扶手');
    });
  });

  describe('an electric shock in dialect words', () => {
    it('reads 挨电, 挨了电, 过电了, 着电了 and 被电着了', () => {
      expectRuleRead('工地上有人挨电了', 'electric');
      expectRuleRead('俺家老头修电闸挨了电，现在说不出话', 'electric');
      expectRuleRead('他刚才过电了，手还在抖', 'electric');
      expectRuleRead('他着电了，快来人', 'electric');
      expectRuleRead('孩子摸插座被电着了', 'electric');
    });

    it('leaves a phone charging, a live socket, a feeling, and 挨 as "next to"', () => {
      expectRuleNone('手机充着电呢，放在床头安全吗');
      expectRuleNone('这个插座过电吗，灯怎么不亮');
      expectRuleNone('看见他我心里像过电一样');
      expectRuleNone('沙发挨电视柜太近了');
      expectRuleNone('我家挨电厂很近，噪音大');
    });
  });

  describe('a person shut in behind a door or below ground', () => {
    it('reads it in English and Chinese', () => {
      expectRuleRead("the fire door slammed on my uncle down in the car park, he's knocking, we can't open it", 'trapped');
      expectRuleRead("the door shut behind her in the cold room and she can't open it from inside", 'trapped');
      expectRuleRead('门从外面锁上了，孩子在里面一直拍门哭，钥匙找不到', 'trapped');
      expectRuleRead('矿井下面有人在敲管子，喊他没人应', 'trapped');
      expectRuleRead('巷道里传来咚咚的声音，有个工友还没上来', 'trapped');
    });

    it('leaves being locked out, a door that will not close, a noisy neighbour', () => {
      expectRuleNone("I locked myself out, don't have the key");
      expectRuleNone('the fire door keeps closing on its own, can you fix the closer');
      expectRuleNone('the neighbour keeps banging on the wall every night');
      expectRuleNone('我把钥匙锁屋里了，进不去');
      expectRuleNone('楼道防火门坏了关不上');
      expectRuleNone('井下的水泵咚咚响，是不是坏了');
      expectRuleNone('半夜听到楼下有人敲管子，吵得睡不着');
    });
  });

  describe('a person who cannot hear the alarm that is sounding', () => {
    it('reads it in English and Chinese, either order', () => {
      expectRuleRead("my grandma is deaf and the smoke alarm is going off, she can't hear it and she's still upstairs", 'fire');
      expectRuleRead("our neighbour is deaf, the fire alarm is ringing and he hasn't come out of his flat", 'fire');
      expectRuleRead('火警铃在响，楼上的聋子老爷子听不见，还在屋里', 'fire');
      expectRuleRead('他耳朵聋，听不见警报，人还在里面', 'fire');
    });

    it('leaves a drill, a doorbell asked for, and paperwork', () => {
      expectRuleNone('消防演练的时候警报响了，聋哑学生听不到怎么办');
      expectRuleNone('奶奶耳朵背，敲门她听不见，能不能装个闪灯门铃');
      expectRuleNone('聋哑人可以办残疾证吗');
      expectRuleNone('my deaf son needs a sign language interpreter for his hearing');
    });
  });

  describe('a threat of violence with weapons at the door, or shouted for a time', () => {
    it('reads weapons at the door, and a threat to maim shouted beside them or a time', () => {
      expectRuleRead('几个混混拎着砍刀堵在我家门口，不让我们出去', 'violence');
      expectRuleRead('外面有人拿刀撬我家门，我和孩子躲在卧室', 'violence');
      expectRuleRead('讨债的来了三个人，拿着钢管在砸我家的门，说今晚不还钱就打断我的腿', 'violence');
      expectRuleRead('他喊着要卸我一条腿，现在就在楼下', 'violence', 'possible');
      expectRuleRead("Two men with iron bars are banging on our door and shouting they'll break my legs", 'violence');
    });

    it('leaves a hammer at work, a debt taken to court, and shopping slang', () => {
      expectRuleNone('我拿铁锹铲雪，门口全是冰');
      expectRuleNone('债主天天打电话骂人，说再不还钱就去法院起诉');
      expectRuleNone('网上说剁手党又要剁手了');
    });
  });

  describe('a crush in a crowd', () => {
    it('reads it in Chinese and English', () => {
      expectRuleRead('人太多了，我妈被挤在栏杆边上动不了，说喘不上气', 'trapped');
      expectRuleRead('庙会散场的时候人挤人，前面有个小孩被挤倒了，被踩了好几脚', 'trapped');
      expectRuleRead('演唱会门口人群往前涌，我被压在铁门上透不过气', 'trapped');
      expectRuleRead("we're crushed against the barrier at the front, my friend can't breathe, the crowd keeps pushing", 'trapped');
    });

    it('leaves work that weighs, a sold-out show, a queue, and a family sharing a home', () => {
      expectRuleNone('工作压力太大，压得我喘不过气');
      expectRuleNone('人太多了挤不进去，还有票吗');
      expectRuleNone('排队的人挤来挤去，前面有人被挤得骂人');
      expectRuleNone('房子塌了，一家人挤在亲戚家，想申请救助');
    });
  });

  describe('what only looks like danger', () => {
    it('reads a card named with an errand as a card, and a person stuck as a person', () => {
      expectRuleNone('我爸刚满六十五，老人卡在哪里可以办');
      expectRuleNone('敬老卡在哪补办，丢了');
      expectRuleNone('乘车卡在社区能办吗');
      expectRuleNone('学生卡在哪里充值');
      expectRuleRead('老人卡在床和墙中间出不来了', 'trapped');
      expectRuleRead('老人卡在电梯里了，快来人', 'trapped');
      expectRuleRead('有个学生卡在栏杆中间了，头出不来', 'trapped');
    });

    it('reads a detector compared as no alarm, and one sounding as an alarm', () => {
      expectRuleNone('燃气报警器和一氧化碳报警器哪个好');
      expectRuleNone('一氧化碳报警器跟烟雾报警器有什么区别');
      expectRuleRead('一氧化碳报警器响了，家里人都头晕', 'gas');
    });

    it('reads a fight the police took away as over, and one going on as a fight', () => {
      expectRuleNone('刚才楼下两个人打架，警察来了已经把人带走了');
      expectRuleRead('楼下有人打架，警察来了还在打', 'violence', 'possible');
      expectRuleRead('邻居打老婆，警察把他带走了，她现在满脸是血', 'bleeding');
    });

    it('reads an ambulance driver, the number and the time asked ahead as no call for help', () => {
      expectRuleNone('我是开救护车的，夜班补贴怎么算');
      expectRuleNone('救护车司机能不能办居住证');
      expectRuleNone('救护车到我们小区要多久？先问问，以后万一用得上');
      expectRuleNone("What's the emergency number in China for ambulance?");
      expectRuleRead('救护车要多久才能到，我爸还没醒', 'unconscious');
      expectRuleRead('what is the number for an ambulance, my dad collapsed', 'unconscious');
    });

    it('reads a call for help in a game and a doll in a game of doctors as play', () => {
      expectRuleNone('孩子们在玩游戏，一直喊救命，吵死了');
      expectRuleNone('孩子在玩过家家，给布娃娃包扎，说她骨折了');
      expectRuleRead('孩子抱着布娃娃从楼梯上摔下来了，流血了', 'fall');
      expectRuleRead('孩子玩捉迷藏钻进柜子里出不来了，喊救命', 'trapped');
    });
  });
});

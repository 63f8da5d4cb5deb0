// The readings of the danger check's twenty-eighth pass (decision 0074): dangers told as a situation
// or a deed, without the usual danger word — a person out with animals not back while the animals
// came home alone, fewer people back from an outing than went, a deed of self-harm told done beside a
// farewell, the one word typed by sound (自煞, 咂门), a herder or a kin word read as a person, and a
// U-turn that is no hanging. Every sentence is my own wording (written before the readings were
// checked on blind27 and blind28); the rules are read alone. Each reading has its positives and the
// ordinary look-alikes that must stay ordinary.
import { expectRuleNone, expectRuleRead } from './danger.spec-support.js';

describe('danger check, twenty-eighth pass (decision 0074)', () => {
  describe('a person out with animals not back, the animals home alone', () => {
    it('reads it in Chinese, either order, and in English', () => {
      expectRuleRead('爷爷去山上放牛，到现在没回来，牛自己回来了', 'missing');
      expectRuleRead('放鸭子的小孙子到现在没回家，鸭子倒是都回来了', 'missing');
      expectRuleRead('家里老人出去放羊，羊群都回来了，人没回来', 'missing');
      expectRuleRead('大伯出去放羊到现在没回家，天黑了，山上又下雨', 'missing');
      expectRuleRead("My dad took the goats out to graze this morning, the goats came back on their own but he hasn't", 'missing');
      expectRuleRead('the horse came home without my uncle, he went herding in the hills', 'missing');
    });

    it('leaves the herder back, and animals that wandered home alone with nobody out', () => {
      expectRuleNone('放牛的老汉回来了，牛也回来了');
      expectRuleNone('牛自己跑回来了，是不是没拴好');
      expectRuleNone('我们家的羊自己跑回来了，邻居的羊丢了');
      expectRuleNone('昨天放羊回来晚了，今天腿疼');
      expectRuleNone('放牛的孩子放学回来就去放牛了');
    });
  });

  describe('fewer people back from an outing than went', () => {
    it('reads missing, and flood when they went into the water', () => {
      expectRuleRead('五个人一起上山砍柴，只回来了四个', 'missing');
      expectRuleRead('三个孩子去水库游泳，回来了两个，还有一个不见了', 'flood');
      expectRuleRead('去河里摸鱼的四个娃，只回来三个', 'flood');
      expectRuleRead('five of us went up the mountain, only four came back', 'missing');
      expectRuleRead('Three boys went swimming in the river and only two came home', 'missing');
    });

    it('leaves everyone back, parcels, and sons away at work', () => {
      expectRuleNone('三个孩子去游泳，都回来了');
      expectRuleNone('五个人去爬山，回来了四个，还有一个直接回家了');
      expectRuleNone('只回来了两个包裹，还有一个没到');
      expectRuleNone('去城里打工的三个儿子，今年过年只回来了两个');
      expectRuleNone('五个快递只到了四个');
    });
  });

  describe('a deed of self-harm told done, beside a farewell', () => {
    it('reads it as an emergency in Chinese and English', () => {
      expectRuleRead('我已经把一整瓶安眠药吃下去了，谢谢你们这些年的照顾', 'self_harm');
      expectRuleRead('药我都吃了，永别了', 'self_harm');
      expectRuleRead('刚才我已经把那瓶农药喝了，对不起大家', 'self_harm');
      expectRuleRead("I've already taken all the pills, thank you for everything", 'self_harm');
      expectRuleRead('I already swallowed the whole bottle, goodbye', 'self_harm');
    });

    it('leaves medicine taken as prescribed, and a sign-off that is no farewell', () => {
      expectRuleNone('药已经吃了，血压正常了');
      expectRuleNone('药我已经吃下去了，现在好多了，想问问复查时间');
      expectRuleNone('我已经把药吃了，医生说饭后吃');
      expectRuleNone('刚才已经把感冒药喝了，睡一觉就好');
      expectRuleNone('药已经吃下去了，谢谢你们提醒');
      expectRuleNone('药都吃了，谢谢，再见');
      expectRuleNone('药吃了，对不起打扰了');
      expectRuleNone("I've already taken my pills for today, when is the next checkup?");
      expectRuleNone('I already took the medicine the doctor gave me, thanks');
    });
  });

  describe('the one word typed by sound, a herder read as a person, a U-turn', () => {
    it('reads 自煞 as 自杀 and 咂门 as 砸门', () => {
      expectRuleRead('我想自煞，活着没意思', 'self_harm');
      expectRuleRead('他说要自刹，我劝不住', 'self_harm');
      expectRuleRead('有人在外面咂门，说要打死我们', 'violence');
      expectRuleNone('自然煞风景');
      expectRuleNone('刹车坏了');
    });

    it('reads a herder named by the animals as a person, not the animals', () => {
      expectRuleRead('放牛的大爷摔了一跤，腿动不了', 'fall');
      expectRuleRead('放羊的从山坡上滚下去了，躺着一动不动', 'fall');
      expectRuleNone('放羊的时候羊从崖上摔下去了');
    });

    it('reads 掉头 as a U-turn, not a hanging', () => {
      expectRuleNone('导航让我在桥上掉头，结果走错了');
      expectRuleNone('前面路上掉头的车太多了');
      expectRuleRead('他想上吊', 'self_harm');
      expectRuleRead('在树上上吊了', 'self_harm');
    });
  });
});

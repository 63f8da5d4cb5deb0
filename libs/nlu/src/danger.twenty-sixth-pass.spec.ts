// The readings of the danger check's twenty-sixth pass (decision 0071): dangers told as a situation,
// with no danger word — a person at a height who will not come down or says they will jump, people
// under something that fell, a plan with the means and a time. Every sentence is my own wording
// (written before the readings were checked on blind26); the rules are read alone. Each reading has
// its positives and the ordinary look-alikes that must stay ordinary.
import { expectRuleNone, expectRuleRead } from './danger.spec-support.js';

describe('danger check, twenty-sixth pass (decision 0071)', () => {
  describe('a person at a height who will not come down, or says they will jump', () => {
    it('reads it in Chinese, traditional characters and pinyin', () => {
      expectRuleRead('我儿子被老师批评了，现在坐在天台边上不肯下来', 'self_harm');
      expectRuleRead('他喝了酒爬到塔吊上去了，谁劝都不下来', 'self_harm');
      expectRuleRead('我妹失恋了一个人坐在桥上不下来，叫她也不理', 'self_harm');
      expectRuleRead('儿子在楼顶上待了一个钟头了，怎么喊都不下来', 'self_harm');
      expectRuleRead('孩子坐在阳台外面的空调架上不进来', 'self_harm');
      expectRuleRead('老李讨不到工钱，爬上脚手架说再不给钱就跳下去', 'self_harm');
      expectRuleRead('女儿跟我吵架，现在在窗台上，说我再说一句她就跳', 'self_harm');
      expectRuleRead('有个男的站在商场楼顶边上，说不给他个说法就跳', 'self_harm');
      expectRuleRead('我兒子站在樓頂上不肯下來', 'self_harm');
      expectRuleRead('ta zhan zai lou ding shang bu xia lai', 'self_harm');
      expectRuleRead('wo zai ta diao shang bu gei qian wo jiu tiao', 'self_harm');
    });

    it('reads it in English', () => {
      expectRuleRead("my brother climbed onto the roof and won't come down, he says nobody cares", 'self_harm');
      expectRuleRead('a man is on the ledge of the car park and refuses to come down', 'self_harm');
      expectRuleRead("my dad is up on the crane at the site, says he'll jump if they don't pay him", 'self_harm');
    });

    it('leaves an animal, a kite, a worker at work and a pastime up there alone', () => {
      expectRuleNone('我家猫爬到楼顶上不下来了，谁有梯子');
      expectRuleNone('工人在楼顶修屋顶，要不要办什么手续');
      expectRuleNone('工人站在脚手架上干活，要不要系安全带');
      expectRuleNone('楼顶晒被子会不会被风吹走');
      expectRuleNone('风筝挂在塔吊上了，能帮忙取下来吗');
      expectRuleNone('爸爸在桥上钓鱼，天黑了还不下来');
      expectRuleNone('孩子在天台上玩，叫了半天不下来吃饭');
      expectRuleNone('在桥上跳广场舞的阿姨们太吵了');
      expectRuleNone('孩子们在脚手架旁边跳来跳去');
      expectRuleNone("my cat is on the roof and won't come down");
      expectRuleNone("my parrot is on the window sill and won't come down");
      expectRuleNone('a kite got stuck on the crane next to our building');
      expectRuleNone("he's up on the roof fixing the gutter, is there a tool library?");
    });
  });

  describe('people under something that fell', () => {
    it('reads people below a collapse, either way round, in Chinese, traditional characters, pinyin and English', () => {
      expectRuleRead('雨棚掉下来了，底下还有人', 'collapse');
      expectRuleRead('牆倒了，底下還有人', 'collapse');
      expectRuleRead('菜窖的顶垮了，我爸还在下面', 'collapse');
      expectRuleRead('fang zi ta le ren bei ya zai xia mian', 'collapse');
      expectRuleRead('the old gym roof caved in during practice, two kids are under it', 'collapse');
      expectRuleRead('the stage collapsed at the concert and people are trapped under it', 'collapse');
    });

    it('leaves what is under a table, an animal and nobody under it alone', () => {
      expectRuleNone('孩子们躲在桌子下面玩捉迷藏');
      expectRuleNone('去年老房子塌了，好在人都不在下面');
      expectRuleNone('the kids are hiding under the table');
      expectRuleNone('the shelf fell down and the cat is under it');
      expectRuleNone('the old shed collapsed last winter, nobody was under it');
    });
  });

  describe('a plan with the means and a time', () => {
    it('is an emergency beside giving up a request or a farewell', () => {
      expectRuleRead('算了，不问了，反正今晚我就把那瓶安眠药全吃了', 'self_harm');
      expectRuleRead('算了，反正我今晚就把那些藥全吃了，謝謝你們', 'self_harm');
      expectRuleRead('jin wan wo jiu ba na xie yao chi le suan le', 'self_harm');
      expectRuleRead("forget it, I'll just swallow the whole bottle tonight", 'self_harm');
      // A long question that ends in the plan: the help it asked about (recovery, hardship) does not soften it.
      expectRuleRead('想问问大病救助怎么报，住了三次院，钱都花光了，家里人也不管……算了，反正等会儿我就把那些药吃了，不用回了，谢谢你们', 'self_harm');
    });

    it('is a question when the plan stands alone, and nothing for medicine taken as prescribed', () => {
      expectRuleRead('今晚我就把剩下的药全吃了', 'self_harm', 'possible');
      expectRuleNone('今晚就把那些药吃了，明天去医院复查');
      expectRuleNone('医生说今晚把药吃了再睡，明天复查');
      expectRuleNone('我们今晚把药都吃了，明天一早去医院复查');
      expectRuleNone("I'll take my pills tonight as the doctor said");
      expectRuleNone('tonight I will take the rest of the antibiotics with dinner, as prescribed');
    });
  });
});

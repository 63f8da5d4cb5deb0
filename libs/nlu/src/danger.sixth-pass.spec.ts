// The readings of the danger check's sixth pass (decision 0044), per signal family and per
// hard-negative kind. Every sentence here is new wording (none is taken from a data set).
import { expectFound, expectNone } from './danger.spec-support.js';

describe('assessDanger, sixth pass (decision 0044)', () => {
  it('reads electric shock told as 电人, 被电麻, a touch that shocks or a body reacting, in Chinese and English', () => {
    expectFound('阳台的铁栏杆一碰就电人 孩子刚才被电哭了', 'electric');
    expectFound('热水器电到人了 我老公手还在发麻', 'electric');
    expectFound('电饭锅漏电 我奶奶整个人都在发抖', 'electric');
    expectFound('my daughter grabbed a frayed cord behind the tv and now her fingers are black', 'electric');
    expectFound('the metal gate zaps everyone who opens it, my neighbour just got zapped badly', 'electric');
    expectNone('手机没电了 手有点冷 哪里能充电');
    expectNone('电动车的刹车不灵了 腿也骑得发麻 能帮忙修一下吗');
    expectNone('想找人给老人讲讲怎么安全用电');
  });

  it('reads a person with a cognitive condition gone off alone', () => {
    expectFound('我爷爷记不住事 一个人坐地铁走了 到现在联系不上', 'missing');
    expectFound('孩子有孤独症 在公园跑丢了', 'missing');
    expectFound('my autistic son slipped out of the school gate, he cannot tell anyone his name', 'missing');
    expectFound('grandma has alzheimers and walked off from the bus stop', 'missing');
    expectNone('老人记性差 经常找不到东西 想找个志愿者陪着');
    expectNone('my dad has dementia, could someone help him fill in the benefits form');
  });

  it('reads following the dead as self-harm talk, and a death alone as no danger', () => {
    expectFound('老头子去世半年了 我想着下去陪他', 'self_harm');
    expectFound('妈妈走了以后我也想随她去', 'self_harm');
    expectFound('since my wife passed away I just want to be with her tonight', 'self_harm');
    expectNone('老伴去世了 我去找她的老同事办手续 需要什么材料');
    expectNone('老伴走了以后一个人做饭没劲 想报名社区食堂');
  });

  it('reads the speaker inside a stuck lift or a room whose door will not open', () => {
    expectFound('电梯停了 我和孩子在里面 按钮没反应', 'trapped');
    expectFound('我在里面 卫生间的门打不开了 好害怕', 'trapped');
    expectFound('电梯半天不动 门拉不开', 'trapped');
    expectNone('家门锁坏了 打不开 我在外面等开锁的');
    expectNone('小区电梯老坏 想请物业来看看');
  });

  it('sets aside the look-alikes of blind6 by kind', () => {
    expectNone('你再抢我薯片我就弄死你 哈哈 开个玩笑');
    expectNone('这只猫再抓沙发我就宰了它 真想杀了我家猫');
    expectNone('想家想得眼泪把枕头都泡了 想找人说说话');
    expectNone('笔记本中病毒了 谁会装杀毒软件');
    expectNone('超市周年庆大出血 全场买一送一 能帮我排队吗');
    expectNone('我的社保卡弄丢了 去哪补');
    expectNone('想申请残疾证 不知道去哪里办');
    expectNone('学校要搞防震演练 教大家地震了被困怎么自救');
    expectNone('天冷了 用电热毯要注意什么 能来给老人讲讲吗');
  });

  it('keeps the dangers beside the look-alikes', () => {
    expectFound('他说要弄死我 我躲在房间里', 'violence');
    expectFound('我儿子不见了 手机也丢了', 'missing');
    expectFound('演练结束后有个老人晕倒了 叫不醒', 'unconscious');
  });
});

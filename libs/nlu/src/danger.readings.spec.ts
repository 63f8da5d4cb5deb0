// The general readings of the danger check's fourth pass (decision 0038), per signal family and
// per hard-negative kind. Every sentence here is new wording (none is taken from a data set), so
// each test checks that a reading reaches beyond the messages it was drawn from.
import { expectFound, expectNone } from './danger.spec-support.js';

describe('assessDanger, fourth pass (decision 0038)', () => {
  it('reads something falling onto a person as a collapse, but not when it missed everyone', () => {
    expectFound('工地上一块水泥板掉下来砸中了一个工人的头', 'collapse');
    expectFound('a brick fell off the roof and hit a kid on the head', 'collapse');
    expectNone('台风过后路边的大树倒在路上，能派人锯开吗');
  });

  it('reads a lift that drops, and a door that will not open on people inside, as trapped', () => {
    expectFound('电梯刚才一下子往下坠了好几层 现在卡着不动', 'trapped');
    expectFound('the lift dropped two floors and stopped, my mum is still inside', 'trapped');
    expectFound('dian ti kun ren le kuai lai', 'trapped');
    expectFound('shui yan jin wu le lao ren chu bu qu', null);
  });

  it('reads no word since leaving as a missing person, and small hints only beside another sign', () => {
    expectFound('她早上出门上班到现在一点音讯都没有，单位说没来', 'missing');
    expectFound('我儿子说去网吧 网吧老板说根本没来过 天已经黑了', 'missing');
    expectFound('刚在朋友圈看到我们村有个老人走丢了，穿蓝棉袄', 'missing');
    // A hint alone is an ordinary sentence.
    expectNone('天都黑了路灯还不亮，物业也不管');
    expectNone('谢谢你们这些年的照顾，想给志愿者送面锦旗');
    expectNone('快递三天了还没到，帮我问问驿站');
  });

  it('reads a weapon carried to a fight as violence', () => {
    expectFound('隔壁男的提着菜刀要去找他老婆算账', 'violence');
    expectFound('my neighbour is outside waving a machete at people', 'violence');
  });

  it('reads leaving things in order, a railing climbed over and self-harm talked of before as self-harm', () => {
    expectFound('他把存款都留给女儿了，猫也托付给我，说以后不会再麻烦谁', 'self_harm');
    expectFound('有个人翻过天台栏杆外面坐着，腿在外面晃', 'self_harm');
    expectFound('a woman is standing outside the railing on the bridge', 'self_harm');
    // Talk of it last month is a distant past; the phone off today still gets the question.
    expectFound('他上个月说过不想活了，今天电话一直关机', null, 'possible');
  });

  it('reads blood brought up today as bleeding, even beside a check-up', () => {
    expectFound('我爸刚才咳嗽吐了好几口血', 'bleeding');
    expectFound('陪我妈去康复科，结果她今早在走廊突然晕倒了', 'unconscious');
  });

  it('reads a discovery after 就 as an event, and a habit after 一放学就 as a habit', () => {
    expectFound('我一到家就看见我妈倒在地上', 'unconscious');
    expectFound('我一到家就发现老人晕倒在厕所', 'unconscious');
    expectNone('孩子一放学就没影了，跑去同学家玩，想找个托管');
  });

  it('reads news of somewhere else as no danger, unless the resident is the one away', () => {
    expectNone('电视上说外省发洪水了，我们想捐点衣服');
    expectNone('saw on the news that a building collapsed in another city, can we send donations');
    expectNone('网上看到别的地方有小孩溺水，想给孩子报个游泳课');
    expectFound('我在外地打工，刚听说老家房子着火了，我妈还在里面', 'fire');
  });

  it('reads a past marker inside a cue, a disaster that is over and a lecture wanted as no danger', () => {
    expectNone('洪水退了，仓库里的粮食泡了，能申请补助吗');
    expectNone('地震那次墙上裂的缝，找人看过了没问题，想刷一下墙');
    expectNone('老人摔倒了应该怎么扶？想参加急救讲座');
    expectNone('我们排练的小品里有人晕倒的情节，想借个担架道具');
    expectNone('燃气公司上门查了都没漏，老太太还是不放心，想找人陪');
  });

  it('reads work, study, money and the head as figures of speech', () => {
    expectNone('被这堆报销表格困住一下午了，谁会填');
    expectNone('救命 这个医保刷脸认证怎么老是失败');
    expectNone('救命啊 这个表格怎么打印');
    expectNone('看了半天这个政策，脑子都要炸了');
    expectNone('双十一钱包大出血，想问二手书回收');
    expectNone('打死我都记不住这个密码，能帮我重置一下吗');
    expectNone('寻找当年的老战友，八十年代在一个连队');
    expectNone('my son is drowning in exam revision, can a tutor help');
    expectNone("I'm stuck in a dead-end job, any career workshops?");
  });

  it('reads things, toys and pets in trouble as no danger to people', () => {
    expectNone('孩子搭的乐高塔倒了一地，想找个收纳架');
    expectNone('路灯被货车撞歪了，晚上黑乎乎的');
    expectNone('我家狗钻进床底下卡住了出不来，帮忙抬下床');
    expectNone('电瓶车轮胎爆了，附近哪里能补胎');
    // A burst pipe is no tyre.
    expectFound('厨房水管爆了 水哗哗往外喷 快来人', 'flood');
    expectNone('阳台上的花瓶被风吹掉下去摔碎了，下面没人');
    expectNone('奶奶的戒指掉进下水道了，能帮忙捞一下吗');
    expectNone('my keys fell behind the radiator, can someone help');
    expectNone('the light in the kitchen burned out, need a new bulb');
  });

  it('reads safety equipment to install, slang and memories as no danger', () => {
    expectNone("can someone install a smoke alarm in my mum's flat");
    expectNone('想给独居的老父亲装个一键呼叫的按钮');
    expectNone('we would like a fire blanket for the community kitchen');
    expectNone('the concert last night was fire, thanks volunteers');
    expectNone('grandma gets lost in her memories, she would love visitors');
    expectNone('医生说要本人去医院开安眠药，我腿脚不便，能陪我去吗');
    // The alarm going off is still a sign.
    expectFound('the smoke alarm is going off and the hallway is full of smoke', 'fire');
  });
});

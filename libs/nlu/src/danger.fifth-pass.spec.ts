// The readings of the danger check's fifth pass (decision 0043), per signal family and per
// hard-negative kind. Every sentence here is new wording (none is taken from a data set).
import { assessDanger } from './danger.detector.js';
import { expectFound, expectNone } from './danger.spec-support.js';

describe('assessDanger, fifth pass (decision 0043)', () => {
  it('reads traditional characters as simplified ones, across families, with offsets into the original', () => {
    expectFound('倉庫失火了 濃煙很大', 'fire');
    expectFound('陽台的牆裂開了 一直掉磚頭', 'collapse');
    expectFound('廁所裡聞到很重的瓦斯味', 'gas');
    expectFound('外婆走丟了 她有失智症', 'missing');
    const text = '家裡著火了';
    const a = assessDanger(text);
    expect(a.signals.map((x) => [x.text, text.slice(x.start, x.end)])).toEqual([['著火', '著火']]);
    expectNone('請問圖書館週末開門嗎');
    expectNone('想報名社區的消防安全講座');
  });

  it('reads an overdose told as an amount taken, in English, but not a usual dose', () => {
    expectFound("I've swallowed a handful of my sleeping pills, sorry everyone", 'self_harm');
    expectFound('she downed loads of painkillers an hour ago', 'self_harm');
    expectFound('grandpa took 40 of his heart tablets, he says he is tired of living', 'self_harm');
    expectFound("I don't want to be here any more", 'self_harm', 'possible');
    expectNone('my mum takes a lot of pills each morning, can someone set up a dosette box');
    expectNone('I took 2 paracetamol for the toothache, is the dentist open Saturday');
    expectNone('could a volunteer pick up a box of tablets from the chemist');
  });

  it('reads dialect kinship words for children and elders in missing-person readings', () => {
    expectFound('我家伢子不见了', 'missing');
    expectFound('崽仔搵唔到啊', 'missing');
    expectFound('细路喺街市走失咗', 'missing');
    expectFound('小囡寻不见了', 'missing');
    expectFound('幺儿跑丢了', 'missing');
    expectFound('阿嬷找不着了', 'missing');
    expectNone('伢子想报名篮球班');
    expectNone('娃儿的水杯找不到了 学校有人捡到吗');
    expectNone('阿婆想问养老金什么时候到账');
  });

  it('reads flooding words: 淹水, water over a threshold, water in a home', () => {
    expectFound('家里淹水啦', 'flood');
    expectFound('水漫到一楼了', 'flood');
    expectFound('地下室泡水了 还在涨', 'flood');
    expectNone('相机淹水了 能修吗');
    expectNone('洗碗池的水漫出来一点 已经擦了');
  });

  it('reads someone not back with a time span, and a disappearance told without punctuation, as missing', () => {
    expectFound('我老伴上午出去买药 五个小时了还没回来', 'missing');
    expectFound('孩子在门口玩我去倒个垃圾回来人就不见了到处都没有', 'missing');
    expectFound('my grandad went out for a paper this morning and still is not back', 'missing');
    expectNone('我爸出差还没回来 想请人帮忙换个灯泡');
    expectNone('儿子在外地探亲还没回来，家里的水管谁能来看看');
  });

  it('sets aside look-alikes by kind: intensifiers, locked out, detector batteries, spills, heavy sleepers, petrol', () => {
    expectNone('羞死人了 把钱转错人了 怎么要回来');
    expectNone('我被锁在门外了 钥匙落在屋里了');
    expectNone('烟雾报警器老是嘀嘀叫 是电池没电了吧');
    expectNone('小孙子打翻了鱼缸 客厅全是水 帮我找个保洁');
    expectNone('我女儿睡觉沉 闹钟响了都叫不醒 有没有震动闹钟');
    expectNone('we ran out of gas on the way to the clinic, need a lift');
    expectNone('The smoke alarm keeps chirping, I think the battery is low');
  });

  it('sets aside an innocent explanation, harm to animals only, questions about emergency numbers, fear and likeness', () => {
    expectNone('闻到一股烧焦味 原来是邻居在烤红薯');
    expectFound('闻到一股怪味 原来是煤气漏了', 'gas');
    expectNone('小猫被门夹了 流了点血 哪里有兽医');
    expectFound('被狗咬了 手上一直流血', 'bleeding');
    expectNone('打120叫救护车要花多少钱 想了解一下');
    expectNone('想请志愿者教我爸怎么拨119');
    expectNone('家里的取暖器很旧了 担心会起火 想换个新的');
    expectNone('听到他要结婚了 我像被电到一样 想找人聊聊');
    expectFound('老人晕倒了 120怎么打', 'unconscious');
  });

  it('keeps a reading that another alternative of the same cue would hide', () => {
    expectFound('老爷子糊涂了 一出门就没影了', 'missing');
  });
});

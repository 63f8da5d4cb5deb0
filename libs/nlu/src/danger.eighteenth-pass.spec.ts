// The readings of the danger check's eighteenth pass (decision 0061), by kind: blind18's misses
// (pinyin with and without tone marks; Cantonese violence under way; a missing person without a
// missing word; a danger after an ordinary question; black blood in the stool with an elder gone
// limp; a weapon taken up in a quarrel) and its false alarms (figures of speech, dangers in general or
// told of others, dangers over, a key stuck in a lock, a pet up a tree, ordinary pinyin). Every
// sentence here is new wording (none is taken from a data set); the rules are read alone, each
// look-alike beside the reading it must not swallow.
import { normalise } from './danger.cues.js';
import { glossMixed } from './danger.mixed.js';
import { expectRuleNone, expectRuleRead, rulesOnly } from './danger.spec-support.js';

describe('danger check, eighteenth pass (decision 0061)', () => {
  describe("blind18's misses by kind", () => {
    it('reads pinyin with tone marks as pinyin without them', () => {
      expect(normalise('Wǒ mā diào jìn hé lǐ le')).toBe('wo ma diao jin he li le');
      expectRuleRead('wǒ mā diào jìn hé lǐ le!', 'fall');
      expectRuleRead('wo nai nai diao jin shui gou li le', 'fall');
      expectRuleRead('fáng tā le, lǐ miàn yǒu rén bèi mái', 'collapse');
      expectRuleRead('ta men zai da wo ma, kuai lai ren', 'violence');
    });

    it('leaves ordinary pinyin alone', () => {
      expectRuleNone('nǐ hǎo, wǒ xiǎng wèn yī xià bàn zhèng de shì');
      expectRuleNone('ni da wo dian hua ba, wo zai jia');
      expectRuleNone('zhao bu dao wen jian le, zen me ban');
      expectRuleNone('lei si le, ming tian hai yao shang ban');
    });

    it('reads Cantonese violence under way', () => {
      expectRuleRead('有人斬緊我阿爸 喺樓下', 'violence');
      expectRuleRead('班人打緊我老公 快啲嚟啊', 'violence');
      expectRuleRead('我爸正在被几个人围着打', 'violence');
      expectRuleNone('唔打緊 慢慢嚟');
      expectRuleNone('我被这个故事打动了 想捐点钱');
    });

    it('reads a missing person without a missing word', () => {
      expectRuleRead('我外公大清早出门买菜 到现在都没回家', 'missing');
      expectRuleRead('我叔上山采药四天了还没下山', 'missing');
      expectRuleRead('幼儿园说来接女儿走的人不是我们家的', 'missing');
      expectRuleRead('外婆走丢了 她老年痴呆 不认路', 'missing');
      expectRuleRead('放羊的阿爸进山两天了还没回来', 'missing');
      expectRuleNone('我家的羊昨天没回来 是不是被人偷了');
      expectRuleNone('我想出去玩两天 进山的路好走吗');
    });

    it('reads a danger after an ordinary question, in English or Chinese', () => {
      expectRuleRead('Can I ask about the bus timetable... also the creek behind our street is over its banks and water is getting into the houses', 'flood');
      expectRuleRead('想问问低保怎么申请……对了我弟是智力残疾 早上出门的 到现在都找不到人', 'missing');
    });

    it('reads black blood in the stool with an elder gone limp, and a weapon taken up in a quarrel', () => {
      expectRuleRead('爷爷今天拉的是黑血 很多 整个人都软了', 'bleeding');
      expectRuleRead('两家为了水渠打起来了 有人拎着镰刀', 'violence');
      expectRuleNone('两家为了水渠打起来了 想找村委调解');
    });
  });

  describe('terse reports of an event by what it does to people', () => {
    it('reads water coming in, people under what fell, someone who cannot be woken or has not come up', () => {
      expectRuleRead('暴雨 水顺着门缝往屋里灌 越来越深', 'flood');
      expectRuleRead('上游的河堤决口了 村子在下面', 'flood');
      expectRuleRead('工棚塌了 砸到两个师傅', 'collapse');
      expectRuleRead('我妈午睡到现在 怎么喊都不醒', 'unconscious');
      expectRuleRead('屋里生着煤炉 早上去看 我哥叫不醒', 'gas');
      expectRuleRead('我叔下井修泵 下去半天没上来', 'trapped');
      expectRuleRead('放羊的大伯碰到高压线了', 'electric');
      expectRuleRead('她站在桥栏杆外面 说谁过来就跳', 'self_harm');
    });

    it('leaves alone the same words about things and plans', () => {
      expectRuleNone('水从哪里交水费 在线能交吗');
      expectRuleNone('墙上的画掉下来了 想找人重新挂');
      expectRuleNone('闹钟怎么叫都不醒 有没有更响的推荐');
      expectRuleNone('儿子早上怎么喊都不醒 上学天天迟到 想问问作息');
      expectRuleNone('想带着孩子一起去县城图书馆 几点开门');
    });
  });

  describe('mixed Chinese and English: English danger words read in Chinese', () => {
    it('reads a danger whose words are in English inside Chinese', () => {
      expectRuleRead('电工 touched 了一根 wire 然后就倒了', 'electric');
      expectRuleRead('奶奶 suddenly 倒在菜市场 叫她没 response', 'unconscious');
      expectRuleRead('楼道 gas 味道 很冲 我头好晕', 'gas');
      expectRuleRead('外婆又出门了 她有 dementia 现在不见了', 'missing');
    });

    it('leaves ordinary mixed messages alone', () => {
      expectRuleNone('这个月 gas 费怎么交');
      expectRuleNone('kitchen 的水龙头坏了 能派个师傅吗');
      expectRuleNone('想给 baby 办个医保 要带什么材料');
      expectRuleNone('我们 kid 想报名 water 运动班');
    });

    it('keeps each Chinese unit pointing into the English word it reads', () => {
      const r = glossMixed('师傅 touch 了 wire');
      expect(r?.text).toBe('师傅碰了电线');
      expect(r?.at).toEqual([0, 1, 7, 9, 11, 14]);
      expect(rulesOnly.assess('师傅 touch 了 wire 就倒了 不动').signals.map((s) => s.text)).toEqual([expect.stringContaining('wire') as unknown]);
      expect(glossMixed('no chinese here, gas and wire')).toBeNull();
      expect(glossMixed('只有中文 没有英文')).toBeNull();
    });
  });

  describe("blind18's false alarms by kind", () => {
    it('leaves alone figures of speech', () => {
      expectRuleNone('紧张到要爆炸了 下周答辩 有没有人帮我看看稿子');
      expectRuleNone('期末考试又塌方了 想给孩子报个班');
      expectRuleNone('外面冷得冻死人 暖气片什么时候通');
      expectRuleNone('我胃里像火烧一样 想挂个消化科');
      expectRuleNone('欠薪三个月不发 真活不下去了 去哪里申请仲裁');
      expectRuleNone('Is there a fire sale at the furniture shop this weekend?');
    });

    it('leaves alone dangers in general or told of others', () => {
      expectRuleNone('那个水库年年都淹死人 能不能加个护栏');
      expectRuleNone('据说煤气热水器会中毒 要怎么跟我妈说');
      expectRuleNone('Our street floods every autumn, who do we ask about the drains?');
      expectRuleNone('I read an article about a house fire in the city, how do we check our wiring?');
    });

    it('keeps a habit when it is happening now, and a danger of a person', () => {
      expectRuleRead('那条河每年都涨 今天已经淹到屋里了', 'flood');
      expectRuleRead('I read the story and now our own kitchen is on fire', 'fire');
    });

    it('leaves alone dangers over, a key stuck in a lock and a pet up a tree', () => {
      expectRuleNone('小区门口有人打架 已经被民警带走了 想问问监控怎么调');
      expectRuleNone('柴房被大雪压塌了 里面没人 想申请补助修一修');
      expectRuleNone('钥匙断在锁眼里了 拔不出来 找个开锁师傅');
      expectRuleNone('Our kitten is stuck up the tree and the fire brigade is busy, anyone with a ladder?');
    });

    it('keeps the look-alikes that are danger', () => {
      expectRuleRead('柴房被大雪压塌了 我爸还在里面', 'collapse');
      expectRuleRead('孩子的手卡在门缝里拔不出来 一直哭', 'trapped');
      expectRuleRead('电梯里关了两个人 喊不应', 'trapped');
    });
  });

  it('takes bad input without throwing', () => {
    expect(rulesOnly.assess('').level).toBe('none');
    expect(rulesOnly.assess('ǎ'.repeat(3000)).level).toBe('none');
    expect(rulesOnly.assess('diào jìn '.repeat(300)).level).toBe('likely');
    expect(rulesOnly.assess('\u0000 \uFFFF ̀').level).toBe('none');
  });
});

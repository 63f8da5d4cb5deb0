// The readings of the danger check's tenth pass (decision 0050), per signal family, with the
// look-alikes each new reading must leave alone. Every sentence here is new wording (none is taken
// from a data set). The rules are read alone (no learned backup), so each reading is tested itself.
import { expectRuleNone, expectRuleRead } from './danger.spec-support.js';

describe('danger check, tenth pass (decision 0050)', () => {
  it('violence: a threat to maim is asked about; a vow of revenge with the means bought is likely', () => {
    expectRuleRead('催债的放话说明天叫人来打断我爸的腿', 'violence', 'possible');
    expectRuleRead('那人扬言要剁了你的手', 'violence', 'possible');
    expectRuleRead('前夫发誓要报复我们全家，昨天还准备了一桶汽油', 'violence');
    expectRuleNone('他说要剁手不买了');
    expectRuleNone('我去加油站买了汽油给割草机用');
  });

  it('violence: a drunk beating written in Minnan characters', () => {
    expectRuleRead('伊啉醉酒拍某，阮攏毋敢返去', 'violence');
    expectRuleNone('阿公爱啉酒，想请人劝劝');
  });

  it('unconscious: collapsing in the middle of an activity or at a place of work', () => {
    expectRuleRead('师傅在车间干着干着就倒下了', 'unconscious');
    expectRuleRead('食堂阿姨突然倒在灶台边', 'unconscious');
    expectRuleRead('体育课上跑着跑着就晕了', 'unconscious');
    expectRuleNone('说着说着就倒苦水');
    expectRuleNone('孩子写着写着就趴在桌上睡着了');
  });

  it('missing: a person who cannot speak gone off alone; a rehabilitation centre is a place, not a recovery', () => {
    expectRuleRead('我叔是聋哑人，下午一个人走丢了', 'missing');
    expectRuleRead('女儿是孤独症，放学路上从康复机构门口跑丢了', 'missing');
    expectRuleNone('孩子两岁了还不会说话，想找个语言康复中心');
  });

  it('bleeding: a head split open', () => {
    expectRuleRead('工友被钢管砸得头开了个大口子', 'bleeding');
    expectRuleNone('西瓜开瓢了');
    expectRuleNone('头疼得要裂开了');
  });

  it('self_harm: a way of dying named with relief from suffering; being a burden beside it', () => {
    expectRuleRead('活着太苦了，今晚烧炭就解脱了', 'self_harm');
    expectRuleRead('我不想再拖累孩子们了，把燃气打开就不用遭罪了', 'self_harm');
    expectRuleNone('吃了药就不疼了，谢谢医生');
    expectRuleNone('怕拖累儿女，想问问养老院怎么申请');
  });

  it('collapse: stairs broken, people upstairs who cannot come down beside it; "X了以后" is after, not a fear', () => {
    expectRuleRead('余震后楼道塌了，我们一家困在五楼下不去', 'collapse');
    expectRuleRead('地动了以后楼梯断了，三楼还有人下不来', 'collapse');
    expectRuleRead('台风过了以后屋顶塌了', 'collapse');
    expectRuleNone('我妈住七楼下不来，想请志愿者帮忙买菜');
  });

  it('look-alikes: homework despair with a laugh, a simulated fire, a plea for a subject, water on the road, charcoal feared, slaughter', () => {
    expectRuleNone('这次考试考砸了，不想活了哈哈哈');
    expectRuleNone('消防演练通知：模拟二号楼厨房着火，请大家按路线疏散');
    expectRuleNone('救救我的英语，明天要考试');
    expectRuleNone('马路上积水没过脚面，请来疏通');
    expectRuleNone('烧炭取暖怕中毒，要不要开窗');
    expectRuleNone('屠宰户宰羊弄得巷子里到处是血，味道很大');
  });

  it('the look-alikes stay narrow: despair without a laugh or a subject, a real fire, blood with people', () => {
    expectRuleRead('真的不想活了，没人理解我', 'self_harm');
    expectRuleRead('二号楼厨房着火了，烟很大', 'fire');
    expectRuleRead('家里进水了，已经没过脚面', 'flood');
    expectRuleRead('邻居两口子打架，楼道满地是血', 'bleeding');
  });
});

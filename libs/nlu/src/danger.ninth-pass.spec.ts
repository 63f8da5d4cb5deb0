// The readings of the danger check's ninth pass (decision 0047), per signal family, with the
// look-alikes each new reading must leave alone. Every sentence here is new wording (none is taken
// from a data set). The rules are read alone (no learned backup), so each reading is tested itself.
import { expectRuleNone, expectRuleRead, rulesOnly } from './danger.spec-support.js';

describe('danger check, ninth pass (decision 0047)', () => {
  it('missing: a pupil not home after school with hours of searching, a child’s shoes by the water', () => {
    expectRuleRead('二年级的小女孩下课后一直没回家 奶奶在街上找了三个钟头没找到', 'missing');
    expectRuleRead('娃一早去塘边钓鱼 中午也没回 塘边只发现了他的拖鞋', 'missing');
    expectRuleNone('在水库边捡到一只鞋 不知道是谁的 放在门卫了');
    expectRuleNone('孩子的书包找到了 落在同学家');
  });

  it('missing: how soon someone usually comes back is no resolution', () => {
    expectRuleRead('我妈早上出门遛弯 现在还没回来 往常一个钟头就回来了 她有点糊涂', 'missing');
  });

  it('gas: a smell with a headache or dizziness beside it, a leak at the stove said with 气 alone', () => {
    expectRuleRead('屋里一股煤气味 孩子说有点头晕', 'gas');
    expectRuleRead('the gas burner was left on and there is a smell, grandpa feels dizzy', 'gas');
    expectRuleRead('灶台 气 漏 了 怎么 办', 'gas');
    expectRuleNone('煤气费又涨了 看账单看得头疼');
    expectRuleNone('空调气漏了 味道倒是不大 想找人加氟');
  });

  it('fire: a hot door handle, a room full of smoke', () => {
    expectRuleRead('卧室门把手发烫 外面走廊好像全是烟', 'fire');
    expectRuleRead('the door knob is hot to the touch and I smell burning', 'fire');
    expectRuleNone('夏天院子的门把手晒得烫手 想装个遮阳棚');
  });

  it('fall: lying on the floor, unable to get up, saying it is nothing', () => {
    expectRuleRead('我奶奶在地板上躺着 起不来 她说没事 别麻烦人', 'fall');
    expectRuleNone('摔了一跤 起不来 没事 现在能走了');
  });

  it('trapped: knocking under rubble, shut in a small room whose lock will not open', () => {
    expectRuleRead('塌方那边的砖堆底下有人在拍打', 'trapped');
    expectRuleRead('we can hear tapping under the rubble of the shop', 'trapped');
    expectRuleRead('老人被锁在储藏室里了 门锁打不开', 'trapped');
    expectRuleNone('钥匙锁在屋里了 门打不开 想找个开锁的');
  });

  it('collapse: a building down with people under it, one about to come down', () => {
    expectRuleRead('屋顶 塌 了 下面 有人', 'collapse');
    expectRuleRead('老屋的裂缝越来越宽 房梁夜里嘎吱嘎吱的', 'collapse');
    expectRuleNone('楼上走路咯吱咯吱响 隔音太差了');
  });

  it('bleeding: dressing after dressing soaked, on a blood thinner', () => {
    expectRuleRead('伤口缠的毛巾湿透了 血还在渗 他平时吃华法林', 'bleeding');
    expectRuleNone('卫生间墙还在渗水 屋顶也漏');
  });

  it('self_harm: a wrist cut, thinking of jumping, last words', () => {
    expectRuleRead('我刚割了自己手腕 别跟别人说', 'self_harm');
    expectRuleRead('been thinking of ending it for weeks and tonight is different', 'self_harm');
    expectRuleRead('谢谢这阵子的关照 以后不用来看我了 我要去很远的地方', 'self_harm');
    expectRuleNone('下个月要去很远的地方打工 以后不用给我送饭了');
    expectRuleNone('i think about jumping into the pool every summer');
    expectRuleNone('切玻璃的时候不小心割了手腕 缝了两针 想问医保能报吗');
  });

  it('flood: water up to the bed (English)', () => {
    expectRuleRead('the water in our flat is up to the beds now and rising', 'flood');
  });

  it("reads blind9's and blind8's look-alikes by kind as no danger", () => {
    for (const text of [
      // a throat that "smokes", praise that "explodes"
      '这两天上火 喉咙干得冒烟 买点啥药',
      '元旦联欢会气氛直接炸了 明年还办吗',
      // a gadget lost, a tongue scalded by soup
      '外婆的老年机搞丢了 咋补卡',
      '喝汤烫到舌头了 疼了一晚上',
      // work or study "to death", a forecast rumour asked about, things heard of often
      '天天写作业写到想死 老师布置太多了',
      '群里说后天要发大水 真的假的',
      '小孩掉河里的事听得多了 想问村里能不能装个护栏',
      // recovering at home, a school model, how to call the fire brigade
      '老公干活伤了腰 在家养着 想申请补助',
      '儿子的手工作业是做一个地震房屋模型 去哪买材料',
      '想问下报火警是不是也打119 教孩子记一下',
    ])
      expectRuleNone(text);
  });

  it('leaves a plug smoking as it was (a head word inside 插头 is no throat)', () => {
    expect(rulesOnly.assess('插头烧化了在冒烟').families).toContain('electric');
  });
});

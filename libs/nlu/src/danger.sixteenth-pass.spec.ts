// The readings of the danger check's sixteenth pass (decision 0059), by kind: self-harm read as a
// person at a height or a water's edge now with distress said beside it (likely), a long account of
// losses that trails off about oneself (possible); a boat capsized with people not come up, people
// stranded with the water rising, a faint that comes back; and blind16's false alarms by kind (laughs,
// hyperbole, a parent's marriage threat, a worried relative asking for counselling, a scam call, a leak
// shut off and mopped, earthquake rumours and science, chimney smoke, "only asleep" told after the
// fact). Every sentence here is new wording (none is taken from a data set); the rules are read alone.
import { expectFound, expectNone, expectRuleNone, expectRuleRead, rulesOnly } from './danger.spec-support.js';

describe('danger check, sixteenth pass (decision 0059)', () => {
  describe('self-harm: at a height or a water edge now, with distress', () => {
    it('reads the edge and the distress together, in either order, as likely', () => {
      expectRuleRead('房贷断供了，老婆带孩子回了娘家，我现在坐在江边，撑不下去了', 'self_harm');
      expectRuleRead('不想回家了 就这样吧 我现在一个人在河边', 'self_harm');
      expectRuleRead('我站在小区楼顶上吹风，好累，谁也别找我', 'self_harm');
      expectRuleRead("I'm standing on the bridge near my office and I don't want to go home anymore", 'self_harm');
      expect(rulesOnly.assess('现在站在大桥上，不知道自己在干嘛').selfHarm).toBe(true);
    });

    it('reads a long account of losses trailing off about oneself as possible', () => {
      expectRuleRead('摊子被收了，欠了房东两个月房租，借钱也借不到，老妈又生病住院，觉得自己……', 'self_harm', 'possible');
    });

    it('leaves alone an edge without distress, and distress without an edge', () => {
      expectRuleNone('我们现在在江边拍照，风景很好，想问下附近有没有公共厕所');
      expectRuleNone('周末坐在天台上看星星，有没有天文社团可以参加');
      expectRuleNone('加班加到好累，想问下有没有周末的瑜伽课');
    });
  });

  describe('self-harm and violence look-alikes', () => {
    it('leaves alone laughs, hyperbole and a marriage threat', () => {
      expectRuleNone('室友说我再吃他的零食他就要跟我打起来了 哈哈 有没有宿舍调解的');
      expectRuleNone('房东又涨租了，气得我想杀人，有没有租房法律咨询');
      expectRuleNone('我爸放话说我再不找对象他就去跳楼，其实就是催，有没有单身联谊活动');
      expectRuleNone("My brother says he'll kill me if I touch his bike again, anyway any cycling club around?");
    });

    it('leaves alone a worried relative asking for counselling', () => {
      expectRuleNone('儿子高考没考好整天关在屋里，担心他想不开，想找个心理咨询师聊聊');
    });

    it('keeps a danger said without a laugh', () => {
      expectRuleRead('他拿着刀说要杀了我，现在就在门口', 'violence');
    });
  });

  describe("blind16's misses by kind", () => {
    it('reads a boat capsized with people not come up', () => {
      expectRuleRead('水库里一条小船翻了，两个钓鱼的人一直没冒上来', 'flood');
    });

    it('reads people stranded on an island with the water rising', () => {
      expectRuleRead('有几个放牛的被困在河心的沙洲上，水还在涨', 'flood');
      expectRuleRead('Three kids stranded on a sandbar in the creek, the water is rising fast', 'trapped');
    });

    it('reads a faint that comes back after coming to, even after an ordinary request', () => {
      expectRuleRead('想问下社区食堂几点开门，还有我外公刚才在厨房昏倒了，醒过来一会儿又叫不醒了', 'unconscious');
    });
  });

  describe("blind16's false alarms by kind", () => {
    it('leaves alone a scam call, a leak shut off and mopped, earthquake talk and chimney smoke', () => {
      expectRuleNone('刚才有个陌生号码说我女儿出车祸了让我转账，我挂了，这种骗子能举报吗');
      expectRuleNone('洗衣机的水管裂了，我把水阀关了，地也擦干了，想找师傅来换一根');
      expectRuleNone('据说下个月会地震，小区的老楼要不要检查一下');
      expectRuleNone('学校想组织学生去地震体验馆，有没有志愿者讲解');
      expectRuleNone('对面厂子的烟囱天天冒黄烟，能不能帮忙向环保部门反映');
    });

    it('leaves alone a silence explained after the fact', () => {
      expectRuleNone('My aunt did not pick up last night and I panicked, but she was just sleeping, can someone drop by on Sundays?');
      expectRuleNone('奶奶昨天一下午没接电话，我吓坏了，原来只是睡着了，想给她报个老年活动');
    });

    it('masks a long shift and a bent door frame, and keeps a danger after the shift', () => {
      expectNone('忙死我了 这周每天都加了四个小时的班');
      expectNone('卧室门关不严 门框也变形了 想找木工');
      expectFound('今天值了十个小时的班，回家发现我爸倒在厨房叫不醒', 'unconscious');
    });

    it('keeps a leak still running', () => {
      expectRuleRead('水管爆了关不掉，水已经漫到客厅了', 'flood');
    });
  });

  it('takes bad input without throwing', () => {
    expect(rulesOnly.assess('').level).toBe('none');
    expect(rulesOnly.assess('天台'.repeat(500)).level).toBe('none');
  });
});

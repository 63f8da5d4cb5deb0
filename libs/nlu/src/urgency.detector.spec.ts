import { detectUrgency } from './urgency.detector.js';

describe('detectUrgency', () => {
  it.each([
    ['水管冻裂了，家里到处是水！！'],
    ['厨房起火了！快来人帮忙'],
    ['老人被困在屋里'],
    ['门锁坏了，进不去家门，急！'],
    ['马上来人，煤气味很重'],
    ['有个邻居最近老是说不想活了'],
    ['孩子掉水里了'],
    ['Help! The kitchen is on fire'],
    ['my grandmother collapsed and is unconscious'],
    ['please come right now, water is overflowing'],
    ['家里插座冒火花'],
  ])('urgent: %s', (text) => {
    expect(detectUrgency(text)).toBe('urgent');
  });

  it.each([
    ['想请人上门理发'],
    ['村卫生室想组织一次急救培训'],
    ['想请消防员来讲讲防火知识'],
    ['热水器打不着火，洗不了澡'],
    ['不急，下周来修就行'],
    ['not urgent, any time next week'],
    ['I was fired without compensation'],
    ['水龙头一直滴水'],
    ['外地的医保卡在这边看病能直接刷不'],
    ['每天上班都觉得压得喘不过气来'],
    ['一坐公交就紧张得出汗，怕自己晕倒'],
    ['年纪大了晚上腿老抽筋'],
    ['下了半个月雨，庄稼全淹了，一季白干'],
    ['工厂的烟囱天天冒黑烟'],
    ['Is there any emergency cash help for families?'],
    ['公司 fire 了我，一分补偿都没给'],
    ['The recycling bins are always overflowing'],
  ])('normal: %s', (text) => {
    expect(detectUrgency(text)).toBe('normal');
  });

  it('always treats the emergency category as urgent', () => {
    expect(detectUrgency('有点事想请人看看', 'emergency')).toBe('urgent');
    expect(detectUrgency('有点事想请人看看', 'repair')).toBe('normal');
  });

  it('reads full-width exclamation marks', () => {
    expect(detectUrgency('快点！！')).toBe('urgent');
    expect(detectUrgency('谢谢！')).toBe('normal');
  });
});

describe('detectUrgency: lone hurry words', () => {
  it('reads 快 standing alone as hurry, not inside words', () => {
    expect(detectUrgency('水管爆了，快！')).toBe('urgent');
    expect(detectUrgency('快递到了没人拿')).toBe('normal');
    expect(detectUrgency('马上要开学了，想给孩子补补课')).toBe('normal');
  });
});

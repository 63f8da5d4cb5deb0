import { DEFAULT_CATEGORIES, detectUrgency, RuleBasedNlu } from './index.js';

const now = new Date('2025-03-12T09:00:00+08:00');

describe('RuleBasedNlu.understand', () => {
  const nlu = new RuleBasedNlu({ places: [{ id: 'c-yg', name: '阳光社区', aliases: ['阳光小区'] }] });

  it('understands a whole message', () => {
    const u = nlu.understand('我妈八十多了一个人住，想请人明天上午上门理发，住阳光小区3号楼2单元302，电话138 1234 5678', { now });
    expect(u).toMatchObject({
      category: 'elderly',
      beneficiary: 'elderly',
      urgency: 'normal',
      phone: '13812345678',
      phones: ['13812345678'],
      time: { text: '明天上午', start: '2025-03-13T08:00:00+08:00', end: '2025-03-13T12:00:00+08:00' },
      place: { community: '阳光小区', building: '3', unit: '2', room: '302', matched: { id: 'c-yg', name: '阳光社区' } },
      language: 'zh',
      source: 'rules',
    });
    expect(u.confidence).toBeGreaterThan(0.5);
    expect(u.confidence).toBeLessThanOrEqual(1);
  });

  it('ranks the other categories with evidence as alternatives, never repeating the category', () => {
    const u = nlu.understand('楼上漏水到我家，想找人调解一下，顺便修修水管');
    expect([u.category, ...u.alternatives.map((a) => a.code)].slice(0, 2).sort()).toEqual(['mediation', 'repair']);
    expect(u.alternatives.map((a) => a.code)).not.toContain(u.category);
    expect(u.alternatives[0]!.confidence).toBeLessThanOrEqual(u.confidence);
    const busy = nlu.understand('老人不会用手机挂号，想请人上门教一教，顺便量量血压');
    expect(busy.alternatives.length).toBeGreaterThanOrEqual(2);
    expect(busy.alternatives.length).toBeLessThanOrEqual(4);
    expect(nlu.understand('你好').alternatives).toEqual([]);
  });

  it("marks the brief's urgent examples urgent", () => {
    const flood = nlu.understand('水管冻裂了，家里到处是水！！');
    expect(flood).toMatchObject({ category: 'repair', urgency: 'urgent', phone: null, time: null });
    expect(nlu.understand('下大雨房子进水了，老人被困在屋里')).toMatchObject({ category: 'emergency', beneficiary: 'elderly', urgency: 'urgent' });
  });

  it('runs the danger check beside the category: likely danger is urgent, the category stays', () => {
    // An emergency worded as an ordinary need: the classifier reads a haircut request (elderly).
    const buried = nlu.understand('想问下上门理发的事 对了 我妈刚才在厕所摔了一下 现在站不起来');
    expect(buried).toMatchObject({ category: 'elderly', urgency: 'urgent', danger: { level: 'likely', families: ['fall'], lifeThreatening: true } });
    const elderly = nlu.understand('老人出门买菜到现在还没回家 他记性不好');
    expect(elderly).toMatchObject({ category: 'elderly', urgency: 'urgent', danger: { level: 'likely', families: ['missing'] } });
    const fall = nlu.understand('我爸在家摔倒了起不来');
    expect(fall).toMatchObject({ urgency: 'urgent', danger: { level: 'likely', families: ['fall'] } });
    const psych = nlu.understand('最近心情很差 想问问有没有心理咨询 其实我有时候想过去死');
    expect(psych).toMatchObject({ category: 'psych', urgency: 'urgent', danger: { level: 'likely', selfHarm: true } });
    expect(nlu.understand('水管冻裂了，家里到处是水！！').danger).toMatchObject({ level: 'likely', families: ['flood'] });
  });

  it('leaves ordinary needs without danger, and possible danger at the urgency the rules give', () => {
    const haircut = nlu.understand('我妈八十多了一个人住，想请人明天上午上门理发', { now });
    expect(haircut).toMatchObject({ category: 'elderly', urgency: 'normal', danger: { level: 'none', signals: [] } });
    expect(nlu.understand('社区想办个火锅聚餐，热情似火').danger.level).toBe('none');
    // Possible danger does not change the urgency the rules give: the bot asks first.
    for (const text of ['家里有股烧焦的味道', 'my mum fell']) {
      const possible = nlu.understand(text);
      expect(possible.danger.level).toBe('possible');
      expect(possible.urgency).toBe(detectUrgency(text, possible.category));
    }
  });

  it('reads danger in the text as written, after phone numbers are set aside', () => {
    const u = nlu.understand('着火了 电话13812012011');
    expect(u.danger.signals).toEqual([{ family: 'fire', text: '着火', start: 0, end: 2, strength: 'strong' }]);
    expect(nlu.understand('电话13812012011').danger.level).toBe('none');
  });

  it('does not read phone digits as times, rooms or ages', () => {
    const u = nlu.understand('电话13912348765，下水道堵了', { now });
    expect(u.time).toBeNull();
    expect(u.place).toBeNull();
    expect(u.beneficiary).toBe('none');
  });

  it('understands English and mixed messages', () => {
    const en = nlu.understand('My father cannot walk well and needs someone to take him to the hospital tomorrow morning, call +86 139 1234 5678', { now });
    expect(en).toMatchObject({ category: 'elderly', beneficiary: 'elderly', language: 'en', phone: '13912345678' });
    expect(en.time?.start).toBe('2025-03-13T08:00:00+08:00');
    const mixed = nlu.understand('家里的 washing machine is leaking，能不能派人来修一下');
    expect(mixed).toMatchObject({ category: 'repair', language: 'mixed' });
  });

  it('answers something sensible for empty and odd input', () => {
    expect(nlu.understand('')).toMatchObject({ phone: null, phones: [], time: null, place: null, beneficiary: 'none', urgency: 'normal' });
    expect(nlu.understand('🙂🙂🙂').category).toBe(DEFAULT_CATEGORIES[0]!.code);
    expect(() => nlu.understand('急'.repeat(100_000))).not.toThrow();
  });

  it('learns from the development set: wording without any keyword still finds its category', () => {
    expect(nlu.understand('家里灯不亮了').category).toBe('repair');
    expect(nlu.understand('孩子作业没人管').category).toBe('education');
    const keywordsOnly = new RuleBasedNlu({ training: [] });
    expect(keywordsOnly.rankCategories('家里灯不亮了').every((s) => s.learned === 0)).toBe(true);
    expect(nlu.rankCategories('家里灯不亮了').some((s) => s.learned > 0)).toBe(true);
  });

  it("keeps a county's own category without examples working by its keywords", () => {
    const county = [
      ...DEFAULT_CATEGORIES,
      { code: 'tea', nameZh: '茶产业服务', nameEn: 'Tea growing', keywords: [{ term: '茶园', weight: 3 }, '采茶', '炒茶', 'tea'] },
    ];
    const withTea = new RuleBasedNlu({ categories: county });
    expect(withTea.understand('村里的茶园想请人来讲讲采茶和炒茶的技术').category).toBe('tea');
    expect(withTea.understand('茶园缺人手').category).toBe('tea');
    expect(withTea.understand('马桶堵了').category).toBe('repair');
  });

  it('lists as alternatives only categories with evidence from keywords or the learned model', () => {
    const u = nlu.understand('楼上漏水到我家，想找人调解一下');
    for (const a of u.alternatives) {
      const s = nlu.rankCategories('楼上漏水到我家，想找人调解一下').find((r) => r.code === a.code)!;
      expect(s.keywordScore > 0 || s.learned >= 0.15).toBe(true);
    }
  });
});

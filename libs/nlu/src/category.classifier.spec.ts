import { CategoryClassifier, vocabularyWords } from './category.classifier.js';
import { stemEnglish } from './text.util.js';
import { DEFAULT_CATEGORIES } from './default-vocabulary.js';
import type { NluCategory } from './nlu.types.js';
import { RuleBasedNlu } from './rule-based-nlu.js';
import { createSegmenter } from './segmenter.js';

function classifier(categories: NluCategory[]): CategoryClassifier {
  return new CategoryClassifier(categories, createSegmenter(vocabularyWords(categories)));
}

describe('CategoryClassifier with the default vocabulary', () => {
  const c = classifier(DEFAULT_CATEGORIES);
  const top = (text: string) => c.classify(text)[0]!.code;

  it.each([
    ['新农合报销政策有变化，想请人来讲一讲', 'policy'],
    ['村里想成立一个锣鼓队，需要老师来教', 'culture'],
    ['孩子放学后作业没人辅导', 'education'],
    ['社区能不能请医生来免费量血压测血糖', 'health'],
    ['老人不会用手机挂号，想请人教一教', 'science'],
    ['公司拖欠工资半年了，怎么申请法律援助', 'legal'],
    ['想组织周末去河边捡垃圾', 'environment'],
    ['村里的苹果滞销，想请大家帮忙卖', 'relief'],
    ['我妈八十多了一个人住，中午没人做饭', 'elderly'],
    ['下水道堵了，厨房全是水', 'repair'],
    ['邻居家的狗天天叫，说了也不听，想请人调解', 'mediation'],
    ['一个人在家很孤单，晚上睡不着，想找人说说话', 'psych'],
    ['厨房起火了！快来人帮忙', 'emergency'],
    ['The light in our stairwell is broken, please send someone to fix it', 'repair'],
    ['My employer has not paid me for two months', 'legal'],
    ['My father needs someone to take him to the hospital tomorrow', 'elderly'],
  ])('%s → %s', (text, code) => {
    expect(top(text)).toBe(code);
  });

  it('ranks every category with confidences that sum to one', () => {
    const ranked = c.classify('水管冻裂了，家里到处是水');
    expect(ranked).toHaveLength(DEFAULT_CATEGORIES.length);
    expect(ranked[0]!.code).toBe('repair');
    expect(ranked.reduce((s, r) => s + r.confidence, 0)).toBeCloseTo(1, 6);
    for (let i = 1; i < ranked.length; i++) expect(ranked[i - 1]!.confidence).toBeGreaterThanOrEqual(ranked[i]!.confidence);
  });

  it('is unsure when no word is known', () => {
    const ranked = c.classify('你好');
    expect(ranked[0]!.score).toBeLessThan(1);
    expect(ranked[0]!.confidence).toBeLessThan(0.2);
    expect(c.classify('12345')[0]!.confidence).toBeCloseTo(1 / DEFAULT_CATEGORIES.length, 6);
  });

  it('leans on the characters of the keywords for words the vocabulary lacks, less than on any keyword', () => {
    // "孔雀舞" is not a keyword, but 舞 only occurs in culture's keywords.
    const ranked = c.classify('孔雀舞');
    expect(ranked[0]!.code).toBe('culture');
    expect(ranked[0]!.score).toBeGreaterThan(0);
    expect(ranked[0]!.score).toBeLessThanOrEqual(1);
  });

  it('is more confident with more evidence', () => {
    const one = c.classify('马桶堵了')[0]!;
    const more = c.classify('马桶堵了，水龙头也坏了，找个会修的师傅')[0]!;
    expect(one.code).toBe('repair');
    expect(more.confidence).toBeGreaterThan(one.confidence);
  });
});

describe('CategoryClassifier: vocabulary is data', () => {
  const base: NluCategory[] = [
    { code: 'repair', nameZh: '便民维修', nameEn: 'Repairs', keywords: ['维修', { term: '坏了', weight: 2 }, 'fix'] },
    { code: 'elderly', nameZh: '为老助老', nameEn: 'Elderly', keywords: ['老人', '理发'] },
  ];

  it('chooses a category a county adds with its own words, without code changes', () => {
    const message = '村里的茶园想请人来讲讲采茶和炒茶的技术';
    expect(classifier(base).classify(message)[0]!.score).toBeLessThan(1);
    const county: NluCategory[] = [
      ...base,
      { code: 'tea', nameZh: '茶产业服务', nameEn: 'Tea growing', keywords: [{ term: '茶园', weight: 3 }, '采茶', '炒茶', 'tea'] },
    ];
    const ranked = classifier(county).classify(message);
    expect(ranked[0]).toMatchObject({ code: 'tea', score: 5 });
    expect(classifier(county).classify('Our tea garden needs pickers')[0]!.code).toBe('tea');
    expect(new RuleBasedNlu({ categories: county }).understand(message).category).toBe('tea');
  });

  it('reads the dialect negation 莫得 as 没 in keywords and messages alike', () => {
    const c = classifier([
      { code: 'repair', nameZh: '维修', nameEn: 'Repairs', keywords: [{ term: '没电了', weight: 3 }] },
      { code: 'other', nameZh: '其他', nameEn: 'Other', keywords: ['其他'] },
    ]);
    expect(c.classify('家里莫得电了')[0]).toMatchObject({ code: 'repair', score: 3 });
    expect(c.classify('家里没电了')[0]).toMatchObject({ code: 'repair', score: 3 });
  });

  it('matches Chinese keywords on word boundaries only', () => {
    const c = classifier([
      { code: 'power', nameZh: '电', nameEn: 'Power', keywords: ['电'] },
      { code: 'other', nameZh: '其他', nameEn: 'Other', keywords: ['其他'] },
    ]);
    expect(c.classify('我的电话是多少')[0]!.score).toBeLessThan(1);
    expect(c.classify('家里没电了')[0]).toMatchObject({ code: 'power', score: 1 });
  });

  it('does not count a keyword again inside a longer keyword found at the same place', () => {
    const c = classifier([
      { code: 'legal', nameZh: '法律', nameEn: 'Legal', keywords: [{ term: '法律援助', weight: 3 }] },
      { code: 'relief', nameZh: '帮困', nameEn: 'Relief', keywords: [{ term: '援助', weight: 3 }] },
    ]);
    const ranked = c.classify('想申请法律援助');
    expect(ranked[0]).toMatchObject({ code: 'legal', score: 3 });
    expect(ranked[1]).toMatchObject({ code: 'relief', score: 0 });
  });

  it('counts a keyword inside a compound the segmenter keeps whole, at reduced weight, unless the compound is listed', () => {
    const c = classifier([
      { code: 'science', nameZh: '科普', nameEn: 'Science', keywords: [{ term: '手机', weight: 2 }] },
      { code: 'other', nameZh: '其他', nameEn: 'Other', keywords: ['其他'] },
    ]);
    const inside = c.classify('手机号')[0]!;
    expect(inside.code).toBe('science');
    expect(inside.score).toBeGreaterThan(0);
    expect(inside.score).toBeLessThan(2);
    const vetoed = classifier([
      {
        code: 'science',
        nameZh: '科普',
        nameEn: 'Science',
        keywords: [
          { term: '手机', weight: 2 },
          { term: '手机号', weight: 0 },
        ],
      },
      { code: 'other', nameZh: '其他', nameEn: 'Other', keywords: ['其他'] },
    ]);
    expect(vetoed.classify('手机号')[0]!.score).toBeLessThan(inside.score);
  });

  it('supports conjunctions and negative weights', () => {
    const c = classifier([
      { code: 'science', nameZh: '科普', nameEn: 'Science', keywords: [{ term: '手机+教', weight: 3 }] },
      {
        code: 'repair',
        nameZh: '维修',
        nameEn: 'Repair',
        keywords: [
          { term: '手机', weight: 1 },
          { term: '教', weight: -1 },
        ],
      },
    ]);
    expect(c.classify('想请人教我用手机')[0]).toMatchObject({ code: 'science', score: 3 });
    expect(c.classify('手机坏了')[0]).toMatchObject({ code: 'repair', score: 1 });
  });

  it('folds English word forms', () => {
    expect(stemEnglish('leaking')).toBe(stemEnglish('leaks'));
    expect(stemEnglish('Fixed')).toBe('fix');
    expect(stemEnglish('legally')).toBe('legal');
    expect(stemEnglish('headaches')).toBe(stemEnglish('headache'));
    expect(stemEnglish('smoking')).toBe(stemEnglish('smoke'));
    expect(stemEnglish('notes')).not.toBe(stemEnglish('not'));
    expect(classifier(base).classify('can someone fixing this')[0]!.code).toBe('repair');
  });

  it('rejects an empty or ambiguous configuration', () => {
    expect(() => classifier([])).toThrow(/at least one category/);
    expect(() => classifier([...base, { ...base[0]!, keywords: [] }])).toThrow(/duplicate category code: repair/);
    expect(() => classifier([{ code: 'x', nameZh: 'x', nameEn: 'x', keywords: [{ term: 'y', weight: Number.NaN }] }])).toThrow(/finite weight/);
  });
});

describe('CategoryClassifier with a learned model', () => {
  const categories: NluCategory[] = [
    { code: 'repair', nameZh: '便民维修', nameEn: 'Repairs', keywords: [{ term: '维修', weight: 3 }] },
    { code: 'education', nameZh: '助学', nameEn: 'Learning', keywords: [{ term: '辅导', weight: 3 }] },
    { code: 'tea', nameZh: '茶产业服务', nameEn: 'Tea growing', keywords: [{ term: '茶园', weight: 3 }, '采茶'] },
  ];
  const training = [
    { category: 'repair', text: '马桶堵了' },
    { category: 'repair', text: '家里灯不亮了' },
    { category: 'repair', text: '水龙头一直漏水' },
    { category: 'education', text: '孩子作业没人管' },
    { category: 'education', text: '娃的作业不会做' },
    { category: 'education', text: '想给孩子补补数学' },
  ];
  const plain = classifier(categories);
  const learned = new CategoryClassifier(categories, createSegmenter(vocabularyWords(categories)), { training });

  it('knows only the categories it has examples of', () => {
    expect(learned.learnedCategories).toEqual(['repair', 'education']);
    expect(plain.learnedCategories).toEqual([]);
  });

  it('chooses by the examples when no keyword is found', () => {
    expect(plain.classify('厕所的灯也不亮')[0]!.keywordScore).toBeLessThan(1);
    const ranked = learned.classify('厕所的灯也不亮');
    expect(ranked[0]).toMatchObject({ code: 'repair' });
    expect(ranked[0]!.learned).toBeGreaterThan(0.5);
    expect(learned.classify('俺娃作业写不完')[0]!.code).toBe('education');
  });

  it('keeps a category without examples working by its keywords', () => {
    const ranked = learned.classify('茶园想找人来帮忙采茶');
    expect(ranked[0]).toMatchObject({ code: 'tea', learned: 0, keywordScore: 4 });
    expect(ranked.find((s) => s.code === 'tea')!.score).toBe(4);
  });

  it('reports the keyword score and the learned probability next to the blended score', () => {
    for (const s of plain.classify('马桶维修')) {
      expect(s.score).toBe(s.keywordScore);
      expect(s.learned).toBe(0);
    }
    const ranked = learned.classify('马桶维修');
    const repair = ranked.find((s) => s.code === 'repair')!;
    expect(repair.keywordScore).toBeGreaterThanOrEqual(3);
    expect(repair.score).toBeCloseTo(repair.keywordScore + 3 * (repair.learned - 1 / 2), 9);
    expect(ranked.reduce((sum, s) => sum + s.confidence, 0)).toBeCloseTo(1, 9);
    expect(learned.classify('🙂🙂🙂').every((s) => s.learned === 0 && s.score === 0)).toBe(true);
  });

  it('is deterministic', () => {
    const again = new CategoryClassifier(categories, createSegmenter(vocabularyWords(categories)), { training: [...training] });
    expect(again.classify('孩子的灯坏了')).toEqual(learned.classify('孩子的灯坏了'));
  });

  it('lists the keywords it found with their points', () => {
    expect(learned.keywordsFound('茶园想请人来采茶，顺便维修一下')).toEqual(
      expect.arrayContaining([
        { term: '茶园', code: 'tea', points: 3 },
        { term: '采茶', code: 'tea', points: 1 },
        { term: '维修', code: 'repair', points: 3 },
      ]),
    );
    const conjunction = classifier([
      { code: 'science', nameZh: '科普', nameEn: 'Science', keywords: [{ term: '手机+教', weight: 3 }] },
      { code: 'other', nameZh: '其他', nameEn: 'Other', keywords: ['其他'] },
    ]);
    expect(conjunction.keywordsFound('想请人教我用手机')).toEqual([{ term: '手机+教', code: 'science', points: 3 }]);
  });
});

describe('taskTerms (the job card task line)', () => {
  const c = new CategoryClassifier(DEFAULT_CATEGORIES, createSegmenter(vocabularyWords(DEFAULT_CATEGORIES)));

  it('keeps the category’s strong vocabulary words in the order written, at most three', () => {
    expect(c.taskTerms('晚上老人上下楼看不见，楼道灯坏了，想找人修一下', 'repair')).toEqual(['楼道灯', '坏了', '找人修']);
    expect(c.taskTerms('家里水管漏水了，厨房都淹了，需要人上门修理', 'repair')).toEqual(['水管', '漏水', '上门修']);
    expect(c.taskTerms('我妈腿脚不便，想找人上门理发', 'elderly')).toEqual(['腿脚不便', '上门理发']);
  });

  it('never returns other words of the message, and nothing for an unknown category', () => {
    const terms = c.taskTerms('张三住幸福小区3号楼，家里马桶堵了', 'repair');
    expect(terms).toEqual(['马桶', '堵了']);
    expect(c.taskTerms('张三住幸福小区3号楼，家里马桶堵了', 'nope')).toEqual([]);
    expect(c.taskTerms('今天天气不错', 'repair')).toEqual([]);
  });
});

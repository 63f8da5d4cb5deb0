// The default "8+N" categories (docs/domain.md). Data, not an enum: a county edits or
// adds rows. Keywords feed the fallback matcher; default hours apply when a volunteer does
// not state a duration.
export interface CategorySeed {
  code: string;
  nameZh: string;
  nameEn: string;
  defaultHours: number;
  keywords: string[];
}

export const DEFAULT_CATEGORIES: CategorySeed[] = [
  {
    code: 'policy',
    nameZh: '理论政策宣讲',
    nameEn: 'Policy explained',
    defaultHours: 1,
    keywords: ['政策', '医保', '养老金', '补贴', '社保', '低保政策', 'policy', 'pension', 'subsidy', 'insurance'],
  },
  {
    code: 'culture',
    nameZh: '文化文艺服务',
    nameEn: 'Culture and arts',
    defaultHours: 2,
    keywords: ['演出', '跳舞', '广场舞', '合唱', '春联', '书法', '阅读', '看书', '文艺', 'dance', 'choir', 'performance', 'reading'],
  },
  {
    code: 'education',
    nameZh: '助学文教',
    nameEn: 'Education',
    defaultHours: 2,
    keywords: ['作业', '辅导', '功课', '学习', '补课', '四点半', '放学', '上学', 'homework', 'tutor', 'study', 'school'],
  },
  {
    code: 'health',
    nameZh: '医疗健身',
    nameEn: 'Health and fitness',
    defaultHours: 1.5,
    keywords: ['义诊', '血压', '血糖', '看病', '体检', '康复', '健身', '量血压', 'doctor', 'blood pressure', 'clinic', 'checkup', 'fitness'],
  },
  {
    code: 'science',
    nameZh: '科学普及',
    nameEn: 'Science',
    defaultHours: 1,
    keywords: ['手机', '智能手机', '微信怎么用', '防诈骗', '诈骗', '科普', '种植', '养殖', '网上', 'smartphone', 'scam', 'fraud', 'farming'],
  },
  {
    code: 'legal',
    nameZh: '法律服务',
    nameEn: 'Legal aid',
    defaultHours: 1.5,
    keywords: ['法律', '律师', '工资', '欠薪', '合同', '遗嘱', '打官司', '起诉', '维权', 'lawyer', 'legal', 'wages', 'contract', 'will'],
  },
  {
    code: 'environment',
    nameZh: '卫生环保',
    nameEn: 'Environment',
    defaultHours: 2,
    keywords: ['垃圾', '清洁', '打扫卫生', '环境', '分类', '植树', '河道', 'clean', 'rubbish', 'garbage', 'litter', 'trees'],
  },
  {
    code: 'relief',
    nameZh: '扶贫帮困',
    nameEn: 'Hardship relief',
    defaultHours: 2,
    keywords: ['困难', '贫困', '生活困难', '物资', '救助', '卖不出去', '农产品', '残疾', 'poverty', 'supplies', 'hardship', 'produce'],
  },
  {
    code: 'elderly',
    nameZh: '为老助老',
    nameEn: 'Elderly care',
    defaultHours: 1.5,
    keywords: ['理发', '剪头', '送饭', '做饭', '陪诊', '陪同看病', '探望', '陪聊', '老人', '独居', '洗头', 'haircut', 'meal', 'elderly', 'grandma', 'grandpa'],
  },
  {
    code: 'repair',
    nameZh: '便民维修',
    nameEn: 'Repairs',
    defaultHours: 1,
    keywords: [
      '修',
      '维修',
      '下水道',
      '堵了',
      '漏水',
      '水管',
      '电线',
      '跳闸',
      '断电',
      '门锁',
      '电器',
      '灯',
      'repair',
      'fix',
      'leak',
      'pipe',
      'drain',
      'broken',
    ],
  },
  {
    code: 'mediation',
    nameZh: '邻里调解',
    nameEn: 'Mediation',
    defaultHours: 1.5,
    keywords: ['吵架', '纠纷', '矛盾', '邻居', '噪音', '调解', '家庭矛盾', 'dispute', 'neighbour', 'neighbor', 'noise', 'quarrel'],
  },
  {
    code: 'psych',
    nameZh: '心理关爱',
    nameEn: 'Mental wellbeing',
    defaultHours: 1,
    keywords: ['孤独', '心情', '抑郁', '焦虑', '想不开', '心理', '压力大', 'lonely', 'depressed', 'anxious', 'stress'],
  },
  {
    code: 'emergency',
    nameZh: '应急救援',
    nameEn: 'Emergency',
    defaultHours: 2,
    keywords: ['着火', '火灾', '洪水', '被困', '受伤', '救命', '淹', '塌', 'fire', 'flood', 'trapped', 'injured', 'emergency'],
  },
];

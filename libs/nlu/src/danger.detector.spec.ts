import { assessDanger, DANGER_FAMILIES, DangerDetector, MAX_DANGER_TEXT_LENGTH } from './danger.detector.js';
import type { DangerFamily, DangerLevel } from './nlu.types.js';

type Case = [string, DangerFamily];

// Per family: Chinese, dialect or typo, English, mixed; the level is `likely` unless listed under possible.
const LIKELY: Record<DangerFamily, Case[]> = {
  fire: [
    ['厨房着火了快来人', 'fire'],
    ['我家着伙了 就命啊', 'fire'],
    ['屋头着起了，快点来人', 'fire'],
    ['The garage caught fire and it is spreading to the house', 'fire'],
    ['楼下fire了，smoke好大', 'fire'],
  ],
  gas: [
    ['厨房有股很浓的煤气味', 'gas'],
    ['燃气泄露了怎么办', 'gas'],
    ['俺家煤气罐子漏了 一屋子味儿', 'gas'],
    ['I smell gas in the stairwell, very strong', 'gas'],
    ['煤气gas leak了 味道很大', 'gas'],
  ],
  electric: [
    ['我爸修电线的时候触电了', 'electric'],
    ['遭电打了 人躺地上不动', 'electric'],
    ['插座冒火花还有焦味', 'electric'],
    ['someone electrocuted at the construction site', 'electric'],
    ['我老公被electric shock了 现在手没知觉', 'electric'],
  ],
  flood: [
    ['家里进水了水越来越多', 'flood'],
    ['雨太大了屋头进水咯', 'flood'],
    ['有人掉河里了', 'flood'],
    ['water come in house very fast, old man inside', 'flood'],
    ['家里flood了 水到膝盖了', 'flood'],
  ],
  collapse: [
    ['房子塌了，里面还有人', 'collapse'],
    ['院墙垮了，把路过的老人砸了', 'collapse'],
    ['山体滑坡了，村里有房子被埋', 'collapse'],
    ['the roof collapsed and my grandma is under it', 'collapse'],
    ['房顶collapse了 快来人', 'collapse'],
  ],
  trapped: [
    ['被困在电梯里了', 'trapped'],
    ['俺们被困在河中间的沙洲上了', 'trapped'],
    ['小孩头卡在栏杆里了拔不出来', 'trapped'],
    ["I'm trapped in the elevator at building 3", 'trapped'],
    ['电梯stuck了 里面有我妈', 'trapped'],
  ],
  fall: [
    ['老人从楼梯上摔下来了', 'fall'],
    ['俺爹在地里摔了个跟头 起不来了', 'fall'],
    ['老人摔到了 起不来', 'fall'],
    ["my dad fell and can't get up", 'fall'],
    ['老人fell down了 在浴室 起不来', 'fall'],
  ],
  unconscious: [
    ['老人昏迷了 怎么叫都没反应', 'unconscious'],
    ['俺爹背过气去了', 'unconscious'],
    ['人晕到了 快来', 'unconscious'],
    ['my grandmother fainted and is not waking up', 'unconscious'],
    ['同事晕倒了 not breathing', 'unconscious'],
  ],
  bleeding: [
    ['手被刀割了个大口子 血止不住', 'bleeding'],
    ['俺娃头磕破了 血呼啦的', 'bleeding'],
    ['留了好多血 止不住', 'bleeding'],
    ["my son cut his hand badly and it won't stop bleeding", 'bleeding'],
    ['手cut了一个大口子 bleeding很厉害', 'bleeding'],
  ],
  missing: [
    ['我奶奶有老年痴呆，早上出门到现在还没回来', 'missing'],
    ['俺爹丢了 俺爹有点痴呆', 'missing'],
    ['阿婆唔见咗 搵咗成日', 'missing'],
    ['my grandma with dementia is missing since this morning', 'missing'],
    ['我儿子missing了 从昨晚开始', 'missing'],
  ],
  violence: [
    ['我老公又打我了', 'violence'],
    ['俺男人喝了酒就动手 今天又把俺打了', 'violence'],
    ['有人拿刀在楼下砍人', 'violence'],
    ['my husband is hitting me, I am scared', 'violence'],
    ['有个drunk的男的在砸门 要打人', 'violence'],
  ],
  self_harm: [
    ['我不想活了', 'self_harm'],
    ['不想活咯', 'self_harm'],
    ['俺男人喝药了', 'self_harm'],
    ['I want to kill myself', 'self_harm'],
    ['我想end my life', 'self_harm'],
  ],
};

// Ordinary needs that only look like danger, per family: none.
const HARD_NEGATIVES: Record<DangerFamily, string[]> = {
  fire: [
    '社区的广场舞队热情似火，想请老师来指导',
    '我们社区火锅店想办个志愿者聚餐',
    '最近上火嗓子疼，想问问义诊',
    '下周三搞一次消防演练，需要志愿者',
    'fire safety talk for the elderly next Friday?',
  ],
  gas: [
    '家里的煤气费怎么交，老人不会用手机',
    '自行车轮胎漏气了，有没有志愿者会补胎',
    'gas bill is too high this month, can someone explain',
    '煤气中毒怎么预防，想给村里老人讲讲',
  ],
  electric: ['家里跳闸了，灯不亮，想找个电工', '漏电保护器老跳，想找人看看', '电费怎么交，能不能教教我', 'the breaker keeps tripping in the kitchen'],
  flood: [
    '水龙头一直滴水，关不紧',
    '楼上漏水到我家天花板，跟邻居说了不理，想找人调解',
    '社区要搞防汛宣传，需要志愿者',
    '暴雨后庄稼被淹了，想问问有没有补贴',
    'The tap in the kitchen is dripping',
    '马桶赌了，水漫出来了',
  ],
  collapse: ['想申请农村危房改造补贴', '最近心态崩了，工作压力太大', '墙皮脱落了，想找人刷墙', 'my computer crashed and I lost my files'],
  trapped: ['钥匙锁在家里了，进不去，想找开锁的', '生活很困难，想申请低保', '题目卡在这一步了，不会做', "I'm locked out of my flat", '孩子上课老犯困'],
  fall: [
    '社区想给老人做个跌倒风险评估',
    '卫生间地滑，怕老人摔倒，想铺防滑垫',
    '手机摔坏了，屏幕碎了',
    'fall prevention class for seniors',
    '孩子滑滑板老摔跤，想找个教练',
  ],
  unconscious: [
    '最近总是头晕，想量量血压',
    '坐车晕车，有什么办法',
    '想参加急救培训，学心肺复苏',
    '燃气灶点不着，打火没反应',
    '我妈中风后说话不清楚，有没有康复的办法',
  ],
  bleeding: [
    '想去献血，哪里可以献',
    '社区义诊能量血压吗',
    '这部剧太狗血了，哈哈',
    'blood donation drive next Saturday, need helpers',
    '孩子老是流鼻血，想问问是啥原因',
  ],
  missing: ['我家狗丢了，有人看到吗', '钱包不见了，里面有身份证', '找不到人帮忙修水管', 'our cat is missing, a grey tabby', '想给老人申请一个防走失手环'],
  violence: [
    '孩子们在游戏里打架打得可凶了，哈哈',
    '邻居天天吵架，声音太大，想调解',
    '想报个拳击班',
    'my kids keep fighting over the TV remote',
    '两家孩子因为玩具打起来，大人也翻脸了',
  ],
  self_harm: [
    '笑死我了，这个视频',
    '今天累死了，想找人帮忙带孩子',
    '想死你们了，什么时候再聚',
    '急死了，孩子作业还没写完',
    '闷死了，屋里没窗户，想装个排气扇',
    'this homework is killing me lol',
    '最近心情有点低落，想找人聊聊',
  ],
};

// The rules alone (no learned backup), for what the words and their contexts decide.
const rules = new DangerDetector({ training: [] });

describe('assessDanger', () => {
  describe.each(DANGER_FAMILIES.map((f) => [f]))('%s', (family) => {
    it.each(LIKELY[family])('finds danger in %s', (text, expected) => {
      const a = assessDanger(text);
      expect(a.level).toBe('likely');
      expect(a.families).toContain(expected);
      for (const s of a.signals) expect(text.slice(s.start, s.end)).toBe(s.text);
    });

    it.each(HARD_NEGATIVES[family].map((t) => [t]))('finds none in %s', (text) => {
      expect(assessDanger(text)).toMatchObject({ level: 'none', signals: [], families: [], lifeThreatening: false, selfHarm: false });
    });
  });

  it('reads a denial as no danger, and a question as a question', () => {
    expect(assessDanger('没有着火，就是电饭锅用久了有点焦味，想换个新的').level).toBe('none');
    expect(assessDanger('不是急事，想问问上门理发什么时候有空').level).toBe('none');
    expect(assessDanger('there is no fire, the alarm just beeps').level).toBe('none');
    expect(assessDanger('没有人被困，就是电梯门关不上').level).toBe('none');
    // "是不是" and "有没有" ask; they do not deny.
    expect(assessDanger('屋里好大一股臭鸡蛋味，是不是天然气漏了').level).toBe('likely');
    expect(assessDanger('没有着火，但是楼道里全是烟').level).toBe('likely');
  });

  it('reads past, resolved, feared and taught danger as none', () => {
    for (const text of [
      '去年家里着过一次火，现在想请人检查下线路',
      '刚才厨房油锅起火，已经扑灭了，没人受伤，想请人看看油烟机',
      '上次孩子走丢了还好找回来了，想请志愿者讲讲安全',
      '我妈昨天摔了一跤，去医院看过没事，想请人这几天陪陪她',
      '万一家里着火了应该怎么逃生，想办个讲座',
      '如果有人触电了应该怎么急救，想请人讲讲',
      '看新闻说别的地方火灾死了人，想给老人普及一下用电安全',
      'We want to organise a fire drill at the primary school',
    ]) {
      expect([text, assessDanger(text).level]).toEqual([text, 'none']);
    }
  });

  it('keeps feared self-harm and violence as a question', () => {
    expect(rules.assess('我很担心她会想不开').level).toBe('possible');
    expect(rules.assess('我怕他又动手打我').level).toBe('possible');
    expect(assessDanger('我怕他又动手打我').level).not.toBe('none');
  });

  it('asks when the message is ambiguous', () => {
    for (const text of ['奶奶摔倒了', '家里有股烧焦的味道', '救命', '隔壁大爷好几天没出门了', 'my mum fell']) {
      expect([text, rules.assess(text).level]).toEqual([text, 'possible']);
    }
    // A weak cue with a call for help or hurry is acted on.
    expect(rules.assess('奶奶摔倒了 快来人').level).toBe('likely');
    expect(rules.assess('摔了一跤 头上流血了').level).toBe('likely');
  });

  it('has a learned backup for wording the rules miss: it asks, never more', () => {
    for (const text of ['我妈说头好痛 然后就吐了 现在说话含糊', '河边围了好多人 说有人沉下去了']) {
      expect([text, rules.assess(text).level, assessDanger(text)]).toEqual([
        text,
        'none',
        { level: 'possible', signals: [], families: [], lifeThreatening: false, selfHarm: false },
      ]);
    }
    // It stays silent where the rules saw cues and set them aside, and on plain needs.
    expect(assessDanger('刚才厨房油锅起火，已经扑灭了，没人受伤，想请人看看油烟机').level).toBe('none');
    expect(assessDanger('我妈八十多了一个人住，中午没人做饭').level).toBe('none');
    expect(new DangerDetector({ threshold: 1.01 }).assess('河边围了好多人 说有人沉下去了').level).toBe('none');
    // learnedVote says what the vote saw, and only where the rules leave the message to it.
    expect(new DangerDetector().learnedVote('河边围了好多人 说有人沉下去了')).toBeGreaterThanOrEqual(0.9);
    expect(new DangerDetector().learnedVote('厨房着火了快来人')).toBeNull();
  });

  it('reads voice-to-text without punctuation and danger buried in another request', () => {
    expect(assessDanger('想问一下明天的活动哦对了我们这边路上积水都过膝了有车熄火在水里人还在车上').level).toBe('likely');
    expect(assessDanger('想咨询下医保报销 我老伴刚才切菜切到手了 血流个不停').families).toEqual(['bleeding']);
  });

  it('says whether to call 110/119/120 first, and flags self-harm', () => {
    expect(assessDanger('楼下着火了').lifeThreatening).toBe(true);
    expect(assessDanger('我爸在家摔倒了起不来').lifeThreatening).toBe(true);
    expect(assessDanger('奶奶摔倒了').lifeThreatening).toBe(false);
    expect(assessDanger('家里进水了水越来越多').lifeThreatening).toBe(false);
    expect(assessDanger('有人掉河里了').lifeThreatening).toBe(true);
    expect(assessDanger('我不想活了')).toMatchObject({ selfHarm: true, families: ['self_harm'] });
    expect(assessDanger('他割腕了')).toMatchObject({ selfHarm: true, lifeThreatening: true });
    expect(assessDanger('厨房着火了').selfHarm).toBe(false);
  });

  it('reports signals in order, with offsets into the text as written (full-width included)', () => {
    const text = 'ＨＥＬＰ！家里着火了，我爸还晕倒了';
    const a = assessDanger(text);
    expect(a.families).toEqual(['fire', 'unconscious']);
    expect(a.signals.map((s) => [s.text, text.slice(s.start, s.end)])).toEqual([
      ['着火', '着火'],
      ['晕倒', '晕倒'],
    ]);
  });

  it('reads Cantonese as standard Chinese, keeping offsets into the text as written', () => {
    const text = '阿嫲今朝出门到而家都冇返屋企，电话又唔听';
    const a = rules.assess(text);
    expect(a.level).toBe('likely');
    expect(a.families).toContain('missing');
    for (const s of a.signals) expect(text.slice(s.start, s.end)).toBe(s.text);
    expect(rules.assess('佢话唔想再活落去').families).toEqual(['self_harm']);
    // 唔 reads as 不: a Cantonese denial is a denial.
    expect(rules.assess('冇着火，系隔离烧嘢食啲味').level).toBe('none');
  });

  it('reads pinyin typed without an input method', () => {
    expect(rules.assess('laoren hundao le, kuai lai ren').level).toBe('likely');
    expect(rules.assess('jiuming').level).toBe('possible');
    expect(rules.assess('wo jia zhaohuo le').families).toEqual(['fire']);
    // English words are no pinyin.
    expect(rules.assess('can someone help me shift a sofa on saturday').level).toBe('none');
  });

  it('reads indirect reports of a missing person: two small signs make it likely', () => {
    expect(rules.assess('楼下独居的孙奶奶门口牛奶放了三天没人拿，敲门也没人应').level).toBe('likely');
    expect(rules.assess('我哥从昨晚就没回，电话关机').level).toBe('likely');
    expect(rules.assess('学校说孩子今天没来上学').level).toBe('possible');
    expect(rules.assess("My neighbour's newspapers are piling up and nobody has seen her").level).toBe('likely');
    expect(rules.assess('原来他在同学家写作业，刚才吓一跳以为孩子丢了').level).toBe('none');
  });

  it('reads a plan or a goodbye as self-harm', () => {
    expect(rules.assess('我把安眠药攒了好多，今晚就用').families).toContain('self_harm');
    expect(rules.assess('炭都买好了，谁也别来找我').families).toContain('self_harm');
    expect(rules.assess("she texted goodbye and now she won't pick up").level).toBe('likely');
    expect(rules.assess("I'm done with everything, standing on the roof edge").level).toBe('likely');
  });

  it('reads jokes, titles, idioms and things in trouble as no danger', () => {
    for (const text of [
      '今天被困在图书馆赶论文哈哈，周末有啥活动',
      '最近在追《消失的她》，想找人一起看',
      '热得不想活了，社区有没有纳凉点',
      '救命啊这个社保转移流程到底怎么弄',
      '我家狗被车撞出血了，附近有宠物医院吗',
      '手机掉进水池里淹了，哪里能修',
      '工作群里炸了，都在问放假安排',
      '被房贷压垮了，想问问有没有理财讲座',
      'this new bubble tea place is fire, can we do a team outing there',
      'The group chat is flooded with spam again',
      'lol we are trapped in meetings all day, any evening yoga class?',
      'my son wants to see the fire engines on open day',
    ]) {
      expect([text, rules.assess(text).level]).toEqual([text, 'none']);
    }
  });

  it('keeps English context words narrow: a class, a claim, a dealer or "since the" do not swallow an emergency', () => {
    for (const text of [
      'my son collapsed in PE class and is not breathing',
      'he has been missing since the morning, he is 7',
      'a drug dealer is threatening my son with a knife',
      'the neighbours claim there are still people inside the burning house',
      'I am staying with my grandma and she just collapsed',
      'The barn is burning and my uncle ran back in for the goats',
    ]) {
      expect([text, rules.assess(text).level]).toEqual([text, 'likely']);
    }
    expect(rules.assess('Could someone give an earthquake safety talk at the school?').level).toBe('none');
    expect(rules.assess('电梯困了人，物业不管，我要投诉').level).toBe('likely');
  });

  it('reads danger that happens during a class, game or talk as danger, and a topic as a topic', () => {
    for (const text of [
      '上课的时候教室天花板塌了砸到学生',
      '孩子在玩游戏的时候触电了',
      '讲座上有个老人突然晕倒了',
      '申请了低保的张大爷刚才晕倒了',
      '保险公司的人来了，发现老人现在昏迷不醒',
      'during the safety training a worker suddenly collapsed',
      'the kids were playing a game when the ceiling fell on them',
      '培训课结束后有个学员晕倒在楼梯口',
      'we used to live here; now the water is up to the windows and grandma is upstairs',
      '老人有点糊涂，早上出门到现在还没回来',
    ]) {
      expect([text, rules.assess(text).level]).toEqual([text, 'likely']);
    }
    for (const text of ['想办个防火讲座', '看新闻说外地发生火灾', '玩游戏的时候角色被困住了', '物理实验课上电路老短路，想找人辅导']) {
      expect([text, rules.assess(text).level]).toEqual([text, 'none']);
    }
  });

  it('reads a stove with headache, and a repeated shout, as danger', () => {
    expect(rules.assess('屋里烧着炭盆，老两口都说头晕想吐').families).toEqual(['gas']);
    expect(rules.assess('火！火！火！三楼').level).toBe('likely');
    expect(rules.assess('The river burst its banks and the road to the village is cut off').level).toBe('likely');
  });

  it('reads voice-to-text homophones and typos as the words they stand for, keeping offsets', () => {
    for (const [text, family] of [
      ['我家照伙了 快来', 'fire'],
      ['跳搂算了 活着太难受了', 'self_harm'],
      ['割碗了 好多血', 'self_harm'],
      ['孩子不见拉 找了一个小时', 'missing'],
      ['房子要踏了 墙在掉土', 'collapse'],
      ['活着没意四', 'self_harm'],
    ] as const) {
      const a = rules.assess(text);
      expect([text, a.level === 'none' ? 'none' : 'found', a.families]).toEqual([text, 'found', expect.arrayContaining([family])]);
      for (const s of a.signals) expect(text.slice(s.start, s.end)).toBe(s.text);
    }
  });

  it('reads suicidal talk said sideways: the worth of living, a farewell, the means at hand', () => {
    for (const text of [
      '活着还有什么意思呢 谁都不在乎我',
      '再见了 这个世界',
      '妈 我对不起你 下辈子再报答你',
      '你们别找我了我不会回来了',
      '哥 我不行了 你帮我照顾好爸妈',
      '我今天就想从这楼上下去算了谁也别拦我',
      '日子没法过了 我想一死百了',
      "there's no reason to go on anymore",
      "I wrote a note for my family, I'm done",
      'i have the pills ready',
      "my mom said she's going to take all her pills",
      'she is on the roof and says she wants to jump',
    ]) {
      const a = rules.assess(text);
      expect([text, a.level, a.selfHarm]).toEqual([text, 'likely', true]);
    }
  });

  it('reads a farewell as two small signs: each alone asks, together they are likely', () => {
    for (const text of [
      '今晚是最后一晚了 谢谢你们这些年',
      '我把家里的钥匙和卡都放桌上了 密码写在纸上 你们保重',
      'i want to disappear and never come back. i bought charcoal',
      '儿子骑车去同学家 一直没到 路上也没找到',
      'the river is rising fast and my parents refuse to leave their house',
    ]) {
      expect([text, rules.assess(text).level]).toEqual([text, 'likely']);
    }
    expect(rules.assess('明天就出发了 大家保重').level).toBe('possible');
    expect(rules.assess('俺奶奶那笔钱咋一直没到卡上').level).toBe('none');
    expect(rules.assess("i'm hiding in the bathroom, he's trying to break the door").families).toEqual(['violence']);
  });

  it('reads arson, a wildfire coming, a threat to the speaker and blood lost inside as danger', () => {
    for (const [text, family] of [
      ['山火烧过来了 离村子不远了', 'fire'],
      ['有人放火烧房子', 'fire'],
      ['有人要砍我', 'violence'],
      ['老人便血很多 人都虚了', 'bleeding'],
    ] as const) {
      expect([text, rules.assess(text).level, rules.assess(text).families]).toEqual([text, 'likely', [family]]);
    }
  });

  it('reads broken things, gripes, empty meters, phone calls and confusion as no danger', () => {
    for (const text of [
      '摔了个手机 屏碎了',
      '这个价格炸了',
      '孩子被困在题海里了 求个家教',
      '想死的心都有了 这破网速',
      '看了部电影 里面有人跳楼 好吓人',
      '被狗咬了 想问问狂犬疫苗去哪打',
      '拔牙出血了一点 正常吗',
      '我不想活得这么累 想学学怎么放松',
      '燃气表没气了 怎么充值',
      '他打了我一个电话 没接到',
      '我晕了 这个政策看不懂',
      '我闺女玩密室逃脱被困了一小时 哈哈 太刺激了',
      '想知道被困电梯怎么自救 给老人讲讲',
      '楼下有人烧纸 烟飘上来',
      '锅里烧焦了 没事 开窗通风了',
      '我家猫从阳台摔下去了 没事 在楼下花坛里',
      'no fire, just burnt toast, alarm went off, all fine',
      'my mum used to wander off but she lives in a care home now, need a visit volunteer',
      'my son is missing his dad who works abroad, any activities for kids',
    ]) {
      expect([text, rules.assess(text).level]).toEqual([text, 'none']);
    }
    // The gripe sets aside a weak sign of despair, not a plan.
    expect(rules.assess('想死的心都有了 真的撑不住了 药我都买好了').level).toBe('likely');
    // A point back at a topic counts only inside one sentence.
    expect(rules.assess('看了部电影。里面有人跳楼了，快来人').level).toBe('likely');
  });

  it('answers none for empty and odd input, and stays bounded on long input', () => {
    const none: DangerLevel = 'none';
    expect(assessDanger('').level).toBe(none);
    expect(assessDanger('   ').level).toBe(none);
    expect(assessDanger('🙂🙂🙂').level).toBe(none);
    expect(assessDanger(undefined as unknown as string).level).toBe(none);
    // Bounded by construction, not by timing: only the first MAX_DANGER_TEXT_LENGTH characters are read.
    const long = assessDanger('着火'.repeat(50_000));
    expect(long.level).toBe('likely');
    expect(Math.max(...long.signals.map((s) => s.end))).toBeLessThanOrEqual(MAX_DANGER_TEXT_LENGTH);
  });
});

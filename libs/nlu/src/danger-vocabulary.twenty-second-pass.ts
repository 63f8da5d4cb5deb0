// The danger check's twenty-second pass (decision 0067): readings by the kind of message, not by a
// sentence of blind22. The twenty-first pass moved nothing on a new author's set; these are written
// as frames a stranger's wording also falls into:
// - recall: a present sign inside a question ("…现在屋里有味道正常吗", "…还在往外渗"), a threat by a
//   person who is here now, people who cannot get out beside a hazard, people stuck at a height, a
//   calm farewell with a plan and an end of worries;
// - false alarms: laughter about one's own tumble, learning, teaching or preparing with no present
//   sign, a story, fiction or an aftermath (a donation), a nuisance complained about, goods soaked,
//   a danger over (cleared, the animals fine), and the figures a new author used (笑塌了, 心态崩了, 太炸了,
//   热得要昏过去, an SOS for a list, 困在 a traffic jam, a quake kit, "earthquake resistant").
// Cues, masks and resolutions are joined with the twentieth and twenty-first passes' below and read by
// danger-vocabulary.ts (it does not grow); the frames are read by danger.kind.ts.
import type { DangerCue, Resolution } from './danger-vocabulary.js';
import {
  TWENTIETH_AND_21ST_PASS_CUES,
  TWENTIETH_AND_21ST_PASS_NOT_DANGER,
  TWENTIETH_AND_21ST_PASS_NOT_DANGER_EN,
  TWENTIETH_AND_21ST_PASS_RESOLUTIONS,
} from './danger-vocabulary.twenty-first-pass.js';

// --- Cues: present signs a question, a hedge or a smile does not cancel ---

const TWENTY_SECOND_PASS_CUES: readonly DangerCue[] = [
  // A gas meter running with everything off, and a smell indoors with gas named: a leak asked about
  // as if it were a doubt ("我就问一下…正常吗"). Firm: "有点味道" is not minor beside gas.
  {
    family: 'gas',
    strength: 'weak',
    firm: true,
    zh: [
      '(?:燃气表|煤气表|天然气表|气表)[^，。！？]{0,6}(?:一直|还在|自己|不停)(?:在)?(?:转|走|跳)',
      '(?<=(?:燃气|煤气|天然气|液化气|气罐|气瓶|气表)[^。！？]{0,30})(?:屋里|家里|厨房|房间|屋头)[^，。！？]{0,4}(?:味道|味儿|怪味|异味|臭味|臭鸡蛋味)',
    ],
  },
  // Bleeding still going on after a wound named, even beside a question about plasters: "…还在往外渗".
  {
    family: 'bleeding',
    strength: 'weak',
    firm: true,
    zh: [
      '(?<=(?:伤口|口子|割|划|拉了|切到|切了|砍|锯|刀|扎|戳|磕破|血)[^。！？]{0,30})(?<!泪|汗|水|鼻涕|口水)(?:还在|一直|止不住|不停|还是)(?:地|的)?(?:往外)?(?:渗|流|冒|滴|淌)(?:血)?(?!水|汗|泪|口水|鼻涕)',
    ],
  },
  // A threat by a person who is here now: "前男友现在在我家楼下，说如果我不下去就放火烧房子". The
  // condition is the threat's, not a supposition of the writer's.
  {
    family: 'violence',
    strength: 'strong',
    zh: [
      '(?:前夫|前男友|前妻|前女友|老公|老婆|丈夫|男朋友|男友|女朋友|那个人|那人|邻居|醉汉|债主|有人|他|她)[^，。！？]{0,3}(?:现在|正|就)?在(?:我家|我们家|家)?(?:楼下|门口|门外|屋外|院子里?|外面|楼道里?|窗外)(?=[^。！？]{0,24}(?:说|威胁|扬言|喊|放话|叫嚣)[^。！？]{0,14}(?:放火|烧(?:了|掉|死)?(?:房子|房|家|屋|你|我|车)|砍|杀|捅|弄死|打死|泼(?:汽油|硫酸|油)|同归于尽))',
    ],
  },
  // People who cannot get out beside a hazard: "塌方了…我们十几个人出不去" (not "下雨了出不去").
  {
    family: 'trapped',
    strength: 'weak',
    firm: true,
    zh: ['(?<=(?:塌|坍|埋|堵死|堵住|封住|着火|起火|火|烟|淹|涨水|电梯|井|洞|矿|废墟|山体)[^。！？]{0,30})(?:出不去|出不来|逃不出|爬不出|跑不出|走不出来)'],
  },
  // People stuck at a height: "我们卡在最高那个厢", "孩子困在半空中" (not a kite, not a cat).
  {
    family: 'trapped',
    strength: 'weak',
    zh: [
      '(?:我们|我|孩子|人|他|她|老人|一家|家人|游客)[^，。！？]{0,6}(?:卡|困|悬|吊)在(?:了)?[^，。！？]{0,3}(?:最高|最顶|顶上|顶端|半空|半空中|空中|高处|半山腰|悬崖)',
    ],
  },
  // A calm farewell with a plan and an end of worries: "都安排好了 今晚过后就没有烦恼了" (not a holiday,
  // not an exam: "考完" between them is the end of a task).
  {
    family: 'self_harm',
    strength: 'strong',
    firm: true,
    zh: [
      '(?:安排好了|准备好了|交代好了|处理好了|收拾好了)(?=(?:(?!考完|考试|放假|搬完|交完|上完|下班)[^。！？]){0,16}(?:过后|之后|以后|后|过了(?:今晚|今天|明天|这次|这一天))[^。！？]{0,6}(?:没有烦恼|没烦恼|解脱|一了百了|不会再(?:麻烦|拖累|打扰|烦)|再也不会(?:麻烦|拖累|打扰|醒)|不用再(?:为我|管我|操心)|永别))',
      '(?:最后一次)(?:跟|和|给)(?:你们|大家|你)(?:说话|道别|说再见|打电话)',
    ],
  },
];

// --- Resolutions: the danger over ---

const TWENTY_SECOND_PASS_RESOLUTIONS: readonly Resolution[] = [
  // Cleared or repaired since: "今天已经清理了", "已经修好了".
  { families: ['collapse', 'flood', 'fire'], zh: '(?:已经|都)(?:清理|清走|清掉|修好|抢通|通车)(?:了|干净|完)|清理完了' },
  // The animals or people fine: "猪没事", "牛羊都没事".
  { families: ['collapse', 'flood', 'fire', 'electric'], zh: '(?:猪|牛|羊|鸡|鸭|鹅|狗|猫|牲口|牲畜)(?:和[^，。！？]{1,3})?(?:都|也)?没(?:事|受伤)' },
];

// --- Masks: figures and things only ---

const TWENTY_SECOND_PASS_NOT_DANGER: readonly string[] = [
  // Laughter as a figure: "笑塌了", "笑疯了", "笑喷了".
  '笑(?:塌|崩|炸|疯|喷|翻|趴|抽)(?:了)?',
  // A state of mind: "心态崩了", "心态炸了".
  '心态(?:崩|炸)(?:了)?',
  // Slang for thrilling: "太炸了", "超炸".
  '(?:太|真|超|好|巨)炸(?:了|啦)(?!弹)',
  // Heat as a degree: "热得人要昏过去了" (not "热得老人晕倒了").
  '热得(?:人|我)?(?:都)?(?:要|快)(?:昏|晕)(?:过去|倒)?(?:了)?',
  // An SOS for a document or a list: "SOS 谁有幼儿园报名的材料清单".
  '(?:\\bsos\\b|🆘)(?=[^。！？]{0,8}(?:谁有|有没有|求|哪里有|谁知道)[^。！？]{0,16}(?:材料|清单|资料|链接|攻略|表格|模板|答案|作业|课件|号码))',
  // Stuck in traffic: "被traffic jam困在高速上", "困在早高峰里".
  '(?:traffic jam|堵车|车流|拥堵|早高峰|晚高峰|车阵)[^，。！？]{0,3}困在|困在(?:了)?[^，。！？]{0,4}(?:traffic jam|堵车|车流|拥堵|早高峰|晚高峰|车阵)',
  // A kit for a danger is preparation: "地震包里要放什么".
  '(?:地震|应急|防灾|逃生|急救|避难)(?:包|箱|物资)',
  // An English collapse said of an exam or a mood inside Chinese: "这次考试totally collapse".
  '(?:考试|考|面试|比赛|心态|计划|股票|成绩)[^，。！？]{0,4}(?:totally |completely )?collapse[ds]?',
  // An animal bitten by an animal: "狗让人家狗咬出血了" (not "孩子被狗咬出血").
  '(?<![孩人])(?:狗|猫|羊|牛|猪|鸡|兔子?)(?:让|被|给|叫)[^，。！？]{0,4}(?:狗|猫)咬(?:出血|伤|破|了)',
  // A device against a fall wanted, however worded: "摔倒会自动报警的设备".
  '(?:摔倒|跌倒|走失|防走失|防摔)(?:会|就|能|后|时)?(?:自动)?(?:报警|监测|检测|定位|提醒|呼叫)(?:器|的|装置|手环|设备|东西|功能)',
  // Suicide prevention as a subject: "自杀预防", "预防自杀的教材".
  '自杀(?:预防|干预|防治)|(?:预防|防止|防范)自杀',
];

const TWENTY_SECOND_PASS_NOT_DANGER_EN: readonly string[] = [
  // A building's rating: "is our building earthquake resistant".
  '\\b(?:earthquake|quake|fire|flood)[- ](?:resistant|proof|rated|safe)\\b',
];

// --- The frames (danger.kind.ts) ---

/** A present sign: something going on now, a body sign, the services. No frame sets a cue aside beside it. */
export const PRESENT_SIGN =
  /突然|刚刚|刚才|现在|正在|救命|快来|快点|还在|一直在|还没撤|血|受伤|疼得|痛得|好痛|很痛|疼死|起不来|站不起|爬不起|动不了|不能动|断了|破了|骨折|肿了|昏迷|不醒|没反应|抽搐|呼吸|想吐|吐了|送医|医院|120|110|119|救护车|晕倒/;
/** A body sign a joke mark never hides (danger.context.ts): narrower than PRESENT_SIGN, no call or service words. */
export const BODY_SIGN_NOW = /动不了|不能动|起不来|站不起|爬不起|断了|骨折|肿了|流血|出血|头破|昏迷|叫不醒|没反应|抽搐/;
/** Laughter or a joke mark. */
export const LAUGHTER = /哈哈|hhh|笑死|笑塌|笑疯|笑喷|\blol\b|\blmao\b|😂|🤣|xswl|233/;
/** A time gone by: an event told with 了 is a subject of learning or a story only then. */
export const PAST_TIME = /昨|前天|上周|上个月|去年|前年|那场|那阵|那次|那年|以前|当年|小时候|last night|yesterday|last week|years ago/;
/** Someone else named before the cue: the laughter is not about the writer's own tumble. */
export const SOMEONE_ELSE = /老人|奶奶|爷爷|外婆|外公|孩子|宝宝|小孩|妈|爸|老公|老婆|邻居|同事|他|她|人家/;
/** Learning, teaching, preparing or preventing: the danger is a subject, not an event. */
export const LEARNING_FRAME =
  /(?:我|正|还)在学(?!校|生|院|堂|前班)|想学(?!校)|学(?:地质|医|护理|急救|消防)|教材|课件|教案|(?:怎么|怎样|如何|点样|咋)(?:教|跟(?:孩子|学生|小朋友|他|她)(?:讲|说|谈))|教(?:小朋友|孩子|学生)|出发前(?:想|要|先)|(?:想|先)跟(?:他|她|孩子)讲讲|要放什么|放什么东西|(?:前兆|征兆|预兆|迹象)[^。！？]{0,4}(?:有哪些|是什么|有什么|有啥|是啥|哪些)|(?:怎么|如何|咋|要怎么)(?:预防|防范|防止|避免)|抗震吗|防震吗|\bhow (?:do|can|should) (?:i|we) (?:teach|prevent)\b/;
/** A story, a memoir, an aftermath helped with: "讲他以前救火的故事", "想写个回忆录", "有没有捐款". */
export const STORY_FRAME = /故事|回忆录|写个回忆|捐款|捐赠|募捐|捐物|donation|donate|fundrais/;
/** Fiction named as what was said: "他是在说剧里那个角色". */
export const FICTION_FRAME =
  /(?<!不是|没|没有|不)(?:在说|说的是|是说|演的是)(?:剧里|电视里|书里|电影里|小说里|戏里)|(?:剧里|戏里|电影里|小说里)(?:那个|的)(?:角色|人物)/;
/** A nuisance that keeps happening, complained about: "厂里老是排黑烟…能不能举报". */
export const NUISANCE_HABIT = /老是|总是|经常|天天|每天|每晚|一到晚上/;
export const COMPLAINT = /举报|投诉|管管|管一管|反映一下|曝光/;
/** Goods soaked, not people (nobody there, nobody waist-deep or shut in): "地窖进水了，土豆泡了". */
export const GOODS_SOAKED = /(?:土豆|粮食|粮|货|东西|家具|书|衣服|红薯|白菜|种子|化肥|纸箱|庄稼|菜)[^，。！？]{0,3}(?:泡了|泡水|湿了|被泡|淹了)/;
export const PERSON_THERE = /(?<![找请叫派喊没有])人|孩子|老人|爸|妈|爷|奶|他|她|我(?:还)?在|我[^，。！？]{0,3}里|推不开|打不开|出不去|小腿|膝|腰|胸/;

// --- Joined with the twentieth and twenty-first passes (danger-vocabulary.ts reads these) ---

export const TWENTIETH_TO_22ND_PASS_CUES: readonly DangerCue[] = [...TWENTIETH_AND_21ST_PASS_CUES, ...TWENTY_SECOND_PASS_CUES];
export const TWENTIETH_TO_22ND_PASS_NOT_DANGER: readonly string[] = [...TWENTIETH_AND_21ST_PASS_NOT_DANGER, ...TWENTY_SECOND_PASS_NOT_DANGER];
export const TWENTIETH_TO_22ND_PASS_NOT_DANGER_EN: readonly string[] = [...TWENTIETH_AND_21ST_PASS_NOT_DANGER_EN, ...TWENTY_SECOND_PASS_NOT_DANGER_EN];
export const TWENTIETH_TO_22ND_PASS_RESOLUTIONS: readonly Resolution[] = [...TWENTIETH_AND_21ST_PASS_RESOLUTIONS, ...TWENTY_SECOND_PASS_RESOLUTIONS];

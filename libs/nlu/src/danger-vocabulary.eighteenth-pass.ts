// The danger check's eighteenth pass (decision 0061): the words of the readings blind18 showed, each
// written as a general reading by kind, never as a sentence of the set. Pinyin with tone marks (the
// marks are folded away by normalise, danger.cues.ts) and more pinyin danger words per family;
// Cantonese violence under way ("打緊" is read "打着"); missing persons without a missing word (out
// since the morning and still not found, days in the mountains, a child collected by someone who is
// not family); black blood in the stool; violence in the passive. False alarms: figures of speech,
// dangers in general (danger.frame.ts reads the habitual and hearsay frames), dangers over (taken
// away by the police, nobody inside), a key stuck in a lock, a pet up a tree, a fire sale.
// Cues, masks and resolutions are appended to DANGER_CUES, NOT_DANGER, NOT_DANGER_EN, RESOLUTIONS and
// PINYIN_CUES in danger-vocabulary.ts. Patterns read the normalised text: traditional characters are
// folded, Cantonese forms are standard ones. The mixed-language gloss is in danger-vocabulary.mixed-gloss.ts.
import type { DangerCue, PinyinCue, Resolution } from './danger-vocabulary.js';

/** Tone-marked pinyin vowels, each read as its toneless letter (one UTF-16 unit for one). */
export const TONE_FOLD: ReadonlyArray<readonly [string, string]> = [
  ...[...'āáǎà'].map((c) => [c, 'a'] as const),
  ...[...'ōóǒò'].map((c) => [c, 'o'] as const),
  ...[...'ēéěè'].map((c) => [c, 'e'] as const),
  ...[...'īíǐì'].map((c) => [c, 'i'] as const),
  ...[...'ūúǔù'].map((c) => [c, 'u'] as const),
  ...[...'ǖǘǚǜü'].map((c) => [c, 'v'] as const),
  ...[...'ĀÁǍÀ'].map((c) => [c, 'a'] as const),
  ...[...'ŌÓǑÒ'].map((c) => [c, 'o'] as const),
  ...[...'ĒÉĚÈ'].map((c) => [c, 'e'] as const),
  ...[...'ĪÍǏÌ'].map((c) => [c, 'i'] as const),
  ...[...'ŪÚǓÙ'].map((c) => [c, 'u'] as const),
];

// Cantonese progressive aspect: a verb of violence with 紧 ("打紧", "斩紧") is the verb under way ("打着").
const UNDER_WAY_VERBS = ['打', '斩', '砍', '揍', '捅', '劈'];
export const EIGHTEENTH_PASS_DIALECT_FOLD: ReadonlyArray<readonly [string, string]> = UNDER_WAY_VERBS.map((v) => [`${v}紧`, `${v}着`] as const);

// A person of the family or a household.
const KIN =
  '(?:我|我们|俺|他|她|我(?:的)?(?:妈|爸|阿妈|阿爸|老妈|老爸|妈妈|爸爸|母亲|父亲|老婆|老公|爱人|媳妇|儿子|女儿|孩子|娃|哥|姐|弟|妹|奶奶|爷爷|外婆|外公|姥姥|姥爷|阿奶|阿爷))';
// Out of the house at a time of day, and not found or not back since.
const OUT_SINCE =
  '(?:早上|早晨|一早|大早|天没亮|上午|中午|昨天|昨晚|前天|半夜)[^。！？]{0,10}(?:出门|出去|走的|走了|离开|跑出去)[^。！？]{0,10}(?:到现在|至今|一直|到(?:晚上|下午|傍晚|天黑)|[一二三四五六七八九十\\d]+点)(?:了)?(?:都|还|也)?(?:找不到(?:人)?|没(?:有)?(?:见到|见着|见影|回来|回家|消息|联系上)|不见(?:人|影)|联系不上)';
// Days or nights away where people get lost, and not back.
const DAYS_AWAY =
  '(?:进山|上山|下海|出海|进林子|进沙漠|去放(?:牛|羊|马)|放(?:牛|羊|马)去)(?:了)?[^。！？]{0,4}(?:[一二两三四五六七八九十几\\d]+)(?:天|个晚上|夜)(?:了)?(?:都|还|也)?(?:没(?:有)?(?:回来|出来|下山|回家|消息)|联系不上|找不到)';
// A child collected by someone who is not family: "接走孩子的不是我们家的人", "被陌生人接走了".
const TAKEN_BY_STRANGER =
  '(?:接走|带走|领走|来接|接)(?:了)?(?:孩子|娃|小孩|儿子|女儿|闺女)?(?:走)?的(?:人)?(?:不是|并不是)(?:(?:我们|我|俺)?(?:家|家里)(?:的)?(?:人|亲戚)?|家人|亲戚)|(?:孩子|娃|小孩|儿子|女儿)[^。！？]{0,6}被(?:陌生人|不认识的人|生人|外人)(?:给)?(?:接走|带走|领走|抱走)';

/** No weapon taken up after a quarrel (a lookahead for the quarrel masks): "两家打起来了 拿锄头" is violence. */
export const NO_WEAPON_AFTER =
  '(?![^。！？]{0,12}(?:拿|抡|举|抄|操|拎)(?:着|起)?(?:了)?(?:锄头|铁锹|镐头|镰刀|斧头|棍子|棍棒|木棍|铁棍|钢管|砍刀|菜刀|刀|扁担|砖头|酒瓶))';

// A vulnerable person gone: the person is not found and cannot find the way (dementia, no sense of the way).
const LOST_WAY = '(?:记不住路|记不得路|认不得路|不认得路|不认路|找不到家|不记得家|认不得人|糊涂了|老年痴呆|痴呆|失智)';

export const EIGHTEENTH_PASS_CUES: readonly DangerCue[] = [
  // A missing person named by what happened, not by a missing word.
  {
    family: 'missing',
    strength: 'strong',
    life: true,
    zh: [
      OUT_SINCE,
      DAYS_AWAY,
      TAKEN_BY_STRANGER,
      `(?:不见了|走丢了|找不到了|找不着了|没回来|跑出去了)[^。！？]{0,16}${LOST_WAY}`,
      `${LOST_WAY}[^。！？]{0,16}(?:不见了|走丢了|找不到了|找不着了|没回来|跑出去了)`,
    ],
  },
  {
    family: 'missing',
    strength: 'strong',
    life: true,
    en: [
      "(?:left|went out)(?: [a-z']+){0,4} (?:this morning|at dawn|early this morning)(?: [a-z']+){0,3},? (?:and )?(?:still )?(?:hasn't|has not|haven't|not) (?:come back|been found|been seen|returned)",
      "(?:in|into) the (?:mountains?|hills|woods|forest) (?:for )?(?:two|three|four|five|several|\\d+) (?:days|nights)(?: [a-z']+){0,3} (?:not|hasn't|has not|never) (?:come back|returned|been heard)",
      '(?:picked up|collected|taken) (?:from|at) (?:school|kindergarten|daycare|after-school)(?: [a-z]+){0,3} by (?:someone|a stranger|a man|a woman) (?:who is not|not) (?:family|one of us|in our family)',
    ],
  },
  // Violence under way, in the passive or as an aspect: "我妈正在被他们打", "他们打着我阿爸".
  {
    family: 'violence',
    strength: 'strong',
    zh: [
      `${KIN}(?:正在|在|正)?被(?:人|他|她|他们|她们|几个人|一帮人|一群人|[^。！？，\\s]{1,4})(?:围着)?(?:打|揍|砍|捅|踢|掐)(?![败扰针卡分包扫开听算工量折理断动车招印扮趣击])`,
      `(?:打|揍|砍|斩|捅|劈|踢|掐)着${KIN}(?!的)`,
    ],
  },
  // A farm tool or a club in a fight: "打起来了 拿着锄头".
  {
    family: 'violence',
    strength: 'strong',
    zh: ['(?:打起来|打架|动手|干起来)(?:了)?[^。！？]{0,8}(?:拿|抡|举|操|拎|抄)(?:着|起)?(?:锄头|铁锹|镰刀|棍子|木棍|扁担|斧头|砖头|铁棍|钢管)'],
  },
  // Black blood in the stool, or a lot of it: "拉出来的是黑血", "屙血 好多".
  {
    family: 'bleeding',
    strength: 'strong',
    zh: [
      '(?:屙|拉|便|大便|解手)(?:出|出来)?(?:的)?(?:是)?(?:黑)?血[^。！？]{0,8}(?:黑|好多|很多|一大摊|一盆|不少)',
      '(?:大便|便便|屎|拉的|屙的)(?:是|都是|全是)?(?:黑色|黑)(?:的)?[^。！？]{0,6}(?:血|柏油)',
    ],
    en: ['(?:black|tarry|bloody) (?:stool|poo|poop)s?'],
  },
  // An elder gone limp: "人好软", "全身软了" (weak: beside another sign it is likely).
  { family: 'unconscious', strength: 'weak', zh: ['(?:人|身子|全身|整个人)(?:好|很|都|一下)?(?:软|瘫)(?:了|下去了|塌塌|绵绵)'] },
  // A person shut in a lift: "电梯关人了", "电梯里关了个人".
  { family: 'trapped', strength: 'strong', zh: ['电梯(?:里|里面)?(?:关|困|锁)(?:了|住了)?(?:个|一个|两个|几个)?人'] },
  // A river over its banks, water reaching rooms (English).
  {
    family: 'flood',
    strength: 'strong',
    en: [
      '(?:river|creek|stream|canal)(?: [a-z]+){0,4} (?:is |has gone |went |came )?over (?:the|its) banks?',
      'water (?:is |was )?(?:reaching|getting into|coming into|pouring into|flooding) (?:the |our |my )?(?:classrooms?|houses?|homes?|rooms?|bedrooms?|ground floor)',
    ],
  },
];

/**
 * Terse reports by a third party (blind18 wrote many): an event said by what it does to people, with
 * no danger noun. Each reading needs the person or the place beside the event.
 */
export const EIGHTEENTH_PASS_TERSE_CUES: readonly DangerCue[] = [
  // Water coming into the house: "水从墙缝往屋里冒", "水从窗户灌进来"; a dam or a dyke breached.
  {
    family: 'flood',
    strength: 'strong',
    life: false,
    zh: [
      '水(?:从|顺着|沿着)[^。！？]{1,12}(?:往屋里|往家里|往里|进屋|进来|灌进|涌进|冒进)(?:冒|灌|涌|流|淌|来)?',
      '(?:坝|堤|堤坝|河堤|大堤|水库)(?:子)?(?:开口子|开了口子|决口|溃了|垮了|溃堤|冲开了)',
    ],
  },
  // People under what fell: "吊车倒了 压到两个工人", "墙塌了砸到人".
  {
    family: 'collapse',
    strength: 'strong',
    zh: [
      '(?:倒了|塌了|塌下来|掉下来了?|砸下来)[^。！？]{0,8}(?:压到|压住|压着|砸到|砸中|砸着|埋了|埋住)(?:了)?(?:[一两二三四五几\\d]+个)?(?:人|工人|孩子|小孩|老人|学生|师傅|司机)',
      '(?:矿|井|矿洞|矿井|巷道|隧道)(?:里|下)?(?:冒顶|塌方|透水)(?:了)?',
    ],
  },
  // Cannot be woken: "怎么拍都不醒", "叫不起来 脸红红的" (after a stove).
  {
    family: 'unconscious',
    strength: 'strong',
    zh: ['(?:怎么|咋|怎样|使劲)(?:叫|喊|拍|摇|推|掐)(?:也|都)(?:不醒|叫不醒|没(?:有)?反应|不应)'],
  },
  {
    family: 'gas',
    strength: 'strong',
    zh: ['(?:炉子|煤炉|炭盆|炭火|烧炭|烧煤|火炉)[^。！？]{0,16}(?:叫不醒|叫不起来|喊不醒|喊不起来|拍不醒)'],
  },
  // Gone down into a pit and not come up: "下地窖就没上来 喊也不应", "还有人没上来" (a mine).
  {
    family: 'trapped',
    strength: 'strong',
    zh: [
      '(?:下去|下井|下窖|下地窖|下到井里|下矿)(?:了)?(?:就|后|以后|半天)?(?:一直|再)?没(?:有)?(?:上来|出来)',
      '(?:井下|矿下|矿上|矿里|井里)[^。！？]{0,16}(?:还有|有)(?:[一两二三四五几\\d]+个)?人没(?:有)?上来',
    ],
  },
  // Touching a live line: "碰到高压线了", "杆子有电 … 扶了一下就倒了".
  {
    family: 'electric',
    strength: 'strong',
    zh: [
      '(?:碰到|碰了|摸到|摸了|挨到|挂到|搭到)(?:了)?(?:那根)?(?:高压线|高压电|电线|电缆)(?:了)?',
      '(?:杆子|电线杆|路灯杆|铁门|栏杆|水管|铁皮)(?:上)?(?:有电|带电)[^。！？]{0,16}(?:倒了|倒下|不动|弹开|摔倒)',
    ],
  },
  // A threat to jump if approached, and taking the children along: "谁过来我就跳", "要带着孩子一起走".
  {
    family: 'self_harm',
    strength: 'strong',
    life: true,
    firm: true,
    zh: [
      '(?:谁|你们|别人)(?:敢)?(?:过来|靠近|上来|再过来)(?:我)?就(?:跳|跳下去|死给你们看)',
      '(?:要|想|说要)(?:带着|带上|抱着)(?:孩子|娃|小孩|儿子|女儿)(?:一起|一块)(?:走|死|去死|跳)',
    ],
  },
];

/** Pinyin danger words per family, beside PINYIN_CUES; tone marks are folded away before they are read. */
export const EIGHTEENTH_PASS_PINYIN_CUES: readonly PinyinCue[] = [
  { family: 'fall', strength: 'strong', life: true, pinyin: ['diao jin', 'diao dao shui li', 'diao xia qu le', 'shuai xia qu le', 'die jin'] },
  {
    family: 'collapse',
    strength: 'strong',
    pinyin: ['ta fang le', 'lu ta le', 'fang ta le', 'qiang ta le', 'bei mai', 'mai le ren', 'shan po le', 'ni shi liu'],
  },
  { family: 'violence', strength: 'strong', pinyin: ['da wo ma', 'da wo ba', 'da wo ba ba', 'da wo ma ma', 'na dao kan', 'da qi lai le'] },
  { family: 'missing', strength: 'strong', life: true, pinyin: ['zou diu le', 'mei hui lai le', 'zhao bu zhao ren'] },
  { family: 'trapped', strength: 'strong', pinyin: ['bei kun zhu', 'bei ya zhu', 'ya zai xia mian', 'ka zai li mian'] },
  { family: 'flood', strength: 'strong', life: false, pinyin: ['shui chong jin', 'shui zhang jin'] },
  { family: 'gas', strength: 'strong', pinyin: ['mei qi lou le', 'ran qi lou le', 'zhong du le'] },
];

// The danger is over.
export const EIGHTEENTH_PASS_RESOLUTIONS: readonly Resolution[] = [
  // Taken away by the police: "已经被派出所带走了".
  {
    families: ['violence', 'missing'],
    zh: '(?:已经|都)?被(?:派出所|警察|民警|公安|110|保安)(?:的人)?(?:给)?(?:带走|抓走|控制住|拉走)了',
    en: '(?:police|officers|cops) (?:already )?(?:took|have taken|arrested|took away) (?:him|her|them|the man|the drunk)',
  },
  // Nobody inside what collapsed: "人也没在里面", "里面没人".
  {
    families: ['collapse', 'trapped', 'fire'],
    zh: '人(?:也|都)?(?:没|不)(?:在)?(?:里面|里头|屋里|里边)|(?:里面|里头|屋里)(?:也|都)?没(?:有)?人',
    en: '(?:nobody|no one) (?:was |is )?(?:inside|in there)',
  },
];

// Look-alikes by kind of blind18's false alarms (masked like NOT_DANGER).
export const EIGHTEENTH_PASS_NOT_DANGER: readonly string[] = [
  // A feeling "to the point of exploding": "焦虑到爆炸", "烦得要爆炸".
  '(?:焦虑|烦|气|急|紧张|压力|郁闷|尴尬|无聊|困|累)(?:到|得)(?:要|快)?(?:爆炸|炸了|炸裂)',
  // An exam, a test or an interview that "collapses": "考试塌方了", "面试崩了".
  '(?:考试|考得|测验|期末|期中|月考|模考|面试|答辩|比赛)(?:又|都|全)?(?:塌方|崩了|崩盘|炸了|翻车)',
  // Cold "enough to freeze people": the weather.
  '(?:冷|冻)得?(?:要|快)?冻死人(?:了|啦)?|(?:天|天气|外面|这天)[^。！？]{0,6}冻死人(?:了|啦)?',
  // The heart, the stomach or the throat "like on fire": heartburn, a feeling.
  '(?:心|胃|胸口|喉咙|嗓子|肚子)(?:里)?(?:好似|好像|像|似)(?:着火|火烧|烧起来)(?:一样|似的|咁|了)?',
  // Life unbearable because pay is late: a labour dispute.
  '(?:工资|工钱|薪水|补贴|欠薪)[^。！？]{0,6}(?:不发|不给|没发|拖着)[^。！？]{0,4}(?:真|就|都|实在)?活不下去(?:了)?',
  // A key stuck in a lock: a thing, not a person.
  '钥匙[^。！？]{0,12}(?:卡在|卡住|断在|拔不出|拧不动)[^。！？]{0,8}|(?:卡在|断在)(?:锁芯|锁眼|锁孔|锁)(?:里)?(?:拔不出(?:来)?)?',
  '(?<=钥匙[^。！？]{0,16})(?:卡住了|卡在|拔不出(?:来)?|拧不动)',
  // Oversleeping, not unconscious: an alarm clock, the morning, school or work after it.
  '(?:早上|每天早上|早晨|闹钟|闹铃)[^。！？]{0,10}(?:怎么|咋)(?:叫|喊|响)(?:也|都)(?:不醒|叫不醒|不起)',
  '(?:怎么|咋)(?:叫|喊)(?:也|都)(?:不醒|叫不醒)(?=[^。！？]{0,12}(?:上学|上班|迟到|赖床|起床|懒觉))',
  // Taken away by the police: no missing person.
  '(?:已经|都)?被(?:派出所|警察|民警|公安)(?:的人)?(?:给)?(?:带走|抓走)了',
];

export const EIGHTEENTH_PASS_NOT_DANGER_EN: readonly string[] = [
  // A sale, not a fire.
  'fire sales?',
  // A pet up a tree, and the fire brigade named as those who might fetch it.
  "(?:cat|kitten|dog|puppy|bird|parrot)(?: is|'s)? (?:stuck )?up (?:a|the) tree(?:[^.!?]{0,30}fire (?:brigade|department|service|fighters?))?",
];

// Hurry in Cantonese, read after the fold ("快啲嚟" is "快些来"): like ALARM_WEAK.
export const EIGHTEENTH_PASS_ALARM_WEAK: readonly string[] = ['快些来', '快点过来', '快些过来'];

// --- Patterns of the frames (danger.frame.ts) ---

/** A habit of a place before a cue: "每年都", "年年", "一到下雨就" (a person who often falls is no habit of a place). */
export const ZH_HABITUAL_BEFORE = /每年|年年|每到|每逢|每次(?:下雨|下雪|刮风|涨水)|一到(?:下雨|下雪|刮风|雨季|汛期|春天|夏天|秋天|冬天)(?:天)?就/;
/** A habit after an English cue: "floods every spring". */
export const EN_HABITUAL_AFTER = /^\s+(?:every|each) (?:year|spring|summer|autumn|fall|winter|time it rains)/;
/** Hearsay of what could happen: "听说 … 会", "人家说 … 会". */
export const ZH_HEARSAY_BEFORE = /听说|据说|听人说|人家说|都说|网上说/;
export const ZH_COULD_AFTER = /^(?:会|能|可能|容易|也会)/;
export const ZH_COULD_BEFORE = /(?:会|能|可能|容易)$/;
/** A story, a post or a video about it before an English cue: "a scary story about a drowning". */
export const EN_TOLD_ABOUT_BEFORE =
  /\b(?:story|stories|article|post|video|documentary|film|movie|book|novel|podcast|rumou?r)s? (?:about|of|on) (?:a |an |the |some )?(?:[a-z']+ ){0,2}$/;
/** It is happening now: a habitual frame does not hold. */
export const NOW_MARK = /今天|今年|现在|刚才|刚刚|此刻|已经|正在|这会|马上|\b(?:now|today|tonight)\b/;

// The danger check's thirteenth pass (decision 0055): the words of the readings blind13 showed,
// each written as a general reading (a sign and its setting, a kind of look-alike), never as a
// sentence of the set. Cues, masks, resolutions and folds are appended to DANGER_CUES, NOT_DANGER,
// NOT_DANGER_EN, RESOLUTIONS and DIALECT_FOLD in danger-vocabulary.ts; the patterns of the scope
// readings (a denial, an animal, a staged or fictional setting, a name, a turn to another matter)
// are read by danger.scope.ts. Patterns read the normalised text: traditional characters are folded.
import type { DangerCue, Resolution } from './danger-vocabulary.js';

// Appliances that burn gas, where a smell without a gas noun means gas.
const GAS_APPLIANCE = '(?:热水器|燃气灶|煤气灶|灶台|壁挂炉|炉子|燃气表|燃气管道?|煤气管道?|气罐|煤气罐)';
// A smell said to be strong, not named as gas.
const STRONG_SMELL = '(?:气味|味道|味儿|怪味|异味)(?:很|特别|好|太|贼|老|有点|挺|越来越)?(?:冲|呛|刺鼻|大|重|浓|难闻)';
// What breathing it does: dizziness, headache, nausea, a tight chest.
const GAS_SICK = '(?:晕|头痛|头疼|恶心|想吐|喘不|胸闷|发昏|站不稳)';
// People who go missing and are named after the report in reversed, unpunctuated speech.
const KIN = '(?:我|俺|我家|我们家)?的?(?:妈|爸|母亲|父亲|奶奶|爷爷|姥姥|姥爷|外婆|外公|老伴|老人|孩子|儿子|女儿|孙子|孙女|阿公|阿婆|阿嬷|老爷子|老太太)';
// Water and edges one can walk or step down into.
const WATER_EDGE = '(?:河边|江边|湖边|海边|水库边|塘边|桥上|桥边|大桥上|楼顶|天台|顶楼|屋顶|阳台边|悬崖边?)';
// Harm promised in a threat.
const KILL = '(?:弄死|打死|砍死|杀了|杀死|捅死|整死|掐死|宰了)';
const TARGET = '(?:她|他|我|你|我们|她们|他们|孩子|全家|一家)';

export const THIRTEENTH_PASS_CUES: readonly DangerCue[] = [
  // A strong smell at a gas appliance with dizziness or nausea after it: gas, though not named.
  {
    family: 'gas',
    strength: 'strong',
    firm: true,
    life: true,
    zh: [`${GAS_APPLIANCE}[^。！？]{0,10}${STRONG_SMELL}[^。！？]{0,24}${GAS_SICK}`],
  },
  // The report first and the person after it, in voice-to-text order: "不见了 我妈 …".
  {
    family: 'missing',
    strength: 'strong',
    zh: [`(?:^|[，。！？\\s])(?:人)?(?:不见了|找不到了|走丢了|走失了|丢了)[\\s，,]*${KIN}`],
  },
  // A person gone who knows where: "阿公不知走去哪里".
  { family: 'missing', strength: 'strong', zh: [`${KIN}[^，。！？]{0,4}(?:不知|不知道)(?:走|跑|去|溜达)(?:去|到)?(?:哪里|哪儿|哪|何处)(?:了|去了)?`] },
  // Sitting by water or at an edge and wanting to walk or step down into it.
  {
    family: 'self_harm',
    strength: 'strong',
    firm: true,
    life: true,
    zh: [`${WATER_EDGE}[^。！？]{0,12}(?:想|好想|真想|很想|就想|只想)(?:走|跳|跨|迈|沉|扎)下去`],
  },
  // A threat to kill, said or shouted, with the person at the door or about to come.
  {
    family: 'violence',
    strength: 'strong',
    life: true,
    zh: [`(?:说|喊|扬言|放话|吼)(?:着)?(?:今天|今晚|马上|现在|等会儿?)?(?:就)?(?:要|非要|一定要)${KILL}${TARGET}`],
  },
  { family: 'violence', strength: 'weak', zh: ['(?:在)?(?:外面|门外|门口)(?:一直)?(?:砸门|踹门|撬门|拿刀砍门)'] },
  // Clothes soaked through with blood.
  { family: 'bleeding', strength: 'strong', zh: ['(?:被)?血(?:都|已经)?(?:浸透|湿透|染红|泡透)了?'] },
  // A ceiling or roof sagging or bulging (English).
  {
    family: 'collapse',
    strength: 'strong',
    en: ["(?:ceiling|roof|beam)s? (?:in [a-z' ]{1,24} )?(?:is |are |'s )?(?:sagging|bulging|bowing|caving in|coming down)"],
  },
];

// Minnan (闽南) forms, one unit for one: 毋知 = 不知, 佗位 = 哪里 (where), 规日 = 整天 (all day),
// 揣无人 = 找不到 (searched and found nobody).
export const THIRTEENTH_PASS_DIALECT_FOLD: ReadonlyArray<readonly [string, string]> = [
  ['毋知', '不知'],
  ['佗位', '哪里'],
  ['规日', '整天'],
  ['揣无人', '找不到'],
];

// The danger is over or was never there: the person safe after a scam call, a device no longer
// used, a distress that is not of the body, a phrase said as a habit of speech.
export const THIRTEENTH_PASS_RESOLUTIONS: readonly Resolution[] = [
  {
    families: ['violence', 'missing', 'trapped'],
    zh: '(?:他|她|孩子|儿子|女儿|人)(?:还|都|也)?好好的|平安无事|安然无恙|(?:是|遇到了?|碰到了?)(?:骗子|诈骗|骗局)',
    en: "(?:he|she|they|the kid|my son|my daughter)(?:'s| is| was| are) (?:safe|fine|ok|okay) (?:at|in)",
  },
  { families: ['fire', 'gas', 'electric'], zh: '(?:现在|已经|早就|早)(?:就)?(?:不用|停用|没用|不再用|拆掉)了' },
  { families: ['unconscious', 'fall', 'bleeding'], zh: '不是身体(?:上)?的(?:问题|毛病|原因)|身体(?:上)?没(?:什么|啥)?(?:问题|毛病)' },
  { families: ['self_harm'], zh: '口头禅|(?:随口|顺口)(?:说说|一说|说的)|说着玩的' },
];

// Look-alikes by kind of blind13's false alarms (masked like NOT_DANGER).
export const THIRTEENTH_PASS_NOT_DANGER: readonly string[] = [
  // A burns clinic or department asked about.
  '烧伤(?:科|医院|门诊|整形|中心)|烫伤(?:科|门诊)',
  // Money or goods not arrived yet: "补偿还没到".
  '(?<=(?:补偿|补贴|赔偿|工资|钱|款|快递|包裹|货|通知|结果|名额|证件|卡|退款|报销)(?:款|金|费)?(?:都|也)?)还没(?:有)?(?:到|下来|发)',
  // Eyes that cannot see: blindness, not a person out of sight.
  '眼睛(?:都|也|已经)?(?:看不见|看不清|瞎)了?',
  // Asking whether words were a threat, to complain or sue.
  '(?:是不是|算不算|属不属于|构不构成|算是|属于|构成)(?:一种|一个)?(?:威胁|恐吓|敲诈|勒索)',
  // "X死人了" as an intensifier: "熏死人了", "吵死人".
  '(?:熏|呛|臭|吵|热|冷|累|烦|忙|饿|困|笑|气|馋|急|挤|晒|闷)死人(?:了|啦)?',
  // A door that would not open, with the person already out; a cistern or tap that keeps running.
  '(?:打不开|开不了|出不来|锁住了)(?=[^。！？]{0,12}(?:人)?(?:已经|都)(?:出来|救出来|弄开|打开)了)',
  '(?:水箱|马桶|水龙头|龙头|阀门)[^，。！？]{0,4}(?:一直|老是|总是)?(?:在)?(?:流水|漏水|滴水)[\\s，,]*(?:关不住|关不上|关不紧)?',
  // An address given on its own: "地址是…号 二楼".
  '地址(?:是|在|:|：)[^，。！？]{0,16}(?:号|栋|幢|单元|室|楼)(?:\\s*[一二三四五六七八九十\\d]+(?:楼|层|室))?',
  // Hurt once and changed since: "从工地受伤回来以后脾气很差".
  '受(?:了)?伤(?:回来)?(?:以后|之后|后)(?=[^。！？]{0,10}(?:脾气|性格|心情|整天|情绪|变了|不爱))',
];

export const THIRTEENTH_PASS_NOT_DANGER_EN: readonly string[] = [
  // "On fire" as praise of performers.
  "(?:team|band|crew|dancers?|troupe|choir|squad|players?|singers?|performers?|performance|show|dance|striker|shooter) (?:was|were|is|are|'s|'re) (?:really |so |totally |absolutely |just |literally )?on fire",
  // Smoke from a chimney, a kiln or a kitchen: pollution to report.
  'smoke from (?:the|a|that|this) (?:[a-z]+ )?(?:kiln|factory|chimney|plant|restaurant|bbq|barbecue|incinerator|grill)',
  // A team or volunteers for flood work.
  'flood (?:response|relief|rescue|prevention|control|preparedness) (?:team|squad|volunteers?|work|crew|training|drills?)',
  // An illness in the past, told for its cost: "after my husband's stroke".
  "(?:after|since) (?:my|his|her|our|their) (?:[a-z]+'s )?stroke(?![^.!?]{0,24}(?:today|this morning|tonight|just now|an hour|minutes ago))",
];

// --- Patterns of the scope readings (danger.scope.ts) ---

/** Denied intent right before a cue: "没想(过)伤害自己", "不想伤害", "从来没打算". */
export const ZH_DENIED_INTENT_BEFORE =
  /(?:没|没有|从没|从来没|并没有?|也没|不|从不|绝不|不会)(?:有)?(?:真的?)?(?:想(?!到)过?|打算过?|考虑过?|要)(?:要|去)?\s*$/;
/** A cue's last clause that opens with a denial: "燃气的，没有异味". */
export const ZH_DENIAL_OPENING =
  /^\s*(?:也|都|并|倒|可)?(?:没有|没|无|并没有)(?:什么|啥|任何)?(?:异味|怪味|气味|味道?|烟味?|火苗?|明火|火星|焦味|裂缝|裂纹|伤口?|血)/;
/** English: a wound no longer bleeding ("it stopped bleeding"). */
export const EN_STOPPED_BEFORE = /\b(?:stopped|has stopped|no longer|isn'?t|not)\s+$/;

/** An animal in Chinese or English. */
export const ANIMAL_ANY =
  /狗|猫|宠物|兔子|鹦鹉|仓鼠|乌龟|金鱼|鸡|鸭|鹅|牛(?!奶)|羊(?!水)|猪(?!肉)|鸟|\b(?:dog|dogs|puppy|puppies|cat|cats|kitten|kittens|pet|rabbit|parrot|hamster|bird|chicken|goat|sheep|cow|pig|piglets?|horse)\b/;
/** An owner right before an animal, and a call for helpers: these name no person in danger. */
export const ANIMAL_OWNER_OR_HELPER =
  /(?:(?:我|我们|咱|咱们|俺|他|她|邻居|村里)(?:家)?(?:的|里的)?\s*(?=狗|猫|宠物|兔|鹦鹉|仓鼠|乌龟|金鱼|鸡|鸭|鹅|牛|羊|猪|鸟|[a-z]))|\b(?:my|our|his|her|their|the neighbou?r'?s)\s+(?=[a-z])|有没有人(?=帮|能|可以|会)|谁(?:能|可以|会)?(?=帮)/g;

/** A staged or fictional setting before a cue: a drill, a simulation, a show, a film, a game, a song. */
export const ZH_STAGED_BEFORE =
  /演练|演习|模拟(?!考|题|卷|测|器|经营|人生|城市|炒股|面试)|扮演|新闻(?:里|上|中)|报道(?:里|中)|彩排|排练|剧本杀|密室|综艺|(?:电视)?剧(?:里|中|叫|名)|戏里|节目(?:里|中)|电影里|电影中|片子里|动漫|漫画|游戏里|minecraft|我的世界|主打歌|歌(?:叫|名)|\b(?:band|movie|film|scene|drama|tv show|video game|escape room|role[- ]?play|mock)\b/;
/** Right after a cue, the scene of a story: "洪水戏", "火灾镜头". */
export const STAGED_AFTER = /^\s*(?:的)?\s*(?:戏|镜头|片段|情节|剧情|特效|scenes?|episode)/;
/** An event during the setting, not in it: "演练的时候真有人晕倒了", "看电影时突然着火". */
export const DURING_STAGED =
  /^[^，。！？]{0,4}(?:的时候|时候|时|中途|期间|当中)|(?:结束|散场|散会|下课|完)(?:了)?(?:后|以后|之后)|突然|忽然|结果|真的|有人真|今天|今晚|现在|刚才|刚刚|\b(?:really|actually|suddenly|today|now|after)\b/;
/** A name given right before a cue: "歌叫 Fire", "叫《被困》", "called Flood". */
export const NAMED_BEFORE = /(?:(?:叫做|名叫|名字叫|取名|取名叫|名为|题为)\s*|叫\s*["“《「'‘]\s*|\b(?:called|named|titled)\s+["“'‘]?)$/;
/** Before an English cue inside Chinese: "主打歌叫 Fire". */
export const NAMED_BEFORE_EN = /叫\s*$/;
/** A year long gone right before a cue: "the 1998 flood", "98年的洪水". */
export const YEAR_BEFORE = /(?:\b(?:19\d\d|200\d|201\d)\b|(?:19)?9\d年|(?:20)?0\d年)(?:的|那场|那次|\s)*\s*$/;

/** An ordinary question that opens the message: "想问一下", "先问下", "请问", "想帮我妹问一下". */
export const ORDINARY_OPENING =
  /^[^。！？]{0,12}(?:想问(?:一下|下)?|先问(?:一下|下)?|请问|咨询(?:一下|下)?|问一下|打听(?:一下|下)?|想了解|想帮[^，。！？]{0,6}问)/;
/** A turn to another matter after it: "顺便说一下", "其实我现在", "刚才" (not "刚才说的"), "另外", "对了". */
export const TURN =
  /顺便(?:说|提|讲|问)?(?:一下|下|一句)?|其实|(?:刚才|刚刚)(?![^，。！？]{0,2}(?:说|提|讲|问|聊)(?:的|过|到))|另外|对了|还有(?:就是|个事|件事)|by the way|actually|just now/g;

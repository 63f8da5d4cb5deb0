// The danger check's fourteenth pass (decision 0056): the words of the readings blind14 showed,
// each written as a general reading by kind (a sign and its setting, a kind of look-alike, a kind of
// "over"), never as a sentence of the set. Cues, masks, resolutions and homophone folds are appended
// to DANGER_CUES, NOT_DANGER, NOT_DANGER_EN, RESOLUTIONS and HOMOPHONE_FOLD in danger-vocabulary.ts;
// the patterns of the turn and of the scope readings are read by danger.turn.ts and danger.scope.ts.
// Patterns read the normalised text: traditional characters are folded.
import type { DangerCue, Resolution } from './danger-vocabulary.js';

// Burning fuel indoors without a chimney: a charcoal brazier, a coal stove, briquettes.
const SMOULDER = '(?:炭火盆|炭盆|火盆|炭火(?!烧烤|烤肉|烤串|锅|店)|烧炭|木炭|煤炉子?|煤球炉?|蜂窝煤|煤饼|烧煤|煤火|火炉子?|炉子)';
// What carbon monoxide does: dizziness, headache, nausea, red lips, drowsiness, legs that give way.
const CO_SICK =
  '(?:头昏|头晕|发晕|晕乎|晕沉|头痛|头疼|恶心|想吐|呕吐|嘴唇(?:都|也)?(?:红红|发红|通红|樱桃红|红得)|昏昏沉沉|迷迷糊糊|昏睡|叫不醒|喊不醒|睡不醒|犯困得|站不住|站不稳|腿软|没力气)';
// A wall or slope that holds earth back.
const RETAINING = '(?:挡土墙|护坡|边坡|堡坎|保坎|坡坎|土坎|石坎|围墙|院墙|山墙|墙体|墙(?![上纸面皮漆画角根])|山坡|坡)';
// Leaning, bulging or cracking more and more: a wall about to come down.
const GIVING_WAY =
  '(?:往外(?:斜|倒|歪|鼓|倾|凸)|向外(?:斜|倒|歪|鼓|倾|凸)|外斜|外倾|鼓(?:出来|起来|了个包|包)|裂(?:缝|口|纹)?(?:越来越大|越裂越大|越来越宽|越来越长)|一直(?:往下)?掉(?:石头|土|渣)|在掉(?:石头|土块)|往下(?:溜|滑)土)';

// Things one is "trapped in" only figuratively: work, study, paperwork, feelings, the past.
const ABSTRACT =
  '(?:工作|学习|作业|生活|回忆|过去|情绪|琐事|家务|加班|文件|会议|报表|表格|材料|论文|项目|数据|题海|考试|事情|杂事|债务|焦虑|内耗|手机|网络|游戏)';
// An animal run off or lost, and words for people, which end the search that may be masked after it.
const ANIMAL_LOST = '(?:牛|羊|猪|马|驴|狗|猫|鸡|鸭|鹅)(?:又|都)?(?:跑|走)?(?:丢|没|不见)了';
const PERSONISH = '(?:人|爷|奶|爸|妈|孩|娃|他|她|老|叔|伯|婆|公|儿|女|姐|哥|弟|妹)';

export const FOURTEENTH_PASS_CUES: readonly DangerCue[] = [
  // Carbon monoxide without a gas word: a brazier or coal stove, then the sickness it brings.
  {
    family: 'gas',
    strength: 'strong',
    firm: true,
    life: true,
    zh: [`${SMOULDER}[^。！？]{0,30}${CO_SICK}`, `${CO_SICK}[^。！？]{0,16}(?:屋里|房间里?|屋子里?)[^。！？]{0,8}(?:烧|生|点|烤)(?:着)?${SMOULDER}`],
  },
  // A retaining wall or slope leaning out, bulging, cracking wider or shedding stones.
  { family: 'collapse', strength: 'strong', life: true, zh: [`${RETAINING}[^。！？]{0,16}${GIVING_WAY}`] },
  {
    family: 'collapse',
    strength: 'strong',
    en: [
      "(?:retaining wall|garden wall|wall|slope|embankment|bank)(?: [a-z']+){0,4} (?:is |was |has been |keeps |started )?(?:leaning|bulging|tilting|bowing) (?:out|outwards?|over)",
    ],
  },
  // Unable to get out, with a call to be saved right after it: "出不去了 救我".
  { family: 'trapped', strength: 'strong', life: true, zh: ['(?:出不去|出不来|逃不出去|跑不出去)了?[\\s，,!！]*(?:快)?(?:来)?(?:救救?我|救命|来人|帮帮我)'] },
  // Inside a lift whose door will not open: "电梯里，门不开".
  { family: 'trapped', strength: 'strong', life: true, zh: ['电梯里[^。！？]{0,10}门(?:也|都|还|就是)?(?:不开|开不开|不动|卡死|关死)'] },
];

// Voice-to-text homophones of danger words that are no word themselves (one unit for one).
export const FOURTEENTH_PASS_HOMOPHONE_FOLD: ReadonlyArray<readonly [string, string]> = [
  ['出电了', '触电了'],
  ['人出电', '人触电'],
  ['处电了', '触电了'],
  ['触店', '触电'],
  ['昏谜', '昏迷'],
  ['婚迷', '昏迷'],
  ['云倒了', '晕倒了'],
  ['留血了', '流血了'],
  ['就命啊', '救命啊'],
  ['久命啊', '救命啊'],
  ['气中读', '气中毒'],
  ['碳中读', '碳中毒'],
  ['逆水了', '溺水了'],
  ['失宗', '失踪'],
  ['失纵', '失踪'],
  ['坍踏', '坍塌'],
  ['倒踏', '倒塌'],
  ['自惨', '自残'],
];

// The danger is over or handled: a child back at play, a person taken to hospital or treated, a
// fight already parted, nobody inside what fell, a person found and with someone now.
export const FOURTEENTH_PASS_RESOLUTIONS: readonly Resolution[] = [
  {
    families: ['fall', 'bleeding', 'unconscious'],
    zh: '(?:又|已经|现在|早就)(?:跑|跑去|跑出去|去|在|接着)?(?:玩|蹦|跳)(?:了|去了|起来了|得好好的)|活蹦乱跳|跟没事人一样',
    en: "(?:he|she|they)(?:'s| is| are) (?:back )?(?:home|out of hospital)(?: now)?(?: and| —|,)? (?:fine|ok|okay|well|doing well|better)|(?:fine|ok|okay|better) now",
  },
  {
    families: 'all',
    zh: '(?:已经|都|早)?被?(?:120|救护车)(?:拉|接|送|拖)(?:走|去医院)了|(?:已经|昨天|当时)(?:送医|送到医院|在医院)(?:处理|治疗|看)(?:过|好)了',
  },
  { families: ['violence'], zh: '(?:被|给)?(?:劝开|拉开|劝住|拉住|分开)了|(?:各自|各回各家|都)(?:散了|走了|回去了)' },
  {
    families: ['collapse', 'trapped', 'fire'],
    zh: '(?:里面|里头|里边|屋里|棚里|底下)(?:当时)?(?:没人|没有人|没住人|没在人|人不在)|(?:没人|没有人)在(?:里面|里头|底下)',
  },
  {
    families: ['self_harm', 'missing'],
    zh: '(?:后来|已经|现在|刚刚?)[^，。！？]{0,6}(?:找到|劝下来|劝回来|拉回来|带回来|接回来)(?:他|她|人)?了|现在(?:在|跟|和)[^，。！？]{0,6}(?:老师|医生|家人|民警|社工)(?:那里|那儿|身边|一起)',
  },
];

// Look-alikes by kind of blind14's false alarms (masked like NOT_DANGER).
export const FOURTEENTH_PASS_NOT_DANGER: readonly string[] = [
  // Figurative: getting up again after a fall in life; trapped in work or thoughts.
  '(?:在哪里|从哪里|哪儿)?跌倒了?(?:就|再|还能|还要|也要)?(?:再)?(?:从哪里|在哪里)?爬起来',
  `被?困在${ABSTRACT}(?:里|中|当中)(?:出不来)?`,
  `(?<=${ABSTRACT}(?:里|中|当中))出不来`,
  // Disasters of history known by their place: "唐山大地震", "汶川地震".
  '(?:唐山|汶川|玉树|雅安|舟曲|海城|邢台)(?:大)?(?:地震|泥石流)',
  // Not flooded: "车库没淹" (not "差点没淹死", which is near drowning).
  '(?<!差点|差一点|险些)(?:没|没有|并没|也没|都没)(?:被)?淹(?:着|到|上)?(?![^，。！？]{0,2}死)',
  // Charcoal of a barbecue or a hotpot restaurant: its smoke is a nuisance, not carbon monoxide indoors.
  '炭火(?=烧烤|烤肉|烤串|烤鱼|锅|火锅|店|饭)',
  // Hot water that does not come up (a solar heater, a pump): no person stuck.
  '(?:热水|水)(?:都|也|老是|总是)?上不来|上不来(?:热)?水',
  // An animal lost, not a person, and the search for it when no person is named: "牛跑丢了 找了一天".
  // (Read behind: an older mask may already cover the animal's words.)
  `${ANIMAL_LOST}`,
  `(?<=${ANIMAL_LOST}(?:(?!${PERSONISH})[^。！？]){0,4})(?:(?!${PERSONISH})[^。！？]){1,16}`,
  // Taken away by the ambulance: handled, not a person carried off.
  '被?(?:120|救护车|急救车)(?:拉|接|送|拖)(?:走|去医院|到医院)了',
];

export const FOURTEENTH_PASS_NOT_DANGER_EN: readonly string[] = [
  // The levels or signs of a flood warning, asked about.
  'flood (?:warning|alert) (?:levels?|signs?|system|colou?rs?|codes?|stages?)',
];

// --- Patterns of the turn (danger.turn.ts) and the scope readings (danger.scope.ts) ---

/**
 * A turn to another matter that stands on its own, with or without an ordinary question before it:
 * "哦还有", "话说回来", "还有一件事", "对了", "另外说一下", "oh and", "also,", "by the way".
 */
export const TURN_ANYWHERE =
  /哦还有|噢还有|还有(?:一件|个)事|话说回来|说回来|对了|另外(?:说|讲|提)(?:一下|下|一句)|顺便(?:说|提|讲)(?:一下|下|一句)|\boh,? and\b|(?:^|[.!?;]\s*)also,|\bby the way\b|\bbtw\b/g;

/** A story, a book, a textbook or a song before a cue: "课本上讲", "主人公最后…", "歌里唱的". */
export const ZH_TOLD_BEFORE =
  /课本(?:上|里)|教材(?:上|里)|书(?:上|里)(?:说|讲|写)?|小说|读书会|故事里|主人公|主角|歌里|歌词|唱的|\bthe news (?:said|says|reported)\b|\b(?:on|in) the news\b/;

const DECADES_AGO = '(?:[二三四五六七八九十几两]+十|十几|几十|\\d{2,})(?:多)?年(?:前|以前)';
/** Decades ago right before a cue ("二十年前走失的"), or an event of then earlier in its sentence ("三十年前那场大水把…"). */
export const LONG_AGO_BEFORE = new RegExp(`${DECADES_AGO}(?:的|那场|那次|那年)?\\s*$|${DECADES_AGO}的?(?:那场|那次|那年|那回)`);

/** A request to be taught or a drill held in the cue's sentence: "想请人来教…怎么应对 搞个演练". */
export const TRAINING_REQUEST =
  /(?:请|找)[^。！？]{0,6}(?:教|讲|培训)[^。！？]{0,24}(?:怎么|如何)(?:应对|处理|救|办|做)|(?:搞|组织|办|做)(?:个|一次|一场|一下)?(?:演练|演习|培训)/;

/** A cue's last clause that opens with a denial of a sign of fire or heat: "没冒火也不发热". */
export const ZH_DENIAL_OPENING_SIGNS = /^\s*(?:也|都|并|倒|可)?(?:没有|没|不)(?:冒(?:火|烟|火花|火星)|打火|起火|着火|发热|发烫|烧焦|漏电)/;

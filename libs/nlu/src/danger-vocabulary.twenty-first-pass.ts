// The danger check's twenty-first pass (decision 0066): the words of the readings blind21 showed,
// each written as a general reading by kind, never as a sentence of the set. The lever is a frame,
// not more idioms (danger.hyperbole.ts): a trivial cause (a maths problem, lunch, homework, a parking
// space, work, an exam …) with a degree mark (得, 到, 快, 要, 被, 太 …) and a death or harm word (想死,
// 跳楼, 淹死, 炸, 晕, 疯 …) is a figure of speech unless a real danger sign sits beside it (a method,
// a place, a time, a body sign, 真的, 不是开玩笑); a question asked of anyone ("如果遇到…应该",
// "如果有人晕倒 …") or a "when" that is a how-to ("地震的时候应该躲在哪里") is no event. Dangers
// over (nobody hurt, people at home, bandaged, saved from a fall, an old notice), and the misses'
// kinds: a combustion heater in a closed room, a terse cut with no object, more pinyin of a person
// who cannot be woken.
// Cues, masks and resolutions are joined with the twentieth pass's below, and read by
// danger-vocabulary.ts (it does not grow). Patterns read the normalised text.
import type { DangerCue, PinyinCue, Resolution } from './danger-vocabulary.js';
import { EIGHTEENTH_PASS_PINYIN_CUES } from './danger-vocabulary.eighteenth-pass.js';
import {
  TWENTIETH_PASS_CUES,
  TWENTIETH_PASS_NOT_DANGER,
  TWENTIETH_PASS_NOT_DANGER_EN,
  TWENTIETH_PASS_RESOLUTIONS,
} from './danger-vocabulary.twentieth-pass.js';

// --- Cues ---

const TWENTY_FIRST_PASS_CUES: readonly DangerCue[] = [
  // A burning heater or stove in a closed room, overnight or with someone in it: carbon monoxide
  // told without a symptom ("the kerosene heater was on all night with the windows shut"); not a
  // question about the practice ("is it safe to use a gas heater with the window closed?").
  {
    family: 'gas',
    strength: 'weak',
    en: [
      '(?<!(?:safe to|ok to|okay to|fine to|can (?:i|we)|should (?:i|we)|how to) (?:use|run|have|leave|keep) (?:a |an |the |my )?)(?:gas|kerosene|paraffin|propane|charcoal|coal|oil) (?:heater|stove|burner|brazier|grill)s?\\b[^.!?]{0,60}\\b(?:closed|sealed|shut|no window|windowless|all night|overnight)',
      '(?:closed|sealed|shut|windowless) (?:room|bedroom|garage|tent|cabin)[^.!?]{0,40}\\b(?:gas|kerosene|paraffin|propane|charcoal|coal) (?:heater|stove|burner|brazier|grill)',
    ],
  },
  // A terse cut told with no object: "已经割了", "我又划了" (not 割草, 割麦子, 割了个双眼皮: a word
  // after 了 other than a stop is an object or a story).
  {
    family: 'self_harm',
    strength: 'weak',
    zh: ['(?:^|[\\s，,。！？])(?:我)?(?:已经|刚刚?|刚才|又|还是)(?:割|划)了(?=[\\s，,。！？…]*$)'],
  },
];

const TWENTY_FIRST_PASS_PINYIN_CUES: readonly PinyinCue[] = [
  // A person who cannot be woken, lips turning purple, no breathing: "jiao bu xing".
  {
    family: 'unconscious',
    strength: 'strong',
    pinyin: ['jiao bu xing', 'han bu xing', 'zui chun fa zi', 'zui chun fa qing', 'lian fa zi', 'mei you hu xi', 'mei hu xi le', 'bu xing ren shi'],
  },
];

// --- Resolutions: the danger over ---

const TWENTY_FIRST_PASS_RESOLUTIONS: readonly Resolution[] = [
  // Saved from a fall: "还好扶住了", "幸亏抓住了栏杆".
  { families: ['fall'], zh: '(?:还好|幸好|幸亏|好在)(?:被人)?(?:扶住|抓住|拉住|站稳|稳住)' },
  // A cut dressed and stopped: "包好了 不流血了" (a dressing alone is no end: "流血不止 已经包上了").
  {
    families: ['bleeding'],
    zh: '(?:包好|包扎好|包上|贴好)(?:了)?[^。！？]{0,3}(?:不(?:再)?流(?:血)?了|血(?:也|已经|都)?止住了)|(?:已经|都)不(?:再)?流血了',
  },
  // Nobody hurt, the people at home or safe: "没人伤着", "人都在家" (都 wanted: "老人一个人在家" is who is at risk).
  {
    families: ['fire', 'flood', 'collapse', 'electric', 'gas'],
    zh: '没(?:有)?(?:人|谁)(?:受伤|伤着|伤到|被烧|被伤)|(?<![老个])人(?:都|也都)(?:在家|没事|安全|好好的|出来了)',
  },
  {
    families: ['fire', 'flood', 'collapse', 'gas'],
    en: '(?:everyone|everybody|all of us|we all|they all) (?:got out|is safe|are safe|is fine|are fine|is ok|are ok|made it out)(?! except| but)',
  },
  // Seen by a doctor and fine: "看了医生没事" (also as written in Cantonese, 睇咗醫生冇事).
  { families: 'all', zh: '(?:看了|看过|睇咗|睇过)(?:医生|醫生)[^。！？]{0,3}(?:没事|冇事|没什么事|没大碍)' },
  // An old notice or post: "一看是去年的".
  { families: ['missing'], zh: '(?:一看|原来|发现)(?:是|都是)(?:去年|前年|几年前|上个月|以前|很久以前)的' },
];

// --- Masks: figures and things only ---

const TWENTY_FIRST_PASS_NOT_DANGER: readonly string[] = [
  // A blow in scare quotes is a joke: "被他老婆'打'出门了".
  '[\'"“‘「](?:打|揍|杀|砍)[\'"”’」]',
  // A device against a danger wanted: "摔倒报警的那种东西", "防走失定位器".
  '(?:摔倒|跌倒|走失|防走失|防摔)(?:报警|监测|检测|定位|提醒)(?:器|的|装置|手环|设备|东西|功能)',
  // Words that cut like a knife: "说话像刀子一样".
  '(?:说话|嘴|话)(?:像|跟)刀子?(?:一样|似的)',
];

const TWENTY_FIRST_PASS_NOT_DANGER_EN: readonly string[] = [
  // Eagerness and annoyance: "dying to try it", "this queue is killing me", "I could die of embarrassment".
  '(?:dying|die) (?:to (?:see|try|know|go|meet|hear|get|eat|watch|visit)|for (?:a|some|the) \\w+)',
  '(?:queue|line|homework|exam|maths?|math|traffic|boss|job|work|shoes?|noise|show|game|wait)s? (?:is |are )?(?:literally )?killing me',
  'could (?:just )?die of (?:embarrassment|boredom|shame|laughter|laughing|cuteness|hunger)',
  // A device that is "dead", and an SOS about it: "SOS my printer is dead".
  '(?:\\bsos\\b[^.!?]{0,12})?(?:printer|phone|laptop|battery|computer|wifi|internet|tv|remote|charger|router)s? (?:is |was |just )?(?:dead|died)',
];

// --- The frames (danger.hyperbole.ts) ---

/** A trivial cause: something a death wish or a harm word is a figure about. */
export const TRIVIAL_CAUSE =
  /(?<![问话主议标难])题|数学|作业|功课|考试|期末|考(?:得|成)|午饭|晚饭|早饭|饭菜|食堂|难吃|排队|排了|车位|停车|游戏|天气|上班|工作|加班|老板|领导|电视剧|综艺|剧情|装修|电钻|噪音|广场舞|堵车|烟花|演出|比赛|球赛|作文|论文|ddl|deadline|kpi|题海|快递|外卖|跳舞|抢场地/;
/** A degree or a coming-to-pass between the cause and the figure: "难得", "难吃到", "要被", "太". */
export const DEGREE_MARK = /得|到|快|要|被|太|又|简直|原地|真是/;
/**
 * Between a trivial cause and its figure, a moment or a thing that can burn, burst or fall: the cause
 * is only when it happened ("上班的时候 厂里又爆炸了", "打游戏 充电宝炸了").
 */
export const EVENT_BETWEEN = /的时候|时候|突然|正在|刚才|刚刚|锅|炉|厂|罐|瓶|电|气|车|房|楼|屋|库|管|线|家|门|窗|墙|顶|桥|坝|堤|山|河|水|路|火|烟/;
/** Weight behind a death wish that no trivial cause explains: a loss, debt, illness, loneliness. */
export const SELF_HARM_WEIGHT = /找不到|失业|丢了工作|没钱|欠(?:债|钱|了)|离婚|分手|抑郁|活着|活不|没意思|撑不下去|孤独|生病|病了|没人|一个人/;
/** Someone else who fainted ("奶奶饿晕了"), not the writer made to feel faint by someone ("被娃气晕"). */
export const OTHER_FAINTED =
  /(?<!被[^，。！？\s]{0,3})(?:老人|奶奶|爷爷|外婆|外公|姥姥|姥爷|老太太|大爷|大妈|孩子|宝宝|小孩|同事|同学|他|她|爸|妈|老公|老婆)[^，。！？\s]{0,4}$/;
/** The harm words that are figures after a trivial cause. */
export const FIGURE_HARM = /死|跳(?:楼|河|江|海)|上吊|撞墙|吐血|疯|炸|崩溃|淹|晕(?!倒|过去|厥)|喘不过气|爆/;
/** A feeling with a harm word: "饿晕了", "气死了", "烦疯了". */
export const FEELING_FIGURE = /(?:饿|气|烦|笑|无聊|馋)(?:得|到)?(?:我)?(?:要|快)?(?:晕|死|疯|炸)/;
/** A real danger sign beside a figure: a method, a place, a time, a body sign, sincerity. */
export const REAL_SIGNAL =
  /真的|真想|不是开玩笑|没开玩笑|认真的|不是说笑|刀|药|绳|煤气|烧炭|割腕|遗书|楼顶|天台|窗台|窗户|阳台|河边|江边|桥上|今晚|现在就|马上就|血|受伤|倒在|倒地|不动|叫不醒|没反应|抽搐|昏迷|呼吸|救护车|120|110|119|报警|医院|送医|已经(?:吃|割|跳)/;
/** A question asked of anyone, not of a case: "如果遇到家暴", "如果有人晕倒". */
export const GENERIC_IF = /(?:如果|万一|要是|假如|假设)(?:在家|在外面|平时)?(?:遇到|碰到|遇上|有人|身边有人|家里有人|有老人|有小孩)/;
/** A how-to question after a generic if: "应该打什么电话", "是先打120还是". */
export const GENERIC_HOW = /应该|怎么办|怎么做|如何|该(?:怎么|打|找)|还是|打什么电话|找谁|想学|想了解/;
/** A "when" that opens a how-to, not a moment: "地震的时候应该躲在哪里". */
export const GENERIC_WHEN = /(?:的时候|时)(?=(?:应该|该|要|怎么|如何|咋|往哪|躲))/g;
/** Preparing ahead is a purpose like teaching, for a cue that is no event (no 了): "想提前问问", "教教孩子". */
export const PREPARED_PURPOSE = /提前(?:问问|问一下|了解|准备)|教教(?:孩子|老人|小朋友|学生)/;
/** A game named, and the one in danger is in it: "打游戏 队友被困". */
export const IN_GAME = /打游戏|玩游戏|游戏里|游戏中|开黑|副本/;
export const GAME_PERSON = /队友|角色|人物|npc|boss|我的号|小号|英雄/;
/** A symptom going on is no habit ("keeps throwing up"): EN_HABIT is read without it. */
export const EN_SYMPTOM_GOING_ON = /\bkeeps? (?:throwing up|vomiting|being sick|passing out|fainting|bleeding|shaking|choking|coughing)\b/g;

// --- Joined with the twentieth pass (danger-vocabulary.ts reads these) ---

export const TWENTIETH_AND_21ST_PASS_CUES: readonly DangerCue[] = [...TWENTIETH_PASS_CUES, ...TWENTY_FIRST_PASS_CUES];
export const TWENTIETH_AND_21ST_PASS_NOT_DANGER: readonly string[] = [...TWENTIETH_PASS_NOT_DANGER, ...TWENTY_FIRST_PASS_NOT_DANGER];
export const TWENTIETH_AND_21ST_PASS_NOT_DANGER_EN: readonly string[] = [...TWENTIETH_PASS_NOT_DANGER_EN, ...TWENTY_FIRST_PASS_NOT_DANGER_EN];
export const TWENTIETH_AND_21ST_PASS_RESOLUTIONS: readonly Resolution[] = [...TWENTIETH_PASS_RESOLUTIONS, ...TWENTY_FIRST_PASS_RESOLUTIONS];
export const EIGHTEENTH_AND_21ST_PASS_PINYIN_CUES: readonly PinyinCue[] = [...EIGHTEENTH_PASS_PINYIN_CUES, ...TWENTY_FIRST_PASS_PINYIN_CUES];
export { TWENTIETH_PASS_HOMOPHONE_FOLD } from './danger-vocabulary.twentieth-pass.js';

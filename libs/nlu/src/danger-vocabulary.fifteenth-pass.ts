// The danger check's fifteenth pass (decision 0058): the words of the readings blind15 showed, each
// written as a general reading by kind (a frame around a cue, a kind of "over", a sign and its
// setting), never as a sentence of the set. Cues, masks and resolutions are appended to DANGER_CUES,
// NOT_DANGER, NOT_DANGER_EN and RESOLUTIONS in danger-vocabulary.ts; the patterns of the frames are
// read by danger.frame.ts. Patterns read the normalised text: traditional characters are folded.
import type { DangerCue, Resolution } from './danger-vocabulary.js';

// A stretch of time without an answer: "一上午", "半天", "从早上到现在".
const UNANSWERED_SPAN = '(?:一上午|一下午|一早上|一晚上|一整天|一天|半天|好几个小时|几个小时|两三个小时|从早上到现在|从昨天到现在|从昨晚)';
// Living alone or with a condition that makes silence a danger.
const ALONE_OR_ILL = '(?:一个人住|独居|自己住|一个人在家|孤寡|高血压|心脏病|糖尿病|脑梗|中风过|老年痴呆)';
// A run of losses: work gone, a partner gone.
const LOSSES = '(?:工作(?:也|又)?(?:丢|没)了|失业了|被(?:辞退|裁)了|(?:女朋友|男朋友|老婆|老公|对象)(?:也|又)?(?:走了|跑了|分了|没了|离开了)|分手了|离婚了)';
// Sleepless and brooding: "晚上睡不着 一直在想事情".
const BROODING = '(?:睡不着|失眠|整夜整夜)[^。！？]{0,10}(?:一直|总是?|老是?|天天|整天|整晚)在?想(?:事情|事儿|很多)';
const AGE = '(?:\\d{1,2}|[一二三四五六七八九十两])\\s*(?:岁|周岁)';

export const FIFTEENTH_PASS_CUES: readonly DangerCue[] = [
  // An elder alone or ill who has not answered for hours: someone should knock (a welfare check).
  {
    family: 'unconscious',
    strength: 'weak',
    zh: [
      `${UNANSWERED_SPAN}[^。！？]{0,10}(?:都|也|一直|还)?(?:没|不)(?:人)?(?:接|回)(?=[^。！？]{0,40}${ALONE_OR_ILL})`,
      `(?<=${ALONE_OR_ILL}[^。！？]{0,30})${UNANSWERED_SPAN}[^。！？]{0,10}(?:都|也|一直|还)?(?:没|不)(?:人)?(?:接|回)`,
    ],
  },
  // Where to jump from to make it quick: a method sought.
  {
    family: 'self_harm',
    strength: 'strong',
    life: true,
    firm: true,
    zh: ['想[^。！？]{0,6}从哪(?:里|儿)?跳(?:下去)?', '(?:从)?(?:哪里|哪儿)跳下去[^。！？]{0,3}(?:比较|更|最)?(?:快|好|不疼|干脆|没痛苦)'],
  },
  // A small child run off out of sight, said in dialect without a missing word: "跑没影了 才4岁".
  {
    family: 'missing',
    strength: 'strong',
    zh: [`(?:跑|走|溜|耍)(?:得)?没影(?:儿)?了?[^。！？]{0,8}(?:才|只有|刚|刚满)\\s*${AGE}`, `${AGE}(?:的|多)?[^。！？]{0,12}(?:跑|走|溜)(?:得)?没影`],
  },
  // Self-harm implied: a run of losses with sleepless brooding (the question, not an alarm).
  { family: 'self_harm', strength: 'weak', firm: true, zh: [`${BROODING}(?=[^。！？]{0,40}${LOSSES})`, `(?<=${LOSSES}[^。！？]{0,40})${BROODING}`] },
  // A burner's flame doused by a pot boiling over: the gas runs on unlit.
  { family: 'gas', strength: 'strong', life: true, zh: ['(?:溢|扑|潽|漫)出来[^。！？，]{0,4}把火(?:给)?(?:浇灭|扑灭|浇熄|弄灭|灭)了?'] },
];

// The danger is over, checked, habitual or only talk.
export const FIFTEENTH_PASS_RESOLUTIONS: readonly Resolution[] = [
  // A joke, idle talk, children quarrelling: "开玩笑啦", "都是嘴上说说", "小孩子吵架".
  {
    families: ['self_harm', 'violence'],
    zh: '(?:是|在|都是|就是|只是)?(?:开玩笑|说着玩|闹着玩|嘴上说说|随口说说|说说而已|气话)',
    en: '(?:just |only )?(?:joking|kidding|a joke|talk)',
  },
  { families: ['violence'], zh: '小孩(?:子)?(?:之间)?(?:吵架|拌嘴|闹着玩|打闹)' },
  // Checked and found nothing: "燃气公司来测过 没有漏", "there's no smoke".
  { families: ['gas'], zh: '(?<![有不])没有?漏(?:气)?(?![了吗吧])|(?:测|检查|查)(?:了|过)[^。！？]{0,6}(?:没问题|正常)' },
  // Shut off and aired, the smell gone: "已经关了开窗了 现在没味了".
  { families: ['gas'], zh: '(?:现在|已经)(?:都)?(?:没|没有)(?:味|味道|气味|煤气味)了|已经关了' },
  { families: ['fire'], en: "(?:there's|there is|but|and) no (?:smoke|fire|flames?|burning)" },
  // The water shut off: "I've shut the valve", "关了总阀".
  {
    families: ['flood'],
    zh: '(?:已经)?(?:关|关掉|关上)了?(?:总)?(?:阀门|水阀|总阀|总闸|水闸)',
    en: "(?:i've|i have|we've|we have|i|we) (?:shut|turned|switched) (?:off )?(?:the )?(?:main )?(?:valve|water|stopcock|tap|mains)",
  },
  // Nobody hurt: what fell or burned hurt no one.
  {
    families: ['collapse', 'fire', 'flood', 'electric'],
    zh: '没(?:有)?伤(?:到|着)(?:人)|(?:没人|没有人)受伤|人(?:都)?没(?:事|受伤)',
    en: "(?:nobody|no one|no-one) (?:was |got )?(?:hurt|injured)|everyone(?:'s| is) (?:safe|fine|ok|okay)",
  },
  // Always so: a deaf sleeper, a habit of long standing.
  {
    families: ['unconscious', 'fall', 'missing'],
    zh: '一向(?:都|是)?(?:这样|如此)|向来(?:都|是)?(?:这样|如此)|从来都(?:是)?这样',
    en: '(?:always|has always been) like (?:this|that)',
  },
  // What is stuck has nobody inside: "车出不去 人在外面".
  { families: ['trapped'], zh: '(?<=^|[\\s，,。])人(?:都)?(?:在外面|没在里面|不在里面|不在车里|没在车里)' },
];

// Look-alikes by kind of blind15's false alarms (masked like NOT_DANGER).
export const FIFTEENTH_PASS_NOT_DANGER: readonly string[] = [
  // Figurative: "感觉天都塌了" after an exam.
  '(?:感觉|觉得|好像|简直|仿佛|像是?)(?:我的)?天(?:都|也)?(?:要)?塌(?:了|下来了?)',
  // A payment or parcel that has not arrived: no person missing.
  '(?<=(?:补贴|钱|款|工资|快递|包裹|通知|货|费)[^。！？]{0,14})还没(?:有)?到',
  // A door or window that will not close: nobody shut in.
  '(?:(?<!阀|闸)门|窗|窗户)(?:都|也|老是|总是)?关不(?:上|严|紧|住)',
];

export const FIFTEENTH_PASS_NOT_DANGER_EN: readonly string[] = [
  // Crops lost to a flood that is over: "we lost our crops in the summer flood".
  "(?:crops?|harvest|fields?|rice|corn|wheat)(?: [a-z']+){0,4} (?:in|to|from|during|by) (?:the |last |this )?(?:summer |spring |autumn |winter |last |recent |big )?floods?",
];

// --- Patterns of the frames (danger.frame.ts) ---

/** A report of someone else seen on the news, on television or on a short-video app, before a cue ("看电视说", "新闻上说"). */
export const ZH_REPORTED_BEFORE =
  /看(?:了)?(?:个|一个|一条|到)?(?:新闻|电视|抖音|快手|视频|短视频)(?:上|里)?[，,\s]?(?:说|讲|报道)|(?:新闻|电视|抖音|快手|视频)(?:上|里)(?:说|讲|报道|播|刷到)|新闻(?:说|报道)|\bon (?:tv|the news|tiktok|douyin)\b/;

/** Fear or a preventive step after a practice (not an event): "我怕有危险", "要不要装个报警器", "in case". */
export const FEAR_AFTER =
  /(?:怕|担心|害怕)(?:会)?(?:有|出)(?:危险|事|意外|问题)|(?:要不要|能不能|想|去)(?:装|安|配)(?:个|一个|上)?[^。！？]{0,8}(?:报警器|探测器)|^[^。！？，\s]{0,3}的话怎么办|^(?:起来)?怎么办[^。！？]{0,12}(?:要不要|提前|预防|事先)|\b(?:just )?in case\b/;

/** Fear that it will happen, before a cue: "总觉得自己会", "老担心会". */
export const ZH_FEAR_WILL_BEFORE = /(?:总|老|一直)(?:是)?(?:觉得|感觉|担心|怕|害怕)[^。！？]{0,8}会/;

/** A denial of what the cue says, right before it: "不是要想不开", "不是真的想". */
export const ZH_NOT_MEANT_BEFORE = /不是(?:要|想|说|真的?)?\s*$/;

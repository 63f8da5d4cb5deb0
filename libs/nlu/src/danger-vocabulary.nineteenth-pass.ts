// The danger check's nineteenth pass (decision 0063): the words of the readings blind19 showed, each
// written as a general reading by kind, never as a sentence of the set. Most are false alarms (the
// target blind19 missed): dangers over and handled (a smell gone after the gas company came, a person
// stable in hospital, let out of a lift, nobody hurt and only things burnt), fears and prevention
// without a sign (danger.frame.ts: a fear word before the cue and a device, a repair or a talk
// wanted), rumours asked about, property only (an empty house, nobody in the car), figures of speech
// (炸了一样, an idol's 塌房, a fall "in love"), a story's call for help, a relative "always like
// this", help wanted after a fall that is over. Misses: homophone typos of 走失 beside a child or an
// elder, and the turn "还有就是" before a danger at the tail of a long ordinary request.
// Cues, masks and resolutions are appended to DANGER_CUES, NOT_DANGER, NOT_DANGER_EN and RESOLUTIONS
// in danger-vocabulary.ts. Patterns read the normalised text.
import type { DangerCue, Resolution } from './danger-vocabulary.js';

// A child or an elder of the family, named before what happened to them.
const CHILD_OR_ELDER =
  '(?:孩子|小孩|小孩子|娃|娃娃|儿子|女儿|闺女|孙子|孙女|外孙|宝宝|老人|老人家|老头|老太|老太太|爷爷|奶奶|外公|外婆|姥姥|姥爷|我爸|我妈|老爸|老妈|老父亲|老母亲)';

export const NINETEENTH_PASS_CUES: readonly DangerCue[] = [
  // 走失 typed by sound (zǒu shī): "走湿了", "走是了", "走十了" beside a child or an elder.
  {
    family: 'missing',
    strength: 'strong',
    life: true,
    zh: [`${CHILD_OR_ELDER}[^。！？]{0,8}走(?:湿|是|十|石|师|诗|尸|实|式|施|丝|狮|事)(?:了|啦)`],
  },
];

// The danger is over, or was never to a person.
export const NINETEENTH_PASS_RESOLUTIONS: readonly Resolution[] = [
  // A smell gone, the gas company or a repairer come and gone: "味道已经没了", "燃气公司来看过了".
  {
    families: ['gas'],
    zh: '(?:味|味道|气味|臭味|煤气味|燃气味)(?:已经|现在|也|都|早就)*(?:没了|没有了|散了|散掉了|消失了|闻不到了|淡了)|(?:燃气公司|煤气公司|燃气的人|燃气师傅|维修师傅|师傅)(?:已经|都)?(?:来)?(?:看过|查过|检查过|修过|修好|处理过|处理好|来过)了',
    en: '(?:smell|odou?r) (?:is |has )?(?:gone|cleared)|gas (?:company|board|engineer) (?:came|has been|checked)',
  },
  // Stable, out of danger, discharged: "现在稳定了", "已经脱离危险".
  {
    families: ['unconscious', 'fall', 'bleeding', 'gas', 'electric', 'trapped'],
    zh: '(?:现在|目前|已经)(?:人)?(?:情况|病情)?(?:已经|都|也|基本|基本上)*(?:稳定(?:了|下来了)|脱离(?:了)?危险|没(?:什么)?大碍|没事了|出院了)',
    en: '(?:is|are|was) (?:now )?(?:stable|out of danger)|(?:has been|was) discharged',
  },
  // Let out or brought out: "后来物业放出来了", "已经救出来了".
  {
    families: ['trapped', 'fall', 'flood'],
    zh: '(?:后来|已经|都|早就|马上就|很快就)[^。！？]{0,6}(?:放|救|弄|拉|抬|接|捞|扶|抱)(?:了)?出来了',
    en: '(?:was|were|got|been) (?:let|got|pulled|rescued|brought) out',
  },
  // Nobody in the car or the room: "人不在车里", "车里没人".
  {
    families: ['flood', 'collapse', 'trapped', 'fire'],
    zh: '人(?:也|都)?(?:没|不)(?:在)?(?:车里|车上|车内|屋里|家里)|(?:车里|车上|车内)(?:也|都)?没(?:有)?人',
  },
  // A relative out of reach "always like this": a habit, no disappearance.
  {
    families: ['missing'],
    // Not beside a disappearance named (decision 0064: "失踪两天了 他平常就不爱接电话" stays).
    zh: '(?<!(?:失踪|走丢|走失|找不到|不见了|报警)[^]*)(?:平时|平常|平日|一向|向来|一直|经常|老是)(?:就|都|也)?(?:这样|这个样子|这样子|不接电话|不爱接电话)(?![^]*(?:失踪|走丢|走失|找不到|不见了|报警))',
  },
];

// Look-alikes by kind of blind19's false alarms (masked like NOT_DANGER).
export const NINETEENTH_PASS_NOT_DANGER: readonly string[] = [
  // A likeness: "炸了一样烫", "着火了似的" (heat, noise, a rush).
  '(?:炸|爆|爆炸|着火|烧|烧起来|塌)(?:了)?(?:一样|似的|一般)',
  // An idol "collapses" (a fan's word), the heart "collapses".
  '(?:偶像|爱豆|明星|idol|本命|墙头|哥哥|姐姐|男神|女神|主播|人设)[^。！？]{0,4}塌房(?:了|啦)?',
  '心(?:都|也)?(?:塌|碎|凉|死)(?:了|掉了)',
  // A fall in love, work or money: "感情上摔了个大跟头".
  '(?:感情|恋爱|事业|生意|人生|工作|投资|股票|股市|考试|婚姻|学习|职场)(?:上|里|中)?[^。！？]{0,3}(?:摔|栽)(?:了)?(?:个|一个)?(?:大|好大的|狠狠的)?跟头',
  // A question about the word: "什么是救命", "救命是什么意思" (a story told to a child).
  '(?:什么是|什么叫|啥是|啥叫)(?:救命|求救|呼救)|(?:救命|求救|呼救)(?:是)?(?:什么|啥)意思',
  // Parcels piling up at a parcel station: work, no one missing.
  '(?<=(?:快递站|驿站|快递点|网点|仓库|菜鸟)[^。！？]{0,20})(?:包裹|快递|货)[^，。！？]{0,4}堆',
  // The writer oversleeping: the one who writes is awake ("我总是睡不醒").
  '(?:我|俺)(?:总是|老是|每天|天天|最近|早上)?(?:都)?睡不醒',
  // Since a fall that is over, help to get about: "摔了以后走路不方便".
  '(?:摔|摔伤|摔断|摔坏|骨折|跌)(?:了)?(?:腿|脚|腰|胯|一跤)?(?:以后|之后|后)(?=[^。！？]{0,10}(?:不方便|不便|不利索|走不了远|康复|恢复|拄|轮椅|助行|护理|陪护))',
];

export const NINETEENTH_PASS_NOT_DANGER_EN: readonly string[] = [
  // Things burnt (stuff to clear), not a burn to a person.
  'burnt (?:stuff|things|items|furniture|debris|mess|rubbish|junk|walls?|doors?|paint|bits|carpet)',
];

// --- Patterns of the frames (danger.frame.ts, danger.turn.ts) ---

/** A turn marker that stands on its own: "还有就是", "还有一个事". */
export const TURN_ANYWHERE_NINETEENTH = /还有就是|还有一(?:个|件)事/g;
/** Fear or prevention before the cue: "怕他走丢", "担心起火", "怎么防一氧化碳中毒". */
export const ZH_FEAR_WORD = /(?:怕|担心|害怕|担忧|就怕|防止|预防|(?:怎么|如何|咋)(?:防|预防|避免))/g;
/** A device, a repair, a talk or advice wanted: the fear is prevention, not a report. */
export const PREVENTIVE_WANT =
  /定位|手环|报警器|探测器|监控|换(?:一下|个|根|掉)?(?:电线|线路|软管|管子|插座|新的)|(?:来|去|帮忙|帮我们)换|讲讲|讲座|科普|(?:注意|小心)(?:些|点)?什么|有(?:什么|没有|啥)(?:办法|东西|设备)|要不要(?:装|买|换|配)|防护/;
/** Hearsay passed round: "群里传说", "网上传", "听人说". */
export const ZH_RUMOUR_BEFORE = /(?:群里|网上|朋友圈|村里|外面|有人)(?:都)?(?:在)?(?:传说|传|说|讲)|传说|谣传|听说|听人说/;
/** Asked whether it is true: the resident has not seen it. */
export const ZH_TRUTH_QUESTION = /是(?:不是)?真的(?:吗|嘛|么)?|真的假的|是不是谣言|(?:官方|政府|上面)(?:有)?(?:通知|说法)(?:吗|没有|没)/;
/** A report on a medium named in English inside Chinese: "看 news 说", "刷 tiktok 看到". */
export const ZH_REPORTED_MIXED_BEFORE = /(?:看|刷|听)(?:了|到)?\s*(?:news|tiktok|douyin|youtube|video|wechat)\s*(?:上|里)?\s*(?:说|讲|看到|报道)/;
/** An empty building: "老房子没人住", "空房子". */
export const EMPTY_PLACE = /没(?:有)?人住|没住人|空(?:着的)?(?:房子|屋|屋子|院子|楼)|房子空着|屋(?:子)?空着|荒(?:废)?(?:了的)?(?:房子|屋)/;
/** A person hurt or under it after all: an empty house is no property-only event then. */
export const PERSON_HURT = /砸到|压到|压住|埋了|埋住|受伤|有人|人在里|被困/;

// The danger check's sixteenth pass (decision 0059): the words of the readings blind16 showed, each
// written as a general reading by kind, never as a sentence of the set. Self-harm gets a mechanism of
// its own: the person is at a height or a water's edge NOW, and distress, hopelessness or not wanting
// to go back is said in the same message (likely); a long account of losses that trails off (possible).
// Cues, masks and resolutions are appended to DANGER_CUES, NOT_DANGER, NOT_DANGER_EN and RESOLUTIONS
// in danger-vocabulary.ts. Patterns read the normalised text: traditional characters are folded.
import type { DangerCue, Resolution } from './danger-vocabulary.js';

// A height or a water's edge a person can stand on.
const EDGE = '(?:天台|楼顶|顶楼|屋顶|房顶|阳台(?:外面|边上|栏杆)|窗台|桥上|大桥|桥边|河边|江边|湖边|海边|水库边|悬崖|崖边|山顶)';
// Now there: "现在站在…天台上", "现在在桥上", "还在上面", "站在楼顶".
const NOW_THERE = `(?:(?:现在|正|此刻|刚才|还)(?:一个人)?(?:站|坐|蹲|待|呆)?在[^。！？]{0,8}${EDGE}|(?:站|坐|蹲)在[^。！？]{0,8}${EDGE}|(?:我|人)在${EDGE}|在${EDGE}(?:上)?(?:站|坐|待|呆)了)`;
// Distress, hopelessness, an end: said by the person at the edge.
const DISTRESS =
  '(?:不想回去|不想回家|不想再?活|不知道自己在干(?:什么|嘛|啥)|就这样吧|撑不下去|活不下去|熬不下去|好累|太累了|累了|没意思|没有意思|没用|没意义|受不了了|对不起|再见了|永别|脚(?:已经)?(?:跨|迈|伸)出去|想跟人说说话|没人在乎|解脱)';
// A run of losses told at length: wages owed, illness, debt, family burdens.
const LOSS_STORY = '(?:工钱|工资|欠薪|讨薪|欠(?:了)?(?:钱|债)|借(?:了)?钱|网贷|生病|住院|离婚|孩子上学|要不回来)';

const EN_EDGE = '(?:roof(?:top)?|bridge|ledge|cliff(?:\\s+edge)?|edge of the (?:roof|bridge|cliff|river))';
const EN_DISTRESS =
  "(?:can't go on|cannot go on|don't want to go (?:back|home|on)|do not want to go (?:back|home|on)|so tired|no point|what's the point|i'm done|i am done|goodbye|sorry for everything)";

export const SIXTEENTH_PASS_CUES: readonly DangerCue[] = [
  // At a height or the water's edge now, with distress in the same message: either order.
  {
    family: 'self_harm',
    strength: 'strong',
    life: true,
    firm: true,
    zh: [`${NOW_THERE}(?=[\\s\\S]{0,40}${DISTRESS})`, `(?<=${DISTRESS}[\\s\\S]{0,40})${NOW_THERE}`],
    en: [
      `(?:i'm|i am|standing|sitting) (?:standing |sitting )?(?:on|at) (?:the |a |this )?${EN_EDGE}(?=[\\s\\S]{0,60}${EN_DISTRESS})`,
      `(?<=${EN_DISTRESS}[\\s\\S]{0,60})(?:i'm|i am|standing|sitting) (?:standing |sitting )?(?:on|at) (?:the |a |this )?${EN_EDGE}`,
    ],
  },
  // A long account of losses that trails off about oneself: "觉得自己…", "觉得自己真的没用".
  {
    family: 'self_harm',
    strength: 'weak',
    firm: true,
    zh: [`(?<=${LOSS_STORY}[\\s\\S]{0,120})觉得自己(?:[^。！？，]{0,8}(?:…|\\.{3}|。。)|(?:真的|真是|就是)?(?:没用|是个废物|一无是处|是多余的|活着没意思))`],
  },
  // A boat capsized and people not come up: people in the water.
  {
    family: 'flood',
    strength: 'strong',
    life: true,
    zh: ['(?:船|龙舟|皮划艇|竹筏|小艇)[^。！？]{0,8}翻了[^。！？]{0,12}(?:没(?:有)?(?:浮|冒|游)上来|没上来|不见(?:人)?了)'],
    en: ["(?:boat|canoe|kayak|raft) (?:capsized|flipped|overturned)(?: [a-z']+){0,8} (?:not|never|didn't|haven't) (?:come|came|surfaced) ?(?:up|back)?"],
  },
  // Stranded on an island or a roof with the water rising.
  {
    family: 'trapped',
    strength: 'strong',
    life: true,
    zh: ['(?:困|被困|留|待|站)在[^。！？]{0,8}(?:岛|沙洲|河心|屋顶|房顶)上?[^。！？]{0,20}水(?:还在|一直|越来越)?(?:涨|上涨|往上(?:涨|漫))'],
    en: [
      "(?:stuck|stranded|trapped|cut off)(?: [a-z']+){0,3} on (?:the |a )?(?:small |little )?(?:island|sandbar|roof)(?: [a-z']+){0,5},? (?:the )?water (?:is )?(?:going up|rising|coming up)",
      "(?:river|flood) ?water(?: [a-z']+){0,4},? (?:my |our )?(?:[a-z]+ )?(?:and (?:me|i) )?on the roof now",
    ],
  },
  // Fainted, came to, and unresponsive again.
  {
    family: 'unconscious',
    strength: 'strong',
    life: true,
    zh: ['(?<=(?:晕|昏)(?:过去|倒)[^。！？]{0,16}醒[^。！？]{0,8})又(?:没(?:有)?反应|不省人事|晕(?:过去|倒)?了|昏(?:过去|迷)了?|叫不醒|不动了)'],
  },
];

// The danger is over, checked, or only talk.
export const SIXTEENTH_PASS_RESOLUTIONS: readonly Resolution[] = [
  // A laugh after it: "…快打起来了，哈哈", "I'm gonna die … 哈哈".
  { families: ['self_harm', 'violence'], zh: '哈哈|笑死|😂|🤣', en: 'lol|lmao|haha' },
  // A leak shut off and mopped: "把总阀关了", "已经拖干了".
  { families: ['flood'], zh: '把(?:总)?(?:阀门|水阀|总阀|总闸|水闸)(?:给)?关(?:了|掉|上)|(?:已经)?(?:拖|擦|吸|扫)干(?:净)?了' },
  // Only asleep after all: "原来只是睡着了", "he was just asleep".
  { families: ['unconscious', 'missing'], zh: '(?:原来|只是|其实)(?:在)?睡着了|睡得太(?:死|沉)了', en: '(?:was|is) (?:just|only) (?:asleep|sleeping)' },
  // A fall told to ask for grab bars: "想装扶手".
  { families: ['fall'], zh: '(?:想|要|欲|想欲)[^。！？]{0,6}(?:装|安装|加装)(?:个|些)?扶手' },
];

// Look-alikes by kind of blind16's false alarms (masked like NOT_DANGER).
export const SIXTEENTH_PASS_NOT_DANGER: readonly string[] = [
  // Hyperbole of anger: "气得我想杀人".
  '(?:气|恨|烦)得(?:我)?(?:想|要)(?:杀人|杀了(?:他|她)|打人|跳楼)',
  // A parent's marriage threat: "再不结婚她就跳河".
  '(?:再不|不)(?:结婚|找对象|嫁人|生孩子)[^。！？]{0,6}就(?:要|去|会)?(?:跳河|跳楼|上吊|喝药|去死)',
  // A worried relative asking for counselling: "怕她想不开 有没有心理老师".
  '(?:怕|担心|害怕)(?:她|他|孩子|闺女|儿子|女儿|老人)(?:会)?想不开(?=[^。！？]{0,24}(?:心理|咨询|聊聊|辅导|老师|疏导))',
  // A scam call claiming an accident: "打电话说我儿子出车祸要打钱".
  '说[^。！？]{0,12}(?:出(?:了)?车祸|出事了?|被抓了?|住院了?)(?=[^。！？]{0,16}(?:打钱|转账|汇款|诈骗|骗子))',
  // Rumours and science of earthquakes: "听说要地震了", "地震科普馆".
  '(?:听说|据说|网上说|有人说|传言)[^。！？]{0,6}(?:要|会|快)地震',
  '地震(?=[^。！？]{0,6}(?:科普|知识|馆|演练|体验|好奇))|(?:好奇|了解|学习)[^。！？]{0,6}地震',
  // Smoke from a chimney: pollution, not a fire.
  '烟囱[^。！？]{0,10}(?:烟|smoke)',
  // Tired "to death" after a long shift: a figure of speech, and the shift itself.
  '(?:累|忙|困)死(?:我)?了(?=[^。！？]{0,16}(?:钟头|小时)(?:的)?班)',
  '(?:上|干|加|值)了?[^。！？]{0,6}(?:个)?(?:钟头|小时)(?:的)?班',
  // A door frame bent, with the door that will not close before it: a repair.
  '(?<=门关不(?:上|严|紧|住)[^。！？]{0,4})门框(?:都|也)?变形了?',
  // Crops nobody harvests.
  '(?:菜|白菜|庄稼|粮食|果子|水果|苹果|橘子)[^。！？]{0,8}没人收',
];

export const SIXTEENTH_PASS_NOT_DANGER_EN: readonly string[] = [
  // Hyperbole: "he'd kill me if I ate his noodles".
  "(?:he'd|she'd|they'd|he would|she would|he'll|she'll|mum'll|mom'll) kill me if",
  // A landlord or an office that does not answer.
  "(?:landlord|agent|company|office|shop) (?:does not|doesn't|won't|did not|didn't|never) (?:answer|reply|respond)",
];

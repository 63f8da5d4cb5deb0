// The danger check's eleventh pass (decision 0051): readings by family of the kinds blind11 missed,
// each written as a general reading (a sign and its setting), never as a sentence of the set.
// Appended to DANGER_CUES, NOT_DANGER and NOT_DANGER_EN in danger-vocabulary.ts; ZH_ONGOING is read
// by danger.context.ts.
import type { DangerCue } from './danger-vocabulary.js';

// A lift in Mandarin or Cantonese (𨋢).
const LIFT = '(?:电梯|升降梯|𨋢|轿厢|梯)';
// Parts of a building a fire shows at from outside.
const BUILDING_PART = '(?:窗口|窗户|窗子|窗台|阳台|屋里|屋子|房子|房间|楼里|楼道|楼上|厨房|[一二三四五六七八九十几\\d]+(?:楼|层))';
// A smell that is not named as gas.
const ODD_SMELL = '(?:怪味|异味|怪怪的味道?|臭味|臭鸡蛋味|刺鼻的?味道?)';
// Headache, dizziness or nausea beside it.
const SICK = '(?:头(?:很|好|特别|有点|一直)?(?:痛|疼|晕|昏)|想吐|恶心|吐了)';
// Pets and plants a person hands over.
const KEPT = '(?:猫|狗|猫咪|狗狗|小狗|小猫|鱼|鹦鹉|仓鼠|兔子|宠物|花)';

export const ELEVENTH_PASS_CUES: readonly DangerCue[] = [
  // Trapped in a lift said without a subject or 在: "困电梯里了", "卡电梯里", "困咗喺𨋢入面".
  {
    family: 'trapped',
    strength: 'strong',
    zh: [`(?:困|卡|关)(?:咗|住|着|了)?(?:喺|在|响)?${LIFT}(?:里|里面|里头|入面|中间)`, `^(?:困|卡)(?:住)?${LIFT}了?[！!。]*$`],
  },
  // A bare report, the whole message: "火！", "出不去了" (asked about: two to six characters say
  // too little to be sure, and too much to be let go).
  { family: 'fire', strength: 'weak', zh: ['^(?:火|大火|火火火)[！!]+$'] },
  { family: 'trapped', strength: 'weak', zh: ['^(?:人)?(?:出不去|出不来|下不来|下不去|开不了门)了?[！!。]*$'] },
  // Fire seen at a part of a building: "窗口在冒火", "楼上冒火了".
  { family: 'fire', strength: 'strong', zh: [`${BUILDING_PART}[^，。！？]{0,4}(?:在|正在|一直)?(?:冒火|窜火|往外冒火|火苗往外窜)`] },
  // Smoke coming in under or through a door: the fire is on the other side.
  { family: 'fire', strength: 'strong', zh: ['门缝(?:底下|下面|里|外)?[^，。！？]{0,4}(?:一直|不停)?(?:往里|往屋里)?(?:钻|冒|进|灌|飘)(?:进来)?(?:黑)?烟'] },
  // Someone waving or calling from a window (a hint beside a fire or water).
  { family: 'trapped', strength: 'weak', pairOnly: true, zh: ['有人(?:在)?(?:窗户?|窗口|阳台|楼顶|房顶)(?:边|上|那儿|那里)?(?:挥手|招手|喊救命|呼救|喊)'] },
  // Water rising at home: "楼下水越来越高" (asked about; a street after rain says the same).
  { family: 'flood', strength: 'weak', zh: ['(?:楼下|家里|屋里|院子里?|一楼|门口)的?水(?:越来越高|越涨越高|还在涨|一直在涨|涨得(?:很|好|特别)快)'] },
  // An odd smell indoors with headache or nausea beside it (gas or carbon monoxide not named).
  {
    family: 'gas',
    strength: 'strong',
    firm: true,
    life: true,
    zh: [`(?:厨房|屋里|家里|房间|卫生间|浴室)[^。！？]{0,8}${ODD_SMELL}[^。！？]{0,16}${SICK}`],
  },
  // Farewell signs (belongings given away are read elsewhere): a diary or letters burnt (a hint);
  // nobody will be bothered again; a pet handed over with a goodbye.
  {
    family: 'self_harm',
    strength: 'weak',
    pairOnly: true,
    zh: ['(?:日记|信|照片)(?:本)?(?:也|都|全)?(?:烧了|烧掉了|撕了)'],
  },
  { family: 'self_harm', strength: 'weak', zh: ['(?:以后|明天|再也)?不会再?有人(?:烦|麻烦|拖累|吵)(?:他们|你们|大家|她|他)了'] },
  {
    family: 'self_harm',
    strength: 'weak',
    zh: [
      `(?![\\s\\S]*(?:出差|旅游|旅行|出远门|回老家|出国|住院|几天|一周|一个月|周末))${KEPT}[^。！？]{0,8}(?:拜托|麻烦|交给|托付)[^。！？]{0,8}(?:照顾|养|喂)[^。！？]{0,8}(?:再见|永别|拜拜|别了)`,
    ],
  },
  // English: come somewhere "to end it"; ending it at a cliff, bridge or roof.
  {
    family: 'self_harm',
    strength: 'strong',
    life: true,
    en: [
      '(?:came|come|went|here) (?:\\w+ ){0,4}to end it(?: all)?',
      'end (?:it|it all|my life)(?:\\W+\\w+){0,12}\\W+(?:cliff|bridge|roof|rooftop|ledge|edge|tracks)',
    ],
  },
];

// Still going on: water still rising, fire still spreading. A cast or a check-up beside it does not
// make the message an aftermath.
export const ZH_ONGOING = /(?:水|火|烟)(?:还在|一直在?|越来越)(?:涨|往上涨|上涨|往上冒|冒|大|高|深)/;

// Look-alikes by kind of blind11's false alarms (masked like NOT_DANGER, which they join).
export const ELEVENTH_PASS_NOT_DANGER: readonly string[] = [
  // A quarrel that nearly came to blows, told with a laugh: "差点打起来，哈哈".
  '(?:差点|险些|差一点)(?:就)?(?:打起来|动手|打架|干起来)了?[，,。！!～~ ]{0,2}(?:哈哈|呵呵|嘿嘿|hhh|😂|🤣)',
  // Sweating from exercise: "跳舞跳得满头大汗".
  '(?:跳|跑|干|练|打|踢|爬|走|骑|游)[^，。！？]{0,4}得满头大汗',
  // Hot or thirsty "to smoking": "热得冒烟".
  '(?:热|渴|干|晒)得(?:直)?冒烟',
  // Ankle-deep water at a drain or gutter: drainage, not water entering a home.
  '(?:雨水井|下水道|排水沟|排水口|下水口|水沟|阴沟|井盖)[^。！？]{0,12}积水[^，。！？]{0,2}(?:到|没过|淹到|齐)了?脚(?:踝|脖子?|面)',
  // Embarrassed "to death": a figure of speech.
  '(?<=(?:尴尬|丢人|丢脸|羞|囧|社死)得?)(?:想死|要死|想去死|想原地去世)',
  // Domestic violence asked about for someone who has already left: a legal question.
  '家暴(?=[^。！？]{0,20}保护令[\\s\\S]{0,40}(?:已经|现在)[^。！？]{0,4}(?:搬出来|搬走|离开|分开|安全))',
  // A kidnapping claimed on the phone to get money, the relative found safe: a scam.
  '被绑架(?=[^。！？]{0,8}(?:要|让)(?:我)?(?:转钱|转账|汇款|打钱)[\\s\\S]{0,40}(?:诈骗|骗子|好好的|平安无事|没事))',
  // How a disaster forms: a science question.
  '(?:地震|火灾|台风|洪水|闪电|雷电|海啸)(?:是)?(?:怎么|如何|怎样)(?:形成|产生|来)的',
];

export const ELEVENTH_PASS_NOT_DANGER_EN: readonly string[] = [
  // Fire as a show or as spirit: fire dancers, "so much fire in them".
  'fire[- ]?(?:dancers?|dancing|dance|breathers?|breathing|eaters?|eating|jugglers?|juggling|shows?|twirl\\w*|spinners?|spinning)',
  '(?:so much|such|lots of|full of|real|some) fire in (?:them|him|her|us|you|me|their \\w+|his \\w+|her \\w+)',
];

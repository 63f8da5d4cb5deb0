// The danger check's seventeenth pass (decision 0060): the words of the readings blind17 showed, each
// written as a general reading by kind, never as a sentence of the set. False alarms first: danger
// words used as figures for a grade, a song, a business, a mood, the internet or the weather; worried
// relatives who report no sign; a shop that "cannot hold on"; preventive questions; smoke explained on
// a second look; animals only; models that collapse; dangers over. Then the two misses: bleeding that
// will not stop on a blood thinner, and means with a time but no death word.
// Cues, masks and resolutions are appended to DANGER_CUES, NOT_DANGER, NOT_DANGER_EN and RESOLUTIONS
// in danger-vocabulary.ts. Patterns read the normalised text: traditional characters are folded.
import type { DangerCue, Resolution } from './danger-vocabulary.js';

// A blood thinner named: warfarin, aspirin, clopidogrel, rivaroxaban, "anticoagulant".
const THINNER = '(?:华法林|阿司匹林|氯吡格雷|波立维|利伐沙班|抗凝(?:药)?|抗血小板)';
// Bleeding that goes on: "流了半小时了还在流", "止不住", "一直在流", "流个不停".
const BLEEDS_ON = '(?:流了[^。！？]{0,10}还在流|(?:血)?止不住|一直(?:在)?流(?:血)?|流个不停|(?:血)?停不下来|按了[^。！？]{0,8}还在(?:流|渗))';
// Means of self-harm on hand: a rope, pills saved up, charcoal, a knife, pesticide.
const MEANS_READY = '(?:绳子|麻绳|安眠药|药|农药|炭|木炭|刀)(?:我)?(?:有|有了|攒够了|攒齐了|买好了|准备好了|备好了|都在)';
// A time set, and an end without a death word: "今晚就结束", "明天就…".
const TIME_END = '(?:今晚|今天晚上|今夜|今天|明天|明晚|这周末|周末)(?:就|便)?(?:结束|了结|解脱|走|上路|…|\\.{3}|。。)';

export const SEVENTEENTH_PASS_CUES: readonly DangerCue[] = [
  // Bleeding that will not stop while on a blood thinner, in either order.
  {
    family: 'bleeding',
    strength: 'strong',
    zh: [`${BLEEDS_ON}(?=[\\s\\S]{0,40}${THINNER})`, `(?<=${THINNER}[\\s\\S]{0,40})${BLEEDS_ON}`],
    en: [
      "(?:won't|will not|doesn't|does not|can't) stop bleeding(?=[\\s\\S]{0,60}(?:warfarin|blood thinner|aspirin|anticoagulant|clopidogrel))",
      "(?<=(?:warfarin|blood thinner|aspirin|anticoagulant|clopidogrel)[\\s\\S]{0,60})(?:won't|will not|doesn't|does not|can't) stop bleeding",
    ],
  },
  // Means on hand and a time set, without a death word: "绳子有 今晚就结束".
  {
    family: 'self_harm',
    strength: 'strong',
    life: true,
    firm: true,
    zh: [`${MEANS_READY}[^。！？]{0,12}${TIME_END}`],
    en: [
      "(?:rope|pills|charcoal)(?: [a-z']+){0,3} (?:ready|saved up|bought|enough)(?: [a-z']+){0,4},? (?:tonight|tomorrow)(?: i'll| i will)? (?:end it|finish it|be done|it ends)",
    ],
  },
];

// The danger is over, or explained on a second look.
export const SEVENTEENTH_PASS_RESOLUTIONS: readonly Resolution[] = [
  // Smoke explained: "仔细看是人家在熏腊肉", "原来是在烧烤".
  {
    families: ['fire'],
    zh: '仔细(?:一)?看(?:是|原来|才知道)|(?:原来|其实)是[^。！？]{0,8}(?:熏|烤|烧烤|做饭|炒菜|腊肉|香肠|蒸汽|水汽)',
    en: "(?:turned out|turns out) (?:to be|it was|it's) (?:someone |a neighbou?r )?(?:smoking|grilling|cooking|steam|a barbecue)",
  },
  // The injured already taken by an ambulance: "120已经把人拉走了".
  {
    families: ['bleeding', 'fall', 'unconscious', 'trapped'],
    zh: '(?:120|救护车)(?:已经|都)?(?:把(?:人|伤者|伤员|他|她|老人))?(?:拉|接|送|带|拉走|接走)(?:走)?了',
    en: '(?:ambulance|paramedics) (?:already |have already )?(?:took|taken|came and took) (?:them|him|her|the injured)',
  },
];

// Look-alikes by kind of blind17's false alarms (masked like NOT_DANGER).
export const SEVENTEENTH_PASS_NOT_DANGER: readonly string[] = [
  // A grade or a song that "explodes": "成绩炸了", "这首歌太炸了".
  '(?:成绩|分数|考试|考得|数学|英语|语文|物理|化学)[^。！？]{0,4}炸了',
  '(?:歌|曲子|音乐|节奏|舞台|现场|效果|气氛|造型|舞)[^。！？]{0,3}(?:太|好|真|超|很)?炸(?:了|裂)?',
  // A foundation, a world, a mood that "collapses": "数学基础塌方了", "整个世界都塌了".
  '(?:基础|成绩|世界|人设|心态|信仰|三观)(?:都|也|全)?(?:塌方|塌|崩塌)(?:了|下来了)?',
  // Hot or tired "to death" and dizzy: the weather, "热得要死 脑壳都晕了".
  '(?:热|晒|闷)得(?:要死|要命|不行|受不了)(?:[^。！？]{0,10}晕(?:了|乎乎)?)?',
  '(?<=(?:热|晒|闷)得(?:要死|要命|不行|受不了)[^。！？]{0,10})晕(?:了|乎乎)?',
  // Life without the internet, a phone or coffee: "没网我活不下去".
  '没(?:有)?(?:网|网络|wifi|手机|空调|奶茶|咖啡|游戏)(?:的话)?(?:我|谁)?(?:都|真)?(?:活不下去|会死|要死|不想活)',
  // A worried relative reporting no sign: "没有说过想不开", a letter that reads "像遗书" from a happy child.
  '没(?:有)?(?:说过|提过|讲过|表现出|流露过)?(?:要|想)?想不开',
  '(?<=(?:信|作文|日记|写)[^。！？]{0,16})像遗书(?:一样)?',
  // A business that cannot hold on: "店快撑不下去了", "生意做不下去".
  '(?:店|店铺|铺子|门面|生意|公司|餐馆|饭店|厂子?|摊子?|工作室)(?:快|要|都|实在)?(?:撑|开|做|干|经营)不下去了?',
  // A preventive question with a talk wanted: "烧炭会不会中毒 想找人来讲讲".
  '(?:(?:烧炭|烧煤|炭火|炭盆|煤炉)(?:取暖)?[^。！？]{0,6})?会不会(?:一氧化碳)?中毒(?=[^。！？]{0,20}(?:讲讲|讲一讲|讲座|科普|宣传|劝劝|说说))',
  '(?:烧炭|烧煤|炭火|炭盆|煤炉)(?:取暖)?(?=[^。！？]{0,6}会不会(?:一氧化碳)?中毒[^。！？]{0,20}(?:讲讲|讲一讲|讲座|科普|宣传|劝劝|说说))',
  // An animal only in the water: "有条狗掉进水里了".
  '(?:狗|小狗|猫|小猫|鸡|鸭|鹅|羊|牛)(?:子)?[^。！？]{0,3}(?:掉进|掉到|掉在|落进|跌进)(?:了)?(?:水|河|湖|池塘|井|沟)(?:里)?(?:了)?(?:[^。！？]{0,4}扑腾)?',
  '(?<=(?:狗|猫|鸡|鸭|鹅|羊|牛)(?:子)?[^。！？]{0,3}(?:掉进|掉到|掉在|落进|跌进)(?:了)?)(?:水|河|湖|池塘|井|沟)(?:里)?(?:了)?(?:[^。！？]{0,4}扑腾)?',
  // Smoke of a barbecue or a restaurant blown in (the retrained backup's): a nuisance, not a fire.
  '(?:烧烤|烤肉|烤串)(?:店|馆|摊)(?:子)?(?:的)?烟(?!囱)(?:[^。！？]{0,12}(?:灌|飘|钻|熏)(?:进来|进去)?)?',
  '(?<=(?:烧烤|烤肉|烤串)(?:店|馆|摊)(?:子)?(?:的)?烟)[^。！？]{0,12}(?:灌|飘|钻|熏)(?:进来|进去)?',
  // A model or homework that collapses: "桥梁模型 压一下就塌了".
  '(?:模型|积木|沙堡|纸桥|作业)[^。！？]{0,12}(?:就|都|又)?(?:塌|垮)了?',
];

export const SEVENTEENTH_PASS_NOT_DANGER_EN: readonly string[] = [
  // A stall, a band or a team "on fire": busy or in form.
  "(?:stall|shop|restaurant|band|team|crowd|market|dj|striker|he|she)(?: is|'s| was) on fire (?:tonight|today|this (?:week|season|year))",
  // A fire months ago, asked about rebuilding: "burned down in March".
  '(?:burned|burnt) down (?:in (?:january|february|march|april|may|june|july|august|september|october|november|december|\\d{4})|last (?:year|month|spring|summer|autumn|winter))',
];

// The danger check's twentieth pass (decision 0064): the words of the readings blind20 showed, each
// written as a general reading by kind, never as a sentence of the set. Most are false alarms:
// questions asked to learn or to teach (danger.purpose.ts: a purpose named and a how-to question, the
// signs before a danger asked about), figures of speech (a phone or a plan that "explodes" or
// "collapses", 救命 after a small trouble, "on fire" of a show, a deadline that "kills"), dangers
// explained or over (nothing burning, the power cut, a lift that went on, nobody under a wall),
// property and animals (a fence or a field washed away; helpers wanted for an animal), a rescue seen
// on a video app, a factory's smoke complained about. Misses: words typed by sound (a table of
// sound-alike characters applied to danger phrases), a farewell letter with "don't look for me", and a
// threat told now inside a question about debts or legal aid (danger.purpose.ts).
// Cues, masks, folds and resolutions are appended to DANGER_CUES, NOT_DANGER, NOT_DANGER_EN,
// HOMOPHONE_FOLD and RESOLUTIONS in danger-vocabulary.ts. Patterns read the normalised text.
import type { DangerCue, Resolution } from './danger-vocabulary.js';

// --- Reading by sound ---

/**
 * Characters typed for one another because they sound alike (the same toneless syllable), for the
 * characters of the danger phrases below: a voice input or a pinyin keyboard picks the wrong one.
 */
export const SOUNDS_LIKE: Readonly<Record<string, string>> = {
  血: '学雪穴削',
  住: '主注驻柱助',
  梯: '题提体踢替',
  晕: '云运匀',
  倒: '到导',
  昏: '婚荤',
  迷: '谜米眯',
  救: '就久旧',
  命: '明名鸣',
  火: '伙或货',
  冒: '帽貌',
  烟: '眼言颜盐',
  跳: '条挑调',
  楼: '搂篓',
  触: '出处除',
  电: '店垫殿',
  困: '捆',
};

/** Danger phrases of three characters or more (shorter ones would be words of their own when one character changes). */
const BY_SOUND_PHRASES: readonly string[] = [
  '流血了',
  '出血了',
  '流血不止',
  '止不住',
  '电梯里',
  '电梯门',
  '困在电梯',
  '晕倒了',
  '昏迷了',
  '救命啊',
  '着火了',
  '冒烟了',
  '跳楼了',
  '触电了',
];

/** Forms one character away from a phrase that are words or common strings themselves: never folded. */
const BY_SOUND_WORDS: ReadonlySet<string> = new Set(['电提门', '电体里', '出处了', '救名啊']);

/** Every form one sound-alike character away from a danger phrase, read as the phrase (same length). */
export function soundAlikeFold(phrases: readonly string[] = BY_SOUND_PHRASES): Array<readonly [string, string]> {
  const out = new Map<string, string>();
  for (const phrase of phrases) {
    const chars = [...phrase];
    chars.forEach((ch, i) => {
      for (const alike of SOUNDS_LIKE[ch] ?? '') {
        const form = [...chars.slice(0, i), alike, ...chars.slice(i + 1)].join('');
        if (!BY_SOUND_WORDS.has(form) && !out.has(form)) out.set(form, phrase);
      }
    });
  }
  return [...out.entries()];
}

export const TWENTIETH_PASS_HOMOPHONE_FOLD: ReadonlyArray<readonly [string, string]> = soundAlikeFold();

// --- Cues ---

export const TWENTIETH_PASS_CUES: readonly DangerCue[] = [
  // A farewell letter and "don't look for me": "留给你们的信写好了 别找我". Not a letter of a kind
  // (推荐信, 辞职信: a character right before 信 other than 封 or 的).
  {
    family: 'self_harm',
    strength: 'weak',
    zh: ['(?:^|[\\s，,。！？]|封|的)(?:信|遗书|遗言)(?:我)?(?:已经|都)?(?:写好|留好|放好)了[^。！？]{0,6}(?:不用|别|不要)(?:再)?(?:找|等)我'],
  },
];

// --- Resolutions: the danger explained or over ---

export const TWENTIETH_PASS_RESOLUTIONS: readonly Resolution[] = [
  // Nothing burning after all: "检查了 什么都没着".
  { families: ['fire'], zh: '(?:啥|什么)(?:也|都)没(?:着|烧|冒烟)' },
  // The power cut by the writer: "已经拉闸了", "先断电了".
  // Only after a fitting with no person named between ("我爸被电了 已经拉闸了" stays).
  {
    families: ['electric'],
    zh: '(?<=(?:插座|插头|开关|面板|电线|线路|电箱|电表)[^。！？人你他她爸妈孩娃]{0,12})(?:已经|都|先)(?:把)?(?:电闸|总闸|闸)?(?:拉闸|关闸|断电|拉了闸|关了闸|拉掉了|关掉了)(?:了)?',
  },
  // A lift that stopped and went on, nobody inside: "卡了一下马上又好了", "没人被困".
  // "马上就开了" alone is a promise, not an outcome: 又 is wanted.
  { families: ['trapped'], zh: '没(?:有)?人(?:被)?(?:困|关)(?:住|着|在里面)?|(?:马上|很快|一会儿?|立马)(?:就)?又(?:好了|动了|开了|正常了)' },
  // Nobody under what fell: "没压着人", "没砸到人".
  { families: ['collapse'], zh: '没(?:有)?(?:压|砸)(?:着|到|伤)(?:人|谁)|没(?:有)?人(?:被)?(?:压|砸|埋)' },
  // A relative who never reads the phone: "平时也经常不看手机".
  // Not beside a disappearance named ("失踪三天了 他平时也不看手机" stays).
  {
    families: ['missing'],
    zh: '(?<!(?:失踪|走丢|走失|找不到|不见了|报警)[^]*)(?:平时|平常|一向|向来)(?:也|就|都)?(?:经常|老是|总是)?不(?:看|回|接|爱看|爱回)(?:手机|微信|消息|电话)(?![^]*(?:失踪|走丢|走失|找不到|不见了|报警))',
  },
  // Smoke explained as cooking: "it's just the grills".
  { families: ['fire'], en: "it'?s (?:just|only) (?:the )?(?:grills?|bbq|barbecues?|cooking|steam|incense)" },
];

// --- Masks: figures of speech and things only ---

export const TWENTIETH_PASS_NOT_DANGER: readonly string[] = [
  // A plan, a mood or a belief that "collapses": "计划全塌了".
  '(?:计划|安排|方案|行程|心态|信心|梦想|三观|精神|情绪)(?:全|都|也|彻底|一下子)?(?:塌|崩|垮)(?:了|掉了)',
  // A phone or a group that "explodes" with calls or messages: "手机要炸了 一直有人打电话".
  '(?:手机|电话|微信|群|消息)(?:都|也|真|简直)?(?:要|快)?(?:被)?(?:打|刷|吵)?(?:爆|炸)了(?=[^。！？]{0,10}(?:一直|不停|好多|太多|全是|都是)[^。！？]{0,6}(?:电话|消息|信息|问|催|@))',
  // A call for help after a small trouble: "停电了没网 救命", "救救我吧 这题".
  '(?:断网|没网|网断了|网卡|wifi|作业|加班|考试|堵车|好热|好冷|太热|太冷|好饿|好难|太难)[^。！？]{0,4}(?:救命|救救我)',
  '(?:救命|救救(?:我|孩子))(?:吧|啊)?[^。！？]{0,4}(?:作业|功课|考试|题)',
  // Work that "kills": "ddl 要 kill 我了" (also as the mixed reading glosses it, kill → 杀).
  '(?:deadline|ddl|作业|工作|老板|考试|加班|论文|表格|项目|kpi)\\s*(?:要|快|真的|简直)?\\s*(?:要)?\\s*(?:kill|杀)\\s*(?:我|me)',
  // Intensifier and "on fire" in Chinese: "简直 on fire".
  '(?:简直|真是|真的|太|超级?|好)\\s*on fire',
  // A factory's smoke complained about: pollution, not a fire (no fire, person or rescue named).
  '(?:工厂|厂子|厂里|厂房|烟囱|化工厂|企业)[^。！？\\s火炸爆烧]{0,6}(?:排|冒|放)(?:黑烟|浓烟|烟)(?=[^]*(?:投诉|举报|污染|环保))(?![^]*(?:人|里面|被困|火|救))',
];

export const TWENTIETH_PASS_NOT_DANGER_EN: readonly string[] = [
  // A show, a team or a crowd "on fire": praise.
  '(?:dance|group|team|show|event|party|crowd|performance|band|player|game|sales|concert|class|choir|crew|squad|audience|stage)\\s+(?:\\w+\\s+){0,2}(?:was|is|were|are)\\s+(?:totally |really |so |absolutely |just )?on fire',
];

// --- Patterns of the frames (danger.purpose.ts) ---

/** A purpose of learning or teaching, or a play, named in the message: "给老人讲课用", "想学", a plot (剧情, 剧本) — a class or a show going on is no purpose. */
export const TAUGHT_PURPOSE =
  /讲课用|上课用|备课|教案|课件|科普|(?:想|要|准备|打算)(?:学|学习|学一下|学学)(?![校生费期])|(?:想|要|准备|打算)(?:给|跟|为|教)(?:我们|大家|老人|孩子|学生|小朋友|居民|员工)(?:们)?(?:讲|上课|科普|演示)|剧情|剧本/;
/** A how-to question after the cue: "应该怎么绕开", "怎么救", "第一步该干嘛". */
export const HOW_TO_AFTER = /怎么|如何|咋|该干嘛|该做什么|要注意|应该/;
/** Something happening now: a purpose named does not set aside "刚才…突然…". */
export const HAPPENING_NOW = /突然|刚刚|刚才|现在|正在|救命|快来|快点|的时候|期间|中途/;
/** The signs before a danger asked about: "滑坡前会有啥征兆". */
export const SIGNS_BEFORE_AFTER = /^(?:来|发生|到来)?之?前(?:会|都|一般)?(?:有)?(?:啥|什么|哪些)?(?:征兆|前兆|预兆|迹象|信号)/;
/** What to mind in a practice asked about, right after a cue that is no event: "烧炭取暖要注意啥". */
export const MIND_WHAT_AFTER = /^(?:时|的时候)?(?:要|该|应该|需要)?注意(?:些|点)?(?:啥|什么|哪些)|^(?:的)?注意事项/;
/** More wants of a preventive question (with PREVENTIVE_WANT): "要注意啥". */
export const PREVENTIVE_WANT_MORE = /注意(?:些|点)?啥|(?:怎么|如何)(?:防|预防|避免)/;
/**
 * A stranger's danger seen on a video app or the news: "抖音上看到有人…", "视频里刷到一个…". Not a
 * moment while watching ("看抖音看到一半 就晕过去了"), not a post of the writer's own place (朋友圈, 我们村 …).
 */
export const ZH_SEEN_ON_MEDIUM_BEFORE = /(?:抖音|快手|视频|短视频|新闻|电视|直播|微博)(?:上|里)(?:看到|看见|刷到)(?:了)?(?:有人|有个人|一个|一位|一群|个)/;
/** The writer's own place: a danger seen on a video app there is a danger near here. */
export const OWN_PLACE = /我们|咱们|附近|楼下|本村|小区|隔壁/;
/** Land, crops and fences: a collapse or a flood of these hurts no one by itself… */
export const PROPERTY_ONLY = /篱笆|栅栏|围栏|菜地|菜园|庄稼|大棚|鱼塘|田埂|稻田|玉米地|果园/;
/** …unless a person, a home or someone inside is named in the message ("水直冲下面几户人家", "在里面"). */
export const PEOPLE_OR_HOMES = /人|家|户|村|屋|房|楼|里面|里头|进去|出来|老[^师板鼠]/;
/** Helpers wanted for an animal are no person in danger: "要几个人帮忙拉". */
export const HELPERS_WANTED = /(?:要|找|来|叫|需要)(?:几个|个|一些|两个|些)?人(?:来)?帮忙/g;
/** A threat or an attack told now, inside a question about money or the law (tonight, at the door, knocking at it: decision 0075). */
export const THREAT_NOW =
  /今天|今晚|今夜|现在|正在|此刻|刚刚|刚才|马上|堵在|守在|围在|(?:在|到)(?:门口|楼下|家门口|门外)|上门|锁着门|冲上来|砸门|(?:敲|踹|撬)(?:我家|我们家|俺家)?(?:的)?(?:防盗)?门/;
/** …but not one told of a time gone by. */
export const THREAT_PAST = /上个月|去年|上周|前几天|之前|以前|前年|那次/;

// The danger check's twenty-sixth pass (decision 0071): dangers told as a situation, with no danger
// word. A careful clerk reads each of these as danger, though nothing in it says "fire", "fall" or
// "kill myself":
// - a person at a height (a roof, a crane, a bridge, a window ledge, outside a balcony) who will not
//   come down, or who says they will jump ("站在楼顶上不下来", "爬上塔吊说不给钱就跳", "won't come down
//   from the roof"); not an animal, a kite or a worker at work, not someone fishing on a bridge;
// - people under something that fell ("墙倒了…底下还有人", "the roof collapsed, some kids are under it");
//   not "under the table", not "nobody was under it";
// - a plan with the means and a time ("今晚就把那些药吃了", "tonight I'll take all the pills"): a
//   question when the plan stands alone, an emergency beside giving up a request or a farewell
//   ("算了", "不用了", "谢谢你们", "never mind"); not medicine taken as prescribed.
// In Chinese, English and pinyin; traditional characters are folded before the cues read the text.
// Cues are joined with the twentieth to twenty-second passes' and read by danger-vocabulary.ts (it
// does not grow).
import type { DangerCue, PinyinCue } from './danger-vocabulary.js';
import { TWENTIETH_TO_22ND_PASS_CUES } from './danger-vocabulary.twenty-second-pass.js';
import { EIGHTEENTH_AND_21ST_PASS_PINYIN_CUES } from './danger-vocabulary.twenty-first-pass.js';

// A height a person can stand on and fall or jump from.
const HEIGHT =
  '(?:楼顶|顶楼|天台|屋顶|房顶|塔吊|吊车|脚手架|烟囱|水塔|铁塔|高压塔|电线杆|广告牌|桥上|大桥|桥栏|桥墩|窗台|窗沿|阳台外(?:面|边)?|阳台栏杆|空调(?:外机)?架|栏杆外(?:面|边)?|楼边|楼沿|高架)';
// Getting there or being there.
const AT = '(?:站|坐|蹲|待|呆|爬|躲|跑|上|骑)';
// Not an animal or a thing up there: "猫爬到楼顶上不下来", "风筝挂在塔吊上".
const NOT_ANIMAL_BEFORE = '(?<!(?:猫|狗|鸟|鸽子?|鸡|鸭|鹅|猴子?|羊|松鼠|风筝|气球|无人机)[^。！？]{0,6})';
// Nor at work or at leisure up there: "在桥上钓鱼，天黑了还不下来", "在楼顶修屋顶".
const UP_THERE = '(?:(?!钓|玩|拍|晒|晾|修|干活|施工|作业|上班|工作|吃饭|乘凉|看风景|看日出|看烟花)[^。！？]){0,16}';
// Will not come down (not "下不来": stuck is read by older cues).
const WONT_COME_DOWN =
  '(?:不(?:肯|愿|愿意|想)?下来|不(?:肯|愿|愿意)下|不(?:肯|愿意)?进来|(?:劝|喊|叫)(?:都)?不下来|怎么(?:劝|喊|叫|说)都不(?:下来|下|听|理))(?!吃饭|睡觉|写作业|洗澡)';
// Says they will jump: "就跳", "要跳下去"; not a rope, a dance, a dive into a pool.
const WILL_JUMP = '(?:就|要|会|准备|想|马上)(?:要)?(?:跳|往下跳|跳下去|跳下来)(?!绳|舞|水|高|远|伞|蚤|槽|级|操|棋|楼梯|起|来跳去|一跳)';

// Something that fell on people: collapsed, came down, gave way.
const FELL = '(?:塌|垮|倒了|倒下|掉下来|砸下来|落下来|压下来|断了)';
// People (not "nobody", "不在", "没有人"): the gap may not deny.
const PEOPLE = '(?:人|孩子|小孩|学生|工人|老人|我爸|我妈|他|她|[一两三四五六七八九十几好]+个)';

// Giving up a request, or a farewell, anywhere in the message.
const GIVING_UP = '(?:算了|反正|不用了|不问了|白问|无所谓|一了百了|解脱|谢谢你们|谢谢大家|再见|永别|对不起)';
// A time soon.
const SOON = '(?:今晚|今天晚上|今夜|今天|等会儿?|待会儿?|一会儿|马上|明天|这就|现在就)';
// The means at hand, all of it: "那些药", "所有的安眠药", "剩下的药".
const ALL_THE_PILLS =
  '把(?:那些|这些|那瓶|这瓶|那几瓶|这几瓶|那一瓶|所有的?|全部的?|剩下的|攒的|存的|囤的|攒下的|存下的)[^，。！？]{0,4}药[^，。！？]{0,3}(?:全|都|全部|一起|一口气)?(?:吃|喝|吞)(?:了|掉|下去|光)';

// All of it, said outright (not "那些药" alone: "今晚就把那些药吃了，明天复查" is a dose).
const EVERY_PILL =
  '把(?:(?:那瓶|这瓶|那几瓶|这几瓶|那一瓶|一整?瓶|所有的?|全部的?|剩下的|攒的|存的|囤的|攒下的|存下的)[^，。！？]{0,4}药[^，。！？]{0,3}(?:全|都|全部|一起|一口气)?|[^，。！？]{0,6}药[^，。！？]{0,3}(?:全|全部|一口气))(?:吃|喝|吞)(?:了|掉|下去|光)';

// English.
const EN_HEIGHT =
  '(?:roof(?:top)?|ledge|bridge(?: railing)?|crane|tower crane|scaffolding|window ?sill|balcony (?:railing|ledge)|railing|water tower|chimney|billboard|pylon)';
const EN_NOT_ANIMAL_BEFORE = '(?<!\\b(?:cat|dog|bird|kitten|puppy|parrot|squirrel|goat|kite|balloon|drone)s?\\b[^.!?]{0,20})';
const EN_UP_AT = `(?:on|onto|up on|at the top of|on top of|on the edge of) (?:the |a |this |that |our |his |her |their )?(?:[a-z]+ ){0,2}${EN_HEIGHT}`;
const EN_WONT_COME_DOWN = "(?:won'?t|will not|refuses to|refusing to|doesn'?t want to|does not want to) come (?:down|back in|inside)";
const EN_WILL_JUMP =
  "(?:(?:he|she|i|they)(?:'ll| will| is going to|'s going to|'m going to| am going to| are going to|'s gonna|'m gonna| gonna)|threaten(?:s|ing|ed)? to|says? (?:he|she|they)(?:'ll| will)) jump\\b(?! rope| in(?:to)? the (?:pool|water|lake|river|sea)| on the trampoline)";
const EN_FELL = '(?:collapsed|caved in|came down|fell (?:in|down)|gave way|toppled(?: over)?|fell on)';
const EN_PEOPLE =
  '(?:kids|children|people|students|workers|players|someone|somebody|some|several|a few|two|three|many|my [a-z]+|a (?:man|woman|child|kid|boy|girl|worker))';
const EN_UNDER =
  '(?:trapped |stuck |pinned |buried )?under(?:neath)? (?:it|them|there|the (?:rubble|debris|roof|wall|ceiling|beams?|bricks|stage|stands|bleachers|tent))\\b';
const EN_SOON = '(?:tonight|today|later tonight|after this(?: message)?|in an hour|right after this)';
const EN_ALL_PILLS =
  "(?:i'?ll|i will|i'?m going to|i am going to|i'?m gonna) (?:just )?(?:take|swallow|drink|down) (?:all|the whole|every|the rest of|those)\\b[^.!?]{0,24}\\b(?:pills|tablets|meds|medicine|bottle|box|pack)\\b(?![^.!?]{0,24}\\b(?:as prescribed|prescribed|the doctor|with (?:food|dinner|water)|like (?:the doctor|i was told)))";

const TWENTY_SIXTH_PASS_CUES: readonly DangerCue[] = [
  // A person at a height who will not come down, or says they will jump.
  {
    family: 'self_harm',
    strength: 'strong',
    firm: true,
    life: true,
    zh: [
      `${NOT_ANIMAL_BEFORE}(?:${AT}|在|到)[^。！？]{0,6}${HEIGHT}${UP_THERE}${WONT_COME_DOWN}`,
      `${NOT_ANIMAL_BEFORE}(?:在|站在|坐在|爬到|爬上|上了|到了)[^。！？]{0,8}${HEIGHT}[^。！？]{0,24}${WILL_JUMP}`,
      `${WILL_JUMP}[^。！？]{0,12}(?:我|他|她)?(?:现在|已经|正|还)?(?:在|站在|坐在)[^。！？]{0,6}${HEIGHT}`,
    ],
    en: [`${EN_NOT_ANIMAL_BEFORE}${EN_UP_AT}\\b[^.!?]{0,40}\\b${EN_WONT_COME_DOWN}`, `${EN_NOT_ANIMAL_BEFORE}${EN_UP_AT}\\b[^.!?]{0,60}\\b${EN_WILL_JUMP}`],
  },
  // People under something that fell: "墙倒了，底下还有人", "the gym roof collapsed, some kids are under it".
  {
    family: 'collapse',
    strength: 'strong',
    life: true,
    zh: [
      `(?<=${FELL}[^。！？]{0,30})(?:有|还有)?${PEOPLE}(?:(?!不|没)[^，。！？]){0,4}(?:被)?(?:压|埋|困|卡|砸)?在(?:了)?(?:下面|底下|下边|下头)`,
      `(?<=${FELL}[^。！？]{0,30})(?:下面|底下|下边|下头)(?:还|都)?有(?:人|孩子|小孩|学生|工人|老人)`,
    ],
    en: [`(?<=\\b${EN_FELL}\\b[^.!?]{0,80})\\b${EN_PEOPLE}\\b(?: [a-z']+){0,2} (?:are |is )?(?:still )?${EN_UNDER}`],
  },
  // A plan with the means and a time, beside giving up a request or a farewell: an emergency.
  {
    family: 'self_harm',
    strength: 'strong',
    firm: true,
    life: true,
    zh: [
      `(?<=${GIVING_UP}[\\s\\S]{0,60}${SOON}[^，。！？]{0,4})${ALL_THE_PILLS}`,
      `(?<=${SOON}[^，。！？]{0,4})${ALL_THE_PILLS}(?=[\\s\\S]{0,40}${GIVING_UP})`,
    ],
    en: [`\\b${EN_SOON}\\b[^.!?]{0,20}\\b${EN_ALL_PILLS}`, `\\b${EN_ALL_PILLS}[^.!?]{0,12}\\b${EN_SOON}\\b`],
  },
  // The plan alone: a question.
  { family: 'self_harm', strength: 'weak', firm: true, zh: [`(?<=${SOON}[^，。！？]{0,4})${EVERY_PILL}`] },
];

const TWENTY_SIXTH_PASS_PINYIN_CUES: readonly PinyinCue[] = [
  {
    family: 'self_harm',
    strength: 'strong',
    life: true,
    pinyin: [
      '(?:zhan|zuo|dai|pa) (?:zai|dao|shang) (?:lou ding|tian tai|ta diao|qiao shang|chuang tai|jiao shou jia|wu ding|fang ding)(?: shang)?(?: [a-z]+){0,4} bu (?:ken |yuan yi |xiang )?xia lai',
      '(?:lou ding|tian tai|ta diao|qiao shang|chuang tai|jiao shou jia)(?: [a-z]+){0,10} (?:jiu|yao) tiao(?: xia qu)?',
      '(?:jin wan|jin tian wan shang|deng hui|ma shang)(?: [a-z]+){0,3} ba (?:na xie|zhe xie|suo you de?|quan bu|sheng xia de) yao(?: [a-z]+){0,2} (?:chi|tun|he) (?:le|diao)',
    ],
  },
  { family: 'collapse', strength: 'strong', life: true, pinyin: ['(?:ren|hai zi|xiao hai|gong ren) (?:bei )?(?:ya|mai|kun) zai (?:xia mian|di xia)'] },
];

// --- Joined with the earlier passes (danger-vocabulary.ts reads these) ---

export const TWENTIETH_TO_26TH_PASS_CUES: readonly DangerCue[] = [...TWENTIETH_TO_22ND_PASS_CUES, ...TWENTY_SIXTH_PASS_CUES];
export const EIGHTEENTH_TO_26TH_PASS_PINYIN_CUES: readonly PinyinCue[] = [...EIGHTEENTH_AND_21ST_PASS_PINYIN_CUES, ...TWENTY_SIXTH_PASS_PINYIN_CUES];

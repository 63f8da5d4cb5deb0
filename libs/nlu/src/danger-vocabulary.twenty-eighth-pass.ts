// The danger check's twenty-eighth pass (decision 0074): dangers told as a situation or a deed,
// without the usual danger word. A careful clerk reads each of these as danger:
// - a person out with animals (herding, grazing) not back, the animals home alone ("放牛的…没回来，牛
//   自己回来了", "the goats came back on their own but he hasn't"): missing;
// - fewer people back than went out on an outing ("三个孩子去河里游泳，只回来了两个", "five went up the
//   mountain, only four came back"): missing, and flood when they went into the water;
// - a deed of self-harm told in the past or perfect beside a farewell ("药我已经吃下去了…再见", "I've
//   already taken them, goodbye"): the twenty-sixth pass reads a plan with a time, this one the deed
//   done; medicine taken as prescribed ("药已经吃了，血压正常了") stays ordinary;
// - the one word typed by sound (自煞 for 自杀, 咂门 for 砸门): two-character forms, each listed.
// In Chinese and English; traditional characters are folded before the cues read the text. Cues are
// joined with the earlier passes' and read by danger-vocabulary.ts. Three small edits there go with
// them: an animal taken out ("放牛，到现在没回来") is no animal not back; kin PERSON does not name (大伯,
// 舅舅 …) and a herder named by the animals (放羊的) are people; 掉头 after 上 is a U-turn, not 上吊.
import type { DangerCue } from './danger-vocabulary.js';
import { TWENTIETH_TO_26TH_PASS_CUES } from './danger-vocabulary.twenty-sixth-pass.js';

// --- A person out with animals, the animals home alone ---

// Animals a person takes out, and taking them out.
const HERD = '(?:牛群?|羊群?|鸭群?|鸭子|鹅群?|马群?|驴|骆驼|猪)';
const HERDING = '(?:放牛|放羊|放鸭子?|赶鸭子?|赶羊|赶牛|放马|放鹅|赶着(?:牛|羊|鸭子?|鹅|马)|牧羊|放牧|看牛|看羊|赶(?:牛|羊|鸭子?)群)';
// The animals came back by themselves ("牛倒是自己回来了", "羊都回圈了"); not "人也回来了".
const ANIMALS_BACK = `${HERD}(?:倒是|倒|却|都|也|已经|自己|自个儿?|都已经)*(?:跑|走)?(?:回来|回家|回圈|回棚|进圈|回到圈里|回到家)了?`;
// …by themselves, said outright ("牛倒是自己回来了", "羊自个儿跑回圈了"): beside the herder named, that says the herder is not.
const ANIMALS_ALONE = `${HERD}(?:倒是|倒|却|都|也|已经)*(?:自己|自个儿?|独自|单独)(?:跑|走)?(?:回来|回家|回圈|回棚|进圈|回到圈里|回到家)了?`;
// The one who took them out.
const HERDER = '(?:老汉|老头|老人|小孩|孩子|娃|大爷|爷爷|奶奶|我爸|我妈|我爹|爸|儿子|闺女|女儿|男人|老公|老伴|哥|弟)';
// The person not back: "没回来", "还没回家", "人没见着", "不见了"; not "回来了".
const NOT_BACK = '(?:(?:还|都|一直|到现在)?(?:没|没有|未)(?:回来|回家|回|下山|见着|见到|见人|看到人|影)|不见(?:了|人)|找不到|联系不上)';

// --- Fewer back than went out ---

const COUNT = '[两二三四五六七八九十几]';
const FEW = '[一两二三四五六七八九]';
// An outing people go on together and come back from.
const OUTING =
  '(?:去|到|下|进|上)[^，。！？]{0,8}(?:游泳|洗澡|玩水|戏水|摸鱼|捉鱼|抓鱼|钓鱼|打鱼|捕鱼|划船|爬山|砍柴|采|挖|放|玩|探险|打猎|赶海)|上山|进山|下河|下海|出海|下水';
const WATER_OUTING = '(?:游泳|洗澡|玩水|戏水|摸鱼|捉鱼|抓鱼|下河|下水|划船|赶海|河|江|湖|水库|塘|海)';
// A group of people: "三个娃", "五个人", "四个孩子".
const GROUP = `${COUNT}个(?:人|娃|娃娃|娃子|孩子|小孩|学生|男孩|女孩|小伙子?|同学|伙伴|工友|老乡|年轻人|村民|朋友)`;
// Only some back: "只回来了两个", "回来了两个，还有一个不见了". Not "直接回家了", "先走了".
const ONLY_SOME_BACK = `(?:只(?:有)?(?:${FEW}个)?(?:人)?回来了?${FEW}?个?|回来了?${FEW}个[^。！？]{0,4}(?:还有|剩下|另外)?(?:的)?${FEW}?个?(?:人)?(?:没(?:有)?(?:回来|上来|找到)|不见了?|找不到))(?![^。！？]{0,12}(?:直接|先|自己)(?:回家|走|回去)|[^。！？]{0,12}(?:打工|上班|过年))`;

// --- A deed of self-harm told done, beside a farewell ---

// What a person takes to die: medicine, poison, a bottle of it.
const MEANS = '(?:药|药片|安眠药|农药|百草枯|敌敌畏|老鼠药|耗子药|毒药|除草剂|杀虫剂|那瓶|那一瓶|一整?瓶|那些|全部)';
// Told done: "药我已经吃下去了", "我已经把…喝了", "安眠药都吞了".
const DEED_DONE = `(?:${MEANS}[^，。！？]{0,6}(?:我|他|她)?(?:已经|都|全)(?:都|全)?(?:吃|喝|吞|服)(?:下去|下|光|完)?了|(?:已经|都)把[^，。！？]{0,16}${MEANS}[^，。！？]{0,6}(?:吃|喝|吞|服)(?:下去|下|光|完|掉)?了)`;
// A farewell (not a thanks: "药已经吃了，谢谢提醒" is a dose).
// Not a sign-off alone ("谢谢，再见", "对不起打扰了"): a farewell for good.
const FAREWELL =
  '(?:永别|诀别|告别|道别|(?:说|道)(?:一)?声再见|跟你们说再见|最后一次|下辈子|一了百了|解脱|对不起(?:大家|你们|爸妈|爸爸|妈妈|孩子)|(?:别|不要|不用)(?:再)?(?:找|管|救)我|我这边没(?:什么)?事了|这些年(?:的)?照顾|照顾好(?:自己|我妈|我爸|孩子))';
// Not a dose: a doctor, a prescription, a reading back to normal.
const NOT_A_DOSE = '(?![\\s\\S]{0,40}(?:医生|按时|饭后|饭前|处方|复查|血压|血糖|好多了|正常了|退烧|睡一觉))';

// English.
const EN_HERD = '(?:cows?|cattle|goats?|sheep|ducks?|geese|horses?|donkeys?|herd|flock)';
const EN_HERDING = '(?:herding|grazing|to graze|out to pasture|tending (?:the )?(?:goats|sheep|cows|cattle))';
const EN_ANIMALS_BACK = `\\b(?:the |our |his |her |my )?${EN_HERD} (?:came|come|have come|has come|went|wandered) (?:back|home)(?: (?:on (?:their|its) own|alone|by (?:themselves|itself)|without (?:him|her|them)))`;
const EN_NOT_BACK =
  "(?:(?:he|she|they|grandpa|grandma|dad|mum|mom|my \\w+)(?: still)? (?:hasn'?t|has not|haven'?t|have not|didn'?t|did not)(?: yet)? (?:come back|come home|returned|came back)|(?:he|she|they|grandpa|grandma|dad|mum|mom|my \\w+) (?:is|are) (?:still )?(?:not back|missing|nowhere to be found))";
const EN_NUMBER = '(?:two|three|four|five|six|seven|eight|nine|ten|\\d)';
const EN_GROUP_WENT = `\\b${EN_NUMBER} (?:of us |of them |kids |boys |girls |children |people |friends |students |men )?(?:went|had gone|set off|headed) (?:up|out|into|to|swimming|fishing|hiking|down)\\b`;
const EN_ONLY_SOME_BACK = `\\bonly ${EN_NUMBER}(?: of (?:us|them))? (?:came|have come|has come|made it) (?:back|home|down|out)\\b`;
const EN_DEED_DONE =
  "\\b(?:i'?ve|i have|i) (?:already |just )?(?:taken|took|swallowed|drunk|drank|downed) (?:them all|all of them|them|it all|all of it|the (?:whole |entire )?(?:bottle|box|pack)|all (?:the|my) (?:pills|tablets|meds))\\b";
const EN_FAREWELL =
  "\\b(?:goodbye|good bye|farewell|thank you for everything|thanks for everything|i'?m sorry|forgive me|don'?t look for me|it'?s done|this is the end|it'?s over)\\b";

const TWENTY_EIGHTH_PASS_CUES: readonly DangerCue[] = [
  // A person out with animals not back, the animals home alone: either order.
  {
    family: 'missing',
    strength: 'strong',
    life: true,
    zh: [
      `(?<=${HERDING}[\\s\\S]{0,40}${NOT_BACK}[\\s\\S]{0,30})${ANIMALS_BACK}`,
      `(?<=${HERDING}[\\s\\S]{0,20}${ANIMALS_BACK}[\\s\\S]{0,20})(?:人|他|她)?${NOT_BACK}`,
      `(?<=${HERDING}[^。！？]{0,6}(?:的)?${HERDER}[\\s\\S]{0,30})${ANIMALS_ALONE}`,
    ],
    en: [
      `(?<=\\b${EN_HERDING}\\b[\\s\\S]{0,80})${EN_ANIMALS_BACK}`,
      `${EN_ANIMALS_BACK}[\\s\\S]{0,40}${EN_NOT_BACK}`,
      `\\b${EN_HERD} (?:came|come|have come|has come|wandered) (?:back|home) without (?:him|her|them|my \\w+)\\b`,
    ],
  },
  // Fewer back from an outing than went: missing; flood when they went into the water.
  {
    family: 'missing',
    strength: 'strong',
    life: true,
    zh: [
      `(?<=${GROUP}[^。！？]{0,12}(?:${OUTING})[\\s\\S]{0,24})${ONLY_SOME_BACK}`,
      `(?<=(?:${OUTING})[^。！？]{0,6}(?:的)?${GROUP}[\\s\\S]{0,12})${ONLY_SOME_BACK}`,
    ],
    en: [`(?<=${EN_GROUP_WENT}[^.!?]{0,40}[\\s\\S]{0,20})${EN_ONLY_SOME_BACK}`],
  },
  {
    family: 'flood',
    strength: 'strong',
    life: true,
    zh: [
      `(?<=${GROUP}[^。！？]{0,12}${WATER_OUTING}[\\s\\S]{0,24})${ONLY_SOME_BACK}`,
      `(?<=${WATER_OUTING}[^。！？]{0,8}(?:的)?${GROUP}[\\s\\S]{0,12})${ONLY_SOME_BACK}`,
    ],
    en: [
      `(?<=${EN_GROUP_WENT}[^.!?]{0,10}\\b(?:swimming|into the (?:river|lake|sea|water)|to the (?:river|lake|beach|reservoir))[\\s\\S]{0,40})${EN_ONLY_SOME_BACK}`,
    ],
  },
  // A deed of self-harm told done, beside a farewell: either side.
  {
    family: 'self_harm',
    strength: 'strong',
    firm: true,
    life: true,
    zh: [`(?<=${FAREWELL}[\\s\\S]{0,60})${DEED_DONE}${NOT_A_DOSE}`, `${DEED_DONE}(?=[\\s\\S]{0,40}${FAREWELL})${NOT_A_DOSE}`],
    en: [`(?<=${EN_FAREWELL}[\\s\\S]{0,80})${EN_DEED_DONE}`, `${EN_DEED_DONE}(?=[\\s\\S]{0,60}${EN_FAREWELL})`],
  },
];

// --- Reading by sound: two-character forms, each listed (the table of decision 0064 folds phrases of three characters or more) ---

/** A danger word typed by sound, read as the word: 自煞 for 自杀, 咂门 for 砸门. Each form is no word of its own. */
export const TWENTY_EIGHTH_PASS_HOMOPHONE_FOLD: ReadonlyArray<readonly [string, string]> = [
  ['自煞', '自杀'],
  ['自刹', '自杀'],
  ['咂门', '砸门'],
];

// --- Joined with the earlier passes (danger-vocabulary.ts reads these) ---

export const TWENTIETH_TO_28TH_PASS_CUES: readonly DangerCue[] = [...TWENTIETH_TO_26TH_PASS_CUES, ...TWENTY_EIGHTH_PASS_CUES];

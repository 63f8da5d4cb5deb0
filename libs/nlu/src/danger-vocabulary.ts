// The words of the danger check (see danger.detector.ts): what signals immediate danger to
// people, family by family, and what only looks like it. Data, kept apart from the engine so it
// can grow without touching the logic.
//
// Every entry is a regular-expression source matched against the normalised message (full-width
// ASCII folded to half-width, ASCII upper case to lower case, ’ to '). Chinese sources match
// anywhere; English sources match whole words (they are wrapped in \b…\b) and a space in them
// stands for any run of whitespace. Sources are written for recall: colloquial and dialect
// forms (北方, 川渝, 吴语, 粤语), voice-to-text homophones and typos (着伙, 就命, 晕到, 泄露),
// broken English.
import { NINTH_PASS_CUES, NINTH_PASS_NOT_DANGER } from './danger-vocabulary.ninth-pass.js';
import { ELEVENTH_PASS_CUES, ELEVENTH_PASS_NOT_DANGER, ELEVENTH_PASS_NOT_DANGER_EN } from './danger-vocabulary.eleventh-pass.js';
import { TENTH_PASS_CUES, TENTH_PASS_NOT_DANGER } from './danger-vocabulary.tenth-pass.js';
import {
  TWELFTH_PASS_CUES,
  TWELFTH_PASS_DIALECT_FOLD,
  TWELFTH_PASS_NOT_DANGER,
  TWELFTH_PASS_NOT_DANGER_EN,
  TWELFTH_PASS_RESOLUTIONS,
} from './danger-vocabulary.twelfth-pass.js';
import {
  THIRTEENTH_PASS_CUES,
  THIRTEENTH_PASS_DIALECT_FOLD,
  THIRTEENTH_PASS_NOT_DANGER,
  THIRTEENTH_PASS_NOT_DANGER_EN,
  THIRTEENTH_PASS_RESOLUTIONS,
} from './danger-vocabulary.thirteenth-pass.js';
import {
  FOURTEENTH_PASS_CUES,
  FOURTEENTH_PASS_HOMOPHONE_FOLD,
  FOURTEENTH_PASS_NOT_DANGER,
  FOURTEENTH_PASS_NOT_DANGER_EN,
  FOURTEENTH_PASS_RESOLUTIONS,
} from './danger-vocabulary.fourteenth-pass.js';
import {
  FIFTEENTH_PASS_CUES,
  FIFTEENTH_PASS_NOT_DANGER,
  FIFTEENTH_PASS_NOT_DANGER_EN,
  FIFTEENTH_PASS_RESOLUTIONS,
} from './danger-vocabulary.fifteenth-pass.js';
import {
  SIXTEENTH_PASS_CUES,
  SIXTEENTH_PASS_NOT_DANGER,
  SIXTEENTH_PASS_NOT_DANGER_EN,
  SIXTEENTH_PASS_RESOLUTIONS,
} from './danger-vocabulary.sixteenth-pass.js';
import {
  SEVENTEENTH_PASS_CUES,
  SEVENTEENTH_PASS_NOT_DANGER,
  SEVENTEENTH_PASS_NOT_DANGER_EN,
  SEVENTEENTH_PASS_RESOLUTIONS,
} from './danger-vocabulary.seventeenth-pass.js';
import {
  EIGHTEENTH_PASS_ALARM_WEAK,
  EIGHTEENTH_PASS_CUES,
  EIGHTEENTH_PASS_DIALECT_FOLD,
  EIGHTEENTH_PASS_NOT_DANGER,
  EIGHTEENTH_PASS_NOT_DANGER_EN,
  EIGHTEENTH_PASS_RESOLUTIONS,
  EIGHTEENTH_PASS_TERSE_CUES,
  NO_WEAPON_AFTER,
} from './danger-vocabulary.eighteenth-pass.js';
import {
  NINETEENTH_PASS_CUES,
  NINETEENTH_PASS_NOT_DANGER,
  NINETEENTH_PASS_NOT_DANGER_EN,
  NINETEENTH_PASS_RESOLUTIONS,
} from './danger-vocabulary.nineteenth-pass.js';
import { TWENTIETH_PASS_HOMOPHONE_FOLD } from './danger-vocabulary.twenty-first-pass.js';
import { TWENTY_EIGHTH_PASS_HOMOPHONE_FOLD } from './danger-vocabulary.twenty-eighth-pass.js';
import {
  EVENT_BEFORE_AFTERWARDS,
  TWENTIETH_TO_29TH_PASS_CUES,
  TWENTY_NINTH_PASS_NOT_DANGER,
  TWENTY_NINTH_PASS_NOT_DANGER_EN,
  TWENTY_NINTH_PASS_RESOLUTIONS,
} from './danger-vocabulary.twenty-ninth-pass.js';
import { EIGHTEENTH_TO_26TH_PASS_PINYIN_CUES } from './danger-vocabulary.twenty-sixth-pass.js';
import {
  TWENTIETH_TO_22ND_PASS_NOT_DANGER,
  TWENTIETH_TO_22ND_PASS_NOT_DANGER_EN,
  TWENTIETH_TO_22ND_PASS_RESOLUTIONS,
} from './danger-vocabulary.twenty-second-pass.js';
import type { DangerFamily } from './nlu.types.js';

export interface DangerCue {
  family: DangerFamily;
  /** strong: alone it makes the danger `likely`; weak: alone it makes it `possible`. */
  strength: 'strong' | 'weak';
  /**
   * The resident should call 110/119/120 first. Default: true for strong cues of fire, gas,
   * electric, collapse, trapped, unconscious, bleeding and violence; false otherwise (flood, fall,
   * missing and self-harm say it cue by cue: people in the water, a fall with injury, a
   * vulnerable person missing, an act of self-harm under way).
   */
  life?: boolean;
  zh?: readonly string[];
  en?: readonly string[];
  /**
   * A hint that counts only beside another sign (another cue, or a call for help): alone it is
   * nothing. For sideways signs that ordinary messages also say ("谢谢这些年的照顾", "天都黑了").
   */
  pairOnly?: boolean;
  /**
   * A reading of two signs together (gas smelt and a headache beside it, decision 0047): a minor
   * word ("有点头疼") does not shrink it, nor does money trouble around it (a jump from a named edge,
   * decision 0052).
   */
  firm?: boolean;
}

// People a message may speak of; a few cues need a person next to them ("孩子不见了", not "钥匙不见了").
const PERSON =
  '(?:孩子|小孩|娃娃?|儿子|女儿|闺女|老人家?|爷爷|奶奶|外公|外婆|姥姥|姥爷|阿公|阿婆|阿爷|阿嫲|我爸|我妈|爸爸?|妈妈?|父亲|母亲|老爸|老妈|' +
  '老伴|老公|老婆|媳妇|丈夫|妻子|爱人|男人|妹妹|弟弟|哥哥|姐姐|孙子|孙女|外孙女?|爹|娘|婆婆|公公|宝宝|婴儿|老太太?|老头子?|' +
  '大爷|大妈|大娘|阿姨|叔叔|老母亲|老父亲|母亲|邻居|同事|同学|室友|朋友|工人|病人|学生|姑娘|老汉儿?|小伙子?|' +
  // Dialect kinship words (decision 0043): children (伢 湖北/江淮, 娃儿 西北/川渝, 崽 湘赣/粤, 细路 粤,
  // 囡囡 吴, 幺儿 川渝, 妹仔) and elders (老爷子, 老太爷, 阿嬷 闽, 阿伯, 老豆 粤, 老汉儿 川渝 for a father).
  '伢子?|伢儿|娃儿|崽仔?|崽崽|细路仔?|细佬|囡囡|小囡|囡|幺儿|幺妹|妹仔|老爷子|老太爷|老太婆|老爷爷|老奶奶|阿嬷|阿妈|阿爸|阿伯|老豆|人|他|她)';
const EN_PERSON =
  '(?:son|daughter|child|children|kid|kids|boy|girl|baby|toddler|father|dad|daddy|mother|mom|mum|mommy|grandma|grandmother|grandpa|' +
  'grandfather|granny|grandad|husband|wife|brother|sister|grandson|granddaughter|old man|old lady|old woman|elderly (?:man|woman|person)|' +
  'neighbou?r|uncle|aunt|he|she|friend|patient|teen\\w*|little one|\\d+ ?(?:years?|yrs?|-year)[- ]old)';
// An overdose in English (decision 0043): taken, an amount beyond a dose, a medicine.
const OD_TAKEN = "(?:took|taken|swallowed|swallowing|downed|popped|ate|eaten|(?:i'?ve|i have|he'?s|she'?s|has|have) had)";
const OD_AMOUNT =
  '(?:too many|way too many|a lot of|lots of|loads of|a load of|a bunch of|a handful of|handfuls of|all(?: of)?|' +
  '(?:a|the|an entire) (?:whole )?(?:bottle|box|pack|packet|strip|jar|tub) of|(?:[1-9]\\d+|a dozen|dozens of|twenty|thirty|forty|fifty|a hundred))';
const OD_DRUG =
  '(?:pills?|tablets?|meds|medicines?|medications?|painkillers?|pain killers?|paracetamol|acetaminophen|tylenol|panadol|ibuprofen|aspirin|' +
  'antidepressants?|insulin|sleeping (?:pills|tablets)|sleepers|benzos|xanax|valium|diazepam|opioids?|oxy\\w*|codeine)';
const CANT = "(?:can'?t|can not|cannot|couldn'?t|could not|unable to|not able to|cant)";
// Structures that fall on people.
const STRUCTURE =
  '(?:房子|房屋|房顶|屋子|屋顶|平房|土房|危房|瓦房|楼房|大楼|楼体|整栋楼|(?:一|整|那|这)(?:栋|幢)楼|老楼|旧楼|危楼|戏台|猪圈|牛棚|羊圈|墙|墙体|院墙|围墙|土墙|挡土墙|顶棚|大棚|棚子|车棚|雨棚|桥|山体|山坡|土坡|' +
  '井壁|隧道|矿井|窑洞|天花板|吊顶|阳台|楼梯|楼板|地面|地基|路面|路基|堤|坝|厂房|仓库|车库|房梁|横梁|屋檐|脚手架|塔吊|广告牌|招牌|老宅子?|教室|宿舍|窑)';
const EN_STRUCTURE =
  '(?:roof|ceiling|wall|building|house|home|bridge|floor|balcony|stairs?|staircase|scaffold\\w*|tunnel|mine|structure|shed|barn|shelter|part of the \\w+)';

export const DANGER_CUES: readonly DangerCue[] = [
  // ─── fire ───
  {
    family: 'fire',
    strength: 'strong',
    zh: [
      '着火',
      '着伙',
      '着货',
      '着了火',
      '火着了',
      '着起了',
      '着起来',
      '着大火',
      '起火',
      '失火',
      '火灾',
      '火栽',
      '走水了',
      '火烛',
      '烧起来',
      '烧了起来',
      '燃起来',
      '烧着了',
      '点着了',
      '自燃',
      '引燃',
      '爆炸',
      '火苗(?:蹿|窜|往上|很高|老高)',
      '火势',
      '大火',
      '明火',
      '火光',
      '火海',
      '火舌',
      '火(?:很|好|特别|太|越来越)大',
      '好大的火',
      '浓烟',
      '黑烟',
      '烟雾弥漫',
      '浓烟滚滚',
      '(?:全|都)是烟',
      '满(?:屋|楼|楼道|走廊|房间|屋子)[^，。！？]{0,2}(?:都是)?烟',
      '烟(?:很|好|特别|太)大',
      '好大的烟',
      '(?:房子|屋子|房屋|仓库|厂房|车|店|铺子|柴火?堆|草垛|麦秸垛|秸秆垛|山)[^，。！？]{0,3}(?:烧了|烧掉|烧没|烧毁|着了)',
      '(?:电动车|电瓶车|电池|充电宝|煤气罐|液化气罐|锅炉|高压锅)[^，。！？]{0,3}(?:炸了|爆了)',
      '火还没灭',
      '灭不(?:掉|了)',
      '楼下着了',
      '楼上着了',
      '(?:垛子?|堆|房子|屋子|车|树林|山林|棚子?|仓库|被子|窗帘|沙发|衣服|纸箱子?)[^，。！？]{0,3}燃(?:了|起来|着了)',
      '把[^，。！？]{1,6}点(?:燃|着)(?:了)?',
      '把(?:蚊帐|窗帘|被子|床单|衣服|房子|柴火?|草堆?|沙发)[^，。！？]{0,2}点(?:了|燃|着)',
      '爆燃',
      '(?:电瓶车|电动车|电池|充电宝)[^，。！？]{0,10}(?:爆燃|起火|着火|燃起来|自燃)',
      '(?:锅|油锅|房子|屋子|车|柴房|柴堆|草垛|被子|窗帘|沙发|衣服|厨房|楼上|楼下|隔壁|对面)[^，。！？]{0,3}着了',
      '走火(?:了|啦)',
      '冒火星',
      '火光冲天',
    ],
    en: [
      'fire',
      'fires',
      'on fire',
      'caught fire',
      'catch(?:es|ing)? fire',
      'set fire',
      'flames?',
      'blaze',
      'explo(?:sion|ded)',
      'burning down',
      '(?:is|are|was) burning',
      'burning (?:house|building|car|flat)',
      'smoke everywhere',
      'full of smoke',
      'thick smoke',
      'black smoke',
      'smoke (?:is )?(?:coming|pouring|coming out) (?:out|from|of)',
      'lots of smoke',
      'so much smoke',
    ],
  },
  {
    family: 'fire',
    strength: 'weak',
    zh: [
      '火苗',
      '冒烟',
      '冒(?:了)?(?:点|些|股|一股)烟',
      '烟味',
      '焦味',
      '糊味',
      '烧焦',
      '烧糊',
      '烟雾报警器?[^，。！？]{0,4}响',
      '烟感[^，。！？]{0,4}响',
      '火警',
      '有烟',
      '烟好浓',
      '炸了',
    ],
    en: ['smoke', 'smoky', 'smell(?:s|ing)? (?:of |like )?burn(?:ing|t)', 'burnt smell', 'burning smell', 'burning', 'smoke alarm', 'fire alarm'],
  },

  // ─── gas ───
  {
    family: 'gas',
    strength: 'strong',
    zh: [
      '(?:煤气|燃气|天然气|液化气|瓦斯|沼气|煤汽|燃汽|梅气|然气|天然汽|煤气罐子?|气罐)[^，。！？]{0,8}(?:泄漏|泄露|泄了|漏了|漏气|在漏|漏出|跑气|味|臭|嘶嘶|呲呲|滋滋|往外冒|冒气|外泄|管[^，。！？]{0,4}(?:断|破|裂))',
      '(?:泄漏|泄露|闻到|一股|有股|好大|很浓|很重|浓浓|全是)[^，。！？]{0,4}(?:煤气|燃气|天然气|液化气|瓦斯)',
      '煤气中毒',
      '一氧化碳',
      'co中毒',
      '漏(?:煤气|燃气|天然气|液化气)',
      '(?:燃气|煤气|天然气)(?:管道|管子|管)[^，。！？]{0,10}(?:断|破|裂)',
      '气在往外(?:喷|冒)',
      '(?:气罐|煤气罐|液化气罐|钢瓶)[^，。！？]{0,6}(?:漏|嘶|呲|着火|爆|阀门坏)',
      '燃气(?:报警器|警报器|报警)[^，。！？]{0,4}(?:响|叫)',
      '(?:煤炉|炉子|炭盆|火盆|烧炭|炭火|烧煤|煤球|烤火)[^。！？]{0,16}(?:头疼|头痛|头晕|恶心|想吐|吐|迷糊|昏|叫不醒|中毒)',
    ],
    en: [
      'gas leak\\w*',
      'leak\\w* gas',
      'gas (?:is |was )?leak\\w*',
      'smell\\w* (?:strongly |really |very |a lot )?(?:of |like )?gas',
      '(?:gas|co|carbon monoxide) (?:alarm|detector)s? (?:is |keeps |kept )?(?:going off|goes off|beeping|ringing|sounding)',
      'left the gas on',
      'gas smell\\w*',
      'carbon monoxide',
      'co poisoning',
      'co alarm',
      'gas (?:is )?hissing',
      '(?:coal|charcoal) (?:stove|fire|burner|heater|brazier)[^.!?]{0,60}\\b(?:vomit\\w*|confused|dizzy|headache|drowsy|unconscious|sleepy|sick|passed out)',
    ],
  },
  {
    family: 'gas',
    strength: 'weak',
    zh: [
      '臭鸡蛋味',
      '漏气',
      '(?:像是?|好像是?|是不是|怀疑是?)(?:煤气|燃气|天然气|液化气)',
      '(?:煤气|燃气|天然气|阀门)[^，。！？]{0,3}没关',
      '烧炭取暖',
      '燃气报警器',
    ],
    en: ['hissing', 'smell\\w* (?:like )?rotten eggs?', 'gas (?:is |was )?(?:still )?(?:on|open)'],
  },

  // ─── electric ───
  {
    family: 'electric',
    strength: 'strong',
    zh: [
      '触电',
      '触店',
      '处电',
      '电击',
      '被电(?:到|了|倒|晕|伤|打|一下|得|麻|住|哭|抽)',
      '遭电打',
      '电打了',
      '被电线(?:打|电)',
      '(?:电线|电缆|高压线|电线杆|电杆|线杆)[^，。！？]{0,8}(?:断|掉|倒|落|垂|耷拉|冒火|打火|着火|冒烟|起火|烧|到地上|在地上|地上了)',
      '(?:插座|插排|插板|排插|插头|插线板|面板|开关|电箱|电表箱|配电箱|配电房|配电室|变电箱|电闸|变压器|电线|线路|电表|电器|电源|充电器|电热毯|取暖器|空调)[^，。！？]{0,6}(?:冒火|打火|火星|着火|起火|冒烟|烧起来|爆了|炸了)',
      '冒火花',
      '打火花',
      '火星子',
      '电得发麻',
      '(?:电|电线|插座|开关|电器)[^，。！？]{0,8}(?:弹开|弹了一下|打了一下|麻了一下)',
    ],
    en: [
      'electrocut\\w*',
      'electric(?:al)? shocks?',
      '(?:got|get|gets|getting|gives?|giving|gave) (?:me |him |her |them |us )?(?:an? )?(?:bad |big |nasty |electric )?shocks?',
      'shocked by',
      '(?:got|was|been|getting) (?:badly )?shocked (?:fixing|by|from|while|when|on|at|touching)',
      'live wires?',
      'power lines? (?:is |are )?(?:down|fallen|broken|on the (?:road|ground))',
      'sparks? (?:coming|flying|from)',
      'sparking',
      '(?:wires?|leads?|cables?|plugs?|sockets?|cords?|chargers?|adapters?) (?:is |are )?(?:melting|smoking|sparking|burning|on fire)',
    ],
  },
  {
    family: 'electric',
    strength: 'weak',
    zh: [
      '漏电',
      '短路',
      '火花',
      '噼里啪啦',
      '噼啪',
      '(?:插座|插排|插板|排插|插头|插线板|开关|电线|电器|充电器)[^，。！？]{0,4}(?:烧焦|烧黑|烧了|烧化)',
      '(?:开关|插座|面板|电线|插头|插排|电箱)[^。！？]{0,12}(?:发烫|焦糊|啪啪)',
      '麻手',
      '带电(?!池|脑|话|视|梯|动|瓶|源|器|费|宝|子)',
      '(?:摸|碰)[^，。！？]{0,6}有电',
      '(?:墙|水|地|门|水龙头|外壳|铁)[^，。！？]{0,4}有电',
      '积水里有电',
      '电线(?:裸露|破皮|露出来)',
      '(?:灯|电线|插座|开关|电箱)[^，。！？]{0,4}(?:滴水|进水|泡水)',
    ],
    en: [
      'sparks?',
      'exposed wires?',
      'short circuit',
      '(?:water|wet)[^.!?]{0,40}\\b(?:lights?|sockets?|wires?|fuse ?box) (?:are |is )?(?:flicker\\w*|spark\\w*|buzz\\w*|wet)',
    ],
  },

  // ─── flood / water ───
  {
    // People in the water, or a flood that puts them at risk: call 110/119 first.
    family: 'flood',
    strength: 'strong',
    life: true,
    zh: [
      '水[^，。！？]{0,3}(?:到|没过|淹到|漫到|过|齐)[^，。！？]{0,2}(?:腰|胸|脖|大腿)',
      '洪水',
      '发大水',
      '涨大水',
      '山洪',
      '决堤',
      '溃坝',
      '堤坝?[^，。！？]{0,4}(?:开口|决口|垮|塌)',
      '(?:河|江|湖|水库|池塘|水塘|水池|井|水沟|鱼塘|泳池|水里|河里|海里|冰窟窿|窟窿|水坑|冰面)[^，。！？]{0,6}(?:掉下去|掉进|落水|溺|淹|沉下去|扑腾|冲走)',
      '(?:掉|落|跌|摔|滑|翻|冲)(?:进|到|下|入)?[^，。！？]{0,2}(?:河|江|湖|水库|池塘|水塘|塘里|水里|水中|井里|水沟|鱼塘|冰窟窿|冰窟|窟窿|冰洞|海里)',
      '溺水',
      '落水',
      '被水冲',
      '冲走了',
      '被水(?:围|困)',
      '扑腾',
      '河水[^，。！？]{0,3}(?:漫|涨)',
      '(?:人|老人|孩子|小孩)[^，。！？]{0,6}(?:在水里|泡在水里)',
      '(?:人|老人|孩子|小孩|男的|女的)[^，。！？]{0,6}在(?:河|江|湖|水|塘|海|水库)(?:里|中)',
      '(?:河|江|湖|水|塘|海)(?:里|面上|中)(?:面)?漂着(?:一个|个)?(?:人|老人|孩子|小孩|男的|女的)',
      '(?:河堤|堤坝|大坝|堤)[^，。！？]{0,8}(?:口子|缺口|冒水|渗水|管涌|漏水)',
      '(?:河|江|湖|水库|池塘|塘|井|鱼塘|水边|河边)[^。！？]{0,10}(?:滑下去|掉下去|落下去|摔下去|跌下去)',
      '被(?:水|洪水|大水)?冲(?:到|进|走|倒|下)',
      '冲到(?:沟|河)里',
    ],
    en: [
      'water (?:is )?(?:up to|reached|reaching|above) (?:my |our |the |his |her )?(?:waist|chest|neck)',
      'drown\\w*',
      '(?:fell|fallen|fall|falls|slipped|jumped|went) (?:in|into) (?:the |a )?(?:river|lake|pond|water|sea|well|canal|pool|reservoir)',
      'swept away',
      'flash flood\\w*',
      '(?:someone|somebody|a man|a woman|a kid|a child|a boy|a girl|people|person|he|she|my \\w+) (?:is |are )?(?:in|under) the (?:river|water|lake|sea|pond|canal|reservoir)',
    ],
  },
  {
    // Water in the home: a flood, though not yet a threat to life.
    family: 'flood',
    strength: 'strong',
    zh: [
      '(?:家|屋|房|院|一楼|楼下|地下室|车库|店|铺|村|街|路|床)[^，。！？]{0,5}(?:进水|淹|入水|灌水|水浸)',
      '进水(?:了|啦|拉|咯|咧|喽)',
      '水浸',
      '水[^，。！？]{0,3}(?:到|没过|淹到|漫到|过|齐)[^，。！？]{0,2}(?:膝|小腿|脚脖|脚踝|床|桌)',
      '水漫进',
      '漫进(?:家|屋|来)',
      // Flooding words (decision 0043): 淹水 (闽/台 and colloquial), water over a threshold, into a home.
      '(?<!手机|电脑|相机|手表|耳机|车子|车)淹水(?:了|啦|咯|喽|啊|呀|$)',
      '水漫(?:过|到|上|进)(?:了)?[^，。！？]{0,4}(?:门槛|台阶|门口|屋|家|房|床|院|街|路|膝|腿|腰|楼梯|一楼|地下室)',
      '(?:屋|家|房|一楼|楼下|地下室|车库)[^，。！？]{0,4}(?:水漫|淹水|泡水)(?:了)?',
      '倒灌',
      '被淹',
      '淹了',
      '淹到',
      '全淹',
      '水淹',
      '淹没',
      '(?:水|water)\\s*(?:进来|灌进|涌进|漫进|冲进|进屋|进家)',
      '到处(?:都)?是水',
      '满(?:屋|地|屋子|家)[^，。！？]{0,2}(?:都是)?水',
      '水[^，。！？]{0,4}(?:越来越深|越来越多|还在涨|往上涨|涨上来|涨得)',
      '水位[^，。！？]{0,4}(?:涨|上升|上涨)',
      '水已经(?:漫|到)',
      '灌满了?水',
      '水[^，。！？]{0,2}进(?:屋|家|门|房)',
      '(?:地下室|车库|屋|家|一楼)[^，。！？]{0,6}(?:灌满|泡在水)',
    ],
    en: [
      'flood\\w*',
      'water (?:is |keeps )?(?:coming|come|comes|pouring|rushing|getting|entering|flowing|leaking|running) (?:in|into)',
      'water everywhere',
      'water (?:is )?entering',
      'water (?:is )?(?:up to|reached|reaching|above) (?:my |our |the |his |her )?(?:knees?|bed)',
      'water (?:keeps |is )?rising',
      '(?:house|home|flat|room|basement|garage|street|road|village|apartment|floor|kitchen|everything) (?:is |was |are )?(?:full of|under) water',
      'water (?:is )?(?:pouring|coming|gushing|flooding) (?:in )?(?:through|from|down) (?:the )?(?:ceiling|roof|walls?)',
      'water (?:is |keeps )?(?:getting|going) (?:higher|deeper)',
    ],
  },
  {
    family: 'flood',
    strength: 'weak',
    zh: [
      '水漫',
      '漫进',
      '涨水',
      '(?:全|都)是水',
      '爆管',
      '水管[^，。！？]{0,2}(?:爆|炸)',
      '水[^，。！？]{0,2}(?:哗哗|呼呼)[^，。！？]{0,4}(?:冒|喷|流|灌)',
      '(?:喷|灌)得到处',
      '积水[^，。！？]{0,4}过膝',
    ],
    en: ['burst pipe', 'pipe (?:has )?(?:burst|exploded)', 'water (?:is )?(?:spraying|gushing)'],
  },

  // ─── collapse ───
  {
    family: 'collapse',
    strength: 'strong',
    zh: [
      `${STRUCTURE}[^，。！？]{0,6}(?:塌|垮|倒了|倒下来|陷下去|陷了|裂开|往下沉|摇摇欲坠|要倒)`,
      '(?:天花板|吊顶|房梁|横梁|广告牌|招牌|屋檐|雨棚|阳台|墙体|楼板|砖头|瓦片|石头|山石|大树|树)[^，。！？]{0,6}(?:砸|压)',
      '(?:桥|房梁|横梁|楼板|楼梯|大梁)[^，。！？]{0,4}断',
      '(?:石头|山石|落石|滚石|石块)[^，。！？]{0,6}(?:往下滚|滚下来|掉下来)',
      '落石',
      '冰面[^，。！？]{0,6}(?:裂|塌)',
      '山体滑坡',
      '滑坡',
      '塌方',
      '泥石流',
      '地陷',
      '塌陷',
      '坍塌',
      '倒塌',
      '垮塌',
      '房倒屋塌',
      '被埋',
      '埋了(?:人|[两几一三]个)',
      '埋住',
      '砸(?:到|伤|中|死)(?:了)?人',
      '压塌',
      '摇摇欲坠',
      '(?:要|快)塌',
      '裂缝越来越大',
      '裂缝[^，。！？]{0,6}(?:咔咔|嘎嘎|响|变宽|宽了|在扩大|裂开)',
      '掉砖',
      '塌咗',
      '(?:泥巴|泥土|泥水|泥石|石头|土方|山体)[^，。！？]{0,8}(?:滑下来|冲下来|冲进|塌下来|埋)',
      '(?:山|坡)[^，。！？]{0,4}滑(?:了|下来)',
      '泥[^，。！？]{0,3}冲进',
      '(?:房子|楼|墙|屋子)[^，。！？]{0,3}(?:在晃|晃得|摇晃)',
      `${STRUCTURE}\\s*(?:collaps\\w*|fell down|caved in)`,
    ],
    en: [
      `${EN_STRUCTURE} (?:has |had |have |just )?(?:collaps\\w*|caved? in|fell (?:down|in)|fallen (?:down|in)|came down|gave way|gives way)`,
      'collapsed (?:roof|ceiling|wall|building|house|bridge)',
      'land ?slides?',
      'mud ?slides?',
      'rock ?slides?',
      'cave[ds]? in',
      'buried (?:under|alive|in)',
      'sinkhole',
      '(?:will|going to|about to) (?:fall down|collapse)',
      `${EN_STRUCTURE}\\b[^.!?]{0,25}?\\b(?:collaps\\w*|caved? in|came down|fell (?:down|in|on)|gave way)`,
    ],
  },
  {
    family: 'collapse',
    strength: 'weak',
    zh: [
      '塌了',
      '垮了',
      '裂了?(?:好大|很大|大)的?缝',
      '地震',
      '(?:墙|墙壁|房|楼|地面)[^，。！？]{0,4}裂(?:了)?(?:个|一道)?(?:好大|很大|越来越大)的?(?:口子|缝)',
      '(?:天花板|吊顶|房梁|横梁|广告牌|招牌|屋檐|雨棚|阳台|墙体|楼板|砖头|瓦片)[^，。！？]{0,6}掉下来',
    ],
    en: [
      'earthquake',
      'crack\\w* (?:in the )?walls?',
      'walls? (?:is |are )?crack\\w*',
      '(?:big|huge|large|deep|wide) cracks?',
      '(?:quake|earthquake|tremor)[^.!?]{0,50}\\bcrack\\w*',
    ],
  },

  // ─── trapped ───
  {
    family: 'trapped',
    strength: 'strong',
    zh: [
      '被困',
      '困住',
      '困在',
      '困咗',
      '困人',
      '被锁在',
      '(?:锁|关)在[^，。！？]{0,6}(?:出不去|出不来)',
      '钻进(?:了)?[^，。！？]{0,6}(?:洗衣机|冰箱|冰柜|柜子|箱子|洞|管道|缝)',
      '电梯[^，。！？]{0,8}(?:半空|两层之间|两层中间)',
      '电梯[^，。！？]{0,6}(?:困|关着人|卡住|卡在|卡了|出不来)',
      '(?:卡|关|困|锁)在电梯',
      '电题里关',
      '电梯\\s*(?:stuck|trapped)',
      '(?:stuck|trapped)\\s*(?:了|在)',
      `${PERSON}[^，。！？]{0,4}(?:反锁|锁|关|闷)在[^，。！？]{0,4}(?:车|屋|房间|卫生间|厕所|冷库|冰柜|冰箱|柜子|里面|里头)`,
      '(?:卡|夹|压|困|埋|关)在[^，。！？]{0,6}(?:里|下|中间|底下|下面)[^，。！？]{0,4}(?:出不来|动不了|拔不出|出不去)',
      '压在(?:下面|底下|下边|里面)',
      '被压(?:住|在)',
      '压住了?(?:人|腿|脚|身子|一只)',
      '埋在',
      '掉(?:进|到|下)[^，。！？]{0,4}(?:井|坑|洞|化粪池|沟|窨井|下水道|粪坑|地窖|矿井)',
      `(?:${PERSON}|头|手|脚|腿|胳膊|身子)[^，。！？]{0,4}(?:卡住|卡在|夹住)[^，。！？]{0,6}(?:出不来|拔不出|动不了)?`,
      '爬不出',
      '拔不出',
      '动弹不得',
      '卡在里面',
      '关上了?打不开',
    ],
    en: [
      'trapped',
      `stuck (?:in|inside|under|on|at) (?:the |a |an |my |our )?(?:lift|elevator|car|room|roof|building|house|well|mud|water|river|mountain|cave|rubble|ice|truck|fire|tunnel|cliff)`,
      '(?:lift|elevator) (?:is )?stuck',
      'stuck in (?:the )?(?:lift|elevator)',
      'locked (?:in|inside) (?:the |a |his |her |my )?(?:car|room|bathroom|toilet|house|freezer|basement|storage|cellar|garage|shed|lift|elevator|cupboard|closet)',
      '(?:arm|hand|leg|foot|head|finger)s? (?:is |are |got )?(?:stuck|caught|trapped) in',
      `${CANT} get out`,
      'pinned (?:under|down)',
      'stuck inside',
      'buried',
    ],
  },
  {
    family: 'trapped',
    strength: 'weak',
    zh: ['反锁', '上不来', '夹住', '出不来', '下不来了', '下不去了', '里面有人', '人还没出来', '拍门'],
  },

  // ─── fall ───
  {
    family: 'fall',
    strength: 'strong',
    life: true,
    zh: [
      '(?:摔|跌|绊|跘|栽|滑倒|扑倒)(?:倒|到|了一跤|了一下|了个跟头|了个大马趴|了个扑爬|跤|地上|在地|了)?[^，。！？]{0,10}(?:起不来|站不起来|爬不起来|起不了身|起不了|动不了|不能动|动弹不得|没法动|不会动|躺在地上|躺地上|躺着不动|喊疼|疼得厉害|骨折|断了|流血|出血|头破|磕破|磕到头|撞到头|叫不醒|不动了|起唔到身)',
      '(?:从|自)[^，。！？]{0,8}(?:楼|梯|树|房顶|屋顶|窗|阳台|脚手架|台阶|床|铺|高处|山|桥|崖|架子|滑梯|车上|墙上|屋上|凳子|椅子|桌子)[^，。！？]{0,4}(?:摔|掉|跌|滚|栽|坠|落|翻)',
      '(?:孩子|小孩|娃|宝宝)[^，。！？]{0,10}(?:爬|翻|站)(?:上|到|在)?[^，。！？]{0,3}(?:栏杆|窗台|护栏|阳台外|窗户外|窗外|楼顶边)',
      '(?:fell|fall|falled|fallen)(?:\\s*down)?\\s*了?[^。！？]{0,10}(?:起不来|站不起来|动不了)',
      '坠楼',
      '坠落',
      '跌落',
      '高坠',
      '摔下(?:楼|来|去)',
      '掉下(?:楼|去)',
      '滚下(?:楼梯|来|去)',
      '摔伤',
      '跌伤',
      '摔断',
      '跌断',
      '栽下去',
      '(?:摔|跌)(?:倒|到)?[^，。！？]{0,6}(?:头|腿|胳膊|胯|髋)[^，。！？]{0,3}(?:破|断|肿|流血|出血)',
    ],
    en: [
      `(?:fell|fallen|fall|falls|falled|slipped|tripped)(?: down| over)?[^.!?]{0,30}\\b${CANT} (?:get up|stand|move|walk)`,
      '(?:fell|fallen|fall|falls|falling) (?:off|from|out of|down) (?:the |a |his |her |my |our )?(?:ladder|roof|stairs|staircase|steps|balcony|window|building|tree|scaffold\\w*|bed|bike|bicycle|cliff|bridge|second floor|\\d+(?:st|nd|rd|th) floor)',
      `on the (?:floor|ground) (?:and )?(?:${CANT}|not|can't|isn't)`,
      'hit (?:his|her|my|their) head',
      'broke (?:his|her|my) (?:hip|leg|arm|wrist|ankle)',
      'fallen and',
      'fell down the stairs',
    ],
  },
  {
    family: 'fall',
    strength: 'weak',
    zh: [
      '(?<!早上|早晨|床上|早)起不来(?!床)',
      '动不了',
      '踩空',
      '(?:坐|躺)在地上(?:动不了|起不来)',
      '摔倒',
      '跌倒',
      '滑倒',
      '绊倒',
      '跘倒',
      '摔跤',
      '跌跤',
      '摔了一跤',
      '跌了一跤',
      '摔了',
      '摔到了',
      '跌到了',
      '栽倒',
      '摔地上',
      '跌低',
      '跣亲',
      '扑爬',
      '摔了个',
      '跌了个',
      '(?:床上|床)[^，。！？]{0,2}掉下来',
      '倒在地上',
      '倒地',
      '倒下了',
    ],
    en: [
      'fell',
      'fallen',
      'fall down',
      'fell down',
      'falled',
      'slipped',
      'tripped',
      'had a fall',
      'taken a fall',
      'fall on (?:the )?(?:street|road|ground|floor|stairs|ice)',
    ],
  },

  // ─── unconscious and acute medical collapse ───
  {
    family: 'unconscious',
    strength: 'strong',
    zh: [
      '晕倒',
      '昏倒',
      '晕到',
      '昏到',
      '晕过去',
      '昏过去',
      '晕了过去',
      '晕厥',
      '昏厥',
      '昏迷',
      '休克',
      '不省人事',
      '不醒人事',
      '人事不省',
      '(?:叫|喊|推|摇)(?:也|都)?不(?:太|大)?醒',
      '(?:叫|喊)(?:他|她)?(?:也|都)?没(?:有)?(?:声音|回应|动静)',
      '叫不应',
      '喊不应',
      '叫不答应',
      '没(?:有)?(?:了)?(?:呼吸|意识(?!到)|知觉|心跳|脉搏|气息)',
      '不喘气',
      '没气了',
      '没气儿',
      '没有气了',
      '莫得气',
      '冇气',
      '背过气',
      '厥过去',
      '抽过去',
      '晕死过去',
      '口吐白沫',
      '翻白眼',
      '抽搐',
      '嘴唇(?:发|都)?紫',
      '脸(?:色)?(?:发|都)?紫',
      '憋紫',
      '呼吸困难',
      '上不来气',
      '透不过气',
      '胸口(?:剧痛|疼得厉害|痛得厉害|闷得)',
      '突然胸口',
      '心绞痛',
      '心梗了',
      '突发心梗',
      '心脏病(?:犯|发|又犯)',
      '心脏骤停',
      '中风了',
      '突然中风',
      '脑梗了',
      '突发脑梗',
      '脑溢血了',
      '嘴(?:也)?歪',
      '口角歪',
      '半边(?:身子)?(?:动不了|麻|没知觉)',
      '噎住',
      '噎着',
      '卡(?:喉咙|嗓子)',
      '人(?:快)?不行了',
      '倒地不起',
      '倒在(?:地|路边|路上|血泊)',
      '倒地',
      '瘫倒',
      '瘫在地',
      '一动不动',
      `${PERSON}[^，。！？]{0,6}没(?:有)?(?:了)?反应`,
      '叫[^，。！？]{0,6}没(?:有)?反应',
      '冇反应',
      '无反应',
      '(?:食物|农药|煤气|药物)?中毒',
      '哮喘(?:犯|发作)',
      '过敏性休克',
      '(?:烧|热)[^，。！？]{0,4}抽(?:筋|过去|起来)',
      '误服',
      '误吞',
      '吃了[^，。！？]{0,6}(?:药片|药丸|老鼠药|洗衣液|消毒液|电池|毒蘑菇)',
      '突然倒下',
      '叫也叫不醒',
      '没知觉',
      '呼吸(?:很|好|特别)?(?:弱|微弱|急促)',
      '嘴(?:唇)?(?:都)?(?:发)?(?:乌|青)',
      '脸(?:都)?(?:发)?(?:青|乌)了',
      '误(?:喝|吃|服|吞|食)',
      '喝了[^，。！？]{0,4}(?:消毒水|农药|洗衣液|清洁剂|汽油|酒精|84)',
      '(?:一动|动)也不动',
      '倒在[^，。！？]{0,6}(?:里|上|边|地)',
      '(?:卡住|噎住|噎着)[^。！？]{0,6}(?:咳不出|吐不出|喘不)',
      '咳不出来',
      '突然[^，。！？]{0,6}(?:剧痛|疼得厉害|痛得厉害|晕|昏|倒|抽|喘不上|说不出话|不会说话|很难受|难受得|不舒服)',
      '心脏[^，。！？]{0,4}(?:难受|不舒服|疼|痛)[^。！？]{0,8}(?:没力气|说不出|喘|出汗|冷汗)',
      '(?:制氧机|呼吸机|透析)[^。！？]{0,10}(?:停|断|没电|坏|撑不)',
      '(?:停电|断电)[^。！？]{0,12}(?:制氧机|呼吸机)',
      '肿得[^，。！？]{0,4}(?:喘|呼吸)',
      '喉咙[^，。！？]{0,2}肿',
    ],
    en: [
      'unconscious',
      'passed out',
      'pass(?:ing)? out',
      'fainted',
      'blacked out',
      "(?:not|isn't|no|stopped|stop|not) breath\\w*",
      `${CANT} breath\\w*`,
      'hard to breathe',
      'struggling to breathe',
      'not responding',
      'unresponsive',
      'no respon\\w*',
      "(?:won'?t|will not|can'?t|cannot|not|isn'?t|doesn'?t|does not) wak\\w*(?: up)?",
      'no pulse',
      'seizures?',
      'convuls\\w*',
      'heart attack',
      'cardiac arrest',
      'choking',
      'having (?:a )?fits?',
      `(?<!${EN_STRUCTURE} (?:has |had |have |just )?)collapsed`,
      'not moving',
      'lying (?:on the |on )?(?:floor|ground|road|street)',
      "(?:won'?t|wont|doesn'?t|does not|isn'?t|is not|not) (?:answer\\w*|respond\\w*|wake\\w*|mov\\w*)(?: me| up)?",
      'on the (?:kitchen |bathroom |bedroom |living room )?floor and',
      'throat (?:is )?(?:swell\\w*|closing)',
      'face (?:is )?droop\\w*',
      'drooping',
      'turn(?:ed|ing)? (?:blue|purple)',
      'lips? (?:are |is |turning )?(?:blue|purple)',
      'asthma attack',
      'anaphylactic',
      'swallowed',
    ],
  },
  {
    family: 'unconscious',
    strength: 'weak',
    zh: [
      '晕了',
      '昏了',
      '迷糊',
      '昏昏沉沉',
      '喘不上气',
      '喘不过气',
      '上气不接下气',
      '(?:一直|还)没醒',
      '没(?:有)?反应',
      '撑不了(?:多久|了)',
      '上吐下泻',
      '(?:吃了|误食)[^，。！？]{0,8}(?:蘑菇|菌子)',
      '剧痛',
      '(?:一身|满头|浑身)(?:的)?(?:冷汗|大汗)',
      '冷汗直冒',
      '(?:好几天|几天|两天|三天|一天|一整天|好久)(?:都)?没(?:出门|开门|见人|见着人|见|露面|动静|下楼|接电话)',
      '意识不清',
      '神志不清',
      '中暑',
      '说不出话',
      '没动静',
      '躺着不动',
      '抽风',
      '痉挛',
      '呛住',
      '快不行了',
      '吃错药',
      '中风',
      '脑梗',
      '脑溢血',
      '脑出血',
      '心梗',
      '心肌梗',
      '胸口(?:疼|痛)',
      '心口(?:疼|痛)',
    ],
    en: ['faint\\w*', 'stroke', 'collapse', 'poison\\w*', 'stung by', `${CANT} (?:talk|speak)`, 'swell\\w* (?:up )?(?:badly|fast|quickly)'],
  },

  // ─── bleeding and serious injury (wounds, burns, fractures, crush, bites, traffic) ───
  {
    family: 'bleeding',
    strength: 'strong',
    zh: [
      '流血不止',
      '血流不止',
      '血止不住',
      '止不住(?:地)?(?:血|流血)',
      '流血不停',
      '大出血',
      '大量出血',
      '出(?:了)?(?:好多|很多|一大摊|一地)(?:的)?血',
      '(?:流|留)(?:了)?(?:好多|很多|一地|好些|一大滩|一大摊)(?:的)?血',
      '(?:好多|很多|一地|一身|满地|满身|满脸|满手|一脸|浑身)(?:都|全)?(?:是)?血',
      '血泊',
      '血呼啦',
      '血哗哗',
      '血直流',
      '血一直(?:流|往外冒|冒)',
      '淌血',
      '冒血',
      '喷血',
      '血是喷',
      '血喷',
      '吐血',
      '咯血',
      '呕血',
      '头破血流',
      '头破了',
      '(?:头|脑袋|脑壳|额头)[^，。！？]{0,3}(?:磕|摔|撞|打)?破',
      '(?:头|脑袋|脑壳|额头|手|腿|脚|胳膊|脸|脖子)[^，。！？]{0,6}(?:大口子|一道口子|个口子|伤口很深)',
      '伤口(?:很|好|特别)?深',
      '伤口裂开',
      '骨头(?:都)?露',
      '(?:手指|手|脚|指头|胳膊|腿)[^，。！？]{0,4}(?:切|剁|砍|轧|绞|锯)(?:掉|断)',
      '(?:切|剁|砍|轧|绞|锯)(?:掉|断)(?:了)?(?:一截|手指|指头|手|脚)',
      '断指',
      '手指断',
      '砍伤',
      '砍到(?:了)?(?:腿|手|脚|头|人)',
      '刀伤',
      '捅(?:了|伤)(?:一刀|人|他|她|我)',
      '扎穿',
      '刺穿',
      '刺伤',
      '割到(?:了)?(?:动脉|脖子)',
      '割(?:了)?(?:个|一道)?大口子',
      '(?:手|胳膊|头发|衣服|人|腿)[^，。！？]{0,4}(?:绞|卷)(?:进|到|伤|了)',
      '烫伤',
      '烧伤',
      '烫了一大片',
      '(?:烫|泼|溅|热汤|开水|热油|热水)[^。！？]{0,12}起(?:了)?[^，。！？]{0,4}泡',
      '蛇咬',
      '皮都(?:掉|脱|烂)',
      '(?:全|都)是血',
      '烫(?:掉|破|坏)',
      '掉了一层皮',
      '(?:夹|压|切|砸)断(?:了)?',
      '(?:骨头?|腿骨)[^，。！？]{0,6}(?:断|露)',
      '(?<!车|车子|车头|电动车|自行车)被[^，。！？]{0,6}撞(?:了|倒|伤)',
      '(?:很深的|好深的|深深的)口子',
      '口子(?:很|好)深',
      '血一直(?:流|滴|冒|往外)',
      '(?:吐|咳|呕)(?:了|出)?[^，。！？]{0,4}血',
      '血(?:往外|直往|顺着)',
      '重伤',
      '受重伤',
      '伤得(?:很|好|特别)?(?:重|厉害)',
      '咬伤',
      '咬(?:了|得)?[^，。！？]{0,4}(?:流血|血)',
      '车祸[^，。！？]{0,8}(?:伤|血|躺|不动)',
      '被车撞',
      '撞倒(?:了)?人',
      '撞伤',
      '开水烫',
      '流好多血',
      '血流个不停',
      '血[^，。！？]{0,3}止不住',
    ],
    en: [
      'bleeding (?:badly|heavily|a lot|profusely|everywhere|non ?stop|so much)',
      "(?:won'?t|will not|can'?t|cannot|doesn'?t|does not|not) stop bleeding",
      'blood (?:is )?(?:everywhere|all over|pouring|gushing|spurting|squirting)',
      '(?:lot|lots|loads|pool) of blood',
      'losing (?:a lot of )?blood',
      'deep (?:cut|wound)',
      'cut (?:\\w+ )?(?:\\w+ )?(?:very )?(?:badly|deep(?:ly)?)',
      'badly (?:hurt|injured|cut|burn\\w*)',
      'seriously (?:hurt|injured)',
      'stabbed',
      'broken (?:bone|leg|arm|hip|neck)',
      'bone (?:is )?sticking out',
      'hit by a (?:car|truck|bus|motorbike|motorcycle)',
      '(?:got|been|was|were|is) run over',
      'scald\\w*',
      'burn(?:ed|t|s)? (?:badly|all over)',
      'blood everywhere',
      '(?:leg|arm|bone|hip|wrist)s? (?:look|looks|is|seems) broken',
      'a lot of blood',
      'head is bleeding',
    ],
  },
  {
    family: 'bleeding',
    strength: 'weak',
    zh: [
      '流血',
      '出血',
      '流鼻血',
      '鼻血',
      '见血',
      '有血',
      '带血',
      '血迹',
      '划伤',
      '割伤',
      '划破',
      '割破',
      '擦伤',
      '碰伤',
      '磕伤',
      '受伤',
      '受了伤',
      '伤到',
      '伤着',
      '车祸',
      '撞车',
      '翻车',
      '烫到',
      '骨折',
      '疯狗',
      '狗疯',
      '(?:狗|马蜂|蜂|蝎子)[^，。！？]{0,4}(?:咬|蛰|蜇)',
    ],
    en: ['bleed\\w*', 'blood', 'injur\\w*', 'wound(?:ed)?', 'accident', 'burn(?:ed|t)', 'bitten'],
  },

  // ─── missing person ───
  {
    family: 'missing',
    strength: 'strong',
    life: true,
    zh: [
      `${PERSON}[^，。！？]{0,8}(?:不见了|不见人|丢了|走丢|走失|走散|失踪|找不到了|找不着了|找不见了|找不到|找不着|找不见|寻勿到|寻不到|寻不着|寻不见|寻无|找无|唔见|搵唔到|没影儿?|没了?踪影|不知道(?:去|跑|走|在)(?:了)?(?:哪|哪里|哪儿)|走哪去了|跑哪去了|被(?:人)?(?:带走|抱走|拐))(?=$|[\\s，。！？,.!?；…~]|啊|呀|了|啦|咯|哦|喽|嘞)`,
      `${PERSON}[^，。！？]{0,12}(?:一夜没回|一晚上没回|一宿没回|到现在(?:还)?没(?:有)?回|还没(?:有)?回(?:来|家)?|一直没(?:有)?回(?:来|家)?(?![复信话答应]|消息|微信|电话)|没回来|没回家|没到家|没见人|(?:几|两|三|四|五|好几|多)天(?:都)?没(?:联系上|消息|音讯|见到|回))`,
      `${PERSON}[^，。！？]{0,4}(?:lost|missing)`,
      '被[^，。！？]{0,6}(?:带走|抱走|拐走|拐跑|领走|拽走|拉走)(?:了)?(?=$|[\\s，。！？,.!?])',
      '人没回(?:来|家)',
      '离家(?:了|出走)',
      `${PERSON}就没了`,
      // Voice-to-text runs on without punctuation ("下来人就不见了小区里都找遍了"): an event told
      // with 就/突然 needs no clause end after it.
      `${PERSON}[^，。！？]{0,6}(?:就|突然|一下子|一转眼|转眼|一下)(?:不见了|没影了|走丢了|走失了|找不到了|找不着了|找不见了)`,
      // Someone not back, with a time span or a night fallen since (decision 0043): no alarm word needed.
      `${PERSON}[^。！？]{0,16}(?:到现在|至今|一整天|一天一夜|一夜|一宿|一晚上|天都黑|天黑|半夜|[几两三四五六七八九十\\d]+个?多?(?:小时|钟头)|好几个小时|大半天)[^。！？]{0,8}(?:还)?(?:没(?:有)?(?:回|到家|见人|消息|音讯)|不见人|联系不上|找不到|找不着)`,
      `(?:没(?:有)?回(?:来|家)|没到家|不见人|联系不上)[^。！？]{0,6}(?:已经|都)?(?:[几两三四五六七八九十\\d]+个?多?(?:小时|钟头)|一整天|一天一夜|一夜|大半天|好几个小时)了`,
      '(?:一转身|一眨眼|一回头|一不留神)[^，。！？]{0,6}(?:没了|不见了|找不到了|找不着了)',
      '坐错(?:了)?车',
      '跑出去[^。！？]{0,10}(?:找不到|找不着|找不见|没回|不见)',
      '说不回来了',
      '不见(?:了)?踪影',
      '(?:全家|到处|一直|都)[^，。！？]{0,3}找(?:了)?[^，。！？]{0,6}(?:小时|天|下午|上午|晚上|半天|一夜)',
      '走失',
      '走丢',
      '失踪',
      '离家出走',
      '被拐',
      '拐走',
      '抱走了',
      '寻人',
      '人不见了',
      '人丢了',
      '找不到人了',
      '走散',
      '走是了',
      '唔见咗',
      '(?:痴呆|糊涂|阿尔茨海默|阿兹海默|老年痴呆|认知障碍|智力障碍|智障|脑子不清楚|记性不好|记性差|记不住事|记不住路|记不得路|认不得路|不认路|失智|精神病|精神障碍|精神不好|自闭症|自闭|孤独症)[^。！？]{0,20}(?:出门|出去|跑出去|走出去|不见(?!东西)|没回|找不到(?!东西|钥匙|钱|手机|眼镜|药)|找不着(?!东西|钥匙|钱|手机|眼镜|药)|走丢|跑丢|不知道去哪|联系不上|(?:自己|一个人|独自)[^，。！？]{0,6}(?:走了|跑了|出门|出去|坐车|坐公交|坐地铁))',
      '(?:出门|出去)[^。！？]{0,14}(?:到现在|一夜|一整天|天都黑|天黑|现在)[^。！？]{0,4}(?:没回|没有回|还没|没影)',
      '找不到家长',
      '(?:就|突然|一下子|转眼)(?:找不见|找不着|找不到|不见)了',
    ],
    en: [
      'missing (?:child|kid|boy|girl|person|elderly|old man|old woman|grandma|grandpa|son|daughter)',
      `${EN_PERSON}[^.!?]{0,40}?\\b(?:is |has |have |went |gone |got |gets |get |was |been )?(?:missing|lost(?! (?:his|her|my|our|their|the|a|an|all|some|weight|money|it|its|job)\\b)|disappeared|wander(?:ed|s)? (?:off|away)|ran away|run away|not come (?:back|home)|hasn'?t come (?:back|home)|didn'?t come (?:back|home)|did not come (?:back|home)|never came (?:back|home)|not (?:home|back)(?: yet| since)?|isn'?t (?:home|back)|hasn'?t (?:got |gotten )?(?:home|back)|not returned|hasn'?t returned|can'?t be found|not (?:been )?seen since)`,
      "(?:no one|nobody|don'?t|do not|doesn'?t) knows? where (?:she|he|they) (?:is|are|went)",
      '(?:dementia|alzheimer\\w*|autis\\w*|special needs|non-?verbal|memory problems?)[^.!?]{0,60}\\b(?:left|went out|wandered|gone|walked (?:out|off|away)|ran (?:out|off|away)|run (?:out|off)|slipped (?:out|away|off)|got out|bolted)',
      `${CANT} find (?:my|our|his|her|the) ${EN_PERSON}`,
      // Someone out since a time and not back (decision 0043), however far the words run.
      "(?:went out|went off|left|went for|went to|headed out|set off)[^.!?]{0,60}\\b(?:this morning|at \\d+|\\d+ hours? ago|hours ago|since|last night|all day|yesterday)[^.!?]{0,30}\\b(?:still )?(?:is not|isn'?t|not|hasn'?t|has not)(?: yet)? (?:back|home|come (?:back|home)|returned)",
      `${CANT} find (?:him|her)`,
      'kidnapp\\w*',
      'abduct\\w*',
      'taken by (?:a )?stranger',
      'wander(?:ed)? off',
      '(?:grabbed|snatched|took|dragged|pulled|carried) (?:a|the|my|our|his|her) (?:kid|child|boy|girl|baby|son|daughter|toddler)',
      'wandered away',
    ],
  },
  {
    family: 'missing',
    strength: 'weak',
    zh: [
      '没回来',
      '没回家',
      '没到家',
      '不认路',
      '一夜未归',
      '彻夜未归',
      '联系不上',
      '打不通',
      '迷路',
      '认不得(?:回家的)?路',
      '找不到(?:回家的)?路',
      '不知去向',
      '下落不明',
      '没见人',
      '没见到人',
      '不见人影',
      '失联',
      '没消息',
    ],
    en: ['missing', 'not come home', "hasn'?t come home", 'not answering (?:the |his |her )?phone'],
  },

  // ─── violence ───
  {
    family: 'violence',
    strength: 'strong',
    zh: [
      '(?:打|揍|踢|掐|扇|殴打|暴打|毒打|追打|围殴)(?:我|俺|他|她|人|孩子|娃|老婆|媳妇|老公|妈妈|我妈|俺娘|老人|妻子|丈夫|母亲|父亲|爸爸|我爸)(?!电话|手机|的电话|麻将|牌|球|针)',
      '被(?:人)?(?:打|揍|殴打|暴打|毒打|围殴|捅|掐|家暴|打伤)(?!扰|断|开|印|湿|败|乱|击|折|包|卡|针|疫苗|电话|通|捞|听|趣|扫|理|造|磨|量|算|蜡|钩|勾)',
      '被(?:人)?(?:刺|砍)(?:伤|了一刀|中|到)',
      '被(?:人)?踢(?:伤|了|倒)',
      '把(?:我|俺|他|她|孩子|娃|老婆|媳妇|老公|妈|我妈|俺娘|老人)[^，。！？]{0,3}(?:打|揍|踢)(?:了|伤|得|一顿|哭|晕)',
      '被[^，。！？]{1,6}(?:打|揍|踢|掐)(?:了|伤|得|一顿|哭|晕)(?!电话|针|一针|疫苗|个电话)',
      '围着(?:打|揍)',
      '把[^，。！？]{1,8}(?:打|揍|踢|砍|捅)(?:倒|伤|晕|死)',
      '(?:打|揍|踢|殴打)(?:一个|个|几个|那个|这个)(?:老人|孩子|小孩|女的|男的|人|老太太|老头|女人|学生|小伙子?)',
      '(?:打|揍|踢)了(?:我|俺|他|她|人|孩子|娃|老婆|媳妇|老公|妈妈|我妈|俺娘|老人|一顿)',
      '进了?(?:贼|小偷)',
      '贼还在',
      '往车(?:上|里)(?:拽|拖|拉|推)',
      '(?:拽|拖|拉)(?:上|进)车',
      '掐(?:着|住)?[^，。！？]{0,6}脖子',
      '(?:威胁|扬言)[^，。！？]{0,3}(?:要)?(?:烧|炸)',
      '挨打',
      '挨揍',
      '遭打',
      '遭揍',
      '家暴',
      '家庭暴力',
      '动手(?:打|了)',
      '(?:拿|持|举|挥|掏|亮|提)(?:着)?(?:刀|菜刀|砍刀|刀子|匕首|斧头|枪|凶器)',
      '动刀子',
      '砍人',
      '砍伤',
      '捅人',
      '刺伤人',
      '行凶',
      '杀人',
      '要杀(?:了|死)?(?:我|你|他|她|人|全家)',
      '杀了(?:我|你|他|她)',
      '弄死(?:我|你|他|她)',
      '打死(?:我|你|他|她|人)',
      '掐(?:住)?(?:我|她|他)?(?:的)?脖子',
      '掐死',
      '勒(?:住|死)',
      '闯进',
      '闯入',
      '破门而入',
      '入室',
      '小偷还在',
      '有贼',
      '有小偷(?:在|进)',
      '抢劫',
      '抢钱',
      '抢包',
      '打劫',
      '持械',
      '斗殴',
      '群殴',
      '打群架',
      '互殴',
      '追着(?:打|砍)',
      '强奸',
      '性侵',
      '猥亵',
      '非礼',
      '绑架',
      '劫持',
      '虐待',
      '(?:威胁|扬言)(?:要)?(?:杀|打|砍|弄死|报复)',
      '拿刀',
      '鼻青脸肿',
    ],
    en: [
      '(?:hit|hitting|hits|beat|beating|beats|beaten|punch\\w*|kick\\w*|slap\\w*|strangl\\w*|attack\\w*|assault\\w*|stab\\w*|abus\\w*|chok\\w*) (?:me|us|(?:my|his|her|their) (?:wife|husband|mom|mum|mother|son|daughter|kids?|child|children|baby|sister|brother|girlfriend|boyfriend|partner)|her|him|them|mom|mum|the kids?|the child)(?! head)',
      'domestic (?:violence|abuse)',
      '(?:beat|beating|hit|hitting|attack\\w*|punch\\w*|kick\\w*|stab\\w*) (?:a|an|the|some|this|that) (?:man|woman|girl|boy|kid|child|old|person|guy|lady)',
      'attack\\w* (?:people|someone|somebody)',
      '(?:got|was|been|being) (?:beaten|bullied and beaten)',
      'with a (?:knife|gun|machete|axe|bat|hammer|weapon)',
      '(?:has|had|holding|waving|pulled|carrying) (?:a )?(?:knife|gun|weapon)',
      '(?:kill|stab|shoot) (?:me|us|my|her|him)',
      '(?:hurt|beat) (?:me|us|her|him)',
      'threaten\\w* (?:to|me|us|people)',
      'broke into',
      'break(?:ing)? in(?:to)?',
      'burglar\\w*',
      'intruder',
      'robbed',
      'robbery',
      'mugged',
      'mugging',
      '(?:beat|beating|beats|beaten) up',
      'being (?:beaten|attacked|hit|abused)',
      'rape\\w*',
      'sexual(?:ly)? (?:assault|abuse)\\w*',
      'molest\\w*',
      'pulled a (?:knife|gun)',
    ],
  },
  {
    family: 'violence',
    strength: 'weak',
    zh: [
      '打架',
      '打起来',
      '动起手',
      '推搡',
      '推了我',
      '砸门',
      '砸东西',
      '砸家',
      '跟踪',
      '尾随',
      '威胁',
      '恐吓',
      '发酒疯',
      '耍酒疯',
      '撒酒疯',
      '喝醉了?[^，。！？]{0,6}(?:闹|打|砸|骂)',
      '砸(?:玻璃|窗|车|我的?店|店)',
      '(?:喝了酒|喝醉|酒后)[^，。！？]{0,4}动手',
      '骚扰',
      '小偷',
      '有人(?:在)?(?:撬|砸)(?:门|窗)',
      '闹事',
      '撬门',
      '惨叫',
      '(?:拿|持|举|挥|提)(?:着)?(?:棍子|棍棒|铁棍|锤子|榔头|砖头)',
    ],
    en: ['fight\\w*', 'knife', 'gun', 'stalk\\w*', 'threat\\w*', 'violent', 'violence', 'bull(?:y|ied|ying)', 'beaten'],
  },

  // ─── suicide and self-harm ───
  {
    // An act under way or about to be: call 110/120 first.
    family: 'self_harm',
    strength: 'strong',
    life: true,
    zh: [
      '(?:想|要|准备|说要)(?:去)?跳(?:楼|河|江|湖|海|桥|崖|下去)',
      '跳楼(?!价|大甩卖)',
      '跳河',
      '跳江',
      '跳湖',
      '跳海',
      '割腕',
      '割脉',
      '割手腕',
      '(?:喝|吃|吞)(?:了)?(?:农药|敌敌畏|百草枯|老鼠药|耗子药|一整?瓶|好多药|很多药|一把药|刀片|好几片刀片)',
      `${PERSON}[^，。！？]{0,3}喝药了`,
      '(?:一整?瓶|好多|很多|一把)安眠药',
      '上吊',
      '烧炭(?!取暖)',
      '从楼上跳',
      '从[^，。！？]{0,6}(?:楼|桥|天台|阳台|窗)[^，。！？]{0,3}跳下',
      '(?:桥|楼顶|天台)[^，。！？]{0,4}(?:栏杆|护栏)?外(?:面|边)',
      '(?:楼顶|天台|桥上|桥边|河边|江边|窗台|阳台边|楼顶边)[^。！？]{0,10}(?:要跳|想跳|往下跳|准备跳)',
      '看着要跳',
    ],
    en: [
      'overdos\\w*',
      'took (?:too many|a lot of|all (?:the|his|her|my)) (?:pills|tablets|medicine|sleeping pills)',
      // An overdose told as an amount taken (decision 0043): "I've taken a lot of pills", "swallowed
      // a handful of her heart pills", "took 20 paracetamol". Not a dose as usual ("takes a lot of
      // pills every day", "took 2 tablets").
      `${OD_TAKEN} ${OD_AMOUNT} (?:of )?(?:(?:my|his|her|their|the|mum'?s|mom'?s|dad'?s|grandma'?s|grandpa'?s) )?(?:[^\\s.!?]+ ){0,2}${OD_DRUG}`,
      '(?:jump|jumping|jumped) (?:off|from) (?:the |a )?(?:bridge|roof|building|balcony|window|cliff)',
      'going to jump',
      '(?:balcony|roof|window|bridge) (?:ledge|edge|railing)',
      'edge of the (?:roof|building|bridge|balcony)',
      'hang (?:my|him|her)self',
      'hanged (?:him|her)self',
      '(?:cut|slit|slashed) (?:my|his|her) wrists?',
      'cutting (?:her|his|my|their) (?:arms?|wrists?|legs?)',
      '(?:going to|gonna|want to|wants to|will) end it',
    ],
  },
  {
    // Suicidal thoughts and self-harm: the answer gives the hotline and asks.
    family: 'self_harm',
    strength: 'strong',
    zh: [
      '自杀',
      '自尽',
      '轻生',
      '寻死',
      '寻短见',
      '不想活(?!得|成这样子?)',
      '活不下去',
      '活着(?:真|都)?(?:没|没有)(?:啥|什么)?(?:意思|意义|劲|盼头)',
      '活着(?:好|太|真)累',
      '活够了',
      '活腻',
      '想死(?!你|您|大家|他们|她们|咱|宝|人|我|的心)',
      '去死(?!吧)',
      '不如死了',
      '死了算了',
      '死了(?:大家|就)(?:都)?(?:轻松|好了|解脱)',
      '一了百了',
      '一死了之',
      '结束(?:自己的)?(?:生命|这一切|一切)',
      '结束自己',
      '活着[^，。！？]{0,4}没(?:有)?(?:啥|什么)?(?:意思|意义|劲|盼头)',
      '了结自己',
      '了此残生',
      '离开这个世界',
      '怎么(?:死|自杀)',
      '想好(?:了)?怎么(?:结束|死|走)',
      '活到头了',
      '(?:我|自己)[^，。！？]{0,4}(?:消失|不在)了?(?:最好|就好|算了)',
      '消失了?(?:最好|算了|就好)',
      '死了(?:也)?没人(?:在乎|管|知道|心疼)',
      '了断',
      '活着(?:就是|也是)?(?:浪费|多余|受罪)',
      '没有我(?:会)?(?:更好|更轻松)',
      '没有我[^，。！？]{0,4}(?:会)?(?:更)?(?:轻松|好过|解脱|清净|省心)',
      '划(?:自己|手臂|胳膊|手腕)',
      '(?:手臂|胳膊|手腕)上[^，。！？]{0,6}(?:划|割)',
      '自残',
      '自伤',
      '伤害自己',
      '遗书',
      '生无可恋',
      '不想醒来',
      '字杀',
    ],
    en: [
      'suicid\\w*',
      'kill(?:ing|ed|s)? (?:my|him|her|them)sel(?:f|ves)',
      "(?:no|not see the|don'?t see the|don'?t see any|no) point (?:in )?(?:living|going on|life)",
      '(?:better|happier) (?:off )?without me',
      'disappear forever',
      "(?:easier|better) (?:if|when) i (?:was|were|am|'m) (?:dead|gone)",
      'wish i (?:was|were) dead',
      '(?:nobody|no one) would (?:miss|care about|notice) me',
      'end (?:my|his|her|their) (?:own )?life',
      'ending (?:my|his|her|their) (?:own )?life',
      'end it all',
      '(?:want|wants|wanted|wanna|going|gonna) (?:to )?die',
      "(?:don'?t|do not|doesn'?t|does not) want to (?:live|be alive)",
      'no reason to live',
      'better off dead',
      'self[- ]?harm\\w*',
      '(?:cut|cutting|cuts|hurt|hurting|harm|harming|burn|burning) (?:my|him|her|them)sel(?:f|ves)',
      'suicide note',
    ],
  },
  {
    family: 'self_harm',
    strength: 'weak',
    zh: [
      '想不开',
      '撑不下去',
      '坚持不下去',
      '不想拖累',
      '拖累(?:你们|我们|家里|大家)',
      '把(?:存折|钱|银行卡|东西)[^，。！？]{0,4}(?:交给|都给|送)',
      '想走了',
      '(?:我|他|她)死了(?:也|就|大家)',
      '我是个废物',
      '多余的人',
      '熬不下去',
      '没有活路',
      '解脱',
      '累赘',
      '绝望',
      '交代后事',
      '活着干嘛',
      '活着有什么意思',
      '活得(?:很|好|太|真)?累',
      '想(?:永远)?消失',
      '安眠药',
    ],
    en: [
      'life is meaningless',
      'saying goodbye',
      'said goodbye',
      'goodbye (?:message|note|letter)',
      'no point (?:in )?living',
      `${CANT} go on`,
      'give up on life',
      'hopeless',
    ],
  },

  // ─── indirect reports and new wording ───
  // Nobody has seen a person who lives alone, a pupil not home: each sign is weak, two make it likely.
  {
    family: 'missing',
    strength: 'weak',
    zh: [
      '敲门(?:也|都)?(?:没人|没有人|不)(?:应|开|理|答应)?',
      '(?:报纸|快递|牛奶|饭菜?|外卖|菜|信件|包裹)[^，。！？]{0,8}(?:堆|挂在门|没(?:有)?(?:人)?(?:拿|收|取|动))',
      '没(?:有)?人见(?:过|到|着)',
      '(?:几|两|三|四|五|好几|一个?星期|一周|多)天?(?:都)?没(?:出门|露面|下楼|见人|见到人|动静)',
      '电话[^，。！？]{0,4}(?:没人接|不接|打不通|不听|关机|没人听)',
      '不接电话',
      '(?:没|没有)(?:来|去)上学',
      '(?:昨晚|昨天|前天|一晚上|一夜|一宿)[^，。！？]{0,4}(?:就)?没回(?![复信话答应])',
      '(?:点名|数人|清点)[^，。！？]{0,8}少了',
      '少了(?:一|两|个)[^，。！？]{0,2}(?:孩子|娃|人|学生|小孩|小朋友)',
      '(?:学生|孩子|小孩|小朋友|人|队员|娃)[^，。！？]{0,8}少了(?:一|两|个)',
      '到处(?:找|寻)(?!钥匙|东西|工作|房子|手机|钱包|证件|资料|地方|停车)',
    ],
    en: [
      "(?:can'?t|cannot|couldn'?t|unable to) reach (?:him|her|them)",
      "(?:won'?t|doesn'?t|didn'?t|isn'?t|not) (?:pick(?:ing)? up|answer(?:ing)?)",
      'no answer',
      '(?:newspapers?|parcels?|packages?|mail|milk|deliver(?:y|ies)) (?:are |is |have been |has been |keeps? )?(?:piling|piled|stacking|stacked)',
      "(?:hasn'?t|has not|haven'?t|nobody has|no one has) (?:been )?seen (?:him|her|them)",
    ],
  },
  {
    family: 'missing',
    strength: 'strong',
    life: true,
    en: [`lost (?:my|our|his|her) ${EN_PERSON}`, `${EN_PERSON} (?:got |is |went )?lost in (?:the )?crowd`],
  },
  {
    family: 'missing',
    strength: 'weak',
    zh: ['(?:天黑|半夜|晚上|现在|这会儿)(?:了)?[^，。！？]{0,3}还没(?:下来|回来|出来|回家|到家|找到)'],
  },
  {
    family: 'flood',
    strength: 'strong',
    life: true,
    en: ['(?:river|dam|levee|dyke|dike|embankment) (?:has )?(?:broke|broken|burst|breached|overflow\\w*)', '(?:broke|burst|overflowed) (?:its|the) banks?'],
  },
  { family: 'flood', strength: 'weak', en: ['cut off'] },
  {
    family: 'flood',
    strength: 'strong',
    en: [
      'water (?:is |was |has )?(?:up to|reached|reaching|at|over) (?:the |our |my |his |her )?(?:windows?|waist|chest|knees?|necks?|roof|ceiling|second floor|door handles?|windowsills?)',
    ],
  },
  {
    family: 'violence',
    strength: 'strong',
    zh: ['(?:堵|围|按)(?:着|住)?(?:一个|个|那个)?[^，。！？]{0,4}(?:打|揍|踢)', '打得(?:很|好|特别|非常)?(?:凶|狠)'],
  },
  {
    family: 'trapped',
    strength: 'strong',
    en: [
      '(?:climbed|crawled|got|is|locked|stuck|trapped) (?:into|inside|in) (?:the |an? )?(?:old )?(?:chest )?(?:freezer|fridge|refrigerator|washing machine|dryer|trunk|suitcase)',
    ],
  },
  // Carbon monoxide from a stove or brazier, and poisoning: what the body shows, beside the cause.
  {
    family: 'gas',
    strength: 'strong',
    zh: [
      '(?:炉子|煤炉|炭盆|火盆|炭火|烤火|蜂窝煤|煤球|烧炭|炭炉|火炉)[^。！？]{0,20}(?:头晕|头疼|头痛|恶心|迷糊|想吐|呕吐|昏|晕)',
      '(?:头晕|头疼|头痛|恶心|迷糊|想吐|呕吐|昏|晕)[^。！？]{0,20}(?:炉子|煤炉|炭盆|火盆|炭火|烤火|蜂窝煤|煤球|烧炭|炭炉|火炉)',
    ],
  },
  {
    family: 'unconscious',
    strength: 'strong',
    zh: ['(?:野?蘑菇|菌子|毒蘑菇|野菜|河豚|农药|老鼠药|过期)[^。！？]{0,12}(?:吐|迷糊|晕|看见小人|抽|说胡话|拉肚子不止)'],
  },
  { family: 'fire', strength: 'strong', zh: ['火[\\s!！,，]*火[\\s!！,，]*火', '救火'] },
  { family: 'violence', strength: 'strong', zh: ['同归于尽', '(?:汽油|硫酸|炸药)[^，。！？]{0,4}(?:瓶|桶)?[^，。！？]{0,8}(?:要|说|扬言)'] },
  // Self-harm in new words: a plan, a goodbye, a place to jump.
  {
    family: 'self_harm',
    strength: 'strong',
    life: true,
    zh: [
      '(?:要|想|准备|说要)(?:去)?跳(?:水库|井|塘|坝|下去|楼|河|江|湖|海)',
      '(?:药|安眠药|药片)[^。！？]{0,6}攒',
      '攒(?:了)?[^。！？]{0,8}(?:药|安眠药|药片)',
      '不想再?(?:生存|活(?!得)|继续活|活下去)',
      '(?:买|备|准备)(?:好)?了?[^，。！？]{0,3}炭(?!火|烤)',
      '炭[^，。！？]{0,2}(?:都)?(?:买好|备好|准备好)',
    ],
    en: ['noose', "today'?s the day", 'planning (?:it|my death|to end)', '(?:photo|picture|pic) of (?:a |the )?(?:rope|noose|blade|pills)'],
  },
  {
    family: 'self_harm',
    strength: 'weak',
    zh: ['站在(?:窗边|窗台|楼顶|天台|桥上|桥边|阳台边|栏杆外|楼边|楼顶边)', '(?:交代|安排)(?:好)?后事', '对不起大家', '永别'],
    en: [
      'goodbye',
      'sorry for everything',
      "(?:don'?t|do not) want to (?:be here|be alive|exist|wake up|live) (?:anymore|any more|any longer)",
      "(?:i'?m|im|i am) done with (?:everything|life|it all|all of it)",
      '(?:platform|roof|bridge) edge',
      'on the (?:ledge|edge)',
      'rope',
    ],
  },
  {
    family: 'trapped',
    strength: 'strong',
    en: [
      '(?:stuck|trapped|stranded) (?:on|in|inside) (?:the |a |an )?(?:cable car|gondola|ride|ferris wheel|chairlift|roller coaster|lift|elevator)',
      'stranded',
    ],
  },
  {
    family: 'gas',
    strength: 'strong',
    en: ['(?:charcoal|coal|brazier|grill|bbq|barbecue)[^.!?]{0,40}\\b(?:indoors|inside|in the (?:room|house|flat|bedroom|tent))', 'carbon monoxide'],
  },
  // Suicidal talk said sideways: the worth of living, a farewell to the world, the means at hand.
  {
    family: 'self_harm',
    strength: 'strong',
    zh: [
      '活着(?:还|又)?有(?:什么|啥|个啥|甚么)(?:意思|意义|盼头|用|劲)',
      '(?:再见|永别|告别)了?[^，。！？]{0,3}(?:这个|这)?世界',
      '(?:不想|不愿意?)(?:再)?(?:活在|留在)这个世界',
      '(?:想|要)(?:去)?(?:跳|跳下去)[^，。！？]{0,2}(?:算了|得了)',
      '(?:跳楼|跳河|跳江|上吊|割腕|吃药)算了',
      '(?:农药|安眠药|绳子|刀片|炭)[^，。！？]{0,6}(?:准备好|买好|备好|拿在手|攥在手)',
      '(?:楼|桥|天台|阳台|窗)[^，。！？]{0,3}(?:跳)?下去算了',
      '(?:想|要)(?:割|划|伤害?|烫)(?:自己|手腕|手臂|胳膊)',
      '(?:想|要)永远睡(?:下去|过去|着)',
      '活着[^，。！？]{0,3}(?:浪费|多余|受罪|煎熬|折磨)',
      '(?:在天上|在那边)等我',
      '睡(?:过去|下去)(?:就)?(?:别|不要|不|再也不)(?:再)?醒',
      '下辈子(?:再)?(?:报答|孝顺|做你的|还你|见)',
      '一死百了',
    ],
    en: [
      'no reason to (?:go on|keep going|carry on|live|stay|be here)',
      "(?:don'?t|do not|can'?t) (?:want to|wanna) (?:go on|keep going|carry on|wake up)",
      '(?:pills|tablets|sleeping pills|rope|razor|blade)s? (?:are |is )?(?:ready|saved up|stockpiled|in my hand)',
      '(?:saved|saving|stockpiled|stockpiling|hoarded|hoarding) (?:up )?(?:my |the |some )?(?:pills|tablets|sleeping pills|meds)',
      '(?:goodbye|bye) (?:cruel )?world',
      '(?:take|took|taking|swallow\\w*) (?:all|the whole bottle of|a whole bottle of|a bottle of|the bottle of) (?:of )?(?:my |the |his |her |their )?(?:pills|tablets|meds|sleeping pills)',
      '(?:wants?|wanna|wanted|threaten\\w*|trying|about) to jump(?! on| rope| in| into| the queue| ahead)',
      'ending it (?:all|tonight|now)',
      "(?:been|started|start|keeps?|kept|is|am|was|'m|'s) cutting (?:again|myself|herself|himself)",
      "(?:i'?d|he'?d|she'?d|would) (?:rather|sooner) be dead",
      'kms',
      'locked (?:him|her|my|them)sel(?:f|ves) in (?:the )?(?:garage|car)[^.!?]{0,30}(?:running|engine|exhaust|fumes)',
      '(?:join|be with|see) (?:\\w+ ){0,2}in heaven',
      'end it (?:tonight|now)',
    ],
  },
  {
    family: 'self_harm',
    strength: 'weak',
    zh: [
      '想死的心都有',
      '活着[^，。！？]{0,4}(?:太|好|真|很)?(?:难受|痛苦|辛苦|没劲|煎熬)',
      '我(?:要)?走了(?:以后|之后)',
      '(?:你们|大家)(?:以后)?(?:要)?好好(?:的|活着|照顾自己)(?![^，。！？]{0,3}(?:学习|工作|休息|玩|吃))',
      '(?:留|写)(?:了|下)?[^，。！？]{0,3}(?:一封)?(?:信|纸条|字条)[^，。！？]{0,6}(?:走了|不见|出门)',
      '撑不住了',
      '(?:不想|不愿)(?:再)?(?:醒|睁眼)',
      '(?:想|要)(?:一直)?睡(?:下去|过去)',
      '(?:去|要去)陪(?:我)?(?:妈|爸|老伴|奶奶|爷爷|外婆|外公|他|她)了',
      '最后一(?:晚|夜|天|次)(?:了|跟你们|和你们)',
      '(?:谢谢你们|谢谢大家)(?:这些年|这么多年|一直以来)',
      '密码[^，。！？]{0,4}(?:写在|留在|在)[^，。！？]{0,4}(?:纸|本|桌)',
      '(?:你们|大家|你)(?:都|要)?(?:多)?保重',
      '(?:做个|做一个)?了结(?!了?(?:这|那)?(?:件|个|笔|桩)?(?:事|案|账|纠纷|官司))',
      '(?:我是|自己是|我就是)(?:个|家里的|大家的)?(?:负担|累赘|拖累)',
      '(?:写好|留下|留了)(?:了)?(?:一份)?遗嘱(?![^，。！？]{0,8}(?:手续|公证|怎么|去哪|律师|有效))',
      '(?:东西|存款|钱|房子|家当)[^，。！？]{0,3}(?:都)?(?:分好|分完|交代好|送人)',
      '别(?:再)?找我',
      '(?:我)?不会(?:再)?回来了',
      '(?:帮我|替我)(?:照顾|照看|看)好?(?:爸妈|我妈|我爸|父母|孩子|我家人|家里人?|老人)',
      '我不行了',
      '(?:人生|生活|活着|日子)[^，。！？]{0,3}没(?:有)?(?:意义|意思|盼头|希望)(?![^，。！？]{0,6}(?:想找|想参加|想报|想学|找点))',
      '(?:我)?(?:准备|打算|要)走了',
    ],
    en: [
      '(?:wrote|left|writing) (?:a |my |his |her )?(?:last )?(?:note|letter) (?:for|to) (?:my|his|her|the) (?:family|kids|wife|husband|parents|mum|mom)',
      "(?:i'?m|im|i am) done\\s*[.!]*$",
      "(?:can'?t|cannot) (?:take|do) (?:this|it) any ?more",
      "(?:can'?t|cannot) (?:do this |take this |take it |go on )?any ?more",
      'my last (?:message|post|text|words|goodbye)',
      'sorry (?:everyone|to everyone|mum|mom|dad)',
      'do something (?:stupid|drastic)',
      '(?:end|ending) (?:things|everything)(?! with)',
      '(?:want|wanna|wants) to disappear',
      'never come back',
      'bought (?:some |a bag of )?charcoal',
      '(?:pills|tablets|meds|sleeping pills) (?:are )?(?:on|in) (?:the|my) (?:table|hand|desk|bed|pocket)',
      '(?:gave|giving|give|gives) away (?:his|her|my|their|all (?:his|her|my|their)) (?:things|stuff|belongings|possessions)',
    ],
  },
  // Blood lost in quantity from inside the body.
  {
    family: 'bleeding',
    strength: 'strong',
    zh: ['(?:便血|吐血|咯血|尿血|出血|流血|便出血)[^，。！？]{0,2}(?:很多|好多|不少|一大(?:片|摊|口)|一地|止不住|不止)'],
  },
  {
    family: 'collapse',
    strength: 'strong',
    en: [
      '(?:ceiling|roof|wall|floor|beam|balcony|joist)s? (?:is |are |was |were )?(?:sagging|caving in|caving|bulging|coming down|giving way|buckling|about to (?:fall|collapse|give))',
    ],
  },
  { family: 'collapse', strength: 'weak', en: ['loud (?:crack|cracking|creak\\w*|bang)'] },
  // A small child alone, nobody with it.
  {
    family: 'missing',
    strength: 'strong',
    life: true,
    zh: ['(?:小孩|孩子|小朋友|小娃娃?|宝宝|小女孩|小男孩)[^，。！？]{0,8}(?:一个人|独自)[^，。！？]{0,8}(?:哭|乱走|乱跑|走来走去|在路边|在马路|在街上)'],
    en: [
      '(?:toddler|child|kid|little (?:boy|girl)|baby|small (?:boy|girl|child))[^.!?]{0,25}\\b(?:wandering|walking|crying|alone)\\b[^.!?]{0,25}\\b(?:alone|no (?:parents?|adults?|one|grown-?ups?)|nobody)\\b',
    ],
  },
  {
    family: 'missing',
    strength: 'weak',
    zh: [
      '(?:找不到|没看到|没有|不见)(?:他的|她的)?(?:家长|大人|爸妈|父母)',
      '(?:一直|到现在(?:都|也)?|还)没到(?![^，。！？]{0,3}(?:时间|点|货|账|卡|钱|款|期|位))',
      '(?:到处|路上|附近|周围|沿路)(?:也|都)?(?:没|没有)(?:找到|看到|见到)',
    ],
    en: ['no (?:parents?|adults?|grown-?ups?) (?:around|in sight|nearby)'],
  },
  {
    family: 'flood',
    strength: 'weak',
    en: ['(?:river|water|flood ?water|creek|stream)s? (?:is |are )?(?:rising|coming up)', 'refus\\w* to (?:leave|evacuate)'],
  },
  {
    family: 'violence',
    strength: 'strong',
    en: ['(?:trying to|tries to|try to) (?:break|kick|smash|force) (?:down |in )?(?:the |my |our )?(?:door|window)'],
  },
  { family: 'violence', strength: 'weak', en: ["(?:i'?m|we'?re|im|i am|we are) hiding (?:in|from|under|behind)"] },
  // Fire set or coming: a wildfire moving in, arson.
  {
    family: 'fire',
    strength: 'strong',
    zh: ['(?:山火|野火|林火|大火|火势|火苗|火)[^，。！？]{0,4}(?:烧过来|烧到|蔓延|逼近|往[^，。！？]{0,4}烧)', '放火(?!箭|炮|烧荒)', '纵火', '点火烧'],
    en: [
      '(?:wild ?fire|bush ?fire|forest fire|the fire) (?:is )?(?:coming|spreading|heading|moving) (?:towards|toward|to|our way)',
      'arson',
      'set (?:fire to|on fire)',
    ],
  },
  // A threat to kill or cut someone, said to the one threatened.
  {
    family: 'violence',
    strength: 'strong',
    zh: ['(?:要|想|说要|扬言|拿刀)(?:来)?(?:砍|杀|捅|弄死|打死)(?:我|死我|人)(?!家孩子)'],
    en: [
      '(?:wants|want|going|gonna|trying|tried) to (?:kill|stab|hurt|shoot) (?:me|us)\\b',
      "(?:he|she|they)(?:'s| is| are) (?:going to|gonna) (?:kill|stab|hurt|shoot)",
    ],
  },
  // ─── generalised from the third and fourth authors' sets (decision 0038) ───
  // Blood brought up in quantity: "吐了一大口血".
  { family: 'bleeding', strength: 'strong', zh: ['吐了?(?:一大口|一口|好多|很多|大口|一滩|一地|好几口)血'] },
  // Something falling from a building onto a person: "外墙皮往下掉，砸到一个路过的人".
  {
    family: 'collapse',
    strength: 'strong',
    zh: [
      '(?:外墙|墙皮|外墙皮|瓷砖|墙砖|水泥块|石头|石块|预制板|广告牌|招牌|玻璃|窗户|空调外机|花盆|树枝|大树|树|钢管|脚手架)[^。！？]{0,12}(?<!没|没有|未|不会|差点|险些)(?:砸到|砸中|砸伤|砸在|砸了)[^，。！？]{0,4}(?:人|行人|路人|孩子|老人|头|身上|脑袋)',
      `(?:掉下来|掉下|坠落|落下|砸下来|倒下来|塌下来)[^。！？]{0,6}(?<!没|没有|未|差点|险些)(?:砸到|砸中|砸伤|砸在)[^，。！？]{0,6}${PERSON}`,
    ],
    en: [
      '(?:fell|falling|fell off|came down|crashed down|dropped) (?:\\w+ ){0,4}(?:hit|hitting|landed on|struck|onto) (?:a |an |the |some |my |his |her )?(?:person|man|woman|kid|child|pedestrian|passer-?by|someone|somebody|head)',
    ],
  },
  // A lift dropping or stuck with people inside; a door that will not open on people inside.
  {
    family: 'trapped',
    strength: 'strong',
    zh: [
      '电梯[^，。！？]{0,8}(?:往下掉|往下坠|下坠|坠落|掉下去|掉了一截|猛地一沉|急坠|冲顶|蹲底|溜梯)',
      '(?:里面|里头|困在|关在|锁在)[^，。！？]{0,6}门(?:打不开|开不了|拉不开|推不开)',
      '门(?:打不开|开不了|拉不开|推不开)[^，。！？]{0,4}(?:出不去|出不来|人在里面)',
    ],
    en: [
      '(?:lift|elevator) (?:\\w+ ){0,3}(?:dropped|plunged|fell|plummeted|jolted)',
      "(?:door|doors) (?:won'?t|will not|can'?t) open (?:\\w+ ){0,3}(?:inside|in there|in here)",
    ],
  },
  // Someone not where they said they would be, out since yesterday without word.
  {
    family: 'missing',
    strength: 'strong',
    life: true,
    zh: [
      '(?:出门|出去|离开|走了|走的)[^。！？]{0,14}(?:到现在|一夜|一整天|两天|一天|整晚)[^。！？]{0,6}(?:一点|一点儿|半点)?(?:消息|音讯|动静|音信)(?:都|也)?(?:没|没有)',
    ],
  },
  {
    family: 'missing',
    strength: 'weak',
    pairOnly: true,
    zh: [
      '说[^，。！？]{0,6}(?:根本|压根)(?:就)?没(?:来|去|到)(?:过)?',
      '天(?:都|已经)(?:快)?黑了',
      '(?:然后|之后|接着|说完|随后)(?:就)?(?:关机|不回(?:消息|了))',
      `${PERSON}[^，。！？]{0,8}(?:消息|音讯|音信)(?:都|也)?(?:没|没有)了?`,
    ],
    en: ["(?:never|didn'?t) (?:arrive|show up|turn up|make it) (?:at|to)", 'no word from (?:him|her|them)'],
  },
  // Going for someone with a weapon, ready to fight to the death.
  {
    family: 'violence',
    strength: 'strong',
    zh: [
      '(?:拎|拿|提|抄|举|握|扛|挥)(?:着|起)?(?:把|根|个)?(?:锄头|镰刀|菜刀|砍刀|刀子?|棍子|木棍|铁棍|铁锹|斧头|砖头|扁担|钢管|酒瓶|啤酒瓶|汽油)[^，。！？]{0,8}(?:要|去|找|追|冲|砍|打|拼命|堵)',
      '(?:要|去|找)[^，。！？]{0,6}(?:跟|和|与|找)[^，。！？]{0,4}拼命',
    ],
    en: ['(?:with|carrying|holding|waving|grabbed|swinging) (?:a|an|his|her) (?:knife|machete|hoe|axe|hammer|bat|pipe|cleaver|bottle)'],
  },
  { family: 'violence', strength: 'weak', pairOnly: true, zh: ['(?:拉|拦)(?:都|也)?(?:拉|拦)?不住'] },
  // Leaving the world in order: things given away, pets placed, keys left out, last thanks.
  {
    family: 'self_harm',
    strength: 'weak',
    pairOnly: true,
    zh: [
      '(?:东西|家当|存款|钱|衣服|遗物)[^，。！？]{0,4}(?:都|全|全部)(?:分给|送给|留给|给了|分了|送了)',
      '(?:狗|猫|孩子|宠物|花)[^，。！？]{0,4}(?:也|都)?托(?:给|付给)',
      '以后(?:就)?(?:不|不会)(?:再)?(?:麻烦|打扰|拖累)(?:大家|你们|您|你|谁)',
      '最后一次(?:找|麻烦|联系|给|求)(?:你们|大家|您|你)',
      '钥匙[^，。！？]{0,6}(?:放在|放|压在|留在)[^，。！？]{0,8}(?:垫|门口|花盆|下面|底下|信箱|门框)',
      '对不起(?:孩子们|孩子|你们|大家|爸妈|妈|爸|所有人|这个家)',
      '谢谢(?:你们|大家|您)?(?:这些年|这么多年|一直以来)(?:的)?(?:照顾|帮助|关照|照应)',
      '劝(?:说|了)?(?:无效|不下来)',
    ],
    en: ['(?:gave|giving) away (?:all )?(?:my|his|her) (?:things|stuff|belongings)', "won'?t (?:bother|trouble) (?:you|anyone) (?:again|anymore|any more)"],
  },
  {
    family: 'self_harm',
    strength: 'strong',
    life: true,
    zh: ['(?:站|坐|爬|翻|跨)(?:在|到|上|出|过)?(?:了)?[^，。！？]{0,6}(?:护栏|栏杆)外'],
    en: ['(?:standing|sitting|climbed) (?:on|over|outside) (?:the )?(?:bridge )?(?:railing|rail|ledge|parapet)'],
  },
  // Sixth pass (decision 0044), by family of blind6's misses.
  // Electric shock: 电人 / 电到人, a touch that shocks, and a body's reaction beside 电 / 漏电.
  {
    family: 'electric',
    strength: 'strong',
    zh: [
      '(?:摸|碰|碰到|摸到|一碰|一摸)[^，。！？]{0,8}就?(?:电人|电到人|电了一下|电得)',
      '(?<![充用停来供发])电(?:到|伤)了?(?:[一两三几好]个)?人',
      '(?:[就会还老]|一直)电人',
      '(?<![没充停来供发])(?:漏电|带电|电(?![动话视脑梯影费池量子瓶饭线车站网源器筒灯扇热]))[^。！？]{0,12}(?:手|胳膊|腿|全身|整个人|浑身|身上|手指|半边身子?)[^，。！？]{0,4}(?:发麻|麻了|麻得|抽|一直抖|发抖|抖个不停|动不了|烧伤|烫伤|发黑|烧黑)',
    ],
    en: [
      '(?:touched|grabbed|stepped on|held|picked up) (?:a |an |the )?(?:broken|bare|exposed|loose|fallen|frayed|cut|live|damaged|downed) (?:electric(?:al)? |power )?(?:wires?|cables?|cords?|lines?|power lines?)',
      '(?:shocks|zaps) (?:you|me|him|her|us|them|people|anyone|everyone)',
      '(?:got|gets|was|been) zapped',
    ],
  },
  // A person with a cognitive condition gone off alone, in English.
  {
    family: 'missing',
    strength: 'strong',
    life: true,
    en: [
      `${EN_PERSON}[^.!?]{0,40}\\b(?:ran|run|went|wandered|walked|slipped) (?:out of|off from|away from) (?:the |our |my )?(?:house|home|school|shop|store|mall|market|park|hospital)[^.!?]{0,60}\\b(?:doesn'?t|does not|can'?t|cannot) (?:know|remember|say|tell)`,
      "(?:autis\\w*|dementia|alzheimer\\w*|non-?verbal)[^.!?]{0,80}\\b(?:doesn'?t|does not|can'?t|cannot) (?:know|remember|say|tell) (?:our|her|his|the|its|their) (?:address|way home|way back|name)",
    ],
  },
  // Following the dead: a death named, then going to join them ("老伴走了…跟她去", "去地下陪他").
  {
    family: 'self_harm',
    strength: 'strong',
    zh: [
      '(?:走了|去世|过世|没了|不在了|死了|离开我|离世|走的)[^。！？]{0,30}(?:(?:跟|随|陪)着?(?:他|她|ta|它)?(?:一起|一块)?(?:去|走)(?!的|了[^，。！？\\s])|去(?:找|陪|见)(?:他|她|ta)(?!的|们)|(?:找|陪|见)(?:他|她)去)',
      '随(?:他|她|ta)(?:而)?去',
      '(?:去|到|下)(?:地下|地底下|阴间|九泉|天堂|那边)[^，。！？]{0,2}(?:陪|找|见|团聚)',
    ],
    en: [
      '(?:died|passed away|passed on|passed|gone|lost)[^.!?]{0,60}\\b(?:want|wanna|going|ready|need|long|wish|have) to (?:be with|join|go to|see) (?:him|her|them)(?: again)?(?: tonight| now| soon| in heaven| up there)',
      '(?:died|passed away|passed on|passed)[^.!?]{0,60}\\bjoin (?:him|her|them)',
    ],
  },
  // The speaker inside a stuck lift or a room whose door won't open.
  {
    family: 'trapped',
    strength: 'strong',
    zh: [
      `电梯[^。！？]{0,16}(?:我|我们|${PERSON})[^，。！？]{0,4}在(?:里面|里头|里边)`,
      '电梯[^。！？]{0,16}门[^，。！？]{0,3}(?:开不了|打不开|开不开|拉不开|扒不开)',
      '在(?:里面|里头|里边)[^。！？]{0,16}门[^，。！？]{0,3}(?:开不了|打不开|开不开|拉不开|推不开)',
      '门[^，。！？]{0,3}(?:开不了|打不开|开不开|拉不开|推不开)[^。！？]{0,16}(?:我|我们|孩子|人)[^，。！？]{0,4}在(?:里面|里头|里边)',
    ],
  },
  // Seventh pass (decision 0045). Water over the threshold or pouring into the yard or house.
  {
    family: 'flood',
    strength: 'strong',
    life: false,
    zh: [
      '水[^。！？]{0,8}(?:漫过|淹过|没过|漫上|淹到)了?(?:门槛|门坎|台阶|膝盖|大腿|腰|床|炕|灶台|桌子)',
      '水[^，。！？]{0,10}(?:往|向|朝)(?:院子|院里|屋|家|房|楼道|一楼)[^，。！？]{0,3}(?:灌|涌|冲|漫|倒灌)',
    ],
  },
  // Water still rising.
  { family: 'flood', strength: 'weak', zh: ['水[^。！？]{0,16}(?:还在|一直在?|不停地?)(?:往上)?涨'] },
  // Cutting again, and cutting deep, with no crop, meat or eyelid named.
  {
    family: 'self_harm',
    strength: 'weak',
    zh: [
      '(?:又|再|还)割(?:了|手|腕|自己)(?![^，。！？]{0,3}(?:草|麦|稻|韭|肉|一茬|双眼皮|包皮|猪|鱼|菜))',
      '(?<![草麦稻肉菜])割得[^，。！？]{0,3}(?:很深|深|好深|太深|挺深)',
    ],
  },
  // Someone who has not come back to the dormitory, and a family that cannot find them.
  {
    family: 'missing',
    strength: 'weak',
    zh: ['(?:没|没有|不)回(?:宿舍|寝室)', '(?:家里人|家人|家属|爸妈|父母)[^，。！？]{0,4}(?:都|也)?(?:找不到|联系不上)(?:他|她|人)(?!的)'],
  }, // Eighth pass (decision 0046). A shouted fragment ("火 火 后院 快") and a Cantonese fire under way
  // (屋企火烧呀, after the fold 家里火烧呀), never 火烧云 or 火烧眉毛.
  {
    family: 'fire',
    strength: 'strong',
    zh: [
      '(?:^|[\\s，,！!])火[\\s，,！!]+火(?:[\\s，,！!]|$)',
      '(?:家里|家|屋|楼|房|铺|店)[^，。！？]{0,4}火烧(?!云|眉毛|鸡|饼|肉|赤壁)(?:呀|啊|喇|嘞|紧|了|起来)',
    ],
  },
  // A stranger who claimed to be a relative took a child, and a family with no such relative.
  {
    family: 'missing',
    strength: 'weak',
    zh: [
      '(?:说是|自称|冒充|说他是|说她是)[^，。！？]{0,4}(?:亲戚|舅舅|叔叔|姑姑|姑妈|阿姨|姨妈|伯伯|家里人|家人|爷爷|奶奶|外公|外婆|爸爸|妈妈)[^。！？]{0,10}(?:接走|带走|领走|抱走)',
      '(?:我们家|我家|家里)(?:根本)?(?:没有|没)(?:这个|这样的|这位)(?:亲戚|人|舅舅|叔叔|姑姑|阿姨)',
    ],
  },
  // A welfare check: someone living alone not seen for days, and no answer at the door.
  {
    family: 'unconscious',
    strength: 'weak',
    zh: [
      '(?:独居|一个人住|自己住|孤寡)[^。！？]{0,16}(?:[一二两三四五六七八九十几\\d]+|连续[^，。！？]{0,3})(?:天|日)(?:都)?(?:没|未|没有)(?:出门|出过门|露面|见人|下楼|开门)',
      '敲门[^，。！？]{0,3}(?:没人应|无应答|无人应|没人开|没反应|没有回应|没人答应|也没人应)',
      '(?:瘫|卧床)[^。！？]{0,30}(?:就(?:他|她)一个|(?<![我你])一个人在家|没人照顾|没人管)',
      '(?:[一两二三几]+天|一天|两天)[^，。！？]{0,3}(?:没吃东西|没吃饭|没人喂|没饭吃)',
    ],
    en: [
      '(?:nobody|no one|no-one|none of us) (?:has|have|had) seen (?:him|her|them)[^.!?]{0,10}\\bfor (?:\\w+ )?days',
      'no (?:answer|reply|response) (?:when (?:we|i) knock\\w*|at (?:the|her|his|their) door)',
    ],
  },
  // A farewell note, and not being a burden any more.
  {
    family: 'self_harm',
    strength: 'weak',
    zh: ['(?:想说的|要说的|想讲的)[^，。！？]{0,3}(?:都|全)?写(?:下来|好|在)', '以后(?:就)?(?:不用|不会再?|不再)(?:麻烦|拖累|打扰)(?:大家|你们|谁)'],
  },
  {
    family: 'self_harm',
    strength: 'strong',
    en: ['(?:fastest|quickest|easiest|painless|surest) way to (?:make it (?:all )?stop|end it(?: all)?|end my life)(?: for good| forever)?'],
  },
  // Water at the door, over the bank or the dyke, inside homes.
  {
    family: 'flood',
    strength: 'strong',
    life: false,
    zh: ['(?:积水|水)入户', '水[^，。！？]{0,4}(?:漫过|漫上|冲垮|冲破)了?(?:河堤|堤坝|堤岸|堤|河岸|岸)'],
    en: [
      '(?:river|creek|canal|water) (?:is |has )?(?:over|burst|overtopped|broken) (?:the |its )?(?:bank|banks|levee|dyke|dike)',
      "water(?:'s| is) (?:at|coming (?:in )?(?:under|through)) (?:our|the|my) (?:front |back )?door",
    ],
  },
  // Ninth pass (decision 0047), in its own module.
  ...NINTH_PASS_CUES,
  ...TENTH_PASS_CUES,
  ...ELEVENTH_PASS_CUES,
  ...TWELFTH_PASS_CUES,
  ...THIRTEENTH_PASS_CUES,
  ...FOURTEENTH_PASS_CUES,
  ...FIFTEENTH_PASS_CUES,
  ...SIXTEENTH_PASS_CUES,
  ...SEVENTEENTH_PASS_CUES,
  ...EIGHTEENTH_PASS_CUES,
  ...EIGHTEENTH_PASS_TERSE_CUES,
  ...NINETEENTH_PASS_CUES,
  ...TWENTIETH_TO_29TH_PASS_CUES,
];

// Calls for help that name no danger: alone they make the danger `possible` ("救命"); beside a
// weak signal they make it `likely`.
export const ALARM_STRONG: readonly string[] = [
  '救命',
  '就命',
  '救名',
  '旧命',
  '救救(?:我|他|她|孩子|我们|俺)',
  '快救(?:人|命)',
  '出人命',
  '死人了',
  '人死了',
  '(?:打|叫|拨打?|call)[^，。！？a-z]{0,2}(?:120|110|119)(?!\\d)',
  '救护车',
  '急救车',
  '\\bsos\\b',
  '\\bambulance\\b',
  '\\b(?:shouting|screaming|calling|crying) for help\\b',
  '喊救命',
  '呼救',
  '\\bcall (?:the )?(?:police|fire (?:brigade|department))\\b',
];
// Hurry words: they only raise a weak signal to `likely`.
export const ALARM_WEAK: readonly string[] = [
  '报了警',
  '报警了',
  '已经报警',
  '出事了',
  '快来人',
  '来人啊',
  '快来',
  '赶紧来',
  '快点来',
  '快快',
  '赶快',
  '马上',
  '\\bhelp\\b',
  '\\bhurry\\b',
  '\\burgent\\w*',
  '\\bquick\\w*',
  '!{2,}',
  '急',
  ...EIGHTEENTH_PASS_ALARM_WEAK,
];

// Phrases that only look like danger; masked before the cues are matched. Chinese first.
export const NOT_DANGER: readonly string[] = [
  // Longer contexts first: at one place the first alternative that matches wins.
  // Kinds of look-alikes of the fifth pass (decision 0043), each a kind rather than a sentence:
  // "X死人了" as an intensifier (丢死人了 = how embarrassing), not a death.
  '(?:丢|羞|笑|气|急|累|烦|热|冷|饿|困|吵|臭|挤|忙|闷|晒|馋|麻烦|郁闷|尴尬)死人(?:了|啦|咯|啊)?',
  // Locked out, not locked in: "钥匙锁屋里了 我在门外进不去", "把自己锁在门外了".
  '(?:锁|关)(?:在)?(?:了)?(?:门外|外面|屋外)(?:了)?',
  '钥匙[^，。！？]{0,6}(?:锁|落|忘|丢)(?:在)?(?:了)?(?:屋|家|房|车|门|屋子)里(?:了|面)?',
  '(?:在)?门外[^，。！？]{0,4}进不去',
  // A detector that beeps for its battery: "烟雾报警器一直滴滴响 是不是没电了".
  '(?:烟雾报警器|烟感|烟雾探测器|燃气报警器|报警器)[^。！？]{0,16}(?:没电|电池|低电量|换电池)',
  '(?:没电|电池|低电量)[^。！？]{0,10}(?:烟雾报警器|烟感|烟雾探测器|燃气报警器|报警器)',
  // Water spilled by play or a mishap: "孩子玩水把卫生间弄得全是水".
  '(?:玩水|洒|打翻|泼|溢)[^，。！？]{0,10}(?:全|都)是水',
  '弄(?:得|了)[^，。！？]{0,6}(?:全|都)是水',
  // A heavy sleeper and an alarm clock: "睡得跟死猪一样 早上怎么叫都叫不醒 想买个闹钟".
  '(?:睡得?|睡觉|赖床)[^。！？]{0,16}叫不醒[^。！？]{0,16}(?:闹钟|起床|迟到)',
  '(?:闹钟|起床|赖床)[^。！？]{0,16}叫不醒',
  // Stuck in traffic, written half in English: "我被 stuck 在 traffic 里".
  '(?:被\\s*)?stuck\\s*(?:在|in)\\s*(?:the\\s*)?traffic(?:\\s*里)?',
  // A planned absence is no missing person (decision 0043): "老公出差还没回来，想请人帮忙搬柜子" —
  // unless a sign of worry follows (no answer, a time span, night).
  '(?:出差|旅游|旅行|出国|留学|上大学|读大学|在外地|探亲|回老家|当兵|出远门|度假|住院)(?:去了|了)?[^，。！？]{0,2}(?:还|都)?没(?:有)?回(?:来|家)(?![^。！？]{0,12}(?:电话|联系|关机|打不通|不接|小时|钟头|天黑|半夜|一夜|消息|找))',
  // A title (《失踪》, a TV series) names no event.
  '《[^》]{0,30}》',
  // Things, not people (decision 0038): parcels not arrived, tyres burst, pots smashed, floods gone
  // down, a head about to explode, an alarm button to buy: "快递一直没到", "车胎爆了", "花盆…摔碎了".
  '(?:快递|包裹|外卖|货|公交|班车|工资|钱|款|补贴|通知|短信|验证码|回复|师傅|维修工|物业)[^，。！？]{0,4}(?:一直|还|都)?没(?:到|来|回)',
  '(?:车胎|轮胎|胎|气球|灯泡|爆米花)[^，。！？]{0,1}爆了?',
  '救命[啊呀吧]?[，,\\s]*(?:这个?|这些)[^。！？]{0,16}(?:怎么|咋)(?:弄|用|填|操作|搞|设置|合并|改|交|写|登录|下载|安装|打印|报名|申请)',
  '困在[^，。！？]{0,6}的(?:风筝|气球|球|帽子|衣服|无人机|被子|床单|羽毛球)',
  '(?:风筝|气球|球|帽子|无人机|羽毛球)[^，。！？]{0,6}(?:困在|卡在|挂在)',
  '(?:假牙|手机|钥匙|戒指|耳环|眼镜|钱包|项链|手表|证件|玩具|球)[^，。！？]{0,4}掉(?:进|到|在)[^，。！？]{0,6}(?:下水道|井|马桶|缝|沟|河|水)[^，。！？]{0,4}',
  '(?:花盆|手机|杯子|碗|盘子|东西|衣服|钥匙|玩具|瓶子|箱子|晾衣杆|衣架|镜子|相框|花瓶|鸡蛋)[^，。！？]{0,8}(?:摔碎|摔坏|摔烂|碎了)',
  '(?:脑袋|脑子|头|脑壳|心态|肺)[^，。！？]{0,2}(?:要|快|都)?(?:爆炸|炸)了?',
  '(?:洪水|大水|水)(?:已经)?(?:退了|退下去了?|消退了?)',
  '(?:地震|洪水|大水|发大水|台风|火灾|泥石流|山洪)(?:那年|那次|那会儿?)',
  '(?:一键|紧急)?(?:呼救|求救|呼叫)(?:的)?(?:设备|器|按钮|铃|系统|装置|手环)',
  // Figures of work and study (decision 0038): trapped by forms, drowned in homework, dazed by a
  // circuit diagram, a call for help over a login: "被困在这道几何题里", "我被作业淹没了 救命".
  '(?:被|给)[^，。！？]{0,8}(?:题|作业|表格|材料|论文|报告|文件|手续|卷子|功课|考试|工作|会议|数据|账|ppt|邮件|消息)[^，。！？]{0,4}(?:困住|困死|难住|淹没|淹死|电晕|绕晕|搞晕|弄晕|逼疯)了?',
  '(?:被)?(?:困|卡|陷|淹没)在[^，。！？]{0,6}(?:题|作业|表格|材料|论文|报告|手续|卷子|功课|考试|工作|会议|邮件|消息)(?:海|堆)?(?:里|中|上)?',
  '救命[^。！？]{0,20}(?:作业|卷子|试卷|题|认证|刷脸|托管|报名|流程|手续|表格|密码|验证码|app|网站|系统|辅导|补课)',
  '(?:作业|卷子|试卷|这道题|题目|认证|刷脸|托管|流程|手续|表格|验证码|报销)[^。！？]{0,20}(?:救命|救救我)',
  // Toys, cakes and hairstyles collapse; trees and poles fall on roads; things get hit by cars;
  // pets get stuck: "积木塌了", "树倒在路上", "消防栓被车撞歪了", "猫钻到沙发底下卡住出不来了".
  '(?:积木|乐高|沙堡|多米诺|纸牌|蛋糕|发型|人设|模型|帐篷)[^，。！？]{0,3}(?:塌|倒)了?',
  '(?:树|树木|大树|电线杆|杆子|竹子|庄稼|玉米|稻子|篱笆|树枝)[^，。！？]{0,4}倒在(?:了)?(?:路上|地上|路边|路中间|田里)',
  '(?:消防栓|栏杆|护栏|路灯|垃圾桶|井盖|围墙|大门|石墩|路牌|电线杆|树|车|电动车|自行车|路桩|隔离带|信号灯|红绿灯|广告牌|车棚)[^，。！？]{0,2}被(?:车|汽车|货车|三轮车|电动车|人)撞(?:歪|倒|坏|断|裂|了)',
  '(?:猫|狗|猫咪|狗狗|小猫|小狗|鸟|鹦鹉|仓鼠|兔子|乌龟|宠物)[^，。！？]{0,10}(?:卡住|卡在|出不来|下不来|困在|被困)',
  // Money "bleeds", a reunion "seeks people", "打死我也学不会".
  '(?:钱包|荷包|装修|这个月|本月|过年|购物|双十一|双11|请客|红包|份子钱|存款|工资|年底|开学)[^，。！？]{0,4}大出血',
  '大出血[^，。！？]{0,2}(?:了)?[^，。！？]{0,4}(?:钱|花了|买|万|块)',
  '寻人启事[：:，,\\s]*(?:想|欲)?(?:找|寻)[^。！？]{0,10}(?:当年|老|失散|多年|同学|战友|知青|同事|恩人|故人)',
  '(?:寻找|找)[^，。！？]{0,6}(?:老同学|老战友|老知青|老同事|失散多年)',
  '打死(?:我|俺|他|她)?(?:也|都)(?:不|没|学不|记不|想不)',
  // A disaster that is over, a prescription from a doctor.
  '(?:洪水|大水|台风|地震|暴雨|山洪|火灾|水灾|疫情)(?:已经)?过去(?:了)?',
  '疫情(?:那会儿?|期间|的时候|时)[^。！？]{0,12}',
  '(?:医生|医院)[^。！？]{0,10}开[^，。！？]{0,3}(?:安眠药|助眠药|安定)',
  '开[^，。！？]{0,3}(?:安眠药|助眠药|安定)[^。！？]{0,16}(?:医生|医院)',
  // Idioms and intensifiers: "热得不想活了", "脑子进水了", "救命啊这个报销流程".
  '(?:热|冷|饿|忙|困|气|闲|无聊|晒|馋)得(?:不想活|想死|要死)',
  '脑子(?:进水|被门挤)',
  '救命[啊呀吧]?[，,\\s]*(?:这个?|这些)[^。！？]{0,12}(?:流程|手续|作业|题|报销|表格?|系统|app|网站|课|考试|天气|电脑|手机|政策)',
  '呼救(?:器|按钮|铃|系统|装置|设备|手环)',
  '(?:群|群里|网上|朋友圈|评论区|弹幕|微博)[^，。！？]{0,2}(?:炸了|炸锅|爆了)',
  '(?:价格|价钱|股价|股市|基金|销量|心态|人气|热度|流量|话题|评论|直播间|店里|生意|订单)[^，。！？]{0,2}(?:炸了|爆了)',
  // Empty meters and tyres, calls and jabs: "燃气表没气了", "他打了我一个电话".
  '(?:燃气表|气表|煤气罐|液化气罐?|燃气卡|气罐|轮胎|车胎|胎|球|气球)[^，。！？]{0,2}没气了?',
  '打了?(?:我|他|她|你|我们)?(?:一个|个|几个|好几个|两个|半天)?(?:电话|视频|招呼|针|疫苗|卡|车|包|折|游戏|麻将|牌|球)',
  // Confusion, not fainting: "我晕了 这个政策看不懂", "看晕了".
  '(?:看|听|绕|搞|算|转)晕了?',
  '(?:我|人)?(?:都|真|彻底|直接)?晕了?[，,\\s]*(?:这个?|这些|什么|啥)[^。！？]{0,10}(?:看不懂|不懂|搞不懂|弄不懂|怎么|政策|表格|流程|手续|题|规定)',
  '火灾(?:险|保险|隐患排查)',
  '(?:看到|看见|目睹|路过)(?:了)?(?:一[起场个])?[^，。！？]{0,4}车祸',
  '(?:烧烤|烤串|烤肉|做饭|炒菜|油烟机?|熏肉|熏腊肉|腊肉|炒辣椒)[^。！？]{0,6}烟',
  '(?:队|球队|战队|我们|咱们)[^，。！？]{0,2}被打(?:爆|败|服|穿)',
  // Broken things are no fall: "摔了个手机", "手机摔碎了".
  '摔(?:了)?(?:个|一个|一下)?(?:手机|碗|杯子|盘子|瓶子|东西|屏幕|眼镜|遥控器|电脑|平板)',
  '(?:手机|碗|杯子|盘子|瓶子|屏幕|眼镜|遥控器|电脑|平板)[^，。！？]{0,2}(?:摔|掉)(?:了|坏|碎|裂|烂)',
  // Stuck in work, not in a room: "被困在题海里".
  '(?:被)?困在[^，。！？]{0,4}(?:题海|作业|工作|项目|问题|表格|会议|回忆|过去|情绪|循环|死胡同)',
  '水漫金山',
  '(?:游戏里|游戏中)?(?:角色|人物|英雄|小人|npc)[^，。！？]{0,4}被?(?:困|卡|杀|打)',
  '(?:堵在|堵车)[^，。！？]{0,8}被?困(?:了|住)?',
  '救火队员?',
  '(?:被|让)?(?:工作|学习|生活|压力|作业|房贷|债务?|事情|考试|业绩)[^，。！？]{0,2}压垮',
  '(?:牌子|警示牌|标牌|垃圾|鞋子?|拖鞋|盆|桶|衣服)[^，。！？]{0,4}被(?:水|洪水|大水|雨水)?冲走',
  // Things and animals in trouble are not people in danger: "手机掉马桶里淹了", "我家狗被咬出血了".
  '(?:手机|电脑|平板|相机|耳机|手表|充电器)[^，。！？]{0,8}(?:淹|泡水|进水)了?',
  '(?:两只|几只|一群)?(?:狗|猫|鸡|鸭|鹅|宠物|狗狗|猫咪)[^，。！？人]{0,6}(?:打架|咬架|掐架|打起来)',
  '(?:狗|猫|宠物|狗狗|猫咪|cat|dog|鸟|鹦鹉|兔子)\\s*(?:被|给)[^，。！？]{0,12}(?:咬|困|卡|压|撞|打)[^，。！？]{0,4}',
  '(?:抽烟|吸烟|烟民|烟头)[^。！？]{0,12}烟味',
  '烧(?:秸秆|垃圾|荒|落叶|麦茬|稻草|树叶|纸钱|纸|香|高香)[^。！？]{0,10}烟',
  '(?:密室逃脱|密室|剧本杀|鬼屋)[^，。！？]{0,4}(?:被困|困住|出不来)?',
  '(?:猫|狗|宠物|狗狗|猫咪|鸟|鹦鹉|兔子?)[^，。！？人他她]{0,6}(?:摔|掉|跌)(?:下去|下来|了|伤|断)?',
  // …but not a person named by the animals they tend ("放牛的阿爸…没回来", decision 0061), nor the
  // animals a person took out ("去山上放牛，到现在没回来", decision 0074).
  '(?<![放赶牧]着?)(?:猫|狗|宠物|狗狗|猫咪|鸡|鸭|鹅|羊|牛|鸟|兔子?)(?!的)[^。！？人他她]{0,12}没回(?:来|家)',
  '(?:燃气|煤气|天然气|一氧化碳|烟雾|烟感|火灾)(?:泄漏|泄露)?(?:报警器|探测器|检测器)(?![^，。！？]{0,4}(?:响|叫|报警))',
  '(?:跟|像|好像|如同)[^，。！？]{0,4}着火了?(?:一样|似的)',
  '(?:作业|工作|学习|事情|问题|琐事|生活|家务)[^，。！？]{0,3}困(?:住|扰)',
  '(?:手机|钥匙|东西|钱包|眼镜|戒指|手表|耳机|包)[^，。！？]{0,3}(?:掉|落)(?:进|到|入)?(?:了)?[^，。！？]{0,2}(?:水|河|井|厕所|马桶|下水道)',
  '(?:学|玩|练)(?:轮滑|滑板|骑车|自行车|滑冰|溜冰|走路)[^。！？]{0,8}摔',
  '(?:柜子|书架|衣柜|桌子)[^，。！？]{0,3}塌',
  '(?:秸秆|垃圾|麦秸|落叶|荒草|柴草)[^，。！？]{0,4}(?:焚烧|烧)[^。！？]{0,8}烟',
  '(?:(?:洪水|大水|水灾|暴雨)[^，。！？]{0,6})?(?:庄稼|菜地|地里|田里|麦子|稻子|玉米|麦田|稻田|果园|鱼塘)[^，。！？]{0,4}(?:被)?(?:淹|冲)',
  '(?:着|失|起|发生|遭)了(?:一场|一次)(?:大)?火',
  '遭了(?:一场)?(?:火灾|水灾|洪灾|大火)',
  '(?:失火|火灾|着火|起火|水灾|洪灾|洪水|发大水|地震|车祸|中风|脑梗|心梗|骨折|手术|出院|住院|受伤|烫伤|烧伤)(?:了)?(?:以后|之后|后)',
  '车祸(?:走了|去世|没了|身亡|过世)',
  '(?:吊顶|天花板|墙皮|瓷砖|灰)[^，。！？]{0,4}掉下来一(?:小)?(?:块|点|片|角)',
  '晾衣(?:杆|架|绳)',
  '(?:台阶|路沿|花坛|地砖|马路牙子|路边|墙角|水泥)[^，。！？]{0,3}塌',
  '(?:电表|电费)[^。！？]{0,12}漏电',
  '(?:轮椅|腿脚|行动)[^，。！？]{0,6}出不去',
  // …unless a weapon is taken up after it (decision 0061).
  `(?:孩子|小孩|娃|学生|同学|兄弟|姐妹|两家)(?:们|之间|俩|两个)?[^，。！？]{0,8}(?:打架|打起来)${NO_WEAPON_AFTER}`,
  'fire\\s*(?:了)?(?:我|他|她|俺)',
  'kick\\s*(?:us|me|him|her)?\\s*out',
  // fire
  '火锅',
  '(?<![楼山车往马晚早路])上火',
  '火爆',
  '似火',
  '火热',
  '火车',
  '火腿',
  '火柴',
  '火候',
  '火箭',
  '火龙果',
  '火鸡',
  '火气',
  '(?<![电线])发火',
  '恼火',
  '心里冒火',
  '火力',
  '火化',
  '烟火气',
  '烟花',
  '烟火',
  '抽烟',
  '吸烟',
  '香烟',
  '油烟',
  '烟头',
  '烟蒂',
  '烟瘾',
  '烟酒',
  '烟草',
  '戒烟',
  '二手烟',
  '烟民',
  '烟灰',
  '油烟机',
  '抽油烟',
  '烟囱[^，。！？]{0,6}冒(?:黑)?烟',
  '(?:饭|菜|肉|锅底|粥|汤|红薯|馒头)[^，。！？]{0,3}(?:烧|煮|炒|烤)?(?:焦|糊)',
  '(?:打|点)不着火?',
  '不着火',
  '灶[^，。！？]{0,4}点着',
  '(?:消防|防火|灭火|火灾|安全)(?:演练|演习|培训|知识|宣传|讲座|站|员|队|通道|栓|器材|设施|检查|隐患|课|常识|意识)',
  '消防',
  '防火',
  '灭火器',
  '烧(?:烤|香|纸|炕|柴|钱|脑|心|饼|麦|卖|鹅|鸡|酒|制|开|水|饭|菜)',
  '红烧',
  '火红',
  '(?:用|开|转)?大火(?:收汁|炒|烧|煮|翻炒|爆炒)',
  '(?:禁止|严禁)明火',
  '信息爆炸',
  '爆炸(?:头|性)',
  '灶[^，。！？]{0,4}火苗',
  '气炸',
  '炸(?:鸡|串|酱|薯|丸|油条|鱼|肉|糕)',
  '红红火火',
  '星星之火',
  '火眼金睛',
  '火急火燎',
  '火冒三丈',
  // gas
  '(?:燃气|煤气|天然气|液化气)(?:费|公司|卡|表读数|开户|补贴|安检|灶具|改造|热水器(?:不|坏))',
  '气费',
  '打气',
  '充气',
  '(?:轮胎|车胎|胎|气球|篮球|足球|皮球|排球|气垫|游泳圈|充气)[^，。！？]{0,4}(?:漏气|没气)',
  '(?:轮胎|车胎|胎|球|煤气罐|液化气罐|气罐|罐子)(?:也|都|又)?没气',
  '煤改气',
  '生气',
  '气死',
  '气人',
  '阴阳怪气',
  '(?:怎么|如何)(?:预防|防止)[^，。！？]{0,4}(?:煤气|一氧化碳)中毒',
  // electric
  '电费',
  '(?:演员|偶像|明星|帅哥|美女|眼神|歌声|歌)[^，。！？]{0,6}电到',
  '漏电(?:保护|开关|断路)',
  '(?:安全|用电)(?:知识|常识|培训|宣传|讲座|课)',
  // flood / water
  '(?:防汛|防洪|抗洪|防溺水|防涝)(?:宣传|演练|知识|培训|讲座|课|教育|物资|值班|准备)?',
  '(?:庄稼|菜地|地里|田里|麦子|稻子|玉米|麦田|稻田|果园)[^，。！？]{0,4}(?:被)?淹',
  '(?:作业|工作|题|消息|信息|文件|人海|人群)[^，。！？]{0,3}淹',
  '(?:马桶|水池|水槽|洗手池|浴缸|下水道|地漏|洗衣机)[^，。！？]{0,6}(?:漫|溢|冒)出来',
  '(?<![河江湖库洪])水(?:漫|溢|冒)出来',
  '水费',
  '溺爱',
  '鱼塘[^，。！？]{0,4}(?:被)?淹',
  '(?:手机|电脑|相机|耳机|手表|鞋子?|耳朵|眼睛|电瓶车|电动车|摩托车|洗衣机|机器|油箱|发动机|主板|键盘)[^，。！？]{0,3}进水',
  '(?:游泳|学游泳)(?:课|班|馆|池)?',
  '(?:发|涨)大水的时候',
  // collapse
  '危房(?:改造|补贴|鉴定|申请)',
  '(?:心态|情绪|精神|心理|系统|网站|股市|股票|人设|偶像|明星|爱豆)[^，。！？]{0,3}(?:崩|塌|垮)',
  '塌房',
  '身体[^，。！？]{0,2}垮',
  '(?:沙发|床垫|床|椅子|鼻梁|蛋糕|头发)[^，。！？]{0,2}塌',
  '(?:生意|公司|厂子|股市|市场|精神|心理)[^，。！？]{0,2}垮',
  '(?:墙皮|墙漆|瓷砖|墙纸|壁纸|墙面|柜门|柜子门|门把手?|窗帘杆|挂钩|置物架|篱笆|墙上的[^，。！？]{1,3})[^，。！？]{0,4}(?:脱落|掉|倒|塌)',
  '(?:地震|防震|避震)(?:科普|演练|知识|讲座|应急|宣传|课)',
  // trapped
  '(?<!呼吸)困难',
  '困惑',
  '困扰',
  '(?<!被|电梯|梯里|里面|里头)困了(?![^，。！？]{0,6}(?:人|个人))',
  '犯困',
  '困得',
  '困意',
  '贫困',
  '困境',
  '困倦',
  '好困',
  '有点困',
  '(?:钥匙|卡)[^，。！？]{0,2}(?:锁|忘|落|关)在',
  '(?:医保|社保|银行|身份|公交|会员|信用|饭|电话|手机|储蓄)卡在',
  '(?:结果|成绩|报告|分数|工资|钱|车|单子|证|票|视频|页面|网页|图片)[^，。！？]{0,3}(?:出不来|上不来|下不来)',
  '(?:网|页面|网站|信号|手机)[^，。！？]{0,2}上不来',
  '(?:水|热水|声音|声|网)[^，。！？]{0,2}出不来',
  '(?:猫|狗|鸟|宠物)[^，。！？]{0,6}(?:下不来|出不来|卡住|困)',
  '(?:手机|电脑|系统|页面|游戏|视频|程序|题|这一步|拉链|抽屉|下水道|管道|马桶|锁|钥匙|门)[^，。！？]{0,3}卡(?:住|在|死)',
  '卡在这一步',
  '卡在那一步',
  '卡在这步',
  '卡在这个',
  '(?:车|车子)[^，。！？]{0,6}(?:堵|挡)[^，。！？]{0,8}出不去',
  '困在(?:工作|家务|情绪|过去|回忆|焦虑|这种|这段|婚姻|关系|这份|这个|合同|债务|贷款|生意)',
  // fall
  '摔跤(?:比赛|课|班|运动|队|手|兴趣班|俱乐部|培训)',
  '(?:手机|碗|杯子?|盘子?|东西|屏幕|眼镜|电脑|花瓶|镜子|玻璃)[^，。！？]{0,4}摔(?:坏|碎|烂|了|裂)',
  '(?:跌倒|摔倒|摔伤|坠落|跌落)风险',
  '防(?:跌倒|摔倒|摔|跌)',
  '(?:股价|价格|房价|成绩|分数|股票|气温|温度)[^，。！？]{0,3}(?:跌|摔|下滑)',
  '跌停',
  // unconscious / medical
  '头晕',
  '晕车',
  '晕船',
  '晕机',
  '晕乎',
  '晕头',
  '绕晕',
  '搞晕',
  '看晕',
  '听晕',
  '弄晕',
  '晕菜',
  '(?:眼皮|嘴角|眼睛)[^，。！？]{0,2}抽搐',
  '头昏',
  '昏暗',
  '昏黄',
  '黄昏',
  '发昏',
  '(?:手机|电视|电脑|屏幕|按钮|按|开关|遥控器?|投诉|反映|申请|打电话|找了|说了|问了|提了|催了|报了|键盘|鼠标|机器|系统|网页|软件|灯|门铃|医保卡|打火|点火|启动|开机|插上|灶|电饭煲|电饭锅|热水器|空调|冰箱|洗衣机|电器|设备)[^，。！？]{0,6}没(?:有)?反应',
  '(?:游戏|手机|网络?|抖音|短视频)[^，。！？]{0,3}中毒',
  '(?:压|累|憋|忙|烦)得喘不(?:过|上)气',
  '(?:压力|工作|生活|心里|学习|作业|债)[^，。！？]{0,6}喘不(?:过|上)气',
  '腿(?:老|总|经常)?抽筋',
  '(?:睡觉|晚上|夜里|半夜)[^，。！？]{0,3}(?:腿|脚)?抽筋',
  '(?:中风|脑梗|心梗|骨折|手术|车祸)(?:后|以后|之后)(?:的)?(?:康复|恢复|护理|训练|复查|后遗症|照顾|留下)',
  '(?:中风|脑梗)(?:康复|后遗症|偏瘫|病人|患者)',
  '叫不起来',
  '叫不起床',
  '(?:急救|心肺复苏|海姆立克)(?:培训|知识|课|讲座|技能|常识)?',
  '(?:预防|防止|怎么预防|如何预防)[^，。！？]{0,4}中风',
  '说不出话来(?:了)?[^，。！？]{0,2}(?:感动|激动)',
  // bleeding
  '献血',
  '血压',
  '血糖',
  '血脂',
  '抽血',
  '验血',
  '贫血',
  '血常规',
  '血型',
  '心血',
  '热血',
  '血汗',
  '血缘',
  '狗血',
  '鸡血',
  '血拼',
  '吸血',
  '血本',
  '一针见血',
  '血统',
  '血管',
  '冷血',
  '血亲',
  '血液(?:科|检查|病)',
  '血清',
  '血红蛋白',
  '造血',
  '牙龈出血',
  '血氧',
  '血检',
  '(?:月经|经期|来例假|例假)[^，。！？]{0,4}(?:出血|流血|血)',
  '痔疮[^，。！？]{0,4}(?:出血|流血|血)',
  '(?:车祸|事故)(?:保险|理赔|赔偿|纠纷|官司|责任)',
  '受伤(?:保险|理赔|赔偿)',
  '工伤',
  '烫(?:头|发)',
  '咬(?:文嚼字|牙)',
  // missing
  '(?:狗|猫|鸡|鸭|鹅|羊|牛|猪|鸟|鹦鹉|兔子?|宠物|狗狗|猫咪|钥匙|钱包|手机|身份证|证件|银行卡|医保卡|东西|作业|作业本|本子|书包|自行车|电动车|快递|文件|材料|伞|眼镜|戒指|项链|工作|饭碗|户口本|存折|遥控器|' +
    // More things a person owns (decision 0043): "崽崽的疫苗本找不到了" is a lost booklet; a person
    // between the thing and the loss is not ("拿了个东西下来人就不见了").
    '疫苗本|预防接种证|接种本|病历本?|出生证明?|学生证|老年卡|公交卡|社保卡|护照|课本|书|水杯|杯子|鞋子?|外套|帽子|衣服|玩具|耳机|充电器|u盘|行李箱?|箱子|包|袋子|车钥匙|门卡|饭卡|校服|红领巾|奶瓶|尿不湿)(?:(?!人|他|她|孩子|娃|伢)[^，。！？]){0,4}(?:丢|不见|走丢|走失|找不到|找不着|跑了|跑丢)',
  '找不到(?:人|志愿者|师傅)(?:帮|修|来|做|陪|照顾|教|辅导|干|管|接|送|看|搬|问|说|商量|咨询|处理|负责|联系|打扫|理发|做饭)',
  '找不到(?:工作|对象|活干|地方|门路|方向|人修)',
  '防走失',
  '走失(?:手环|卡|牌|定位)',
  '黄手环',
  '丢三落四',
  '丢人',
  '丢脸',
  '(?:房东|物业|师傅|客服|老板|中介|快递|商家|工作人员|村委|社区|干部|律师|公司|单位|包工头)[^，。！？]{0,3}(?:联系不上|打不通|失联)',
  '失物招领',
  '失联(?:多年|好多年|很多年|几十年)',
  // violence
  '(?:游戏|王者|吃鸡|网游|手游|比赛|球场上?|篮球|足球|电视剧?|电影|动画片?|视频)[^，。！？]{0,8}(?:打架|打起来|打人|杀|砍|打死)',
  '打死(?:也|都)',
  '(?:打|揍)(?:我|他|她|你)(?:的)?(?:电话|手机|座机)',
  '(?:防身|拳击|武术|散打|跆拳道|柔道)',
  '杀人游戏',
  '狼人杀',
  '剧本杀',
  '杀(?:猪|鸡|鱼|羊)',
  '反家暴(?:法|宣传|知识)?',
  '(?:骚扰|推销)电话',
  '自己动手',
  '动手(?:能力|术|做)',
  '打(?:太极|篮球|牌|麻将|扑克|疫苗|针)',
  // self-harm
  '(?:笑|累|热|冷|饿|困|气|烦|忙|急|闷|吓|愁|疼|痛|丑|难吃|难看|无聊|尴尬|馋|渴|晒|挤|吵|慢|贵|懒|羡慕|美|帅|开心|高兴|乐|肉麻|麻烦|穷|臭|香|甜|咸|酸|辣|苦|难受|憋屈)(?:得要)?死(?:了|我了|人了|啦|我|人|掉了)?',
  '想死(?:你|您|大家|他们|她们|咱|宝)',
  '死机',
  '死角',
  '死活',
  '死胡同',
  '死记',
  '死板',
  '死心',
  '死磕',
  '死党',
  '死定了',
  '找死',
  '作死',
  '该死',
  '要死要活',
  '(?:你|您)(?:快)?去死',
  '得要死',
  '要死了',
  '跳楼(?:价|大甩卖|甩卖)',
  '解脱出来',
  '(?:心理)?(?:危机)?(?:干预)?热线',
  // Sixth pass (decision 0044): look-alikes by kind from blind6's false alarms.
  // A threat to the one spoken to, with a laugh or "joking": "你再剧透我就杀了你 哈哈哈 开玩笑".
  '(?:杀|弄死|打死|掐死|揍死|砍死|打断)[^，。！？]{0,6}(?:你|我)[^。！？]{0,10}(?:哈哈|呵呵|嘿嘿|嘻嘻|开玩笑|开个玩笑|逗你|说着玩|😂|🤣)',
  // Harm meant to an animal or a pest: "真想杀了我家猫".
  '(?:杀|宰|弄死|打死|掐死)了?(?:我家|这只|那只|家里的?|我的)?(?:猫|狗|鸡|鸭|鱼|猫咪|狗狗|蚊子|苍蝇|蟑螂|老鼠)',
  // Tears that "flood" a pillow.
  '(?:泪|眼泪|泪水|哭)[^，。！？]{0,6}(?:淹|湿透|泡)',
  // A computer's virus: "电脑中毒了 怎么杀毒".
  '(?:电脑|系统|文件|u盘|优盘|硬盘|平板|笔记本|主机|账号|微信)[^，。！？]{0,3}(?:中毒|中病毒|病毒)',
  '杀毒(?:软件)?',
  // A sale that "bleeds": "商场大出血 全场五折".
  '(?:商场|超市|全场|商店|店里|店家|清仓|促销|打折|甩卖|年终|年底|年中|618|商家|老板|厂家)[^，。！？]{0,4}大出血',
  '大出血[^，。！？]{0,6}(?:全场|五折|打折|折扣|促销|甩卖|清仓|买一送一|特价|优惠)',
  // A card, document or thing lost, not a person: "老人的养老金卡丢了 怎么补".
  '(?:卡|卡片|证|证件|存折|钥匙|钱包|手机|包裹|文件|材料)(?:又|也|都|给|被人?)?(?:弄|搞|给)?(?:丢|掉|弄丢)(?:了|失)?',
  // Seventh pass (decision 0045): a rumour the resident doubts: "有人说明天要发大水 是谣言吧".
  '(?:说|传)[^。！？]{0,16}(?:是|都是|纯属)谣言(?!吗)',
  // Seventh pass (decision 0045): things lost, not people ("奶奶的假牙掉了找不到", "电话手表丢了").
  '(?:假牙|手表|眼镜|助听器|拐杖|戒指|耳环|项链|帽子|雨伞|遥控器)(?:又|也|都|给|被人?)?(?:弄|搞)?(?:丢|掉|弄丢|不见)(?:了|失)?(?:[^，。！？]{0,2}找不到)?',
  // Cooking burnt, the smell already aired: "烧饭烧糊了 满屋子糊味 窗户开了已经散了".
  '(?:烧|煮|炒|煎|炖|熬|烤)[^，。！？]{0,3}(?:糊|焦)了[^。！？]{0,16}(?:散了|散掉了|散完了|没味了|没事了)',
  // A loan or a workload that "traps" or "drowns": "被房贷困住了", "要被作业淹死了".
  '被?(?:房贷|车贷|贷款|债务|债|网贷|信用卡|花呗|工作|琐事|生活|压力)[^，。！？]{0,2}(?:困住|困死|压垮|淹没)',
  '被(?:作业|工作|题|考试|文件|卷子|试卷|消息|邮件|琐事)[^，。！？]{0,2}淹死',
  // Food "exploding": "辣到爆炸"; haggling that "cuts" or "kills" the price: "砍价砍到手软", "杀价".
  '(?:辣|好吃|香|甜|酸|爽|好看|好玩)(?:到|得)爆炸',
  '(?:砍价|杀价|砍到手软)',
  // Eighth pass (decision 0046): praise ("这个event太fire了"); a rumour the resident has checked
  // ("群里传河堤要垮了 我看着好好的").
  '(?:太|好|超|真|很|非常)fire',
  '(?:群里|网上|朋友圈|有人)(?:在)?(?:传|说)[^。！？]{0,16}?(?:看着|看起来|看了|去看了|瞧着)[^，。！？]{0,3}好好的',
  // Eighth pass (decision 0046): something fell and nobody was below ("花盆掉下去了 下面没人").
  '(?:下面|底下|下边|下头)(?:刚好|正好)?(?:没人|没有人)(?![^，。！？\\s]{0,2}(?:管|应|接|救|帮))',
  // Not knowing where to go for help, not where someone went: "想找人聊聊 不知道去哪".
  '不知道(?:该|要|应该|可以)?(?:去|到)(?:哪|哪里|哪儿)(?:里|儿)?(?:办|打|补|看|问|找|咨询|申请|聊|买|报名|求助|弄|交|领|开|治|登记)',
  '(?:想|要|得)(?:找人|找个人|咨询|办|问问?|看看?|打|聊聊?|报名|申请|补办)[^。！？]{0,12}不知道(?:该|要|应该|可以)?(?:去|到)(?:哪|哪里|哪儿)',
  // Ninth pass (decision 0047), in its own module.
  ...NINTH_PASS_NOT_DANGER,
  ...TENTH_PASS_NOT_DANGER,
  ...ELEVENTH_PASS_NOT_DANGER,
  ...TWELFTH_PASS_NOT_DANGER,
  ...THIRTEENTH_PASS_NOT_DANGER,
  ...FOURTEENTH_PASS_NOT_DANGER,
  ...FIFTEENTH_PASS_NOT_DANGER,
  ...SIXTEENTH_PASS_NOT_DANGER,
  ...SEVENTEENTH_PASS_NOT_DANGER,
  ...EIGHTEENTH_PASS_NOT_DANGER,
  ...NINETEENTH_PASS_NOT_DANGER,
  ...TWENTIETH_TO_22ND_PASS_NOT_DANGER,
  ...TWENTY_NINTH_PASS_NOT_DANGER,
];

export const NOT_DANGER_EN: readonly string[] = [
  // Fifth pass (decision 0043): petrol, not gas leaking; a detector's battery.
  '(?:ran|run|running|runs) out of gas',
  'out of gas',
  'gas (?:station|can|tank|money|prices?|pump)',
  'smoke (?:alarm|detector)s? (?:\\w+ ){0,4}(?:battery|batteries|chirp\\w*|beep\\w* for (?:a |the )?batter\\w*)',
  '(?<!there )(?:was|were) (?:straight |literally |so |pure |absolute )?fire(?! (?:in|on|at|near|from|everywhere|here|there|upstairs|downstairs))',
  '(?:phone|keys?|wallet|ring|glasses|cup|plate|vase|pot|tv|picture|book|toy|ball|bag|laptop|remote)s? (?:\\w+ )?(?:fell|fallen|dropped|slipped) (?:in|into|off|down|on|behind)',
  'burn(?:ed|t|s|ing)? out(?! of)',
  'burnout',
  '(?:carbon monoxide|co|smoke|gas|fire|heat) (?:detectors?|alarms?|sensors?)(?! (?:is |are |was |were |has |have |keeps? |kept |just )?(?:went |goes |going |gone )?(?:off|beeping|sounding|ringing|screaming))',
  '(?:gets?|got|getting )?lost in (?:(?:his|her|my|their|our|own|the) ){0,2}(?:thought|thoughts|moment|music|translation|memories|books?|world|stories|past)',
  // Slang and figures: "the new hotpot place is fire", "my heart's on fire", "flooded with ads".
  "(?<!there )(?:is|are|'s) (?:straight |literally |so |pure )?fire(?! (?:in|on|at|near|from|everywhere|here|there|upstairs|downstairs))",
  "(?:heart|soul|team|crowd|market|shop|place)(?:'s| is| are) on fire",
  'flooded with \\w+',
  'buried (?:in|under) (?:emails?|work|paperwork|papers|homework|laundry|debts?|bills|admin|messages|forms)',
  "(?:is|am|are|'s|'m|feels?|felt) (?:so |completely |totally )?lost without",
  '(?:burnt|burned) (?:the )?(?:toast|food|rice|pan|pot|dinner|lunch|breakfast|cake|bread)',
  "(?:is|are|am|'s|'m|been|keeps?) missing (?:his|her|my|their|our|your|you|him|them|home|school|class|work|the bus|out)\\b",
  "smoke from (?:the |a |our |my |their )?(?:neighbou?r'?s'? |next door'?s? )?(?:\\w+ ){0,2}(?:bbq|barbecue|grill|cigarettes?|cooking|chimney|chimneys|incense)",
  'fire (?:trucks?|engines?)',
  '(?:lost|destroyed|burned|burnt|damaged|ruined) (?:\\w+ ){0,3}in (?:the|a) (?:fire|flood|earthquake|storm)',
  '(?:after|since|from) (?:a |his |her |my |the )?(?:stroke|fall|fire|flood|accident)',
  'lost on (?:her|his|my|the) (?:phone|computer|tablet|app)',
  'fallen (?:leaves|trees?|branch\\w*)',
  '(?:get|getting|got) out of bed',
  'kick\\w* (?:\\w+ )?out',
  '(?:fight|fighting|fights|fought) (?:over|about)',
  'nightmares?',
  '(?:shelf|shelves|picture|tv|mirror|clock|cabinet|door|handle|tiles?|light|lamp|curtains?|rail|rod|paint|plaster|branch|fence|gutter|sign|wallpaper|leaves|hair|price|prices)s? (?:has |have |had |just |keeps? )?(?:fell|fallen|fall|falls|falling|came) (?:off|down|out)',
  'fire (?:safety|drill|drills|training|extinguishers?|blankets?|hose reels?|buckets?|resistant|proof|retardant|hydrants?|doors?|exits?|escape|insurance|station|stations|brigade visit|prevention|alarm test|fighters? visit|inspection|service visit)',
  '(?:camp|bon)fires?',
  'fire(?:d|s)? (?:me|him|her|us|them)',
  "(?:gas|electric|electricity|water|power) (?:bill|bills|price|prices|station|meter reading|company|account|fee|fees|cooker|stove won't light)",
  'gas station',
  'flood (?:prevention|insurance|awareness|drill|defen[cs]es? (?:talk|campaign))',
  'blood (?:pressure|test|tests|sugar|donation|donor|drive|type|bank|work|count)',
  'donate blood',
  'give blood',
  '(?:fell|fallen|fall|falling) (?:behind|asleep|ill|sick|in love|apart|through|for)',
  'fall (?:prevention|risk|risks|assessment|season|semester|term)',
  'this fall',
  'last fall',
  'in the fall',
  'next fall',
  'dying (?:to|for)',
  '(?:is|are|was) killing me',
  'to die for',
  'die laughing',
  'bored to death',
  'scared to death',
  '(?:cat|dog|pet|phone|wallet|keys?|bag|purse|card|passport|id|documents?|paperwork|form|parcel|package|bike|bicycle|luggage|umbrella|glasses|ring)s? (?:is |are |was |were |has |have |got |went )?(?:missing|lost)',
  'lost (?:my|our|his|her|their|the|a) (?:cat|dog|pet|phone|wallet|keys?|bag|purse|card|passport|id|documents?|job|way to the office|receipt|password)',
  'missing (?:school|class|classes|lessons|work|the bus|the deadline|deadline|documents?|papers?|pages?|forms?|parts?|items?|money|payments?|my (?:family|home|hometown))',
  'play ?fight\\w*',
  'pillow fight\\w*',
  'food fight\\w*',
  'fight\\w* (?:over|about) (?:the )?(?:tv|remote|inheritance|property|money|custody|toys?|land|house)',
  'fighting games?',
  '(?:video )?games? (?:fight|fighting)',
  'stuck on (?:my |the |a |this )?(?:homework|question|problem|step|form|page|level)',
  'locked out',
  'crash(?:ed|es)? (?:course|diet)',
  '(?:computer|laptop|phone|app|system|website|screen)s? (?:has |have )?(?:crashed|collapsed|froze|frozen|died|is dead)',
  'knife (?:sharpening|skills?)',
  'first[- ]aid',
  'cpr',
  'self[- ]defen[cs]e',
  '(?:smoke|fire|gas|co) (?:detector|alarm)s?[^.!?]{0,40}\\bbatter\\w*',
  '(?:quit|stop|stopped|give up|giving up) smoking',
  'smoking (?:cessation|habit|area|room)',
  'i smoke',
  'slipped (?:my|his|her) mind',
  '(?:breaker|fuse|switch|power|circuit|electricity|trip switch)s? (?:has |have |keeps? |kept |always )?(?:tripped|tripping|trips)',
  'heart (?:check|checkup|health)',
  'stroke (?:rehab\\w*|recovery|patients?|survivors?)',
  '(?:brush|swimming) strokes?',
  'fainting (?:spells? )?(?:before|last|in the past)',
  'car (?:accident )?(?:insurance|claim|compensation)',
  'burn(?:ed|t)? (?:cd|dvd|calories|rubbish|leaves|straw|incense|paper)',
  'hit (?:the )?(?:road|button|target|jackpot)',
  'stuck (?:at home|inside) (?:all day|bored|with)',
  'drowning in (?:\\w+ )?(?:work|homework|paperwork|debts?|bills|revision|exams?|assignments?|emails?|admin|tasks|chores|laundry|orders|requests|messages|essays|deadlines)',
  '(?:water|snowball|pillow|food|nerf|paintball|play|pretend) fights?',
  '(?:bbq|barbecue|grill|cooking|cigarette|incense|chimney|factory|firework) smoke',
  '(?:trapped|stuck) in (?:a |an |this |my |the |that )?(?:\\w+ )?(?:job|marriage|routine|rut|loop|cycle|contract|career|traffic|queue|meeting|meetings)',
  // Eighth pass (decision 0046): "fire" as praise.
  '(?:event|concert|show|party|game|match|race|gig|set|album|song|performance|night|vibe|vibes|food|meal|team|season) (?:was|is|were|are) (?:absolutely |totally |so |pure |straight |literally )?(?:fire|on fire this (?:year|season|week|time))',
  ...ELEVENTH_PASS_NOT_DANGER_EN,
  ...TWELFTH_PASS_NOT_DANGER_EN,
  ...THIRTEENTH_PASS_NOT_DANGER_EN,
  ...FOURTEENTH_PASS_NOT_DANGER_EN,
  ...FIFTEENTH_PASS_NOT_DANGER_EN,
  ...SIXTEENTH_PASS_NOT_DANGER_EN,
  ...SEVENTEENTH_PASS_NOT_DANGER_EN,
  ...EIGHTEENTH_PASS_NOT_DANGER_EN,
  ...NINETEENTH_PASS_NOT_DANGER_EN,
  ...TWENTIETH_TO_22ND_PASS_NOT_DANGER_EN,
  ...TWENTY_NINTH_PASS_NOT_DANGER_EN,
];

// Negation right before a cue (same clause): "没有着火", "没人被困", "no fire", "isn't bleeding".
// A question ("是不是煤气漏了", "会不会", "有没有人被困") is not a negation.
export const ZH_NEGATION_BEFORE =
  /(?:(?<!有)没有|(?<![有是])没|并没有|并未|未|(?<!是)不是|(?<!会)不会|(?<![是会要能有])不|无|别|并非|莫得|冇|未曾|从没|从来没)(?:有)?(?:人|人员|发生|出现|什么|被)?(?:\s)?$/;
export const EN_NEGATION_BEFORE =
  /\b(?:no|not|never|isn'?t|wasn'?t|aren'?t|weren'?t|didn'?t|doesn'?t|don'?t|hasn'?t|haven'?t|nobody|no one|nothing|without|neither|nor)(?:\s+[a-z']+){0,2}\s+$/;

// A cue that is feared, prevented or supposed, not happening: "怕老人摔倒", "万一着火", "if there is a fire".
// 以后 after an event is "after it", not "some day" (decision 0075): "回家以后一直出血".
export const ZH_HYPOTHETICAL_BEFORE = new RegExp(
  `(?:万一|如果|假如|假设|要是|若是|一旦|倘若|以为|学一下|学会|学着|学(?:怎么|如何)|怎么给|如何给|(?<!好|我好|哪|恐|可)怕(?!是|得)|害怕|担心|担忧|防止|预防|以防|防范|避免|(?<!不)小心|提防|容易|会不会|(?<![了震完])(?<!${EVENT_BEFORE_AFTERWARDS})以后|将来|哪天|怎么(?:预防|防|应对|处理)|如何(?:预防|防|应对|处理)|(?<!没|不)注意|学习|学学|学一学|讲讲|教教|了解|想知道|想问问)`,
);
export const EN_HYPOTHETICAL_BEFORE =
  /\b(?:if|in case|what if|prevent\w*|avoid\w*|worried|worry|worries|how to|how do (?:i|we|you)|what to do if|in the event|risk of|so that|to stop|learn\w*|teach\w*)\b/;
// Habit, not event: "老人经常摔倒" is a fall-risk need.
export const ZH_HABIT_BEFORE =
  /(?:经常|老是|总是|常常|时常|动不动就|容易|老|天天|每天|每晚|一(?:放学|下课|下班|回家|出门|有空|放假|到|坐|上|见|看见|看到|听到|闻到|碰到|想到|紧张|着急|生气|激动)[^，。！？]{0,10}就)$/;
// Habit words anywhere earlier in the clause ("孩子老上火流鼻血" has 老 away from the cue: only the
// unambiguous ones count here).
export const ZH_HABIT_IN_CLAUSE = /经常|老是|总是|常常|时常|动不动|天天|每天|每晚|偶尔|时不时|有时候|(?<!老人|人)老(?=上火|流|摔|晕|抽|出血)/;
// "一到人多的地方心就…": a reaction that comes with a situation, not an event.
export const ZH_CONDITIONAL =
  /一(?:放学|下课|下班|回家|出门|有空|放假|到周末|到晚上|到|坐|上|见|看见|看到|听到|闻到|碰到|想到|紧张|着急|生气|激动|说)[^。！？]{0,14}就/;
export const EN_HABIT =
  /\b(?:every (?:night|day|week|time)|always|all the time|keeps?|often|when(?:ever)? (?:i|we|he|she) (?:don'?t|do|am|get|stand|eat|have))\b/;
// Long-standing, not acute: "老人困在家里好几个月没出过门".
export const ZH_LONG_TERM = /好几个月|几个月|好几年|几年|多年|很久|好久|一直以来|常年|长期/;
// Joking in the clause ("被困在家写论文三天了哈哈", "we're trapped in this boring town lol"): a figure of
// speech, not an event; self-harm and violence still get the question.
export const ZH_JEST = /会谢|栓q|绝绝子|笑不活|蚌埠住|哈哈|呵呵|嘿嘿|嘻嘻|hhh|233|😂|🤣|😆|😜|🤪/;
export const EN_JEST = /\b(?:lol|lmao|lmfao|rofl|haha\w*|hehe\w*|jk|just kidding)\b/;
// Minor: "flooded the floor a bit", "有一点烟味".
// Right after a cue: "出血了一点", "冒了点烟".
export const ZH_MINOR_AFTER = /^了?(?:一点点?|一点儿|点儿?|一些|少许)(?![^，。！？]{0,2}(?:多|大))/;
export const ZH_MINOR = /一点点|有点|有一点|一点儿?|一些|少量|稍微|轻微/;
export const EN_MINOR = /\b(?:a bit|a little|slightly|minor|small)\b/;
// Prevention asked about after the cue: "煤气中毒怎么预防".
export const ZH_PREVENTION_AFTER = /^[^，。！？]{0,6}(?:(?:怎么|如何|怎样)?(?:预防|防止|防范|避免)|(?:到底)?(?:该|应该)?(?:怎么|如何)扶)/;

// A cue in a class, drill, campaign, story or game is a topic, not an event (anywhere in the clause).
export const ZH_TOPIC =
  /纪录片|剧情|话剧|小品|排练|剧本|听说(?:外地|外省|别的地方|别处|其他地方|国外)|培训|演练|演习|讲座|课程|上课|网课|课上|课堂|实验课|宣传|知识|科普|普及|教育|比赛|电影|电视剧|追的剧|追剧|恐怖片|鬼片|灾难片|动画片|电视(?:里|上)?(?:演|放|播)|视频|新闻|小说|游戏|故事|梦见|梦到|做梦|风险评估|评估|手环|应急包|常识|技能|保险|理赔|补贴|政策|申请|捐款|捐物|募捐|筹款|灾区|灾后|急救(?!车|中心|电话|站)|模型|手工作业/;

// Message-wide contexts that say the danger is over and the need is what follows.
// A dispute about an injury or a loss: "工地上摔断了腿，包工头说不关他事" (every cue goes).
export const ZH_LEGAL_AFTERMATH =
  /验伤|(?:上个月|去年|上周|前几天|之前|以前|前年)的事|(?:不|没)赔|保险|理赔|赔偿|赔了|赔钱|要我赔|不肯赔|就赔|不认账|推卸责任|不关(?:他|她|我|你)?(?:们)?的?事|维权|起诉|打官司|法律援助|工伤|律师|收了钱|跑路|卷款|借钱不还|欠钱不还|不还钱|借了钱/;
export const EN_LEGAL_AFTERMATH =
  /\b(?:compensation|compensate|refund|money back|car dealer|the dealer (?:says|said|won'?t|refuses)|lawyer|sue|suing|legal|rights|(?:insurance|compensation) claim|(?:make|file|made|filed) a claim|insurance|deposit|wages|liable|liability)\b/;
// Recovery and its needs: "摔断了腿，家里的地没人种", "房子塌了，一家人挤在亲戚家" (not "被挤在栏杆上", a crush: decision 0075).
export const ZH_RECOVERY_AFTERMATH =
  /没人种|干不了活|没法干活|没了(?:收入|进项|进账)|康复(?!中心|机构|学校)|复查|养伤|在家(?:养着|休养)|拆线|换药|石膏|做了手术|没地方住|住在(?:亲戚|村委|学校|安置)|(?<![被给])挤在|借住|安置点/;
export const EN_RECOVERY_AFTERMATH =
  /\b(?:rehab\w*|recovery|recovering|physio\w*|since the (?:accident|fire|flood|fall|stroke|operation|surgery|quake|earthquake|storm)|out of hospital|discharged|in hospital|nowhere to live|staying with (?:relatives|friends|family|my (?:sister|brother|parents|in-laws)))\b/;
// Separation and evidence: domestic violence told to a lawyer still gets the question, as a weak cue.
export const ZH_LEGAL_SOFT = /离婚|取证|立案|证据/;
// Hardship: "实在撑不下去了，看能不能申请点救助" is despair about money, asked about only when explicit.
// A clause that goes on about what the previous clause named: "看了部电影 里面有人跳楼".
export const ZH_TOPIC_CONTINUED = /^(?:里面|里头|里边|剧里|片里|书里|戏里|视频里|其中|上面(?:说|讲|写))/;
// A gripe about a thing: "想死的心都有了 这破网速" is exasperation, not despair (weak cues only).
// News of somewhere else ("电视上说外地有个小区着火了", "听说邻县地震了", "网上看到…不是我们这里的"):
// a medium and a place away from here, anywhere in the message.
export const ZH_MEDIA = /电视|网上|朋友圈|新闻|抖音|快手|视频|听说|报道|公众号|微博/;
export const ZH_ELSEWHERE = /(?<!在)(?:外地|外省|外县|邻县|隔壁县|邻市)|别的(?:地方|县|省|市|村)|有个地方|某地|国外|不是我们这/;
export const EN_MEDIA = /\b(?:news|online|tiktok|facebook|weibo|social media|on tv|saw a (?:video|post))\b/;
export const EN_ELSEWHERE =
  /\b(?:(?:another|other|a different) (?:town|city|county|province|country|village|district)|somewhere else|abroad|not (?:here|around here|near us|ours|from here))\b/;
// Wanting a lecture or class on it: "老人在家摔倒了该咋办 想听讲座".
export const ZH_LEARNING =
  /讲座|培训|课程|演练|演习|(?:想|要|报)(?:听|上|学|报名)[^，。！？]{0,4}课|(?:给|跟|为)(?:我们|大家|老人|孩子们?|居民|学校|学生们?|小区|社区)讲(?:讲|一讲|一下)|教大家|(?:想|我想|先)?提前(?:了解|学习|学学|知道|准备)/;
export const ZH_WHAT_TO_DO_AFTER =
  /^[^，。！？]{0,3}(?:(?:该|应该|要)(?:咋|怎么|如何)(?:办|处理|做|弄)|(?:怎么|如何)自救|(?:要|该|应该)?注意(?:些|点)?(?:什么|啥)|(?:该|要|应该)?(?:躲|跑)(?:到)?(?:哪|哪里|哪儿|什么地方))/;
// Harm to animals only (decision 0043): an animal named, and no person ("小狗被车撞了 流了好多血
// 附近哪有宠物医院"). A person anywhere in the message ("狗把孩子咬了", "I", 我) keeps every cue.
const ANIMALS = '狗|猫|宠物|兔子|鹦鹉|仓鼠|乌龟|金鱼|鸡|鸭|鹅|牛|羊|猪(?!肉)|鸟';
export const ZH_ANIMAL = new RegExp(ANIMALS);
/** An owner before an animal ("我家的羊"): no person in danger (decision 0045), read with the animal. */
export const ZH_ANIMAL_OWNER = new RegExp(
  `(?:(?:我|我们|咱|咱们|俺|俺们|他|她|邻居|村里)家(?:的|里的)?|(?:孩子|儿子|女儿|闺女|孙子|孙女|小孩)(?:的|养的))(?=${ANIMALS})`,
  'g',
);
export const EN_ANIMAL = /\b(?:dog|dogs|puppy|cat|cats|kitten|pet|rabbit|parrot|hamster|bird|chicken|goat|sheep|cow|pig|horse)\b/;
// An animal that does the harm is no animal harmed: "被狗咬了", "牛角顶伤", "a dog bit me", bees and wasps.
// Inside its clause: the text is read half-width, so "，" is "," here ("鸡舍被淹了，鸡都泡在水里" has no agent; decision 0070).
export const ZH_ANIMAL_AGENT = new RegExp(`被[^，。！？,!?]{0,3}(?:${ANIMALS}|蜂|蛇)|(?:${ANIMALS})[^，。！？,!?]{0,2}(?:咬|抓|挠|踢|顶|啄|扑|撞倒)|蜂|蛇`);
export const EN_ANIMAL_AGENT = /\b(?:bit|bitten|bites|attacked|mauled|kicked|stung|scratched|gored|wasps?|bees?|snake)\b/;
// Kin PERSON does not name, and a herder named by the animals ("放羊的从崖上摔下去了"), are people
// too (decision 0074: "大伯出去放羊…没回家").
export const ZH_HUMAN = new RegExp(
  `${PERSON}|我|咱|俺|自己|谁|有人|宝宝|大家|村民|居民|路人|行人|老乡|乘客|住户|大伯|伯伯|伯父|大叔|舅舅|姑姑|姨妈|婶婶|大婶|表哥|堂哥|侄子|外甥|(?:放|赶|看)(?:牛|羊|鸭子?|马|鹅)的(?!时候|地方)`,
);
export const EN_HUMAN = new RegExp(`\\b(?:i|me|we|us|someone|somebody|people|man|woman|${EN_PERSON})\\b`);
// A question about the emergency services themselves (decision 0043): what a call costs, the
// number, how to call, a lesson in calling. It sets aside a call-for-help word with no cue beside it.
export const ZH_EMERGENCY_INFO =
  /(?:110|119|120|122|急救电话|报警电话|火警电话|救护车|急救车)[^。！？]{0,10}(?:要钱|收费|收钱|多少钱|费用|怎么打|怎么拨|是多少|号码是|电话是|了解一下|报销)|(?:教|学|告诉)[^。！？]{0,8}(?:怎么|如何)?(?:打|拨|叫)(?:110|119|120|急救|救护车)|(?:报火警|报警|叫救护车|急救)[^。！？]{0,6}(?:是不是|是否)(?:也)?(?:是)?打(?:110|119|120)/;
export const EN_EMERGENCY_INFO =
  /\b(?:what(?:'s| is)? (?:the )?(?:number|phone number) (?:do (?:i|we|you) call|for (?:an )?(?:ambulance|police|fire))|how (?:much )?(?:do|does) (?:an )?ambulance cost|(?:save|store|keep) (?:the|that|it|this) (?:number|in my phone)|just want to (?:save|know|have) (?:it|the number))\b/;
export const ZH_GRIPE = /这道题|作业|卷子|考试|这破|什么破|破(?:网|手机|电脑|系统|软件|app|天气|车|路)|网速|卡死了|死机|堵车|加班|排队|快递/;
// Routine care asked about: "被狗咬了 想问问狂犬疫苗去哪打" (weak cues of an injury only).
export const ZH_ROUTINE_CARE = /疫苗|挂号|门诊|复诊|开药|配药|体检|创可贴|碘伏|药膏/;
export const ZH_HARDSHIP = /申请|救助|补助|补贴|低保|贷款|还不上|没钱|工资|学费|医药费|捐款|困难户|生意/;
export const EN_TOPIC =
  /\b(?:mock|pretend|(?:a|the) show|performance|rehearsal|training|drills?|classes|(?:a|the) class (?:on|about)|class (?:on|about)|course|courses|lessons?|(?:a|an|the|safety|fire) talks?|preparedness|lectures?|workshops?|awareness|campaign|posters?|prevention|safety (?:talks?|class\w*|course|week|day|check|tips|training|campaign|month|education|awareness|lessons?)|(?:fire|road|water|gas|electric(?:al)?|home|kitchen|earthquake|quake|flood|swimming) safety|games?|movies?|films?|videos? (?:about|on)|(?:the|on the) news|news (?:said|says|report\w*)|(?:a|the) (?:story|stories) (?:about|of)|bedtime stor(?:y|ies)|documentary|insurance|dreams?|dreamt|dreamed|nightmares?|tips|subsidy|donations?|fundrais\w*|scams?|scammers?|fraud\w*)\b/;

// Distant past: "去年家里着过火". A recent marker between it and the cue keeps the cue ("上周…今天又…").
export const ZH_PAST =
  /去年|前年|上次|上回|以前|之前|从前|小时候|前几年|几年前|那年|那次|上个月|上周|上星期|上礼拜|曾经|早年|当年|几个月前|个月前|多年前|前些年|前段时间|前阵子|以往|上半年|年轻时|年轻的时候/;
export const ZH_RECENT = /刚才|刚刚|现在|今天|今早|今晚|昨晚|昨天|此刻|正在|还在|又|突然|一直|到现在/;
export const EN_PAST =
  /\b(?:last (?:year|month|week|time|winter|summer)|years? ago|months? ago|weeks? ago|used to|in the past|previously|once had|back in (?:\d{4}|the day|the \d0s|(?:19|20)\d0s))\b/;
export const EN_RECENT = /\b(?:now|right now|just|today|tonight|this morning|again|still|currently)\b/;

// Resolution after a cue ("已经扑灭了", "找回来了", "没人受伤", "it's out now"): the cues of the
// given families written before it are over. A resolution with a negation right before it
// ("还没找到") is none.
export interface Resolution {
  families: readonly DangerFamily[] | 'all';
  zh?: string;
  en?: string;
}

export const RESOLUTIONS: readonly Resolution[] = [
  {
    families: ['fire', 'electric', 'gas'],
    zh: '扑灭|(?<![灯电光])灭了|灭掉了|熄灭|火(?:已经)?灭|(?:已经|都)关(?:掉|好)了',
    en: "(?:fire|it)(?:'s| is| was| has been) (?:put )?out|put (?:it|the fire) out",
  },
  {
    families: ['missing'],
    // Not a thing found in their place ("只找到了他的鞋"), nor how soon they usually come back
    // ("平时半小时就回来了", decision 0047).
    zh: '找到了(?![^，。！？]{0,4}(?:鞋|衣服|书包|帽子|手机|车))|找回来了|找着了|找回了|原来(?:在|是在|躲在)|其实(?:就|一直)?(?:在|躲在)|(?<!(?:平时|平常|往常|通常|一般|每次)[^，。！？]{0,8})(?<!没|还没|没有|不|没能)回(?:来|家)了|平安回(?:来|家)|已经(?:找到|找回|回来|回家)',
    en: '(?:has|have) been found|(?:is|was|are|were) found|found (?:him|her|them)|(?:is|was|are|were) (?:back|home) (?:now|safe)|came (?:back|home) (?:safe|now|already)',
  },
  // An innocent explanation found (decision 0043): "冰箱里一股臭鸡蛋味 原来是鸡蛋坏了". A danger named
  // in the explanation is a cue after it and stands ("原来是煤气漏了").
  { families: 'all', zh: '原来(?:只)?是|后来(?:才)?发现(?:只)?是|结果(?:只)?是', en: 'turn(?:ed|s) out (?:it was|to be|it is)' },
  { families: ['trapped', 'flood', 'collapse'], zh: '救(?:出来|上来|下来)了|已经(?:救出|脱险|出来了)|脱险了', en: 'rescued|got (?:him|her|them) out safe' },
  // Nobody lives there, the water is mopped up: a repair, not a rescue.
  { families: ['flood', 'collapse', 'fire'], zh: '(?<!有)没(?:有)?人住' },
  { families: ['flood'], zh: '拖(?:了|干净|完)(?:好几遍|几遍|一遍)?' },
  // Checked and found sound: "燃气公司来查了两回都没漏".
  { families: ['gas'], zh: '(?:查|检查|测|看)(?:了|过)?[^。！？]{0,8}(?:都|也|并|根本)(?:没|没有)(?:漏|问题|事)' },
  // Up and walking again: "现在能走", "自己爬起来了".
  { families: ['fall'], zh: '(?:现在|已经|自己)(?:能|可以)?(?:走路|走|站起来|爬起来|起来)了?' },
  {
    families: ['unconscious', 'bleeding', 'fall'],
    zh: '血(?:已经)?止住了|(?:就|已经|现在)(?:好了|止住了|不流了|停了)|(?<!不|没)醒(?:过来)?了|(?:看过|检查过|检查了|拍了片子?|去医院看了)(?:也|了)?没(?:事|大碍|什么事|问题)|恢复得(?:差不多|挺好|很好)|已经(?:出院|康复|恢复)',
    en: 'stopped bleeding|woke up|is awake|came round|just (?:a )?(?:scraped?|scratch\\w*|bruis\\w*|graze\\w*)',
  },
  // Seventh pass (decision 0045): already mended, already in a hospital bed.
  { families: 'all', zh: '(?:昨天|前天|上周|早)就(?:修好|处理好|弄好)了|你们不用(?:去|来)了' },
  // Eighth pass (decision 0046): a shop that burnt and has reopened.
  { families: 'all', zh: '(?:现在|已经|早就)?重新(?:开张|开业|营业)了' },
  { families: ['unconscious', 'bleeding', 'fall'], zh: '(?:现在|已经)(?:在)?住院(?:了|治疗)?' },
  {
    families: 'all',
    zh: '人没事|(?:啥|什么)事(?:都|也)?没有|没人受伤|无人受伤|(?:医生|大夫)(?:说|讲)(?:是|这|这是)?(?:正常|没事|没大碍|问题不大|不要紧)|没(?:有)?人(?:掉下去|掉进去|被埋|被压|在里面)|没有人受伤|没有人员伤亡|无人员伤亡|虚惊一场|(?:鉴定|检查|查看|看)过了?(?:也|都)?没(?:问题|事|大碍)|(?:已经|现在)(?:没事|好了|处理好|解决了|修好)|没事了|没大碍|已经处理|(?<=[\\s，,。！!])(?<!(?:起不来|起不了身|爬不起来|站不起来|动不了)[\\s，,。！!]{0,2})(?:人)?(?:都)?没事(?=[\\s，,。！!]|$)',
    en: "(?:no one|nobody|no one's)(?: is| was| got)? (?:hurt|injured)|false alarm|(?:is|are|was|were) (?:now )?(?:ok|okay|fine|safe) now|all (?:fine|ok|okay|safe) now",
  }, // Twelfth pass (decision 0052), in its own module.
  ...TWELFTH_PASS_RESOLUTIONS,
  ...THIRTEENTH_PASS_RESOLUTIONS,
  ...FOURTEENTH_PASS_RESOLUTIONS,
  ...FIFTEENTH_PASS_RESOLUTIONS,
  ...SIXTEENTH_PASS_RESOLUTIONS,
  ...SEVENTEENTH_PASS_RESOLUTIONS,
  ...EIGHTEENTH_PASS_RESOLUTIONS,
  ...NINETEENTH_PASS_RESOLUTIONS,
  ...TWENTIETH_TO_22ND_PASS_RESOLUTIONS,
  ...TWENTY_NINTH_PASS_RESOLUTIONS,
];
// A resolution with one of these right before it is none: "还没找到", "not found".
export const ZH_RESOLUTION_NEGATED = /(?:还没|没有|没|不|未|没能|尚未)$/;
export const EN_RESOLUTION_NEGATED = /\b(?:not|never|hasn'?t|haven'?t|wasn'?t|isn'?t|no|can'?t|cannot|couldn'?t|unable to)\s+$/;

// Clause boundaries for the context checks: punctuation, and whitespace next to Chinese (voice
// messages and chat often separate phrases with spaces instead of commas).
export const CLAUSE_PUNCTUATION = /[，。！？；：、,.!?;:\n\r…~～]/;

// Cantonese (and a few other dialect) forms read as standard ones before anything is matched,
// each replaced by a standard form of the same length so that every offset stays valid:
// "我个仔冇返屋企，电话都唔听" is read "我个仔没回家里，电话都不听", "佢而家企喺窗边" "他现在站在窗边".
// Longer forms first: at one place the first alternative that matches wins.
// Voice-to-text homophones and typos of danger words, read as the words before anything is matched,
// like the dialect forms (same length, longer forms first). Only forms that are no word themselves.
export const HOMOPHONE_FOLD: ReadonlyArray<readonly [string, string]> = [
  ['着伙了', '着火了'],
  ['照伙', '着火'],
  ['照火', '着火'],
  ['着或', '着火'],
  ['找火了', '着火了'],
  ['起伙了', '起火了'],
  ['失伙', '失火'],
  ['冒眼', '冒烟'],
  ['跳搂', '跳楼'],
  ['要踏了', '要塌了'],
  ['房子踏', '房子塌'],
  ['踏下来', '塌下来'],
  ['没意四', '没意思'],
  ['没意似', '没意思'],
  ['跳篓', '跳楼'],
  ['挑楼', '跳楼'],
  ['割碗', '割腕'],
  ['割晚', '割腕'],
  // A U-turn (掉头: "在桥上掉头", "路上掉头") is no hanging: read as it is, before 上掉 (decision 0074).
  ['上掉头', '上掉头'],
  ['上掉', '上吊'],
  ['字杀', '自杀'],
  ['自沙', '自杀'],
  ['子杀', '自杀'],
  ['不想或', '不想活'],
  ['不想火了', '不想活了'],
  ['活不下区', '活不下去'],
  ['晕到了', '晕倒了'],
  ['昏到', '昏倒'],
  ['流雪', '流血'],
  ['出雪', '出血'],
  ['触点了', '触电了'],
  ['煤起', '煤气'],
  ['泄路', '泄漏'],
  ['走丢拉', '走丢了'],
  ['不见拉', '不见了'],
  ['救明', '救命'],
  ['摔到在地', '摔倒在地'],
  ...FOURTEENTH_PASS_HOMOPHONE_FOLD,
  ...TWENTIETH_PASS_HOMOPHONE_FOLD,
  ...TWENTY_EIGHTH_PASS_HOMOPHONE_FOLD,
];

// Cantonese (粤语) and Minnan / Hokkien (闽南语, Taiwanese) function words and set phrases read as
// Mandarin (decision 0045). Sources: the author's knowledge of both; the common written forms are
// those of 粤语 chat (咗, 喺, 入面 …) and of 台湾闽南语推荐用字 (阮, 佇, 袂, 厝 …). Each pair keeps the
// length (one UTF-16 unit for one). They run after the traditional fold, so forms are simplified
// (佇 arrives as 伫, 猶 as 犹, 內底 as 内底). Longer forms come first: an alternation takes the first
// that matches at a place. A pair mapped to itself (犹豫, 伫立, 仲裁) keeps a Mandarin word whole.
export const DIALECT_FOLD: ReadonlyArray<readonly [string, string]> = [
  // Minnan: 阮 = 我/我们, 伫 = 在, 内底 = 里面, 袂 = 不会/不能, 厝 = 房子/家, 土脚 = 地上, 犹 = 还,
  // 无想欲活 = 不想活, 火烧厝 = (房子)着火, 跋 = 摔, 囝 = 儿/孩子, 尪 = 丈夫, 转来 = 回来, 矣 = 了.
  ['无想欲活', '不想活了'],
  ['火烧厝', '着火了'],
  ['袂振动', '动不了'],
  ['无转来', '没回来'],
  ['走无去', '不见了'],
  ['揣无', '找不'],
  ['揣', '找'],
  ['厝边', '邻居'],
  ['厝内', '家里'],
  ['厝', '家'],
  ['土脚', '地上'],
  ['灶脚', '厨房'],
  ['内底', '里面'],
  ['袂晓', '不会'],
  ['袂', '不'],
  ['伫立', '伫立'],
  ['伫', '在'],
  ['佇', '在'],
  ['犹豫', '犹豫'],
  ['犹如', '犹如'],
  ['犹太', '犹太'],
  ['犹疑', '犹疑'],
  ['犹', '还'],
  ['阮', '我'],
  ['想欲', '想要'],
  ['跋倒', '摔倒'],
  ['跋落', '摔下'],
  ['囝仔', '孩子'],
  ['囝', '儿'],
  ['尪', '夫'],
  ['转来', '回来'],
  ['今嘛', '现在'],
  ['阿嬷', '奶奶'],
  ['矣', '了'],
  // Cantonese: 入面 = 里面, 升降机 = 电梯, 气都唔顺 / 唞唔到气 = 喘不过气, 仲 = 还, 好惊 = 很怕,
  // 食 = 吃 (in 食咗 / 食药 only), 起唔到身 = 起不了身; and the older pairs below.
  ['升降机', '电梯里'],
  ['气都唔顺', '喘不过气'],
  ['唞唔到气', '喘不过气'],
  ['抖唔到气', '喘不过气'],
  ['起唔到身', '起不了身'],
  ['入面', '里面'],
  ['仲裁', '仲裁'],
  ['仲介', '仲介'],
  ['仲', '还'],
  ['好惊', '很怕'],
  ['食咗', '吃了'],
  ['食药', '吃药'],
  ['阿嫲', '奶奶'],
  ['返屋企', '回家里'],
  ['屋企', '家里'],
  ['企喺', '站在'],
  ['困咗喺', '困在了'],
  ['困咗', '困住'],
  // Twelfth pass (decision 0052): its own pairs, before 咗 becomes 了.
  ...TWELFTH_PASS_DIALECT_FOLD,
  ...THIRTEENTH_PASS_DIALECT_FOLD,
  ['而家', '现在'],
  ['琴日', '昨天'],
  ['今朝', '今早'],
  ['尋晚', '昨晚'],
  ['寻晚', '昨晚'],
  ['啱啱', '刚刚'],
  ['落去', '下去'],
  ['跌低', '摔倒'],
  ['跌亲', '摔伤'],
  ['个仔', '儿子'],
  ['個仔', '儿子'],
  ['个女', '女儿'],
  ['老豆', '老爸'],
  ['返嚟', '回来'],
  ['唔见', '不见'],
  ['冇', '没'],
  ['唔', '不'],
  ['佢', '他'],
  ['咗', '了'],
  ['喺', '在'],
  ['搵', '找'],
  ['揾', '找'],
  ['睇', '看'],
  ['嘅', '的'],
  ['哋', '们'],
  ['啲', '些'],
  ['嚟', '来'],
  ['畀', '给'],
  ['攞', '拿'],
  ['瞓', '睡'],
  ...EIGHTEENTH_PASS_DIALECT_FOLD,
];

// Pinyin typed without an input method ("zhaohuo le!! 8 dong 1 ceng kuai lai ren"): toneless
// syllables, written together or apart (a space in a source stands for optional whitespace),
// matched as whole Latin words. Only forms that are no English word.
export interface PinyinCue {
  family: DangerFamily;
  strength: 'strong' | 'weak';
  life?: boolean;
  pinyin: readonly string[];
}

export const PINYIN_CUES: readonly PinyinCue[] = [
  {
    family: 'fire',
    strength: 'strong',
    pinyin: ['zhao huo', 'zhao huo le', 'qi huo', 'shi huo', 'huo zai', 'shao qi lai', 'nong yan', 'mao hei yan', 'zhao da huo'],
  },
  { family: 'fire', strength: 'weak', pinyin: ['mao yan', 'huo hen da', 'da huo'] },
  { family: 'gas', strength: 'strong', pinyin: ['mei qi xie lou', 'ran qi xie lou', 'tian ran qi xie lou', 'mei qi zhong du', 'yi yang hua tan', 'lou qi le'] },
  { family: 'gas', strength: 'weak', pinyin: ['xie lou', 'mei qi wei', 'ran qi wei'] },
  {
    family: 'electric',
    strength: 'strong',
    pinyin: ['chu dian', 'bei dian', 'dian dao le', 'lou dian', 'mao huo xing', 'dian huo hua', 'dian xian duan le', 'dian xian diao le'],
  },
  {
    family: 'flood',
    strength: 'strong',
    pinyin: [
      'fa da shui',
      'yan shui le',
      'ni shui',
      'jin shui le',
      'shui man jin',
      'shui yan',
      'shui yan dao',
      'shui jin wu',
      'shui guan jin lai',
      'shui mo guo',
    ],
    life: false,
  },
  { family: 'collapse', strength: 'strong', pinyin: ['fang zi ta le', 'ta fang', 'dao ta', 'ta xian', 'di zhen'] },
  {
    family: 'trapped',
    strength: 'strong',
    pinyin: ['bei kun', 'kun zhu le', 'kun zai', 'kun ren', 'guan zai dian ti', 'dian ti ka zhu', 'dian ti kun', 'chu bu lai', 'chu bu qu', 'pao bu chu qu'],
  },
  { family: 'fall', strength: 'strong', pinyin: ['shuai dao', 'die dao', 'qi bu lai', 'shuai duan'], life: true },
  { family: 'fall', strength: 'weak', pinyin: ['shuai le', 'shuai jiao'] },
  {
    family: 'unconscious',
    strength: 'strong',
    pinyin: ['hun dao', 'yun dao', 'hun mi', 'bu xing ren', 'hun guo qu', 'yun guo qu', 'mei hu xi', 'chou chu', 'xin zang ting'],
  },
  { family: 'bleeding', strength: 'strong', pinyin: ['liu xue', 'chu xue', 'liu hen duo xue', 'xue liu bu zhi', 'gu zhe'] },
  {
    family: 'missing',
    strength: 'strong',
    life: true,
    pinyin: ['zou diu', 'zou shi', 'shi zong', 'bu jian le', 'zhao bu dao ren', 'zhao bu dao ta', 'mei hui jia', 'mei hui lai'],
  },
  { family: 'violence', strength: 'strong', pinyin: ['bei da', 'na dao', 'kan ren', 'sha ren', 'jia bao', 'da ren le'] },
  {
    family: 'self_harm',
    strength: 'strong',
    pinyin: ['zi sha', 'bu xiang huo', 'huo bu xia qu', 'tiao lou', 'ge wan', 'qing sheng', 'xiang si le', 'bu xiang huo le'],
  },
  ...EIGHTEENTH_TO_26TH_PASS_PINYIN_CUES,
];

// Calls for help in pinyin: like ALARM_STRONG.
export const PINYIN_ALARMS: readonly string[] = ['jiu ming', 'jiu jiu wo', 'kuai lai ren', 'kuai jiu ren', 'lai ren a'];

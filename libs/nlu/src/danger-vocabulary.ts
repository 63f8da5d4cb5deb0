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
}

// People a message may speak of; a few cues need a person next to them ("孩子不见了", not "钥匙不见了").
const PERSON =
  '(?:孩子|小孩|娃娃?|儿子|女儿|闺女|老人家?|爷爷|奶奶|外公|外婆|姥姥|姥爷|阿公|阿婆|阿爷|阿嫲|我爸|我妈|爸爸?|妈妈?|父亲|母亲|老爸|老妈|' +
  '老伴|老公|老婆|媳妇|丈夫|妻子|爱人|男人|妹妹|弟弟|哥哥|姐姐|孙子|孙女|外孙女?|爹|娘|婆婆|公公|宝宝|婴儿|老太太?|老头子?|' +
  '大爷|大妈|大娘|阿姨|叔叔|老母亲|老父亲|母亲|邻居|同事|同学|室友|朋友|工人|病人|学生|姑娘|老汉|小伙子?|人|他|她)';
const EN_PERSON =
  '(?:son|daughter|child|children|kid|kids|boy|girl|baby|toddler|father|dad|daddy|mother|mom|mum|mommy|grandma|grandmother|grandpa|' +
  'grandfather|granny|grandad|husband|wife|brother|sister|grandson|granddaughter|old man|old lady|old woman|elderly (?:man|woman|person)|' +
  'neighbou?r|uncle|aunt|he|she|friend|patient|teen\\w*|little one|\\d+ ?(?:years?|yrs?|-year)[- ]old)';
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
      '着火', '着伙', '着货', '着了火', '火着了', '着起了', '着起来', '着大火', '起火', '失火', '火灾', '火栽', '走水了', '火烛',
      '烧起来', '烧了起来', '燃起来', '烧着了', '点着了', '自燃', '引燃', '爆炸', '火苗(?:蹿|窜|往上|很高|老高)', '火势', '大火', '明火', '火光', '火海', '火舌',
      '火(?:很|好|特别|太|越来越)大', '好大的火', '浓烟', '黑烟', '烟雾弥漫', '浓烟滚滚', '(?:全|都)是烟', '满(?:屋|楼|楼道|走廊|房间|屋子)[^，。！？]{0,2}(?:都是)?烟',
      '烟(?:很|好|特别|太)大', '好大的烟', '(?:房子|屋子|房屋|仓库|厂房|车|店|铺子|柴火?堆|草垛|麦秸垛|秸秆垛|山)[^，。！？]{0,3}(?:烧了|烧掉|烧没|烧毁|着了)',
      '(?:电动车|电瓶车|电池|充电宝|煤气罐|液化气罐|锅炉|高压锅)[^，。！？]{0,3}(?:炸了|爆了)', '火还没灭', '灭不(?:掉|了)', '楼下着了', '楼上着了',
      '(?:垛子?|堆|房子|屋子|车|树林|山林|棚子?|仓库|被子|窗帘|沙发|衣服|纸箱子?)[^，。！？]{0,3}燃(?:了|起来|着了)', '把[^，。！？]{1,6}点(?:燃|着)(?:了)?', '把(?:蚊帐|窗帘|被子|床单|衣服|房子|柴火?|草堆?|沙发)[^，。！？]{0,2}点(?:了|燃|着)', '爆燃',
      '(?:电瓶车|电动车|电池|充电宝)[^，。！？]{0,10}(?:爆燃|起火|着火|燃起来|自燃)', '(?:锅|油锅|房子|屋子|车|柴房|柴堆|草垛|被子|窗帘|沙发|衣服|厨房|楼上|楼下|隔壁|对面)[^，。！？]{0,3}着了',
      '走火(?:了|啦)', '冒火星', '火光冲天',
    ],
    en: [
      'fire', 'fires', 'on fire', 'caught fire', 'catch(?:es|ing)? fire', 'set fire', 'flames?', 'blaze', 'explo(?:sion|ded)', 'burning down',
      '(?:is|are|was) burning', 'burning (?:house|building|car|flat)', 'smoke everywhere', 'full of smoke', 'thick smoke', 'black smoke',
      'smoke (?:is )?(?:coming|pouring|coming out) (?:out|from|of)', 'lots of smoke', 'so much smoke',
    ],
  },
  {
    family: 'fire',
    strength: 'weak',
    zh: ['火苗', '冒烟', '冒(?:了)?(?:点|些|股|一股)烟', '烟味', '焦味', '糊味', '烧焦', '烧糊', '烟雾报警器?[^，。！？]{0,4}响', '烟感[^，。！？]{0,4}响', '火警', '有烟', '烟好浓', '炸了'],
    en: ['smoke', 'smoky', 'smell(?:s|ing)? (?:of |like )?burn(?:ing|t)', 'burnt smell', 'burning smell', 'burning', 'smoke alarm', 'fire alarm'],
  },

  // ─── gas ───
  {
    family: 'gas',
    strength: 'strong',
    zh: [
      '(?:煤气|燃气|天然气|液化气|瓦斯|沼气|煤汽|燃汽|梅气|然气|天然汽|煤气罐子?|气罐)[^，。！？]{0,6}(?:泄漏|泄露|泄了|漏了|漏气|在漏|漏出|跑气|味|臭|嘶嘶|呲呲|滋滋|往外冒|冒气|外泄|管[^，。！？]{0,4}(?:断|破|裂))',
      '(?:泄漏|泄露|闻到|一股|有股|好大|很浓|很重|浓浓|全是)[^，。！？]{0,4}(?:煤气|燃气|天然气|液化气|瓦斯)', '煤气中毒', '一氧化碳', 'co中毒', '漏(?:煤气|燃气|天然气|液化气)',
      '(?:燃气|煤气|天然气)(?:管道|管子|管)[^，。！？]{0,10}(?:断|破|裂)', '气在往外(?:喷|冒)',
      '(?:气罐|煤气罐|液化气罐|钢瓶)[^，。！？]{0,6}(?:漏|嘶|呲|着火|爆|阀门坏)', '燃气(?:报警器|警报器|报警)[^，。！？]{0,4}(?:响|叫)',
      '(?:煤炉|炉子|炭盆|火盆|烧炭|炭火|烧煤|煤球|烤火)[^。！？]{0,16}(?:头疼|头痛|头晕|恶心|想吐|吐|迷糊|昏|叫不醒|中毒)',
    ],
    en: [
      'gas leak\\w*', 'leak\\w* gas', 'gas (?:is |was )?leak\\w*', 'smell\\w* (?:strongly |really |very |a lot )?(?:of |like )?gas',
      '(?:gas|co|carbon monoxide) (?:alarm|detector)s? (?:is |keeps |kept )?(?:going off|goes off|beeping|ringing|sounding)', 'left the gas on', 'gas smell\\w*', 'carbon monoxide', 'co poisoning',
      'co alarm', 'gas (?:is )?hissing', '(?:coal|charcoal) (?:stove|fire|burner|heater|brazier)[^.!?]{0,60}\\b(?:vomit\\w*|confused|dizzy|headache|drowsy|unconscious|sleepy|sick|passed out)',
    ],
  },
  {
    family: 'gas',
    strength: 'weak',
    zh: ['臭鸡蛋味', '漏气', '(?:像是?|好像是?|是不是|怀疑是?)(?:煤气|燃气|天然气|液化气)', '(?:煤气|燃气|天然气|阀门)[^，。！？]{0,3}没关', '烧炭取暖', '燃气报警器'],
    en: ['hissing', 'smell\\w* (?:like )?rotten eggs?', 'gas (?:is |was )?(?:still )?(?:on|open)'],
  },

  // ─── electric ───
  {
    family: 'electric',
    strength: 'strong',
    zh: [
      '触电', '触店', '处电', '电击', '被电(?:到|了|倒|晕|伤|打|一下|得)', '遭电打', '电打了', '被电线(?:打|电)',
      '(?:电线|电缆|高压线|电线杆|电杆|线杆)[^，。！？]{0,8}(?:断|掉|倒|落|垂|耷拉|冒火|打火|着火|冒烟|起火|烧|到地上|在地上|地上了)',
      '(?:插座|插排|插板|排插|插头|插线板|面板|开关|电箱|电表箱|配电箱|配电房|配电室|变电箱|电闸|变压器|电线|线路|电表|电器|电源|充电器|电热毯|取暖器|空调)[^，。！？]{0,6}(?:冒火|打火|火星|着火|起火|冒烟|烧起来|爆了|炸了)',
      '冒火花', '打火花', '火星子', '电得发麻', '(?:电|电线|插座|开关|电器)[^，。！？]{0,8}(?:弹开|弹了一下|打了一下|麻了一下)',
    ],
    en: [
      'electrocut\\w*', 'electric(?:al)? shocks?', '(?:got|get|gets|getting|gives?|giving|gave) (?:me |him |her |them |us )?(?:an? )?(?:bad |big |nasty |electric )?shocks?',
      'shocked by', 'live wires?', 'power lines? (?:is |are )?(?:down|fallen|broken|on the (?:road|ground))', 'sparks? (?:coming|flying|from)', 'sparking',
      '(?:wires?|leads?|cables?|plugs?|sockets?|cords?|chargers?|adapters?) (?:is |are )?(?:melting|smoking|sparking|burning|on fire)',
    ],
  },
  {
    family: 'electric',
    strength: 'weak',
    zh: ['漏电', '短路', '火花', '噼里啪啦', '噼啪', '(?:插座|插排|插板|排插|插头|插线板|开关|电线|电器|充电器)[^，。！？]{0,4}(?:烧焦|烧黑|烧了|烧化)', '(?:开关|插座|面板|电线|插头|插排|电箱)[^。！？]{0,12}(?:发烫|焦糊|啪啪)', '麻手', '带电(?!池|脑|话|视|梯|动|瓶|源|器|费|宝|子)', '(?:摸|碰)[^，。！？]{0,6}有电', '(?:墙|水|地|门|水龙头|外壳|铁)[^，。！？]{0,4}有电', '积水里有电', '电线(?:裸露|破皮|露出来)', '(?:灯|电线|插座|开关|电箱)[^，。！？]{0,4}(?:滴水|进水|泡水)'],
    en: ['sparks?', 'exposed wires?', 'short circuit', '(?:water|wet)[^.!?]{0,40}\\b(?:lights?|sockets?|wires?|fuse ?box) (?:are |is )?(?:flicker\\w*|spark\\w*|buzz\\w*|wet)'],
  },

  // ─── flood / water ───
  {
    // People in the water, or a flood that puts them at risk: call 110/119 first.
    family: 'flood',
    strength: 'strong',
    life: true,
    zh: [
      '水[^，。！？]{0,3}(?:到|没过|淹到|漫到|过|齐)[^，。！？]{0,2}(?:腰|胸|脖|大腿)', '洪水', '发大水', '涨大水', '山洪', '决堤', '溃坝', '堤坝?[^，。！？]{0,4}(?:开口|决口|垮|塌)',
      '(?:河|江|湖|水库|池塘|水塘|水池|井|水沟|鱼塘|泳池|水里|河里|海里|冰窟窿|窟窿|水坑|冰面)[^，。！？]{0,6}(?:掉下去|掉进|落水|溺|淹|沉下去|扑腾|冲走)',
      '(?:掉|落|跌|摔|滑|翻|冲)(?:进|到|下|入)?[^，。！？]{0,2}(?:河|江|湖|水库|池塘|水塘|塘里|水里|水中|井里|水沟|鱼塘|冰窟窿|冰窟|窟窿|冰洞|海里)', '溺水', '落水', '被水冲', '冲走了',
      '被水(?:围|困)', '扑腾', '河水[^，。！？]{0,3}(?:漫|涨)', '(?:人|老人|孩子|小孩)[^，。！？]{0,6}(?:在水里|泡在水里)', '(?:人|老人|孩子|小孩|男的|女的)[^，。！？]{0,6}在(?:河|江|湖|水|塘|海|水库)(?:里|中)', '(?:河|江|湖|水|塘|海)(?:里|面上|中)(?:面)?漂着(?:一个|个)?(?:人|老人|孩子|小孩|男的|女的)',
      '(?:河堤|堤坝|大坝|堤)[^，。！？]{0,8}(?:口子|缺口|冒水|渗水|管涌|漏水)', '(?:河|江|湖|水库|池塘|塘|井|鱼塘|水边|河边)[^。！？]{0,10}(?:滑下去|掉下去|落下去|摔下去|跌下去)',
      '被(?:水|洪水|大水)?冲(?:到|进|走|倒|下)', '冲到(?:沟|河)里',
    ],
    en: [
      'water (?:is )?(?:up to|reached|reaching|above) (?:my |our |the |his |her )?(?:waist|chest|neck)', 'drown\\w*',
      '(?:fell|fallen|fall|falls|slipped|jumped|went) (?:in|into) (?:the |a )?(?:river|lake|pond|water|sea|well|canal|pool|reservoir)', 'swept away', 'flash flood\\w*',
      '(?:someone|somebody|a man|a woman|a kid|a child|a boy|a girl|people|person|he|she|my \\w+) (?:is |are )?(?:in|under) the (?:river|water|lake|sea|pond|canal|reservoir)',
    ],
  },
  {
    // Water in the home: a flood, though not yet a threat to life.
    family: 'flood',
    strength: 'strong',
    zh: [
      '(?:家|屋|房|院|一楼|楼下|地下室|车库|店|铺|村|街|路|床)[^，。！？]{0,5}(?:进水|淹|入水|灌水|水浸)', '进水(?:了|啦|拉|咯|咧|喽)', '水浸',
      '水[^，。！？]{0,3}(?:到|没过|淹到|漫到|过|齐)[^，。！？]{0,2}(?:膝|小腿|脚脖|脚踝|床|桌)', '水漫进', '漫进(?:家|屋|来)', '倒灌',
      '被淹', '淹了', '淹到', '全淹', '水淹', '淹没', '(?:水|water)\\s*(?:进来|灌进|涌进|漫进|冲进|进屋|进家)',
      '到处(?:都)?是水', '满(?:屋|地|屋子|家)[^，。！？]{0,2}(?:都是)?水', '水[^，。！？]{0,4}(?:越来越深|越来越多|还在涨|往上涨|涨上来|涨得)',
      '水位[^，。！？]{0,4}(?:涨|上升|上涨)', '水已经(?:漫|到)', '灌满了?水', '水[^，。！？]{0,2}进(?:屋|家|门|房)',
      '(?:地下室|车库|屋|家|一楼)[^，。！？]{0,6}(?:灌满|泡在水)',
    ],
    en: [
      'flood\\w*', 'water (?:is |keeps )?(?:coming|come|comes|pouring|rushing|getting|entering|flowing|leaking|running) (?:in|into)', 'water everywhere', 'water (?:is )?entering',
      'water (?:is )?(?:up to|reached|reaching|above) (?:my |our |the |his |her )?(?:knees?|bed)', 'water (?:keeps |is )?rising',
      '(?:house|home|flat|room|basement|garage|street|road|village|apartment|floor|kitchen|everything) (?:is |was |are )?(?:full of|under) water', 'water (?:is )?(?:pouring|coming|gushing|flooding) (?:in )?(?:through|from|down) (?:the )?(?:ceiling|roof|walls?)', 'water (?:is |keeps )?(?:getting|going) (?:higher|deeper)',
    ],
  },
  {
    family: 'flood',
    strength: 'weak',
    zh: ['水漫', '漫进', '涨水', '(?:全|都)是水', '爆管', '水管[^，。！？]{0,2}(?:爆|炸)', '水[^，。！？]{0,2}(?:哗哗|呼呼)[^，。！？]{0,4}(?:冒|喷|流|灌)', '(?:喷|灌)得到处', '积水[^，。！？]{0,4}过膝'],
    en: ['burst pipe', 'pipe (?:has )?(?:burst|exploded)', 'water (?:is )?(?:spraying|gushing)'],
  },

  // ─── collapse ───
  {
    family: 'collapse',
    strength: 'strong',
    zh: [
      `${STRUCTURE}[^，。！？]{0,6}(?:塌|垮|倒了|倒下来|陷下去|陷了|裂开|往下沉|摇摇欲坠|要倒)`,
      '(?:天花板|吊顶|房梁|横梁|广告牌|招牌|屋檐|雨棚|阳台|墙体|楼板|砖头|瓦片|石头|山石|大树|树)[^，。！？]{0,6}(?:砸|压)', '(?:桥|房梁|横梁|楼板|楼梯|大梁)[^，。！？]{0,4}断',
      '(?:石头|山石|落石|滚石|石块)[^，。！？]{0,6}(?:往下滚|滚下来|掉下来)', '落石', '冰面[^，。！？]{0,6}(?:裂|塌)', '山体滑坡', '滑坡', '塌方', '泥石流', '地陷', '塌陷',
      '坍塌', '倒塌', '垮塌', '房倒屋塌', '被埋', '埋了(?:人|[两几一三]个)', '埋住', '砸(?:到|伤|中|死)(?:了)?人', '压塌', '摇摇欲坠', '(?:要|快)塌',
      '裂缝越来越大', '掉砖', '塌咗', '(?:泥巴|泥土|泥水|泥石|石头|土方|山体)[^，。！？]{0,8}(?:滑下来|冲下来|冲进|塌下来|埋)', '(?:山|坡)[^，。！？]{0,4}滑(?:了|下来)',
      '泥[^，。！？]{0,3}冲进', '(?:房子|楼|墙|屋子)[^，。！？]{0,3}(?:在晃|晃得|摇晃)', `${STRUCTURE}\\s*(?:collaps\\w*|fell down|caved in)`,
    ],
    en: [
      `${EN_STRUCTURE} (?:has |had |have |just )?(?:collaps\\w*|caved? in|fell (?:down|in)|fallen (?:down|in)|came down|gave way|gives way)`,
      'collapsed (?:roof|ceiling|wall|building|house|bridge)', 'land ?slides?', 'mud ?slides?', 'rock ?slides?', 'cave[ds]? in', 'buried (?:under|alive|in)',
      'sinkhole', '(?:will|going to|about to) (?:fall down|collapse)', `${EN_STRUCTURE}\\b[^.!?]{0,25}?\\b(?:collaps\\w*|caved? in|came down|fell (?:down|in|on)|gave way)`,
    ],
  },
  {
    family: 'collapse',
    strength: 'weak',
    zh: ['塌了', '垮了', '裂了?(?:好大|很大|大)的?缝', '地震', '(?:墙|墙壁|房|楼|地面)[^，。！？]{0,4}裂(?:了)?(?:个|一道)?(?:好大|很大|越来越大)的?(?:口子|缝)', '(?:天花板|吊顶|房梁|横梁|广告牌|招牌|屋檐|雨棚|阳台|墙体|楼板|砖头|瓦片)[^，。！？]{0,6}掉下来'],
    en: ['earthquake', 'crack\\w* (?:in the )?walls?', 'walls? (?:is |are )?crack\\w*'],
  },

  // ─── trapped ───
  {
    family: 'trapped',
    strength: 'strong',
    zh: [
      '被困', '困住', '困在', '困咗', '困人', '被锁在', '(?:锁|关)在[^，。！？]{0,6}(?:出不去|出不来)', '钻进(?:了)?[^，。！？]{0,6}(?:洗衣机|冰箱|冰柜|柜子|箱子|洞|管道|缝)',
      '电梯[^，。！？]{0,8}(?:半空|两层之间|两层中间)', '电梯[^，。！？]{0,6}(?:困|关着人|卡住|卡在|卡了|出不来)', '(?:卡|关|困|锁)在电梯', '电题里关', '电梯\\s*(?:stuck|trapped)', '(?:stuck|trapped)\\s*(?:了|在)',
      `${PERSON}[^，。！？]{0,4}(?:反锁|锁|关|闷)在[^，。！？]{0,4}(?:车|屋|房间|卫生间|厕所|冷库|冰柜|冰箱|柜子|里面|里头)`,
      '(?:卡|夹|压|困|埋|关)在[^，。！？]{0,6}(?:里|下|中间|底下|下面)[^，。！？]{0,4}(?:出不来|动不了|拔不出|出不去)', '压在(?:下面|底下|下边|里面)',
      '被压(?:住|在)', '压住了?(?:人|腿|脚|身子|一只)', '埋在', '掉(?:进|到|下)[^，。！？]{0,4}(?:井|坑|洞|化粪池|沟|窨井|下水道|粪坑|地窖|矿井)',
      `(?:${PERSON}|头|手|脚|腿|胳膊|身子)[^，。！？]{0,4}(?:卡住|卡在|夹住)[^，。！？]{0,6}(?:出不来|拔不出|动不了)?`,
      '爬不出', '拔不出', '动弹不得', '卡在里面', '关上了?打不开',
    ],
    en: [
      'trapped', `stuck (?:in|inside|under|on|at) (?:the |a |an |my |our )?(?:lift|elevator|car|room|roof|building|house|well|mud|water|river|mountain|cave|rubble|ice|truck|fire|tunnel|cliff)`,
      '(?:lift|elevator) (?:is )?stuck', 'stuck in (?:the )?(?:lift|elevator)', 'locked (?:in|inside) (?:the |a |his |her |my )?(?:car|room|bathroom|toilet|house|freezer|basement|storage|cellar|garage|shed|lift|elevator|cupboard|closet)',
      '(?:arm|hand|leg|foot|head|finger)s? (?:is |are |got )?(?:stuck|caught|trapped) in',
      `${CANT} get out`, 'pinned (?:under|down)', 'stuck inside', 'buried',
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
      '(?:fell|fall|falled|fallen)(?:\\s*down)?\\s*了?[^。！？]{0,10}(?:起不来|站不起来|动不了)', '坠楼', '坠落', '跌落', '高坠', '摔下(?:楼|来|去)', '掉下(?:楼|去)', '滚下(?:楼梯|来|去)', '摔伤', '跌伤', '摔断', '跌断', '栽下去',
      '(?:摔|跌)(?:倒|到)?[^，。！？]{0,6}(?:头|腿|胳膊|胯|髋)[^，。！？]{0,3}(?:破|断|肿|流血|出血)',
    ],
    en: [
      `(?:fell|fallen|fall|falls|falled|slipped|tripped)(?: down| over)?[^.!?]{0,30}\\b${CANT} (?:get up|stand|move|walk)`,
      '(?:fell|fallen|fall|falls|falling) (?:off|from|out of|down) (?:the |a |his |her |my |our )?(?:ladder|roof|stairs|staircase|steps|balcony|window|building|tree|scaffold\\w*|bed|bike|bicycle|cliff|bridge|second floor|\\d+(?:st|nd|rd|th) floor)',
      `on the (?:floor|ground) (?:and )?(?:${CANT}|not|can't|isn't)`, 'hit (?:his|her|my|their) head', 'broke (?:his|her|my) (?:hip|leg|arm|wrist|ankle)',
      'fallen and', 'fell down the stairs',
    ],
  },
  {
    family: 'fall',
    strength: 'weak',
    zh: [
      '(?<!早上|早晨|床上|早)起不来(?!床)', '动不了', '踩空', '(?:坐|躺)在地上(?:动不了|起不来)', '摔倒', '跌倒', '滑倒', '绊倒', '跘倒', '摔跤', '跌跤', '摔了一跤', '跌了一跤', '摔了', '摔到了', '跌到了', '栽倒', '摔地上', '跌低',
      '跣亲', '扑爬', '摔了个', '跌了个', '(?:床上|床)[^，。！？]{0,2}掉下来', '倒在地上', '倒地', '倒下了',
    ],
    en: ['fell', 'fallen', 'fall down', 'fell down', 'falled', 'slipped', 'tripped', 'had a fall', 'taken a fall', 'fall on (?:the )?(?:street|road|ground|floor|stairs|ice)'],
  },

  // ─── unconscious and acute medical collapse ───
  {
    family: 'unconscious',
    strength: 'strong',
    zh: [
      '晕倒', '昏倒', '晕到', '昏到', '晕过去', '昏过去', '晕了过去', '晕厥', '昏厥', '昏迷', '休克', '不省人事', '不醒人事', '人事不省', '(?:叫|喊|推|摇)(?:也|都)?不(?:太|大)?醒', '(?:叫|喊)(?:他|她)?(?:也|都)?没(?:有)?(?:声音|回应|动静)',
      '叫不应', '喊不应', '叫不答应', '没(?:有)?(?:了)?(?:呼吸|意识(?!到)|知觉|心跳|脉搏|气息)', '不喘气', '没气了', '没气儿', '没有气了', '莫得气', '冇气',
      '背过气', '厥过去', '抽过去', '晕死过去', '口吐白沫', '翻白眼', '抽搐', '嘴唇(?:发|都)?紫', '脸(?:色)?(?:发|都)?紫', '憋紫',
      '呼吸困难', '上不来气', '透不过气', '胸口(?:剧痛|疼得厉害|痛得厉害|闷得)', '突然胸口', '心绞痛', '心梗了', '突发心梗', '心脏病(?:犯|发|又犯)',
      '心脏骤停', '中风了', '突然中风', '脑梗了', '突发脑梗', '脑溢血了', '嘴(?:也)?歪', '口角歪', '半边(?:身子)?(?:动不了|麻|没知觉)', '噎住', '噎着', '卡(?:喉咙|嗓子)',
      '人(?:快)?不行了', '倒地不起', '倒在(?:地|路边|路上|血泊)', '倒地', '瘫倒', '瘫在地', '一动不动', `${PERSON}[^，。！？]{0,6}没(?:有)?(?:了)?反应`, '叫[^，。！？]{0,6}没(?:有)?反应', '冇反应', '无反应',
      '(?:食物|农药|煤气|药物)?中毒', '哮喘(?:犯|发作)', '过敏性休克', '(?:烧|热)[^，。！？]{0,4}抽(?:筋|过去|起来)', '误服', '误吞',
      '吃了[^，。！？]{0,6}(?:药片|药丸|老鼠药|洗衣液|消毒液|电池|毒蘑菇)', '突然倒下', '叫也叫不醒', '没知觉', '呼吸(?:很|好|特别)?(?:弱|微弱|急促)', '嘴(?:唇)?(?:都)?(?:发)?(?:乌|青)', '脸(?:都)?(?:发)?(?:青|乌)了', '误(?:喝|吃|服|吞|食)',
      '喝了[^，。！？]{0,4}(?:消毒水|农药|洗衣液|清洁剂|汽油|酒精|84)', '(?:一动|动)也不动', '倒在[^，。！？]{0,6}(?:里|上|边|地)', '(?:卡住|噎住|噎着)[^。！？]{0,6}(?:咳不出|吐不出|喘不)', '咳不出来', '突然[^，。！？]{0,6}(?:剧痛|疼得厉害|痛得厉害|晕|昏|倒|抽|喘不上|说不出话|不会说话|很难受|难受得|不舒服)', '心脏[^，。！？]{0,4}(?:难受|不舒服|疼|痛)[^。！？]{0,8}(?:没力气|说不出|喘|出汗|冷汗)',
      '(?:制氧机|呼吸机|透析)[^。！？]{0,10}(?:停|断|没电|坏|撑不)', '(?:停电|断电)[^。！？]{0,12}(?:制氧机|呼吸机)', '肿得[^，。！？]{0,4}(?:喘|呼吸)', '喉咙[^，。！？]{0,2}肿',
    ],
    en: [
      'unconscious', 'passed out', 'pass(?:ing)? out', 'fainted', 'blacked out', '(?:not|isn\'t|no|stopped|stop|not) breath\\w*',
      `${CANT} breath\\w*`, 'hard to breathe', 'struggling to breathe', 'not responding', 'unresponsive', 'no respon\\w*',
      "(?:won'?t|will not|can'?t|cannot|not|isn'?t|doesn'?t|does not) wak\\w*(?: up)?", 'no pulse', 'seizures?', 'convuls\\w*', 'heart attack',
      'cardiac arrest', 'choking', 'having (?:a )?fits?', `(?<!${EN_STRUCTURE} (?:has |had |have |just )?)collapsed`, 'not moving', 'lying (?:on the |on )?(?:floor|ground|road|street)', "(?:won'?t|wont|doesn'?t|does not|isn'?t|is not|not) (?:answer\\w*|respond\\w*|wake\\w*|mov\\w*)(?: me| up)?",
      'on the (?:kitchen |bathroom |bedroom |living room )?floor and',
      'throat (?:is )?(?:swell\\w*|closing)', 'face (?:is )?droop\\w*', 'drooping', 'turn(?:ed|ing)? (?:blue|purple)', 'lips? (?:are |is |turning )?(?:blue|purple)', 'asthma attack', 'anaphylactic', 'swallowed',
    ],
  },
  {
    family: 'unconscious',
    strength: 'weak',
    zh: ['晕了', '昏了', '迷糊', '昏昏沉沉', '喘不上气', '喘不过气', '上气不接下气', '(?:一直|还)没醒', '没(?:有)?反应', '撑不了(?:多久|了)', '上吐下泻', '(?:吃了|误食)[^，。！？]{0,8}(?:蘑菇|菌子)', '剧痛', '(?:一身|满头|浑身)(?:的)?(?:冷汗|大汗)', '冷汗直冒',
      '(?:好几天|几天|两天|三天|一天|一整天|好久)(?:都)?没(?:出门|开门|见人|见着人|见|露面|动静|下楼|接电话)', '意识不清', '神志不清', '中暑', '说不出话', '没动静', '躺着不动', '抽风', '痉挛', '呛住', '快不行了', '吃错药', '中风', '脑梗', '脑溢血', '脑出血', '心梗', '心肌梗', '胸口(?:疼|痛)', '心口(?:疼|痛)'],
    en: ['faint\\w*', 'stroke', 'collapse', 'poison\\w*', 'stung by', `${CANT} (?:talk|speak)`, 'swell\\w* (?:up )?(?:badly|fast|quickly)'],
  },

  // ─── bleeding and serious injury (wounds, burns, fractures, crush, bites, traffic) ───
  {
    family: 'bleeding',
    strength: 'strong',
    zh: [
      '流血不止', '血流不止', '血止不住', '止不住(?:地)?(?:血|流血)', '流血不停', '大出血', '大量出血', '出(?:了)?(?:好多|很多|一大摊|一地)(?:的)?血',
      '(?:流|留)(?:了)?(?:好多|很多|一地|好些|一大滩|一大摊)(?:的)?血', '(?:好多|很多|一地|一身|满地|满身|满脸|满手|一脸|浑身)(?:都|全)?(?:是)?血', '血泊',
      '血呼啦', '血哗哗', '血直流', '血一直(?:流|往外冒|冒)', '淌血', '冒血', '喷血', '血是喷', '血喷', '吐血', '咯血', '呕血', '头破血流', '头破了', '(?:头|脑袋|脑壳|额头)[^，。！？]{0,3}(?:磕|摔|撞|打)?破',
      '(?:头|脑袋|脑壳|额头|手|腿|脚|胳膊|脸|脖子)[^，。！？]{0,6}(?:大口子|一道口子|个口子|伤口很深)', '伤口(?:很|好|特别)?深', '伤口裂开', '骨头(?:都)?露',
      '(?:手指|手|脚|指头|胳膊|腿)[^，。！？]{0,4}(?:切|剁|砍|轧|绞|锯)(?:掉|断)', '(?:切|剁|砍|轧|绞|锯)(?:掉|断)(?:了)?(?:一截|手指|指头|手|脚)', '断指', '手指断',
      '砍伤', '砍到(?:了)?(?:腿|手|脚|头|人)', '刀伤', '捅(?:了|伤)(?:一刀|人|他|她|我)', '扎穿', '刺穿', '刺伤', '割到(?:了)?(?:动脉|脖子)', '割(?:了)?(?:个|一道)?大口子',
      '(?:手|胳膊|头发|衣服|人|腿)[^，。！？]{0,4}(?:绞|卷)(?:进|到|伤|了)', '烫伤', '烧伤', '烫了一大片', '(?:烫|泼|溅|热汤|开水|热油|热水)[^。！？]{0,12}起(?:了)?[^，。！？]{0,4}泡', '蛇咬',
      '皮都(?:掉|脱|烂)', '(?:全|都)是血', '烫(?:掉|破|坏)', '掉了一层皮', '(?:夹|压|切|砸)断(?:了)?', '(?:骨头?|腿骨)[^，。！？]{0,6}(?:断|露)', '(?<!车|车子|车头|电动车|自行车)被[^，。！？]{0,6}撞(?:了|倒|伤)',
      '(?:很深的|好深的|深深的)口子', '口子(?:很|好)深', '血一直(?:流|滴|冒|往外)', '(?:吐|咳|呕)(?:了|出)?[^，。！？]{0,4}血', '血(?:往外|直往|顺着)', '重伤', '受重伤', '伤得(?:很|好|特别)?(?:重|厉害)', '咬伤', '咬(?:了|得)?[^，。！？]{0,4}(?:流血|血)', '车祸[^，。！？]{0,8}(?:伤|血|躺|不动)',
      '被车撞', '撞倒(?:了)?人', '撞伤', '开水烫', '流好多血', '血流个不停', '血[^，。！？]{0,3}止不住',
    ],
    en: [
      'bleeding (?:badly|heavily|a lot|profusely|everywhere|non ?stop|so much)', "(?:won'?t|will not|can'?t|cannot|doesn'?t|does not|not) stop bleeding",
      'blood (?:is )?(?:everywhere|all over|pouring|gushing|spurting|squirting)', '(?:lot|lots|loads|pool) of blood', 'losing (?:a lot of )?blood',
      'deep (?:cut|wound)', 'cut (?:\\w+ )?(?:\\w+ )?(?:very )?(?:badly|deep(?:ly)?)', 'badly (?:hurt|injured|cut|burn\\w*)', 'seriously (?:hurt|injured)',
      'stabbed', 'broken (?:bone|leg|arm|hip|neck)', 'bone (?:is )?sticking out', 'hit by a (?:car|truck|bus|motorbike|motorcycle)', '(?:got|been|was|were|is) run over',
      'scald\\w*', 'burn(?:ed|t|s)? (?:badly|all over)', 'blood everywhere', '(?:leg|arm|bone|hip|wrist)s? (?:look|looks|is|seems) broken', 'a lot of blood', 'head is bleeding',
    ],
  },
  {
    family: 'bleeding',
    strength: 'weak',
    zh: ['流血', '出血', '流鼻血', '鼻血', '见血', '有血', '带血', '血迹', '划伤', '割伤', '划破', '割破', '擦伤', '碰伤', '磕伤', '受伤', '受了伤', '伤到', '伤着', '车祸', '撞车', '翻车', '烫到', '骨折', '疯狗', '狗疯', '(?:狗|马蜂|蜂|蝎子)[^，。！？]{0,4}(?:咬|蛰|蜇)'],
    en: ['bleed\\w*', 'blood', 'injur\\w*', 'wound(?:ed)?', 'accident', 'burn(?:ed|t)', 'bitten'],
  },

  // ─── missing person ───
  {
    family: 'missing',
    strength: 'strong',
    life: true,
    zh: [
      `${PERSON}[^，。！？]{0,8}(?:不见了|不见人|丢了|走丢|走失|走散|失踪|找不到了|找不着了|找不见了|找不到|找不着|找不见|寻勿到|寻不到|唔见|搵唔到|没影儿?|没了?踪影|不知道(?:去|跑|走|在)(?:了)?(?:哪|哪里|哪儿)|走哪去了|跑哪去了|被(?:人)?(?:带走|抱走|拐))(?=$|[\\s，。！？,.!?；…~]|啊|呀|了|啦|咯|哦|喽|嘞)`,
      `${PERSON}[^，。！？]{0,12}(?:一夜没回|一晚上没回|一宿没回|到现在(?:还)?没(?:有)?回|还没(?:有)?回(?:来|家)?|一直没(?:有)?回(?:来|家)?(?![复信话答应]|消息|微信|电话)|没回来|没回家|没到家|没见人|(?:几|两|三|四|五|好几|多)天(?:都)?没(?:联系上|消息|音讯|见到|回))`,
      `${PERSON}[^，。！？]{0,4}(?:lost|missing)`, '被[^，。！？]{0,6}(?:带走|抱走|拐走|拐跑|领走|拽走|拉走)(?:了)?(?=$|[\\s，。！？,.!?])', '人没回(?:来|家)', '离家(?:了|出走)', `${PERSON}就没了`, '(?:一转身|一眨眼|一回头|一不留神)[^，。！？]{0,6}(?:没了|不见了|找不到了|找不着了)', '坐错(?:了)?车', '跑出去[^。！？]{0,10}(?:找不到|找不着|找不见|没回|不见)', '说不回来了', '不见(?:了)?踪影',
      '(?:全家|到处|一直|都)[^，。！？]{0,3}找(?:了)?[^，。！？]{0,6}(?:小时|天|下午|上午|晚上|半天|一夜)', '走失', '走丢', '失踪', '离家出走', '被拐', '拐走', '抱走了', '寻人', '人不见了', '人丢了', '找不到人了', '走散', '走是了', '唔见咗',
      '(?:痴呆|糊涂|阿尔茨海默|老年痴呆|认知障碍|智力障碍|智障|脑子不清楚|记性不好|失智|精神病|精神障碍|精神不好|自闭症)[^。！？]{0,20}(?:出门|出去|跑出去|走出去|不见|没回|找不到|找不着|走丢|不知道去哪)',
      '(?:出门|出去)[^。！？]{0,14}(?:到现在|一夜|一整天|天都黑|天黑|现在)[^。！？]{0,4}(?:没回|没有回|还没|没影)', '找不到家长', '(?:就|突然|一下子|转眼)(?:找不见|找不着|找不到|不见)了',
    ],
    en: [
      'missing (?:child|kid|boy|girl|person|elderly|old man|old woman|grandma|grandpa|son|daughter)',
      `${EN_PERSON}[^.!?]{0,40}?\\b(?:is |has |have |went |gone |got |gets |get |was |been )?(?:missing|lost(?! (?:his|her|my|our|their|the|a|an|all|some|weight|money|it|its|job)\\b)|disappeared|wander(?:ed|s)? (?:off|away)|ran away|run away|not come (?:back|home)|hasn'?t come (?:back|home)|didn'?t come (?:back|home)|did not come (?:back|home)|never came (?:back|home)|not (?:home|back)(?: yet| since)?|isn'?t (?:home|back)|hasn'?t (?:got |gotten )?(?:home|back)|not returned|hasn'?t returned|can'?t be found|not (?:been )?seen since)`,
      "(?:no one|nobody|don'?t|do not|doesn'?t) knows? where (?:she|he|they) (?:is|are|went)", '(?:dementia|alzheimer\\w*)[^.!?]{0,60}\\b(?:left|went out|wandered|gone|walked out)',
      `${CANT} find (?:my|our|his|her|the) ${EN_PERSON}`, `${CANT} find (?:him|her)`, 'kidnapp\\w*', 'abduct\\w*', 'taken by (?:a )?stranger', 'wander(?:ed)? off', '(?:grabbed|snatched|took|dragged|pulled|carried) (?:a|the|my|our|his|her) (?:kid|child|boy|girl|baby|son|daughter|toddler)', 'wandered away',
    ],
  },
  {
    family: 'missing',
    strength: 'weak',
    zh: ['没回来', '没回家', '没到家', '不认路', '一夜未归', '彻夜未归', '联系不上', '打不通', '迷路', '认不得(?:回家的)?路', '找不到(?:回家的)?路', '不知去向', '下落不明', '没见人', '没见到人', '不见人影', '失联', '没消息'],
    en: ['missing', 'not come home', "hasn'?t come home", 'not answering (?:the |his |her )?phone'],
  },

  // ─── violence ───
  {
    family: 'violence',
    strength: 'strong',
    zh: [
      '(?:打|揍|踢|掐|扇|殴打|暴打|毒打|追打|围殴)(?:我|俺|他|她|人|孩子|娃|老婆|媳妇|老公|妈妈|我妈|俺娘|老人|妻子|丈夫|母亲|父亲|爸爸|我爸)(?!电话|手机|的电话|麻将|牌|球|针)',
      '被(?:人)?(?:打|揍|殴打|暴打|毒打|围殴|捅|掐|家暴|打伤)(?!扰|断|开|印|湿|败|乱|击|折|包|卡|针|疫苗|电话|通|捞|听|趣|扫|理|造|磨|量|算|蜡|钩|勾)',
      '被(?:人)?(?:刺|砍)(?:伤|了一刀|中|到)', '被(?:人)?踢(?:伤|了|倒)',
      '把(?:我|俺|他|她|孩子|娃|老婆|媳妇|老公|妈|我妈|俺娘|老人)[^，。！？]{0,3}(?:打|揍|踢)(?:了|伤|得|一顿|哭|晕)',
      '被[^，。！？]{1,6}(?:打|揍|踢|掐)(?:了|伤|得|一顿|哭|晕)(?!电话|针|一针|疫苗|个电话)', '围着(?:打|揍)', '把[^，。！？]{1,8}(?:打|揍|踢|砍|捅)(?:倒|伤|晕|死)',
      '(?:打|揍|踢|殴打)(?:一个|个|几个|那个|这个)(?:老人|孩子|小孩|女的|男的|人|老太太|老头|女人|学生|小伙子?)', '(?:打|揍|踢)了(?:我|俺|他|她|人|孩子|娃|老婆|媳妇|老公|妈妈|我妈|俺娘|老人|一顿)',
      '进了?(?:贼|小偷)', '贼还在', '往车(?:上|里)(?:拽|拖|拉|推)', '(?:拽|拖|拉)(?:上|进)车', '掐(?:着|住)?[^，。！？]{0,6}脖子', '(?:威胁|扬言)[^，。！？]{0,3}(?:要)?(?:烧|炸)', '挨打', '挨揍', '遭打', '遭揍', '家暴', '家庭暴力', '动手(?:打|了)', '(?:拿|持|举|挥|掏|亮|提)(?:着)?(?:刀|菜刀|砍刀|刀子|匕首|斧头|枪|凶器)', '动刀子',
      '砍人', '砍伤', '捅人', '刺伤人', '行凶', '杀人', '要杀(?:了|死)?(?:我|你|他|她|人|全家)', '杀了(?:我|你|他|她)', '弄死(?:我|你|他|她)', '打死(?:我|你|他|她|人)', '掐(?:住)?(?:我|她|他)?(?:的)?脖子',
      '掐死', '勒(?:住|死)', '闯进', '闯入', '破门而入', '入室', '小偷还在', '有贼', '有小偷(?:在|进)', '抢劫', '抢钱', '抢包', '打劫', '持械', '斗殴', '群殴',
      '打群架', '互殴', '追着(?:打|砍)', '强奸', '性侵', '猥亵', '非礼', '绑架', '劫持', '虐待', '(?:威胁|扬言)(?:要)?(?:杀|打|砍|弄死|报复)', '拿刀',
      '鼻青脸肿',
    ],
    en: [
      '(?:hit|hitting|hits|beat|beating|beats|beaten|punch\\w*|kick\\w*|slap\\w*|strangl\\w*|attack\\w*|assault\\w*|stab\\w*|abus\\w*|chok\\w*) (?:me|us|(?:my|his|her|their) (?:wife|husband|mom|mum|mother|son|daughter|kids?|child|children|baby|sister|brother|girlfriend|boyfriend|partner)|her|him|them|mom|mum|the kids?|the child)(?! head)',
      'domestic (?:violence|abuse)', '(?:beat|beating|hit|hitting|attack\\w*|punch\\w*|kick\\w*|stab\\w*) (?:a|an|the|some|this|that) (?:man|woman|girl|boy|kid|child|old|person|guy|lady)', 'attack\\w* (?:people|someone|somebody)',
      '(?:got|was|been|being) (?:beaten|bullied and beaten)', 'with a (?:knife|gun|machete|axe|bat|hammer|weapon)', '(?:has|had|holding|waving|pulled|carrying) (?:a )?(?:knife|gun|weapon)',
      '(?:kill|stab|shoot) (?:me|us|my|her|him)', '(?:hurt|beat) (?:me|us|her|him)', 'threaten\\w* (?:to|me|us|people)', 'broke into', 'break(?:ing)? in(?:to)?', 'burglar\\w*', 'intruder',
      'robbed', 'robbery', 'mugged', 'mugging', '(?:beat|beating|beats|beaten) up', 'being (?:beaten|attacked|hit|abused)', 'rape\\w*', 'sexual(?:ly)? (?:assault|abuse)\\w*', 'molest\\w*', 'pulled a (?:knife|gun)',
    ],
  },
  {
    family: 'violence',
    strength: 'weak',
    zh: [
      '打架', '打起来', '动起手', '推搡', '推了我', '砸门', '砸东西', '砸家', '跟踪', '尾随', '威胁', '恐吓', '发酒疯', '耍酒疯', '撒酒疯',
      '喝醉了?[^，。！？]{0,6}(?:闹|打|砸|骂)', '砸(?:玻璃|窗|车|我的?店|店)', '(?:喝了酒|喝醉|酒后)[^，。！？]{0,4}动手', '骚扰', '小偷', '有人(?:在)?(?:撬|砸)(?:门|窗)', '闹事', '撬门', '惨叫', '(?:拿|持|举|挥|提)(?:着)?(?:棍子|棍棒|铁棍|锤子|榔头|砖头)',
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
      '(?:想|要|准备|说要)(?:去)?跳(?:楼|河|江|湖|海|桥|崖|下去)', '跳楼(?!价|大甩卖)', '跳河', '跳江', '跳湖', '跳海', '割腕', '割脉', '割手腕',
      '(?:喝|吃|吞)(?:了)?(?:农药|敌敌畏|百草枯|老鼠药|耗子药|一整?瓶|好多药|很多药|一把药|刀片|好几片刀片)', `${PERSON}[^，。！？]{0,3}喝药了`, '(?:一整?瓶|好多|很多|一把)安眠药',
      '上吊', '烧炭(?!取暖)', '从楼上跳', '从[^，。！？]{0,6}(?:楼|桥|天台|阳台|窗)[^，。！？]{0,3}跳下', '(?:桥|楼顶|天台)[^，。！？]{0,4}(?:栏杆|护栏)?外(?:面|边)', '(?:楼顶|天台|桥上|桥边|河边|江边|窗台|阳台边|楼顶边)[^。！？]{0,10}(?:要跳|想跳|往下跳|准备跳)', '看着要跳',
    ],
    en: [
      'overdos\\w*', 'took (?:too many|a lot of|all (?:the|his|her|my)) (?:pills|tablets|medicine|sleeping pills)', '(?:jump|jumping|jumped) (?:off|from) (?:the |a )?(?:bridge|roof|building|balcony|window|cliff)',
      'going to jump', '(?:balcony|roof|window|bridge) (?:ledge|edge|railing)', 'edge of the (?:roof|building|bridge|balcony)', 'hang (?:my|him|her)self', 'hanged (?:him|her)self', '(?:cut|slit|slashed) (?:my|his|her) wrists?', 'cutting (?:her|his|my|their) (?:arms?|wrists?|legs?)',
      '(?:going to|gonna|want to|wants to|will) end it',
    ],
  },
  {
    // Suicidal thoughts and self-harm: the answer gives the hotline and asks.
    family: 'self_harm',
    strength: 'strong',
    zh: [
      '自杀', '自尽', '轻生', '寻死', '寻短见', '不想活', '活不下去', '活着(?:真|都)?(?:没|没有)(?:啥|什么)?(?:意思|意义|劲|盼头)', '活着(?:好|太|真)累', '活够了', '活腻', '想死(?!你|您|大家|他们|她们|咱|宝|人|我)',
      '去死(?!吧)', '不如死了', '死了算了', '死了(?:大家|就)(?:都)?(?:轻松|好了|解脱)', '一了百了', '一死了之', '结束(?:自己的)?(?:生命|这一切|一切)', '结束自己', '活着[^，。！？]{0,4}没(?:有)?(?:啥|什么)?(?:意思|意义|劲|盼头)', '了结自己', '了此残生',
      '离开这个世界', '怎么(?:死|自杀)', '想好(?:了)?怎么(?:结束|死|走)', '活到头了', '(?:我|自己)[^，。！？]{0,4}(?:消失|不在)了?(?:最好|就好|算了)', '消失了?(?:最好|算了|就好)', '死了(?:也)?没人(?:在乎|管|知道|心疼)', '了断', '活着(?:就是|也是)?(?:浪费|多余|受罪)', '没有我(?:会)?(?:更好|更轻松)', '划(?:自己|手臂|胳膊|手腕)', '(?:手臂|胳膊|手腕)上[^，。！？]{0,6}(?:划|割)', '自残', '自伤', '伤害自己', '遗书', '生无可恋', '不想醒来', '字杀',
    ],
    en: [
      'suicid\\w*', 'kill(?:ing|ed|s)? (?:my|him|her|them)sel(?:f|ves)', "(?:no|not see the|don'?t see the|don'?t see any|no) point (?:in )?(?:living|going on|life)", '(?:better|happier) (?:off )?without me', 'disappear forever', '(?:easier|better) (?:if|when) i (?:was|were|am|\'m) (?:dead|gone)', 'wish i (?:was|were) dead', '(?:nobody|no one) would (?:miss|care about|notice) me', 'end (?:my|his|her|their) (?:own )?life', 'ending (?:my|his|her|their) (?:own )?life', 'end it all',
      "(?:want|wants|wanted|wanna|going|gonna) (?:to )?die", "(?:don'?t|do not|doesn'?t|does not) want to (?:live|be alive)", 'no reason to live',
      'better off dead', 'self[- ]?harm\\w*', '(?:cut|cutting|cuts|hurt|hurting|harm|harming|burn|burning) (?:my|him|her|them)sel(?:f|ves)', 'suicide note',
    ],
  },
  {
    family: 'self_harm',
    strength: 'weak',
    zh: ['想不开', '撑不下去', '坚持不下去', '不想拖累', '拖累(?:你们|我们|家里|大家)', '把(?:存折|钱|银行卡|东西)[^，。！？]{0,4}(?:交给|都给|送)', '想走了', '(?:我|他|她)死了(?:也|就|大家)', '我是个废物', '多余的人', '熬不下去', '没有活路', '解脱', '累赘', '绝望', '交代后事', '活着干嘛', '活着有什么意思', '活得(?:很|好|太|真)?累', '想(?:永远)?消失', '安眠药'],
    en: ['life is meaningless', 'saying goodbye', 'said goodbye', 'goodbye (?:message|note|letter)', 'no point (?:in )?living', `${CANT} go on`, 'give up on life', 'hopeless'],
  },
];

// Calls for help that name no danger: alone they make the danger `possible` ("救命"); beside a
// weak signal they make it `likely`.
export const ALARM_STRONG: readonly string[] = [
  '救命', '就命', '救名', '旧命', '救救(?:我|他|她|孩子|我们|俺)', '快救(?:人|命)', '出人命', '死人了', '人死了', '(?:打|叫|拨打?|call)[^，。！？a-z]{0,2}(?:120|110|119)(?!\\d)',
  '救护车', '急救车', '\\bsos\\b', '\\bambulance\\b', '\\b(?:shouting|screaming|calling|crying) for help\\b', '喊救命', '呼救', '\\bcall (?:the )?(?:police|fire (?:brigade|department))\\b',
];
// Hurry words: they only raise a weak signal to `likely`.
export const ALARM_WEAK: readonly string[] = ['出事了', '快来人', '来人啊', '快来', '赶紧来', '快点来', '快快', '赶快', '马上', '\\bhelp\\b', '\\bhurry\\b', '\\burgent\\w*', '\\bquick\\w*', '!{2,}', '急'];

// Phrases that only look like danger; masked before the cues are matched. Chinese first.
export const NOT_DANGER: readonly string[] = [
  // Longer contexts first: at one place the first alternative that matches wins.
  '(?:抽烟|吸烟|烟民|烟头)[^。！？]{0,12}烟味', '烧(?:秸秆|垃圾|荒|落叶|麦茬|稻草|树叶)[^。！？]{0,10}烟',
  '(?:猫|狗|宠物|狗狗|猫咪|鸡|鸭|鹅|羊|牛|鸟|兔子?)[^。！？人他她]{0,12}没回(?:来|家)',
  '(?:燃气|煤气|天然气|一氧化碳|烟雾|烟感|火灾)(?:泄漏|泄露)?(?:报警器|探测器|检测器)(?![^，。！？]{0,4}(?:响|叫|报警))', '(?:跟|像|好像|如同)[^，。！？]{0,4}着火了?(?:一样|似的)',
  '(?:作业|工作|学习|事情|问题|琐事|生活|家务)[^，。！？]{0,3}困(?:住|扰)', '(?:手机|钥匙|东西|钱包|眼镜|戒指|手表|耳机|包)[^，。！？]{0,3}(?:掉|落)(?:进|到|入)?(?:了)?[^，。！？]{0,2}(?:水|河|井|厕所|马桶|下水道)', '(?:学|玩|练)(?:轮滑|滑板|骑车|自行车|滑冰|溜冰|走路)[^。！？]{0,8}摔', '(?:柜子|书架|衣柜|桌子)[^，。！？]{0,3}塌',
  '(?:秸秆|垃圾|麦秸|落叶|荒草|柴草)[^，。！？]{0,4}(?:焚烧|烧)[^。！？]{0,8}烟',
  '(?:(?:洪水|大水|水灾|暴雨)[^，。！？]{0,6})?(?:庄稼|菜地|地里|田里|麦子|稻子|玉米|麦田|稻田|果园|鱼塘)[^，。！？]{0,4}(?:被)?(?:淹|冲)',
  '(?:着|失|起|发生|遭)了(?:一场|一次)(?:大)?火', '遭了(?:一场)?(?:火灾|水灾|洪灾|大火)',
  '(?:失火|火灾|着火|起火|水灾|洪灾|洪水|发大水|地震|车祸|中风|脑梗|心梗|骨折|手术|出院|住院|受伤|烫伤|烧伤)(?:了)?(?:以后|之后|后)', '车祸(?:走了|去世|没了|身亡|过世)',
  '(?:吊顶|天花板|墙皮|瓷砖|灰)[^，。！？]{0,4}掉下来一(?:小)?(?:块|点|片|角)', '晾衣(?:杆|架|绳)', '(?:台阶|路沿|花坛|地砖|马路牙子|路边|墙角|水泥)[^，。！？]{0,3}塌',
  '(?:电表|电费)[^。！？]{0,12}漏电', '(?:轮椅|腿脚|行动)[^，。！？]{0,6}出不去',
  '(?:孩子|小孩|娃|学生|同学|兄弟|姐妹|两家)(?:们|之间|俩|两个)?[^，。！？]{0,8}(?:打架|打起来)', 'fire\\s*(?:了)?(?:我|他|她|俺)', 'kick\\s*(?:us|me|him|her)?\\s*out',
  // fire
  '火锅', '(?<![楼山车往马晚早路])上火', '火爆', '似火', '火热', '火车', '火腿', '火柴', '火候', '火箭', '火龙果', '火鸡', '火气', '(?<![电线])发火', '恼火', '心里冒火',
  '火力', '火化', '烟火气', '烟花', '烟火', '抽烟', '吸烟', '香烟', '油烟', '烟头', '烟蒂', '烟瘾', '烟酒', '烟草', '戒烟', '二手烟', '烟民', '烟灰', '油烟机', '抽油烟', '烟囱[^，。！？]{0,6}冒(?:黑)?烟',
  '(?:饭|菜|肉|锅底|粥|汤|红薯|馒头)[^，。！？]{0,3}(?:烧|煮|炒|烤)?(?:焦|糊)', '(?:打|点)不着火?', '不着火', '灶[^，。！？]{0,4}点着', '(?:消防|防火|灭火|火灾|安全)(?:演练|演习|培训|知识|宣传|讲座|站|员|队|通道|栓|器材|设施|检查|隐患|课|常识|意识)',
  '消防', '防火', '灭火器', '烧(?:烤|香|纸|炕|柴|钱|脑|心|饼|麦|卖|鹅|鸡|酒|制|开|水|饭|菜)', '红烧', '火红', '(?:用|开|转)?大火(?:收汁|炒|烧|煮|翻炒|爆炒)', '(?:禁止|严禁)明火', '信息爆炸', '爆炸(?:头|性)', '灶[^，。！？]{0,4}火苗', '气炸', '炸(?:鸡|串|酱|薯|丸|油条|鱼|肉|糕)', '红红火火', '星星之火', '火眼金睛', '火急火燎', '火冒三丈',
  // gas
  '(?:燃气|煤气|天然气|液化气)(?:费|公司|卡|表读数|开户|补贴|安检|灶具|改造|热水器(?:不|坏))', '气费', '打气', '充气',
  '(?:轮胎|车胎|胎|气球|篮球|足球|皮球|排球|气垫|游泳圈|充气)[^，。！？]{0,4}(?:漏气|没气)', '(?:轮胎|车胎|胎|球|煤气罐|液化气罐|气罐|罐子)(?:也|都|又)?没气', '煤改气',
  '生气', '气死', '气人', '阴阳怪气', '(?:怎么|如何)(?:预防|防止)[^，。！？]{0,4}(?:煤气|一氧化碳)中毒',
  // electric
  '电费', '(?:演员|偶像|明星|帅哥|美女|眼神|歌声|歌)[^，。！？]{0,6}电到', '漏电(?:保护|开关|断路)', '(?:安全|用电)(?:知识|常识|培训|宣传|讲座|课)',
  // flood / water
  '(?:防汛|防洪|抗洪|防溺水|防涝)(?:宣传|演练|知识|培训|讲座|课|教育|物资|值班|准备)?', '(?:庄稼|菜地|地里|田里|麦子|稻子|玉米|麦田|稻田|果园)[^，。！？]{0,4}(?:被)?淹',
  '(?:作业|工作|题|消息|信息|文件|人海|人群)[^，。！？]{0,3}淹', '(?:马桶|水池|水槽|洗手池|浴缸|下水道|地漏|洗衣机)[^，。！？]{0,6}(?:漫|溢|冒)出来', '(?<![河江湖库洪])水(?:漫|溢|冒)出来', '水费', '溺爱', '鱼塘[^，。！？]{0,4}(?:被)?淹',
  '(?:手机|电脑|相机|耳机|手表|鞋子?|耳朵|眼睛|电瓶车|电动车|摩托车|洗衣机|机器|油箱|发动机|主板|键盘)[^，。！？]{0,3}进水',
  '(?:游泳|学游泳)(?:课|班|馆|池)?', '(?:发|涨)大水的时候',
  // collapse
  '危房(?:改造|补贴|鉴定|申请)', '(?:心态|情绪|精神|心理|系统|网站|股市|股票|人设|偶像|明星|爱豆)[^，。！？]{0,3}(?:崩|塌|垮)', '塌房', '身体[^，。！？]{0,2}垮', '(?:沙发|床垫|床|椅子|鼻梁|蛋糕|头发)[^，。！？]{0,2}塌', '(?:生意|公司|厂子|股市|市场|精神|心理)[^，。！？]{0,2}垮',
  '(?:墙皮|墙漆|瓷砖|墙纸|壁纸|墙面|柜门|柜子门|门把手?|窗帘杆|挂钩|置物架|篱笆|墙上的[^，。！？]{1,3})[^，。！？]{0,4}(?:脱落|掉|倒|塌)', '(?:地震|防震|避震)(?:科普|演练|知识|讲座|应急|宣传|课)',
  // trapped
  '(?<!呼吸)困难', '困惑', '困扰', '(?<!被)困了', '犯困', '困得', '困意', '贫困', '困境', '困倦', '好困', '有点困', '(?:钥匙|卡)[^，。！？]{0,2}(?:锁|忘|落|关)在', '(?:医保|社保|银行|身份|公交|会员|信用|饭|电话|手机|储蓄)卡在',
  '(?:结果|成绩|报告|分数|工资|钱|车|单子|证|票|视频|页面|网页|图片)[^，。！？]{0,3}(?:出不来|上不来|下不来)', '(?:网|页面|网站|信号|手机)[^，。！？]{0,2}上不来', '(?:水|热水|声音|声|网)[^，。！？]{0,2}出不来',
  '(?:猫|狗|鸟|宠物)[^，。！？]{0,6}(?:下不来|出不来|卡住|困)', '(?:手机|电脑|系统|页面|游戏|视频|程序|题|这一步|拉链|抽屉|下水道|管道|马桶|锁|钥匙|门)[^，。！？]{0,3}卡(?:住|在|死)',
  '卡在这一步', '卡在那一步', '卡在这步', '卡在这个', '(?:车|车子)[^，。！？]{0,6}(?:堵|挡)[^，。！？]{0,8}出不去', '困在(?:工作|家务|情绪|过去|回忆|焦虑|这种|这段|婚姻|关系|这份|这个|合同|债务|贷款|生意)',
  // fall
  '摔跤(?:比赛|课|班|运动|队|手|兴趣班|俱乐部|培训)', '(?:手机|碗|杯子?|盘子?|东西|屏幕|眼镜|电脑|花瓶|镜子|玻璃)[^，。！？]{0,4}摔(?:坏|碎|烂|了|裂)', '(?:跌倒|摔倒|摔伤|坠落|跌落)风险', '防(?:跌倒|摔倒|摔|跌)',
  '(?:股价|价格|房价|成绩|分数|股票|气温|温度)[^，。！？]{0,3}(?:跌|摔|下滑)', '跌停',
  // unconscious / medical
  '头晕', '晕车', '晕船', '晕机', '晕乎', '晕头', '绕晕', '搞晕', '看晕', '听晕', '弄晕', '晕菜', '(?:眼皮|嘴角|眼睛)[^，。！？]{0,2}抽搐', '头昏', '昏暗', '昏黄', '黄昏', '发昏', '(?:手机|电视|电脑|屏幕|按钮|按|开关|遥控器?|投诉|反映|申请|打电话|找了|说了|问了|提了|催了|报了|键盘|鼠标|机器|系统|网页|软件|灯|门铃|医保卡|打火|点火|启动|开机|插上|灶|电饭煲|电饭锅|热水器|空调|冰箱|洗衣机|电器|设备)[^，。！？]{0,6}没(?:有)?反应',
  '(?:游戏|手机|网络?|抖音|短视频)[^，。！？]{0,3}中毒', '(?:压|累|憋|忙|烦)得喘不(?:过|上)气', '(?:压力|工作|生活|心里|学习|作业|债)[^，。！？]{0,6}喘不(?:过|上)气', '腿(?:老|总|经常)?抽筋', '(?:睡觉|晚上|夜里|半夜)[^，。！？]{0,3}(?:腿|脚)?抽筋',
  '(?:中风|脑梗|心梗|骨折|手术|车祸)(?:后|以后|之后)(?:的)?(?:康复|恢复|护理|训练|复查|后遗症|照顾|留下)', '(?:中风|脑梗)(?:康复|后遗症|偏瘫|病人|患者)', '叫不起来', '叫不起床',
  '(?:急救|心肺复苏|海姆立克)(?:培训|知识|课|讲座|技能|常识)?', '(?:预防|防止|怎么预防|如何预防)[^，。！？]{0,4}中风', '说不出话来(?:了)?[^，。！？]{0,2}(?:感动|激动)',
  // bleeding
  '献血', '血压', '血糖', '血脂', '抽血', '验血', '贫血', '血常规', '血型', '心血', '热血', '血汗', '血缘', '狗血', '鸡血', '血拼', '吸血', '血本', '一针见血', '血统', '血管',
  '冷血', '血亲', '血液(?:科|检查|病)', '血清', '血红蛋白', '造血', '牙龈出血', '血氧', '血检', '(?:月经|经期|来例假|例假)[^，。！？]{0,4}(?:出血|流血|血)', '痔疮[^，。！？]{0,4}(?:出血|流血|血)',
  '(?:车祸|事故)(?:保险|理赔|赔偿|纠纷|官司|责任)', '受伤(?:保险|理赔|赔偿)', '工伤', '烫(?:头|发)', '咬(?:文嚼字|牙)',
  // missing
  '(?:狗|猫|鸡|鸭|鹅|羊|牛|猪|鸟|鹦鹉|兔子?|宠物|狗狗|猫咪|钥匙|钱包|手机|身份证|证件|银行卡|医保卡|东西|作业|作业本|本子|书包|自行车|电动车|快递|文件|材料|伞|眼镜|戒指|项链|工作|饭碗|户口本|存折|遥控器)[^，。！？]{0,4}(?:丢|不见|走丢|走失|找不到|找不着|跑了|跑丢)',
  '找不到(?:人|志愿者|师傅)(?:帮|修|来|做|陪|照顾|教|辅导|干|管|接|送|看|搬|问|说|商量|咨询|处理|负责|联系|打扫|理发|做饭)', '找不到(?:工作|对象|活干|地方|门路|方向|人修)',
  '防走失', '走失(?:手环|卡|牌|定位)', '黄手环', '丢三落四', '丢人', '丢脸', '(?:房东|物业|师傅|客服|老板|中介|快递|商家|工作人员|村委|社区|干部|律师|公司|单位|包工头)[^，。！？]{0,3}(?:联系不上|打不通|失联)',
  '失物招领', '失联(?:多年|好多年|很多年|几十年)',
  // violence
  '(?:游戏|王者|吃鸡|网游|手游|比赛|球场上?|篮球|足球|电视剧?|电影|动画片?|视频)[^，。！？]{0,8}(?:打架|打起来|打人|杀|砍|打死)', '打死(?:也|都)', '(?:打|揍)(?:我|他|她|你)(?:的)?(?:电话|手机|座机)',
  '(?:防身|拳击|武术|散打|跆拳道|柔道)', '杀人游戏', '狼人杀', '剧本杀', '杀(?:猪|鸡|鱼|羊)', '反家暴(?:法|宣传|知识)?', '(?:骚扰|推销)电话', '自己动手', '动手(?:能力|术|做)', '打(?:太极|篮球|牌|麻将|扑克|疫苗|针)',
  // self-harm
  '(?:笑|累|热|冷|饿|困|气|烦|忙|急|闷|吓|愁|疼|痛|丑|难吃|难看|无聊|尴尬|馋|渴|晒|挤|吵|慢|贵|懒|羡慕|美|帅|开心|高兴|乐|肉麻|麻烦|穷|臭|香|甜|咸|酸|辣|苦|难受|憋屈)(?:得要)?死(?:了|我了|人了|啦|我|人|掉了)?',
  '想死(?:你|您|大家|他们|她们|咱|宝)', '死机', '死角', '死活', '死胡同', '死记', '死板', '死心', '死磕', '死党', '死定了', '找死', '作死', '该死', '要死要活', '(?:你|您)(?:快)?去死', '得要死', '要死了',
  '跳楼(?:价|大甩卖|甩卖)', '解脱出来', '(?:心理)?(?:危机)?(?:干预)?热线',
];

export const NOT_DANGER_EN: readonly string[] = [
  '(?:lost|destroyed|burned|burnt|damaged|ruined) (?:\\w+ ){0,3}in (?:the|a) (?:fire|flood|earthquake|storm)', '(?:after|since|from) (?:a |his |her |my |the )?(?:stroke|fall|fire|flood|accident)', 'lost on (?:her|his|my|the) (?:phone|computer|tablet|app)',
  'fallen (?:leaves|trees?|branch\\w*)', '(?:get|getting|got) out of bed', 'kick\\w* (?:\\w+ )?out', '(?:fight|fighting|fights|fought) (?:over|about)', 'nightmares?',
  '(?:shelf|shelves|picture|tv|mirror|clock|cabinet|door|handle|tiles?|light|lamp|curtains?|rail|rod|paint|plaster|branch|fence|gutter|sign|wallpaper|leaves|hair|price|prices)s? (?:has |have |had |just |keeps? )?(?:fell|fallen|fall|falls|falling|came) (?:off|down|out)',
  'fire (?:safety|drill|drills|training|extinguishers?|hydrants?|doors?|exits?|escape|insurance|station|stations|brigade visit|prevention|alarm test|fighters? visit|inspection|service visit)',
  '(?:camp|bon)fires?', 'fire(?:d|s)? (?:me|him|her|us|them)', '(?:gas|electric|electricity|water|power) (?:bill|bills|price|prices|station|meter reading|company|account|fee|fees|cooker|stove won\'t light)',
  'gas station', 'flood (?:prevention|insurance|awareness|drill|defen[cs]es? (?:talk|campaign))', 'blood (?:pressure|test|tests|sugar|donation|donor|drive|type|bank|work|count)',
  'donate blood', 'give blood', '(?:fell|fallen|fall|falling) (?:behind|asleep|ill|sick|in love|apart|through|for)', 'fall (?:prevention|risk|risks|assessment|season|semester|term)',
  'this fall', 'last fall', 'in the fall', 'next fall', 'dying (?:to|for)', '(?:is|are|was) killing me', 'to die for', 'die laughing', 'bored to death', 'scared to death',
  '(?:cat|dog|pet|phone|wallet|keys?|bag|purse|card|passport|id|documents?|paperwork|form|parcel|package|bike|bicycle|luggage|umbrella|glasses|ring)s? (?:is |are |was |were |has |have |got |went )?(?:missing|lost)',
  'lost (?:my|our|his|her|their|the|a) (?:cat|dog|pet|phone|wallet|keys?|bag|purse|card|passport|id|documents?|job|way to the office|receipt|password)',
  'missing (?:school|class|classes|lessons|work|the bus|the deadline|deadline|documents?|papers?|pages?|forms?|parts?|items?|money|payments?|my (?:family|home|hometown))',
  'play ?fight\\w*', 'pillow fight\\w*', 'food fight\\w*', 'fight\\w* (?:over|about) (?:the )?(?:tv|remote|inheritance|property|money|custody|toys?|land|house)', 'fighting games?',
  '(?:video )?games? (?:fight|fighting)', 'stuck on (?:my |the |a |this )?(?:homework|question|problem|step|form|page|level)', 'locked out', 'crash(?:ed|es)? (?:course|diet)',
  '(?:computer|laptop|phone|app|system|website|screen)s? (?:has |have )?(?:crashed|collapsed|froze|frozen|died|is dead)', 'knife (?:sharpening|skills?)', 'first[- ]aid',
  'cpr', 'self[- ]defen[cs]e', '(?:smoke|fire|gas|co) (?:detector|alarm)s?[^.!?]{0,40}\\bbatter\\w*', '(?:quit|stop|stopped|give up|giving up) smoking', 'smoking (?:cessation|habit|area|room)', 'i smoke', 'slipped (?:my|his|her) mind',
  '(?:breaker|fuse|switch|power|circuit|electricity|trip switch)s? (?:has |have |keeps? |kept |always )?(?:tripped|tripping|trips)', 'heart (?:check|checkup|health)', 'stroke (?:rehab\\w*|recovery|patients?|survivors?)', '(?:brush|swimming) strokes?', 'fainting (?:spells? )?(?:before|last|in the past)',
  'car (?:accident )?(?:insurance|claim|compensation)', 'burn(?:ed|t)? (?:cd|dvd|calories|rubbish|leaves|straw|incense|paper)', 'hit (?:the )?(?:road|button|target|jackpot)',
  'stuck (?:at home|inside) (?:all day|bored|with)', 'drowning in (?:work|homework|paperwork|debt|bills)',
];

// Negation right before a cue (same clause): "没有着火", "没人被困", "no fire", "isn't bleeding".
// A question ("是不是煤气漏了", "会不会", "有没有人被困") is not a negation.
export const ZH_NEGATION_BEFORE = /(?:(?<!有)没有|(?<![有是])没|并没有|并未|未|(?<!是)不是|(?<!会)不会|(?<![是会要能有])不|无|别|并非|莫得|冇|未曾|从没|从来没)(?:有)?(?:人|人员|发生|出现|什么|被)?(?:\s)?$/;
export const EN_NEGATION_BEFORE =
  /\b(?:no|not|never|isn'?t|wasn'?t|aren'?t|weren'?t|didn'?t|doesn'?t|don'?t|hasn'?t|haven'?t|nobody|no one|nothing|without|neither|nor)(?:\s+[a-z']+){0,2}\s+$/;

// A cue that is feared, prevented or supposed, not happening: "怕老人摔倒", "万一着火", "if there is a fire".
export const ZH_HYPOTHETICAL_BEFORE =
  /(?:万一|如果|假如|假设|要是|若是|一旦|倘若|学一下|学会|学着|学(?:怎么|如何)|怎么给|如何给|(?<!好|我好|哪|恐|可)怕(?!是|得)|害怕|担心|担忧|防止|预防|以防|防范|避免|(?<!不)小心|提防|容易|会不会|以后|将来|哪天|怎么(?:预防|防|应对|处理)|如何(?:预防|防|应对|处理)|(?<!没|不)注意|学习|学学|学一学|讲讲|教教|了解)/;
export const EN_HYPOTHETICAL_BEFORE = /\b(?:if|in case|what if|prevent\w*|avoid\w*|worried|worry|worries|how to|how do (?:i|we|you)|what to do if|in the event|risk of|so that|to stop|learn\w*|teach\w*)\b/;
// Habit, not event: "老人经常摔倒" is a fall-risk need.
export const ZH_HABIT_BEFORE = /(?:经常|老是|总是|常常|时常|动不动就|容易|老|天天|每天|每晚|一(?:到|坐|上|见|紧张|着急|生气|激动)[^，。！？]{0,10}就)$/;
// Habit words anywhere earlier in the clause ("孩子老上火流鼻血" has 老 away from the cue: only the
// unambiguous ones count here).
export const ZH_HABIT_IN_CLAUSE = /经常|老是|总是|常常|时常|动不动|天天|每天|每晚|(?<!老人|人)老(?=上火|流|摔|晕|抽|出血)/;
// "一到人多的地方心就…": a reaction that comes with a situation, not an event.
export const ZH_CONDITIONAL = /一(?:到|坐|上|见|紧张|着急|生气|激动|说)[^。！？]{0,14}就/;
export const EN_HABIT = /\b(?:every (?:night|day|week|time)|always|all the time|keeps?|often|when(?:ever)? (?:i|we|he|she) (?:don'?t|do|am|get|stand|eat|have))\b/;
// Long-standing, not acute: "老人困在家里好几个月没出过门".
export const ZH_LONG_TERM = /好几个月|几个月|好几年|几年|多年|很久|好久|一直以来|常年|长期/;
// Minor: "flooded the floor a bit", "有一点烟味".
export const ZH_MINOR = /一点点|有点|有一点|一点儿?|一些|少量|稍微|轻微/;
export const EN_MINOR = /\b(?:a bit|a little|slightly|minor|small)\b/;
// Prevention asked about after the cue: "煤气中毒怎么预防".
export const ZH_PREVENTION_AFTER = /^[^，。！？]{0,6}(?:怎么|如何|怎样)?(?:预防|防止|防范|避免)/;

// A cue in a class, drill, campaign, story or game is a topic, not an event (anywhere in the clause).
export const ZH_TOPIC =
  /培训|演练|演习|讲座|课程|上课|网课|宣传|知识|科普|普及|教育|比赛|电影|电视剧|视频|新闻|小说|游戏|故事|梦见|梦到|做梦|风险评估|评估|手环|应急包|常识|技能|保险|理赔|补贴|政策|申请|捐款|捐物|募捐|筹款|灾区|灾后|急救(?!车|中心|电话|站)/;

// Message-wide contexts that say the danger is over and the need is what follows.
// A dispute about an injury or a loss: "工地上摔断了腿，包工头说不关他事" (every cue goes).
export const ZH_LEGAL_AFTERMATH =
  /验伤|(?:上个月|去年|上周|前几天|之前|以前|前年)的事|(?:不|没)赔|保险|理赔|赔偿|赔了|赔钱|要我赔|不肯赔|就赔|不认账|推卸责任|不关(?:他|她|我|你)?(?:们)?的?事|维权|起诉|打官司|法律援助|工伤|律师|收了钱|跑路|卷款|借钱不还|欠钱不还|不还钱|借了钱/;
export const EN_LEGAL_AFTERMATH =
  /\b(?:compensation|compensate|refund|money back|dealer|lawyer|sue|suing|legal|rights|claim|insurance|landlord|deposit|wages|liable|liability)\b/;
// Recovery and its needs: "摔断了腿，家里的地没人种", "房子塌了，一家人挤在亲戚家".
export const ZH_RECOVERY_AFTERMATH =
  /没人种|干不了活|没法干活|没了(?:收入|进项|进账)|康复|复查|养伤|拆线|换药|石膏|做了手术|没地方住|住在(?:亲戚|村委|学校|安置)|挤在|借住|安置点/;
export const EN_RECOVERY_AFTERMATH =
  /\b(?:rehab\w*|recovery|recovering|physio\w*|since the|out of hospital|discharged|in hospital|nowhere to live|staying with)\b/;
// Separation and evidence: domestic violence told to a lawyer still gets the question, as a weak cue.
export const ZH_LEGAL_SOFT = /离婚|取证|立案|证据/;
// Hardship: "实在撑不下去了，看能不能申请点救助" is despair about money, asked about only when explicit.
export const ZH_HARDSHIP = /申请|救助|补助|补贴|低保|贷款|还不上|没钱|工资|学费|医药费|捐款|困难户|生意/;
export const EN_TOPIC =
  /\b(?:mock|pretend|festival|(?:a|the) show|performance|rehearsal|training|drills?|class|classes|course|courses|lessons?|(?:a|an|the|safety|fire) talks?|preparedness|lectures?|workshops?|awareness|campaign|posters?|prevention|safety|games?|movies?|films?|videos?|(?:the|on the) news|news (?:said|says|report\w*)|story|stories|documentary|insurance|dreams?|dreamt|dreamed|nightmares?|tips|subsidy|donations?|fundrais\w*|scams?|scammers?|fraud\w*)\b/;

// Distant past: "去年家里着过火". A recent marker between it and the cue keeps the cue ("上周…今天又…").
export const ZH_PAST =
  /去年|前年|上次|上回|以前|之前|从前|小时候|前几年|几年前|那年|那次|上个月|上周|上星期|上礼拜|曾经|早年|当年|几个月前|个月前|多年前|前些年|前段时间|前阵子|以往|上半年|年轻时|年轻的时候/;
export const ZH_RECENT = /刚才|刚刚|现在|今天|今早|今晚|昨晚|昨天|此刻|正在|还在|又|突然|一直|到现在/;
export const EN_PAST = /\b(?:last (?:year|month|week|time|winter|summer)|years? ago|months? ago|weeks? ago|used to|in the past|previously|once had|back in)\b/;
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
    zh: '找到了|找回来了|找着了|找回了|(?<!没|还没|没有|不|没能)回(?:来|家)了|平安回(?:来|家)|已经(?:找到|找回|回来|回家)',
    en: '(?:has|have) been found|(?:is|was|are|were) found|found (?:him|her|them)|(?:is|was|are|were) (?:back|home) (?:now|safe)|came (?:back|home) (?:safe|now|already)',
  },
  { families: ['trapped', 'flood', 'collapse'], zh: '救(?:出来|上来|下来)了|已经(?:救出|脱险|出来了)|脱险了', en: 'rescued|got (?:him|her|them) out safe' },
  {
    families: ['unconscious', 'bleeding', 'fall'],
    zh: '血(?:已经)?止住了|(?:就|已经|现在)(?:好了|止住了|不流了|停了)|(?<!不|没)醒(?:过来)?了|(?:看过|检查过|检查了|拍了片子?|去医院看了)(?:也|了)?没(?:事|大碍|什么事|问题)|恢复得(?:差不多|挺好|很好)|已经(?:出院|康复|恢复)',
    en: 'stopped bleeding|woke up|is awake|came round',
  },
  {
    families: 'all',
    zh: '人没事|没人受伤|无人受伤|没有人受伤|没有人员伤亡|无人员伤亡|虚惊一场|(?:已经|现在)(?:没事|好了|处理好|解决了|修好)|没事了|没大碍|已经处理',
    en: "(?:no one|nobody|no one's)(?: is| was| got)? (?:hurt|injured)|false alarm|(?:is|are|was|were) (?:now )?(?:ok|okay|fine|safe) now|all (?:fine|ok|okay|safe) now",
  },
];
// A resolution with one of these right before it is none: "还没找到", "not found".
export const ZH_RESOLUTION_NEGATED = /(?:还没|没有|没|不|未|没能|尚未)$/;
export const EN_RESOLUTION_NEGATED = /\b(?:not|never|hasn'?t|haven'?t|wasn'?t|isn'?t|no|can'?t|cannot|couldn'?t|unable to)\s+$/;

// Clause boundaries for the context checks: punctuation, and whitespace next to Chinese (voice
// messages and chat often separate phrases with spaces instead of commas).
export const CLAUSE_PUNCTUATION = /[，。！？；：、,.!?;:\n\r…~～]/;

// The danger check's twelfth pass (decision 0052): readings by family of the kinds blind12 missed,
// each written as a general reading (a sign and its setting), never as a sentence of the set.
// Appended to DANGER_CUES, NOT_DANGER, NOT_DANGER_EN and RESOLUTIONS in danger-vocabulary.ts.
// Patterns read the normalised text: traditional characters and Cantonese forms are already folded
// (喺 → 在, 唔 → 不, 嚟 → 来, 落去 → 下去, 咗 → 了).
import type { DangerCue, Resolution } from './danger-vocabulary.js';

// A gas named by its fuel.
const GAS = '(?:煤气|燃气|天然气|液化气|瓦斯|沼气)';
// A smell that is not named as gas (the eleventh pass reads it with a headache, indoors).
const ODD_SMELL = '(?:怪味|异味|臭味|臭鸡蛋味|硫磺味|刺鼻的?(?:臭)?味道?|呛人的?味道?|味道?(?:很|特别|好|太|贼|老)?(?:冲|呛|刺鼻|怪|难闻|冲鼻子))';
// Places indoors, or shared by many, where a smell gathers.
const INSIDE = '(?:厨房|屋里|屋子里?|家里|房间里?|卫生间|浴室|楼道里?|楼梯间|车间里?|厂里|教室里?|宿舍里?|店里|地下室|办公室|走廊里?|电梯里)';
// What breathing it does to people: coughing, a tight chest, dizziness, nausea.
const BREATHING_SICK =
  '(?:咳嗽|咳个不停|一直咳|直咳|胸口?(?:很|好|有点|发)?闷|喘不(?:上|过)气|呼吸困难|憋得慌|嗓子(?:疼|辣|呛)|眼睛(?:疼|辣|睁不开)|头(?:很|好|特别|有点|一直|也)?(?:痛|疼|晕|昏|沉)|想吐|恶心|吐了|发晕|犯晕|晕乎乎)';
// Not followed by cooking nearby as the likely cause ("可能是楼下在做饭").
const NOT_COOKING = '(?![^。！？]{0,12}(?:可能|应该|估计|大概|多半)是[^，。！？]{0,8}(?:做饭|炒菜|烧饭|煮饭|烧菜|做菜|烧水))';
// Children a stranger may take.
const CHILD = '(?:孩子|小孩|娃娃?|儿子|女儿|闺女|孙子|孙女|外孙女?|宝宝|囡囡)';
// Someone the family did not send.
const STRANGER = '(?:陌生人|不认识的人|一个不认识的|陌生(?:男|女)的?人?|不知道什么人|不知道是谁|不明身份的人)';
// Heights and edges a person can jump from.
const EDGE =
  '(?:桥上|桥边|大桥上|江桥上|楼顶|楼顶上|顶楼|天台|天台上|房顶|屋顶|阳台边|窗台上|窗户边|栏杆外|栏杆上|悬崖边?|崖边|高架上|江边|河边|湖边|海边|水库边)';
// Jumping from it.
const JUMP = '(?:跳下去|跳下来|往下跳|跳了算了|跳河|跳江|跳楼|跳海|跳湖)';
// An ex-partner, or someone the resident fears, who knows where they live.
const EX = '(?:前夫|前男友|前妻|前女友|前任|分居的(?:老公|丈夫|老婆)|债主|讨债的|跟踪我的(?:人|那个人|男的))';
// Implements picked up in a fight.
const IMPLEMENT = '(?:锄头|铁锹|镐头|棍子|棍棒|砍刀|菜刀|刀|椅子|板凳|酒瓶|砖头|扁担)';
// Harm promised on arrival.
const HARM = '(?:收拾|弄死|打死|砍死|砍|杀|揍|捅|弄|算账|报复|好看)';

export const TWELFTH_PASS_CUES: readonly DangerCue[] = [
  // An ex-partner (or someone feared) coming to do harm: "前任说今晚过来收拾我"; knowing where the
  // resident lives now, as a hint.
  {
    family: 'violence',
    strength: 'strong',
    zh: [
      `${EX}[^。！？]{0,30}(?:要|说要|说|扬言|放话)?(?:今晚|今天|马上|等会儿?|待会儿?|现在|明天)?(?:就)?(?:要)?(?:过来|来|上门|找上门|找过来|堵我)[^，。！？]{0,4}${HARM}`,
    ],
  },
  {
    family: 'violence',
    strength: 'weak',
    pairOnly: true,
    zh: [`${EX}[^。！？]{0,16}(?:知道|找到|查到|打听到)(?:了)?我(?:们)?(?:现在)?(?:住|租)(?:在)?(?:哪|哪里|哪儿|这|的地方)`],
  },
  // An odd or acrid smell in a shared or indoor place with coughing, a tight chest or dizziness in
  // the same sentence, either way round (the gas is not named).
  {
    family: 'gas',
    strength: 'strong',
    firm: true,
    life: true,
    zh: [`${INSIDE}[^。！？]{0,10}${ODD_SMELL}[^。！？]{0,24}${BREATHING_SICK}`, `${BREATHING_SICK}[^。！？]{0,16}${INSIDE}[^。！？]{0,8}${ODD_SMELL}`],
  },
  // A gas smell with dizziness, nausea or a tight chest in the same message: however small the smell
  // is said to be ("有点燃气味，今天头特别晕"), and wherever it comes (the tail of a bill question).
  {
    family: 'gas',
    strength: 'strong',
    firm: true,
    life: true,
    zh: [
      `${GAS}(?:的)?(?:味|味道|味儿)[^。！？]{0,24}${BREATHING_SICK}`,
      `${BREATHING_SICK}[^。！？]{0,16}(?:闻到|有)[^，。！？]{0,6}${GAS}(?:的)?(?:味|味道|味儿)`,
    ],
  },
  // A gas smell said hesitantly or as lingering ("好像闻到一点煤气味", "这两天一直有点燃气味"): asked
  // about, whatever minor word it carries; not when cooking nearby is given as the likely cause.
  {
    family: 'gas',
    strength: 'weak',
    firm: true,
    zh: [
      `(?:好像|似乎|感觉|隐约|隐隐约约|怀疑|总觉得|好像是)(?:有)?(?:闻到|闻着|有)[^，。！？]{0,6}${GAS}(?:的)?(?:味|味道|味儿)${NOT_COOKING}`,
      `(?:一直|总是|老是|这几天|这两天|这阵子|最近)(?:都)?有(?:点|一点|一点点|一股|股|些)?(?:淡淡的)?${GAS}(?:的)?(?:味|味道|味儿)${NOT_COOKING}`,
    ],
  },
  // A child picked up by someone the family did not send, or taken by a stranger.
  {
    family: 'missing',
    strength: 'strong',
    life: true,
    zh: [
      `${CHILD}[^。！？]{0,10}(?:被人|被别人|被一个人|让人|叫人)(?:给)?(?:接走|带走|领走|抱走)了?[^。！？]{0,20}(?:没人|没有人|没让|不是我们|不认识|谁接的|不知道是谁|家里没人去|谁都没(?:去)?接|都没(?:去)?接|没(?:叫|让|托)人接)`,
      `(?:被)?${STRANGER}[^，。！？]{0,6}(?:接走|带走|领走|抱走|拉走|拐走)(?:了)?`,
    ],
  },
  // Cantonese fire: a shop or home burning now (烧紧, 着咗火, 火烛), smoke pouring up or in.
  {
    family: 'fire',
    strength: 'strong',
    zh: [
      '(?:铺头|士多|楼下|楼上|隔篱|隔壁|家里|厨房|大厦|间屋|商铺|店铺?|厂)[^，。！？]{0,4}(?:烧紧|着了火|起了火|火烛)(?!嘢?(?:食|吃|饭|烤|肉))',
      '火烛(?:呀|啊|啦|喇)?[！!]',
      '烟[^，。！？]{0,2}(?:攻|冲|涌|灌|标)(?:晒|了|紧)?(?:上|入|进)(?:来|去)',
    ],
  },
  { family: 'trapped', strength: 'weak', zh: ['出不(?:到|倒)去|走不(?:到|甩)出去|出不返'] },
  // Standing at a height or an edge with jump talk, either way round: "在天台上，跳下去就解脱了".
  // Firm: debts or wages around it do not make it despair about money only. Not someone watched
  // jumping in to swim (a masked pastime leaves two commas).
  {
    family: 'self_harm',
    strength: 'strong',
    firm: true,
    life: true,
    zh: [
      `(?:在|站在|坐在|爬到|爬上|到了|来到)${EDGE}[^。！？看]{0,20}${JUMP}(?![^，。！？]{0,3}(?:游泳|玩|洗澡|蹦极|拍照|摸鱼)|，，)`,
      `${JUMP}[^。！？]{0,12}(?:我)?(?:现在|已经)?(?:在|站在|坐在|到了)${EDGE}`,
      `(?:想|要|准备|打算)(?:去|从|由)?(?:河头|江头|河里|江里|楼上|楼顶|天台|桥上|河|江|海)${JUMP}(?:算了|死了|一了百了)?`,
    ],
  },
  // Pills lined up, counted out or hoarded (a classic warning sign): in Chinese and English.
  {
    family: 'self_harm',
    strength: 'strong',
    life: true,
    zh: [
      '(?:攒|囤|偷偷(?:存|藏)|一片一片(?:地)?(?:存|攒))(?:了|着|下)?[^，。！？]{0,8}(?:安眠药|药片|药丸|安定片?|好多药|一瓶药|几瓶药)',
      '(?:我)?把(?:所有的?|全部的?|攒的|存的|囤的)(?:安眠药|药片|药丸|药)[^，。！？]{0,4}(?:都)?(?:摆|排|倒|数)(?:好|在|出来)(?:了)?',
    ],
    en: [
      '(?:all )?(?:my|the|his|her|their) (?:pills|tablets|meds|medication|sleeping pills|painkillers)(?: \\w+){0,3} (?:lined up|laid out|counted out|set out)',
      '(?:been )?(?:saving|hoarding|stockpiling|stashing|collecting) (?:up )?(?:all )?(?:my |his |her )?(?:pills|tablets|meds|sleeping pills|painkillers)',
    ],
  },
  // A smell of something burning, the fire not named: asked about ("楼下有烧塑料的味道").
  { family: 'fire', strength: 'weak', zh: ['(?:有|闻到|一股|有股)(?:一股|股)?(?:烧东西|烧塑料|烧电线|烧橡胶|烧胶皮|烧布|烧毛)的?(?:味|味道|味儿)'] },
  // Someone locked in: a room, a cold store, a car or a locker shut from outside with a person inside.
  {
    family: 'trapped',
    strength: 'strong',
    zh: [
      `(?:门|车门|库门)(?:被)?(?:人)?(?:从外面|从外头)(?:给)?(?:锁|关|反锁)(?:上|住|起)?了?[^。！？]{0,12}(?:里面|里头|里边)(?:还)?(?:有|关着|锁着|困着)`,
      `(?:车里|车内|柜子?里|格子里|器材室里?|冷库里?|仓库里?|包间里?|厕所里?|房间里?|屋里)(?:被)?(?:锁|关|反锁)(?:着|进去|在里面)了?(?:一个|个|两个|几个)?(?:小孩|孩子|小学生|学生|人|老人|宝宝|小伙子|工人)`,
      `(?:小孩|孩子|宝宝|人)[^，。！？]{0,6}(?:钻进去|爬进去)[^，。！？]{0,3}(?:被)?(?:关住|锁住|卡住)了?`,
      `(?:被|给)(?:人)?(?:锁|关|反锁)在[^，。！？]{0,8}(?:里面|里头|里)了?[^。！？]{0,16}(?:门被?锁|锁起|出不去|没(?:得)?水)`,
    ],
  },
  // A beam, a bearing wall or a ceiling cracking worse (after a quake) with people still inside.
  {
    family: 'collapse',
    strength: 'strong',
    zh: [
      '(?:房梁|大梁|横梁|承重墙|天花板|楼板|屋顶|房顶)[^，。！？]{0,4}(?:裂得(?:更|越来越)(?:厉害|大)了?|越裂越大|裂缝越来越大)[^。！？]{0,20}(?:还住在|还在里面|还在屋里|住在里面|人还在)',
    ],
  },
  // Followed by a stranger who is still there: "一直跟着我…他还在楼下".
  {
    family: 'violence',
    strength: 'strong',
    zh: [
      '(?:男的|女的|陌生人|男人|人)[^，。！？]{0,4}(?:一直|一路)?(?:跟着|跟踪)(?:我|我们)[^。！？]{0,24}(?:不敢(?:回家|上楼|下车|出去|开门)|还在(?:楼下|门口|外面|后面)|甩不掉|还跟着)',
    ],
  },
  // A fight with implements in hand, and blood on a head ("见红").
  {
    family: 'violence',
    strength: 'strong',
    zh: [
      `打起来了[^。！？]{0,12}(?:拿着|抄起|抡起|举着)(?:了)?${IMPLEMENT}`,
      `(?:抄起|抡起|举起|举着|拿着)(?:了)?(?:一把|把|根|一根)?${IMPLEMENT}[^，。！？]{0,3}(?:就)?(?:打|砍|砸|追着|往[^，。！？]{0,4}(?:头|身)上)(?!(?:门|墙|地|钉|核桃|冰))`,
    ],
  },
  { family: 'bleeding', strength: 'strong', zh: ['(?:头|脑袋|脑门|脸)上(?:都)?见红了?'] },
];

// Cantonese forms folded before 咗 becomes 了 (DIALECT_FOLD): 冧咗 = 塌了 (collapsed), 揸住 = 拿着
// (holding), 斩人 = 砍人, 射晒 = 喷了 (blood spurting everywhere). One unit for one, as every fold.
export const TWELFTH_PASS_DIALECT_FOLD: ReadonlyArray<readonly [string, string]> = [
  ['冧咗', '塌了'],
  ['揸住', '拿着'],
  ['斩人', '砍人'],
  ['射晒', '喷了'],
];

// The danger is over: pumped dry, mended or replaced, the smell gone, settled, all well, back on
// their feet. Cues of these families written before it are set aside (RESOLUTIONS).
export const TWELFTH_PASS_RESOLUTIONS: readonly Resolution[] = [
  {
    families: ['flood'],
    zh: '(?:已经|都)?(?:抽干|排干|抽完|排完|清干)(?:了|净了)|水(?:已经|都)?退(?:了|下去了|干净了)',
    en: '(?:pumped|drained) (?:out|dry)|water (?:has|had) (?:gone|receded)',
  },
  {
    families: ['fire', 'gas', 'electric', 'flood', 'collapse'],
    zh: '(?:已经|都|早就)(?:来)?(?:修好|换好|处理好|弄好|关好|堵好|补好|换了新的|换新了)了?|(?:味道?|气味)(?:已经|都|也)?(?:散了|散掉了|散干净了|没了)',
    en: '(?:has been|was|got|had it) (?:fixed|repaired|replaced|sorted)',
  },
  { families: 'all', zh: '(?:家里人|一家人|家人|大家|人)(?:也)?都(?:好好的|平安|安全|挺好|好)(?=[，。！？,.!?\\s]|$)' },
  // A quarrel or threat that was settled, a threat nobody took seriously.
  { families: ['violence'], zh: '(?:后来|已经|都)(?:调解|和解|说开|谈妥|解决|和好)(?:好)?了|(?:哈哈|笑)[^。！？]{0,6}没(?:人)?当真' },
  // Checked and sound: "拍片没事", "片子没问题"; "now all right".
  { families: ['fall', 'bleeding', 'unconscious'], zh: '拍(?:了)?片(?:子)?(?:也|了|后)?(?:说)?没(?:事|大碍|问题)|片子(?:也)?没(?:事|问题)' },
  // Gone to look and found the cause ("下去看了是人家在烧纸"): a fire or gas named after it still stands.
  { families: ['fire', 'gas'], zh: '(?:下去|出去|过去|去|跑去)看了(?:一下|一眼|看)?[，, ]?(?:才知道|发现|原来)?是' },
  { families: 'all', zh: '(?:现在|目前)(?:也|都)?没(?:啥|什么|有)?(?:问题|事)(?![吧吗？?])' },
  { families: 'all', en: '(?:fully|completely) recovered|(?:all )?(?:fine|well|okay|ok) again|back on (?:her|his|their|my) feet' },
];

// Look-alikes by kind of blind12's false alarms (masked like NOT_DANGER, which they join).
export const TWELFTH_PASS_NOT_DANGER: readonly string[] = [
  // Escape and first-aid skills asked for a training: "讲讲火灾逃生", "触电急救".
  '(?:火灾|地震|溺水|触电|燃气|煤气|防火|消防)(?:逃生|自救|急救|预防|防范|安全)(?:知识|技能|技巧|培训|演练|讲座|常识|常识课|课)?',
  // An engine or machine smoking or not starting, with a repair wanted: "发动机冒黑烟，想找修理师傅".
  '(?:发动机|引擎|排气管|摩托车?|拖拉机|柴油机|发电机|三轮车?|电瓶车|船)[^，。！？]{0,4}冒(?:黑|白|蓝|青)?烟(?=[\\s\\S]{0,30}(?:修|师傅|维修|保养))',
  '(?:打|点)不着火',
  // Litter washed into a river: "下雨就把垃圾冲进河里".
  '(?<=(?:垃圾|树叶|泥沙|塑料袋|塑料瓶|污水|脏东西|杂物)[^。！？]{0,16})冲(?:进|到)(?:了)?(?:河|江|湖|海|沟|渠)(?:里|中)?',
  // A child playing at firefighting: "拿着玩具水枪喊着火了".
  '(?<=(?:玩具|游戏|过家家|扮演|假装|迷上|角色扮演)[^。！？]{0,16})(?:着火了[，,、 ]?)+',
  // "Fire" as praise in mixed text: "这个 party 真的 fire".
  '(?:真的|真是|超级|太|好|超|很|巨)\\s*fire(?![a-z])',
  '(?:party|派对|音乐|歌|dj|演出|表演|现场|氛围|气氛|穿搭)\\s*(?:真的|真是|也|都|太)?\\s*fire(?![a-z])',
  // Worked or studied "to death", with a laugh or a joke anywhere after it.
  '(?<=(?:加班|上班|干活|学习|复习|考试|带娃|排队|开会|累|忙|困|烦)(?:加|上|干|学|复|带|排|开)?(?:[^，。！？]{0,2})?得(?:我)?)(?:想死|要死|快死了|想去世)(?=[\\s\\S]{0,30}(?:开玩笑|哈哈|说着玩|逗你|😂|🤣))',
  // An injury told with no money to treat it: a need for help with costs.
  '受(?:了)?伤(?:了)?(?=[^。！？]{0,4}(?:没钱|看不起病|付不起|交不起|医药费))',
  // Parcels and devices: a parcel signed for and not received, a locker or scanner that does nothing.
  '(?:快递|包裹|外卖|订单)(?:显示)?(?:已)?(?:签收|送达)[^。！？]{0,6}没(?:有)?收到',
  '(?:扫码|刷卡|按钮|屏幕|遥控器|机器|柜子|柜门|手机|电脑|app|系统|软件)[^，。！？]{0,3}(?:都)?没(?:有)?(?:反应|动静)',
];

export const TWELFTH_PASS_NOT_DANGER_EN: readonly string[] = [
  // "Fire" as praise of a party, a DJ or a track.
  "(?:this|that|the) (?:party|dj|set|track|song|beat|playlist|outfit|look|menu|food) (?:is|was|'s)? ?(?:really |so |literally |absolutely |totally )?fire",
];

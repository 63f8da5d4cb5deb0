// The danger check's twenty-ninth pass (decision 0075): dangers told as a situation, and things that
// only look like one. A careful clerk reads each of these as danger:
// - bleeding told by what it soaks ("流血，枕头都染红了", "soaking through a pad every hour"), and a
//   mother just delivered who keeps bleeding ("刚生完孩子…一直出血，量很大"): not the sweat, the rain, a
//   child's wee or a period;
// - an electric shock in dialect words (挨电, 挨了电, 过电了, 着电了, 被电着了): not a phone "充着电",
//   a socket that "过电" (is live), a sofa that 挨 (stands next to) the television;
// - a person shut in behind a door, banging, with no key ("the fire door closed on him… he's banging,
//   we don't have the key", "门从外面锁上了，孩子在里面拍门"): not locked out; and knocking from below
//   ground where a person is ("矿井下面有人在敲管子"): not a pump, not a neighbour's pipes;
// - a person who cannot hear the alarm that is sounding, still inside ("she is deaf, the smoke alarm
//   is going off, she's still upstairs", "火警铃在响，聋子老爷子听不见，还在屋里"): not a drill, not a
//   flashing doorbell asked for;
// - a threat of violence with weapons at the door or said for a time ("拎着砍刀堵在我家门口", "吼着今晚
//   要废了我的手"): not a hammer on a nail, not a wall being knocked through;
// - a crush in a crowd ("人太多…被挤在栏杆边上动不了，喘不上气", "crushed against the barrier, can't
//   breathe"): not the morning metro, not work that "压得喘不过气".
// And things that are no danger, whatever they say:
// - a card named (老人卡, 乘车卡, 敬老卡 …) with an errand after it ("卡在哪里办") is no person stuck;
// - a detector compared with another ("燃气报警器和一氧化碳报警器哪个好") is no alarm sounding;
// - a fight the police took away ("警察来了已经把人带走了") is over;
// - an ambulance driver's work ("我是开救护车的"), the emergency number asked, the ambulance's time
//   asked ahead ("先问问，以后万一用得上") are no call for help;
// - a call for help shouted in a game, a doll bandaged in a game of doctors.
// In Chinese and English; traditional characters are folded before the cues read the text. Cues are
// joined with the earlier passes' and read by danger-vocabulary.ts; the masks, the resolution and the
// words that read 以后 after an event as "after", not "some day", are joined there too.
import type { DangerCue, Resolution } from './danger-vocabulary.js';
import { TWENTIETH_TO_28TH_PASS_CUES } from './danger-vocabulary.twenty-eighth-pass.js';

// --- Bleeding told by what it soaks, and a mother just delivered ---

// What blood soaks through.
const SOAKED_THING = '(?:床单|被子|被褥|褥子|床垫|裤子|裤腿|衣服|衣裳|袖子|枕头|垫子|护垫|卫生巾|尿垫|产褥垫|毛巾|纱布|棉球|纸巾|卫生纸)';
// Soaked: "都湿透了", "全染红了", "湿了一大片".
const SOAKED = '(?:都|全|全都|已经|又)*(?:湿透|浸透|泡透|染红|红透|全红|湿了一大片|红了一大片|换了[^，。！？]{0,3}(?:块|条|张|片|个))';
// A period is no bleeding to call for ("来月经了量有点大，床单弄脏了").
const NOT_A_PERIOD = '(?<!(?:月经|例假|大姨妈|经期|来事)[\\s\\S]{0,30})(?![\\s\\S]{0,20}(?:月经|例假|大姨妈|经期))';
// A mother just delivered: "产妇", "刚生完孩子", "坐月子", "生完娃".
const JUST_DELIVERED = '(?:产妇|产后|刚生完|生完(?:孩子|娃|宝宝|小孩)|刚生了|刚生下|坐月子|月子里|刚出月子|剖腹产|顺产|分娩)';
// Bleeding that is a lot, or does not stop.
const MUCH_BLEEDING =
  '(?:一直|不停(?:地|的)?|止不住地?|还在|老是|一阵一阵地?)(?:在)?(?:出血|流血)|(?:出血|流血)[^，。！？]{0,4}(?:很多|好多|特别多|量很大|量特别大|量大|止不住|不止|不停|没停)|(?:出|流)了?(?:好多|很多|一大摊|一大滩|一盆)血';

// --- An electric shock in dialect words ---

// 挨 is also "next to": "沙发挨电视柜", "挨着电线杆".
const SHOCK_DIALECT =
  '挨(?:了)?(?:一下子?)?电(?:了|打了|击了|着了)|挨了(?:一下子?)?电(?![视费话脑梯线杆箱表器闸瓶池动车源插灯网缆厂站子饭暖炉])|(?:被|叫|让|给|遭)电着了|(?<![充插通带蓄有])着电了|(?:人|他|她|孩子|娃|师傅|工人|老人|老头|男人|我爸|我妈|老公)(?:刚才|刚刚|突然)?(?:被)?过电了';

// --- A person shut in behind a door ---

const SHUT = '(?:锁上|关上|反锁|锁死|带上|碰上|关死|合上)';
const PERSON_IN = '(?:人|孩子|小孩|娃|老人|他|她|我爸|我妈|爷爷|奶奶|老公|老婆|儿子|女儿|工人|师傅)';
// Inside and unable to come out: banging, crying, no key.
const STUCK_BEHIND = '(?:拍门|敲门|砸门|踹门|喊救命|一直喊|哭|打不开|开不了|出不来|没(?:有)?钥匙|钥匙(?:找不到|不在|丢了|没了))';
// The door shut on someone (a "fire door" is masked as no fire: the door need not be named).
const EN_DOOR_SHUT = '(?:shut|closed|slammed|locked|swung shut|slammed shut) (?:on|behind) (?:him|her|them|my \\w+|the \\w+)';
const EN_STUCK_BEHIND =
  "(?:banging|knocking|pounding|hammering|shouting|screaming|can'?t (?:open it|get it open|get (?:him|her|them) out|get out)|(?:we )?(?:don'?t|do not) have (?:the|a) key|no key|nobody has (?:the|a) key|no one has (?:the|a) key)";

// Below ground: a well, a mine, a tunnel dug.
const BELOW_GROUND = '(?:井下|井底|井里|矿下|矿井(?:里|下面?)?|巷道(?:里)?|坑道(?:里)?|窑洞(?:里)?|地窖(?:里)?)';
// Someone down there: a person named, or not come up.
const SOMEONE_DOWN = '(?:有人|人还在|矿工|工友|工人|没(?:有)?上来|没(?:有)?出来|被困|困在)';

// --- A person who cannot hear the alarm that is sounding ---

const CANT_HEAR = '(?:聋子|聋哑|耳聋|耳朵聋|耳朵背|耳背|听不见|听不到|听不清)';
const ALARM_SOUNDING = '(?:火警铃|消防铃|警铃|警报|报警器|烟感|烟雾报警器)(?:一直|正|还)?(?:在)?(?:响|叫|鸣)(?:了|着)?';
const STILL_INSIDE = '(?:还在(?:屋里|家里|里面|里头|楼上|房间|床上|地下室)|没(?:有)?(?:出来|下来|跑出来|撤出来)|叫不出来)';
const EN_DEAF = "\\b(?:is|are|'s|was) (?:deaf|hard of hearing|hearing[- ]impaired)\\b";
const EN_ALARM_SOUNDING = '(?:fire|smoke) alarms? (?:is |are )?(?:going off|ringing|sounding|beeping|blaring|went off)';
const EN_STILL_INSIDE =
  "(?:(?:is|'s|are|'re) still (?:inside|upstairs|downstairs|in (?:there|his \\w+|her \\w+|the \\w+))|(?:hasn'?t|has not|haven'?t) (?:come|got|gotten) out|can'?t hear (?:it|the alarm|us))";

// --- A threat of violence with weapons and a time ---

const WEAPON = '(?:铁棍|钢管|钢筋|棍子|木棍|棒子|棒球棍|砍刀|菜刀|西瓜刀|匕首|刀子?|斧头|斧子|铁锹|镐把|锄头|铁链)';
const HOLDING = '(?:拿着?|拎着?|提着?|举着?|带着?|扛着?|握着?|抄着?|操着?)';
// At the writer's door, window or home: knocking, smashing, kicking, prising, blocking.
const AT_MY_DOOR =
  '(?:敲|砸|踹|撬|劈|捅|拍)(?:我家|我们家|俺家|家里?|屋)?(?:的)?(?:防盗门|大门|房门|屋门|门|窗户?|玻璃)(?!框|锁芯|把手|铃)|(?:堵|守|围)(?:在|着)(?:我家|我们家|俺家)?(?:的)?(?:门口|门外|楼道口?|楼下|家门口)';
// A threat of harm shouted or sworn: "喊着…就卸我一条胳膊" (the tenth pass reads 说, 扬言, 放话).
const LIMB = '(?:胳膊|手|腿|脚|手指|指头|耳朵|一条|一只)';
const SHOUTED = '(?:喊|喊着|吼|吼着|骂着?|叫嚣|嚷嚷?着?|撂下话|放狠话|发狠)';
const HARM_TO_LIMB = `(?:卸|打断|剁掉|剁了|砍断|砍掉|废了|弄断)[^，。！？]{0,4}?(?:我|你|他|她)?(?:的)?(?:一条|一只|两条|条|只)?${LIMB}`;

// --- A crush in a crowd ---

const CROWD = '(?:人太多|人很多|人特别多|人挤人|人山人海|人群|挤成一团|往前(?:推|挤|涌)|散场|踩踏|人潮)';
const PRESSED = '(?:被)?(?:挤|压|推|夹|顶)(?:在|到|倒|住|得)';
const CANT_BREATHE_OR_MOVE = '(?:动不了|喘不过气|透不过气|喘不上气|上不来气|呼吸不了|憋得|起不来|爬不起来|被踩|踩到|脸都紫了|晕过去)';
// Not the daily commute, not a figure of work.
const NOT_COMMUTE = '(?<!(?:地铁|公交|早高峰|晚高峰|电梯|工作|压力|作业)[\\s\\S]{0,20})';
const EN_CRUSH =
  '\\b(?:(?:crushed|pinned|squashed|pressed) (?:against|into) (?:the |a )?(?:barrier|railing|rail|fence|wall|gate|stage)|(?:the )?crowd (?:is |keeps )?(?:pushing|surging|crushing)|being trampled|got trampled|people (?:are |were )?falling (?:over|down) in the crowd)\\b';
const EN_CRUSH_SIGN = "(?:can'?t breathe|cannot breathe|can'?t move|fell|fallen|trampl\\w*|passed out|going blue|turning blue)";

const TWENTY_NINTH_PASS_CUES: readonly DangerCue[] = [
  // Bleeding told by what it soaks (a bleeding word before it), and a mother just delivered who keeps bleeding.
  {
    family: 'bleeding',
    strength: 'strong',
    life: true,
    zh: [
      `(?<=(?:出血|流血|血)[\\s\\S]{0,16})${SOAKED_THING}${SOAKED}${NOT_A_PERIOD}`,
      `(?<=${JUST_DELIVERED}[\\s\\S]{0,20})(?:${MUCH_BLEEDING})${NOT_A_PERIOD}`,
    ],
    en: [
      '(?:bleeding|blood)[^.!?]{0,40}(?:soak(?:ed|ing)? (?:through|the)|soaked with blood|(?:a|one) (?:pad|towel) every (?:hour|half hour|\\d+ minutes))',
      '(?:sheets?|towels?|pads?|bandages?|trousers|jeans|clothes|bed) (?:is |are |was |were )?(?:soaked|drenched) (?:through )?(?:with|in) blood',
    ],
  },
  // An electric shock in dialect words.
  { family: 'electric', strength: 'strong', zh: [SHOCK_DIALECT], en: ['(?:got|was|been|he got|she got) (?:badly )?zapped'] },
  // A person shut in behind a door: the door shut, a person inside, banging or no key.
  {
    family: 'trapped',
    strength: 'strong',
    zh: [
      `(?<=门[^。！？]{0,8}${SHUT}了?[\\s\\S]{0,12})${PERSON_IN}[^，。！？]{0,4}(?:在|关在|困在|锁在)(?:里面|里头|里边|屋里|里)[^。！？]{0,12}${STUCK_BEHIND}`,
      `${PERSON_IN}[^，。！？]{0,4}(?:被)?(?:关|锁|反锁)在(?:里面|里头|屋里|房间里|地下室|冷库|仓库|车里|厕所|卫生间)[^。！？]{0,16}${STUCK_BEHIND}`,
    ],
    en: [`${EN_DOOR_SHUT}[^.!?]{0,60}${EN_STUCK_BEHIND}`],
  },
  // Knocking from below ground where a person is (the ninth pass reads it from under rubble): "矿井下面有人在敲管子".
  {
    family: 'trapped',
    strength: 'strong',
    zh: [
      `${BELOW_GROUND}[^，。！？]{0,8}(?:敲|拍打|呼救|喊|咚咚)(?=[\\s\\S]{0,30}${SOMEONE_DOWN})`,
      `(?<=${SOMEONE_DOWN}[\\s\\S]{0,30})${BELOW_GROUND}[^，。！？]{0,8}(?:敲|拍打|呼救|喊|咚咚)`,
      `${BELOW_GROUND}[^，。！？]{0,4}有人[^，。！？]{0,4}(?:在)?(?:敲|拍打|呼救|喊)`,
    ],
  },
  // A person who cannot hear the alarm that is sounding, still inside: either order.
  {
    family: 'fire',
    strength: 'strong',
    zh: [
      `(?<=${CANT_HEAR}[\\s\\S]{0,24})${ALARM_SOUNDING}(?=[\\s\\S]{0,20}${STILL_INSIDE})`,
      `(?<=${ALARM_SOUNDING}[\\s\\S]{0,24}${CANT_HEAR}[\\s\\S]{0,12})${STILL_INSIDE}`,
      `(?<=(?:听不见|听不到)(?:警报|警铃|火警铃?|报警声|报警器)[\\s\\S]{0,12})${STILL_INSIDE}`,
    ],
    en: [
      `(?<=${EN_DEAF}[\\s\\S]{0,80})${EN_ALARM_SOUNDING}(?=[\\s\\S]{0,80}${EN_STILL_INSIDE})`,
      `(?<=${EN_ALARM_SOUNDING}[\\s\\S]{0,80}${EN_DEAF}[\\s\\S]{0,60})${EN_STILL_INSIDE}`,
    ],
  },
  // A threat of violence: weapons at the writer's door; a threat to maim shouted, with a time or weapons beside it.
  {
    family: 'violence',
    strength: 'strong',
    zh: [`${HOLDING}${WEAPON}[^。！？]{0,8}(?:${AT_MY_DOOR})`, `(?:${AT_MY_DOOR})[^。！？]{0,8}${HOLDING}${WEAPON}`],
    en: [
      '(?:with|carrying|holding|swinging) (?:iron |steel |metal |wooden )?(?:bars?|pipes?|knives|a knife|machetes?|a machete|bats?|a bat|axes?|an axe|clubs?)[^.!?]{0,30}(?:banging on|smashing|kicking|breaking down|hammering on|trying to break) (?:my|our|the) (?:door|front door|window|gate)',
    ],
  },
  {
    family: 'violence',
    strength: 'weak',
    zh: [`${SHOUTED}[^。！？]{0,14}${HARM_TO_LIMB}`],
  },
  // A crush in a crowd.
  {
    family: 'trapped',
    strength: 'strong',
    zh: [`(?<=${CROWD}[\\s\\S]{0,30})${NOT_COMMUTE}${PRESSED}[^，。！？]{0,8}${CANT_BREATHE_OR_MOVE}`],
    en: [`${EN_CRUSH}[^.!?]{0,40}${EN_CRUSH_SIGN}`, `${EN_CRUSH_SIGN}[^.!?]{0,40}${EN_CRUSH}`],
  },
];

// --- What only looks like danger (masked before the cues read the text) ---

export const TWENTY_NINTH_PASS_NOT_DANGER: readonly string[] = [
  // A card, not a person stuck: "乘车卡在社区能办吗", "老人卡在哪里可以办" (not "老人卡在电梯里了").
  '(?:乘车|敬老|优待|爱心|门禁|校园|交通|老年|养老|健康|就诊|加油|购物|燃气)卡(?=在)',
  '(?:老年人|老人家?|长者|残疾人|市民|学生)卡(?=在?(?:哪|哪里|哪儿|什么地方|那边|村里|社区|街道|镇上)?(?:能|可以|去|要|怎么|如何)?(?:办|补办|办理|领|领取|申请|充值|充|激活|挂失|年审|续费|刷|用))',
  // A detector compared, bought or fitted is no alarm sounding (another detector's name after it is not its sound).
  '(?:燃气|煤气|天然气|一氧化碳|烟雾|烟感|火灾)(?:泄漏|泄露)?(?:报警器|探测器|检测器|检测仪|传感器)(?=[^，。！？]{0,3}(?:和|跟|与|还是|或者)[^，。！？]{0,8}(?:报警器|探测器|检测器))',
  // An ambulance driver's work: "我是开救护车的", "救护车司机的社保".
  '(?:开救护车|开急救车|开120)的|(?:救护车|急救车|120)(?:的)?司机',
  // The ambulance's time asked ahead: "救护车到我们小区要多久？先问问，以后万一用得上".
  '(?:救护车|急救车|120)[^。！？]{0,16}(?:要多久|多长时间|多久能到|几分钟能到|能不能开进来|开得进来吗)(?=[^。]{0,16}(?:以后|万一|备用|备着|先问问|提前问|存一下|了解一下))',
  // A call for help shouted in a game being played; a doll bandaged in a game of doctors.
  '(?<=(?:玩|在玩)[^。！？]{0,8}游戏[^。！？]{0,12})(?:喊|叫|嚷)(?:着)?救命(?:啊)?(?:着火了)?',
  '(?<=(?:游戏|过家家|假装|扮)[^。！？]{0,10})(?:布娃娃|洋娃娃|玩偶|公仔|芭比|毛绒玩具|玩具熊)[^。！？]{0,20}(?:流血|出血|受伤|骨折|晕倒|死了)',
];

export const TWENTY_NINTH_PASS_NOT_DANGER_EN: readonly string[] = [
  // The emergency number asked, not called: "what is the number to call for an ambulance in this county?".
  "what(?:'s| is) (?:the )?(?:emergency )?(?:phone )?number(?: in \\w+(?: \\w+)?)? (?:for|to call(?: for)?) (?:an )?(?:ambulance|police|fire(?: brigade| service)?|emergencies)",
];

// A fight the police took away is over: "刚才楼下两个人打架，警察来了已经把人带走了".
export const TWENTY_NINTH_PASS_RESOLUTIONS: readonly Resolution[] = [
  {
    families: ['violence'],
    zh: '(?<=(?:警察|民警|派出所|公安|特警|保安)[^。！？]{0,10})(?:已经)?(?:把[^，。！？]{0,6})?(?:带走|抓走|铐走|押走|控制住|制服|拉开|劝开)了',
    en: '(?:police|cops) (?:came and )?(?:took|have taken|arrested|led) (?:him|her|them|the \\w+) away',
  },
];

// 以后 after an event is "after it" ("回家以后一直出血"), not "some day" (ZH_HYPOTHETICAL_BEFORE).
export const EVENT_BEFORE_AFTERWARDS = '回家|到家|回来|回去|出院|下班|放学|收工|进门|起床|生产|分娩|落地|醒来|醒了';

// --- Joined with the earlier passes (danger-vocabulary.ts reads these) ---

export const TWENTIETH_TO_29TH_PASS_CUES: readonly DangerCue[] = [...TWENTIETH_TO_28TH_PASS_CUES, ...TWENTY_NINTH_PASS_CUES];

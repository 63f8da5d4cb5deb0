// The danger check's ninth pass (decision 0047): readings by family of the kinds blind9 missed,
// each written as a general reading (a sign and its setting), never as a sentence of the set.
// Appended to DANGER_CUES in danger-vocabulary.ts.
import type { DangerCue } from './danger-vocabulary.js';

// Gases a home can leak, and what they do to the people breathing them.
const GAS = '(?:天然气|煤气|燃气|液化气|沼气|瓦斯)';
const GAS_SYMPTOM = '(?:头疼|头痛|头晕|头昏|发晕|晕乎|恶心|想吐|犯困|没力气)';
const EN_GAS_SYMPTOM = '(?:headaches?|dizzy|dizziness|nause\\w*|drowsy|sleepy|throwing up|vomit\\w*|light-?headed)';
// Whose shoes or clothes were found: a person's, not a stray pair.
const OWNER = '(?:他|她|孩子|娃|儿子|女儿|孙子|孙女|老人|爸|妈|爷爷|奶奶)';
// Structures that fall on people (a short list: the long one is in danger-vocabulary.ts).
const BUILDING = '(?:房子|房屋|屋顶?|楼|墙|房梁|梁|顶棚|棚子?|窑洞?)';
// Small rooms a person can be shut in.
const ROOM = '(?:厕所|卫生间|洗手间|浴室|房间|屋|柜子|储藏室|地下室|仓库|阳台|车)';

export const NINTH_PASS_CUES: readonly DangerCue[] = [
  // A missing person told understatedly: a pupil not home after school, a search of hours in vain.
  {
    family: 'missing',
    strength: 'weak',
    zh: [
      '(?:放学|下课|下学)(?:以?后)?[^，。！？]{0,3}(?:还)?(?:未|没|没有)(?:到家|回家|回来)',
      '找了(?:[一两二三四五六七八九十几半\\d]+个?|好几个?)(?:小时|钟头|个钟)[^，。！？]{0,3}(?:未果|没找到|找不到|没找着|没见人|都没见)',
    ],
  },
  // Someone's shoes or clothes found by the water (not a stray pair): a drowning sign.
  {
    family: 'missing',
    strength: 'strong',
    life: true,
    zh: [`(?:河|江|湖|塘|水库|水|井)(?:边|旁|岸|里)[^，。！？]{0,6}(?:找到|发现|捡到|看到|只有)[^，。！？]{0,2}${OWNER}[^，。！？]{0,2}(?:鞋|衣服|书包|帽子)`],
  },
  // Gas smelt with a headache, dizziness or nausea beside it: a leak already acting on people. A
  // minor word ("有点头疼") does not shrink it (firm).
  {
    family: 'gas',
    strength: 'strong',
    firm: true,
    zh: [`${GAS}[^。！？]{0,3}(?:味|漏)[^。！？]{0,24}${GAS_SYMPTOM}`, `${GAS_SYMPTOM}[^。！？]{0,16}${GAS}[^。！？]{0,3}(?:味|漏)`],
    en: [
      `(?:stove|gas|burner|knob|hob|oven|heater)[^.!?]{0,40}\\b(?:smell\\w*|odou?r)[^.!?]{0,40}\\b${EN_GAS_SYMPTOM}`,
      `(?:smell\\w*|odou?r) (?:of )?gas[^.!?]{0,40}\\b${EN_GAS_SYMPTOM}`,
    ],
  },
  // A leak in the kitchen or at the stove, said with 气 alone, and a leak that smells strongly.
  {
    family: 'gas',
    strength: 'strong',
    zh: [
      '(?:厨房|灶台?|炉子|灶具|煤气罐|气罐|气瓶|阀门)[^，。！？]{0,3}气[^，。！？]{0,2}漏',
      '(?<![空香臭异怪调])气[^，。！？]{0,2}漏了?[^。！？]{0,3}味(?:道)?(?:很|好|太|特别|非常)?(?:大|重|冲|浓)',
    ],
  },
  // A door handle hot to the touch (fire behind it), and a room so full of smoke nobody can see.
  {
    family: 'fire',
    strength: 'strong',
    zh: ['(?<![铁大车])门(?:把手|把儿?)?(?:都|也)?(?:烫手|很烫|好烫|发烫|滚烫|烫得(?:不行|摸不了|不敢摸))'],
    en: ["(?:doorknob|door knob|door handle|the door)(?:'s| is| feels| was) (?:really |very |too )?(?:hot|burning)(?: to (?:the )?touch)?"],
  },
  {
    family: 'fire',
    strength: 'weak',
    zh: ['(?:屋里|家里|屋子里|房间里?|楼道里?|走廊里?|楼梯间)[^，。！？]{0,4}(?:全是|都是|满是|到处是)(?:烟|雾|黑烟)'],
  },
  // Knocking, calls or crying from under rubble.
  {
    family: 'trapped',
    strength: 'strong',
    zh: ['(?:废墟|瓦砾|砖堆|塌方)[^，。！？]{0,6}(?:敲|拍打|呼救|喊|哭|叫)'],
    en: ['(?:knocking|tapping|banging|voices?|crying|calling|shouting) (?:from )?(?:under|beneath|inside|in) (?:the )?(?:rubble|debris|ruins)'],
  },
  // Someone shut in a small room whose door or lock will not open (a person, not the keys).
  {
    family: 'trapped',
    strength: 'strong',
    zh: [
      `(?:我|我们|人|孩子|小孩|娃|老人|爷爷|奶奶|我妈|我爸)(?:被)?(?:卡|困|关|锁)在${ROOM}(?:里|里面|里头)?了?[^。！？]{0,10}(?:门|锁)[^，。！？]{0,4}(?:开不了|打不开|开不开|拉不开|推不开)`,
    ],
  },
  // A building down with people under it, and one about to come down: cracks that widen day by
  // day; as hints, a house creaking and a door that no longer shuts (a frame pushed out of true).
  {
    family: 'collapse',
    strength: 'strong',
    zh: [`${BUILDING}[^，。！？]{0,2}(?:倒|塌)(?:了|下来)?[^，。！？]{0,3}(?:有人(?:在)?(?:下面|底下|里面|里头|被压|压着)|(?:下面|底下|里面)有人)`],
  },
  {
    family: 'collapse',
    strength: 'weak',
    zh: ['(?:墙缝|裂缝|裂纹|缝)[^，。！？]{0,3}(?:一天比一天|越来越|越裂越)(?:大|宽|长|多)'],
  },
  {
    family: 'collapse',
    strength: 'weak',
    pairOnly: true,
    zh: ['(?:房子|房屋|屋顶|房梁|梁|墙|顶棚)[^，。！？]{0,6}(?:咯吱|嘎吱|吱嘎|咔咔)', '门(?:窗)?(?:都|也)?(?:关不上|关不严)了'],
  },
  // Lying on the floor (a hint: beside "起不来" it is a fall, whatever "没事" says after it).
  { family: 'fall', strength: 'weak', pairOnly: true, zh: ['在地(?:上|下|板上)躺着'] },
  // Bleeding that soaks dressing after dressing, still oozing, on a blood thinner.
  {
    family: 'bleeding',
    strength: 'weak',
    zh: [
      '(?:纱布|毛巾|创可贴|绷带|卫生纸|纸巾)[^，。！？]{0,8}(?:换了[^，。！？]{0,3}(?:块|条|张|次)|湿透|渗透|都湿了|全湿了)',
      '(?:血|伤口|纱布)[^，。！？]{0,8}还在渗',
      '还在(?:渗血|流血|冒血)',
    ],
  },
  { family: 'bleeding', strength: 'weak', pairOnly: true, zh: ['阿司匹林|华法林|抗凝(?:药)?|氯吡格雷'], en: ['aspirin|warfarin|blood thinners?'] },
  // Self-harm: a wrist cut (not by accident), thinking of a way to die, a night that feels
  // different; last words (meals no longer needed, going somewhere far away) as hints.
  { family: 'self_harm', strength: 'strong', zh: ['(?<!被[^，。！？]{0,4}|不小心[^，。！？]{0,4})割(?:了|破了?|伤了?)?(?:自己的?)?手腕'] },
  {
    family: 'self_harm',
    strength: 'weak',
    en: [
      '(?:think|thinking|thought) (?:about|of) (?:jumping(?! in(?:to)? (?:the |a )?(?:pool|lake|sea|river for))|ending it|ending my life|killing myself|dying|not waking up)',
    ],
  },
  { family: 'self_harm', strength: 'weak', pairOnly: true, en: ['tonight (?:feels|is|seems) different'] },
  {
    family: 'self_harm',
    strength: 'weak',
    pairOnly: true,
    zh: [
      '以后(?:就)?(?:不用|不必|别)(?:再)?(?:给我|来给我|帮我|替我)?(?:送饭|送菜|送药|来看我|看我|管我|照顾我|操心|惦记我)',
      '(?:我)?要(?:去|走)(?:到)?(?:很远|好远|远远)的地方(?![^，。！？]{0,4}(?:打工|上班|工作|读书|上学|旅游|出差|玩|住|看病))',
      '(?:谢谢|感谢)[^，。！？]{0,4}(?:这段时间|这些日子|这阵子)[^，。！？]{0,4}(?:的)?(?:照顾|帮助|关照)',
    ],
  },
  // Water up to the bed or the table in a room (English).
  {
    family: 'flood',
    strength: 'strong',
    en: ['water (?:in (?:my|our|the) \\w+ )?(?:is |was |has )?(?:up to|reached|reaching|over) (?:the |our |my )?(?:beds?|tables?|sofa|couch)'],
  },
];

// Look-alikes by kind of blind9's and blind8's false alarms (masked like NOT_DANGER, which they join).
export const NINTH_PASS_NOT_DANGER: readonly string[] = [
  // A throat or head "smoking" with heat or worry: "嗓子疼得冒烟".
  '(?:嗓子|喉咙|嗓子眼|脑袋|脑子)[^，。！？]{0,4}冒烟',
  // Praise that "explodes": "晚会效果炸了", "气氛直接炸了".
  '(?:效果|气氛|全场|人气|流量|评论区|热度|场子)(?:都|直接|简直|真是)?炸了',
  // A phone or gadget lost, not a person: "老人把老年机弄丢了".
  '(?:老年机|平板|充电器|耳机)(?:又|也|都|给|被人?)?(?:弄|搞)?(?:丢|掉|弄丢|不见)(?:了|失)?',
  // A tongue scalded by food: "吃火锅烫了舌头".
  '烫(?:了|到)(?:一下)?(?:舌头|嘴|嘴巴|嘴唇)',
  // Work or study "to death": "加班加到想死", Cantonese "返工返到想死".
  '(?:加班|返工|上班|做作业|写作业|开会|复习|干活|带娃|搬砖|考试|做题)[^，。！？]{0,3}(?:到|得)想死',
  // A forecast rumour asked about: "网上说明天要地震 真的假的".
  '(?:网上|群里|朋友圈|抖音|新闻)(?:在)?(?:说|传)(?:明天|今晚|后天|过几天|下周|最近|要|会)[^。！？]{0,14}(?:真的假的|是真的吗|是不是真的|靠谱吗)',
  // How to report a fire, asked: "报火警是不是也打119".
  '报火警(?:是不是|是否|要|该|怎么|打什么|打哪个|的电话)',
  // Things heard of many times, not happening now: "河里淹死人的事听多了".
  '[^，。！？]{0,10}的(?:事|新闻|事情)(?:听|看|见)(?:得)?(?:多了|太多了)',
];

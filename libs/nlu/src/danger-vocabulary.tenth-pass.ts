// The danger check's tenth pass (decision 0050): readings by family of the kinds blind10 missed,
// each written as a general reading (a sign and its setting), never as a sentence of the set.
// Appended to DANGER_CUES and NOT_DANGER in danger-vocabulary.ts.
import type { DangerCue } from './danger-vocabulary.js';

// Limbs a threat promises to break or cut off.
const LIMB = '(?:腿|胳膊|胳臂|手|手指头?|脚|腿脚|膀子)';
// Means of harm a person can buy or carry to a revenge.
const MEANS = '(?:汽油|柴油|硫酸|炸药|雷管|砍刀|长刀|刀具|管制刀具|农药|敌敌畏|百草枯)';
// Gas, charcoal or pills as a means of dying.
const MEANS_OF_DEATH =
  '(?:(?:打开|开|拧开|放)(?:了)?(?:煤气|燃气|天然气|液化气)|(?:煤气|燃气|天然气|液化气)(?:一)?(?:打开|开|拧开)|烧炭|吞药|喝农药|上吊|跳下去|跳楼|跳河)';
// Relief from suffering as the reason: "就不用受罪了", "就解脱了".
const RELIEF = '(?:就|便|也就)?(?:不用|不必|不再)(?:再)?(?:受罪|受苦|遭罪|痛苦|拖累[^，。！？]{0,4})了?|(?:就|便)(?:解脱|一了百了)了?';
// Places of work or study a person collapses at (not a road, where trees and bicycles fall too,
// nor a bed or a desk, where people sleep).
const WORKPLACE = '(?:讲台|舞台|工位|灶台|机器旁|车间|田里|地里|工地|流水线|操场|跑道)';
// Floors of a building, in words or figures.
const STOREY = '(?:[一二三四五六七八九十几\\d]+|顶)(?:楼|层)';

export const TENTH_PASS_CUES: readonly DangerCue[] = [
  // A threat to maim: someone says they will break or cut off a limb ("放话要打断他的腿"; not
  // shopping slang, "说要剁手").
  {
    family: 'violence',
    strength: 'weak',
    zh: [`(?:说|扬言|放话|威胁|带人|找人|叫人)[^。！？]{0,10}(?:卸|打断|剁掉|剁了|砍断|砍掉|砍了|废了|弄断)[^，。！？]{0,4}?(?:一条|一只|两条|条|只)?${LIMB}`],
  },
  // Revenge promised (weak), and the means bought or carried (a hint: "买了汽油" alone is errands).
  {
    family: 'violence',
    strength: 'weak',
    zh: ['(?:扬言|说要|说是要|放话|威胁|发誓)[^。！？]{0,10}(?:报复|报仇|付出代价|好看|拼命|同归于尽)'],
  },
  {
    family: 'violence',
    strength: 'weak',
    pairOnly: true,
    zh: [`(?:买了|买好了|备了|备好了|准备了|准备好了|揣着|带着|藏了)[^，。！？]{0,3}(?:一?(?:桶|瓶|壶|把)的?)?${MEANS}`],
  },
  // A drunk beating in Minnan/Taiwanese Hokkien characters: 啉酒 (drinking), 拍人 (hitting people),
  // 咧 (in the middle of it); Mandarin 喝酒打人 is read elsewhere.
  {
    family: 'violence',
    strength: 'strong',
    zh: ['啉(?:醉)?酒[^，。！？]{0,4}(?:拍|打)(?:人|阮|我|囡仔|某|孩子|细汉)', '咧拍(?:人|阮|囡仔|某)'],
  },
  // Collapsing in the middle of an activity: "讲着讲着就倒了", "倒在讲台上".
  {
    family: 'unconscious',
    strength: 'strong',
    zh: [
      '(?:讲|说|走|干|吃|写|跑|跳|唱|骑)着(?:讲|说|走|干|吃|写|跑|跳|唱|骑)着(?:就|突然|一下)?(?:倒下|倒了|倒在|晕|栽|瘫|昏)',
      `(?:突然|一下子?|就|直接)(?:倒|栽倒|瘫倒|晕倒|昏倒)在${WORKPLACE}(?:上|里|边)?(?![^，。！？]{0,3}(?:睡|打盹|休息))`,
    ],
  },
  // A person who cannot speak or understand gone off alone: they cannot ask for help.
  {
    family: 'missing',
    strength: 'strong',
    life: true,
    zh: [
      '(?:不会说话|说不了话|不能说话|哑巴|聋哑|说不清楚?(?:话|自己)?)[^。！？]{0,16}(?:跑出去|跑丢|走丢|跑了|不见了|找不到|溜出去|走失)',
      '(?:跑出去|跑丢|走丢|跑了|不见了|找不到了?|溜出去|走失)[^。！？]{0,16}(?:不会说话|说不了话|不能说话|哑巴|聋哑|说不清楚?(?:话|自己)?)',
    ],
  },
  // A head split open: "脑袋开瓢", "头被打开了个口子".
  { family: 'bleeding', strength: 'strong', zh: ['(?:脑袋|头|脑壳|脑门|额头)(?:被[^，。！？]{0,3})?(?:打)?(?:开瓢|开了瓢|开了个?大?口子|破了个?大口子)'] },
  // A way of dying named with relief from suffering as its reason ("把煤气打开就不用受罪了").
  {
    family: 'self_harm',
    strength: 'strong',
    life: true,
    zh: [`${MEANS_OF_DEATH}[^。！？]{0,8}(?:${RELIEF})`],
  },
  // Being a burden to one's family, as a hint (beside another sign).
  {
    family: 'self_harm',
    strength: 'weak',
    pairOnly: true,
    zh: ['(?:拖累|连累)(?:了)?(?:儿女|孩子|子女|家里|家人|你们|大家|老伴)'],
  },
  // Stairs broken or down (after a quake, a fire); people upstairs who cannot come down, as a hint
  // (an elder on the sixth floor who cannot come down is a need for help with shopping).
  { family: 'collapse', strength: 'strong', zh: ['(?:楼梯|楼梯间|楼道|步梯)(?:都|也|整个)?(?:断|塌|垮|震断|震塌|裂开)(?:了|掉)'] },
  {
    family: 'trapped',
    strength: 'weak',
    pairOnly: true,
    zh: [`(?:在|困在|被困在|卡在)${STOREY}[^，。！？]{0,4}(?:下不来|下不去|出不去|走不了)`],
  },
];

// Look-alikes by kind of blind10's false alarms (masked like NOT_DANGER, which they join).
export const TENTH_PASS_NOT_DANGER: readonly string[] = [
  // Despair over homework said with a laugh: "这道题难死我了，不想活了哈哈".
  '(?:这道题|题目?|作业|考试|数学|英语|物理|化学|卷子)[^。！？]{0,12}(?:不想活了|想死|活不下去了)[^，。！？]{0,2}(?:哈哈|呵呵|嘿嘿|嘻嘻|hhh|😂|🤣)',
  // A simulated event in a drill: "模拟三号楼起火".
  '模拟[^，。！？]{0,8}(?:起火|着火|失火|火灾|地震|倒塌|坍塌|被困|泄漏|漏气|燃气泄漏|触电|溺水|落水|晕倒|受伤)',
  // "Save my maths / my grades": a plea for a subject, not a person.
  '救救(?:我的|我们的|孩子的|我家孩子的)?(?:数学|英语|语文|物理|化学|成绩|作业|论文|头发|发际线|钱包|工资|电脑|手机|睡眠)',
  // Ankle-deep water on a road or at a gate: drainage, not water entering a home.
  '(?:门口|路上|路面|马路|街上|小区里?|巷子|广场|操场|停车场|路口)[^，。！？]{0,4}积水[^，。！？]{0,2}(?:到|没过|淹到|齐)了?脚(?:踝|脖子?|面)',
  // An activity named with worry about it ("冬天烧炭怕出事"): a preventive question.
  '(?:烧炭|烤炭火|生炉子|烧煤炉)(?:取暖)?(?=[^，。！？]{0,2}(?:怕|担心|害怕)[^，。！？]{0,4}(?:出事|中毒|不安全|出问题))',
  // An animal slaughtered and its blood spilt: "杀鸡弄得楼道满地是血".
  // (Behind: an earlier look-alike masks "杀鸡" itself.)
  '(?<=(?:杀|宰)(?:了)?(?:鸡|鸭|鹅|鱼|猪|羊|牛|兔子?)[^。！？]{0,10})(?:满地|一地|到处|全|都)(?:是|都是)?血',
];

import type { Beneficiary } from './nlu.types.js';
import { parseNumber, toHalfWidth } from './text.util.js';

type Group = Exclude<Beneficiary, 'none'>;

interface Cue {
  re: RegExp;
  weight: number;
}

// Strong cues (2) name the group; weak cues (1) only lean towards it.
function cues(strong: string[], weak: string[] = []): Cue[] {
  const mk = (words: string[], weight: number): Cue[] => words.map((w) => ({ re: new RegExp(w, 'i'), weight }));
  return [...mk(strong, 2), ...mk(weak, 1)];
}

const CUES: Readonly<Record<Group, Cue[]>> = {
  disabled: cues(
    [
      '残疾',
      '残障',
      '瘫痪',
      '瘫在床',
      '瘫床',
      '瘫了',
      '残了',
      '偏瘫',
      '脑瘫',
      '盲人',
      '失明',
      '视障',
      '聋哑',
      '聋人',
      '听障',
      '智障',
      '智力障碍',
      '自闭症',
      '截肢',
      '肢体障碍',
      '\\bdisabled\\b',
      '\\bdisability\\b',
      '\\bblind\\b',
      '\\bdeaf\\b',
      '\\bparalys',
      'wheelchair user',
    ],
    ['轮椅', '拐杖', '\\bwheelchair\\b'],
  ),
  hardship: cues(
    [
      '低保',
      '特困',
      '五保',
      '贫困',
      '困难(?:户|家庭|群众|职工|老人|学生|儿童|党员|人员|家)',
      '家里困难',
      '家庭困难',
      '生活困难',
      '经济困难',
      '日子没法过',
      '过不下去',
      '收入没了',
      '捡破烂',
      '收废品',
      '孤寡',
      '无依无靠',
      '\\blost everything\\b',
      '\\bhomeless\\b',
      '实在困难',
      '太困难',
      '很困难',
      '穷',
      '没钱',
      '揭不开锅',
      '没有收入',
      '没收入',
      '交不起',
      '买不起',
      '付不起',
      '吃不上饭',
      "can'?t afford",
      '\\bpoor\\b',
      '\\bpoverty\\b',
      'low[- ]income',
      "can'?t pay",
      '\\bhardship\\b',
      // Ways of saying the money has run out.
      '供不起',
      '拿不出',
      '治不起',
      '看不起病',
      '上不起学',
      '养不活',
      '没吃饱',
      '吃不饱',
      '没饭吃',
      '等着吃饭',
      '没(?:了)?(?:进项|进账)',
      '一点进项',
      '断了收入',
      '紧巴巴',
      '家里紧',
      '钱花光',
      '借遍',
      '欠了一屁股',
      '还不上',
      '绝收',
      '颗粒无收',
      '啥都没(?:了|剩)',
      '什么都没(?:了|剩)',
      '一无所有',
      '\\bno income\\b',
      '\\bnothing left\\b',
      '\\bin need\\b',
      '\\bout of work\\b',
      '\\bsingle (?:mum|mom|mother|dad|father|parent)\\b',
      '\\bbreadwinner\\b',
      '\\bwidow(?:ed)?\\b',
    ],
    ['单亲', '失业', '下岗', '受灾', '水灾', '灾民', '孤儿', '大旱', '破房子', '一家老小', '\\blost my job\\b', '\\bunemployed\\b', '\\bburned down\\b'],
  ),
  child: cues(
    [
      '孩子',
      '小孩',
      '娃',
      '儿童',
      '小朋友',
      '小学生',
      '中学生',
      '初中生',
      '高中生',
      '(?<!大)学生',
      '宝宝',
      '婴儿',
      '幼儿',
      '青少年',
      '未成年',
      '少年',
      '初[一二三]',
      '高[一二三]',
      '[一二三四五六]年级',
      '中考',
      '高考',
      '亲子',
      '四点半课堂',
      '托管班',
      '小升初',
      '\\bafter[- ]school\\b',
      '\\bchild',
      '\\bkids?\\b',
      '\\bson\\b',
      '\\bdaughter\\b',
      '\\bstudents?\\b',
      '\\bteen',
      '\\bbaby\\b',
      '\\btoddler',
      '\\bpupils?\\b',
      '\\bschoolchildren\\b',
    ],
    // Grown-up sons and daughters are often the ones writing for their parents.
    ['孙子', '孙女', '外孙', '儿子', '女儿', '闺女', '学校', '侄子', '侄女', '外甥', '\\bgrandchild', '\\bgrandson', '\\bgranddaughter'],
  ),
  elderly: cues(
    [
      '老人',
      '老年',
      '大爷',
      '大妈',
      '大娘',
      '奶奶',
      '爷爷',
      '外婆',
      '外公',
      '姥姥',
      '姥爷',
      '老太太',
      '老爷子',
      '老大爷',
      '老奶奶',
      '老两口',
      '老伴',
      '高龄',
      '空巢',
      '独居老',
      '敬老',
      '养老院',
      '老汉',
      '老头子',
      '老太婆',
      '年纪大了',
      '岁数大',
      '上了年纪',
      '退休后',
      '退休以后',
      '退休了',
      '老爸',
      '老妈',
      '老娘',
      '老姐妹',
      '\\b(?:over|above|aged) (?:6\\d|7\\d|8\\d|9\\d|sixty|seventy|eighty)\\b',
      '\\belderly\\b',
      '\\bseniors?\\b',
      '\\bgrand(?:ma|mother|pa|father|parents)\\b',
      '\\bold (?:man|woman|people|lady)\\b',
      '\\bretirees?\\b',
      '\\bpensioners?\\b',
      '\\baged\\b',
      '\\bold folks\\b',
      "\\bold people'?s?\\b",
      '\\bretirement home\\b',
      '\\bnursing home\\b',
      '\\bcare home\\b',
    ],
    [
      '我妈',
      '我爸',
      '俺娘',
      '俺爹',
      '俺妈',
      '俺爸',
      '我爹',
      '我娘',
      '我父亲',
      '我母亲',
      '重阳',
      '腿脚不便',
      '腿脚不方便',
      '行动不便',
      '行动不方便',
      '\\bmy (?:mom|mum|mother|dad|father|parents)\\b',
    ],
  ),
};

// Ties go to the group with the most specific claim on targeted help: 老少残困 read backwards.
const PRIORITY: readonly Group[] = ['disabled', 'hardship', 'child', 'elderly'];

// Phrases where a group word does not name who is helped: "带娃" is the parent's burden,
// "父亲去世" an estate, "大学生志愿者" a helper.
const NOT_A_BENEFICIARY = /带娃|(?:父亲|母亲|爸爸|妈妈|老人)(?:去世|过世|走了)|大学生|学生志愿者|年轻爸妈/g;
// When parents are the audience ("给家长们讲讲怎么辅导孩子"), the child is the topic.
const PARENTS_AS_AUDIENCE = /(?:给|请|为|教|帮)[^，。,.]{0,4}(?:家长|爸妈们|父母们|年轻爸妈)/;

function ageCue(text: string): Group | null {
  for (const m of text.matchAll(/(\d{1,3}|[一二两三四五六七八九十]{1,3})\s*(?:多|几)?(?:岁|周岁)/g)) {
    const age = parseNumber(m[1]!);
    if (age === null) continue;
    if (age >= 60) return 'elderly';
    if (age < 16) return 'child';
  }
  // "八十多了", "85了", "今年82": an age without 岁.
  if (/[六七八九]十(?:多|几|[一二三四五六七八九])?(?:了|岁|的老)/.test(text)) return 'elderly';
  if (/(?:今年|都)\s*(?:[6-9]\d|1[01]\d)(?:了|$|[,，。])/.test(text)) return 'elderly';
  if (/\b(?:[6-9]\d|1[01]\d)[- ]?(?:years?[- ]old|yo)\b/i.test(text)) return 'elderly';
  if (/\b(?:is|she's|he's|aged|turned) (?:[6-9]\d|1[01]\d)\b(?![- ]?(?:minutes|hours|days|yuan|rmb|%|kg|km))/i.test(text)) return 'elderly';
  if (/\b(?:1[0-5]|[1-9])[- ]year[- ]old\b/i.test(text)) return 'child';
  return null;
}

/**
 * Who the need is for, among the groups that get targeted service (老少残困): the group
 * with the strongest cues (group words, ages, English equivalents); ties go to disabled,
 * then hardship, child, elderly.
 */
export function detectBeneficiary(text: string): Beneficiary {
  const normal = toHalfWidth(text).replace(NOT_A_BENEFICIARY, ' ');
  const scores: Record<Group, number> = { disabled: 0, hardship: 0, child: 0, elderly: 0 };
  for (const group of PRIORITY) {
    for (const cue of CUES[group]) if (cue.re.test(normal)) scores[group] += cue.weight;
  }
  const age = ageCue(normal);
  if (age) scores[age] += 2;
  if (PARENTS_AS_AUDIENCE.test(normal)) scores.child = 0;
  let best: Beneficiary = 'none';
  let bestScore = 0;
  for (const group of PRIORITY) {
    if (scores[group] > bestScore) {
      best = group;
      bestScore = scores[group];
    }
  }
  return best;
}

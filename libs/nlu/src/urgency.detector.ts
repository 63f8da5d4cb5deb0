import type { Urgency } from './nlu.types.js';
import { toHalfWidth } from './text.util.js';

// Someone is in danger now, or the resident says it cannot wait.
const ZH_URGENT = [
  '紧急',
  '救命',
  '救人',
  '快来人',
  '快来',
  '快快',
  '赶紧',
  '赶快',
  '马上',
  '立刻',
  '立即',
  '火速',
  '十万火急',
  '急需',
  '急用',
  '很急',
  '特急',
  '急死',
  '急急',
  '急事',
  '危急',
  '告急',
  '快救',
  '着火',
  '起火',
  '火灾',
  '失火',
  '烧起来',
  '冒烟',
  '浓烟',
  '黑烟',
  '火势',
  '被困',
  '困住',
  '困在',
  '出不来',
  '卡在',
  '反锁',
  '溺水',
  '落水',
  '掉水里',
  '掉河里',
  '掉进',
  '被淹',
  '淹了',
  '全淹',
  '到处是水',
  '到处都是水',
  '水漫',
  '洪水',
  '山洪',
  '决堤',
  '塌方',
  '坍塌',
  '塌了',
  '倒塌',
  '被埋',
  '埋了',
  '压住',
  '晕倒',
  '昏倒',
  '昏迷',
  '叫不醒',
  '不省人事',
  '没呼吸',
  '没有呼吸',
  '不喘气',
  '抽搐',
  '流血',
  '血流不止',
  '大出血',
  '胸口疼',
  '喘不上气',
  '中暑',
  '中毒',
  '触电',
  '摔倒了起不来',
  '起不来',
  '煤气泄漏',
  '燃气泄漏',
  '煤气味',
  '燃气味',
  '漏气',
  '泄漏',
  '冒火花',
  '打火花',
  '车祸',
  '跳楼',
  '轻生',
  '自杀',
  '不想活',
  '活着没意思',
  '寻死',
  '走失',
  '走丢',
  '失踪',
  '找不到人',
  '打起来',
  '动刀',
  '误吞',
  '吞了',
  '噎住',
  '卡喉咙',
  '摔下来',
  '动不了',
  '翻进',
  '翻车',
  '沉下去',
  '抽筋',
  '冲垮',
  '冲走',
  '滑坡',
  '泥石流',
  '疯狗',
  '狗疯了',
  '咬伤',
  '撑不了',
  '呼吸困难',
  '喘不过气',
  '心脏骤停',
  '休克',
  '骨折',
  '烫伤',
  '烧伤',
  '砸伤',
  '坠楼',
  '持刀',
  '砍人',
  '救护车',
  '自残',
  '自伤',
  '割腕',
  '想不开',
  '糊味',
  '烫了',
  '开水烫',
  '迷路',
  '困在山',
];

const EN_URGENT = [
  'urgent',
  'urgently',
  'emergency',
  'asap',
  'right now',
  'immediately',
  'quickly',
  'hurry',
  'help now',
  'fire',
  'smoke',
  'trapped',
  'stuck in',
  'drowning',
  'not breathing',
  'unconscious',
  'collapsed',
  'bleeding',
  'gas leak',
  'smell gas',
  'flooding',
  'flooded',
  'overflowing',
  'suicide',
  'kill myself',
  'missing',
  'ambulance',
  'injured',
  'electrocuted',
  'fainted',
  'gas smell',
  'swallowed',
  'choking',
  'fell down',
  "can't move",
  'cannot move',
  'self-harm',
  'self harm',
  'self-harming',
  'seizure',
  'heart attack',
  'overturned',
  'bitten',
  'rabid',
  'landslide',
  'fracture',
  'not moving',
  'not responding',
  'lying on the road',
  'scalded',
];

// Danger words in these phrases are the topic of a class or a campaign, not an event.
const ZH_NOT_AN_EVENT =
  /(?:急救|消防|防火|应急|避险|安全|防汛|逃生|自救)(?:知识|培训|演练|课|讲座|宣传|常识|技能)|(?:培训|学习|演练|科普|宣传|讲讲|讲座)[^，。！？,.!?]{0,8}(?:急救|火灾|地震|溺水|中毒|触电|防骗)|防(?:溺水|火|诈骗?|骗|震|汛|中毒|触电|走失|跌倒|摔)/g;
// "马上要小升初", "马上就过年": 马上 as "soon", not "at once".
const ZH_SOON = /马上(?:就)?(?:要|到|过年|开学|放假|考试|中考|高考|入冬|冬天)/g;
// "打不着火" is a stove that will not light; "医保卡在这边" a card, not someone stuck; "压得喘不过气"
// is stress; a cramp in the leg, flooded crops and a smoking chimney are not someone in danger.
const ZH_NOT_DANGER =
  /(?:打|点)不着火?|不着火|(?:医保|社保|银行|身份|公交|会员|信用|饭|电话)卡在|(?:压|累|憋)得喘不(?:过|上)气|怕(?:自己)?晕倒|腿(?:老|总|经常)?抽筋|庄稼(?:全|都)?(?:被)?淹|烟囱[^，。,.!！]{0,6}冒(?:黑)?烟/g;
const ZH_NEGATED = /不(?:太|是很|用|很)?(?:急|着急|紧急|赶时间)|不急|别着急/;
const EN_NEGATED = /\bnot\s+(?:urgent|an emergency|in a hurry)\b|\bno\s+(?:rush|hurry)\b/i;
const EN_NOT_AN_EVENT =
  /\b(?:fire|first[- ]aid|safety|emergency)\s+(?:training|drill|class|course|lesson|talk|lecture|awareness)\b|\bemergency\s+(?:cash|fund|funds|loan|grant|money)\b|\bfire[ds]?\s*(?:了|掉)|\b(?:bins?|dustbins?|rubbish|trash|garbage)\b[^.!?]{0,30}\boverflowing\b/gi;

function escape(term: string): string {
  return term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const ZH_RE = new RegExp(ZH_URGENT.map(escape).join('|'));
const EN_RE = new RegExp(`\\b(?:${EN_URGENT.map(escape).join('|')})\\b`, 'i');
// "急！", "，急，", "快！": a hurry word standing on its own.
const LONE_JI = /(?:^|[\s,，。!！?？])(?:急|快)(?:$|[\s,，。!！?？了啊呀])/;

/**
 * Urgent when someone is in danger or the resident asks for immediate help: danger and hurry
 * words in Chinese and English, "!!" and repeated exclamation marks, or the emergency category.
 * A class about first aid or fire safety is not urgent; "不急" overrides the hurry words.
 */
export function detectUrgency(text: string, category?: string): Urgency {
  if (category === 'emergency') return 'urgent';
  const normal = toHalfWidth(text);
  if (/!{2,}/.test(normal)) return 'urgent';
  const lower = normal.toLowerCase();
  const zhContext = normal.replace(ZH_NOT_AN_EVENT, ' ').replace(ZH_NOT_DANGER, ' ').replace(ZH_SOON, ' ');
  const enContext = lower.replace(EN_NOT_AN_EVENT, ' ');
  const negated = ZH_NEGATED.test(normal) || EN_NEGATED.test(lower);
  if (!negated && (ZH_RE.test(zhContext) || LONE_JI.test(zhContext) || EN_RE.test(enContext))) return 'urgent';
  return 'normal';
}

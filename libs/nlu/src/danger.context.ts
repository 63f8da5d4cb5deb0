// Weighing a cue in its context (step 4 in danger.detector.ts): its clause and sentence
// (negation, topic, fear or supposition, habit, long-standing, minor, distant past) and what the
// whole message says (danger.message.ts: legal or recovery aftermath, hardship, a lecture wanted).
import {
  EN_HABIT,
  EN_HYPOTHETICAL_BEFORE,
  EN_JEST,
  EN_MINOR,
  EN_PAST,
  EN_RECENT,
  EN_TOPIC,
  ZH_CONDITIONAL,
  ZH_HABIT_BEFORE,
  ZH_HABIT_IN_CLAUSE,
  ZH_HYPOTHETICAL_BEFORE,
  ZH_JEST,
  ZH_LONG_TERM,
  ZH_MINOR,
  ZH_MINOR_AFTER,
  ZH_PAST,
  ZH_PREVENTION_AFTER,
  ZH_RECENT,
  ZH_TOPIC,
  ZH_TOPIC_CONTINUED,
  ZH_WHAT_TO_DO_AFTER,
} from './danger-vocabulary.js';
import { EN_SYMPTOM_GOING_ON } from './danger-vocabulary.twenty-first-pass.js';
import { BODY_SIGN_NOW } from './danger-vocabulary.twenty-second-pass.js';
import { askedOfAnyone, figurative, inGame } from './danger.hyperbole.js';
import { setAsideByKind } from './danger.kind.js';
import type { MessageContext, Span, Verdict } from './danger.message.js';
import { clauseOf, isNegated, lastEnd, leadStart, SENTENCE_END, sentenceStart, setApart } from './danger.scope.js';
import { legalVerdict } from './danger.purpose.js';
import { overWithRelief, supposedAsked, supposedInPinyin } from './danger.supposed.js';
import type { DangerFamily } from './nlu.types.js';

// Dangers of things rather than of a person's state.
const HAZARD_FAMILIES: ReadonlySet<DangerFamily> = new Set<DangerFamily>(['fire', 'gas', 'electric', 'flood', 'collapse', 'bleeding']);

// Hypothetical words count only this close before a cue (same clause): "担心老人晚上起夜摔倒".
const HYPOTHETICAL_WINDOW = 12;
// A distant-past marker counts in the cue's clause, or this close before it in the sentence.
const PAST_WINDOW = 15;

const ZH_TOPIC_G = new RegExp(ZH_TOPIC.source, 'g');
const EN_TOPIC_G = new RegExp(EN_TOPIC.source, 'g');
// Right after a topic word: the cue happened during it.
const ZH_DURING_AFTER =
  /^(?:的时候|时候|那会儿|时|中|期间|当中|上(?!课)|[^，。！？]{1,2}着[^，。！？]{1,2}着|[^，。！？]{0,2}(?:结束|散场|下课|散会|完)(?:了)?(?:后|以后|之后))/;
// Between a topic and its cue: something happened then.
const ZH_THEN = /突然|忽然|结果|这时|谁知/;
const EN_THEN = /\b(?:when|suddenly|and then)\b/;
// Before an English topic word: "during the training", "in the middle of class".
const EN_DURING_BEFORE = /\b(?:during|while|in the middle of|at)\s+(?:\S+\s+){0,3}$/;
const ZH_DISCOVERY_AFTER_JIU = /就(?:看见|看到|发现|见到|听见|听到|闻到)[^，。！？]{0,12}$/;
const ZH_CONDITIONAL_IN_CUE = /一(?:放学|下课|下班|回家|出门|有空|放假|到周末|到晚上)[^，。！？]{0,6}就/;
const ZH_TODAY_BEFORE = /今天|今早|今晚|昨晚|刚才|刚刚|现在|突然/;
// A likeness ("像被电到一样", "跟…似的"): the cue is a figure of speech.
const ZH_LIKE_BEFORE = /(?:像|好像|就像|仿佛|跟|和)[^，。！？]{0,3}$/;
const ZH_LIKE_AFTER = /^[^，。！？]{0,3}(?:一样|似的|一般)/;
// Fear or supposition inside a cue that spans words: "电热毯 担心会着火".
const ZH_FEARED_IN_CUE = /担心|害怕|万一|会不会|要是|如果|假如|防止|预防|以防/;
const ZH_IMMEDIATE_BEFORE = /(?:刚才|刚刚|突然|忽然|现在|正在|此刻)[^，。！？]{0,6}$/;
const EN_IMMEDIATE_BEFORE = /\b(?:just|suddenly|right now|currently)\b(?:\s+\S+){0,3}\s*$/;

// Self-harm and violence that are feared, threatened or told in passing still get the question.
function capOrDrop(family: DangerFamily | null): Verdict {
  return family === 'self_harm' || family === 'violence' ? 'cap' : 'drop';
}

/**
 * A class, drill, story or game in the cue's clause makes the cue a topic, unless the cue happened
 * during it ("上课的时候天花板塌了", "讲座上有个老人晕倒了", "playing a game when the ceiling fell").
 */
function isTopic(text: string, clause: Span, c: Span): boolean {
  const clauseText = text.slice(clause.start, clause.end);
  for (const [re, english] of [
    [ZH_TOPIC_G, false],
    [EN_TOPIC_G, true],
  ] as const) {
    re.lastIndex = 0;
    for (let m = re.exec(clauseText); m !== null; m = re.exec(clauseText)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      const start = clause.start + m.index;
      const end = start + m[0].length;
      const happenedDuring =
        end <= c.start &&
        (english
          ? EN_THEN.test(text.slice(end, c.start)) || EN_DURING_BEFORE.test(text.slice(clause.start, start))
          : (ZH_DURING_AFTER.test(text.slice(end, end + 6)) || ZH_THEN.test(text.slice(end, c.start))) &&
            !ZH_HABIT_IN_CLAUSE.test(clauseText) &&
            !ZH_HABIT_BEFORE.test(text.slice(clause.start, c.start)));
      if (!happenedDuring) return true;
    }
  }
  return false;
}

/** A clause that opens by pointing back ("里面…") at a topic named in the clause before it. */
function continuesTopic(text: string, breaks: Uint8Array, clause: Span): boolean {
  if (clause.start < 2 || !ZH_TOPIC_CONTINUED.test(text.slice(clause.start, clause.end))) return false;
  if (SENTENCE_END.test(text[clause.start - 1]!)) return false;
  const prev = clauseOf(breaks, clause.start - 2, clause.start - 1);
  return ZH_TOPIC.test(text.slice(prev.start, prev.end));
}

/** Reads a cue in its clause, sentence and message. */
export function weigh(
  text: string,
  breaks: Uint8Array,
  ctx: MessageContext,
  c: Span & { english: boolean; family: DangerFamily | null; firm?: boolean },
): Verdict {
  const clause = clauseOf(breaks, c.start, c.end);
  const before = text.slice(clause.start, c.start);
  const after = text.slice(c.end, clause.end);
  const clauseText = text.slice(clause.start, clause.end);
  if (isNegated(text, breaks, c)) return 'drop';
  // Experiential 过 right after a cue is a past event: "走丢过一次", "摔过", "晕倒过"; talk of
  // self-harm or violence before ("之前说过想死") still gets the question.
  if (/^过(?!来|去|气|不)/.test(text.slice(c.end, c.end + 2))) return capOrDrop(c.family);
  // "刚才", "突然", "just", "suddenly" right before a cue: an event now, whatever the topic around it.
  const immediate = ZH_IMMEDIATE_BEFORE.test(before) || (c.english && EN_IMMEDIATE_BEFORE.test(before));
  if (!immediate && (isTopic(text, clause, c) || continuesTopic(text, breaks, clause) || setApart(text, c))) return 'drop';
  // Decision 0066: a hyperbole about a trivial cause, a question asked of anyone, a danger inside a game.
  if (!immediate && (figurative(text, clause, c) || askedOfAnyone(text, c) || inGame(text, c))) return 'drop';
  // Decision 0067: a joke, a lesson, a story, a nuisance or goods soaked, with no present sign anywhere.
  if (!immediate && setAsideByKind(text, c)) return 'drop';
  // Decision 0070: a supposition asked about, relief after the danger; no present sign in the message.
  if (!immediate && (supposedAsked(text, c) || overWithRelief(text, c) || supposedInPinyin(text, clause, c))) return capOrDrop(c.family);
  if ((ctx.legal || ctx.elsewhere) && !immediate) return ctx.elsewhere ? 'drop' : legalVerdict(text, c);
  if (ctx.learning && ZH_WHAT_TO_DO_AFTER.test(after)) return 'drop';
  // Prevention asked for a lecture (decision 0046): "怎么防一氧化碳中毒 有没有讲座".
  if (ctx.learning && /(?:怎么|如何|咋)(?:防|预防|防止|避免)[^，。！？]{0,2}$/.test(before)) return 'drop';
  // A joke mark never hides a present sign (decision 0067): "摔了一跤 lol 现在腿不能动".
  if ((ZH_JEST.test(clauseText) || EN_JEST.test(clauseText)) && !BODY_SIGN_NOW.test(text)) return capOrDrop(c.family);
  const near = before.slice(-HYPOTHETICAL_WINDOW);
  const feared = ZH_HYPOTHETICAL_BEFORE.test(c.english ? before : near) || EN_HYPOTHETICAL_BEFORE.test(before) || ZH_PREVENTION_AFTER.test(after);
  if (feared) return capOrDrop(c.family);
  // Decision 0043: fear inside a cue that spans words, and a likeness.
  if (!c.english && ZH_FEARED_IN_CUE.test(text.slice(c.start, c.end))) return capOrDrop(c.family);
  if (!c.english && ZH_LIKE_BEFORE.test(before) && ZH_LIKE_AFTER.test(after)) return capOrDrop(c.family);
  const sStart = leadStart(text, sentenceStart(text, c.start), c.start);
  const lead = text.slice(sStart, c.start);
  // A habit ("老人经常摔倒", "they fight every night") is a risk or a quarrel, not an event.
  // "一看见血就晕": the cue sits between the situation and its 就.
  const conditionalAround = /一(?:到|见|看见|看到|听到|闻到|碰到|想到)/.test(before) && /^[^，。！？]{0,4}就/.test(after);
  // "一到家就看见我妈倒在地上" is one discovery, not a habit; "孩子一放学就没影了" is a habit inside the cue.
  const discovered = ZH_DISCOVERY_AFTER_JIU.test(lead);
  const conditionalInCue = ZH_CONDITIONAL_IN_CUE.test(text.slice(c.start, c.end));
  if (
    (ZH_HABIT_BEFORE.test(before) && !discovered) ||
    ZH_HABIT_IN_CLAUSE.test(before) ||
    (ZH_CONDITIONAL.test(lead) && !discovered) ||
    conditionalAround ||
    conditionalInCue ||
    (c.english && EN_HABIT.test(clauseText.replace(EN_SYMPTOM_GOING_ON, '')))
  ) {
    if (c.family === 'fall' || c.family === 'bleeding' || c.family === 'unconscious' || c.family === 'missing') return 'drop';
    if (c.family === 'violence') return 'demote';
  }
  // Long-standing ("困在家里好几个月") is a need, not an emergency; abuse that lasts is still asked about.
  if (ZH_LONG_TERM.test(clauseText)) {
    if (c.family === 'violence' || c.family === 'self_harm') return 'cap';
    if (c.family === 'trapped' || c.family === 'fall' || c.family === 'unconscious' || c.family === 'missing') return 'drop';
  }
  // Minor ("有一点烟味", "flooded the floor a bit"): a hazard this small is no emergency; a person's
  // state ("有点晕倒的感觉") still gets the question.
  if (
    c.family !== null &&
    c.firm !== true &&
    (ZH_MINOR.test(before) ||
      (HAZARD_FAMILIES.has(c.family) && (ZH_MINOR.test(text.slice(c.start, c.end)) || ZH_MINOR_AFTER.test(after))) ||
      EN_MINOR.test(clauseText))
  ) {
    if (HAZARD_FAMILIES.has(c.family)) return 'drop';
    if (c.family !== 'self_harm' && c.family !== 'violence') return 'demote';
  }
  // Distant past, unless something recent comes between it and the cue ("去年…今天又…").
  const pastLead = text.slice(Math.max(sStart, Math.min(clause.start, c.start - PAST_WINDOW)), c.start);
  const pastEnd = Math.max(lastEnd(ZH_PAST, pastLead), lastEnd(EN_PAST, pastLead));
  if (pastEnd >= 0 && !ZH_RECENT.test(pastLead.slice(pastEnd)) && !EN_RECENT.test(pastLead.slice(pastEnd))) return 'drop';
  if (c.english && (EN_PAST.test(after) || EN_PAST.test(text.slice(c.start, c.end)))) return 'drop';
  // A distant past inside a cue that spans words: "桥去年被冲垮了".
  const cueText = text.slice(c.start, c.end);
  if (!c.english && ZH_PAST.test(cueText) && !ZH_RECENT.test(cueText)) return 'drop';
  // Recovery around it, unless the cue itself is today's: "陪我爸去复查，另外他今天早上吐了一大口血".
  if (ctx.recovery && !immediate && !ZH_TODAY_BEFORE.test(before)) return capOrDrop(c.family);
  if (ctx.legalSoft && c.family === 'violence') return 'cap';
  if (ctx.hardship && c.family === 'self_harm' && c.firm !== true) return 'demote';
  return 'keep';
}

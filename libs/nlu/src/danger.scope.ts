// The scope of a cue (decision 0055): what a cue is about before it is weighed. Read by
// danger.context.ts (weigh) and danger.detector.ts, kept here so neither grows:
// - a denial: a negation before the cue, a denied intent ("没想过伤害自己"), or a cue running over
//   a clause end whose last clause opens with a denial ("燃气的，没有异味");
// - an animal: the cue's sentence up to it names an animal and no person ("猫从楼上掉下去了");
// - set apart: a staged or fictional setting before it in its sentence (a drill, a show, a film, a
//   song), the scene of a story after it ("洪水戏"), a name given to it ("歌叫 Fire"), a year long gone;
// - a story, a book or a song before it ("课本上讲", "主人公最后…"), a time decades ago ("二十年前"),
//   a request to be taught or a drill in its sentence (decision 0056).
// The turn to another matter is read by danger.turn.ts (re-exported here for the detector).
import {
  ANIMAL_ANY,
  ANIMAL_OWNER_OR_HELPER,
  DURING_STAGED,
  EN_STOPPED_BEFORE,
  NAMED_BEFORE,
  NAMED_BEFORE_EN,
  STAGED_AFTER,
  YEAR_BEFORE,
  ZH_DENIAL_OPENING,
  ZH_DENIED_INTENT_BEFORE,
  ZH_STAGED_BEFORE,
} from './danger-vocabulary.thirteenth-pass.js';
import { LONG_AGO_BEFORE, TRAINING_REQUEST, ZH_DENIAL_OPENING_SIGNS, ZH_TOLD_BEFORE } from './danger-vocabulary.fourteenth-pass.js';
import { EN_ANIMAL_AGENT, EN_HUMAN, EN_NEGATION_BEFORE, ZH_ANIMAL_AGENT, ZH_HUMAN, ZH_NEGATION_BEFORE } from './danger-vocabulary.js';
import type { MessageContext, Span } from './danger.message.js';
import { framed } from './danger.frame.js';
import type { DangerFamily } from './nlu.types.js';

export { leadStart, turnContexts } from './danger.turn.js';

export const SENTENCE_END = /[。！？!?\n\r]/;
// How far a story, a book or a song before a cue still frames it, in characters.
const TOLD_REACH = 40;

// Families of a body in danger: set aside when the message speaks of an animal and no person.
const BODY_FAMILIES: ReadonlySet<DangerFamily> = new Set<DangerFamily>(['fall', 'bleeding', 'unconscious', 'trapped', 'missing']);
// And, when the animal is the one the cue is about, falling from a height, water coming in and, with
// no person anywhere in the message, a pen or a shed falling in (decision 0070).
const ANIMAL_CUE_FAMILIES: ReadonlySet<DangerFamily> = new Set<DangerFamily>([...BODY_FAMILIES, 'self_harm', 'flood', 'collapse']);

/** The clause around a span: from the break before it to the break after it. */
export function clauseOf(breaks: Uint8Array, start: number, end: number): Span {
  let s = start;
  while (s > 0 && !breaks[s - 1]) s--;
  let e = Math.max(end, start);
  while (e < breaks.length && !breaks[e]) e++;
  return { start: s, end: e };
}

/** Where the sentence holding `start` begins (after the last 。！？ or line break before it). */
export function sentenceStart(text: string, start: number): number {
  let s = start;
  while (s > 0 && !SENTENCE_END.test(text[s - 1]!)) s--;
  return s;
}

/** The end of the last match of `re` in `text`, or -1. */
export function lastEnd(re: RegExp, text: string): number {
  const g = new RegExp(re.source, 'g');
  let end = -1;
  for (let m = g.exec(text); m !== null; m = g.exec(text)) {
    end = m.index + m[0].length;
    if (m[0].length === 0) g.lastIndex++;
  }
  return end;
}

/** A cue the resident denies: "没有着火", "没想过伤害自己", "燃气的，没有异味", "it stopped bleeding". */
export function isNegated(text: string, breaks: Uint8Array, c: Span & { english: boolean; family?: DangerFamily | null }): boolean {
  const before = text.slice(clauseOf(breaks, c.start, c.end).start, c.start);
  if (c.english) return EN_NEGATION_BEFORE.test(before) || (c.family === 'bleeding' && EN_STOPPED_BEFORE.test(before));
  if (ZH_NEGATION_BEFORE.test(before) || ZH_DENIED_INTENT_BEFORE.test(before)) return true;
  const lastBreak = breaks.subarray(c.start, c.end).lastIndexOf(1);
  if (lastBreak < 0) return false;
  const last = text.slice(c.start + lastBreak + 1, c.end);
  return ZH_DENIAL_OPENING.test(last) || ZH_DENIAL_OPENING_SIGNS.test(last);
}

/**
 * A cue about an animal: the message names no person, or the cue's clause names an animal before
 * it (its subject: "猫从楼上掉下去了", "猪圈进水了", "our cat got stuck") and no person, and no animal
 * in the message does harm ("狗…咬了好几个人").
 */
export function aboutAnimal(text: string, breaks: Uint8Array, ctx: MessageContext, c: Span & { family: DangerFamily }): boolean {
  if (ctx.animalOnly && BODY_FAMILIES.has(c.family)) return true;
  if (!ANIMAL_CUE_FAMILIES.has(c.family) || ZH_ANIMAL_AGENT.test(text) || EN_ANIMAL_AGENT.test(text)) return false;
  const people = (t: string) => ZH_HUMAN.test(t) || EN_HUMAN.test(t);
  // An animal and no person once owners ("我的 kitten") and calls for helpers ("有没有人帮忙") are left out.
  const noPerson = !people(text.replace(ANIMAL_OWNER_OR_HELPER, ''));
  if (BODY_FAMILIES.has(c.family) && noPerson && ANIMAL_ANY.test(text)) return true;
  const clause = clauseOf(breaks, c.start, c.end);
  const subject = text.slice(clause.start, c.start).replace(ANIMAL_OWNER_OR_HELPER, '');
  // Decision 0070: a pen of animals that fell in, and no person named anywhere ("猪圈塌了，压住了两头猪").
  if (c.family === 'collapse') return noPerson && ANIMAL_ANY.test(subject + text.slice(c.start, c.end));
  // Water that carries animals off ("把猪圈冲走了", "鸡都冲走了") is a flood wherever people are.
  if (c.family === 'flood' && (/把/.test(subject) || !noPerson)) return false;
  // Decision 0066: water that carries an animal named inside the cue ("河里有条狗被水冲走").
  const about = c.family === 'flood' ? subject + text.slice(c.start, c.end) : subject;
  return ANIMAL_ANY.test(about) && !people(text.slice(clause.start, clause.end).replace(ANIMAL_OWNER_OR_HELPER, ''));
}

/** The end of the sentence around an offset. */
function sentenceEnd(text: string, end: number): number {
  let e = end;
  while (e < text.length && !SENTENCE_END.test(text[e]!)) e++;
  return e;
}

/**
 * A cue in a staged or fictional setting, a story, a book or a song, the scene of a story, a name,
 * a year long gone or decades ago, or a sentence asking to be taught or to hold a drill; a report,
 * a fear or a denial that frames it (danger.frame.ts, decision 0058).
 */
export function setApart(text: string, c: Span & { english: boolean; family?: DangerFamily | null }): boolean {
  const from = sentenceStart(text, c.start);
  if (framed(text, { start: from, end: sentenceEnd(text, c.end) }, c)) return true;
  const lead = text.slice(from, c.start);
  if (NAMED_BEFORE.test(lead) || (c.english && NAMED_BEFORE_EN.test(lead)) || YEAR_BEFORE.test(lead) || LONG_AGO_BEFORE.test(lead)) return true;
  for (const setting of [ZH_STAGED_BEFORE, ZH_TOLD_BEFORE]) {
    const staged = lastEnd(setting, lead);
    // A story or a club told long before the cue, in a run without stops, frames it no more (decision 0058).
    if (setting === ZH_TOLD_BEFORE && staged >= 0 && lead.length - staged > TOLD_REACH) continue;
    if (staged >= 0 && !DURING_STAGED.test(lead.slice(staged))) return true;
  }
  if (TRAINING_REQUEST.test(text.slice(from, sentenceEnd(text, c.end)))) return true;
  return STAGED_AFTER.test(text.slice(c.end, c.end + 10));
}

// The purpose of a message (decision 0064): what the writer asks a cue for, read by danger.frame.ts
// and danger.context.ts (weigh), kept here so neither grows:
// - taught or learned: a purpose of teaching or learning named (给老人讲课用, 想学, a play's plot) and a
//   how-to question after the cue ("电线掉地上了应该怎么绕开 想给孩子讲讲"), unless something is
//   happening now (突然, 刚才, 救命); the signs before a danger asked about ("滑坡前会有啥征兆");
// - property only: a collapse or a flood of land, crops or a fence (or of an empty building, decision
//   0063) with nobody hurt, under or inside;
// - a threat told now inside a question about money or the law: the legal frame (decision 0040's
//   aftermath) no longer drops it but keeps it as a question ("讨债的堵在门口 说再不还钱就弄死我").
import { ZH_HUMAN } from './danger-vocabulary.js';
import { EMPTY_PLACE, PERSON_HURT } from './danger-vocabulary.nineteenth-pass.js';
import {
  HAPPENING_NOW,
  HOW_TO_AFTER,
  MIND_WHAT_AFTER,
  PEOPLE_OR_HOMES,
  PROPERTY_ONLY,
  SIGNS_BEFORE_AFTER,
  TAUGHT_PURPOSE,
  THREAT_NOW,
  THREAT_PAST,
} from './danger-vocabulary.twentieth-pass.js';
import { GENERIC_WHEN, PREPARED_PURPOSE } from './danger-vocabulary.twenty-first-pass.js';
import type { Span, Verdict } from './danger.message.js';
import type { DangerFamily } from './nlu.types.js';

type Cue = Span & { english: boolean; family?: DangerFamily | null };

// A play's plot before the cue frames it without a question (a show or a rehearsal going on does not).
const PLOT_BEFORE = /剧情|剧本/;
// How far around a cue a threat's "now" is looked for, in characters.
const THREAT_REACH = 40;

/** A cue asked about to learn or to teach, or the signs before it asked about. */
export function taughtOrAskedAbout(text: string, c: Cue): boolean {
  if (c.english || c.family === 'self_harm') return false;
  const after = text.slice(c.end);
  if (SIGNS_BEFORE_AFTER.test(after)) return true;
  // A practice with a thing (no 了 in the cue or right after it) and what to mind in it.
  const thing = c.family === 'fire' || c.family === 'gas' || c.family === 'electric' || c.family === 'flood' || c.family === 'collapse';
  if (thing && !/了/.test(text.slice(c.start, c.end + 2)) && MIND_WHAT_AFTER.test(after)) return true;
  // Decision 0066: preparing ahead is a purpose too; a "when" that opens a how-to is no moment.
  const prepared = PREPARED_PURPOSE.test(text) && !/了/.test(text.slice(c.start, c.end + 2));
  if (!(TAUGHT_PURPOSE.test(text) || prepared) || HAPPENING_NOW.test(text.replace(GENERIC_WHEN, ''))) return false;
  return HOW_TO_AFTER.test(after) || PLOT_BEFORE.test(text.slice(0, c.start));
}

/** A collapse or a flood of an empty building, of land, crops or a fence, with nobody hurt. */
export function propertyOnly(text: string, sentence: Span, c: Cue): boolean {
  if (c.family !== 'collapse' && c.family !== 'flood') return false;
  const empty = new RegExp(EMPTY_PLACE.source, 'g');
  if (empty.test(text)) return !PERSON_HURT.test(text.replace(empty, ''));
  if (!PROPERTY_ONLY.test(text.slice(sentence.start, sentence.end))) return false;
  const rest = text.replace(PROPERTY_ONLY, '');
  return !ZH_HUMAN.test(rest) && !PEOPLE_OR_HOMES.test(rest);
}

/** In a message about money or the law: a threat or an attack told now is kept as a question, anything else is aftermath. */
export function legalVerdict(text: string, c: Cue): Verdict {
  if (c.family !== 'violence') return 'drop';
  const around = text.slice(Math.max(0, c.start - THREAT_REACH), c.end + THREAT_REACH / 2);
  return THREAT_NOW.test(around) && !THREAT_PAST.test(around) ? 'cap' : 'drop';
}

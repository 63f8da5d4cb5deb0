// Figures and questions read by their frame (decision 0066), for weigh (danger.context.ts):
// - a hyperbole: a trivial cause with a degree mark and a death or harm word ("这道题难得我想跳楼",
//   "午饭难吃到想死", "车位又被占了 我要原地爆炸了"), or a feeling with a harm word ("饿晕了", "气晕了"),
//   is a figure unless a real danger sign sits anywhere in the message (a method, a place, a time, a
//   body sign, a call to the services, 真的, 不是开玩笑). Self-harm is read so only when the cause is in
//   the cue's own clause and tied to it by 得 or 到 ("考试没考好 我想死" stays danger);
// - a question asked of anyone: "如果遇到家暴 应该打什么电话", "如果有人晕倒 是先打120还是先按压";
// - a danger inside a game: "打游戏 队友被困在矿洞里".
import { HAPPENING_NOW } from './danger-vocabulary.twentieth-pass.js';
import {
  DEGREE_MARK,
  EVENT_BETWEEN,
  FEELING_FIGURE,
  FIGURE_HARM,
  GAME_PERSON,
  GENERIC_HOW,
  GENERIC_IF,
  IN_GAME,
  OTHER_FAINTED,
  REAL_SIGNAL,
  SELF_HARM_WEIGHT,
  TRIVIAL_CAUSE,
} from './danger-vocabulary.twenty-first-pass.js';
import type { Span } from './danger.message.js';
import type { DangerFamily } from './nlu.types.js';

type Cue = Span & { english: boolean; family: DangerFamily | null };

// Families whose words are figures after a trivial cause; null is a call for help.
const FIGURE_FAMILIES: ReadonlySet<DangerFamily | null> = new Set<DangerFamily | null>([null, 'self_harm', 'unconscious', 'fire', 'flood', 'collapse']);
// How far before a cue (or a figure word) its trivial cause is looked for, in characters.
const CAUSE_REACH = 24;
// How far before a cue a question's "if" is looked for.
const IF_REACH = 20;

/** The last trivial cause in `lead`, and the text after it. */
function afterCause(lead: string): string | null {
  const re = new RegExp(TRIVIAL_CAUSE.source, 'g');
  let end = -1;
  for (let m = re.exec(lead); m !== null; m = re.exec(lead)) end = m.index + m[0].length;
  return end < 0 ? null : lead.slice(end);
}

/** A harm word at `at` (length `len`) that is a figure about a trivial cause before it. */
function figureAt(text: string, at: number, len: number, from: number, selfHarm: boolean): boolean {
  if (FEELING_FIGURE.test(text.slice(Math.max(0, at - 4), at + len + 1)) && !selfHarm) return true;
  const between = afterCause(text.slice(Math.max(from, at - CAUSE_REACH), at));
  if (between === null || EVENT_BETWEEN.test(between)) return false;
  return selfHarm ? /[得到]/.test(between) : DEGREE_MARK.test(between) || DEGREE_MARK.test(text.slice(at, at + 1));
}

/** A hyperbole about a trivial cause, with no real danger sign in the message. */
export function figurative(text: string, clause: Span, c: Cue): boolean {
  if (c.english || !FIGURE_FAMILIES.has(c.family) || REAL_SIGNAL.test(text)) return false;
  const selfHarm = c.family === 'self_harm' || c.family === 'violence';
  if (c.family === null) {
    // A call for help after a figure: "快被逼疯了 谁来救救我".
    const harm = new RegExp(FIGURE_HARM.source, 'g');
    for (let m = harm.exec(text.slice(0, c.start)); m !== null; m = harm.exec(text.slice(0, c.start))) {
      if (figureAt(text, m.index, m[0].length, 0, false)) return true;
    }
    return false;
  }
  if (!FIGURE_HARM.test(text.slice(c.start, c.end))) return false;
  if (selfHarm && SELF_HARM_WEIGHT.test(text)) return false;
  if (c.family === 'unconscious' && OTHER_FAINTED.test(text.slice(Math.max(0, c.start - 8), c.start))) return false;
  return figureAt(text, c.start, c.end - c.start, selfHarm ? clause.start : 0, selfHarm);
}

/** A question asked of anyone, not of a case happening: an "if" of anyone before the cue, a how-to after it. */
export function askedOfAnyone(text: string, c: Cue): boolean {
  if (c.english || c.family === 'self_harm' || HAPPENING_NOW.test(text)) return false;
  const asked = GENERIC_IF.exec(text.slice(Math.max(0, c.start - IF_REACH), c.end));
  // Violence is set aside only as something met ("如果遇到家暴"), not as "如果有人打我".
  if (!asked || (c.family === 'violence' && !/遇|碰/.test(asked[0]))) return false;
  return GENERIC_HOW.test(text.slice(c.end));
}

/** A danger to someone inside a game being played. */
export function inGame(text: string, c: Cue): boolean {
  if (c.english || c.family === 'self_harm' || !IN_GAME.test(text) || REAL_SIGNAL.test(text)) return false;
  return GAME_PERSON.test(text.slice(Math.max(0, c.start - 12), c.end + 4));
}

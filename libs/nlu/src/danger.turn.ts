// The turn to another matter (decisions 0055, 0056): a message that says one ordinary thing and
// then turns to another is read in two parts. Cues after the turn get the message context of the
// text from the turn on, so what came before it (a question about legal aid, a class, a subsidy, a
// festival) can no longer set them aside. Two kinds of turn:
// - a marker that stands on its own ("哦还有", "话说回来", "还有一件事", "对了", "另外说一下",
//   "oh and", "also,", "by the way"), wherever the message opens (TURN_ANYWHERE);
// - a softer one ("其实", "刚才", "另外", "actually", "just now"), only after a message that opens
//   with an ordinary question (ORDINARY_OPENING, TURN): alone it is too common to cut a message.
// The context only moves the turn's own cues; the cues before it keep the whole message's.
import { TURN_ANYWHERE } from './danger-vocabulary.fourteenth-pass.js';
import { TURN_ANYWHERE_NINETEENTH } from './danger-vocabulary.nineteenth-pass.js';
import { ORDINARY_OPENING, TURN } from './danger-vocabulary.thirteenth-pass.js';
import type { MessageContext } from './danger.message.js';

/** Where the message turns to another matter, or -1: the first turn after its opening words. */
export function turnOffset(text: string): number {
  const opening = ORDINARY_OPENING.exec(text);
  let at = -1;
  if (opening) {
    const soft = new RegExp(TURN.source, 'g');
    soft.lastIndex = opening.index + opening[0].length;
    at = soft.exec(text)?.index ?? -1;
  }
  // A marker that stands on its own turns only after something was said before it.
  const marker = new RegExp(`${TURN_ANYWHERE.source}|${TURN_ANYWHERE_NINETEENTH.source}`, 'g');
  for (let m = marker.exec(text); m !== null; m = marker.exec(text)) {
    if (m.index >= 4) {
      if (at < 0 || m.index < at) at = m.index;
      break;
    }
    if (m[0].length === 0) marker.lastIndex++;
  }
  return at;
}

let lastTurn: { text: string; turn: number } = { text: '', turn: -1 };

/**
 * Where the lead of a cue at `start` begins for the frames of its sentence (a condition, a habit):
 * at the turn when the message turned to another matter before the cue (decision 0063), so "一到夏天就臭
 * … 还有就是 我儿子 … 没回来" is not read as a habit.
 */
export function leadStart(text: string, sentenceFrom: number, start: number): number {
  // Every cue of a message asks: its turn is found once (the last message read is remembered).
  if (lastTurn.text !== text) lastTurn = { text, turn: turnOffset(text) };
  const turn = lastTurn.turn;
  return turn > sentenceFrom && turn <= start ? turn : sentenceFrom;
}

/**
 * The message context for each offset: after the turn, the context of the text from the turn on;
 * elsewhere, of the whole message.
 */
export function turnContexts(text: string, read: (t: string) => MessageContext): { whole: MessageContext; at: (offset: number) => MessageContext } {
  const whole = read(text);
  const turn = turnOffset(text);
  if (turn < 0) return { whole, at: () => whole };
  const tail = read(text.slice(turn));
  return { whole, at: (offset) => (offset >= turn ? tail : whole) };
}

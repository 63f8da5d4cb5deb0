// The tail told after a request (decision 0073): a long message that opens with an ordinary question
// or request ("想咨询一下孩子上幼儿园要办什么手续", "请问残联的助听器补贴怎么申请", "麻烦帮我预约一下") and
// then turns ("还有就是", "还有", "另外", "对了", "刚才", "现在", "by the way", "also", "oh and") to
// something that happened is read twice: as a whole, and from each turn on as if the tail were a
// message of its own — by the rules and by the learned vote — and the gravest reading counts. The
// opening question's frame (asked, a benefit, a form) then neither caps nor sets aside a danger told
// after the turn, and the learned vote is not diluted by the request's ordinary words. A tail read on
// its own keeps every frame of its own words, so a tail asked to learn ("还有就是，万一着火了怎么办")
// stays a question, and an ordinary tail stays ordinary. The turn of decisions 0055/0056 (danger.turn.ts)
// only moves the context of the cues the rules find in the whole message; this reading finds what the
// whole message hides.
import { isAsked } from './danger.asked.js';
import type { DangerAssessment } from './nlu.types.js';

/**
 * A turn to another matter, in Chinese or English; the tail starts at the marker (刚才, 现在 are part of
 * what is told). Not "刚才说的是…", which goes back to what was said (the TURN of decision 0055).
 */
const TURN_MARK =
  /还有就是|还有(?:一件|个)事|(?:哦|噢|哎)?还有|另外(?:一件事|说一下|说下)?|对了|顺便(?:说|提|讲)(?:一下|下|一句)?|话说回来|(?:刚才|刚刚|现在)(?![^，。！？,.!?]{0,2}(?:说|提|讲|问|聊)(?:的|过|到))|其实|\b(?:by the way|btw|oh,? and|also|and also|just now|right now|actually)\b/gi;
/** A request or a thank-you before the turn, beside a question (isAsked): the opening the tail turns from. */
const REQUEST =
  /麻烦|帮(?:我|忙|俺)|预约|申请|报名|办理|想办|想了解|打听|谢谢|感谢|\b(?:please|could you|can you|i'd like|i would like|i want to (?:ask|know)|thank)/i;
/** The opening must say something first: a few characters of request before the turn. */
const MIN_HEAD = 6;
/** A tail shorter than this is no message of its own ("还有吗", "现在呢"). */
const MIN_TAIL = 6;
/** At most this many tails are read (the first turns after the request). */
const MAX_TAILS = 3;

/**
 * Where each tail of the message starts: the offset of every turn marker (up to MAX_TAILS) after an
 * opening that asks or requests; empty when the message does not turn from a request.
 */
export function tailOffsets(text: string): number[] {
  const out: number[] = [];
  const marker = new RegExp(TURN_MARK.source, 'gi');
  for (let m = marker.exec(text); m !== null && out.length < MAX_TAILS; m = marker.exec(text)) {
    if (m[0].length === 0) {
      marker.lastIndex++;
      continue;
    }
    if (m.index < MIN_HEAD || text.length - m.index < MIN_TAIL) continue;
    const head = text.slice(0, m.index).toLowerCase();
    if (!isAsked(head) && !REQUEST.test(head)) continue;
    // A marker right after another (还有刚才, 对了现在) starts the same tail.
    if (out.length > 0 && m.index - out[out.length - 1]! <= 4) continue;
    out.push(m.index);
  }
  return out;
}

const RANK: Record<DangerAssessment['level'], number> = { none: 0, possible: 1, likely: 2 };

/**
 * The gravest of a message's reading and its tails' readings (`readOne` reads a text as a message of
 * its own); a tail's signals point into the whole message.
 */
export function withTails(text: string, whole: DangerAssessment, readOne: (t: string) => DangerAssessment): DangerAssessment {
  if (whole.level === 'likely') return whole;
  let best = whole;
  for (const at of tailOffsets(text)) {
    const tail = readOne(text.slice(at));
    if (RANK[tail.level] <= RANK[best.level]) continue;
    best = { ...tail, signals: tail.signals.map((s) => ({ ...s, start: s.start + at, end: s.end + at })) };
  }
  return best;
}

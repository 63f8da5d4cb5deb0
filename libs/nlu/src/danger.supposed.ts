// Readings of the twenty-fifth pass (decision 0070), for weigh (danger.context.ts). Many false alarms
// on a stranger's set are messages whose frame, read over the whole sentence rather than a few
// characters before the cue, says that nothing is happening now. Each reading sets a cue
// aside only when no present sign is anywhere in the message (PRESENT_SIGN, NOW_MARK: something
// going on now, a body sign, the services), so a frame never cancels a danger told beside it:
// - a supposition asked about: an "if" (万一, 如果, 假如, 要是, 假设, 倘若; if, what if, in case)
//   earlier in the cue's sentence, however far, and a what-to-do question after the cue
//   ("万一老人半夜出门，找不到回家的路了，该怎么办"); an "if" of courtesy ("如果方便的话") is none.
//   "万一他真跳下去怎么办 他现在就站在楼顶边上" keeps its danger (现在, 楼顶: a present sign).
// - relief after a danger that is done once it has happened (a collapse, a fall, a lift or a room
//   that shut): a relief word after the cue, then in its clause no one there or everyone safe
//   ("吊顶泡塌了一块，幸好下面没人", "luckily nobody was inside"); a fire, gas, water or a live wire
//   can still spread with no one there ("着火了，幸好没人，火越烧越大") and is left to the rules; "还好好的" and
//   "精神还好" are no relief. Here the present signs are PRESENT_SIGN's and English ones (已经 of
//   NOW_MARK is how a danger over is told).
// - a supposition or prevention written in pinyin before a cue in pinyin, in its clause ("ruhe
//   yufang laoren shuaidao"): the pinyin of the words the rules read before a Chinese cue.
// Self-harm and violence keep the question (capped, as every fear in weigh is).
import { NOW_MARK } from './danger-vocabulary.eighteenth-pass.js';
import { PRESENT_SIGN } from './danger-vocabulary.twenty-second-pass.js';
import type { Span } from './danger.message.js';
import type { DangerFamily } from './nlu.types.js';
import { sentenceStart } from './danger.scope.js';

/** An "if" that opens a supposition; not one of courtesy ("如果方便", "如果可以的话", "if possible"). */
const ZH_SUPPOSE = /(?:万一|如果|假如|假设|要是|倘若|若是)(?!方便|可以|可能的话|有空|需要|您|你们|能的话|不麻烦)/;
const EN_SUPPOSE = /\b(?:what if|in case|if)\b(?!\s+(?:possible|you can|you could|you have time|convenient|needed))/;
/** A question of what to do, asked after the cue. */
const WHAT_TO_DO =
  /怎么办|咋办|咋整|怎么处理|如何处理|(?:该|要|应该)(?:怎么|如何|咋)|怎么做|(?:该|要|应该)做(?:什么|啥)|先做什么|第一步|(?:要|该)?注意(?:些|点)?(?:什么|啥)|\bwhat (?:should|do|would|can) (?:i|we|you|they)\b|\bhow (?:should|do|can) (?:i|we|you)\b|\bwhat to do\b/;
/** English signs of now, beside PRESENT_SIGN's Chinese ones. */
const EN_PRESENT = /\b(?:right now|now|currently|just|still|bleeding|can'?t (?:breathe|move|get up|wake)|unconscious|ambulance|911|999)\b/;

/** Relief, then no one there or everyone safe, in the same clause. */
const ZH_RELIEF = /(?:还好|幸好|幸亏|好在|万幸|所幸)(?!好)[^，。！？,!?;；]{0,6}(?:没|不在|都(?:在|跑|出|撤|没|好)|人都)/;
const EN_RELIEF = /\b(?:luckily|fortunately|thankfully)\b[^.!?;]{0,12}\b(?:no ?one|nobody|everyone|everybody|all of us)\b/;

/** Pinyin of 如果, 万一, 假如, 要是, 预防, 防止, 如何, 怎样, 担心, 害怕 (with or without spaces). */
const PINYIN_SUPPOSE = /\b(?:ru ?guo|wan ?yi|jia ?ru|yao ?shi|yu ?fang|fang ?zhi|ru ?he|zen ?me ?yang|dan ?xin|hai ?pa)\b/;

/** No present sign anywhere in the message. */
function nothingNow(text: string): boolean {
  return !PRESENT_SIGN.test(text) && !NOW_MARK.test(text) && !EN_PRESENT.test(text);
}

/** A cue inside a supposition asked about, with no present sign in the message (see the list at the top). */
export function supposedAsked(text: string, c: Span): boolean {
  if (!nothingNow(text)) return false;
  const lead = text.slice(sentenceStart(text, c.start), c.start);
  if (!ZH_SUPPOSE.test(lead) && !EN_SUPPOSE.test(lead)) return false;
  return WHAT_TO_DO.test(text.slice(c.end));
}

// Dangers that are done once they have happened: relief that no one was there answers them.
const DONE_FAMILIES: ReadonlySet<DangerFamily | null> = new Set<DangerFamily | null>(['collapse', 'fall', 'trapped']);

/** A cue of a danger done, followed by relief that no one was there or everyone is safe, with no present sign in the message. */
export function overWithRelief(text: string, c: Span & { family: DangerFamily | null }): boolean {
  if (!DONE_FAMILIES.has(c.family) || PRESENT_SIGN.test(text) || EN_PRESENT.test(text)) return false;
  const after = text.slice(c.end);
  return ZH_RELIEF.test(after) || EN_RELIEF.test(after);
}

/** A cue in pinyin after a supposition or prevention in pinyin in its clause, with no present sign in the message. */
export function supposedInPinyin(text: string, clause: Span, c: Span & { english: boolean }): boolean {
  return c.english && nothingNow(text) && PINYIN_SUPPOSE.test(text.slice(clause.start, c.start));
}

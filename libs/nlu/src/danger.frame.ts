// The frame of a cue (decision 0058): a cue can be true as words and still no danger now, because
// of what frames it in its sentence. Read by danger.scope.ts (setApart), kept here so scope stays small:
// - reported: someone else's danger seen on the news, on television or on a short-video app
//   ("看电视说有人煤气中毒"), unless it happened during it ("看电视的时候突然晕倒了");
// - feared: a practice followed by a fear or a preventive step ("烧炭取暖 我怕有危险 …装个报警器",
//   "烧起来怎么办 要不要提前清" "in case we need it"), for the families of things, and only when the cue is no
//   event ("着火了 我怕有危险" stays); a fear that it will happen before it ("总觉得自己会被困…");
// - not meant: a denial right before it ("不是要想不开");
// - in general (decision 0061): a habit before it ("每年都淹死人", "floods every spring"), hearsay of
//   what could happen ("听说中暑会死人"), or a story or a post about it ("a story about a drowning"),
//   unless the sentence says it is happening now (今天, 已经, now);
// - prevention, rumour, property (decision 0063): a fear or a prevention word before a cue that is no
//   event, with a device, a repair or a talk wanted ("怕他走丢 有什么定位的", "怕起火 喊个师傅来换"); a
//   rumour asked about ("群里传说水库要垮了 是真的吗"); a report on a medium named in English ("看 news
//   说"); a collapse or a flood of an empty building with nobody hurt ("老房子没人住 屋顶塌了").
// A present threat feared ("我怕他今晚真的会动手") is a threat said, read by the cues as before.
import { FEAR_AFTER, ZH_FEAR_WILL_BEFORE, ZH_NOT_MEANT_BEFORE, ZH_REPORTED_BEFORE } from './danger-vocabulary.fifteenth-pass.js';
import { DURING_STAGED } from './danger-vocabulary.thirteenth-pass.js';
import {
  EN_HABITUAL_AFTER,
  EN_TOLD_ABOUT_BEFORE,
  NOW_MARK,
  ZH_COULD_AFTER,
  ZH_COULD_BEFORE,
  ZH_HABITUAL_BEFORE,
  ZH_HEARSAY_BEFORE,
} from './danger-vocabulary.eighteenth-pass.js';
import { PREVENTIVE_WANT, ZH_FEAR_WORD, ZH_REPORTED_MIXED_BEFORE, ZH_RUMOUR_BEFORE, ZH_TRUTH_QUESTION } from './danger-vocabulary.nineteenth-pass.js';
import { OWN_PLACE, PREVENTIVE_WANT_MORE, ZH_SEEN_ON_MEDIUM_BEFORE } from './danger-vocabulary.twentieth-pass.js';
import type { Span } from './danger.message.js';
import { propertyOnly, taughtOrAskedAbout } from './danger.purpose.js';
import type { DangerFamily } from './nlu.types.js';

// Dangers of things: a practice with them can be feared without anything happening.
const THING_FAMILIES: ReadonlySet<DangerFamily> = new Set<DangerFamily>(['fire', 'gas', 'electric', 'flood', 'collapse']);
// An event, not a practice: the cue or the two characters after it say it happened.
const EVENT_MARK = /了|着了|起来了/;
// A smell or smoke sensed now is an event too, whatever is feared next ("煤气味好重 我怕会爆炸 要不要装
// 报警器" is a leak, not a question about a practice): an intensity after the cue, or a sensing
// verb or measure word just before it.
const SENSED_AFTER = /^[味烟]?[儿道]?(好|很|特别|太|超|老|有点|越来越|这么|那么)?(重|浓|大|冲|呛|刺鼻|难闻)/;
const SENSED_BEFORE = /(闻到|闻着|闻见|一股|有股|一阵|满屋|满屋子|全是|都是)[^，。！？,.!?\s]{0,2}$/;

/** A smell or smoke sensed now (see SENSED_AFTER). */
function sensed(text: string, c: Span, lead: string): boolean {
  return SENSED_AFTER.test(text.slice(c.end, c.end + 6)) || SENSED_AFTER.test(text.slice(c.end - 1, c.end + 6)) || SENSED_BEFORE.test(lead);
}

/** A cue framed as a report of someone else, a fear or prevention, or a denial. */
export function framed(text: string, sentence: Span, c: Span & { english: boolean; family?: DangerFamily | null }): boolean {
  const lead = text.slice(sentence.start, c.start);
  const reported = new RegExp(ZH_REPORTED_BEFORE.source, 'g');
  let reportEnd = -1;
  for (let m = reported.exec(lead); m !== null; m = reported.exec(lead)) reportEnd = m.index + m[0].length;
  if (reportEnd >= 0 && !DURING_STAGED.test(lead.slice(reportEnd))) return true;
  if (!c.english && (ZH_FEAR_WILL_BEFORE.test(lead) || ZH_NOT_MEANT_BEFORE.test(lead))) return true;
  if (inGeneral(text, sentence, c, lead) || preventedRumouredOrEmpty(text, sentence, c, lead) || taughtOrAskedAbout(text, c)) return true;
  if (c.family && THING_FAMILIES.has(c.family) && !EVENT_MARK.test(text.slice(c.start, c.end + 2)) && !sensed(text, c, lead)) {
    return FEAR_AFTER.test(text.slice(c.end, sentence.end));
  }
  return false;
}

/** A danger in general: a habit, hearsay of what could happen or a story about it, and nothing said to happen now. */
function inGeneral(text: string, sentence: Span, c: Span & { english: boolean; family?: DangerFamily | null }, lead: string): boolean {
  if (NOW_MARK.test(text.slice(sentence.start, sentence.end))) return false;
  const after = text.slice(c.end, sentence.end);
  // A habit is one of a place (a river, a basement), not of a person.
  const habitual = c.family != null && THING_FAMILIES.has(c.family);
  if (c.english) return (habitual && EN_HABITUAL_AFTER.test(after)) || EN_TOLD_ABOUT_BEFORE.test(lead);
  return (
    (habitual && ZH_HABITUAL_BEFORE.test(text.slice(sentence.start, c.end))) ||
    (ZH_HEARSAY_BEFORE.test(lead) && (ZH_COULD_AFTER.test(after) || ZH_COULD_BEFORE.test(lead)))
  );
}

/** A fear or prevention with a device or a talk wanted, a rumour asked about, a report named in English, an empty building (decision 0063). */
function preventedRumouredOrEmpty(text: string, sentence: Span, c: Span & { english: boolean; family?: DangerFamily | null }, lead: string): boolean {
  if (c.english) return false;
  if (ZH_REPORTED_MIXED_BEFORE.test(lead)) return true;
  if (ZH_SEEN_ON_MEDIUM_BEFORE.test(text.slice(sentence.start, c.end)) && !OWN_PLACE.test(text)) return true;
  if (c.family === 'self_harm' || c.family === 'violence') return false;
  const from = Math.max(sentence.start, c.start - 12);
  const fear = new RegExp(ZH_FEAR_WORD.source, 'g');
  let fearAt = -1;
  for (let m = fear.exec(text.slice(from, c.end)); m !== null; m = fear.exec(text.slice(from, c.end))) fearAt = from + m.index;
  if (
    fearAt >= 0 &&
    !EVENT_MARK.test(text.slice(fearAt, c.end + 2)) &&
    !sensed(text, c, lead) &&
    (PREVENTIVE_WANT.test(text) || PREVENTIVE_WANT_MORE.test(text))
  )
    return true;
  const thing = c.family != null && THING_FAMILIES.has(c.family);
  if (thing && ZH_RUMOUR_BEFORE.test(lead) && ZH_TRUTH_QUESTION.test(text.slice(c.end))) return true;
  return propertyOnly(text, sentence, c);
}

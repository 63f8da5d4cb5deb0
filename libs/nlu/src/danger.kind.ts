// Frames by the kind of message (decision 0067), for weigh (danger.context.ts). Each sets a cue
// aside only when no present sign is anywhere in the message (something going on now, a body sign,
// the services: PRESENT_SIGN), so a question, a lesson or a joke never cancels a danger told:
// - laughter about the writer's own tumble or faint ("摔了个屁墩儿，笑死我了");
// - learning, teaching, preparing or preventing ("我在学地质，滑坡前兆有哪些", "怎么教小朋友遇到火警");
// - a story, a memoir or an aftermath helped with ("讲他以前救火的故事", "昨晚的火灾有没有捐款");
// - fiction named as what was said ("他是在说剧里那个角色"), inside quotes;
// - a nuisance that keeps happening, complained about ("厂里老是排黑烟，能不能举报");
// - goods soaked with no person there ("地窖进水了，土豆泡了").
// A lesson, a story or a nuisance never takes an event told with 了 ("出发前孩子不见了") unless a
// time gone by is named ("前天那场大火烧了好几户，有没有捐款").
import {
  COMPLAINT,
  FICTION_FRAME,
  GOODS_SOAKED,
  LAUGHTER,
  LEARNING_FRAME,
  NUISANCE_HABIT,
  PAST_TIME,
  PERSON_THERE,
  PRESENT_SIGN,
  SOMEONE_ELSE,
  STORY_FRAME,
} from './danger-vocabulary.twenty-second-pass.js';
import type { Span } from './danger.message.js';
import type { DangerFamily } from './nlu.types.js';

type Cue = Span & { english: boolean; family: DangerFamily | null };

// A tumble or a figure laughed at: the families a joke about oneself can be about.
const LAUGHED_FAMILIES: ReadonlySet<DangerFamily | null> = new Set<DangerFamily | null>(['fall', 'collapse', 'unconscious']);
// Self-harm and violence are never set aside by a frame of subject (recall first): they get the question.
const PERSONAL: ReadonlySet<DangerFamily | null> = new Set<DangerFamily | null>(['self_harm', 'violence']);

/** An opening quote before `at` that is not closed before it. */
function insideQuotes(text: string, at: number): boolean {
  const before = text.slice(0, at);
  const open = Math.max(before.lastIndexOf('“'), before.lastIndexOf('"'), before.lastIndexOf('「'));
  if (open < 0) return false;
  const close = Math.max(before.lastIndexOf('”'), before.lastIndexOf('」'));
  if (before[open] === '"') return (before.match(/"/g) ?? []).length % 2 === 1;
  return close < open;
}

/** A cue the kind of message shows to be no event: see the list at the top. */
export function setAsideByKind(text: string, c: Cue): boolean {
  if (PRESENT_SIGN.test(text)) return false;
  if (FICTION_FRAME.test(text) && insideQuotes(text, c.start)) return true;
  if (PERSONAL.has(c.family)) return false;
  if (LAUGHED_FAMILIES.has(c.family) && LAUGHTER.test(text) && !SOMEONE_ELSE.test(text.slice(Math.max(0, c.start - 12), c.start))) return true;
  // An event told (了 on or right after the cue) is a subject or a story only when it is in the past.
  const told = /了$/.test(text.slice(c.start, c.end)) || /^[^，。！？]?了/.test(text.slice(c.end)) ? !PAST_TIME.test(text) : false;
  if (!told && (LEARNING_FRAME.test(text) || STORY_FRAME.test(text))) return true;
  if (!told && (c.family === 'fire' || c.family === 'gas') && NUISANCE_HABIT.test(text) && COMPLAINT.test(text)) return true;
  return c.family === 'flood' && GOODS_SOAKED.test(text) && !PERSON_THERE.test(text.replace(GOODS_SOAKED, ''));
}

// Wrapped copies of the learned danger check's training messages (decision 0068). Strangers' sets
// tell many dangers calmly or inside a question ("我就问一下哈…怎么处理", "…这个正常吗", "is that
// normal?"), and the ordinary needs the learned half trains on are mostly questions too: the
// wrapper's own characters (问, 正常, 吗, 处理 …) then count as evidence of an ordinary need. Every
// training message, danger or not, gets one copy inside a question or request frame chosen by a
// seeded generator, so the frames are seen as often on each side and carry no evidence either way.
// Deterministic: the same examples and seed give the same copies, in the same order.
import type { DangerTrainingExample } from './danger-training.js';
import { seededRandom } from './seeded-random.js';

/** Chinese frames: [before, after] the message. */
export const ZH_QUESTION_FRAMES: ReadonlyArray<readonly [string, string]> = [
  ['请问，', ''],
  ['我就问一下哈，', ''],
  ['我就问下啊，', '怎么处理'],
  ['', '，这个正常吗'],
  ['', '，这个算不算事啊'],
  ['', '，怎么处理比较好'],
  ['', '，要紧吗'],
  ['想咨询一下，', ''],
  ['不好意思打扰一下，', '，该找谁'],
  ['', '，需要管吗？'],
  ['问个事，', '，是不是我想多了'],
  ['', '，你们能帮忙吗'],
];

/** English frames: [before, after] the message. */
export const EN_QUESTION_FRAMES: ReadonlyArray<readonly [string, string]> = [
  ['', ' is that normal?'],
  ['', ' should I worry?'],
  ['quick question: ', ''],
  ['just asking, ', ' what should I do?'],
  ['sorry to bother you, ', ''],
  ['', ' is this serious?'],
  ['can I ask something? ', ''],
  ['', ' who do I contact about this?'],
];

/** The seed the default training uses. */
export const AUGMENT_SEED = 68;

const CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;

/** One message inside a question frame of its language (Chinese frames when it holds a Chinese character). */
export function wrapInQuestion(text: string, pick: number): string {
  const frames = CJK.test(text) ? ZH_QUESTION_FRAMES : EN_QUESTION_FRAMES;
  const [before, after] = frames[Math.min(frames.length - 1, Math.floor(pick * frames.length))]!;
  const body = text.trim().replace(/[。.!！?？~～]+$/u, '');
  return `${before}${body}${after}`;
}

/** The examples, then one wrapped copy of each with the same label (frames chosen by `seed`). */
export function withQuestionFrames(examples: readonly DangerTrainingExample[], seed = AUGMENT_SEED): DangerTrainingExample[] {
  const next = seededRandom(seed);
  return [...examples, ...examples.map((e) => ({ text: wrapInQuestion(e.text, next()), danger: e.danger }))];
}
